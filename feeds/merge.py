"""Folding fetch outcomes into the workspace: feed state, new entries, retention.

One call handles a batch of feeds in one transaction, so a refresh of 60 feeds writes
`entries.json` a handful of times instead of 60. It works on the raw tables (one read,
one write per file): TinyDB's table API would rebuild the whole table per operation.

Entries are matched per feed by guid, then link (only when the link is unique within
the fetched document: some feeds give every item the same link), then a content hash.
A matched entry keeps its id, date and read/star marks, but takes the new title and
summary (postgresql.org ids embed the title, so an edited title keeps its link).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from cockpit.feeds.parse import ParsedFeed
from cockpit.feeds.sanitize import clean_text
from cockpit.net.reasons import retry_after
from cockpit.storage import WorkspaceFiles

FEEDS, ENTRIES, STATE = "feeds", "entries", "entry_state"


@dataclass
class Outcome:
    """What fetching (and parsing) one feed produced."""

    feed_id: int
    status: str  # "ok" | "not_modified" | "error"
    error: str = ""
    etag: str | None = None
    last_modified: str | None = None
    retry_after: str | None = None
    """The server's Retry-After header, if it sent one with an error."""
    bytes: int = 0
    elapsed: float = 0.0
    parsed: ParsedFeed | None = None
    body_hash: str | None = None


@dataclass
class Policy:
    """Retention and back-off rules."""

    keep: int = 200
    backoff_base: float = 300.0
    backoff_max: float = 86_400.0


def backoff(failures: int, now: dt.datetime, policy: Policy, floor: dt.datetime | None) -> str:
    """When a feed that failed `failures` times in a row may be tried again."""
    wait = min(policy.backoff_base * 2 ** max(failures - 1, 0), policy.backoff_max)
    when = now + dt.timedelta(seconds=wait)
    if floor is not None and floor > when:
        when = floor  # the server's Retry-After wins when it asks for longer
    return when.replace(microsecond=0).isoformat()


def apply_outcomes(
    files: WorkspaceFiles, outcomes: list[Outcome], now: dt.datetime, policy: Policy
) -> dict[int, int]:
    """Record a batch of outcomes; returns new entries per feed id (after retention)."""
    stamp = now.astimezone(dt.UTC).replace(microsecond=0).isoformat()
    new_counts: dict[int, int] = {}
    with files.transaction(FEEDS, ENTRIES, STATE):
        feeds_store, entries_store = files.storage(FEEDS), files.storage(ENTRIES)
        feeds_data = feeds_store.read()
        feeds = dict(feeds_data.get("feeds", {}))
        merging = [o for o in outcomes if o.parsed is not None and str(o.feed_id) in feeds]
        entries_data = entries_store.read()
        merger = _Merger(files, entries_data, policy) if merging else None
        for outcome in outcomes:
            key = str(outcome.feed_id)
            if key not in feeds:
                continue  # unsubscribed while it was being fetched
            doc = _feed_state(dict(feeds[key]), outcome, stamp, now, policy)
            if merger is not None and outcome.parsed is not None:
                new = merger.merge(outcome.feed_id, doc, outcome.parsed)
                new_counts[outcome.feed_id] = new
                doc["last_new"], doc["entries"] = new, merger.count(outcome.feed_id)
            feeds[key] = doc
        feeds_store.write({**feeds_data, "feeds": feeds})
        if merger is not None:
            merger.save(entries_store, entries_data)
    return new_counts


def _feed_state(
    doc: dict[str, Any], outcome: Outcome, stamp: str, now: dt.datetime, policy: Policy
) -> dict[str, Any]:
    doc.update(last_fetch=stamp, last_bytes=outcome.bytes, last_elapsed=round(outcome.elapsed, 3))
    doc["last_new"] = 0
    if outcome.status == "error":
        failures = int(doc.get("failures", 0)) + 1
        floor = retry_after(outcome.retry_after, now.astimezone(dt.UTC))
        doc.update(status="error", error=clean_text(outcome.error)[:300], failures=failures)
        doc["next_retry"] = backoff(failures, now.astimezone(dt.UTC), policy, floor)
        return doc
    doc.update(status="ok", error="", failures=0, next_retry=None, last_ok=stamp)
    if outcome.status == "ok":
        doc.update(etag=_validator(outcome.etag), last_modified=_validator(outcome.last_modified))
        doc["body_hash"] = outcome.body_hash
        parsed = outcome.parsed
        if parsed is not None:
            if doc.get("auto_title") and parsed.title:
                doc.update(title=parsed.title, auto_title=False)
            if not doc.get("html_url") and parsed.html_url:
                doc["html_url"] = parsed.html_url
    else:  # 304: a server may send fresh validators
        doc["etag"] = _validator(outcome.etag) or doc.get("etag")
        doc["last_modified"] = _validator(outcome.last_modified) or doc.get("last_modified")
    return doc


