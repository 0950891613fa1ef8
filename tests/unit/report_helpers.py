"""A known week (2026-W47, Mon Nov 16 - Sun Nov 22, Asia/Shanghai) for the report tests:
items done / open / carried / kept, key items, touched customers with stages, starred
entries and filed notes, each with a neighbour just outside the week that must not
show. The clock is left where it was found (Wed 2026-11-18 10:00).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from cockpit.core.clock import FrozenClock
from cockpit.core.config import Config
from cockpit.core.model import Customer
from cockpit.customers.book import CustomerBook
from cockpit.feeds.store import EntryStore
from cockpit.items.workspace import Workspace
from cockpit.report.notes import NoteBook
from tests.conftest import SHANGHAI

WEEK = "2026-W47"
STAGE_FIELDS = ("stage", "deal_value", "churn_reason", "stage_since")


def at(day: int, hour: int = 10, minute: int = 0) -> dt.datetime:
    """A moment of November 2026 in Shanghai."""
    return dt.datetime(2026, 11, day, hour, minute, tzinfo=SHANGHAI)


@contextmanager
def moved(clock: FrozenClock, when: dt.datetime) -> Iterator[None]:
    before = clock.now()
    clock.set(when)
    try:
        yield
    finally:
        clock.set(before)


def with_stages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Customers read with their stage fields from the stored documents.

    Stage, deal value and churn reason arrive on `Customer` with the customers screen;
    until then `from_doc` drops them. Copying them over from the raw documents lets the
    same tests run before and after (afterwards the copy changes nothing).
    """
    original = CustomerBook.all

    def all_with_stages(book: CustomerBook) -> list[Customer]:
        raw = book.ws.files.raw("customers").get("customers", {})
        customers = original(book)
        for cust in customers:
            for name in STAGE_FIELDS:
                if name in raw.get(str(cust.id), {}):
                    setattr(cust, name, raw[str(cust.id)][name])
        return customers

    monkeypatch.setattr(CustomerBook, "all", all_with_stages)


def set_stage(ws: Workspace, name: str, **fields: Any) -> None:
    """Store stage fields on a customer's document, as the customers screen will."""
    cust = ws.customers.find(name)
    with ws.files.transaction("customers"):
        ws.files.table("customers", "customers").update(fields, doc_ids=[cust.id])


def week_workspace(root: Path, clock: FrozenClock, config: Config | None = None) -> Workspace:
    """The known week; item titles say where each one must (not) appear."""
    ws = Workspace(root, clock, config)
    _items(ws, clock)
    _customers(ws, clock)
    _entries_and_notes(ws)
    ws.undo_stack.clear()
    return ws


def _items(ws: Workspace, clock: FrozenClock) -> None:
    ws.add(
        "Prepare weekly product meeting", list_name="key", owner="李明", due=dt.date(2026, 11, 19)
    )
    ws.add("Sign off 17.x maintenance window", key=True, status="done", done_at=at(17, 15))
    ws.add("Last week's key win", list_name="key", week="2026-W46", status="done", done_at=at(12))
    ws.add("HA postmortem report", list_name="key", week="2026-W46")
    ws.add("Draft failover PRD", owner="张敏", due=dt.date(2026, 11, 20))
    # Monday 00:00 sharp is inside the week; Sunday 23:30 before it is not.
    ws.add("Reply Aurora questionnaire", status="done", done_at=at(16, 0))
    ws.add("Meetup venue", list_name="ops", owner="周婷")
    ws.add("Release notice", list_name="ops", status="done", done_at=at(18, 9))
    ws.add("Sunday cleanup", week="2026-W46", status="done", done_at=at(15, 23, 30))
    ws.add("GIS whitepaper", week="2026-W46")
    sla = ws.add("Update SLA doc", week="2026-W46")
    ws.keep(sla.id)
    ws.add("Plan Q1 roadmap", week="2026-W48", owner="王磊")
    ws.add("Board prep", week="2026-W48", key=True)
    dropped = ws.add("Dropped idea")
    ws.drop(dropped.id)
    ws.add("Far future", week="2026-W49")
    kept = ws.add("Kept and done", week="2026-W46")
    ws.keep(kept.id)
    with moved(clock, at(18, 9, 30)):
        ws.done(kept.id)
    ws.add("Webinar dry run", list_name="ops", week="2026-W48", due=dt.date(2026, 11, 25))


def _customers(ws: Workspace, clock: FrozenClock) -> None:
    book = ws.customers
    with moved(clock, at(2)):
        book.add("招商银行", tier="top", owner="王磊")
        book.add("Acme Telecom", tier="key")
        book.add("Old Corp")
        book.add("Stale Opp Ltd")
        book.add("Quiet Co")
    with moved(clock, at(17)):
        book.add("Nova Fintech")
    book.touch("招商银行", "讨论逻辑复制", day=dt.date(2026, 11, 16))
    book.touch("招商银行", "现场 PoC 启动", channel="visit", day=dt.date(2026, 11, 18))
    book.touch("招商银行", "last week's call", day=dt.date(2026, 11, 10))
    book.touch("Acme Telecom", "Sent\npricing", channel="mail", day=dt.date(2026, 11, 17))
    book.touch("Old Corp", "only last week", day=dt.date(2026, 11, 9))
    set_stage(ws, "招商银行", stage="opportunity", deal_value=1200000)
    set_stage(ws, "Nova Fintech", stage="opportunity")
    set_stage(ws, "Stale Opp Ltd", stage="opportunity", deal_value=5)
    set_stage(ws, "Acme Telecom", stage="churn-risk", churn_reason="Evaluating Aurora")
    set_stage(ws, "Quiet Co", stage="churn-risk")


