"""Goals: quarters and their straight line on a frozen clock, key results measured by a
metrics column or by linked items and requirements, objectives summed up, the book's
undoable and seq-checked changes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from cockpit.core.changes import based_on
from cockpit.core.clock import FrozenClock
from cockpit.core.errors import ConflictError, InvalidError, NotFoundError
from cockpit.goals import book, measure, words
from cockpit.goals.model import KeyResult, Objective
from cockpit.goals.progress import metric_fraction, objective_state, status_of
from cockpit.goals.quarters import Quarter, parse_quarter, quarter_of
from cockpit.items.workspace import Workspace
from cockpit.metrics import book as metrics
from cockpit.planning import requirements
from tests.conftest import SHANGHAI

TODAY = dt.date(2026, 11, 18)  # the conftest's frozen Wednesday
Q4 = Quarter(2026, 4)


@pytest.fixture
def ws(tmp_path: Path, clock: FrozenClock) -> Workspace:
    return Workspace(tmp_path / "ws", clock)


# quarters -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    ["2026-Q4", "2026Q4", "2026 q4", "Q4", "q4 2026", "2026年Q4", "2026年第四季度",
     "第4季度", "this", "本季度", " current "],
)  # fmt: skip
def test_quarters_as_typed(text: str) -> None:
    assert parse_quarter(text, TODAY) == Q4


def test_relative_quarters_cross_the_year() -> None:
    assert parse_quarter("next", TODAY).key == "2027-Q1"
    assert parse_quarter("下季度", TODAY).key == "2027-Q1"
    assert parse_quarter("last", dt.date(2026, 2, 1)).key == "2025-Q4"


@pytest.mark.parametrize("text", ["Q5", "2026-Q0", "quarter", "", "2026"])
def test_not_a_quarter(text: str) -> None:
    with pytest.raises(InvalidError) as caught:
        parse_quarter(text, TODAY)
    assert caught.value.key == "err.goal.quarter"
    assert "2026-Q4" in caught.value.render("en") and "本季度" in caught.value.render("zh")


def test_quarter_days_and_months() -> None:
    assert (Q4.start, Q4.end, Q4.days) == (dt.date(2026, 10, 1), dt.date(2026, 12, 31), 92)
    assert Q4.months == ("2026-10", "2026-11", "2026-12")
    q1 = Quarter(2028, 1)  # a leap year's first quarter: 31 + 29 + 31
    assert (q1.end, q1.days) == (dt.date(2028, 3, 31), 91)
    assert Quarter(2027, 1).days == 90
    assert quarter_of(dt.date(2026, 12, 31)) == Q4 and quarter_of(dt.date(2027, 1, 1)).number == 1


def test_straight_line_at_the_boundaries() -> None:
    assert Q4.elapsed(dt.date(2026, 9, 30)) == 0.0
    assert Q4.elapsed(dt.date(2026, 10, 1)) == 0.0  # the first day is still under way
    assert Q4.elapsed(dt.date(2026, 10, 2)) == pytest.approx(1 / 92)
    assert Q4.elapsed(TODAY) == pytest.approx(48 / 92)
    assert Q4.elapsed(dt.date(2026, 12, 31)) == pytest.approx(91 / 92)
    assert Q4.elapsed(dt.date(2027, 1, 1)) == 1.0
    # Monthly numbers follow the line by the month: 1/3 once October is over.
    assert Q4.elapsed_months(dt.date(2026, 10, 31)) == 0.0
    assert Q4.elapsed_months(dt.date(2026, 11, 1)) == pytest.approx(1 / 3)
    assert Q4.elapsed_months(TODAY) == pytest.approx(1 / 3)
    assert Q4.elapsed_months(dt.date(2026, 12, 1)) == pytest.approx(2 / 3)
    assert Q4.elapsed_months(dt.date(2027, 1, 1)) == 1.0


# the rules ----------------------------------------------------------------------------
def test_metric_fraction_with_and_without_a_start() -> None:
    assert metric_fraction(None, 100) == 0.0
    assert metric_fraction(30_000_000, 60_000_000) == 0.5
    assert metric_fraction(70, 60) == pytest.approx(70 / 60)  # a metric may pass 100%
    assert metric_fraction(185, 200, 170) == pytest.approx(0.5)
    assert metric_fraction(160, 200, 170) == 0.0  # below the start is no progress
    assert metric_fraction(5, 5, 5) == 1.0


@pytest.mark.parametrize(
    ("fraction", "day", "status"),
    [
        (0.5, dt.date(2026, 11, 18), "at-risk"),  # 52% of the quarter gone
        (0.53, dt.date(2026, 11, 18), "on-track"),
        (1.0, dt.date(2026, 10, 5), "done"),
        (0.0, dt.date(2026, 9, 30), "upcoming"),
        (0.0, dt.date(2026, 10, 1), "on-track"),  # nothing expected on the first day
        (0.99, dt.date(2027, 1, 1), "missed"),
        (1.2, dt.date(2027, 1, 1), "done"),
    ],
)
def test_status_against_the_line(fraction: float, day: dt.date, status: str) -> None:
    assert status_of(fraction, Q4.elapsed(day), Q4, day) == status


# measured on a workspace --------------------------------------------------------------
def _revenue(ws: Workspace, **cash: int) -> None:
    metrics.put_rows(ws, "revenue", [{"month": m.replace("_", "-")[1:], "cash": v}
                                     for m, v in cash.items()])  # fmt: skip


def test_a_revenue_key_result_sums_the_quarters_months(ws: Workspace) -> None:
    _revenue(ws, m2026_09=9_000_000, m2026_10=21_000_000, m2026_11=19_000_000)
    obj = book.add(ws, "Grow the managed service")
    kr = book.make_kr(ws, "营收 ≥ 6000万", "metric", metric="营收", target="6000万")
    assert (kr.table, kr.column, kr.target, kr.agg) == ("revenue", "cash", 60_000_000, "sum")
    book.add_kr(ws, obj.id, kr)
    [state] = measure.assess(ws, book.all_objectives(ws))
    [k] = state.krs
    assert k.value == 40_000_000  # October and November; September is another quarter
    assert k.fraction == pytest.approx(2 / 3)
    assert k.expected == pytest.approx(1 / 3) and k.status == "on-track"
    assert words.kr_progress(k, "zh") == "4000万 / 6000万"
    assert words.kr_progress(k, "en") == "40M / 60M"
    # Three weeks into December with no December numbers booked: behind the line.
    [late] = measure.assess(ws, book.all_objectives(ws), dt.date(2027, 1, 1))
    assert (late.krs[0].status, late.status) == ("missed", "missed")


def test_a_last_month_key_result_with_a_start(ws: Workspace) -> None:
    metrics.put_rows(ws, "revenue", [{"month": "2026-10", "users": 176},
                                     {"month": "2026-11", "users": 181}])  # fmt: skip
    obj = book.add(ws, "Users")
    kr = book.make_kr(ws, "200 users", "metric", metric="revenue.users", target="200",
                      start="170", agg="最新")  # fmt: skip
    book.add_kr(ws, obj.id, kr)
    [state] = measure.assess(ws, [book.get(ws, obj.id)])
    assert state.krs[0].value == 181 and state.krs[0].fraction == pytest.approx(11 / 30)
    assert state.krs[0].status == "on-track"  # 37% against the month line's 33%
    assert words.kr_progress(state.krs[0], "en") == "181 / 200 (from 170)"


def test_a_metric_with_no_month_booked(ws: Workspace) -> None:
    obj = book.add(ws, "Tickets", quarter="next")
    book.add_kr(ws, obj.id, book.make_kr(ws, "t", "metric", metric="tickets", target="10"))
    [state] = measure.assess(ws, book.all_objectives(ws))
    assert state.krs[0].value is None and state.status == "upcoming"
    assert words.kr_progress(state.krs[0], "en") == "- / 10"


def test_linked_items_and_requirements(ws: Workspace) -> None:
    a, b, c = (ws.add(t) for t in ("HA whitepaper", "Failover demo", "Old idea"))
    ws.done(a.id)
    ws.drop(c.id)  # dropped work no longer counts
    r1 = requirements.add(ws, "Failover slots")
    r2 = requirements.add(ws, "Audit log export")
    for status in ("reviewed", "planned", "in-development", "released"):
        requirements.move(ws, r1.id, status, "x")
    requirements.move(ws, r2.id, "rejected", "x")
    obj = book.add(ws, "Make HA the reason to buy")
    book.add_kr(ws, obj.id, book.make_kr(ws, "HA story told", "items", links="1, 2、#3"))
    book.add_kr(ws, obj.id, book.make_kr(ws, "Slots shipped", "reqs", links=f"{r1.id} {r2.id}"))
    [state] = measure.assess(ws, book.all_objectives(ws))
    items_kr, reqs_kr = state.krs
    assert (items_kr.value, items_kr.total, items_kr.status) == (1, 2, "at-risk")  # 50% < 52%
    assert (reqs_kr.value, reqs_kr.total, reqs_kr.status) == (1, 1, "done")
    assert state.fraction == pytest.approx(0.75) and state.status == "at-risk"
    assert words.kr_progress(items_kr, "zh") == "完成 1/2"
    ws.done(b.id)
    [state] = measure.assess(ws, book.all_objectives(ws))
    assert state.status == "done" and state.fraction == 1.0


def test_objective_without_key_results_is_empty() -> None:
    obj = Objective(1, "x", "2026-Q4")
    assert objective_state(obj, Q4, [], TODAY).status == "empty"


def test_a_deleted_link_is_named(ws: Workspace) -> None:
    item = ws.add("Doomed")
    obj = book.add(ws, "o")
    book.add_kr(ws, obj.id, book.make_kr(ws, "k", "items", links=str(item.id)))
    ws.delete(item.id)
    [state] = measure.assess(ws, book.all_objectives(ws))
    assert state.krs[0].missing == (item.id,) and state.krs[0].status == "at-risk"


# refusals -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("measure_name", "fields", "key"),
    [
        ("metric", {"metric": "nope", "target": "1"}, "err.goal.metric"),
        ("metric", {"metric": "revenue.change_note", "target": "1"}, "err.goal.column"),
        ("metric", {"metric": "revenue", "target": ""}, "err.goal.target"),
        ("metric", {"metric": "revenue", "target": "1", "agg": "avg"}, "err.goal.agg"),
        ("metric", {"target": "1"}, "err.goal.no_metric"),
        ("items", {"links": "1 x"}, "err.goal.link"),
        ("items", {"links": ""}, "err.goal.no_links"),
        ("velocity", {}, "err.goal.measure"),
    ],
)
def test_bad_key_results(
    ws: Workspace, measure_name: str, fields: dict[str, str], key: str
) -> None:
    with pytest.raises(InvalidError) as caught:
        book.make_kr(ws, "k", measure_name, **fields)
    assert caught.value.key == key


def test_links_must_exist(ws: Workspace) -> None:
    with pytest.raises(NotFoundError):
        book.make_kr(ws, "k", "items", links="7")
    with pytest.raises(NotFoundError):
        book.make_kr(ws, "k", "reqs", links="7")


# the book -----------------------------------------------------------------------------
def test_stored_in_planning_json_and_undone_step_by_step(ws: Workspace) -> None:
    obj = book.add(ws, "  Grow   revenue ", quarter="2026年第四季度", owner="张伟")
    assert (obj.id, obj.title, obj.quarter, obj.owner) == (1, "Grow revenue", "2026-Q4", "张伟")
    book.add_kr(ws, obj.id, book.make_kr(ws, "营收", "metric", metric="营收", target="6000万"))
    book.edit_kr(ws, obj.id, 1, target="5000万")
    stored = json.loads((ws.root / "planning.json").read_bytes())["objectives"]["1"]
    assert stored["krs"] == [{"title": "营收", "measure": "metric", "table": "revenue",
                              "column": "cash", "target": 50_000_000, "agg": "sum"}]  # fmt: skip
    assert stored["seq"] == 2  # the add, then two changes counted on
    ws.undo()
    assert book.get(ws, 1).key_results[0].target == 60_000_000
    ws.undo()
    assert book.get(ws, 1).krs == []
    book.remove(ws, 1)
    with pytest.raises(NotFoundError):
        book.get(ws, 1)
    ws.undo()
    assert book.get(ws, 1).title == "Grow revenue"


def test_edit_and_remove_key_results(ws: Workspace) -> None:
    item = ws.add("x")
    obj = book.add(ws, "o")
    book.add_kr(ws, obj.id, book.make_kr(ws, "a", "items", links=str(item.id)))
    book.add_kr(ws, obj.id, book.make_kr(ws, "b", "metric", metric="tickets", target="100"))
    with pytest.raises(InvalidError) as caught:
        book.edit_kr(ws, obj.id, 1, target="5")  # linked work has no target
    assert caught.value.key == "err.goal.kr_field"
    with pytest.raises(NotFoundError) as missing:
        book.edit_kr(ws, obj.id, 3, title="c")
    assert missing.value.render("zh") == "目标 1 没有第 3 个关键结果（共 2 个）"
    after, gone = book.remove_kr(ws, obj.id, 1)
    assert gone.title == "a" and [k.title for k in after.key_results] == ["b"]
    assert book.edit(ws, obj.id, quarter="next").quarter == "2027-Q1"
    with pytest.raises(InvalidError):
        book.edit(ws, obj.id, title="  ")


def test_a_change_from_a_stale_view_keeps_the_newer_one(ws: Workspace) -> None:
    obj = book.add(ws, "o")
    seen = ws.files.view()  # what a screen showed
    book.edit(ws, obj.id, title="renamed elsewhere")  # another process, meanwhile
    with based_on(seen), pytest.raises(ConflictError):
        book.edit(ws, obj.id, title="renamed here")
    assert book.get(ws, obj.id).title == "renamed elsewhere"
    with based_on(seen):  # a different field merges
        book.edit(ws, obj.id, owner="王芳")
    assert (book.get(ws, obj.id).title, book.get(ws, obj.id).owner) == ("renamed elsewhere", "王芳")


def test_a_broken_objective_on_disk_is_refused(ws: Workspace, clock: FrozenClock) -> None:
    from cockpit.storage import CorruptFileError

    book.add(ws, "o")
    path = ws.root / "planning.json"
    data = json.loads(path.read_bytes())
    data["objectives"]["1"]["krs"] = [{"title": 5}]
    path.write_text(json.dumps(data))
    with pytest.raises(CorruptFileError) as caught:
        book.all_objectives(Workspace(ws.root, clock))
    assert "objective 1: key result 1: title is a number (5) where text belongs" in str(
        caught.value
    )


def test_key_result_round_trip() -> None:
    kr = KeyResult("k", "reqs", links=[3, 7])
    assert KeyResult.from_doc(kr.to_doc()) == kr
    assert SHANGHAI  # the zone the clock runs in


# the 周报 ------------------------------------------------------------------------------
def test_the_weekly_report_opens_with_the_quarters_goals(ws: Workspace) -> None:
    from cockpit.report.build import build_report

    _revenue(ws, m2026_10=21_000_000)
    item = ws.add("HA whitepaper")
    obj = book.add(ws, "Grow the managed service")
    book.add_kr(ws, obj.id, book.make_kr(ws, "营收 ≥ 6000万", "metric", metric="营收",
                                          target="6000万"))  # fmt: skip
    book.add_kr(ws, obj.id, book.make_kr(ws, "HA story", "items", links=str(item.id)))
    zh = build_report(ws, "2026-W47", "zh").splitlines()
    start = zh.index("**2026-Q4 目标**")
    assert zh[start - 2 : start] == ["## 1. 重点&思考", ""]
    assert zh[start + 1 : start + 5] == [
        "",
        "- Grow the managed service——17%（有风险）",
        "  - 营收 ≥ 6000万：2100万 / 6000万，35%（正常）",
        "  - HA story：完成 0/1，0%（有风险）",
    ]
    en = build_report(ws, "2026-W47", "en", "text").splitlines()
    start = en.index("Objectives 2026-Q4:")
    assert en[start + 1 : start + 4] == [
        "1. Grow the managed service — 17% (at risk)",
        "   · 营收 ≥ 6000万: 21M / 60M, 35% (on track)",
        "   · HA story: 0/1 done, 0% (at risk)",
    ]
    # A week of the last quarter: its own quarter, where nothing was set.
    assert "Objectives" not in build_report(ws, "2026-W39", "en")


def test_no_goals_no_block(ws: Workspace) -> None:
    from cockpit.report.build import build_report

    ws.add("x", list_name="key")
    assert "Objectives" not in build_report(ws, "2026-W47", "en")


def test_the_daily_summary_words() -> None:
    obj = Objective(1, "o", "2026-Q4")
    kr = KeyResult("k", "items", links=[1])
    from cockpit.goals.progress import KrState

    behind = KrState(1, kr, 0, 1, 0.0, 0.5, "at-risk")
    fine = KrState(2, kr, 1, 1, 1.0, 0.5, "done")
    state = objective_state(obj, Q4, [behind, fine], TODAY)
    assert words.daily_summary([state], Q4, "en") == "OKR 2026-Q4 50% · 1 KR at risk"
    assert words.daily_summary([state], Q4, "zh") == "目标 2026-Q4 50% · 1 个关键结果有风险"
    done = objective_state(obj, Q4, [fine], TODAY)
    assert words.daily_summary([done], Q4, "en") == "OKR 2026-Q4 100% · on track"
    assert words.daily_summary([done], Q4.shift(1), "en") == ""
    assert SHANGHAI is not None and dt.date(2026, 11, 18) == TODAY
