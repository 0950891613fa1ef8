"""Untrusted text from feeds (and imports) made safe for a terminal.

Removes C0/C1 control characters (keeping tab and newline where asked), ESC-introduced
sequences, DEL, the bidi controls that can disguise text and lone surrogates (which
could not even be stored as UTF-8 JSON). Markup safety is the renderer's job: the TUI
renders this text as plain `Text`, never as markup.

`html_to_text` turns feed HTML into plain text with a linear scanner: feedparser's own
sanitiser is switched off (it is ~40% of parsing time) because we keep no HTML at all.
"""

from __future__ import annotations

import html
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
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff\ufff9-\ufffb]"
)
# Tags whose content is never text; the rest of a tag is dropped, its text kept.
_SKIP_BODY = frozenset({"script", "style", "head", "title", "template", "noscript", "svg"})
# Blocks start and end a paragraph; line tags only start a line (so a list is compact).
_BLOCKS = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "ul", "ol"}
    | {"table", "hr", "section", "article", "header", "footer", "figure"}
)
_LINES = frozenset({"br", "li", "tr", "dt", "dd"})
_TAG_NAME = re.compile(r"/?\s*([a-zA-Z][a-zA-Z0-9:-]*)")
_CLOSERS: dict[str, re.Pattern[str]] = {}
HTML_SCAN_LIMIT = 100_000
"""Characters of one HTML fragment that are looked at: enough for any capped summary."""


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


def html_to_text(fragment: str, *, cap: int = 0) -> str:
    """Plain text of an HTML fragment: tags dropped, entities decoded, lines kept.

    Linear in the input (every search starts where the last ended), so hostile HTML
    such as thousands of unclosed `<script` or `<!--` costs no more than its length.
    The result is cleaned with `clean_text(multiline=True)`; `cap` > 0 cuts it.
    """
    s = fragment[:HTML_SCAN_LIMIT]
    out: list[str] = []
    i, n = 0, len(s)
    while i < n:
        lt = s.find("<", i)
        if lt < 0:
            out.append(s[i:])
            break
        out.append(s[i:lt])
        nxt = s[lt + 1 : lt + 2]
        if not (nxt.isascii() and (nxt.isalpha() or nxt in "/!?")):
            out.append("<")  # "a < b" is text, not a tag
            i = lt + 1
            continue
        if s.startswith("<!--", lt):
            end = s.find("-->", lt + 4)
            i = n if end < 0 else end + 3
            continue
        gt = s.find(">", lt + 1)
        if gt < 0:
            break  # an unterminated tag at the end: drop it
        i = gt + 1
        match = _TAG_NAME.match(s, lt + 1, gt)
        if match is None:
            continue
        name = match.group(1).lower()
        if name in _SKIP_BODY and s[lt + 1] != "/" and s[gt - 1] != "/":
            closer = _CLOSERS.setdefault(name, re.compile(rf"</\s*{name}\s*>", re.IGNORECASE))
            end_match = closer.search(s, i)
            i = n if end_match is None else end_match.end()
        elif name in _BLOCKS or (name in _LINES and s[lt + 1] != "/"):
            out.append("\n")
    text = html.unescape("".join(out))
    lines = (" ".join(line.split()) for line in text.replace("\r", "\n").split("\n"))
    text = clean_text("\n".join(lines), multiline=True)
    return text[:cap].rstrip() if cap > 0 else text
