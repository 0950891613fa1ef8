"""The drawn lines of a panel, kept per row so a row that moves is not drawn again.

A panel's line is a row laid out for the panel's width on its colours (and, on the
cursor row, the cursor's). Keyed by the row itself rather than by its position, the
lines stay valid when a keypress moves an item out of a panel and every row below it
shifts up a line, when the panel's rows are handed over again unchanged after a write,
and when the focus moves (the border changes colour, the lines do not): those used to
draw every line of the panel again, most of what a triage key or `tab` cost to draw.
"""

from __future__ import annotations

from typing import Any

from textual.strip import Strip

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
