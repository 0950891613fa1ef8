"""Untrusted text made safe for a terminal and for storage: the one sanitiser.

Every text the cockpit did not write itself (command-line arguments, what is typed in a
form, CSV and taskwarrior imports, config strings, feeds, calendars) goes through
`clean_text` once, where it enters the domain. It removes:

- ESC-introduced sequences (CSI, OSC such as a window-title change, DCS, APC …) whole,
  so their parameters do not survive as text, and 8-bit CSI;
- C0/C1 control characters and DEL (tab and newline are kept where asked);
- bidi controls that can disguise text (Trojan Source), the interlinear annotation
  marks and lone surrogates (which could not even be stored as UTF-8 JSON);
- invisible characters that make two names look the same or hide text: zero-width
  space/joiners, word joiner and invisible operators, U+FEFF, soft hyphen, the Mongolian
  vowel separator, Hangul fillers and the Unicode tag characters (U+E0000-U+E007F).

Markup safety is the renderer's job: the TUI shows this text as plain `Text`, never as
markup (see `cockpit/screens/safe.py`).
"""

from __future__ import annotations

import re
from functools import cache

# The patterns are kept as text and compiled on first use (`_re`): compiling their
# Unicode classes took ~2 ms of every command, and text that is all printable ASCII
# (most titles, most output) needs none of them.


@cache
def _re(source: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(source, flags)


# CSI / OSC / other ESC sequences first, so their parameters do not survive as text.
_ESCAPES = (
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL/ST
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC
    r"|\x1b[@-Z\\-_]"  # two-character sequences
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|\x9d[^\x07\x1b\x9c]*(?:\x07|\x9c|\x1b\\)?"  # 8-bit OSC
)
# Shown as a space on one line (a control between two words must not glue them).
_CONTROLS = (
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff\ufff9-\ufffb]"
)
# Removed outright: they are invisible, so nothing stood in their place.
_INVISIBLE = (
    "[\u00ad\u034f\u115f\u1160\u180e\u200b-\u200d\u2060-\u2064\u3164\ufeff\uffa0"
    "\U000e0000-\U000e007f]"
)
_SEPARATORS = "[\u2028\u2029]"
# What must never reach a terminal from output we print: tab, LF and CR stay (CSV ends
# its lines with CR LF), every other control and the bidi controls go.
_UNSAFE_OUT = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
_HTTP = r"^https?://[^\s]+$"
# A spreadsheet runs a cell that starts with one of these as a formula (OWASP's list).
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"


def clean_text(text: str, *, multiline: bool = False) -> str:
    """`text` without escape sequences, control and invisible characters.

    Single-line fields (titles, names) also fold whitespace runs to one space; with
    `multiline`, line breaks are kept (CR LF and CR become LF, three or more collapse
    to one blank line) and the ends are stripped.
    """
    if text.isascii() and text.isprintable():
        return " ".join(text.split()) if not multiline else text.strip()  # the common case
    text = _re(_INVISIBLE).sub("", _re(_ESCAPES).sub("", text))
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        text = _re(_CONTROLS).sub("", _re(_SEPARATORS).sub("\n", text))
        return re.sub(r"\n{3,}", "\n\n", text).strip()
    text = text.replace("\t", " ").replace("\n", " ")
    text = _re(_CONTROLS).sub(" ", _re(_SEPARATORS).sub(" ", text))
    return " ".join(text.split())


def clean_line(value: object) -> str:
    """One line of text (a title, a name, a tag) from any value, cleaned."""
    return clean_text(value if isinstance(value, str) else str(value or ""))


def clean_block(value: object) -> str:
    """Text that may hold line breaks (notes, descriptions), cleaned."""
    return clean_text(value if isinstance(value, str) else str(value or ""), multiline=True)


def terminal_safe(text: str) -> str:
    """`text` with escape sequences and control characters removed, layout kept.

    For whole outputs (a report, a listing) rather than fields: tabs and line breaks
    stay. The command line passes everything it prints through this, so even a record
    stored before sanitising existed (or a hand-edited file) cannot drive the terminal.
    """
    if text.isascii() and text.replace("\n", "").replace("\t", "").replace("\r", "").isprintable():
        return text  # the common case: nothing to look for
    unsafe = _re(_UNSAFE_OUT)
    if unsafe.search(text) is None:
        return text
    return unsafe.sub("", _re(_ESCAPES).sub("", text))


def inert_cell(value: str) -> str:
    """A CSV cell a spreadsheet shows as text, never runs: one that starts like a
    formula (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`, a leading tab or CR) gets a leading
    `'` (OWASP's CSV-injection rule); a plain number such as `-12.5` stays a number."""
    if value.startswith(_FORMULA) and not _re(_PLAIN_NUMBER).fullmatch(value):
        return "'" + value
    return value


def cell_text(value: str) -> str:
    """A CSV cell as read back: the `'` that `inert_cell` put before a formula-like
    cell is dropped, so an export imported again is the same text (not `''=…`)."""
    if value.startswith("'") and value[1:].startswith(_FORMULA):
        return value[1:]
    return value


def safe_link(url: str) -> str | None:
    """`url` when it is a well-formed http(s) link, else None (javascript:, file:,
    data:, a broken IPv6 host, a port out of range …)."""
    url = clean_text(url)
    return url if link_problem(url) is None else None


def link_problem(url: str) -> str | None:
    """Why `url` is not a usable http(s) address, as the rest of a sentence that starts
    with the address ("is not an http(s) URL"); None when it is usable."""
    if not _re(_HTTP, re.IGNORECASE).match(url):
        return "is not an http(s) URL"
    # Imported here, for start-up time: every command imports this module, few check links.
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # "http://[::1": urlsplit refuses an unclosed IPv6 bracket
        return "has a broken host (an IPv6 address needs its closing ])"
    try:
        port = parts.port
    except ValueError:
        port = -1
    if port is not None and not 0 < port < 65536:
        shown = parts.netloc.rpartition(":")[2][:12]
        return f"has a port out of range ({shown}; ports are 1 to 65535)"
    if not host:
        return "has no host name"
    return None


def redact_url(url: str) -> str:
    """`url` with the password of an embedded `user:password@` replaced by `***`, so
    no message, listing or report ever shows it."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    end = min((i for i in (rest.find("/"), rest.find("?"), rest.find("#")) if i >= 0), default=-1)
    netloc, tail = (rest, "") if end < 0 else (rest[:end], rest[end:])
    userinfo, at, host = netloc.rpartition("@")
    if not at:
        return url
    user, colon, _password = userinfo.partition(":")
    return f"{scheme}://{user}{':***' if colon else ''}@{host}{tail}"


def undecodable(text: str) -> str | None:
    """The first byte Python could not decode as UTF-8 in `text` (as `\\xff`), or None.

    Command-line arguments and file names reach Python with such bytes smuggled in as
    lone surrogates; they can be neither shown nor stored.
    """
    for ch in text:
        if "\udc80" <= ch <= "\udcff":
            return f"\\x{ord(ch) - 0xDC00:02x}"
        if "\ud800" <= ch <= "\udfff":
            return f"\\u{ord(ch):04x}"
    return None
