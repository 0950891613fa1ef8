"""Stored feed entries and their read/star marks.

Entry bodies live in `entries.json`; read and starred marks in `entry_state.json`, so
marking one entry read rewrites a small file, not the bodies. Each entry names its feed
twice: `feed_id` (the subscription) and `feed` / `category` (copied at fetch time, so the
daily panel needs no join).
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from tinydb.table import Document

from cockpit.core.changes import Undoable, changing
from cockpit.core.i18n import msg
from cockpit.feeds.sanitize import clean_text, safe_link
from cockpit.storage import WorkspaceFiles

FEEDS = "feeds"  # the subscriptions (cockpit.feeds.subscriptions)
ENTRIES = "entries"
STATE = "entry_state"
SUMMARY_CAP = 2000
CONTENT_CAP = 12_000  # as cockpit.feeds.parse: the full text kept for the preview


@dataclass
class Entry:
    """One feed entry as stored (already sanitised)."""

    id: int
    feed: str
    category: str
    title: str
    link: str | None
    published: str
    summary: str
    read: bool = False
    starred: bool = False
    feed_id: int | None = None
    content: str = ""
    """The full text when the feed sends more than the summary (bounded)."""

    @property
    def text(self) -> str:
        """What the preview shows: the full text, else the summary."""
        return self.content or self.summary

    def public(self) -> dict[str, Any]:
        """JSON form for `cockpit feeds entries --json`."""
        return {
            "id": self.id,
            "feed": self.feed,
            "feed_id": self.feed_id,
            "category": self.category,
            "title": self.title,
            "link": self.link,
            "published": self.published,
            "summary": self.summary,
            "content": self.content,
            "read": self.read,
            "starred": self.starred,
        }


class EntryStore:
    """Entries of a workspace."""

    def __init__(self, files: WorkspaceFiles) -> None:
        self.files = files

    def add(self, rows: list[dict[str, Any]]) -> list[int]:
        """Store new entries (each field sanitised); returns their ids."""
        ids: list[int] = []
        with self.files.transaction(ENTRIES):
            table = self.files.table(ENTRIES, "entries")
            meta = self.files.table(ENTRIES, "meta")
            doc = meta.get(doc_id=1)
            next_id = int(doc.get("next_entry", 1)) if isinstance(doc, dict) else 1
            docs = []
            for row in rows:
                docs.append(Document(_clean(row), doc_id=next_id))
                ids.append(next_id)
                next_id += 1
            table.insert_multiple(docs)
            meta.upsert(Document({"next_entry": next_id}, doc_id=1))
        return ids

    def all(self) -> list[Entry]:
        """Every entry, newest first, with its read/star marks."""
        raw = self.files.raw(ENTRIES).get("entries", {})
        state = self.files.raw(STATE).get("state", {})
        out = [_entry(int(key), doc, state.get(key, {})) for key, doc in raw.items()]
        out.sort(key=lambda e: (e.published, e.id), reverse=True)
        return out

    def get(self, entry_id: int) -> Entry | None:
        """One entry by id (None when it is gone)."""
        doc = self.files.raw(ENTRIES).get("entries", {}).get(str(entry_id))
        if doc is None:
            return None
        marks = self.files.raw(STATE).get("state", {}).get(str(entry_id), {})
        return _entry(entry_id, doc, marks)

    def for_feed(self, feed_id: int) -> list[Entry]:
        """Entries of one feed, newest first."""
        return self._where(lambda doc: doc.get("feed_id") == feed_id)

    def for_category(self, category: str) -> list[Entry]:
        """Entries of one category, newest first."""
        return self._where(lambda doc: doc.get("category", "") == category)

    def _where(self, keep: Callable[[dict[str, Any]], bool]) -> list[Entry]:
        raw = self.files.raw(ENTRIES).get("entries", {})
        state = self.files.raw(STATE).get("state", {})
        out = [_entry(int(k), doc, state.get(k, {})) for k, doc in raw.items() if keep(doc)]
        out.sort(key=lambda e: (e.published, e.id), reverse=True)
        return out

    def unread_counts_by_feed(self) -> dict[int, int]:
        """Unread entries per feed id (feeds without unread entries are absent)."""
        raw = self.files.raw(ENTRIES).get("entries", {})
        state = self.files.raw(STATE).get("state", {})
        counts: Counter[int] = Counter()
        for key, doc in raw.items():
            feed_id = doc.get("feed_id")
            if feed_id is not None and not state.get(key, {}).get("read"):
                counts[feed_id] += 1
        return dict(counts)

    def latest_unread(self, limit: int) -> list[Entry]:
        """The newest `limit` unread entries, without building every entry."""
        return self.unread_summary(limit)[0]

    def unread_by_category(self) -> dict[str, int]:
        return self.unread_summary(0)[1]

    def unread_summary(self, limit: int) -> tuple[list[Entry], dict[str, int]]:
        """Newest unread entries and unread counts per category, in one pass.

        The daily screen calls this at start-up over thousands of entries, so it works
        on the raw documents and builds `Entry` objects only for the rows it returns.
        """
        raw = self.files.raw(ENTRIES).get("entries", {})
        state = self.files.raw(STATE).get("state", {})
        counts: Counter[str] = Counter()
        unread: list[tuple[str, int, dict[str, Any]]] = []
        for key, doc in raw.items():
            if state.get(key, {}).get("read"):
                continue
            counts[doc.get("category", "")] += 1
            unread.append((doc.get("published", ""), int(key), doc))
        newest = heapq.nlargest(limit, unread, key=lambda row: (row[0], row[1]))
        entries = [_entry(ref, doc, state.get(str(ref), {})) for _published, ref, doc in newest]
        return entries, dict(counts)

    def stamp(self) -> object:
        """Changes whenever an entry or a mark changes (the files' stamps), so a screen
        can tell cheaply whether what it shows is still current."""
        return tuple(self.files.stamps(ENTRIES, STATE).values())

    def docs(self) -> dict[str, Any]:
        """The raw entries (id -> document): for passes that need no `Entry` objects."""
        entries: dict[str, Any] = self.files.raw(ENTRIES).get("entries", {})
        return entries

    def entries_stamp(self) -> object:
        """Changes whenever an entry's body changes (not its marks)."""
        return self.files.stamps(ENTRIES)[ENTRIES]

    def unread_among(self, ids: Iterable[int]) -> list[int]:
        """Those of `ids` not marked read (a look-up each: no pass over every entry)."""
        state = self.files.raw(STATE).get("state", {})
        return [ref for ref in ids if not state.get(str(ref), {}).get("read")]

    def unread_ids(self) -> set[int]:
        """Ids of the entries not marked read."""
        raw = self.files.raw(ENTRIES).get("entries", {})
        state = self.files.raw(STATE).get("state", {})
        return {int(k) for k in raw if not state.get(k, {}).get("read")}

    def has_feeds(self) -> bool:
        """Whether the workspace subscribes to any feed (the news panel's first-run
        hint); reads the small subscriptions file without building the feed list."""
        return bool(self.files.raw(FEEDS).get("feeds"))

    def index(self) -> list[tuple[str, int, int, str]]:
        """(published, id, feed id, category) of every entry, newest first; bodies are
        not built, so a list of 12k entries costs a list of tuples."""
        raw = self.files.raw(ENTRIES).get("entries", {})
        rows = [
            (d.get("published", ""), int(k), int(d.get("feed_id", 0)), d.get("category", ""))
            for k, d in raw.items()
        ]
        rows.sort(reverse=True)
        return rows

    def set_mark(self, entry_id: int, mark: str, value: bool) -> None:
        """Set `read` or `starred` on one entry (writes only the small state file)."""
        with self.files.transaction(STATE):
            table = self.files.table(STATE, "state")
            current = table.get(doc_id=entry_id)
            doc = dict(current) if isinstance(current, dict) else {}
            doc[mark] = value
            table.upsert(Document(doc, doc_id=entry_id))

    def set_marks(self, entry_ids: Iterable[int], mark: str, value: bool) -> int:
        """Set `read` or `starred` on many entries in one write; returns how many changed.

        Unknown ids are ignored (a refresh may have pruned them meanwhile).
        """
        if mark not in ("read", "starred"):
            raise ValueError(f"unknown mark {mark!r}")
        with self.files.transaction(STATE):
            storage = self.files.storage(STATE)
            data = storage.read()
            bodies = self.files.raw(ENTRIES).get("entries", {})
            state = dict(data.get("state", {}))
            changed = 0
            for ref in {str(n) for n in entry_ids}:
                marks = state.get(ref, {})
                if ref not in bodies or bool(marks.get(mark)) == value:
                    continue
                state[ref] = {**marks, mark: value}
                changed += 1
            if changed:
                storage.write({**data, "state": state})
        return changed


def _entry(ref: int, doc: dict[str, Any], marks: dict[str, Any]) -> Entry:
    return Entry(
        id=ref,
        feed=doc.get("feed", ""),
        category=doc.get("category", ""),
        title=doc.get("title", ""),
        link=doc.get("link"),
        published=doc.get("published", ""),
        summary=doc.get("summary", ""),
        read=bool(marks.get("read")),
        starred=bool(marks.get("starred")),
        feed_id=doc.get("feed_id"),
        content=doc.get("content", ""),
    )


def _clean(row: dict[str, Any]) -> dict[str, Any]:
    published = row.get("published") or ""
    if isinstance(published, dt.datetime):
        published = published.replace(microsecond=0).isoformat()
    feed_id = row.get("feed_id")
    return {
        "feed_id": feed_id if isinstance(feed_id, int) else None,
        "feed": clean_text(str(row.get("feed", ""))),
        "category": clean_text(str(row.get("category", ""))),
        "title": clean_text(str(row.get("title", ""))) or "(untitled)",
        "link": safe_link(str(row.get("link", ""))),
        "published": clean_text(str(published)),
        "summary": clean_text(str(row.get("summary", "")), multiline=True)[:SUMMARY_CAP],
        **_content(row),
        "guid": clean_text(str(row.get("guid", "")))[:300],
        "hash": clean_text(str(row.get("hash", "")))[:40],
    }


def _content(row: dict[str, Any]) -> dict[str, str]:
    text = clean_text(str(row.get("content", "") or ""), multiline=True)[:CONTENT_CAP]
    return {"content": text} if text else {}


def set_marks_undoable(ws: Undoable, entry_ids: Iterable[int], mark: str, value: bool) -> int:
    """`EntryStore.set_marks` as one undo step of the workspace (e.g. "mark category read")."""
    refs = list(entry_ids)
    label = msg(f"undo.mark_{mark}" if value else f"undo.unmark_{mark}")
    with changing(ws, STATE, label=label) as changes:
        for ref in refs:
            changes.snapshot(STATE, "state", ref)
        return EntryStore(ws.files).set_marks(refs, mark, value)
