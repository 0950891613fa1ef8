"""The bundled demo workspace: current-looking, complete, deterministic and offline."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cockpit.core.clock import FrozenClock
from cockpit.core.errors import InvalidError
from cockpit.core.weeks import shift
from cockpit.demo.build import build_demo, make_demo_workspace
from cockpit.feeds.store import EntryStore
from cockpit.items import rules
from cockpit.items.workspace import Workspace

SHANGHAI = ZoneInfo("Asia/Shanghai")
WHEN = dt.datetime(2026, 11, 18, 10, tzinfo=SHANGHAI)
CATEGORIES = {"community", "planet", "newsletter", "competitor", "ecosystem"}
CJK = re.compile(r"[\u4e00-\u9fff]")


def _build(root: Path, when: dt.datetime = WHEN) -> Workspace:
    ws = Workspace(root, FrozenClock(when))
    build_demo(ws)
    return ws


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return _build(tmp_path / "demo")


def test_every_item_panel_is_filled(ws: Workspace) -> None:
    panels = rules.panels(ws.items(), ws.week)
    for name in ("key", "carry", "plan", "ops"):
        assert panels[name], f"panel {name} is empty"
    assert 25 <= len(ws.items()) <= 40


def test_carry_over_has_carried_counts(ws: Workspace) -> None:
    carry = rules.carry_over(ws.items(), ws.week)
    counts = {item.carried for item in carry}
    assert {1, 2, 3} <= counts
    assert all(item.week < ws.week for item in carry)
    kept = [item for item in carry if item.carried]
    assert all(sum(h[1] == "kept" for h in item.history) == item.carried for item in kept)


def test_item_states_and_dates(ws: Workspace) -> None:
    items = ws.items()
    today, now, week = ws.clock.today(), ws.clock.now(), ws.week
    done_now = [i for i in items if i.status == "done" and i.week == week]
    assert len(done_now) >= 3
    for item in done_now:
        assert item.done_at is not None
        done_at = dt.datetime.fromisoformat(item.done_at)
        assert item.created <= item.done_at
        assert dt.datetime.fromisoformat(item.created) <= done_at <= now
    assert [i.status for i in items].count("dropped") == 1
    assert any(i.week > week for i in items), "nothing planned for next week"
    due = [d for i in items if i.is_open and (d := i.due_date()) is not None]
    assert sum(d < today for d in due) == 1, "exactly one overdue item"
    assert today + dt.timedelta(days=2) in due
    assert any(i.customer for i in items) and any(i.owner for i in items)
    assert "周报" in {t for i in items for t in i.tags}
    names = {c.name for c in ws.customers.all()}
    assert {i.customer for i in items if i.customer} <= names
    assert all(dt.datetime.fromisoformat(i.created) <= now for i in items)


def test_customers_due(ws: Workspace) -> None:
    customers = ws.customers.all()
    assert 10 <= len(customers) <= 15
    assert {c.tier for c in customers} == {"top", "key", "normal"}
    assert {c.source for c in customers} == {"direct", "sales", "channel", "partner"}
    due = rules.customers_due(customers, ws.clock.today(), 14)
    assert 3 <= len(due) <= 6
    reasons = {d.reason for d in due}
    assert reasons == {"followup", "untouched", "never"}
    assert any(d.reason == "never" and d.customer.tier == "top" for d in due)
    untouched = [d for d in due if d.reason == "untouched"]
    assert untouched[0].since is not None
    assert (ws.clock.today() - untouched[0].since).days >= 20
    assert len(ws.customers.touches()) >= 12


def test_feed_entries(ws: Workspace) -> None:
    entries = EntryStore(ws.files).all()
    assert 35 <= len(entries) <= 45
    assert {e.category for e in entries} == CATEGORIES
    assert {e.category for e in entries if not e.read} == CATEGORIES
    assert 8 <= sum(e.read for e in entries) <= 12
    assert sum(e.starred for e in entries) == 2
    now = ws.clock.now()
    for entry in entries:
        assert entry.link is not None and entry.link.startswith("https://")
        age = now - dt.datetime.fromisoformat(entry.published)
        assert dt.timedelta(0) < age <= dt.timedelta(days=10)


def test_mixes_chinese_and_english(ws: Workspace) -> None:
    for titles in (
        [i.title for i in ws.items()],
        [e.title for e in EntryStore(ws.files).all()],
    ):
        assert any(CJK.search(t) for t in titles)
        assert any(t.isascii() for t in titles)


def test_setup_is_not_undoable(ws: Workspace) -> None:
    assert ws.undo_stack == []
    assert ws.undo() is None


def test_deterministic_for_a_clock(tmp_path: Path) -> None:
    def snapshot(ws: Workspace) -> tuple[object, ...]:
        return (
            sorted((i.title, i.week, i.status, i.due, i.carried) for i in ws.items()),
            sorted((c.name, c.next_followup, c.last_touch) for c in ws.customers.all()),
            [(e.title, e.published, e.read) for e in EntryStore(ws.files).all()],
        )

    assert snapshot(_build(tmp_path / "a")) == snapshot(_build(tmp_path / "b"))


@pytest.mark.parametrize(
    "when",
    [
        dt.datetime(2026, 11, 16, 0, 5, tzinfo=SHANGHAI),  # Monday just after midnight
        dt.datetime(2026, 11, 22, 23, 59, tzinfo=SHANGHAI),  # Sunday night
        dt.datetime(2027, 1, 1, 9, tzinfo=dt.UTC),  # ISO week 2026-W53
    ],
)
def test_looks_current_on_any_day(tmp_path: Path, when: dt.datetime) -> None:
    ws = _build(tmp_path, when)
    panels = rules.panels(ws.items(), ws.week)
    assert all(panels[name] for name in ("key", "carry", "plan", "ops"))
    now = ws.clock.now()
    for item in ws.items():
        assert dt.datetime.fromisoformat(item.created) <= now
        if item.done_at:
            assert dt.datetime.fromisoformat(item.done_at) <= now
    assert 3 <= len(rules.customers_due(ws.customers.all(), ws.clock.today(), 14)) <= 6


def test_refuses_a_workspace_with_data(ws: Workspace) -> None:
    with pytest.raises(InvalidError, match="not empty"):
        build_demo(ws)


def test_make_demo_workspace_uses_a_new_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    clock = FrozenClock(WHEN)
    first = make_demo_workspace(clock, None)
    second = make_demo_workspace(clock, None)
    assert first.root != second.root
    for ws in (first, second):
        assert ws.root.parent == tmp_path and ws.root.name.startswith("cockpit-demo-")
        assert ws.items() and ws.customers.all()


@pytest.mark.parametrize(
    "when",
    [WHEN, dt.datetime(2026, 11, 16, 0, 5, tzinfo=SHANGHAI),
     dt.datetime(2026, 11, 22, 23, 59, tzinfo=SHANGHAI)],
)  # fmt: skip
def test_the_requirement_pool_has_a_past(tmp_path: Path, when: dt.datetime) -> None:
    """Moves spread over two months of Monday meetings, each one the lifecycle allows,
    none in the future; a few this week, for the weekly report (every move used to be
    dated the minute the demo was built)."""
    from cockpit.core.weeks import week_of
    from cockpit.planning.requirements import MOVES, all_requirements

    ws = _build(tmp_path, when)
    now = ws.clock.now()
    weeks, this_week = set(), []
    for req in all_requirements(ws):
        status, last = "collected", dt.datetime.fromisoformat(req.created)
        for entry in (e for e in req.log if e["kind"] == "status"):
            at = dt.datetime.fromisoformat(entry["at"])
            assert last <= at <= now
            assert entry["from"] == status and entry["to"] in MOVES[status] and entry["reason"]
            status, last = entry["to"], at
            weeks.add(week_of(at.date()))
            if week_of(at.date()) == ws.week:
                this_week.append(req.id)
        assert status == req.status
    assert len(weeks) >= 6
    assert sorted(set(this_week)) == [1, 2, 3]


def test_the_weekly_report_lists_this_weeks_moves(ws: Workspace) -> None:
    from cockpit.report.build import build_report

    report = build_report(ws, ws.week, "zh", "text")
    moved = report.split("需求变更", 1)[1].split("上线进度", 1)[0]
    assert "#1 Logical replication failover slots in the managed service：已规划 → 开发中" in moved
    assert "#2 PostGIS 3.5 with SFCGAL on ARM instances：已评审 → 已规划" in moved
    assert "#3 pgvector HNSW index builds in parallel：已收集 → 已评审" in moved
    assert "#7" not in moved and "#4" not in moved  # released last week, planned in October
    last = build_report(ws, shift(ws.week, -1), "en", "text")
    assert "#7 Per-database PITR retention settings: in development → released" in last
