"""Cutting styled text to a number of terminal cells, ending in `…`.

Rich's own ellipsis pads first and then puts `…` in the last cell, so when the cut
falls inside a wide (CJK) character the line reads `升级方 …` — a blank before the
ellipsis that looks like a missing character. `clip` stops before the character that
does not fit, puts `…` right after the text (blanks before it dropped) and pads after.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text


def clip(text: Text, width: int, *, pad: bool = False) -> Text:
    """`text` in at most `width` cells (exactly `width` with `pad`), styles kept."""
    width = max(width, 0)
    if text.cell_len <= width:
        out = text.copy()
    elif width == 0:
        out = Text("")
    else:
        used = cut = 0
        for n, ch in enumerate(text.plain):
            size = cell_len(ch)
            if used + size > width - 1:
                break
            used, cut = used + size, n + 1
        out = text[:cut]
        # `墨天轮 …` and `2天后到期 ·…` read as gaps too: the ellipsis follows a word.
        while out.plain and out.plain[-1] in " ·":
            out.right_crop(1)
        out.append("…", style=_style_at(text, cut))
    if pad and out.cell_len < width:
        out.append(" " * (width - out.cell_len))
    return out


def _style_at(text: Text, index: int) -> str:
    """The style of the spans covering character `index` (so `…` keeps a colour)."""
    styles = [str(s.style) for s in text.spans if s.start <= index < s.end]
    if text.style:
        styles.insert(0, str(text.style))
    return " ".join(styles)


def fit_parts(text: str, room: int) -> str:
    """`text`'s parts (`社区 5 · 博客 6 · …`, split at ` · `) that fit in `room` cells,
    whole, then ` · …`: cut anywhere, a part read `竞品 …` and its count was gone. A
    text whose first part does not fit is cut (`clip`)."""
    if cell_len(text) <= room:
        return text
    kept = ""
    for part in text.split(" · "):
        longer = f"{kept} · {part}" if kept else part
        if cell_len(longer) + len(" · …") > room:
            break
        kept = longer
    return f"{kept} · …" if kept else clip(Text(text), max(room, 1)).plain
