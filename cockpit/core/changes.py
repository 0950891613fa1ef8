"""The one undoable-change mechanism every book uses (items, customers, routines,
metrics, requirements, launches, notes, entry marks), and the one place that keeps a
change from overwriting another process's newer one.

A change runs inside a storage transaction through a `ChangeSet`: each document it
touches is snapshotted the first time (its state before the change, or None when it did
not exist); when the action ends, each touched document that changed gets the next
`seq` (its edit counter) and the set becomes one undo step on the workspace's stack.

Optimistic concurrency, made once here:
- A change made from a value read earlier runs `based_on(view)`, where `view` is what
  the screen (or form, or dialog) showed (`WorkspaceFiles.view()`). When a record's
  `seq` in that view is the one on disk, the change is written as it is. When the
  record changed since, only the fields this change touched are written, and only if
  the other change left them alone (a three-way merge, `merge3`); otherwise the whole
  action is refused with `ConflictError` and nothing is written.
- Undo (`revert`) uses the same merge against the state the change left behind, so it
  never overwrites what another process changed afterwards.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Iterator, Mapping, MutableMapping
from contextlib import contextmanager
from typing import Any, Protocol

from tinydb.table import Document, Table

from cockpit.core.errors import ConflictError
from cockpit.core.i18n import Message
from cockpit.storage import WorkspaceFiles
from cockpit.storage.delta import changed_table

View = Mapping[str, Mapping[str, Mapping[str, Any]]]
"""Committed content of workspace files as read earlier: file -> table -> id -> doc."""

APPEND_ONLY = frozenset({"history", "log", "annotations"})
"""List fields both sides only append to: a merge keeps both sides' new entries."""

LATEST = frozenset({"updated"})
"""Time stamps of the last change: a merge keeps the later one."""

Label = str | Message
"""What an undo step is called: a `Message` (worded when "undone: …" is shown, in the
language of that moment), or plain text."""


class Change:
    """One document of an undoable change: its state before, and the state this change
    left (None = it did not exist).

    (Written out, with a dataclass's equality and repr: every command that changes
    something makes this class, and a dataclass costs ~0.5 ms at start-up.)"""

    __slots__ = ("after", "before", "doc_id", "file", "label", "table")
    FIELDS = ("file", "table", "doc_id", "before", "label", "after")

    def __init__(
        self,
        file: str,
        table: str,
        doc_id: int,
        before: dict[str, Any] | None,
        label: Label,
        after: dict[str, Any] | None = None,
    ) -> None:
        self.file = file
        self.table = table
        self.doc_id = doc_id
        self.before = before
        self.label = label
        self.after = after

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Change):
            return NotImplemented
        return all(getattr(self, n) == getattr(other, n) for n in self.FIELDS)

    __hash__ = None  # type: ignore[assignment]  # mutable, as the dataclass was

    def __repr__(self) -> str:
        shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.FIELDS)
        return f"Change({shown})"


UndoStack = list[list[Change]]
"""The session's undo steps, oldest first; each step is the changes of one action."""


class Undoable(Protocol):
    """What a book needs of the workspace to make undoable changes."""

    files: WorkspaceFiles
    undo_stack: UndoStack


# the basis of changes made on this thread ---------------------------------------------
_local = threading.local()


@contextmanager
def based_on(view: View | None) -> Iterator[None]:
    """Changes made on this thread inside the block were decided from `view`."""
    previous = getattr(_local, "view", None)
    _local.view = view
    try:
        yield
    finally:
        _local.view = previous


def current_basis() -> View | None:
    """The view changes on this thread are based on (None: they read fresh data)."""
    view: View | None = getattr(_local, "view", None)
    return view


def seq_of(doc: Mapping[str, Any] | None) -> int:
    """A stored document's edit counter (0 for none, or a record without one)."""
    if not doc:
        return 0
    value = doc.get("seq", 0)
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


