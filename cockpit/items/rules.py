"""Pure rules of the PM's week: which item goes in which panel, who is due a call.

Carry-over is derived, never copied: an open item planned for an earlier week than the
current one IS last week's carry-over. A deadline never hides: an open item due this week
(or overdue) shows this week whatever week it is planned for, as org-agenda shows
deadlines.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from typing import NamedTuple

from cockpit.core.model import Customer, Item
from cockpit.core.weeks import monday, shift

PANELS = ("key", "carry", "plan", "ops")


def is_key(item: Item) -> bool:
    """Key items: flagged with `!` (or `add --key`), or added straight to the key list.

    The one rule for "key" everywhere: the key panel, `ls --list key`, the report and
    the JSON `key` field all read it.
    """
    return item.key or item.list == "key"


def shown_list(item: Item) -> str:
    """The list an item shows under: `key` for every key item, else its own list."""
    return "key" if is_key(item) else item.list


@functools.lru_cache(maxsize=64)
def week_end(week: str) -> str:
    """The Sunday that ends `week`, as an ISO date (compares with `Item.due`).

    Cached: the panel rules ask it for every dated item of the workspace.
    """
    return (monday(week) + dt.timedelta(days=6)).isoformat()


def is_due_by(item: Item, week: str) -> bool:
    """Open with a due date on or before the last day of `week` (due then, or overdue)."""
    return item.is_open and bool(item.due) and str(item.due) <= week_end(week)


def defer_target(item: Item, week: str) -> str:
    """Where `>` moves an item: the week after the later of `week` (the current one) and
    the week it is planned for, so deferring always moves work later."""
    return shift(max(item.week or week, week), 1)


def shows_in(item: Item, week: str) -> bool:
    """Open work of `week`: planned for it or earlier, or due by its end."""
    if not item.is_open:
        return False
    return (bool(item.week) and item.week <= week) or is_due_by(item, week)


def is_carry_over(item: Item, week: str) -> bool:
    """Open and planned for a week before `week`."""
    return item.is_open and bool(item.week) and item.week < week


def panel_of(item: Item, week: str) -> str | None:
    """The daily-screen panel an item belongs to, or None (finished or future work).

    Each item shows once: key items first (even when carried), then carry-over, then
    this week's plan or ops list. Work planned for a later week shows only when it is
    due by the end of this week, in its own list.
    """
    if not shows_in(item, week):
        return None
    if is_key(item):
        return "key"
    if item.week < week:
        return "carry"
    return "ops" if item.list == "ops" else "plan"


def order_key(item: Item) -> tuple[str, str, int]:
    """Where an item sorts in its panel: dated work first (earliest due on top), then
    older weeks, then creation order. Unique per item (the id comes last)."""
    return (item.due or "9999-99-99", item.week, item.id)


def panels(items: Iterable[Item], week: str) -> dict[str, list[Item]]:
    """Split open items into the daily screen's four item panels, each sorted."""
    out: dict[str, list[Item]] = {name: [] for name in PANELS}
    for item in items:
        name = panel_of(item, week)
        if name is not None:
            out[name].append(item)
    for rows in out.values():
        rows.sort(key=order_key)
    return out


def carry_over(items: Iterable[Item], week: str) -> list[Item]:
    """Every open item planned before `week` (key ones included), oldest week first."""
    rows = [i for i in items if is_carry_over(i, week)]
    rows.sort(key=lambda i: (i.week, i.id))
    return rows


def this_week(items: Iterable[Item], week: str) -> list[Item]:
    """Open items of `week`, the carry-over and later work due by the week's end: what
    `cockpit ls` prints (carry-over first, then the week's work, dated first)."""
    rows = [i for i in items if shows_in(i, week)]
    rows.sort(key=lambda i: (bool(i.week) and i.week >= week, order_key(i)))
    return rows


class Due(NamedTuple):
    """Why a customer needs a call now.

    (A NamedTuple: every command makes its records' classes, and a dataclass costs ~0.5 ms
    at start-up, a NamedTuple a fifth of that.)
    """

    customer: Customer
    reason: str  # "followup" | "untouched" | "never"
    since: dt.date | None  # the follow-up date or the last touch


def customers_due(customers: Iterable[Customer], today: dt.date, top_days: int) -> list[Due]:
    """Customers whose follow-up is today or past, or top ones untouched for `top_days`.

    Most overdue first; top customers before others on the same day.
    """
    due: list[Due] = []
    for cust in customers:
        follow = dt.date.fromisoformat(cust.next_followup) if cust.next_followup else None
        last = dt.date.fromisoformat(cust.last_touch) if cust.last_touch else None
        if follow is not None and follow <= today:
            due.append(Due(cust, "followup", follow))
        elif cust.tier == "top" and last is None:
            due.append(Due(cust, "never", None))
        elif cust.tier == "top" and last is not None and (today - last).days >= top_days:
            due.append(Due(cust, "untouched", last))
    tier_rank = {"top": 0, "key": 1, "normal": 2}
    due.sort(key=lambda d: (d.since or dt.date.min, tier_rank.get(d.customer.tier, 3)))
    return due
