"""Untrusted text from feeds (and imports) made safe for a terminal.

Removes C0/C1 control characters (keeping tab and newline where asked), ESC-introduced
sequences, DEL and the bidi overrides that can disguise text. Markup safety is the
renderer's job: the TUI renders this text as plain `Text`, never as markup.
"""

from __future__ import annotations

import re

# CSI / OSC / other ESC sequences first, so their parameters do not survive as text.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL/ST
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC
    r"|\x1b[@-Z\\-_]"  # two-character sequences
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufff9-\ufffb]"
)


def clean_text(text: str, *, multiline: bool = False) -> str:
    """`text` without escape sequences and control characters.

    Single-line fields (titles, names) also fold whitespace runs to one space.
    """
    text = _ESCAPES.sub("", text)
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        text = _CONTROLS.sub("", text)
        return re.sub(r"\n{3,}", "\n\n", text).strip()
    text = _CONTROLS.sub(" ", text.replace("\t", " ").replace("\n", " "))
    return " ".join(text.split())


def safe_link(url: str) -> str | None:
    """`url` when it is an http(s) link, else None (javascript:, file:, data: …)."""
    url = clean_text(url)
    return url if re.match(r"^https?://[^\s]+$", url, re.IGNORECASE) else None
