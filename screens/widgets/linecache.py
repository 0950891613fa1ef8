"""The drawn lines of a panel, kept per row so a row that moves is not drawn again, and
which lines on screen a change of rows left showing something else.

A panel's line is a row laid out for the panel's width on its colours (and, on the
cursor row, the cursor's). Keyed by the row itself rather than by its position, the
lines stay valid when a keypress moves an item out of a panel and every row below it
shifts up a line, when the panel's rows are handed over again unchanged after a write,
and when the focus moves (the border changes colour, the lines do not): those used to
draw every line of the panel again, most of what a triage key or `tab` cost to draw.
And only the lines that show another row (or gained or lost the cursor) are repainted
(`changed_runs`): a reload that changed nothing in a panel repaints nothing there.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from textual.strip import Strip

Shown = tuple[object, bool] | None
"""What one line on screen shows: its row and whether the cursor is on it (None: a row
not built yet, so not known to be the same)."""

LIMIT = 500
"""Lines kept before the cache starts over: a panel shows a few dozen at a time, and a
list handed new rows (the news, every minute) must not keep the old ones' lines."""


class LineCache:
    """Strips by (row, cursor state, width); rows are compared by identity."""

    def __init__(self) -> None:
        self._lines: dict[tuple[int, str, int], tuple[object, Strip]] = {}
        self._looks: tuple[Any, ...] | None = None
        self.stale = True
        """The panel's styles changed since the lines were checked against them."""

    def check(self, looks: tuple[Any, ...]) -> None:
        """Drop every line when the colours they were drawn in (`looks`) changed."""
        self.stale = False
        if looks != self._looks:
            self._looks = looks
            self._lines.clear()

    def get(self, row: object, cursor: str, width: int) -> Strip | None:
        """The line of `row` drawn `width` wide with `cursor` ("", "focus", "blur")."""
        hit = self._lines.get((id(row), cursor, width))
        if hit is None or hit[0] is not row:  # an id reused by another row
            return None
        return hit[1]

    def put(self, row: object, cursor: str, width: int, strip: Strip) -> None:
        if len(self._lines) >= LIMIT:
            self._lines.clear()
        # The row is kept with its line, so its id cannot be reused while it is here.
        self._lines[(id(row), cursor, width)] = (row, strip)

    def clear(self) -> None:
        self._lines.clear()


def same(a: Shown, b: Shown) -> bool:
    """Two lines show the same: the same row (or an equal one) and cursor state."""
    if a is None or b is None or a[1] != b[1]:
        return False
    return a[0] is b[0] or a[0] == b[0]


def changed_runs(was: Sequence[Shown], now: Sequence[Shown]) -> Iterator[tuple[int, int]]:
    """The runs of lines (first line, how many) that show something else `now` than
    they `was` showing; a line only one of the two has is changed."""

    def alike(y: int) -> bool:
        return y < len(was) and y < len(now) and same(was[y], now[y])

    y, end = 0, max(len(was), len(now))
    while y < end:
        if alike(y):
            y += 1
            continue
        start = y
        while y < end and not alike(y):
            y += 1
        yield start, y - start
