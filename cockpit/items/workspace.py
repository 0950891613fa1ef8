"""The workspace: the one place where the CLI and the TUI read and change data.

Every change runs in a storage transaction (workspace lock held, one atomic write per
touched file) and pushes an undo step, so the TUI's `u` can walk changes back one by one.
Undo never overwrites what another process changed since (`cockpit.core.changes`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb.table import Document, Table

from cockpit.core.changes import Change, ChangeSet, Label, UndoStack, changing, revert
from cockpit.core.clock import Clock
from cockpit.core.config import Config
from cockpit.core.errors import ConflictError, InvalidError, NotFoundError
from cockpit.core.i18n import msg
from cockpit.core.labels import vocab
from cockpit.core.model import LISTS, STATUSES, Item, iso
from cockpit.core.text import clean_block, clean_line
from cockpit.core.weeks import week_of, weeks_between
from cockpit.customers.book import CustomerBook
from cockpit.items.cache import RecordCache
from cockpit.items.predict import PREDICTED, NotPredicted, Predicting, Prediction
from cockpit.items.rules import defer_target
from cockpit.items.upgrade import clean_stored_text
from cockpit.items.views import DueIndex
from cockpit.storage import StorageError, WorkspaceFiles
from cockpit.storage.atomic import atomic_write
from cockpit.storage.backup import backups_dir, daily_backup
from cockpit.storage.files import DATA_FILES

if TYPE_CHECKING:
    from cockpit.items.recurrence.rule import Rule

HOT = "items"
ARCHIVE = "archive"
SWEPT = ".swept"  # in a day's backup folder: that day's sweep ran
MAX_NOTE = 2000  # characters of one annotation (`cockpit note`)


class Workspace:
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
        self.customers = CustomerBook(self)
        self._predicting = Predicting()
        self.item_cache: RecordCache[Item] = RecordCache(Item.from_doc)
        """The hot file's items, built once per stored document (see `items`)."""
        self._due = DueIndex()
        self.warnings: list[str] = []
        """Sentences about maintenance that could not be done (shown, never fatal)."""

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

    # changing -------------------------------------------------------------------------
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

    def add(self, title: str, **fields: Any) -> Item:
        """Create and store an item (fields as for `new_item`; default: this week's plan)."""
        return self.add_many([self.new_item(title, **fields)])[0]

    def new_item(
        self,
        title: str,
        *,
        list_name: str = "plan",
        week: str | None = None,
        due: dt.date | None = None,
        customer: str = "",
        tags: Iterable[str] = (),
        owner: str = "",
        notes: str = "",
        key: bool = False,
        status: str = "open",
        source: str = "",
        created: dt.datetime | None = None,
        done_at: dt.datetime | None = None,
        recur: Rule | None = None,
    ) -> Item:
        """Validate and build an item without storing it (imports batch these); a
        `recur` rule without a due date makes it due on the rule's first date."""
        title = clean_line(title)
        if not title:
            raise InvalidError("err.item.title")
        if list_name not in LISTS:
            list_name = vocab.parse("list", list_name)  # 重点, 计划, 运营 as typed
        if status not in STATUSES:
            status = vocab.parse("status", status)
        now = iso(created or self.clock.now())
        item = Item(
            title=title,
            list=list_name,
            week=week or self.week,
            status=status,
            key=key or list_name == "key",
            due=due.isoformat() if due else None,
            owner=clean_line(owner),
            customer=clean_line(customer),
            tags=_clean_tags(tags),
            notes=clean_block(notes),
            created=now,
            updated=now,
            source=clean_line(source),
            history=[[now, "created"]],
        )
        if status != "open":
            item.done_at = iso(done_at or created or self.clock.now())
        if recur is not None:
            from cockpit.items import series  # imported here, for start-up time

            series.apply_rule(item, recur, self.clock.today())
        return item

    def add_many(self, items: list[Item]) -> list[Item]:
        """Store prepared items in one transaction (all or nothing); one undo step.

        Items finished before the archive window (an imported history) go straight to
        the archive, so an import never leaves the hot file - rewritten on every
        keypress - holding years of finished work until the next daily sweep.
        """
        if not items:
            return []
        cutoff = None if self.preview else self.archive_cutoff()
        old = {
            id(i)
            for i in items
            if cutoff is not None and not i.is_open and (i.done_at or i.updated) < cutoff
        }
        # Archive first, hot file second, as the daily sweep writes them.
        with self.changing(*((ARCHIVE, HOT) if old else (HOT,))) as changes:
            for item in items:
                item.id = self.next_id(HOT, "next_item")
            for file, keep in ((ARCHIVE, True), (HOT, False)):
                batch = [i for i in items if (id(i) in old) == keep]
                if batch:
                    changes.insert_new(
                        file,
                        "items",
                        {i.id: i.to_doc() for i in batch},
                        {
                            i.id: msg("undo.item", what=msg("hist.added"), title=i.title)
                            for i in batch
                        },
                    )
        return items

    def _change(
        self, item_id: int, label: str | Callable[[Item], str], fn: Callable[[Item], None]
    ) -> Item:
        """Change one item with `fn` as one undo step; `label` (or `label(item)` after
        the change, when it depends on what was stored) goes into its history."""
        if (prediction := self._predicting.current) is not None:
            # The same change on the item as last read, kept instead of stored.
            item = self.shown_copy(item_id)
            fn(item)
            item.log(self.clock.now(), label(item) if callable(label) else label)
            prediction.changed.append(item)
            return item
        with self.changing(HOT) as changes:
            item = self.load_for_change(changes, item_id)
            fn(item)
            what = label(item) if callable(label) else label
            item.log(self.clock.now(), what)
            changes.label = msg("undo.item", what=vocab.history(what), title=item.title)
            changes.replace(HOT, "items", item_id, item.to_doc())
        return item

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

    def load_for_change(self, changes: ChangeSet, item_id: int) -> Item:
        """The item as the running change sees it (snapshotted for undo).

        Raises:
            NotFoundError: no such item.
            InvalidError: it is in the archive, where items no longer change.
        """
        doc = changes.snapshot(HOT, "items", item_id)
        if doc is None:
            if str(item_id) in self.files.raw(ARCHIVE).get("items", {}):
                raise InvalidError("err.item.archived", id=item_id)
            raise NotFoundError("err.item.none", id=item_id)
        return Item.from_doc(item_id, doc)

    def done(self, item_id: int) -> Item:
        """Mark an item done (a recurring one makes its next occurrence: `finish`)."""
        return self.finish(item_id, "done")[0]

    def drop(self, item_id: int) -> Item:
        """Drop an item (kept in history; a recurring series goes on: `finish`)."""
        return self.finish(item_id, "dropped")[0]

    def finish(self, item_id: int, status: str) -> tuple[Item, Item | None]:
        """Done or dropped, with the next occurrence of a recurring item (see
        `cockpit.items.series.finish`)."""
        # Imported here, for start-up time: `cockpit ls` and the first paint never finish.
        from cockpit.items import series

        return series.finish(self, item_id, status)

    def annotate(self, item_id: int, text: str) -> Item:
        """Add a dated note to an item (`cockpit note`), kept with its history.

        Raises:
            InvalidError: empty text, or an archived item.
        """
        note = clean_line(text)
        if not note:
            raise InvalidError("err.note.empty")
        if len(note) > MAX_NOTE:
            raise InvalidError("err.note.long", high=MAX_NOTE, n=len(note))

        def apply(item: Item) -> None:
            item.annotations.append([iso(self.clock.now()), note])

        return self._change(item_id, "noted", apply)

    def reopen(self, item_id: int) -> Item:
        def apply(item: Item) -> None:
            item.status = "open"
            item.done_at = None

        return self._change(item_id, "reopened", apply)

    def defer(self, item_id: int, to_week: str | None = None, *, shift_due: bool = False) -> Item:
        """Move an open item to `to_week` (default: the week after the later of this week
        and the week it is planned for).

        With `shift_due`, its due date moves by as many weeks as the item did; without,
        the due date stays (and the item keeps showing in the week it is due).

        Raises:
            InvalidError: a week before this one, the week it is already planned for, or
                an item that is not open.
        """
        current = self.week
        if to_week is not None and to_week < current:
            raise InvalidError("err.item.past_week", week=to_week, current=current)

        def apply(item: Item) -> None:
            if not item.is_open:
                raise InvalidError(
                    "err.item.not_open", id=item_id, status=vocab.word("status", item.status)
                )
            start = item.week or current
            target = to_week or defer_target(item, current)
            if target == item.week:
                raise InvalidError("err.item.same_week", id=item_id, week=target)
            due = item.due_date()
            if shift_due and due is not None:
                item.due = (due + dt.timedelta(weeks=weeks_between(start, target))).isoformat()
            item.week = target

        return self._change(item_id, lambda item: f"deferred to {item.week}", apply)

    def keep(self, item_id: int) -> Item:
        """Monday review: keep a carried item for this week and count the carry."""

        def apply(item: Item) -> None:
            item.week = self.week
            item.carried += 1

        return self._change(item_id, "kept", apply)

    def toggle_key(self, item_id: int) -> Item:
        def apply(item: Item) -> None:
            if item.key or item.list == "key":
                item.key = False
                if item.list == "key":
                    item.list = "plan"
            else:
                item.key = True

        return self._change(item_id, "key toggled", apply)

    def edit(self, item_id: int, *, expect_seq: int | None = None, **fields: Any) -> Item:
        """Change any of title, list, week, due, owner, customer, tags, notes, key and
        recur (a `Rule`, or None: no longer repeats); `add_tags` and `remove_tags` change
        the tags as they are when the change is made. With `expect_seq`, the edit is
        refused (nothing written) unless the item is still at that `seq`."""
        allowed = {"title", "list", "week", "due", "owner", "customer", "tags", "notes", "key"}
        allowed |= {"recur", "add_tags", "remove_tags"}
        unknown = set(fields) - allowed
        if unknown:
            raise InvalidError("err.cannot_edit", fields=sorted(unknown))
        if "title" in fields and not clean_line(fields["title"]):
            raise InvalidError("err.item.title")
        if "list" in fields and fields["list"] not in LISTS:
            fields["list"] = vocab.parse("list", fields["list"])

        def apply(item: Item) -> None:
            if expect_seq is not None and item.seq != expect_seq:
                # Decided from a read made earlier (`cockpit show --json`, a script):
                # the item changed since, so the edit would overwrite what it never saw.
                raise InvalidError("err.item.stale", id=item_id, seq=expect_seq, now=item.seq)
            for name, value in fields.items():
                if name in ("recur", "add_tags", "remove_tags"):
                    continue
                if name in ("title", "owner", "customer"):
                    value = clean_line(value)
                if name == "notes":
                    value = clean_block(value)
                if name == "tags":
                    value = _clean_tags(value)
                if name == "due" and isinstance(value, dt.date):
                    value = value.isoformat()
                setattr(item, name, value)
            if fields.get("add_tags") or fields.get("remove_tags"):
                gone = set(_clean_tags(fields.get("remove_tags", ())))
                kept = [tag for tag in item.tags if tag not in gone]
                item.tags = _clean_tags([*kept, *fields.get("add_tags", ())])
            if fields.get("key") is False and item.list == "key" and "list" not in fields:
                item.list = "plan"  # off the key list, as `!` takes it off
            if item.list == "key":
                item.key = True
            if "recur" in fields:
                from cockpit.items import series  # imported here, for start-up time

                series.apply_rule(item, fields["recur"], self.clock.today())

        return self._change(item_id, "edited", apply)

    def delete(self, item_id: int) -> Item:
        """Remove an item for good (undo brings it back)."""
        if (prediction := self._predicting.current) is not None:
            item = self.shown_copy(item_id)
            prediction.removed.append(item_id)
            return item
        with self.changing(HOT) as changes:
            before = changes.remove(HOT, "items", item_id)
            if before is None:
                raise NotFoundError("err.item.none", id=item_id)
            item = Item.from_doc(item_id, before)
            changes.label = msg("undo.item", what=msg("hist.deleted"), title=item.title)
        return item

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


def _clean_tags(tags: Iterable[str]) -> list[str]:
    out: list[str] = []
    for tag in tags:
        tag = clean_line(tag).lstrip("+#").strip()
        if tag and tag not in out:
            out.append(tag)
    return out
