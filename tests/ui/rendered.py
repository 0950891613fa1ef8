"""What the compositor draws, for Pilot tests that must see the screen, not widget state.

`drawn(app)` is the screen as strips of styled segments (exactly what goes to the
terminal); `marked_rows(app, widget)` says which rows of a list are drawn unlike the
others — the cursor row, when the list shows one.
"""

from __future__ import annotations

from typing import Any

from rich.color import Color
from textual.app import App
from textual.strip import Strip
from textual.widget import Widget

Look = tuple[Color | None, ...]


def drawn(app: App[Any]) -> list[Strip]:
    """Every line of the current screen as the compositor renders it."""
    return app.screen._compositor.render_strips()


def cell_backgrounds(strip: Strip, x0: int, x1: int) -> list[Color | None]:
    """The background colour of each cell from x0 to x1 of a rendered line."""
    cells: list[Color | None] = []
    for segment in strip.crop(x0, x1):
        bg = segment.style.bgcolor if segment.style else None
        cells.extend([bg] * segment.cell_length)
    return cells


def row_looks(app: App[Any], widget: Widget, top: int = 0) -> list[Look]:
    """For each line of `widget`'s content (inside border and scrollbars, below `top`
    header lines): the backgrounds of its cells."""
    strips = drawn(app)
    region = widget.scrollable_content_region
    return [
        tuple(cell_backgrounds(strips[y], region.x, region.right))
        for y in range(region.y + top, region.bottom)
    ]


def marked_rows(app: App[Any], widget: Widget, top: int = 0, band: int = 3) -> list[int]:
    """Rows (0 = first content line below `top` header lines) drawn with a background
    that shows nowhere else but in one run of at most `band` lines: with a visible
    cursor, exactly the cursor's row (or the lines of a wrapped option). Zebra stripes
    are not marks: each stripe colour repeats."""
    looks = [frozenset(look) for look in row_looks(app, widget, top)]
    rows_of: dict[Color | None, list[int]] = {}
    for y, look in enumerate(looks):
        for bg in look:
            rows_of.setdefault(bg, []).append(y)
    marks = {
        bg
        for bg, rows in rows_of.items()
        if len(rows) <= band < len(looks) and rows == list(range(rows[0], rows[-1] + 1))
    }
    return [y for y, look in enumerate(looks) if look & marks]