# the change set -----------------------------------------------------------------------
class ChangeSet:
    """The documents one action changes, recorded as they are first touched."""

    def __init__(self, files: WorkspaceFiles, label: Label = "", basis: View | None = None) -> None:
        self.files = files
        self.label = label
        """The step's label (e.g. "done Write the PRD", as a `Message`); set or change it
        before commit."""
        self.basis = basis
        """What the user saw when deciding this change (None: decided on fresh data)."""
        self.changes: list[Change] = []
        self._seen: dict[tuple[str, str, int], Change] = {}

    def table(self, file: str, table: str) -> Table:
        found: Table = self.files.table(file, table)
        return found

    def snapshot(
        self, file: str, table: str, doc_id: int, label: Label = ""
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
        self, file: str, table: str, doc_id: int, doc: dict[str, Any], label: Label = ""
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
        labels: dict[int, Label] | None = None,
    ) -> None:
        """Store documents under fresh ids (from a counter) in one table write; their
        state before is "did not exist", so nothing is read."""
        for doc_id in docs:
            change = Change(file, table, doc_id, None, (labels or {}).get(doc_id, ""))
            self._seen[(file, table, doc_id)] = change
            self.changes.append(change)
        store = self.table(file, table)
        store.insert_multiple(Document(doc, doc_id=doc_id) for doc_id, doc in docs.items())

    def created(self, file: str, table: str, doc_id: int, label: Label = "") -> None:
        """Record that a document this action stored (through its own store, which
        chose the id) did not exist before: undo removes it."""
        key = (file, table, doc_id)
        if key not in self._seen:
            change = Change(file, table, doc_id, None, label)
            self._seen[key] = change
            self.changes.append(change)

    def replace(
        self, file: str, table: str, doc_id: int, doc: dict[str, Any], label: Label = ""
    ) -> None:
        """Replace a stored document's fields with `doc`."""
        self.snapshot(file, table, doc_id, label)

        def swap(stored: MutableMapping[Any, Any]) -> None:
            stored.clear()
            stored.update(doc)

        self.table(file, table).update(swap, doc_ids=[doc_id])

    def remove(
        self, file: str, table: str, doc_id: int, label: Label = ""
    ) -> dict[str, Any] | None:
        """Remove a document; returns what it was (None when there was none)."""
        before = self.snapshot(file, table, doc_id, label)
        store = self.table(file, table)
        if store.contains(doc_id=doc_id):
            store.remove(doc_ids=[doc_id])
        return before

    def finish(self) -> list[Change]:
        """Settle the action inside its transaction: merge records that changed since
        the basis was read (or refuse), count each changed record's `seq` on, label
        every change and note the state it left.

        Raises:
            ConflictError: a record this action changes was changed elsewhere in the
                same fields since the user saw it; nothing is written.
        """
        puts: dict[tuple[str, str], dict[int, dict[str, Any] | None]] = {}
        for change in self.changes:
            change.label = change.label or self.label
            after = _stored(self.files, change.file, change.table, change.doc_id)
            seen = _in_view(self.basis, change)
            # A record missing from the view was not shown, so nothing about it was
            # decided from an old copy: the book computed this change from disk.
            if isinstance(seen, dict) and _moved(seen, change.before):
                # Decided from an older copy: keep what the other change did.
                after = _merged(seen, after, change.before, change.label)
            if after is not None and change.before is not None and after != change.before:
                after = {**after, "seq": seq_of(change.before) + 1}
            if after is not _stored(self.files, change.file, change.table, change.doc_id):
                puts.setdefault((change.file, change.table), {})[change.doc_id] = after
            change.after = after
        for (file, table), docs in puts.items():
            _put(self.files, file, table, docs)
        return self.changes


@contextmanager
def changing(ws: Undoable, *files: str, label: Label = "") -> Iterator[ChangeSet]:
    """Run one undoable action: a transaction over `files`, recorded as one undo step
    when it commits (nothing is recorded when the action raises). The action's basis
    is this thread's `based_on` view, if any."""
    changes = ChangeSet(ws.files, label, current_basis())
    with ws.files.transaction(*files):
        yield changes
        step = changes.finish()
    if step:
        ws.undo_stack.append(step)
        # A new change ends what could be redone (as in every editor): redoing a step
        # undone before it would apply it on top of work it never saw.
        redo: UndoStack | None = getattr(ws, "redo_stack", None)
        if redo:
            redo.clear()


def revert(files: WorkspaceFiles, step: list[Change]) -> list[Change]:
    """Put every document of `step` back as it was before (in one transaction).

    A document changed again since the step (by another process, or by a later action
    whose undo step is gone) keeps that later change: undo takes back only the fields
    the step changed, and only where nothing else changed them since.

    Returns:
        The step that takes this revert back (redo): reverting it puts each document
        back as it was just before this revert, by the same rules.

    Raises:
        ConflictError: a field the step changed was changed again since; nothing is
            written.
    """
    inverse: list[Change] = []
    with files.transaction(*dict.fromkeys(c.file for c in step)):
        puts: dict[tuple[str, str], dict[int, dict[str, Any] | None]] = {}
        for change in reversed(step):
            if change.after == change.before:
                continue  # the action left this record as it was: nothing to take back
            current = _stored(files, change.file, change.table, change.doc_id)
            if _moved(change.after, current):
                back = _merged(change.after, change.before, current, change.label)
            else:
                back = change.before
            if back is not None:
                newest = max(seq_of(current), seq_of(change.after), seq_of(change.before))
                back = {**back, "seq": newest + 1}
            puts.setdefault((change.file, change.table), {})[change.doc_id] = back
            before = copy.deepcopy(current) if current is not None else None
            inverse.append(
                Change(change.file, change.table, change.doc_id, before, change.label, back)
            )
        for (file, table), docs in puts.items():
            _put(files, file, table, docs)
    inverse.reverse()  # in the step's own order: reverting goes through it backwards
    return inverse