def _validator(value: str | None) -> str | None:
    """An ETag / Last-Modified we can store and send back verbatim, else None."""
    if value and len(value) <= 256 and value.isascii() and value.isprintable():
        return value
    return None


class _Index:
    """Known entries of one feed by guid, link and content hash."""

    def __init__(self) -> None:
        self.guid: dict[str, str] = {}
        self.link: dict[str, str] = {}
        self.hash: dict[str, str] = {}

    def note(self, doc: dict[str, Any], key: str) -> None:
        if doc.get("guid"):
            self.guid[doc["guid"]] = key
        if doc.get("link"):
            self.link[doc["link"]] = key
        self.hash[doc.get("hash", "")] = key

    def find(self, row: dict[str, Any], *, unique_link: bool) -> str | None:
        """The key of the stored entry `row` is a new version of, if any."""
        if row["guid"] and row["guid"] in self.guid:
            return self.guid[row["guid"]]
        if row["link"] and unique_link and row["link"] in self.link:
            return self.link[row["link"]]
        return self.hash.get(row["hash"])


class _Merger:
    """Entry changes of one batch, applied to copies of the tables."""

    def __init__(self, files: WorkspaceFiles, data: dict[str, Any], policy: Policy) -> None:
        self.files = files
        self.policy = policy
        self.entries: dict[str, Any] = dict(data.get("entries", {}))
        meta = data.get("meta", {}).get("1", {})
        self.next_id = int(meta.get("next_entry", 1))
        self.by_feed: dict[int, list[str]] = defaultdict(list)
        for key, doc in self.entries.items():
            self.by_feed[doc.get("feed_id", -1)].append(key)
            self.next_id = max(self.next_id, int(key) + 1)
        self.state: dict[str, Any] = files.storage(STATE).read().get("state", {})
        self.dropped: list[str] = []
        self.changed = False

    def count(self, feed_id: int) -> int:
        return len(self.by_feed.get(feed_id, []))

    def merge(self, feed_id: int, feed: dict[str, Any], parsed: ParsedFeed) -> int:
        """Add and update the entries of one feed; returns how many new ones stay."""
        keys = self.by_feed[feed_id]
        index = _Index()
        for known in keys:
            index.note(self.entries[known], known)
        incoming = sorted(parsed.entries, key=lambda r: r["published"], reverse=True)
        incoming = incoming[: self.policy.keep]
        link_uses = Counter(r["link"] for r in incoming if r["link"])
        names = {
            "feed_id": feed_id,
            "feed": feed.get("title", ""),
            "category": feed.get("category", ""),
        }
        added: set[str] = set()
        for row in incoming:
            key = index.find(row, unique_link=link_uses[row["link"]] == 1)
            if key is None:
                key = str(self.next_id)
                self.next_id += 1
                self.entries[key] = {**names, **row}
                keys.append(key)
                added.add(key)
                self.changed = True
            else:
                old = self.entries[key]
                fresh = {**old, **names, **{k: row[k] for k in ("title", "link", "summary")}}
                if row.get("content"):
                    fresh["content"] = row["content"]
                else:  # the feed stopped sending its full text: the summary is all
                    fresh.pop("content", None)
                fresh.update(guid=row["guid"] or old.get("guid", ""), hash=row["hash"])
                if fresh != old:
                    self.entries[key] = fresh
                    self.changed = True
            index.note(row, key)
        self._retain(feed_id, names)
        return len(added & set(self.by_feed[feed_id]))

    def _retain(self, feed_id: int, names: dict[str, Any]) -> None:
        """Keep the newest `keep` entries plus every starred one."""
        keys = self.by_feed[feed_id]
        keys.sort(key=lambda k: (self.entries[k].get("published", ""), int(k)), reverse=True)
        kept = []
        for rank, key in enumerate(keys):
            if rank < self.policy.keep or self.state.get(key, {}).get("starred"):
                kept.append(key)
                doc = self.entries[key]
                if doc.get("feed") != names["feed"] or doc.get("category") != names["category"]:
                    self.entries[key] = {**doc, **names}  # the feed was renamed
                    self.changed = True
            else:
                del self.entries[key]
                self.dropped.append(key)
                self.changed = True
        self.by_feed[feed_id] = kept

    def save(self, store: Any, data: dict[str, Any]) -> None:
        """Write what changed (nothing at all for an unchanged feed)."""
        if not self.changed:
            return
        meta = {**data.get("meta", {}), "1": {"next_entry": self.next_id}}
        store.write({**data, "entries": self.entries, "meta": meta})
        gone = {key for key in self.dropped if key in self.state}
        if gone:  # marks of pruned entries would only grow the small state file
            state_store = self.files.storage(STATE)
            state_data = state_store.read()
            state = {k: v for k, v in state_data.get("state", {}).items() if k not in gone}
            state_store.write({**state_data, "state": state})
