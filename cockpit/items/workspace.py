"""The workspace: the one place where the CLI and the TUI read and change data.

Every change runs in a storage transaction (workspace lock held, one atomic write per
touched file) and pushes an undo step, so the TUI's `u` can walk changes back one by one.
Undo never overwrites what another process changed since (`cockpit.core.changes`).
Here: opening, daily maintenance, reading, prediction and undo; creating and changing
items is `cockpit.items.edits` (which `Workspace` inherits).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb.table import Document, Table

from cockpit.core.changes import Change, ChangeSet, Label, UndoStack, changing, revert
from cockpit.core.clock import Clock
from cockpit.core.config import Config
from cockpit.core.errors import ConflictError, InvalidError, NotFoundError
from cockpit.core.i18n import msg
from cockpit.core.model import Item, iso
from cockpit.core.weeks import week_of
from cockpit.items.cache import RecordCache
from cockpit.items.edits import ARCHIVE, HOT, ItemEdits
from cockpit.items.predict import PREDICTED, NotPredicted, Predicting, Prediction
from cockpit.items.upgrade import clean_stored_text
from cockpit.items.views import DueIndex
from cockpit.storage import StorageError, WorkspaceFiles
from cockpit.storage.atomic import atomic_write
from cockpit.storage.backup import backups_dir, daily_backup
from cockpit.storage.files import DATA_FILES

if TYPE_CHECKING:
    from cockpit.customers.book import CustomerBook

__all__ = ["ARCHIVE", "HOT", "Workspace"]

SWEPT = ".swept"  # in a day's backup folder: that day's sweep ran


class Workspace(ItemEdits):
    """Items of the workspace plus the customers book, over `WorkspaceFiles`."""

    def __init__(
        self,
        root: Path,
        clock: Clock,
        config: Config | None = None,
        *,
        files: WorkspaceFiles | None = None,
    ) -> None:
        self.root = root
        self.clock = clock
        self.config = config or Config()
        self.files = files or WorkspaceFiles(root).open()
        self.undo_stack: UndoStack = []
        self.redo_stack: UndoStack = []
        """Steps undone in this session, newest last (`redo`); a new change clears it."""
        self._predicting = Predicting()
        self.item_cache: RecordCache[Item] = RecordCache(Item.from_doc)
        """The hot file's items, built once per stored document (see `items`)."""
        self._due = DueIndex()
        self.warnings: list[str] = []
        """Sentences about maintenance that could not be done (shown, never fatal)."""

    @cached_property
    def customers(self) -> CustomerBook:
        """The customer book (made on first use: `cockpit add` without `--customer`
        never reads it)."""
        from cockpit.customers.book import CustomerBook  # imported here, for start-up time

        return CustomerBook(self)

    def detached(self) -> Workspace:
        """The same workspace over its own file handles, for a background thread
        (calendar refresh, CalDAV sync): its reads and writes never touch the cached
        copies the UI thread reads, which notices its writes by their file stamps."""
        return Workspace(self.root, self.clock, self.config, files=WorkspaceFiles(self.root))

    @contextmanager
    def changing(self, *files: str, label: Label = "") -> Iterator[ChangeSet]:
        """One undoable action over `files` (see `cockpit.core.changes`)."""
        if self._predicting.current is not None:
            # A change being predicted stores nothing: one that writes more than the
            # item it changes (through here) is not predicted, it waits for its write.
            raise NotPredicted("the change writes more than its items")
        with changing(self, *files, label=label) as changes:
            yield changes

    # daily maintenance ----------------------------------------------------------------
    @property
    def preview(self) -> bool:
        """True when the clock shows a day after the real one (`COCKPIT_NOW` in the
        future): a read-only look ahead, which never writes backups or archives."""
        return self.clock.preview

    def maintain(self) -> bool:
        """Once a day: back up every file, then move old finished items to the archive.

        Called when a workspace is opened and by the open app at midnight. What cannot
        be done (a full disk, say) is noted in `warnings`, never raised: the user's
        work goes on, and the next start or midnight tries again. The sweep also runs
        on the first open of a day whose backup exists already (made before the sweep
        could run, or by a start that stopped half-way): the hot file, rewritten on
        every keypress, never waits a day holding work that belongs in the archive.

        Returns:
            True when today's backup was made now (False: it existed, or skipped).

        Raises:
            CorruptFileError: the hot file cannot be read (nothing is touched).
        """
        self.files.check(HOT)
        if self.preview:
            return False
        day = self.clock.today().isoformat()
        try:
            made = daily_backup(self.root, day, self.config.storage.backups_keep, self.files.lock)
            if made is not None or self.sweep_due():
                self.archive_old()
            clean_stored_text(self, DATA_FILES)  # once per workspace, after a backup
        except StorageError as exc:
            self.warnings.append(f"the daily maintenance of {day} was skipped: {exc}")
            return False
        return made is not None

    def archive_cutoff(self) -> str:
        """Items finished before this moment (ISO) belong in the archive."""
        return iso(self.clock.now() - dt.timedelta(weeks=self.config.storage.archive_after_weeks))

    def sweep_due(self) -> bool:
        """True when today's backup exists but the hot file was not swept since (the
        sweep leaves a mark in the backup's folder; without a backup, no sweep)."""
        day = backups_dir(self.root) / self.clock.today().isoformat()
        return day.is_dir() and not (day / SWEPT).exists()

    def archive_old(self) -> int:
        """Move items finished more than `archive_after_weeks` ago out of the hot file."""
        cutoff = self.archive_cutoff()
        old = [i for i in self.items() if not i.is_open and (i.done_at or i.updated) < cutoff]
        if old:
            # Archive first, hot file second: a crash in between leaves a duplicate that
            # the next sweep resolves, never a lost item.
            with self.files.transaction(ARCHIVE, HOT):
                archive, hot = self._items(ARCHIVE), self._items(HOT)
                ids = [i.id for i in old]
                archive.remove(doc_ids=[i for i in ids if archive.contains(doc_id=i)])
                archive.insert_multiple(Document(i.to_doc(), doc_id=i.id) for i in old)
                hot.remove(doc_ids=ids)
        day = backups_dir(self.root) / self.clock.today().isoformat()
        if day.is_dir():
            with contextlib.suppress(OSError, StorageError):  # unmarked: swept again
                atomic_write(day / SWEPT, b"")
        return len(old)

    # reading --------------------------------------------------------------------------
    def _items(self, file: str) -> Table:
        table: Table = self.files.table(file, "items")
        return table

    def items(self) -> list[Item]:
        """Every item of the hot file (open work and recently finished).

        The list is the caller's; the items in it are shared with the workspace's cache
        (each built once per stored document, so a redraw after a keypress costs what
        changed): read them, never change one. A book changes a copy and stores it.
        """
        return list(self.hot_items())

    def hot_items(self) -> list[Item]:
        """`items` without the copy of the list: for readers that only iterate it."""
        return self.item_cache.records(self.files.raw(HOT).get("items", {}))

    def due_between(self, first: dt.date, last: dt.date) -> list[Item]:
        """Open items of the hot file due from `first` to `last` (both included), by
        date; kept in an index that a keypress updates item by item."""
        lo, hi = first.isoformat(), last.isoformat()
        if not self.item_cache.owned():
            records = self.hot_items()
            dated = [i for i in records if i.is_open and i.due and lo <= i.due <= hi]
            return sorted(dated, key=lambda i: (i.due or "", i.id))
        self.sync_items()
        self._due.sync(self.item_cache, self.hot_items, None)
        return self._due.between(lo, hi)

    def sync_items(self) -> None:
        """Bring the item cache up to date with the hot file (UI thread), costing what
        changed: for views that then ask the cache what changed (`item_cache`)."""
        if self.item_cache.owned():
            self.item_cache.sync(self.files.raw(HOT).get("items", {}))

    def hot_count(self) -> int:
        """How many items the hot file holds (without building any)."""
        return len(self.files.raw(HOT).get("items", {}))

    def archived(self) -> list[Item]:
        """Items in the archive (parsed on demand: it can be large)."""
        raw = self.files.raw(ARCHIVE).get("items", {})
        hot = self.files.raw(HOT).get("items", {})
        return [Item.from_doc(int(k), v) for k, v in raw.items() if k not in hot]

    def all_items(self) -> list[Item]:
        return self.items() + self.archived()

    def get(self, item_id: int) -> Item:
        """The item with `item_id`, from the hot file or the archive."""
        for file in (HOT, ARCHIVE):
            doc = self.files.raw(file).get("items", {}).get(str(item_id))
            if doc is not None:
                return Item.from_doc(item_id, doc)
        raise NotFoundError("err.item.none", id=item_id)

    @property
    def week(self) -> str:
        """The current ISO week in the configured zone."""
        return week_of(self.clock.today())

    # changing (the item changes themselves: `ItemEdits`) --------------------------------
    def next_id(self, file: str, counter: str) -> int:
        meta = self.files.table(file, "meta")
        doc = meta.get(doc_id=1)
        value = int(doc.get(counter, 1)) if isinstance(doc, dict) else 1
        if counter == "next_item" and value == 1:
            # A workspace that predates the counter: never reuse an archived id.
            value = max((int(k) for k in self.files.raw(ARCHIVE).get("items", {})), default=0)
            value = max(value, *(int(k) for k in self.files.raw(HOT).get("items", {})), 0) + 1
        meta.upsert(Document({counter: value + 1}, doc_id=1))
        return value

    # prediction -----------------------------------------------------------------------
    @property
    def prediction(self) -> Prediction | None:
        """The prediction being worked out on this thread (see `predict`), if any."""
        return self._predicting.current

    def shown_copy(self, item_id: int) -> Item:
        """A copy of the hot item `item_id` as last read (for a prediction)."""
        doc = self.files.raw(HOT).get("items", {}).get(str(item_id))
        if doc is None:
            raise NotPredicted(f"item {item_id} is not in the hot file")
        return Item.from_doc(item_id, doc)

    def predict(self, change: str, *args: Any, **kwargs: Any) -> Prediction | None:
        """What `change` (the name of one of the item changes, `PREDICTED`) called with
        `args` would do to the hot items, worked out on them as last read, storing
        nothing (see `cockpit.items.predict`). None when it would be refused, or
        touches more than the hot items."""
        if change not in PREDICTED:
            raise ValueError(f"{change} cannot be predicted")
        with self._predicting.recording() as prediction:
            try:
                getattr(self, change)(*args, **kwargs)
            except (NotPredicted, InvalidError, NotFoundError, ConflictError):
                return None
        return prediction if prediction.ids else None

    # undo -----------------------------------------------------------------------------
    def undo(self) -> Change | None:
        """Revert the newest change of this session; None when there is nothing left.

        Raises:
            ConflictError: another process changed the same fields since; that step is
                dropped (it cannot be taken back without losing their change) and
                nothing is written.
        """
        return self._walk(self.undo_stack, self.redo_stack, "undo")

    def redo(self) -> Change | None:
        """Make the newest undone step again; None when nothing was undone since the
        last change (a new change clears what could be redone).

        Raises:
            ConflictError: the records were changed in the same fields since the undo;
                that step is dropped and nothing is written.
        """
        return self._walk(self.redo_stack, self.undo_stack, "redo")

    def _walk(self, source: UndoStack, target: UndoStack, verb: str) -> Change | None:
        """Revert the newest step of `source`; what takes it back goes onto `target`."""
        while source and not source[-1]:
            source.pop()
        if not source:
            return None
        if (prediction := self._predicting.current) is not None:
            return self._predict_walk(source[-1], prediction)
        group = source.pop()
        try:
            inverse = revert(self.files, group)
        except ConflictError as exc:
            raise ConflictError(msg(f"undo.{verb}", what=exc.what)) from None
        if inverse:
            target.append(inverse)
        return group[0]

    def _predict_walk(self, group: list[Change], prediction: Prediction) -> Change:
        # The items as they were before the step (a merge with changes made elsewhere
        # since is the writer's to work out; the screen then shows that).
        for change in group:
            if change.file != HOT or change.table != "items":
                raise NotPredicted("the step changed more than items")
            if change.before is None:
                prediction.removed.append(change.doc_id)
            else:
                prediction.changed.append(Item.from_doc(change.doc_id, change.before))
        return group[0]

    # outside changes ------------------------------------------------------------------
    def outside_changes(self) -> bool:
        """True when another process wrote a file since we last read or wrote it."""
        for name in (
            HOT,
            "customers",
            "entries",
            "entry_state",
            "feeds",
            "calendar",
            "metrics",
            "planning",
            "notes",
        ):
            storage = self.files.storage(name)
            if storage.stamp is not None and self.files.stamps(name)[name] != storage.stamp:
                return True
        return False