def _entries_and_notes(ws: Workspace) -> None:
    store = EntryStore(ws.files)
    ids = store.add(
        [
            _entry("[Release] PG 17.7", "2026-11-17T02:00:00+00:00", "PostgreSQL News"),
            # 18:00 UTC on Sunday is Monday 02:00 in Shanghai: inside the week.
            _entry("Aurora Limitless GA", "2026-11-15T18:00:00+00:00", "AWS Blog"),
            _entry("Old starred", "2026-11-10T08:00:00+00:00", "Planet PostgreSQL"),
            _entry("Unstarred this week", "2026-11-17T08:00:00+00:00", "Planet PostgreSQL"),
            _entry("Starred and filed", "2026-11-18T08:00:00+00:00", "Planet PostgreSQL"),
            _entry("Greenplum 7 roadmap", "2026-11-03T08:00:00+00:00", "Greenplum"),
        ]
    )
    store.set_marks([ids[0], ids[1], ids[2], ids[4]], "starred", True)
    notes = NoteBook(ws)
    notes.add("Greenplum 7 roadmap", link="https://example.com/gp", entry_id=ids[5])
    notes.add("Starred and filed", link="https://example.com/4", entry_id=ids[4])
    notes.add("Competitor pricing changed")
    notes.add("Last week's industry note", week="2026-W46")
    notes.add("Team offsite booked", section="highlights")
    notes.add("Pricing review moved to Dec", section="product")
    notes.add("Bank sector review next month", section="customers")
    notes.add("Hire DBA intern", section="plan")
    notes.set_week_notes(
        WEEK,
        highlights=["PG 17 migration plan approved", "招行 PoC kicked off"],
        thoughts="HA is still the top question.\nRoadmap next.\n\nSecond paragraph.",
    )


def _entry(title: str, published: str, feed: str) -> dict[str, Any]:
    slug = title.split()[-1].lower()
    return {
        "title": title,
        "published": published,
        "feed": feed,
        "category": "community",
        "link": f"https://example.com/{slug}",
        "guid": title,
    }


PART_NAMES = ("highlights", "product", "customers", "industry", "plan")


def parts(report: str) -> dict[int, list[str]]:
    """The report's non-blank lines under each `## N. Part` heading, by the part's place
    among the five (1 highlights … 5 plan), whatever number it was written with: a part
    with nothing to say is left out and the others are numbered in order."""
    from cockpit.core.labels.report import LABELS

    number = {}
    for n, name in enumerate(PART_NAMES, 1):
        for title in LABELS[f"report.part.{name}"]:
            number[title] = n
    out: dict[int, list[str]] = {}
    current = 0
    for line in report.splitlines():
        if line.startswith("## "):
            current = number[line.split(". ", 1)[1]]
            out[current] = []
        elif current and line.strip():
            out[current].append(line)
    return out


def planning_and_numbers(ws: Workspace, clock: FrozenClock) -> None:
    """The rest of a real week: monthly numbers (revenue turning down in October),
    requirements moved during the week and before it, a launch with overdue items, an
    article filed twice with a comment (it shows once, with the comment)."""
    from cockpit.metrics.book import set_row
    from cockpit.planning import launches, requirements

    # Overdue on Wednesday: a key item due Monday, a plan item due Tuesday.
    ws.add("Renew support contract", list_name="key", due=dt.date(2026, 11, 16))
    ws.add("Send PoC summary to 招行", owner="李明", due=dt.date(2026, 11, 17))

    for month, cash, total, churned, tickets in (
        ("2026-08", "100万", "10", "2", "30"),
        ("2026-09", "120万", "12", "2", "27"),
        ("2026-10", "108万", "15", "3", "24"),
    ):
        set_row(ws, "revenue", {"month": month, "cash": cash})
        set_row(ws, "opportunities", {"month": month, "total": total, "churned": churned})
        set_row(ws, "tickets", {"month": month, "count": tickets})
    set_row(ws, "revenue", {"month": "2026-12", "cash": "1"})  # after the week: not shown
    with moved(clock, at(10)):
        old = requirements.add(ws, "Moved last week", kano="must-be")
        requirements.move(ws, old.id, "reviewed", "triaged")
        hnsw = requirements.add(ws, "pgvector HNSW index", customer="招商银行", kano="attractive")
        requirements.add(ws, "Untouched requirement")
    with moved(clock, at(16, 11)):
        requirements.move(ws, hnsw.id, "reviewed", "3 banks asked")
    with moved(clock, at(17, 15)):
        requirements.move(ws, hnsw.id, "planned", "fits 18.1")
    with moved(clock, at(2)):
        # Go-live Nov 25: environments (Nov 11) and database (Nov 13) are done, user data
        # (Nov 15) is overdue, roles (Nov 18, today) is not yet.
        launches.new(ws, "PG 18 launch", dt.date(2026, 11, 25), lang="en")
        launches.new(ws, "Old launch", dt.date(2026, 10, 1), lang="en")
    for no in (1, 2):
        launches.check(ws, "PG 18 launch", no)
    launches.update_item(ws, "PG 18 launch", 3, owner="赵强")
    old_launch = launches.find(ws, "Old launch")
    for it in old_launch.items:
        launches.check(ws, "Old launch", it.no)
    store = EntryStore(ws.files)
    entry = next(e for e in store.all() if e.title == "Aurora Limitless GA")
    notes = NoteBook(ws)
    notes.add(entry.title, link=entry.link or "", entry_id=entry.id)
    notes.add(
        entry.title, link=entry.link or "", entry_id=entry.id, comment="Serverless 分片，盯紧定价"
    )
    ws.undo_stack.clear()
