"""Creating and changing items: the item half of the workspace (`Workspace` inherits it).

Every change here is one undo step over the hot file (`Workspace.changing`); while a
keypress's change is being predicted (`cockpit.items.predict`), the same change is made
on a copy of the item as last read and kept instead of stored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, cast

from cockpit.core.changes import ChangeSet, Label
from cockpit.core.errors import InvalidError, NotFoundError
from cockpit.core.i18n import msg
from cockpit.core.labels import vocab
from cockpit.core.model import LISTS, STATUSES, Item, iso
from cockpit.core.text import clean_block, clean_line
from cockpit.core.weeks import weeks_between
from cockpit.items.rules import defer_target

if TYPE_CHECKING:
    from cockpit.core.clock import Clock
    from cockpit.items.predict import Predicting
    from cockpit.items.recurrence.rule import Rule
    from cockpit.items.workspace import Workspace
    from cockpit.storage import WorkspaceFiles

HOT = "items"
"""The hot file: open work and recently finished items, rewritten on every change."""
ARCHIVE = "archive"
"""Items finished before the archive window (read on demand; they no longer change)."""
MAX_NOTE = 2000  # characters of one annotation (`cockpit note`)


class ItemEdits:
    """The item changes of `Workspace` (a mixin: it relies on the workspace's files,
    clock, transactions and prediction, declared below for the type checker)."""

    clock: Clock
    files: WorkspaceFiles
    _predicting: Predicting

    if TYPE_CHECKING:

        def changing(self, *files: str, label: Label = "") -> AbstractContextManager[ChangeSet]:
            """See `Workspace.changing`."""

        @property
        def week(self) -> str:
            """See `Workspace.week`."""

        @property
        def preview(self) -> bool:
            """See `Workspace.preview`."""

        def archive_cutoff(self) -> str:
            """See `Workspace.archive_cutoff`."""

        def next_id(self, file: str, counter: str) -> int:
            """See `Workspace.next_id`."""

        def shown_copy(self, item_id: int) -> Item:
            """See `Workspace.shown_copy`."""

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

        return series.finish(cast("Workspace", self), item_id, status)  # the only subclass

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


def _clean_tags(tags: Iterable[str]) -> list[str]:
    out: list[str] = []
    for tag in tags:
        tag = clean_line(tag).lstrip("+#").strip()
        if tag and tag not in out:
            out.append(tag)
    return out
