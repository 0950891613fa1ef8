"""Routines: seed 000's defaults, editing, skipping and per-day checklists (real files)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cockpit.calendar.routines import DEFAULTS, RoutineBook
from cockpit.core.clock import FrozenClock
from cockpit.core.config import Config
from cockpit.core.errors import InvalidError, NotFoundError
from cockpit.core.labels import CATALOG
from cockpit.items.workspace import Workspace

SHANGHAI = ZoneInfo("Asia/Shanghai")
WEDNESDAY = dt.datetime(2026, 11, 18, 10, 0, tzinfo=SHANGHAI)
TODAY = WEDNESDAY.date()


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return Workspace(tmp_path / "ws", FrozenClock(WEDNESDAY, SHANGHAI), Config())


@pytest.fixture
def book(ws: Workspace) -> RoutineBook:
    return RoutineBook(ws)


def test_defaults_follow_seed_000s_week(book: RoutineBook) -> None:
    routines = book.all()
    by_key = {r.key: r for r in routines}
    assert [r.key for r in routines] == [key for key, *_ in DEFAULTS]
    assert by_key["mon_review"].weekdays == [0]
    assert by_key["mon_meeting"].title_zh == "产品项目周会"
    assert len(by_key["mon_meeting"].checklist) == 9  # features … partners
    assert by_key["planning"].weekdays == [1, 2]
    assert {r.key for r in routines if r.weekdays == [3]} == {
        "thu_numbers",
        "thu_meeting",
        "thu_report",
    }
    assert [zh for _, zh in by_key["thu_report"].checklist] == [
        "重点&思考",
        "产品管理",
        "客户&业务",
        "业界竞品",
        "下周工作计划",
    ]
    assert {r.key for r in routines if r.weekdays == [4]} == {"fri_align", "fri_reading"}
    for routine in routines:
        assert routine.title_en and routine.title_zh
        assert all(en and zh for en, zh in routine.checklist)
        assert routine.since == TODAY.isoformat()
        assert routine.seq == 0


def test_every_default_label_is_in_the_catalog() -> None:
    for key, *_ in DEFAULTS:
        assert f"routine.{key}" in CATALOG
        assert f"routine.{key}.1" in CATALOG


def test_defaults_are_installed_once(ws: Workspace, book: RoutineBook) -> None:
    for routine in book.all():
        book.remove(routine.id)
    assert book.all() == []  # deleting every routine is respected on the next start
    reopened = Workspace(ws.root, ws.clock, ws.config)
    assert RoutineBook(reopened).all() == []
    added = RoutineBook(reopened).install_defaults()
    assert len(added) == len(DEFAULTS)
    assert RoutineBook(reopened).install_defaults() == []  # only the missing ones


def test_for_day_and_first_occurrence(book: RoutineBook) -> None:
    assert [r.key for r in book.for_day(TODAY)] == ["planning"]  # a Wednesday
    monday_before = TODAY - dt.timedelta(days=2)
    assert book.for_day(monday_before) == []  # before the routines began
    next_monday = TODAY + dt.timedelta(days=5)
    assert [r.key for r in book.for_day(next_monday)] == ["mon_review", "mon_meeting"]
    review = book.for_day(next_monday)[0]
    assert review.first_day() == next_monday


def test_add_edit_bumps_seq_and_updated(ws: Workspace, book: RoutineBook) -> None:
    routine = book.add(
        "Launch check",
        "上线检查",
        weekdays=[2, 0],
        start="8:05",
        minutes=30,
        checklist=[("Backups", "数据库备份"), "Roles"],
    )
    assert routine.weekdays == [0, 2]
    assert routine.start == "08:05"
    assert routine.checklist == [("Backups", "数据库备份"), ("Roles", "Roles")]
    assert routine.seq == 0
    ws.clock.advance(hours=1)  # type: ignore[attr-defined]
    edited = book.edit(routine.id, start="09:00", minutes=45)
    assert (edited.seq, edited.start, edited.minutes) == (1, "09:00", 45)
    assert edited.updated > routine.updated
    assert book.get(routine.id) == edited


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"weekdays": []}, "weekdays"),
        ({"weekdays": [7]}, "weekdays"),
        ({"start": "25:00"}, "start"),
        ({"minutes": 0}, "minutes"),
        ({"title_en": "", "title_zh": ""}, "title"),
        ({"colour": "red"}, "cannot edit"),
    ],
)
def test_edit_refuses_bad_values(
    book: RoutineBook, fields: dict[str, object], message: str
) -> None:
    routine = book.all()[0]
    with pytest.raises(InvalidError, match=message):
        book.edit(routine.id, **fields)
    assert book.get(routine.id) == routine  # nothing half-written


def test_skip_and_unskip(book: RoutineBook) -> None:
    planning = next(r for r in book.all() if r.key == "planning")
    skipped = book.skip(planning.id, TODAY)
    assert skipped.skipped == [TODAY.isoformat()]
    assert skipped.seq == planning.seq + 1
    assert book.for_day(TODAY) == []
    with pytest.raises(InvalidError, match="already skipped"):
        book.skip(planning.id, TODAY)
    with pytest.raises(InvalidError, match="does not happen"):
        book.skip(planning.id, TODAY + dt.timedelta(days=1))  # a Thursday
    restored = book.unskip(planning.id, TODAY)
    assert restored.skipped == []
    assert [r.key for r in book.for_day(TODAY)] == ["planning"]


def test_checks_are_stored_per_date_and_undo(ws: Workspace, book: RoutineBook) -> None:
    planning = book.for_day(TODAY)[0]
    assert book.checks(TODAY) == {planning.id: [False] * len(planning.checklist)}
    book.check(planning.id, TODAY, 1, True)
    book.check(planning.id, TODAY, 3, True)
    assert book.checks(TODAY)[planning.id] == [False, True, False, True, False]
    next_week = TODAY + dt.timedelta(days=7)
    assert book.checks(next_week)[planning.id] == [False] * 5  # a new day starts clean
    reopened = RoutineBook(Workspace(ws.root, ws.clock, ws.config))
    assert reopened.checks(TODAY)[planning.id] == [False, True, False, True, False]
    ws.undo()
    assert book.checks(TODAY)[planning.id] == [False, True, False, False, False]
    with pytest.raises(InvalidError, match="no checklist line"):
        book.check(planning.id, TODAY, 9, True)
    assert book.get(planning.id).seq == 0  # ticking boxes is not an edit of the routine


def test_remove_and_undo(ws: Workspace, book: RoutineBook) -> None:
    first = book.all()[0]
    book.remove(first.id)
    with pytest.raises(NotFoundError):
        book.get(first.id)
    ws.undo()
    back = book.get(first.id)
    # Back as it was, with a higher edit counter: a calendar sees a newer SEQUENCE.
    assert back == dataclasses.replace(first, seq=back.seq) and back.seq > first.seq


def test_title_falls_back_to_the_other_language(book: RoutineBook) -> None:
    routine = book.add("", "只有中文", weekdays=[4], start="17:00")
    assert routine.title("en") == "只有中文"
    assert routine.title("zh") == "只有中文"
    assert routine.checklist_in("en") == []
