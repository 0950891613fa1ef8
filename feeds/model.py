"""A subscription as stored in `feeds.json`, and the errors and reports about them.

Re-exported by `cockpit.feeds.subscriptions`, where callers import them from.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from cockpit.core.errors import CockpitError


class FeedError(CockpitError, ValueError):
    """A subscription change we refuse; `str()` is one sentence for the user."""


class FeedNotFoundError(FeedError, LookupError):
    """No feed with that id."""


@dataclass
class Feed:
    """A subscription and what its last fetches left behind."""

    id: int
    url: str
    title: str
    category: str = ""
    html_url: str | None = None
    enabled: bool = True
    status: str = "new"  # "new" | "ok" | "error"
    error: str = ""
    etag: str | None = None
    last_modified: str | None = None
    last_fetch: str | None = None
    failures: int = 0
    next_retry: str | None = None
    entries: int = 0
    last_new: int = 0
    last_bytes: int = 0
    last_elapsed: float = 0.0
    last_ok: str | None = None
    """UTC ISO time of the last successful fetch (200 or 304)."""
    body_hash: str | None = None
    """Digest of the last parsed body: an unchanged body from a server without
    validators (no ETag / Last-Modified) is treated like a 304 and not parsed again."""
    auto_title: bool = False
    """The title is a placeholder (the host) until the feed names itself."""

    @classmethod
    def from_doc(cls, feed_id: int, doc: dict[str, Any]) -> Feed:
        known = {f.name for f in dataclasses.fields(cls)} - {"id"}
        return cls(id=feed_id, **{k: v for k, v in doc.items() if k in known})

    def to_doc(self) -> dict[str, Any]:
        doc = dataclasses.asdict(self)
        del doc["id"]
        return doc

    def public(self) -> dict[str, Any]:
        """JSON form for `cockpit feeds ls --json`."""
        return dataclasses.asdict(self)


@dataclass
class ImportReport:
    """What an OPML import did."""

    added: int = 0
    skipped: int = 0
    feeds: list[Feed] = field(default_factory=list)
    """The feeds added."""
    reasons: list[str] = field(default_factory=list)
    """One line per skipped outline: title or URL, and why."""


def normalize_url(url: str) -> str:
    """The identity of a feed URL: scheme and host lower-cased, default port and
    fragment dropped. Path and query are kept as they are (servers may care)."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    port = parts.port if parts.port not in (None, 80, 443) else None
    netloc = host if port is None else f"{host}:{port}"
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", parts.query, ""))
