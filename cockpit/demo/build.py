"""The bundled demo: a PostgreSQL PM's week, built fresh against the clock.

`cockpit --demo` opens `make_demo_workspace()`: a new temporary directory filled by
`build_demo()` from the tables in `cockpit.demo.data`. Every date is relative to the
workspace clock, so the demo always shows this week's plan, last weeks' carry-over,
an overdue item, customers due a call and a few days of unread news. Nothing touches
the network and nothing is random: the same clock always builds the same workspace.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections import Counter
from pathlib import Path

from cockpit.core.clock import Clock
from cockpit.core.config import Config
from cockpit.core.errors import InvalidError
from cockpit.core.model import Item, iso
from cockpit.core.weeks import monday, shift
from cockpit.demo.data import CUSTOMERS, ENTRIES, FEEDS, ITEMS, TOUCHES, DemoItem
from cockpit.demo.planning import add_planning
from cockpit.demo.tables import with_tables
from cockpit.feeds.opml import OpmlFeed
from cockpit.feeds.store import EntryStore
from cockpit.feeds.subscriptions import FeedList
from cockpit.items.workspace import Workspace

__all__ = ["build_demo", "make_demo_workspace"]


def make_demo_workspace(clock: Clock, config: Config | None = None) -> Workspace:
    """A new workspace in a fresh temporary directory, filled with the demo.

    Each call makes its own `cockpit-demo-*` directory, so the demo can be changed freely
    without touching the user's data or an earlier demo.
    """
    root = Path(tempfile.mkdtemp(prefix="cockpit-demo-"))
    ws = Workspace(root, clock, config)
    build_demo(ws)
    return ws


def build_demo(ws: Workspace) -> None:
    """Fill the empty workspace `ws` with the demo items, customers and feed entries.

    The setup is not undoable: the undo stack is cleared at the end.

    Raises:
        InvalidError: the workspace already holds items, customers or feed entries.
    """
    store = EntryStore(ws.files)
    if ws.items() or ws.customers.all() or store.all():
        raise InvalidError("err.demo.not_empty", path=ws.root)
    ws.config = with_tables(ws.config)  # the example tables of one's own
    _add_customers(ws)
    ws.add_many([_item(ws, row, n) for n, row in enumerate(ITEMS)])
    _add_entries(ws, store)
    add_planning(ws)
    ws.undo_stack.clear()


# items ------------------------------------------------------------------------------
def _at(day: dt.date, hour: int, minute: int, tz: dt.tzinfo) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=tz)


def _item(ws: Workspace, row: DemoItem, n: int) -> Item:
    """Build one item with its week, carry count, dates and a believable history."""
    now, today, tz = ws.clock.now(), ws.clock.today(), ws.clock.tz
    this_week = ws.week
    week = shift(this_week, row.week)
    # Created in the week it was first planned for (before any carry), never in the future.
    first_week = shift(this_week, min(row.week - row.carried, 0))
    created = min(_at(monday(first_week), 9, 30 + n % 30, tz), now)
    done_at: dt.datetime | None = None
    if row.status != "open":
        if row.week < 0:  # finished on the Friday of that week
            done_at = _at(monday(week) + dt.timedelta(days=4), 17, 0, tz)
        else:
            days, hour = row.done
            done_at = max(created, min(_at(today - dt.timedelta(days=days), hour, 0, tz), now))
    item = ws.new_item(
        row.title,
        list_name=row.list,
        week=week,
        due=today + dt.timedelta(days=row.due) if row.due is not None else None,
        customer=row.customer,
        tags=row.tags,
        owner=row.owner,
        notes=row.notes,
        status=row.status,
        created=created,
        done_at=done_at,
    )
    for kept in range(1, row.carried + 1):  # one Monday review per carry
        review = shift(first_week, kept)
        item.log(min(_at(monday(review), 10, 0, tz), now), "kept")
    item.carried = row.carried
    if done_at is not None:
        item.log(done_at, row.status)
    return item


# customers --------------------------------------------------------------------------
def _add_customers(ws: Workspace) -> None:
    """Add the customer book, then replay the touch log oldest first."""
    now, today = ws.clock.now(), ws.clock.today()
    customers = []
    for row in CUSTOMERS:
        cust = ws.customers.prepare(
            row.name,
            tier=row.tier,
            industry=row.industry,
            region=row.region,
            source=row.source,
            owner=row.owner,
            notes=row.notes,
        )
        cust.created = iso(now - dt.timedelta(days=row.age))
        customers.append(cust)
    ws.customers.add_many(customers)
    for touch in sorted(TOUCHES, key=lambda t: t.day):
        followup = None if touch.followup is None else today + dt.timedelta(days=touch.followup)
        ws.customers.touch(
            touch.customer,
            touch.note,
            channel=touch.channel,
            next_followup=followup,
            day=today + dt.timedelta(days=touch.day),
        )


# feed entries -----------------------------------------------------------------------
def _add_feeds(ws: Workspace) -> dict[str, int]:
    """The bundled subscriptions plus the demo's own; returns feed ids by title."""
    feeds = FeedList(ws.files)
    feeds.install_defaults()
    feeds.add_many([OpmlFeed(f.url, f.title, f.category, f.url, False) for f in FEEDS])
    return {f.title: f.id for f in feeds.all()}


def _add_entries(ws: Workspace, store: EntryStore) -> None:
    """Store the entries (published in UTC, like fetched ones) and their marks.

    Each entry is linked to its subscription, which looks fetched an hour ago.
    """
    now = ws.clock.now().astimezone(dt.UTC)
    feed_ids = _add_feeds(ws)
    rows = [
        {
            "feed_id": feed_ids[row.feed],
            "feed": row.feed,
            "category": row.category,
            "title": row.title,
            "link": row.link,
            "published": iso(now - dt.timedelta(hours=row.hours)),
            "summary": row.summary,
        }
        for row in ENTRIES
    ]
    ids = store.add(rows)
    store.set_marks([i for i, row in zip(ids, ENTRIES, strict=True) if row.read], "read", True)
    starred = [i for i, row in zip(ids, ENTRIES, strict=True) if row.starred]
    store.set_marks(starred, "starred", True)
    fetched = iso(now - dt.timedelta(hours=1))
    counts = Counter(feed_ids[row.feed] for row in ENTRIES)
    state = {"status": "ok", "last_fetch": fetched, "last_ok": fetched}
    FeedList(ws.files).update_many({n: {**state, "entries": c} for n, c in counts.items()})
