"""The one undoable-change mechanism every book uses (items, customers, routines,
metrics, requirements, launches, notes, entry marks).

A change runs inside a storage transaction through a `ChangeSet`: each document it
touches is snapshotted the first time (its state before the change, or None when it did
not exist), and when the transaction commits the snapshots become one undo step on the
workspace's stack. `revert` walks a step back. Keeping this in one place means a rule
about undo (for example, never overwriting another process's newer change) is made once.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, MutableMapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol

from tinydb.table import Document, Table

from cockpit.storage import WorkspaceFiles


@dataclass
class Change:
    """One document's state before an undoable change (None = it did not exist)."""

    file: str
    table: str
    doc_id: int
    before: dict[str, Any] | None
    label: str


UndoStack = list[list[Change]]
"""The session's undo steps, oldest first; each step is the changes of one action."""


class Undoable(Protocol):
    """What a book needs of the workspace to make undoable changes."""

    files: WorkspaceFiles
    undo_stack: UndoStack


class ChangeSet:
    """The documents one action changes, recorded as they are first touched."""

    def __init__(self, files: WorkspaceFiles, label: str = "") -> None:
        self.files = files
        self.label = label
        """The step's label (e.g. "done Write the PRD"); set or change it before commit."""
        self.changes: list[Change] = []
        self._seen: dict[tuple[str, str, int], Change] = {}

    def table(self, file: str, table: str) -> Table:
        found: Table = self.files.table(file, table)
        return found

    def snapshot(
        self, file: str, table: str, doc_id: int, label: str = ""
    ) -> dict[str, Any] | None:
        """Record the document's current state (once per action); returns that state."""
        key = (file, table, doc_id)
        seen = self._seen.get(key)
        if seen is not None:
            if label:
                seen.label = label
            return copy.deepcopy(seen.before)
        doc = self.table(file, table).get(doc_id=doc_id)
        before = copy.deepcopy(dict(doc)) if isinstance(doc, dict) else None
        change = Change(file, table, doc_id, before, label)
        self._seen[key] = change
        self.changes.append(change)
        return copy.deepcopy(before)

    def insert(
        self, file: str, table: str, doc_id: int, doc: dict[str, Any], label: str = ""
    ) -> None:
        """Store a new document (or replace one) under `doc_id`."""
        self.snapshot(file, table, doc_id, label)
        store = self.table(file, table)
        if store.contains(doc_id=doc_id):
            store.remove(doc_ids=[doc_id])
        store.insert(Document(doc, doc_id=doc_id))

    def insert_new(
        self,
        file: str,
        table: str,
        docs: dict[int, dict[str, Any]],
        labels: dict[int, str] | None = None,
    ) -> None:
        """Store documents under fresh ids (from a counter) in one table write; their
        state before is "did not exist", so nothing is read."""
        for doc_id in docs:
            change = Change(file, table, doc_id, None, (labels or {}).get(doc_id, ""))
            self._seen[(file, table, doc_id)] = change
            self.changes.append(change)
        store = self.table(file, table)
        store.insert_multiple(Document(doc, doc_id=doc_id) for doc_id, doc in docs.items())

    def created(self, file: str, table: str, doc_id: int, label: str = "") -> None:
        """Record that a document this action stored (through its own store, which
        chose the id) did not exist before: undo removes it."""
        key = (file, table, doc_id)
        if key not in self._seen:
            change = Change(file, table, doc_id, None, label)
            self._seen[key] = change
            self.changes.append(change)

    def replace(
        self, file: str, table: str, doc_id: int, doc: dict[str, Any], label: str = ""
    ) -> None:
        """Replace a stored document's fields with `doc` in place."""
        self.snapshot(file, table, doc_id, label)

        def swap(stored: MutableMapping[Any, Any]) -> None:
            stored.clear()
            stored.update(doc)

        self.table(file, table).update(swap, doc_ids=[doc_id])

    def remove(self, file: str, table: str, doc_id: int, label: str = "") -> dict[str, Any] | None:
        """Remove a document; returns what it was (None when there was none)."""
        before = self.snapshot(file, table, doc_id, label)
        store = self.table(file, table)
        if store.contains(doc_id=doc_id):
            store.remove(doc_ids=[doc_id])
        return before

    def finish(self) -> list[Change]:
        """The recorded changes, each labelled (its own label, else the step's)."""
        for change in self.changes:
            change.label = change.label or self.label
        return self.changes


@contextmanager
def changing(ws: Undoable, *files: str, label: str = "") -> Iterator[ChangeSet]:
    """Run one undoable action: a transaction over `files`, recorded as one undo step
    when it commits (nothing is recorded when the action raises)."""
    changes = ChangeSet(ws.files, label)
    with ws.files.transaction(*files):
        yield changes
    step = changes.finish()
    if step:
        ws.undo_stack.append(step)


def revert(files: WorkspaceFiles, step: list[Change]) -> None:
    """Put every document of `step` back as it was before (in one transaction)."""
    with files.transaction(*dict.fromkeys(c.file for c in step)):
        for change in reversed(step):
            table = files.table(change.file, change.table)
            if table.contains(doc_id=change.doc_id):
                table.remove(doc_ids=[change.doc_id])
            if change.before is not None:
                table.insert(Document(copy.deepcopy(change.before), doc_id=change.doc_id))
