"""Terminal cell widths, so Chinese titles line up in the CLI's tables.

Wide (W) and fullwidth (F) characters take two cells. This is the same rule Rich and
Textual apply in the TUI; the CLI has its own copy so `cockpit ls` never imports them.
"""

from __future__ import annotations

import functools
import unicodedata


@functools.lru_cache(maxsize=4096)
def _char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def cell_width(text: str) -> int:
    """Cells `text` occupies in a terminal."""
    if text.isascii():  # one cell each: most titles, and `ls` prints thousands
        return len(text)
    return sum(map(_char_width, text))


def fit(text: str, width: int) -> str:
    """Cut `text` to at most `width` cells (with an ellipsis) and pad it to exactly that."""
    used = cell_width(text)
    if used > width:
        out, used = [], 0
        for ch in text:
            w = _char_width(ch)
            if used + w > width - 1:
                break
            out.append(ch)
            used += w
        text = "".join(out) + "…"
        used += 1
    return text + " " * (width - used)
