"""Recurring items in the workspace: giving an item its rule, and finishing one, which
makes the next occurrence in the same undoable step.

The next occurrence is a new item (its own id, history and annotations), a copy of
the finished one's title, list, key flag, customer, owner, tags, notes and rule, due
on the rule's next date and planned for that date's week (never before the current
one). Finishing means done or dropped: dropping one occurrence skips it, the series
goes on (as in org-mode and taskwarrior); `--recur none` ends it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from cockpit.core.errors import InvalidError
from cockpit.core.i18n import msg
from cockpit.core.labels import vocab
from cockpit.core.model import Item, iso
from cockpit.core.weeks import week_of
from cockpit.items.predict import NotPredicted
from cockpit.items.recurrence.dates import check_gives_dates, first_due, following, next_due, pinned
from cockpit.items.recurrence.rule import Rule, invalid
from cockpit.items.recurrence.rule import read_stored as read_rule

if TYPE_CHECKING:
    from cockpit.items.workspace import Workspace

HOT = "items"


def rule_of(item: Item) -> Rule | None:
    """The item's rule (None when it does not repeat).

    Raises:
        InvalidError: a stored rule cockpit cannot follow (edited by hand), naming the
            item and the command that sets a new one.
    """
    if not item.recur:
        return None
    try:
        return read_rule(item.recur)
    except ValueError:
        raise invalid("recur.err.stored", id=item.id, text=item.recur) from None


def apply_rule(item: Item, rule: Rule | None, today: dt.date) -> None:
    """Give `item` the rule (None: it no longer repeats).

    A calendar rule on an item without a due date makes it due on the rule's first
    date from today; the week it is planned for follows when that is later.

    Raises:
        InvalidError: a rule that gives no date from the item's due date (or today).
    """
    if rule is None:
        item.recur = ""
        return
    due = item.due_date()
    check_gives_dates(rule, due or today)
    if due is None and not rule.after_done:
        due = first_due(rule, today)
        if due is None:
            raise invalid("recur.err.ended")
        item.due = due.isoformat()
        item.week = max(item.week or week_of(today), week_of(due))
    if due is not None:
        rule = pinned(rule, due)
    item.recur = rule.stored()


def successor(ws: Workspace, item: Item, finished: dt.datetime) -> Item | None:
    """The next occurrence of `item` (finished at `finished`), not stored yet; None when
    it does not repeat or its series has ended."""
    rule = rule_of(item)
    if rule is None:
        return None
    day = finished.astimezone(ws.clock.tz).date()
    due = next_due(rule, item.due_date(), day)
    if due is None:
        return None
    stamp = iso(finished)
    return dataclasses.replace(
        item,
        id=0,
        week=max(week_of(due), ws.week),
        status="open",
        due=due.isoformat(),
        recur=following(rule).stored(),
        created=stamp,
        updated=stamp,
        done_at=None,
        carried=0,
        seq=0,
        source="",
        tags=list(item.tags),
        history=[[stamp, "created"], [stamp, f"repeats #{item.id}"]],
        annotations=[],
    )


def finish(ws: Workspace, item_id: int, status: str) -> tuple[Item, Item | None]:
    """Mark an item done or dropped; a recurring one makes its next occurrence in the
    same undoable step (one `u` takes both back).

    Returns:
        The finished item, and the next occurrence (None: it does not repeat, or its
        series ended with this one).

    Raises:
        NotFoundError: no such item.
        InvalidError: archived, already in that status, or a stored rule that cannot
            be read (nothing is written then).
    """
    now = ws.clock.now()
    if (prediction := ws.prediction) is not None:  # worked out ahead, stored by the writer
        item = ws.shown_copy(item_id)
        if item.status == status:
            raise InvalidError(f"err.item.already_{status}", id=item_id)
        item.status = status
        item.done_at = iso(now)
        if successor(ws, item, now) is not None:
            raise NotPredicted("its next occurrence is made when it is written")
        item.log(now, status)
        prediction.changed.append(item)
        return item, None
    with ws.changing(HOT) as changes:
        item = ws.load_for_change(changes, item_id)
        if item.status == status:
            raise InvalidError(f"err.item.already_{status}", id=item_id)
        item.status = status
        item.done_at = iso(now)
        nxt = successor(ws, item, now)
        item.log(now, status)
        changes.label = msg("undo.item", what=vocab.history(status), title=item.title)
        changes.replace(HOT, "items", item_id, item.to_doc())
        if nxt is not None:
            nxt.id = ws.next_id(HOT, "next_item")
            changes.insert_new(HOT, "items", {nxt.id: nxt.to_doc()}, {nxt.id: changes.label})
    return item, nxt
