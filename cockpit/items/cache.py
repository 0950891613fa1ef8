"""Records built once per stored document, and what changed since a reader last looked.

The daily screen reads the hot file's items after every keypress. Building every `Item`
again each time made a keypress cost O(all items) (on a 10k-task history, ~100 ms of
`Item.from_doc`). `RecordCache` keeps the record built from each stored document; when
the table changed (a write, ours or another process's, gives a new table object), it
rebuilds only the documents that changed. A table our own write made says which keys
it changed since the table before (`cockpit.storage.delta`): when the cache holds that
table, only those keys are looked at, so a keypress costs what it changed, not the size
of the file. Otherwise (another process wrote, the file was read again) every document
is compared: a stored document is never changed in place without its `seq` moving (our
writes replace documents or bump `seq`), so one identity and one `seq` comparison per
document find them.

Each refresh that changed something is a new `version`, and `changes_since(version)`
tells a reader what changed since the version it last saw, so views derived from the
records (the panel split, the due-date index: `cockpit.items.views`) re-file only those.

The records handed out are shared: read them, never change them (change a copy, as the
books do). A cache belongs to the thread that made it (the UI's, or the command's);
other threads (the writer) get fresh records and leave the cache alone.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import Any, Generic, Protocol, TypeVar

from cockpit.storage.delta import changes_from


class Versioned(Protocol):
    """What the cache needs of a record: its id and edit counter."""

    id: int
    seq: int


R = TypeVar("R", bound=Versioned)

HISTORY = 16
"""Versions whose changes are kept; a reader further behind rebuilds from scratch."""


class RecordCache(Generic[R]):
    """The records of one table, rebuilt per document only where it changed."""

    def __init__(self, build: Callable[[int, dict[str, Any]], R]) -> None:
        self._build = build
        self._owner = threading.get_ident()
        self._table: Mapping[str, Any] | None = None
        self._docs: dict[str, tuple[dict[str, Any], R]] = {}
        self._records: list[R] | None = []  # None: build it from `_docs` when asked
        self.version = 0
        """Bumped by every refresh that found a change."""
        self._changes: dict[int, tuple[list[R], list[int]]] = {}

    def owned(self) -> bool:
        """True on the thread the cache belongs to."""
        return threading.get_ident() == self._owner

    def records(self, table: Mapping[str, Any]) -> list[R]:
        """The records of `table` (its documents by id string), shared: do not change.

        Off the owner thread, freshly built records that nobody else holds.
        """
        if not self.owned():
            return [self._build(int(k), v) for k, v in table.items()]
        self.sync(table)
        if self._records is None:
            self._records = [record for _doc, record in self._docs.values()]
        return self._records

    def sync(self, table: Mapping[str, Any]) -> None:
        """Catch up with `table` without handing out the list (owner thread only)."""
        if table is not self._table:
            self._refresh(table)

    def __len__(self) -> int:
        """Records as of the last refresh."""
        return len(self._docs)

    def get(self, record_id: int) -> R | None:
        """The record `record_id` as of the last refresh (owner thread only)."""
        hit = self._docs.get(str(record_id))
        return hit[1] if hit is not None else None

    def by_id(self) -> dict[int, R]:
        """The records of the last refresh by id (owner thread only)."""
        return {record.id: record for _doc, record in self._docs.values()}

    def changes_since(self, version: int) -> tuple[list[R], list[int]] | None:
        """(records added or changed, ids removed) since `version`; None when that is
        too long ago (or never): rebuild from `records` then."""
        if version == self.version:
            return [], []
        if version < 0 or self.version - version > HISTORY:
            return None
        changed: dict[int, R] = {}
        removed: set[int] = set()
        for step in range(version + 1, self.version + 1):
            got = self._changes.get(step)
            if got is None:
                return None
            for record in got[0]:
                changed[record.id] = record
                removed.discard(record.id)
            for gone in got[1]:
                changed.pop(gone, None)
                removed.add(gone)
        return list(changed.values()), sorted(removed)

    def _refresh(self, table: Mapping[str, Any]) -> None:
        keys = changes_from(table, self._table)
        if keys is None:
            self._scan(table)
            return
        docs, build = self._docs, self._build
        changed: list[R] = []
        removed: list[int] = []
        for key in keys:
            doc = table.get(key)
            hit = docs.get(key)
            if doc is None:
                if hit is not None:
                    del docs[key]
                    removed.append(int(key))
            elif hit is None or hit[0] is not doc or hit[1].seq != doc.get("seq", 0):
                record = build(int(key), doc)
                docs[key] = (doc, record)
                changed.append(record)
        self._table = table
        if changed or removed:
            self._records = None
            self._bump(changed, removed)

    def _bump(self, changed: list[R], removed: list[int]) -> None:
        self.version += 1
        self._changes[self.version] = (changed, removed)
        self._changes.pop(self.version - HISTORY - 1, None)

    def _scan(self, table: Mapping[str, Any]) -> None:
        """Compare every document of `table` with the one each record was built from."""
        old = self._docs
        fresh: dict[str, tuple[dict[str, Any], R]] = {}
        changed: list[R] = []
        build = self._build
        for key, doc in table.items():
            hit = old.get(key)
            if hit is not None and hit[0] is doc and hit[1].seq == doc.get("seq", 0):
                fresh[key] = hit
            else:
                record = build(int(key), doc)
                fresh[key] = (doc, record)
                changed.append(record)
        removed = [int(k) for k in old.keys() - fresh.keys()]
        self._table, self._docs = table, fresh
        if changed or removed or len(old) != len(fresh):
            self._records = None
            self._bump(changed, removed)
