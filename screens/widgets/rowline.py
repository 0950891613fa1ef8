"""One line of a panel: the record it shows (`Row`), laid out for the panel's width and
painted on the panel's colours, and the cursor's on the cursor row.

Apart from the panel widget (`panels.py`: the rows, the cursor, the keys, the borders)
because all of it is a pure function of the row, the width and the colours. That is
what lets `linecache` keep a row's drawn line and hand it back unchanged when the row
only moved, and what the fit tests check without a widget.

All text is Rich `Text` (never markup strings), so titles from imports or feeds cannot
inject markup, and Rich measures CJK characters as two cells so Chinese titles line up.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from cockpit.screens.widgets.textfit import clip


@dataclass(frozen=True)
class Row:
    """One line of a panel: its record id, title and meta text."""

    ref: int
    title: Text
    meta: Text


META_SHARE = 0.4  # of a line the meta text may take when title and meta do not both fit


def layout_line(title: Text, meta: Text, width: int) -> Text:
    """Title on the left, meta text right-aligned, in exactly `width` cells.

    When both fit, both are whole. Otherwise the title is what you scan: the meta text
    gets at most ~40% of the line, or all the title leaves when the title is short
    (`ACME  top` no longer cuts its `follow-up today` at 40%).
    """
    gap = 1 if meta.cell_len else 0
    if title.cell_len + gap + meta.cell_len <= width:
        meta_width = meta.cell_len
    else:
        leaves = width - title.cell_len - gap
        meta_width = min(meta.cell_len, max(int(width * META_SHARE), leaves))
    shown = clip(meta, meta_width)  # a cut meta may come out a cell or two shorter
    line = clip(title, max(width - shown.cell_len - gap, 1), pad=True)
    if gap:
        line.append(" ")
    line.append_text(shown)
    return line


def paint(line: Text, width: int, base: Style, console: Console, cursor: Style | None) -> Strip:
    """`line` as a strip of exactly `width` cells on the panel's style `base`; on the
    cursor row, the cursor's background goes over every segment's own style.
    (`Strip.apply_style` would put it underneath, where each segment's background hides
    it: an invisible cursor.)
    """
    segments = list(line.render(console))
    strip = Strip(segments).adjust_cell_length(width, base).crop(0, width)
    over = Style(bgcolor=cursor.bgcolor) if cursor is not None else None
    styled = []
    for segment in strip:
        style = base + segment.style if segment.style else base
        if over is not None:
            style += over
        styled.append(Segment(segment.text, style))
    return Strip(styled, width)
