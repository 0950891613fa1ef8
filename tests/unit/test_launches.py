"""Launch checklists: template instantiation, deadlines, ticking, overdue with a frozen clock."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cockpit.core.clock import FrozenClock
from cockpit.core.config import Config
from cockpit.core.errors import InvalidError, NotFoundError
from cockpit.items.workspace import Workspace
from cockpit.planning import launches

GOLIVE = dt.date(2026, 11, 25)  # a week after the frozen "today", 2026-11-18


@pytest.fixture
def ws(tmp_path: Path, clock: FrozenClock) -> Workspace:
    return Workspace(tmp_path / "ws", clock)


def test_default_template_follows_seed_003(ws: Workspace) -> None:
    launch = launches.new(ws, "  省政务平台   V1.0 ", GOLIVE)
    assert (launch.id, launch.name, launch.golive) == (1, "省政务平台 V1.0", "2026-11-25")
    got = [(it.no, it.deadline(GOLIVE).isoformat(), it.phase, it.state) for it in launch.items]
    assert got == [
        (1, "2026-11-11", "before", "open"),  # two environments
        (2, "2026-11-13", "before", "open"),  # databases
        (3, "2026-11-15", "before", "open"),  # user data
        (4, "2026-11-18", "before", "open"),  # roles, permissions, dictionaries
        (5, "2026-11-22", "before", "open"),  # on-site check after testing
        (6, "2026-11-24", "before", "open"),  # contact on the login page
        (7, "2026-11-24", "before", "open"),  # feedback group
        (8, "2026-11-26", "after", "open"),  # regular backups
        (9, "2026-11-26", "after", "open"),  # daily/weekly reports
        (10, "2026-12-02", "after", "open"),  # releases after hours
    ]
    assert launch.items[0].title == "Two environments ready (production and test, same data)"
    assert launches.all_launches(ws) == [launch]


def test_item_titles_follow_the_language(tmp_path: Path, clock: FrozenClock) -> None:
    zh = Workspace(tmp_path / "zh", clock, Config(language="zh"))
    launch = launches.new(zh, "上线", GOLIVE)
    assert launch.items[0].title == "两套环境就绪（正式与测试，数据一致）"
    assert launches.new(zh, "英文", GOLIVE, lang="en").items[0].title.startswith("Two environ")


def test_names_are_unique_and_templates_known(ws: Workspace) -> None:
    launches.new(ws, "Acme", GOLIVE)
    with pytest.raises(InvalidError, match="a launch named 'ACME' already exists"):
        launches.new(ws, "ACME", GOLIVE)
    with pytest.raises(InvalidError, match="no launch template 'gov'; use default"):
        launches.new(ws, "B", GOLIVE, template="gov")
    with pytest.raises(InvalidError, match="a launch needs a name"):
        launches.new(ws, " ", GOLIVE)
    assert len(launches.all_launches(ws)) == 1


def test_find_by_name_prefix_or_id(ws: Workspace) -> None:
    launches.new(ws, "Acme bank", GOLIVE)
    launches.new(ws, "Acme insurance", GOLIVE)
    launches.new(ws, "2027", GOLIVE)
    assert launches.find(ws, "acme BANK").id == 1
    assert launches.find(ws, "acme i").id == 2
    assert launches.find(ws, "#1").name == "Acme bank"
    assert launches.find(ws, "2027").id == 3  # a name that looks like an id wins
    with pytest.raises(NotFoundError, match="'acme' matches several launches: Acme bank, Acme"):
        launches.find(ws, "acme")
    with pytest.raises(NotFoundError, match="no launch named 'zeta'"):
        launches.find(ws, "zeta")


def test_overdue_with_the_frozen_clock(ws: Workspace, clock: FrozenClock) -> None:
    today = clock.today()
    launches.new(ws, "Acme", GOLIVE)
    launches.new(ws, "Later", dt.date(2027, 3, 1))
    late = launches.overdue(ws, today)
    assert [(t.launch, t.no, t.due.isoformat(), t.days_late) for t in late] == [
        ("Acme", 1, "2026-11-11", 7),
        ("Acme", 2, "2026-11-13", 5),
        ("Acme", 3, "2026-11-15", 3),
    ]  # item 4 is due today: not overdue yet
    launches.check(ws, "Acme", 2)
    launches.update_item(ws, "Acme", 3, state="skipped")
    assert [t.no for t in launches.overdue(ws, today)] == [1]
    clock.advance(days=1)
    assert [t.no for t in launches.overdue(ws, clock.today())] == [1, 4]
    soon = launches.upcoming(ws, today, days=4)
    assert [(t.no, t.days_late) for t in soon] == [(4, 0), (5, -4)]


def test_check_and_uncheck(ws: Workspace, clock: FrozenClock) -> None:
    launches.new(ws, "Acme", GOLIVE)
    item = launches.check(ws, "acme", 1)
    assert (item.state, item.done_at) == ("done", "2026-11-18T10:00:00+08:00")
    item = launches.check(ws, "acme", 1, done=False)
    assert (item.state, item.done_at) == ("open", None)
    with pytest.raises(NotFoundError, match="launch 'Acme' has no item 11 \\(items 1-10\\)"):
        launches.check(ws, "acme", 11)
    ws.undo()
    assert launches.find(ws, "acme").item(1).state == "done"


def test_update_item_and_reschedule(ws: Workspace) -> None:
    launches.new(ws, "Acme", GOLIVE)
    item = launches.update_item(
        ws, "Acme", 5, owner=" 王工 ", note="带上测试报告", due=dt.date(2026, 11, 20)
    )
    assert (item.owner, item.note, item.due) == ("王工", "带上测试报告", "2026-11-20")
    launch = launches.reschedule(ws, "Acme", dt.date(2026, 12, 5))
    assert launch.item(5).deadline(launch.golive_date) == dt.date(2026, 11, 20)  # set by hand
    assert launch.item(1).deadline(launch.golive_date) == dt.date(2026, 11, 21)  # follows
    launch = launches.find(ws, "Acme")
    assert launch.public(dt.date(2026, 11, 18))["items"][4]["due_fixed"] is True
    item = launches.update_item(ws, "Acme", 5, due=None, state="done")
    assert item.due is None and item.done_at
    with pytest.raises(InvalidError, match="state must be one of open, done, skipped"):
        launches.update_item(ws, "Acme", 5, state="later")
    with pytest.raises(InvalidError, match="a launch item has no colour"):
        launches.update_item(ws, "Acme", 5, colour="red")
    with pytest.raises(InvalidError, match="a launch item needs a title"):
        launches.update_item(ws, "Acme", 5, title="  ")


def test_public_json(ws: Workspace) -> None:
    launches.new(ws, "Acme", GOLIVE)
    launches.check(ws, "Acme", 1)
    info = launches.find(ws, "Acme").public(dt.date(2026, 11, 18))
    assert {k: info[k] for k in ("id", "name", "golive", "done", "total", "overdue")} == {
        "id": 1, "name": "Acme", "golive": "2026-11-25", "done": 1, "total": 10, "overdue": 2,
    }  # fmt: skip
    assert info["items"][1] == {
        "no": 2, "title": "Databases created (scripts run by ops or test)", "offset": -12,
        "owner": "", "note": "", "state": "open", "due": "2026-11-13", "done_at": None,
        "due_fixed": False, "phase": "before", "overdue": True,
    }  # fmt: skip


def test_delete_and_undo(ws: Workspace) -> None:
    launches.new(ws, "Acme", GOLIVE)
    launches.check(ws, "Acme", 1)
    launches.delete(ws, "Acme")
    assert launches.all_launches(ws) == []
    ws.undo()
    assert launches.find(ws, "Acme").item(1).state == "done"
    ws.undo()
    ws.undo()
    assert launches.all_launches(ws) == []
