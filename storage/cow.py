"""TinyDB tables that never change a stored document in place.

TinyDB's `update` (and so `upsert`) edits the document dicts it read. Our storage hands
the writing thread a private top-level copy of the file, but the documents inside are
shared with the committed snapshot other threads are reading; an in-place edit would
show them half a change. `CopyOnWriteTable` gives every update a copy of the document
instead, so the snapshot stays exactly as it was committed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from tinydb import TinyDB
from tinydb.table import Table

from cockpit.storage.delta import changed_table


class _CopyOnAccess(dict[int, Any]):
    """A table's documents by id; a document is copied the first time it is looked up.

    It also remembers which ids were looked up, set or removed (`touched`), so the new
    table can say which of its documents changed (`cockpit.storage.delta`).
    """

    def __init__(self, docs: dict[int, Any]) -> None:
        super().__init__(docs)
        self._own: set[int] = set()
        self.removed: set[int] = set()
        self.cleared = False

    def __getitem__(self, key: int) -> Any:
        doc = super().__getitem__(key)
        if key not in self._own:
            doc = dict(doc)
            super().__setitem__(key, doc)
            self._own.add(key)
        return doc

    def __setitem__(self, key: int, value: Any) -> None:
        super().__setitem__(key, value)
        self._own.add(key)
        self.removed.discard(key)

    def __delitem__(self, key: int) -> None:
        super().__delitem__(key)
        self._own.discard(key)
        self.removed.add(key)

    def pop(self, key: int, *default: Any) -> Any:
        if key in self:
            self._own.discard(key)
            self.removed.add(key)
        return super().pop(key, *default)

    def clear(self) -> None:
        super().clear()
        self.cleared = True

    @property
    def own(self) -> set[int]:
        """Ids whose document was copied or set (looked up, maybe changed)."""
        return self._own


class CopyOnWriteTable(Table):
    """A TinyDB table whose writes replace documents instead of editing them."""

    def _update_table(self, updater: Callable[[dict[int, Mapping[str, Any]]], None]) -> None:
        # TinyDB's own `_update_table`, with documents copied before `updater` sees them.
        # A new top-level dict too: what `read()` returned is the shared snapshot
        # outside a transaction, and that must not change even when the write refuses.
        tables = dict(self._storage.read() or {})
        raw_table = tables.get(self.name, {})
        table = _CopyOnAccess({self.document_id_class(k): doc for k, doc in raw_table.items()})
        updater(table)
        rows = {str(doc_id): doc for doc_id, doc in dict.items(table)}
        if table.cleared:
            tables[self.name] = rows  # a new table: readers look at all of it
        else:
            changed = [str(i) for i in table.removed]
            for doc_id in table.own:
                key = str(doc_id)
                old = raw_table.get(key)
                if old is not None and old == rows[key]:
                    rows[key] = old  # only looked at (`update` with a condition): as it was
                else:
                    changed.append(key)
            tables[self.name] = changed_table(rows, raw_table, changed)
        self._storage.write(tables)
        self.clear_cache()


class CopyOnWriteDB(TinyDB):
    """TinyDB over our storage, with copy-on-write tables."""

    table_class = CopyOnWriteTable
