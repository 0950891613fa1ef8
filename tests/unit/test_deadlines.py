"""A deadline never hides: work due this week (or overdue) shows this week whatever week
it is planned for, deferring says what happens to the due date, past weeks are refused.
The command-line contract runs as a real `cockpit` process."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from cockpit.core.errors import InvalidError
from cockpit.core.model import Item
from cockpit.items.rules import defer_target, is_due_by, panels, this_week
from cockpit.report.build import build_report
from tests.unit.report_helpers import parts
from tests.unit.storage_helpers import cli_env, open_ws, run_cockpit

WEEK = "2026-W47"  # Wednesday 2026-11-18


def item(n: int, week: str, **kw: object) -> Item:
    return Item(id=n, title=f"item {n}", week=week, **kw)  # type: ignore[arg-type]


def test_work_due_this_week_shows_whatever_week_it_is_planned_for() -> None:
    items = [
        item(1, "2026-W48", due="2026-11-19"),  # deferred, due Thursday
        item(2, "2026-W50", due="2026-11-10", list="ops"),  # overdue, planned later
        item(3, "2026-W48", due="2026-11-23"),  # due next Monday: not yet
        item(4, "2026-W48", due="2026-11-22", key=True),  # due Sunday: this week
        item(5, "2026-W48", due="2026-11-19", status="done"),  # finished: gone
        item(6, "2026-W48"),  # no deadline: next week only
    ]
    split = panels(items, WEEK)
    assert [i.id for i in split["plan"]] == [1]
    assert [i.id for i in split["ops"]] == [2]
    assert [i.id for i in split["key"]] == [4]
    assert split["carry"] == []
    assert [i.id for i in this_week(items, WEEK)] == [2, 1, 4]
    assert is_due_by(items[3], WEEK) and not is_due_by(items[2], WEEK)


def test_defer_target_always_moves_later() -> None:
    assert defer_target(item(1, WEEK), WEEK) == "2026-W48"
    assert defer_target(item(2, "2026-W44"), WEEK) == "2026-W48"  # carry-over: next week
    assert defer_target(item(3, "2026-W49"), WEEK) == "2026-W50"  # never back to W48


def test_defer_moves_the_due_date_only_when_asked(tmp_path: Path) -> None:
    ws = open_ws(tmp_path / "ws")
    kept = ws.add("kept date", due=dt.date(2026, 11, 19))
    moved = ws.add("moved date", due=dt.date(2026, 11, 19))
    carried = ws.add("carried", week="2026-W45", due=dt.date(2026, 11, 6))
    assert ws.defer(kept.id).due == "2026-11-19"
    after = ws.defer(moved.id, shift_due=True)
    assert (after.week, after.due) == ("2026-W48", "2026-11-26")
    # By as many weeks as the item moves: W45 -> W48 is three.
    assert ws.defer(carried.id, shift_due=True).due == "2026-11-27"
    with pytest.raises(InvalidError, match="in the past"):
        ws.defer(kept.id, "2026-W46")
    with pytest.raises(InvalidError, match="already planned for 2026-W48"):
        ws.defer(kept.id, "2026-W48")
    # The item deferred with its due date kept still shows this week.
    assert kept.id in [i.id for i in panels(ws.items(), ws.week)["plan"]]


def test_report_lists_work_due_this_week_as_this_weeks(tmp_path: Path) -> None:
    ws = open_ws(tmp_path / "ws")
    ws.defer(ws.add("PRD due Thursday", due=dt.date(2026, 11, 19)).id)
    ws.add("Next week's own work", week="2026-W48")
    got = parts(build_report(ws, WEEK, "en"))
    # Due this week: this week's open work, rolling over (not next week's plan), once.
    assert got[5] == [
        "**Planned for 2026-W48**",
        "- Next week's own work",
        "**Carried over from this week**",
        "- PRD due Thursday (due Nov 19)",
    ]


# the command line, as a real process ---------------------------------------------------
def run(root: Path, tmp_path: Path, *args: str) -> tuple[int, str, str]:
    proc = run_cockpit(root, *args, env=cli_env(tmp_path))
    return proc.returncode, proc.stdout, proc.stderr


def test_cli_defer_says_what_happens_to_the_due_date(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    assert run(root, tmp_path, "add", "PRD review", "--due", "2026-11-19")[0] == 0
    assert run(root, tmp_path, "add", "no date")[0] == 0
    code, out, err = run(root, tmp_path, "defer", "1")
    assert (code, err) == (0, "")
    assert out == (
        "Deferred #1 to 2026-W48: PRD review "
        "(the due date stays 2026-11-19; --shift-due moves it too)\n"
    )
    # Still listed this week: it is due on Thursday.
    code, out, _ = run(root, tmp_path, "ls", "--json")
    assert [(i["id"], i["week"], i["due"]) for i in json.loads(out)] == [
        (1, "2026-W48", "2026-11-19"),
        (2, WEEK, None),
    ]
    assert "PRD review" in run(root, tmp_path, "ls")[1]

    code, out, err = run(root, tmp_path, "defer", "1", "--to", "+2", "--shift-due")
    assert (code, err) == (0, "")
    assert out == "Deferred #1 to 2026-W49: PRD review (due date moved to 2026-11-26)\n"
    assert run(root, tmp_path, "defer", "2")[1] == "Deferred #2 to 2026-W48: no date\n"


@pytest.mark.parametrize("week", ["last", "2026-W46", "2025-12-01", "-2"])
def test_cli_refuses_a_past_week(tmp_path: Path, week: str) -> None:
    root = tmp_path / "ws"
    run(root, tmp_path, "add", "x")
    before = (root / "items.json").read_bytes()
    code, out, err = run(root, tmp_path, "defer", "1", "--to", week)
    assert (code, out) == (1, "")
    assert len(err.strip().splitlines()) == 1
    assert "is in the past: defer to 2026-W47 or a later week" in err
    assert "Traceback" not in err
    assert (root / "items.json").read_bytes() == before
    help_text = run(root, tmp_path, "defer", "--help")[1]
    assert "--shift-due" in help_text and "past weeks refused" in help_text