# merging ------------------------------------------------------------------------------
class _Unseen:
    """The record is not in the view (its file was not part of it)."""


_UNSEEN = _Unseen()
_ABSENT: Any = object()  # a key (or a record) that does not exist


class _Clash(Exception):
    """Both sides changed the same field to different values."""


def _in_view(view: View | None, change: Change) -> dict[str, Any] | _Unseen | None:
    if view is None or change.file not in view:
        return _UNSEEN
    doc = view[change.file].get(change.table, {}).get(str(change.doc_id))
    return dict(doc) if doc is not None else None


def _moved(old: Mapping[str, Any] | None, new: Mapping[str, Any] | None) -> bool:
    """True when the record is no longer the one `old` was: created, deleted, counted on
    (`seq`), or rewritten by a writer that does not count (a feed refresh, a plain mark).

    A changed `seq` answers at once; equal ones are confirmed by comparing the fields.
    """
    if old is None or new is None:
        return (old is None) != (new is None)
    return seq_of(old) != seq_of(new) or old != new


def _merged(
    base: Mapping[str, Any] | None,
    mine: Mapping[str, Any] | None,
    theirs: Mapping[str, Any] | None,
    label: Label,
) -> dict[str, Any] | None:
    """`mine`'s changes from `base`, applied on `theirs` (None: the record is absent).

    Raises:
        ConflictError: a field both changed, differently.
    """
    strip = {"seq"}
    try:
        out = merge3(
            _ABSENT if base is None else _without(base, strip),
            _ABSENT if mine is None else _without(mine, strip),
            _ABSENT if theirs is None else _without(theirs, strip),
        )
    except _Clash:
        raise ConflictError(label) from None
    if out is _ABSENT:
        return None
    result: dict[str, Any] = out
    return result


def _without(doc: Mapping[str, Any], keys: set[str]) -> dict[str, Any]:
    return {k: v for k, v in doc.items() if k not in keys}


def merge3(base: Any, mine: Any, theirs: Any, key: str = "") -> Any:
    """Three-way merge of a stored value: what `mine` changed from `base`, on `theirs`.

    Dicts merge key by key and equal-length lists item by item; an append-only list
    (`APPEND_ONLY`) keeps both sides' new entries; a `LATEST` stamp keeps the later.

    Raises:
        _Clash: both sides changed the same value differently.
    """
    if mine == base:
        return theirs
    if theirs == base or mine == theirs:
        return mine
    if key in LATEST and isinstance(mine, str) and isinstance(theirs, str):
        return max(mine, theirs)
    if isinstance(mine, dict) and isinstance(theirs, dict):
        old = base if isinstance(base, dict) else {}
        out: dict[str, Any] = {}
        for name in dict.fromkeys([*theirs, *mine]):
            value = merge3(
                old.get(name, _ABSENT), mine.get(name, _ABSENT), theirs.get(name, _ABSENT), name
            )
            if value is not _ABSENT:
                out[name] = value
        return out
    if isinstance(mine, list) and isinstance(theirs, list) and isinstance(base, list):
        if key in APPEND_ONLY:
            return theirs + [x for x in mine if x not in base and x not in theirs]
        if len(base) == len(mine) == len(theirs):
            return [merge3(b, m, t) for b, m, t in zip(base, mine, theirs, strict=True)]
    raise _Clash(key)


# writing ------------------------------------------------------------------------------
def _stored(files: WorkspaceFiles, file: str, table: str, doc_id: int) -> dict[str, Any] | None:
    """The document as the running transaction sees it (no copy: read, don't change)."""
    doc = files.raw(file).get(table, {}).get(str(doc_id))
    return doc if isinstance(doc, dict) else None


def _put(
    files: WorkspaceFiles, file: str, table: str, docs: Mapping[int, dict[str, Any] | None]
) -> None:
    """Set (or, for None, remove) documents of one table in a single rewrite of it."""
    storage = files.storage(file)
    data = storage.read()
    base = data.get(table, {})
    rows = dict(base)
    for doc_id, doc in docs.items():
        if doc is None:
            rows.pop(str(doc_id), None)
        else:
            rows[str(doc_id)] = doc
    storage.write({**data, table: changed_table(rows, base, map(str, docs))})
