"""The agenda: routines, dated items, follow-ups and subscribed calendars merged by day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cockpit.calendar.agenda import AgendaEntry, agenda
from cockpit.calendar.ical_export import export_calendar
from cockpit.calendar.ical_import import import_calendar
from cockpit.calendar.routines import RoutineBook
from cockpit.core import i18n
from cockpit.items.workspace import Workspace
from tests.unit.ical_helpers import SHANGHAI, make_ws

WEDNESDAY = dt.datetime(2026, 11, 18, 10, 0, tzinfo=SHANGHAI)
TODAY = WEDNESDAY.date()

TEAM = """BEGIN:VCALENDAR\r
VERSION:2.0\r
X-WR-CALNAME:Team\r
BEGIN:VEVENT\r
UID:standup@team\r
DTSTART;TZID=Europe/Berlin:20261102T093000\r
DTEND;TZID=Europe/Berlin:20261102T094500\r
RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR\r
EXDATE;TZID=Europe/Berlin:20261119T093000\r
SUMMARY:Standup\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:standup@team\r
RECURRENCE-ID;TZID=Europe/Berlin:20261120T093000\r
DTSTART;TZID=Europe/Berlin:20261120T110000\r
DTEND;TZID=Europe/Berlin:20261120T111500\r
SUMMARY:Standup (moved)\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:pgconf@team\r
DTSTART;VALUE=DATE:20261117\r
DTEND;VALUE=DATE:20261120\r
SUMMARY:PGConf \x1b[5mAsia\r
LOCATION:Shanghai\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:cancelled@team\r
DTSTART:20261118T080000Z\r
DTEND:20261118T090000Z\r
STATUS:CANCELLED\r
SUMMARY:Cancelled sync\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:late@team\r
DTSTART:20261118T150000Z\r
DTEND:20261118T170000Z\r
SUMMARY:Call with Berlin\r
END:VEVENT\r
END:VCALENDAR\r
"""


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    ws = make_ws(tmp_path / "ws", WEDNESDAY, SHANGHAI)
    ws.add("Send the PRD", due=TODAY)
    ws.add("Finished", due=TODAY)
    ws.done(2)
    ws.add("Next week", due=TODAY + dt.timedelta(days=7))
    ws.customers.add("China Mobile", tier="top", next_followup=TODAY + dt.timedelta(days=1))
    team = tmp_path / "team.ics"
    team.write_text(TEAM, encoding="utf-8")
    import_calendar(ws, str(team))
    return ws


def rows(entries: list[AgendaEntry]) -> list[tuple[str, str, str, str]]:
    return [
        (
            e.day.isoformat(),
            e.start.strftime("%H:%M") if e.start else "all day",
            e.title,
            e.source,
        )
        for e in entries
    ]


def test_agenda_merges_everything_by_day(ws: Workspace) -> None:
    assert rows(agenda(ws, TODAY, 3)) == [
        ("2026-11-18", "all day", "Send the PRD", "item"),
        ("2026-11-18", "all day", "PGConf Asia", "Team"),
        ("2026-11-18", "10:00", "Product and ops planning", "routine"),
        ("2026-11-18", "16:30", "Standup", "Team"),  # 09:30 Berlin
        ("2026-11-18", "23:00", "Call with Berlin", "Team"),  # runs past midnight
        ("2026-11-19", "all day", "Follow up: China Mobile", "followup"),
        ("2026-11-19", "all day", "PGConf Asia", "Team"),
        ("2026-11-19", "23:00", "Call with Berlin", "Team"),  # ... and shows on both days
        ("2026-11-19", "09:30", "Tickets and revenue", "routine"),
        ("2026-11-19", "14:00", "Product meeting", "routine"),
        ("2026-11-19", "16:30", "Weekly report and next week's plan", "routine"),
        ("2026-11-20", "10:00", "Cross-team alignment", "routine"),
        ("2026-11-20", "15:00", "Tech reading", "routine"),
        ("2026-11-20", "18:00", "Standup (moved)", "Team"),
    ]


def test_entries_carry_refs_and_times(ws: Workspace) -> None:
    entries = agenda(ws, TODAY, 1)
    item = next(e for e in entries if e.source == "item")
    assert (item.ref, item.start, item.end) == (1, None, None)
    assert item.all_day
    routine = next(e for e in entries if e.source == "routine")
    assert routine.ref == RoutineBook(ws).for_day(TODAY)[0].id
    assert routine.end is not None and routine.start is not None
    assert routine.end - routine.start == dt.timedelta(minutes=120)
    assert routine.start.tzinfo is not None
    conf = next(e for e in entries if e.title == "PGConf Asia")
    assert (conf.location, conf.ref) == ("Shanghai", None)


def test_skipped_routine_leaves_the_agenda(ws: Workspace) -> None:
    book = RoutineBook(ws)
    planning = book.for_day(TODAY)[0]
    book.skip(planning.id, TODAY)
    assert "Product and ops planning" not in [e.title for e in agenda(ws, TODAY, 1)]


def test_agenda_speaks_chinese(ws: Workspace) -> None:
    i18n.set_language("zh")
    titles = [e.title for e in agenda(ws, TODAY, 2)]
    assert "产品与运营规划" in titles
    assert "跟进客户：China Mobile" in titles


def test_our_own_export_imported_back_is_not_doubled(ws: Workspace, tmp_path: Path) -> None:
    before = rows(agenda(ws, TODAY, 3))
    mine = tmp_path / "mine.ics"
    mine.write_bytes(export_calendar(ws))
    import_calendar(ws, str(mine))
    assert rows(agenda(ws, TODAY, 3)) == before


def test_empty_window(ws: Workspace) -> None:
    assert agenda(ws, TODAY, 0) == []


def test_a_damaged_cache_shows_nothing_but_works(ws: Workspace) -> None:
    for path in (ws.root / "calendars").iterdir():
        path.write_bytes(b"\x00garbage")
    titles = [e.title for e in agenda(ws, TODAY, 1)]
    assert "Product and ops planning" in titles
    assert "Standup" not in titles


def test_agenda_writes_nothing_once_routines_exist(ws: Workspace) -> None:
    agenda(ws, TODAY, 3)
    before = {p.name: p.read_bytes() for p in ws.root.glob("*.json")}
    agenda(ws, TODAY, 3)
    assert {p.name: p.read_bytes() for p in ws.root.glob("*.json")} == before
