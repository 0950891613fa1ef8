"""Terminal cell widths, so Chinese titles line up in the CLI's tables.

Wide (W) and fullwidth (F) characters take two cells. This is the same rule Rich and
Textual apply in the TUI; the CLI has its own copy so `cockpit ls` never imports them.
"""

from __future__ import annotations

import unicodedata


def cell_width(text: str) -> int:
    """Cells `text` occupies in a terminal."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def fit(text: str, width: int) -> str:
    """Cut `text` to at most `width` cells (with an ellipsis) and pad it to exactly that."""
    if cell_width(text) > width:
        out, used = [], 0
        for ch in text:
            w = cell_width(ch)
            if used + w > width - 1:
                break
            out.append(ch)
            used += w
        text = "".join(out) + "…"
    return text + " " * (width - cell_width(text))
