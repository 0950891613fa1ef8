"""The iCalendar export, read back with icalendar and expanded with recurring-ical-events."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest
import recurring_ical_events

from cockpit.calendar.ical_export import export_calendar, export_objects, routine_event
from cockpit.calendar.ical_zone import user_zone
from cockpit.calendar.routines import RoutineBook, calendar_id
from cockpit.items.workspace import Workspace
from tests.unit.ical_helpers import (
    BEFORE_DST_END,
    BERLIN,
    SHANGHAI,
    make_ws,
    outside_vevents,
    vevents,
)

TUESDAY = BEFORE_DST_END.date()
TWO_WEEKS = (dt.date(2026, 10, 19), dt.date(2026, 11, 2))  # Mon W43 .. Mon W45 (exclusive)


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    ws = make_ws(tmp_path / "ws", BEFORE_DST_END, BERLIN)
    ws.add("Ship the 17.2 release notes", due=dt.date(2026, 10, 23), customer="ACME")
    ws.add("Renew the Aurora comparison", due=dt.date(2026, 10, 28), notes="ask sales")
    ws.add("Undated work")
    ws.customers.add("ACME", tier="top", next_followup=dt.date(2026, 10, 26))
    return ws


def parse(data: bytes) -> icalendar.Calendar:
    cal = icalendar.Calendar.from_ical(data)
    assert isinstance(cal, icalendar.Calendar)
    return cal


def expand(data: bytes) -> list[icalendar.Event]:
    return list(recurring_ical_events.of(parse(data)).between(*TWO_WEEKS))


def test_routines_fall_on_their_weekdays_at_local_time_across_dst(ws: Workspace) -> None:
    book = RoutineBook(ws)
    routines = {f"routine-{r.id}@{calendar_id(ws)}.cockpit": r for r in book.all()}
    seen: dict[str, list[dt.datetime]] = {uid: [] for uid in routines}
    for occurrence in expand(export_calendar(ws)):
        uid = str(occurrence["UID"])
        if uid in routines:
            seen[uid].append(occurrence.decoded("DTSTART"))
    for uid, routine in routines.items():
        expected_days = [
            TWO_WEEKS[0] + dt.timedelta(days=n)
            for n in range(14)
            if routine.occurs_on(TWO_WEEKS[0] + dt.timedelta(days=n))
        ]
        starts = sorted(seen[uid])
        assert [s.date() for s in starts] == expected_days, routine.key
        for start in starts:
            local = start.astimezone(BERLIN)
            assert local.strftime("%H:%M") == routine.start, routine.key
            assert local.weekday() in routine.weekdays
            # Wall time holds while the offset moves: +02:00 until Oct 25, +01:00 after.
            offset = 2 if local.date() < dt.date(2026, 10, 25) else 1
            assert local.utcoffset() == dt.timedelta(hours=offset)
    # Both sides of the change are really covered.
    planning = next(u for u, r in routines.items() if r.key == "planning")
    assert [s.date().isoformat() for s in sorted(seen[planning])] == [
        "2026-10-20",
        "2026-10-21",
        "2026-10-27",
        "2026-10-28",
    ]


def test_routine_event_shape(ws: Workspace) -> None:
    meeting = next(r for r in RoutineBook(ws).all() if r.key == "mon_meeting")
    cal = parse(export_calendar(ws))
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Berlin"]
    event = next(e for e in cal.walk("VEVENT") if str(e["SUMMARY"]) == "Product weekly meeting")
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert event.decoded("DTSTART") == dt.datetime(2026, 10, 26, 10, 0, tzinfo=BERLIN)
    assert event.decoded("DTEND") - event.decoded("DTSTART") == dt.timedelta(minutes=90)
    assert event["RRULE"]["FREQ"] == ["WEEKLY"]
    assert event["RRULE"]["BYDAY"] == ["MO"]
    assert int(event["SEQUENCE"]) == meeting.seq
    assert "Opportunities and churn" in str(event["DESCRIPTION"])
    assert not cal.walk("VTODO")


def test_skipped_week_is_an_exdate(ws: Workspace) -> None:
    book = RoutineBook(ws)
    meeting = next(r for r in book.all() if r.key == "mon_meeting")
    book.skip(meeting.id, dt.date(2026, 10, 26))  # the day the clocks changed back
    data = export_calendar(ws)
    event = next(e for e in parse(data).walk("VEVENT") if e["SUMMARY"] == meeting.title_en)
    assert b"EXDATE;TZID=Europe/Berlin:20261026T100000" in vevents(data)[str(event["UID"])]
    window = recurring_ical_events.of(parse(data)).between(TWO_WEEKS[0], dt.date(2026, 11, 3))
    starts = [o.decoded("DTSTART").date() for o in window if o["UID"] == event["UID"]]
    # DTSTART stays on the first real day; the EXDATE removes just that week.
    assert starts == [dt.date(2026, 11, 2)]


def test_dated_items_and_followups_are_all_day(ws: Workspace) -> None:
    data = export_calendar(ws)
    cal = parse(data)
    cal_id = calendar_id(ws)
    by_uid = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    item = by_uid[f"item-1@{cal_id}.cockpit"]
    assert item.decoded("DTSTART") == dt.date(2026, 10, 23)
    assert item.decoded("DTEND") == dt.date(2026, 10, 24)
    assert str(item["TRANSP"]) == "TRANSPARENT"
    assert "Customer: ACME" in str(item["DESCRIPTION"])
    assert f"item-3@{cal_id}.cockpit" not in by_uid  # no due date, no event
    followup = by_uid[f"followup-1@{cal_id}.cockpit"]
    assert str(followup["SUMMARY"]) == "Follow up: ACME"
    assert followup.decoded("DTSTART") == dt.date(2026, 10, 26)
    days = {str(o["SUMMARY"]): o.decoded("DTSTART") for o in expand(data) if "RRULE" not in o}
    assert days["Ship the 17.2 release notes"] == dt.date(2026, 10, 23)
    assert days["Renew the Aurora comparison"] == dt.date(2026, 10, 28)


def test_two_exports_are_identical_and_uids_stable(ws: Workspace) -> None:
    first = export_calendar(ws)
    reopened = make_ws(ws.root, BEFORE_DST_END + dt.timedelta(days=3), BERLIN)
    second = export_calendar(reopened)
    assert first == second  # a later "now" changes nothing either


def test_an_edit_changes_sequence_and_nothing_else(ws: Workspace) -> None:
    before = export_calendar(ws)
    ws.clock.advance(hours=2)  # type: ignore[attr-defined]
    book = RoutineBook(ws)
    meeting = next(r for r in book.all() if r.key == "mon_meeting")
    book.edit(meeting.id, start="10:30")
    ws.edit(1, title="Ship the 17.2 release notes (final)")
    after = export_calendar(ws)
    old, new = vevents(before), vevents(after)
    assert old.keys() == new.keys()
    cal_id = calendar_id(ws)
    changed = {f"routine-{meeting.id}@{cal_id}.cockpit", f"item-1@{cal_id}.cockpit"}
    for uid in old.keys() - changed:
        assert old[uid] == new[uid], uid
    assert outside_vevents(before) == outside_vevents(after)
    for uid in changed:
        was = icalendar.Event.from_ical(old[uid])
        now = icalendar.Event.from_ical(new[uid])
        assert int(now["SEQUENCE"]) == int(was["SEQUENCE"]) + 1
        assert now.decoded("DTSTAMP") > was.decoded("DTSTAMP")


def test_done_and_dropped_items_leave_the_export(ws: Workspace) -> None:
    cal_id = calendar_id(ws)
    ws.done(1)
    ws.drop(2)
    uids = vevents(export_calendar(ws))
    assert f"item-1@{cal_id}.cockpit" not in uids
    assert f"item-2@{cal_id}.cockpit" not in uids
    ws.reopen(1)
    assert f"item-1@{cal_id}.cockpit" in vevents(export_calendar(ws))


def test_chinese_export_folds_without_breaking_characters(tmp_path: Path) -> None:
    ws = make_ws(tmp_path / "zh", BEFORE_DST_END, SHANGHAI, language="zh")
    ws.add("发布 PostgreSQL 17.2 版本说明并同步给重点客户和渠道伙伴" * 2, due=TUESDAY)
    data = export_calendar(ws)
    data.decode("utf-8")  # every folded line is still valid UTF-8
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    summaries = [str(e["SUMMARY"]) for e in parse(data).walk("VEVENT")]
    assert "产品项目周会" in summaries
    assert "发布 PostgreSQL 17.2 版本说明并同步给重点客户和渠道伙伴" * 2 in summaries


def test_workspaces_do_not_share_uids(tmp_path: Path, ws: Workspace) -> None:
    other = make_ws(tmp_path / "other", BEFORE_DST_END, BERLIN)
    other.add("Ship the 17.2 release notes", due=dt.date(2026, 10, 23))
    assert not vevents(export_calendar(ws)).keys() & vevents(export_calendar(other)).keys()


def test_export_objects_are_whole_calendars(ws: Workspace) -> None:
    objects = export_objects(ws)
    assert len(objects) == 8 + 2 + 1  # routines, dated items, follow-up
    for uid, body in objects.items():
        cal = parse(body)
        assert [str(e["UID"]) for e in cal.walk("VEVENT")] == [uid]
        if uid.startswith("routine-"):
            assert cal.walk("VTIMEZONE")


def test_without_a_zone_name_routines_are_written_in_utc(ws: Workspace) -> None:
    reading = next(r for r in RoutineBook(ws).all() if r.key == "fri_reading")
    fixed = dt.timezone(dt.timedelta(hours=8))
    event = routine_event(reading, "abc", None, fixed, "en")
    assert event.decoded("DTSTART") == dt.datetime(2026, 10, 23, 7, 0, tzinfo=dt.UTC)
    assert "TZID" not in event["DTSTART"].params


def test_system_zone_is_named_when_it_matches_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    now = dt.datetime.now(BERLIN)
    matching = dt.timezone(now.utcoffset() or dt.timedelta())
    assert user_zone(matching, None) == BERLIN
    assert user_zone(dt.timezone(dt.timedelta(hours=-11)), None) is None
    assert user_zone(matching, "Asia/Shanghai") == SHANGHAI  # the config wins
    assert user_zone(SHANGHAI, "Europe/Berlin") == SHANGHAI  # a named clock wins
