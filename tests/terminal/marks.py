"""Finding the cursor on a captured screen without knowing its colour.

A list's cursor is a background colour that, on the whole screen, sits on one line
only (the cursor's, or two for an entry that wraps); `moved_mark` finds such a colour
before and after a key and says from which line to which it went. Header, footer,
borders and panel backgrounds repeat over many lines, so they are never taken for it.
"""

from __future__ import annotations

from tests.terminal.cells import Grid

MIN_CELLS = 6  # a cursor covers its row; a stray coloured cell or two is not one


def single_line_backgrounds(grid: Grid, band: int = 2) -> dict[str | None, int]:
    """Background colours that cover at least MIN_CELLS cells of one line (or of one run
    of up to `band` lines: a list entry that wraps), mapped to that first line."""
    lines_of: dict[str | None, set[int]] = {}
    wide: dict[str | None, set[int]] = {}
    for y, row in enumerate(grid.rows):
        count: dict[str | None, int] = {}
        for cell in row:
            bg = cell.look[1]
            count[bg] = count.get(bg, 0) + 1
        for bg, n in count.items():
            lines_of.setdefault(bg, set()).add(y)
            if n >= MIN_CELLS:
                wide.setdefault(bg, set()).add(y)
    return {
        bg: min(lines)
        for bg, lines in lines_of.items()
        if len(lines) <= band and max(lines) - min(lines) == len(lines) - 1 and wide.get(bg)
    }


def moved_mark(before: Grid, after: Grid) -> tuple[str | None, int, int] | None:
    """(colour, line before, line after) of a one-line background that moved."""
    old, new = single_line_backgrounds(before), single_line_backgrounds(after)
    for bg, y in old.items():
        if bg in new and new[bg] != y:
            return bg, y, new[bg]
    return None
