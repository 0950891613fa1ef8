"""Untrusted text from feeds made safe for a terminal.

`clean_text` and `safe_link` are the domain-wide sanitiser of `cockpit.core.text`
(re-exported here for the feed modules); markup safety is the renderer's job.

`html_to_text` turns feed HTML into plain text with a linear scanner: feedparser's own
sanitiser is switched off (it is ~40% of parsing time) because we keep no HTML at all.
"""

from __future__ import annotations

import html
import re

from cockpit.core.text import clean_text, link_problem, safe_link

__all__ = ["clean_text", "html_to_text", "link_problem", "safe_link"]

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
