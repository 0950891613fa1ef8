"""Recurring items end to end: finishing one makes the next (one undo step), the CLI's
`add --recur` and `done`, the iCal export's RRULE, taskwarrior's recur/until import."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events

from cockpit.calendar.ical_export import export_calendar
from cockpit.cli.main import main
from cockpit.core.clock import FrozenClock
from cockpit.core.errors import ImportFileError
from cockpit.importers.taskwarrior import import_taskwarrior
from cockpit.items.recurrence.parse import parse_rule
from cockpit.items.workspace import Workspace
from tests.unit.storage_helpers import one_line, snapshot, use_cli_env

SHANGHAI = ZoneInfo("Asia/Shanghai")
BERLIN = ZoneInfo("Europe/Berlin")
NOW = dt.datetime(2026, 11, 18, 10, 0, tzinfo=SHANGHAI)  # Wednesday of 2026-W47


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(NOW, SHANGHAI)


@pytest.fixture
def ws(tmp_path: Path, clock: FrozenClock) -> Workspace:
    return Workspace(tmp_path / "ws", clock)


def rule(text: str) -> object:
    return parse_rule(text, NOW.date())


def test_finishing_a_recurring_item_makes_the_next_and_one_undo_takes_both_back(
    ws: Workspace,
) -> None:
    item = ws.add("revenue review", due=dt.date(2026, 11, 30), customer="", recur=rule("monthly"))
    done, following = ws.finish(item.id, "done")

    assert done.status == "done"
    assert following is not None
    assert (following.title, following.due, following.week) == (
        "revenue review",
        "2026-12-30",
        "2026-W53",
    )
    # Pinned to the 30th, or the last day of a shorter month.
    assert following.recur == "FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1"
    assert following.status == "open"
    assert following.history[-1][1] == "repeats #1"
    assert [i.id for i in ws.items() if i.is_open] == [following.id]

    ws.undo()
    assert [(i.id, i.status) for i in ws.items()] == [(item.id, "open")]


def test_dropping_one_occurrence_skips_it_and_the_series_goes_on(ws: Workspace) -> None:
    item = ws.add("partner sync", due=dt.date(2026, 11, 19), recur=rule("every 2 weeks on thu"))
    _, following = ws.finish(item.id, "dropped")
    assert following is not None and following.due == "2026-12-03"


def test_a_series_that_ended_makes_no_next(ws: Workspace) -> None:
    item = ws.add("pilot check-in", due=dt.date(2026, 11, 23), recur=rule("weekly until 11/25"))
    _, following = ws.finish(item.id, "done")
    assert following is None


def test_a_repeat_after_done_counts_from_the_local_day_across_the_dst_change(
    tmp_path: Path,
) -> None:
    # 00:30 on the night Berlin leaves summer time is still 22:30 UTC the day before.
    clock = FrozenClock(dt.datetime(2026, 10, 25, 0, 30, tzinfo=BERLIN), BERLIN)
    ws = Workspace(tmp_path / "ws", clock)
    item = ws.add("follow up again", recur=rule("3 days after done"))
    assert item.due is None  # counted from the day it is done: no date before
    _, following = ws.finish(item.id, "done")
    assert following is not None and following.due == "2026-10-28"
    # Late that evening, after the clocks went back, it is still the 25th.
    clock.set(dt.datetime(2026, 10, 25, 23, 30))
    _, again = ws.finish(following.id, "done")
    assert again is not None and again.due == "2026-10-28"


def test_weekly_on_monday_stays_on_monday_over_the_dst_change(tmp_path: Path) -> None:
    clock = FrozenClock(dt.datetime(2026, 10, 19, 9, 0, tzinfo=BERLIN), BERLIN)
    ws = Workspace(tmp_path / "ws", clock)
    item = ws.add("weekly numbers", due=dt.date(2026, 10, 19), recur=rule("weekly"))
    clock.set(dt.datetime(2026, 10, 26, 8, 0))  # the Monday after the change
    _, following = ws.finish(item.id, "done")
    assert following is not None and following.due == "2026-11-02"


def test_an_item_given_a_calendar_rule_without_a_due_date_is_due_on_its_first_date(
    ws: Workspace,
) -> None:
    item = ws.add("QBR deck", recur=rule("the last friday of the quarter"))
    assert (item.due, item.week) == ("2026-12-25", "2026-W52")


def test_edit_sets_and_clears_a_rule(ws: Workspace) -> None:
    item = ws.add("monthly close", due=dt.date(2027, 1, 31))
    edited = ws.edit(item.id, recur=rule("monthly"))
    assert edited.recur == "FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1"
    assert ws.edit(item.id, recur=None).recur == ""


def test_ical_export_carries_the_rule_and_expands_to_the_same_dates(ws: Workspace) -> None:
    ws.add("QBR deck", recur=rule("the last friday of the quarter"))
    ws.add("follow up", due=dt.date(2026, 11, 20), recur=rule(".+3d"))
    cal = icalendar.Calendar.from_ical(export_calendar(ws))
    events = {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}
    assert events["QBR deck"]["RRULE"].to_ical() == b"FREQ=MONTHLY;BYDAY=-1FR;BYMONTH=3,6,9,12"
    assert "RRULE" not in events["follow up"]  # the next date depends on the finishing day
    days = [
        e.decoded("DTSTART")
        for e in recurring_ical_events.of(cal).between(dt.date(2026, 12, 1), dt.date(2028, 1, 1))
        if str(e["SUMMARY"]) == "QBR deck"
    ]
    assert days == [
        dt.date(2026, 12, 25),
        dt.date(2027, 3, 26),
        dt.date(2027, 6, 25),
        dt.date(2027, 9, 24),
        dt.date(2027, 12, 31),
    ]


# taskwarrior ---------------------------------------------------------------------------
FIXTURE = Path(__file__).parent.parent / "fixtures" / "taskwarrior-export.json"


def test_taskwarrior_recurring_task_becomes_one_recurring_item(ws: Workspace) -> None:
    report = import_taskwarrior(ws, FIXTURE)
    assert "1 later occurrence of a recurring task" in report
    series = [i for i in ws.items() if i.title == "Weekly metrics review"]
    assert len(series) == 1
    assert (series[0].due, series[0].recur) == (
        "2026-11-16",
        "FREQ=WEEKLY;UNTIL=20261231",
    )  # in Shanghai
    assert series[0].source == "tw:1051b541-a930-4929-a001-2ba7d7d7a7f4"  # the template's
    # A newer export (the next instance made) adds nothing twice.
    assert import_taskwarrior(ws, FIXTURE).startswith("Imported 0 items")
    _, following = ws.finish(series[0].id, "done")
    assert following is not None and following.due == "2026-11-23"


def test_a_template_without_an_instance_is_imported_due_on_its_next_date(
    ws: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "tw.json"
    template = {
        "uuid": "aaaaaaaa-0000-0000-0000-000000000001",
        "description": "Monthly revenue review",
        "status": "recurring",
        "recur": "monthly",
        "due": "20260831T160000Z",  # Sep 1 in Shanghai
        "until": "20270331T160000Z",
        "entry": "20260801T000000Z",
    }
    path.write_text(json.dumps([template]), encoding="utf-8")
    import_taskwarrior(ws, path)
    (item,) = ws.items()
    assert (item.due, item.recur) == ("2026-12-01", "FREQ=MONTHLY;UNTIL=20270401")


def test_a_taskwarrior_rule_cockpit_cannot_follow_refuses_the_whole_file(
    ws: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "tw.json"
    tasks = [
        {
            "uuid": "aaaaaaaa-0000-0000-0000-000000000002",
            "description": "fine",
            "status": "pending",
        },
        {
            "uuid": "aaaaaaaa-0000-0000-0000-000000000003",
            "description": "odd",
            "status": "recurring",
            "recur": "every blue moon",
            "due": "20261201T000000Z",
        },
    ]
    path.write_text(json.dumps(tasks), encoding="utf-8")
    with pytest.raises(ImportFileError, match=r"task 2 in .*cannot read the recurrence"):
        import_taskwarrior(ws, path)
    assert ws.items() == []


# the command line ----------------------------------------------------------------------
def test_cli_add_recur_and_done_print_the_rule_and_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    use_cli_env(monkeypatch, tmp_path)
    root = str(tmp_path / "ws")
    assert main(["--data-dir", root, "add", "QBR", "deck", "--recur", "每季度最后一个周五"]) == 0
    out = capsys.readouterr().out
    assert "repeats the last Fri of each quarter; due 2026-12-25" in out
    assert main(["--data-dir", root, "done", "1"]) == 0
    assert "next: #2 due 2027-03-26 (2027-W12)" in capsys.readouterr().out
    assert main(["--data-dir", root, "ls", "--all", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(i["id"], i["recur"]) for i in listed][-1] == (
        2,
        "FREQ=MONTHLY;BYMONTH=3,6,9,12;BYDAY=-1FR",
    )


def test_cli_add_with_a_bad_rule_is_one_sentence_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    use_cli_env(monkeypatch, tmp_path)
    root = tmp_path / "ws"
    assert main(["--data-dir", str(root), "add", "first"]) == 0
    before = snapshot(root)
    capsys.readouterr()
    code = main(
        ["--data-dir", str(root), "add", "x", "--recur", "FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=31"]
    )
    assert code == 1
    assert "never falls on a date" in one_line(capsys.readouterr().err)
    assert snapshot(root) == before
