"""Feed subscriptions and their fetch state, in `feeds.json`.

One document per feed (id = TinyDB doc id, never reused: a counter in the `meta` table
keeps removed ids retired, so stale entry links cannot point at a new feed).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tinydb.table import Document

from cockpit.feeds.categories import canonical
from cockpit.feeds.model import Feed, FeedError, FeedNotFoundError, ImportReport, normalize_url
from cockpit.feeds.opml import OpmlError, OpmlFeed, build_opml, parse_opml
from cockpit.feeds.sanitize import clean_text, link_problem
from cockpit.storage import WorkspaceFiles

FEEDS = "feeds"
ENTRIES = "entries"
STATE = "entry_state"
DEFAULTS = "pg-default.opml"

__all__ = ["Feed", "FeedError", "FeedList", "FeedNotFoundError", "ImportReport", "normalize_url"]


class FeedList:
    """The subscriptions of a workspace."""

    def __init__(self, files: WorkspaceFiles) -> None:
        self.files = files

    # reading ------------------------------------------------------------------------
    def all(self) -> list[Feed]:
        """Every subscription, in the order they were added."""
        raw = self.files.raw(FEEDS).get("feeds", {})
        feeds = [Feed.from_doc(int(key), doc) for key, doc in raw.items()]
        return sorted(feeds, key=lambda f: f.id)

    def get(self, feed_id: int) -> Feed:
        """The feed with `feed_id`.

        Raises:
            FeedNotFoundError: no such feed.
        """
        doc = self.files.raw(FEEDS).get("feeds", {}).get(str(feed_id))
        if doc is None:
            raise FeedNotFoundError("err.feed.none", id=feed_id)
        return Feed.from_doc(feed_id, doc)

    def categories(self) -> list[str]:
        """Categories in first-use order."""
        return list(dict.fromkeys(f.category for f in self.all()))

    # changing -----------------------------------------------------------------------
    def add(self, url: str, category: str = "", title: str = "") -> Feed:
        """Subscribe to `url` (nothing is fetched yet).

        Raises:
            FeedError: not an http(s) URL, or already subscribed.
        """
        clean = clean_text(url)
        problem = link_problem(clean)
        if problem is not None:
            raise FeedError("err.feed.url", url=clean[:100], problem=problem)
        wanted = OpmlFeed(clean, clean_text(title)[:300], canonical(clean_text(category))[:60])
        added, skipped = self.add_many([wanted])
        if not added:
            raise FeedError(skipped[0])
        return added[0]

    def add_many(self, wanted: list[OpmlFeed]) -> tuple[list[Feed], list[str]]:
        """Add feeds in one transaction, skipping URLs already present.

        Returns the feeds added and one sentence per skipped URL. URLs are not checked
        here: `add` and the OPML reader only pass http(s) ones.
        """
        added: list[Feed] = []
        skipped: list[str] = []
        with self.files.transaction(FEEDS):
            table = self.files.table(FEEDS, "feeds")
            meta = self.files.table(FEEDS, "meta")
            doc = meta.get(doc_id=1)
            next_id = int(doc.get("next_feed", 1)) if isinstance(doc, dict) else 1
            raw = self.files.raw(FEEDS).get("feeds", {})
            known = {normalize_url(d["url"]): int(k) for k, d in raw.items()}
            next_id = max([next_id, *(n + 1 for n in known.values())])
            docs = []
            for item in wanted:
                key = normalize_url(item.url)
                if key in known:
                    skipped.append(f"already subscribed to {item.url} (feed {known[key]})")
                    continue
                host = urlsplit(item.url).hostname or item.url
                feed = Feed(
                    id=next_id,
                    url=item.url,
                    title=item.title or host,
                    category=item.category,
                    html_url=item.html_url,
                    enabled=item.enabled,
                    auto_title=not item.title,
                )
                known[key] = next_id
                docs.append(Document(feed.to_doc(), doc_id=next_id))
                added.append(feed)
                next_id += 1
            if docs:
                table.insert_multiple(docs)
                meta.upsert(Document({"next_feed": next_id}, doc_id=1))
        return added, skipped

    def update(self, feed_id: int, **changes: Any) -> Feed:
        """Change fields of one feed (title, category, enabled, fetch state …).

        Raises:
            FeedNotFoundError: no such feed.
            FeedError: an unknown field.
        """
        known = {f.name for f in dataclasses.fields(Feed)} - {"id"}
        if unknown := set(changes) - known:
            raise FeedError("err.feed.field", field=sorted(unknown)[0])
        if "title" in changes:
            changes["auto_title"] = False
        with self.files.transaction(FEEDS, ENTRIES):
            feed = self.get(feed_id)
            updated = dataclasses.replace(feed, **changes)
            self.files.table(FEEDS, "feeds").upsert(Document(updated.to_doc(), doc_id=feed_id))
            if (updated.title, updated.category) != (feed.title, feed.category):
                self._rename_entries(updated)
        return updated

    def _rename_entries(self, feed: Feed) -> None:
        """Entries carry their feed's name and category (for the daily panel): follow."""
        store = self.files.storage(ENTRIES)
        data = store.read()
        entries = dict(data.get("entries", {}))
        names = {"feed": feed.title, "category": feed.category}
        for key, doc in entries.items():
            if doc.get("feed_id") == feed.id:
                entries[key] = {**doc, **names}
        store.write({**data, "entries": entries})

    def update_many(self, changes: dict[int, dict[str, Any]]) -> None:
        """Change fields of several feeds in one write (unknown ids are ignored)."""
        with self.files.transaction(FEEDS):
            table = self.files.table(FEEDS, "feeds")
            docs = []
            for feed_id, fields in changes.items():
                current = table.get(doc_id=feed_id)
                if isinstance(current, dict):
                    docs.append(Document({**current, **fields}, doc_id=feed_id))
            for doc in docs:
                table.upsert(doc)

    def set_enabled(self, feed_id: int, enabled: bool) -> Feed:
        """Switch fetching of one feed on or off (its entries stay)."""
        return self.update(feed_id, enabled=enabled)

    def remove(self, feed_id: int) -> Feed:
        """Unsubscribe: the feed and its entries go, except starred entries.

        Raises:
            FeedNotFoundError: no such feed.
        """
        with self.files.transaction(FEEDS, ENTRIES, STATE):
            feed = self.get(feed_id)
            self.files.table(FEEDS, "feeds").remove(doc_ids=[feed_id])
            state = self.files.raw(STATE).get("state", {})
            gone = self.removable_entries(feed_id)
            if gone:
                self.files.table(ENTRIES, "entries").remove(doc_ids=gone)
                marks = self.files.table(STATE, "state")
                marks.remove(doc_ids=[n for n in gone if str(n) in state])
        return feed

    def removable_entries(self, feed_id: int) -> list[int]:
        """The entries that go with the feed when it is removed: all but the starred."""
        state = self.files.raw(STATE).get("state", {})
        raw = self.files.raw(ENTRIES).get("entries", {})
        return [
            int(key)
            for key, doc in raw.items()
            if doc.get("feed_id") == feed_id and not state.get(key, {}).get("starred")
        ]

    # OPML ---------------------------------------------------------------------------
    def import_opml(self, source: Path | bytes) -> ImportReport:
        """Subscribe to every feed of an OPML file; known URLs are skipped.

        Raises:
            FeedError: the file cannot be read or is not valid OPML (nothing changed).
        """
        if isinstance(source, Path):
            name = str(source)
            try:
                data = source.read_bytes()
            except OSError as exc:
                raise FeedError("err.file.read", path=name, problem=exc.strerror or exc) from None
        else:
            name, data = "the OPML file", source
        try:
            wanted, invalid = parse_opml(data, name)
        except OpmlError as exc:
            raise FeedError(exc.key, **exc.fields) from None
        added, skipped = self.add_many(wanted)
        reasons = skipped + [f"{s.title or s.url}: {s.reason}" for s in invalid]
        return ImportReport(len(added), len(reasons), added, reasons)

    def export_opml(self, now: dt.datetime | None = None) -> bytes:
        """Every subscription as OPML 2.0, grouped by category."""
        when = now or dt.datetime.now(dt.UTC)
        feeds = sorted(self.all(), key=lambda f: (f.category == "", f.category, f.id))
        return build_opml(feeds, "cockpit subscriptions", when)

    def install_defaults(self) -> int:
        """Subscribe to the bundled PostgreSQL list; returns how many were added.

        Feeds whose address was only guessed come disabled (`enabled="false"`).
        """
        return self.import_defaults().added

    def import_defaults(self) -> ImportReport:
        """`install_defaults`, with the report of what was added and skipped."""
        data = resources.files("cockpit").joinpath("data", DEFAULTS).read_bytes()
        return self.import_opml(data)
