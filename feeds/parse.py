"""Downloaded feed bytes -> sanitised entry rows, with feedparser (or its fast path).

Runs in a worker (thread or process), never on the event loop. Everything returned is
already clean: plain text, no control characters, only http(s) links, dates as UTC
ISO-8601 strings, so the storage step only merges.

Safety: the bytes reach feedparser as a stream (a bytes argument that happens to be a
path would be opened as a file), and every `<!ENTITY` declaration is removed from the
prolog first. feedparser keeps "safe-looking" entity declarations for its loose parser,
which expands them without any limit: one 1 MB entity used a million times (the
quadratic blow-up) would otherwise cost terabytes. Expat guards the strict parser.

A plain, well-formed UTF-8 RSS 2.0 or Atom 1.0 document (most subscriptions) is read
by `cockpit.feeds.strict` into the same result feedparser would give, in a fraction
of its time; everything else goes to feedparser.

feedparser is imported on first use, in the worker, never on the event loop.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import io
import re
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from cockpit.feeds import strict
from cockpit.feeds.sanitize import clean_text, html_to_text, safe_link

SUMMARY_CAP = 2000
CONTENT_CAP = 12_000
"""Characters of an entry's full text kept for the preview (a long post is ~4 screens);
bounded so 60 feeds x 200 entries stay a file the app can read at start."""
TITLE_CAP = 300
GUID_CAP = 300
MAX_ENTRIES = 1000
"""Entries of one document that are looked at (newest first); retention keeps fewer."""

_ROOT = re.compile(rb"<[A-Za-z_]")
_ENTITY_DECL = re.compile(rb"<!ENTITY\s(?:[^>\"']|\"[^\"]*\"|'[^']*')*>?")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass
class ParsedFeed:
    """What one feed document yields."""

    is_feed: bool
    title: str = ""
    html_url: str | None = None
    entries: list[dict[str, Any]] = field(default_factory=list)
    problem: str = ""
    """Why it is not a feed (empty when it is one)."""


def defuse(data: bytes) -> bytes:
    """`data` (UTF-8) without entity declarations before the root element."""
    root = _ROOT.search(data)
    head_end = root.start() if root else len(data)
    head = data[:head_end]
    if b"<!ENTITY" not in head:
        return data
    return _ENTITY_DECL.sub(b"", head) + data[head_end:]


def _ascii_compatible(body: bytes) -> bool:
    """True when ASCII markup is ASCII bytes (not UTF-16/32 or EBCDIC)."""
    start = body[:4]
    return b"\x00" not in start and not start.startswith((b"\xff\xfe", b"\xfe\xff", b"\x4c\x6f"))


def parse_feed(body: bytes, content_type: str, url: str, fetched: str) -> ParsedFeed:
    """Parse one downloaded document.

    Args:
        body: the decoded (decompressed) response body.
        content_type: the response's Content-Type (charset and media type matter).
        url: the final URL, used as the base for relative links.
        fetched: UTC ISO time of the fetch, the date of entries that carry none.
    """
    # Imported here, in the worker: importing feedparser takes ~30 ms, not for the UI.
    import feedparser
    from feedparser.encodings import convert_to_utf8

    # No Content-Location: with a base URI feedparser joins every URI it sees (~30% of
    # its time); we join the two links we keep ourselves.
    headers = {"content-type": content_type or "application/xml"}
    data = body
    if b"<!ENTITY" in body or not _ascii_compatible(body):
        # Declarations may hide in UTF-16/32 or EBCDIC: look at the UTF-8 text instead.
        probe: dict[str, Any] = {}
        try:
            utf8 = convert_to_utf8(dict(headers), body, probe)
        except Exception:  # feedparser's detection is best-effort
            utf8 = b""
        if probe.get("encoding") and utf8:
            mime = headers["content-type"].split(";", 1)[0].strip()
            headers["content-type"] = f"{mime}; charset=utf-8"
            data = defuse(utf8)
        else:
            data = defuse(body)
    result = strict.read(body, headers["content-type"]) if data is body else None
    if result is None:
        result = feedparser.parse(
            io.BytesIO(data),
            response_headers=headers,
            sanitize_html=False,
            resolve_relative_uris=False,
        )
    parsed = from_result(result, fetched, url)
    if not parsed.is_feed and (b"<html" in body[:2000].lower() or "html" in content_type.lower()):
        parsed.problem = "not a feed (the server sent an HTML page)"
    return parsed


def from_result(result: Any, fetched: str, base: str = "") -> ParsedFeed:
    """Turn feedparser's result (or `strict.read`'s, shaped alike) into a `ParsedFeed`."""
    feed = result.get("feed", {})
    raw_entries = result.get("entries", [])
    if not result.get("version") and not raw_entries:
        return ParsedFeed(is_feed=False, problem="not a feed")
    title = _text(feed, "title", TITLE_CAP)
    html_url = _link(feed, base)
    rows = []
    seen: set[str] = set()
    for raw in raw_entries[:MAX_ENTRIES]:
        row = entry_row(raw, fetched, base)
        key = row["guid"] or row["hash"]
        if key in seen:
            continue  # the same item twice in one document
        seen.add(key)
        rows.append(row)
    return ParsedFeed(is_feed=True, title=title, html_url=html_url, entries=rows)


def entry_row(raw: Any, fetched: str, base: str = "") -> dict[str, Any]:
    """One clean entry: title, link, published, summary, guid and a content hash."""
    title = _text(raw, "title", TITLE_CAP)
    link = _link(raw, base)
    summary = _summary(raw)
    content = _content(raw, summary)
    guid = clean_text(str(raw.get("id", "") or ""))
    if len(guid) > GUID_CAP:
        guid = "sha1:" + hashlib.sha1(guid.encode()).hexdigest()
    digest = hashlib.sha1(f"{title}\0{link or ''}\0{summary}".encode()).hexdigest()[:16]
    row = {
        "title": title or "(untitled)",
        "link": link,
        "published": _published(raw, fetched),
        "summary": summary,
        "guid": guid,
        "hash": digest,
    }
    if content:  # stored only when it says more than the summary (most feeds: not)
        row["content"] = content
    return row


def _link(obj: Any, base: str) -> str | None:
    link = str(obj.get("link", "") or "")[:2048].strip()
    if link and base and not link.lower().startswith(("http://", "https://")):
        try:
            link = urljoin(base, link)
        except ValueError:
            return None
    return safe_link(link)


def _text(obj: Any, key: str, cap: int) -> str:
    value = obj.get(key)
    if not isinstance(value, str) or not value:
        return ""
    detail = obj.get(f"{key}_detail") or {}
    if detail.get("type") in _HTML_TYPES and "<" in value:
        value = html_to_text(value)
    return clean_text(value)[:cap]


def _summary(raw: Any) -> str:
    value, kind = raw.get("summary"), (raw.get("summary_detail") or {}).get("type")
    if not value:
        for part in raw.get("content") or []:
            if part.get("value"):
                value, kind = part["value"], part.get("type")
                break
    if not isinstance(value, str) or not value:
        return ""
    if kind in _HTML_TYPES or kind is None:
        return html_to_text(value, cap=SUMMARY_CAP)
    return clean_text(value[: SUMMARY_CAP * 2], multiline=True)[:SUMMARY_CAP]


def _content(raw: Any, summary: str) -> str:
    """The entry's full text (Atom `content`, RSS `content:encoded`) as plain text, cut
    at `CONTENT_CAP`; empty when the feed sends none or it is the summary again."""
    best, kind = "", None
    for part in raw.get("content") or []:
        value = part.get("value") if isinstance(part, dict) else None
        if isinstance(value, str) and len(value) > len(best):
            best, kind = value, part.get("type")
    if not best:
        return ""
    if kind in _HTML_TYPES or kind is None:
        text = html_to_text(best, cap=CONTENT_CAP)
    else:
        text = clean_text(best[: CONTENT_CAP * 2], multiline=True)[:CONTENT_CAP]
    if len(text) <= len(summary) or (
        text.startswith(summary.rstrip("…").rstrip()) and (len(text) - len(summary) < 40)
    ):
        return ""
    return text


def _published(raw: Any, fetched: str) -> str:
    """UTC ISO-8601 of the entry's date (published, else updated, else the fetch time)."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = raw.get(key)
        if isinstance(parsed, time.struct_time | tuple):
            try:
                stamp = calendar.timegm(tuple(parsed))
                moment = dt.datetime.fromtimestamp(stamp, dt.UTC)
            except (OverflowError, ValueError, OSError, TypeError):
                continue
            if moment.year < 1990:
                continue  # an epoch-zero placeholder, not a date
            return moment.isoformat()
    return fetched
