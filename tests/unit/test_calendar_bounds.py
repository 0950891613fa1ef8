"""Calendar rules are expanded within bounds (issue 11, item 3): a pathological rule is
skipped with its reason instead of running for ever, and what is kept shows exactly as
an unbounded expansion would show it. Times are budgets of `bench/calendar_bench.py`,
not of these tests.

`tests/fixtures/hostile/pathological.ics`: every second without end, every five
minutes, 144 times a day, 30 and 31 February, COUNT=1e9, day 200 of the year in January
(not caught by the cheap checks: stopped by the probe's deadline), and four sane rules
started years ago (a weekday standup, a month-end on the 31st, a fortnightly 1:1, a
birthday).
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events

from cockpit.app import make_app
from cockpit.calendar import calendar_index
from cockpit.calendar.agenda import agenda
from cockpit.calendar.ical_import import cache_path, import_calendar
from cockpit.calendar.recurrence import MAX_PER_DAY, bounded, bounded_each, expand, moved
from cockpit.cli.main import main
from cockpit.items.workspace import Workspace
from cockpit.screens.widgets.panels import Panel
from tests.ui.helpers import settle
from tests.unit.ical_helpers import SHANGHAI, make_ws
from tests.unit.storage_helpers import use_cli_env

PATHOLOGICAL = Path(__file__).parents[1] / "fixtures" / "hostile" / "pathological.ics"
WEDNESDAY = dt.datetime(2026, 11, 18, 10, 0, tzinfo=SHANGHAI)
UTC = dt.UTC


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return make_ws(tmp_path / "ws", WEDNESDAY, SHANGHAI)


def test_pathological_rules_are_skipped_with_their_reason(ws: Workspace) -> None:
    report = import_calendar(ws, str(PATHOLOGICAL))
    reasons = dict(report.skipped)
    assert report.events == 4  # the four sane ones
    assert reasons["VEVENT 1 'Every second, for ever'"].startswith(
        "repeats 86,400 times a day (every 1 s): more than 24 a day"
    )
    assert reasons["VEVENT 2 'Every five minutes'"].startswith("repeats 288 times a day")
    assert reasons["VEVENT 3 '144 times a day'"].startswith("repeats 144 times a day")
    assert reasons["VEVENT 4 '30 February, daily search'"] == (
        "never happens (BYMONTH=2;BYMONTHDAY=30: no such day)"
    )
    assert reasons["VEVENT 6 'A billion days'"].startswith("repeats 1,000,000,000 times")
    assert reasons["VEVENT 'Day 200 of the year, in January'"].startswith(
        "its recurrence takes over 0.5 s to compute"
    )
    cached = cache_path(ws, str(PATHOLOGICAL)).read_bytes()
    assert b"SECONDLY" not in cached and b"BYYEARDAY=200" not in cached  # not kept


def test_the_agenda_shows_the_sane_rules_only(ws: Workspace) -> None:
    import_calendar(ws, str(PATHOLOGICAL))
    week = agenda(ws, WEDNESDAY.date(), 7)
    shown = [(e.day.isoformat(), e.start.strftime("%H:%M") if e.start else "", e.title)
             for e in week if e.source == "Pathological"]  # fmt: skip
    standups = [s for s in shown if s[2] == "Standup since 2016"]
    assert [d for d, _t, _x in standups] == [
        "2026-11-18", "2026-11-19", "2026-11-20", "2026-11-23", "2026-11-24"
    ]  # fmt: skip
    assert {t for _d, t, _x in standups} == {"09:30"}  # 01:30 UTC in Shanghai
    assert len(shown) == 5  # the 1:1 is every other Monday: not this coming one
    fortnight = agenda(ws, WEDNESDAY.date(), 14)
    ones = [(e.day.isoformat(), f"{e.start:%H:%M}") for e in fortnight if e.title.endswith("1:1")]
    assert ones == [("2026-11-30", "10:00")]
    # Outside the days expanded at import: expanded on demand, the same way.
    later = agenda(ws, dt.date(2027, 3, 1), 31)
    titles = {(e.day.isoformat(), e.title) for e in later if e.source == "Pathological"}
    assert ("2027-03-04", "Birthday") in titles
    assert ("2027-03-31", "Month-end close (the 31st)") in titles
    assert not any(t == "Month-end close (the 31st)" and d < "2027-03-31" for d, t in titles)


def test_cli_import_and_agenda(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    use_cli_env(monkeypatch, tmp_path)
    root = str(tmp_path / "ws")
    assert main(["--data-dir", root, "ical", "import", str(PATHOLOGICAL)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Calendar 'Pathological': 4 events kept, 7 skipped")
    assert main(["--data-dir", root, "ical", "agenda", "--days", "2"]) == 0
    out = capsys.readouterr().out
    assert out.count("Standup since 2016") == 2 and "Every second" not in out


def expanded(ics: str, begin: dt.datetime, end: dt.datetime, *, move: bool) -> list[tuple]:
    cal = icalendar.Calendar.from_ical(ics)
    if move:
        found = expand(list(cal.subcomponents), begin, end, 10_000)
        return sorted((s, e, str(c.get("SUMMARY"))) for s, e, c in found)
    plain = recurring_ical_events.of(cal).between(begin, end)
    return sorted((o.decoded("DTSTART"), o.end, str(o.get("SUMMARY"))) for o in plain)


def vcal(*events: str) -> str:
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + "".join(events) + "END:VCALENDAR\r\n"


def vevent(uid: str, *lines: str) -> str:
    body = "\r\n".join((f"UID:{uid}", *lines, "SUMMARY:" + uid))
    return f"BEGIN:VEVENT\r\n{body}\r\nEND:VEVENT\r\n"


BERLIN = ZoneInfo("Europe/Berlin")
CASES = [
    vevent("daily", "DTSTART:20160104T013000Z", "DURATION:PT15M", "RRULE:FREQ=DAILY"),
    vevent("weekdays", "DTSTART;TZID=Europe/Berlin:20160104T093000", "DURATION:PT15M",
           "RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", "EXDATE;TZID=Europe/Berlin:20261119T093000"),
    vevent("fortnight", "DTSTART:20190107T020000Z", "DTEND:20190107T030000Z",
           "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"),
    vevent("month-end", "DTSTART:20200131T060000Z", "DURATION:PT1H", "RRULE:FREQ=MONTHLY"),
    vevent("quarterly", "DTSTART;VALUE=DATE:20180515", "RRULE:FREQ=MONTHLY;INTERVAL=3"),
    vevent("birthday", "DTSTART;VALUE=DATE:19900304", "RRULE:FREQ=YEARLY"),
    vevent("hourly", "DTSTART:20240101T000500Z", "DURATION:PT5M", "RRULE:FREQ=HOURLY;INTERVAL=5"),
    vevent("floating", "DTSTART:20170301T090000", "DURATION:PT30M",
           "RRULE:FREQ=WEEKLY;BYDAY=TU,TH"),
    vevent("days3", "DTSTART;VALUE=DATE:20200101", "DTEND;VALUE=DATE:20200104",
           "RRULE:FREQ=WEEKLY"),
    vevent("until", "DTSTART:20150101T080000Z", "DURATION:PT1H",
           "RRULE:FREQ=DAILY;UNTIL=20261120T000000Z"),
]  # fmt: skip
WINDOWS = [
    (dt.datetime(2026, 11, 16, tzinfo=SHANGHAI), 7),
    (dt.datetime(2026, 10, 20, tzinfo=BERLIN), 14),  # across the October DST change
    (dt.datetime(2027, 2, 25, tzinfo=UTC), 40),  # across 29/30/31 month ends
]


@pytest.mark.parametrize("event", CASES, ids=lambda e: e.split("UID:")[1].split("\r")[0])
@pytest.mark.parametrize("window", WINDOWS, ids=["this-week", "dst", "month-ends"])
def test_moving_dtstart_changes_no_occurrence(event: str, window: tuple) -> None:
    begin, days = window
    end = begin + dt.timedelta(days=days)
    ics = vcal(event)
    assert expanded(ics, begin, end, move=True) == expanded(ics, begin, end, move=False)


def test_overrides_and_rdates_survive_the_move() -> None:
    master = vevent("s", "DTSTART:20160104T013000Z", "DURATION:PT15M", "RRULE:FREQ=DAILY",
                    "RDATE:20261121T050000Z")  # fmt: skip
    moved_one = vevent("s", "RECURRENCE-ID:20261119T013000Z", "DTSTART:20261119T070000Z",
                       "DURATION:PT15M")  # fmt: skip
    from_past = vevent("s", "RECURRENCE-ID:20160105T013000Z", "DTSTART:20261122T080000Z",
                       "DURATION:PT15M")  # fmt: skip
    ics = vcal(master, moved_one, from_past)
    begin = dt.datetime(2026, 11, 18, tzinfo=UTC)
    end = begin + dt.timedelta(days=7)
    got = expanded(ics, begin, end, move=True)
    assert got == expanded(ics, begin, end, move=False)
    starts = [s.isoformat() for s, _e, _t in got]
    assert "2026-11-19T07:00:00+00:00" in starts and "2026-11-19T01:30:00+00:00" not in starts
    assert "2026-11-21T05:00:00+00:00" in starts  # the RDATE
    assert "2026-11-22T08:00:00+00:00" in starts  # an override moved here from 2016


def test_a_move_skips_ten_years_of_iterations() -> None:
    cal = icalendar.Calendar.from_ical(vcal(CASES[6]))  # hourly since 2024
    master = next(iter(cal.walk("VEVENT")))
    begin = dt.datetime(2026, 11, 18, tzinfo=UTC)
    shifted = moved(master, begin)
    start = shifted.decoded("DTSTART")
    assert begin - dt.timedelta(days=1) < start < begin
    assert moved(master, dt.datetime(2024, 1, 1, 3, tzinfo=UTC)) is master  # nothing to skip


def test_the_cap_bounds_the_count() -> None:
    event = vevent("hourly", "DTSTART:20261101T000000Z", "DURATION:PT5M", "RRULE:FREQ=HOURLY")
    parts = list(icalendar.Calendar.from_ical(vcal(event)).subcomponents)
    begin = dt.datetime(2026, 11, 18, tzinfo=UTC)
    got = expand(parts, begin, begin + dt.timedelta(days=30), MAX_PER_DAY * 2)
    assert len(got) == MAX_PER_DAY * 2


def test_bounded_stops_a_runaway_computation() -> None:
    def spin() -> int:
        n = 0
        while True:
            n += 1

    began = time.monotonic()
    with pytest.raises(TimeoutError):
        bounded(spin, 0.2)
    assert time.monotonic() - began < 2
    time.sleep(0.1)
    assert not [t for t in threading.enumerate() if t.name == "cockpit-recurrence"]
    assert bounded(lambda: 42, 1.0) == 42
    with pytest.raises(ZeroDivisionError):
        bounded(lambda: 1 // 0, 1.0)


def test_bounded_each_stops_only_the_job_that_runs_over() -> None:
    def spin() -> int:
        while True:
            pass

    def fail() -> int:
        raise ValueError("broken rule")

    jobs = [lambda: 1, spin, lambda: 3, fail, spin, lambda: 6]
    got = bounded_each(jobs, 0.2, 10.0)
    assert [kind for kind, _ in got] == ["ok", "timeout", "ok", "error", "timeout", "ok"]
    assert got[0][1] == 1 and got[5][1] == 6 and isinstance(got[3][1], ValueError)
    # Past the total budget, what has not started is not started.
    got = bounded_each([spin, lambda: 2, lambda: 3], 5.0, 0.3)
    assert [kind for kind, _ in got] == ["timeout", "budget", "budget"]
    time.sleep(0.1)
    assert not [t for t in threading.enumerate() if t.name == "cockpit-recurrence"]


def test_a_copy_stored_before_indexes_gets_one(ws: Workspace) -> None:
    import_calendar(ws, str(PATHOLOGICAL))
    index = calendar_index.index_path(cache_path(ws, str(PATHOLOGICAL)))
    index.unlink()
    week = agenda(ws, WEDNESDAY.date(), 3)
    assert sum(e.title == "Standup since 2016" for e in week) == 3
    assert index.exists() and calendar_index.read(cache_path(ws, str(PATHOLOGICAL)))


def test_the_window_moves_with_the_days(ws: Workspace) -> None:
    import_calendar(ws, str(PATHOLOGICAL))
    cache = cache_path(ws, str(PATHOLOGICAL))
    assert not calendar_index.refresh_window(cache, WEDNESDAY.date(), SHANGHAI)
    later = WEDNESDAY.date() + dt.timedelta(days=30)
    assert calendar_index.refresh_window(cache, later, SHANGHAI)
    index = calendar_index.read(cache)
    assert index is not None and index["from"] == (later - dt.timedelta(days=2)).isoformat()


async def test_the_tui_agenda_with_a_pathological_calendar(ws: Workspace) -> None:
    import_calendar(ws, str(PATHOLOGICAL))
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        rows = app.screen.query_one("#panel-agenda", Panel).rows_data
        titles = [r.title.plain for r in rows]
        assert any("Standup since 2016" in t for t in titles)
        assert not any("Every second" in t for t in titles)


def test_the_index_and_the_expansion_agree_on_the_daily_limit() -> None:
    assert calendar_index.MAX_PER_DAY == MAX_PER_DAY  # kept apart for the agenda's imports
