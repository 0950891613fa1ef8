"""The workspace: the one place where the CLI and the TUI read and change data.

Every change runs in a storage transaction (workspace lock held, one atomic write per
touched file) and pushes an undo step, so the TUI's `u` can walk changes back one by one.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable, Iterable, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tinydb.table import Document, Table

from cockpit.clock import Clock
from cockpit.config import Config
from cockpit.model import LISTS, STATUSES, Item, iso
from cockpit.storage import WorkspaceFiles
from cockpit.storage.backup import daily_backup
from cockpit.weeks import shift, week_of

HOT = "items"
ARCHIVE = "archive"


class NotFoundError(LookupError):
    """No record with that id or name; `str()` is the sentence for the user."""


class InvalidError(ValueError):
    """A value the user gave that the domain refuses."""


@dataclass
class Change:
    """One undoable change: the document as it was before (None = it did not exist)."""

    file: str
    table: str
    doc_id: int
    before: dict[str, Any] | None
    label: str


class Workspace:
    """Items of the workspace plus the customers book, over `WorkspaceFiles`."""

    def __init__(self, root: Path, clock: Clock, config: Config | None = None) -> None:
        from cockpit.customers import CustomerBook

        self.root = root
        self.clock = clock
        self.config = config or Config()
        self.files = WorkspaceFiles(root).open()
        self.undo_stack: list[list[Change]] = []
        self.customers = CustomerBook(self)

    # daily maintenance ----------------------------------------------------------------
    def maintain(self) -> None:
        """Once a day: back up every file, then move old finished items to the archive."""
        self.files.check(HOT)
        made = daily_backup(
            self.root, self.clock.today().isoformat(), self.config.backups_keep, self.files.lock
        )
        if made is not None:
            self.archive_old()

    def archive_old(self) -> int:
        """Move items finished more than `archive_after_weeks` ago out of the hot file."""
        cutoff = iso(self.clock.now() - dt.timedelta(weeks=self.config.archive_after_weeks))
        old = [i for i in self.items() if not i.is_open and (i.done_at or i.updated) < cutoff]
        if not old:
            return 0
        # Archive first, hot file second: a crash in between leaves a duplicate that the
        # next sweep resolves, never a lost item.
        with self.files.transaction(ARCHIVE, HOT):
            archive, hot = self._items(ARCHIVE), self._items(HOT)
            ids = [i.id for i in old]
            archive.remove(doc_ids=[i for i in ids if archive.contains(doc_id=i)])
            archive.insert_multiple(Document(i.to_doc(), doc_id=i.id) for i in old)
            hot.remove(doc_ids=ids)
        return len(old)

    # reading --------------------------------------------------------------------------
    def _items(self, file: str) -> Table:
        table: Table = self.files.table(file, "items")
        return table

    def items(self) -> list[Item]:
        """Every item of the hot file (open work and recently finished)."""
        raw = self.files.raw(HOT).get("items", {})
        return [Item.from_doc(int(k), v) for k, v in raw.items()]

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
        raise NotFoundError(f"no item with id {item_id}")

    @property
    def week(self) -> str:
        """The current ISO week in the configured zone."""
        return week_of(self.clock.today())

    # changing -------------------------------------------------------------------------
    def _next_id(self, file: str, counter: str) -> int:
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
        item = self.new_item(title, **fields)
        with self.files.transaction(HOT):
            item.id = self._next_id(HOT, "next_item")
            self._items(HOT).insert(Document(item.to_doc(), doc_id=item.id))
        self.undo_stack.append([Change(HOT, "items", item.id, None, f"add {item.title}")])
        return item

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
    ) -> Item:
        """Validate and build an item without storing it (imports batch these)."""
        title = " ".join(title.split())
        if not title:
            raise InvalidError("an item needs a title")
        if list_name not in LISTS:
            raise InvalidError(f"list must be one of {', '.join(LISTS)}, not {list_name!r}")
        if status not in STATUSES:
            raise InvalidError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
        now = iso(created or self.clock.now())
        item = Item(
            title=title,
            list=list_name,
            week=week or self.week,
            status=status,
            key=key or list_name == "key",
            due=due.isoformat() if due else None,
            owner=owner.strip(),
            customer=customer.strip(),
            tags=_clean_tags(tags),
            notes=notes,
            created=now,
            updated=now,
            source=source,
            history=[[now, "created"]],
        )
        if status != "open":
            item.done_at = iso(done_at or created or self.clock.now())
        return item

    def add_many(self, items: list[Item]) -> list[Item]:
        """Store prepared items in one transaction (all or nothing); one undo step."""
        if not items:
            return []
        with self.files.transaction(HOT):
            table = self._items(HOT)
            for item in items:
                item.id = self._next_id(HOT, "next_item")
            table.insert_multiple(Document(i.to_doc(), doc_id=i.id) for i in items)
        self.undo_stack.append([Change(HOT, "items", i.id, None, f"add {i.title}") for i in items])
        return items

    def _change(self, item_id: int, label: str, fn: Callable[[Item], None]) -> Item:
        with self.files.transaction(HOT):
            table = self._items(HOT)
            doc = table.get(doc_id=item_id)
            if not isinstance(doc, dict):
                if str(item_id) in self.files.raw(ARCHIVE).get("items", {}):
                    raise InvalidError(f"item {item_id} is archived and cannot change")
                raise NotFoundError(f"no item with id {item_id}")
            before = copy.deepcopy(dict(doc))
            item = Item.from_doc(item_id, doc)
            fn(item)
            item.log(self.clock.now(), label)
            new = item.to_doc()

            def replace(stored: MutableMapping[Any, Any]) -> None:
                stored.clear()
                stored.update(new)

            table.update(replace, doc_ids=[item_id])
        self.undo_stack.append([Change(HOT, "items", item_id, before, f"{label} {item.title}")])
        return item

    def done(self, item_id: int) -> Item:
        def apply(item: Item) -> None:
            if item.status == "done":
                raise InvalidError(f"item {item_id} is already done")
            item.status = "done"
            item.done_at = iso(self.clock.now())

        return self._change(item_id, "done", apply)

    def drop(self, item_id: int) -> Item:
        def apply(item: Item) -> None:
            if item.status == "dropped":
                raise InvalidError(f"item {item_id} is already dropped")
            item.status = "dropped"
            item.done_at = iso(self.clock.now())

        return self._change(item_id, "dropped", apply)

    def reopen(self, item_id: int) -> Item:
        def apply(item: Item) -> None:
            item.status = "open"
            item.done_at = None

        return self._change(item_id, "reopened", apply)

    def defer(self, item_id: int, to_week: str | None = None) -> Item:
        """Move an open item to `to_week` (default: the week after the current one)."""
        target = to_week or shift(self.week, 1)

        def apply(item: Item) -> None:
            if not item.is_open:
                raise InvalidError(f"item {item_id} is {item.status}; only open items move")
            item.week = target

        return self._change(item_id, f"deferred to {target}", apply)

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

    def edit(self, item_id: int, **fields: Any) -> Item:
        """Change any of title, list, week, due, owner, customer, tags, notes, key."""
        allowed = {"title", "list", "week", "due", "owner", "customer", "tags", "notes", "key"}
        unknown = set(fields) - allowed
        if unknown:
            raise InvalidError(f"cannot edit {', '.join(sorted(unknown))}")
        if "title" in fields and not " ".join(str(fields["title"]).split()):
            raise InvalidError("an item needs a title")
        if "list" in fields and fields["list"] not in LISTS:
            raise InvalidError(f"list must be one of {', '.join(LISTS)}")

        def apply(item: Item) -> None:
            for name, value in fields.items():
                if name == "title":
                    value = " ".join(str(value).split())
                if name == "tags":
                    value = _clean_tags(value)
                if name == "due" and isinstance(value, dt.date):
                    value = value.isoformat()
                setattr(item, name, value)
            if item.list == "key":
                item.key = True

        return self._change(item_id, "edited", apply)

    def delete(self, item_id: int) -> Item:
        """Remove an item for good (undo brings it back)."""
        with self.files.transaction(HOT):
            table = self._items(HOT)
            doc = table.get(doc_id=item_id)
            if not isinstance(doc, dict):
                raise NotFoundError(f"no item with id {item_id}")
            before = copy.deepcopy(dict(doc))
            table.remove(doc_ids=[item_id])
        item = Item.from_doc(item_id, before)
        self.undo_stack.append([Change(HOT, "items", item_id, before, f"delete {item.title}")])
        return item

    # undo -----------------------------------------------------------------------------
    def undo(self) -> Change | None:
        """Revert the newest change of this session; None when there is nothing left."""
        while self.undo_stack and not self.undo_stack[-1]:
            self.undo_stack.pop()
        if not self.undo_stack:
            return None
        group = self.undo_stack.pop()
        with self.files.transaction(*dict.fromkeys(c.file for c in group)):
            for change in reversed(group):
                table = self.files.table(change.file, change.table)
                if table.contains(doc_id=change.doc_id):
                    table.remove(doc_ids=[change.doc_id])
                if change.before is not None:
                    table.insert(Document(copy.deepcopy(change.before), doc_id=change.doc_id))
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
        tag = tag.strip().lstrip("+#")
        if tag and tag not in out:
            out.append(tag)
    return out
