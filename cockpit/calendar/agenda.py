"""The agenda: routines, dated work, follow-ups and subscribed calendars, day by day.

Calendars come from their cached copies only (refreshing is `ical_import`'s job, in a
worker), so building the agenda never touches the network. A parsed copy is kept in
memory per file stamp: a large calendar costs its parse once, not on every redraw.
Recurrences are expanded with recurring-ical-events in the asked window only.
"""

from __future__ import annotations

import datetime as dt
import threading
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cockpit.calendar.routines import RoutineBook, existing_calendar_id
from cockpit.core import i18n
from cockpit.core.text import clean_text

if TYPE_CHECKING:
    import icalendar

    from cockpit.items.workspace import Workspace

# icalendar, recurring-ical-events and the subscription code (httpx) are imported only
# when a subscribed calendar has a cached copy: the daily screen draws its agenda at
# start-up, and those imports would cost it ~130 ms for calendars most PMs lack.

SOURCES = ("routine", "item", "followup")


@dataclass
class AgendaEntry:
    """One line of the agenda."""

    day: dt.date
    start: dt.datetime | None  # None: all day
    end: dt.datetime | None
    title: str
    source: str  # "routine" | "item" | "followup" | a calendar's name
    ref: int | None  # routine, item or customer id; None for calendar events
    location: str = ""

    @property
    def all_day(self) -> bool:
        return self.start is None


class _Parsed:
    """A cached copy in memory: the calendar, its query and recent windows' results."""

    def __init__(self, stamp: tuple[int, int], cal: icalendar.Calendar) -> None:
        self.stamp = stamp
        self.cal = cal
        self.query: Any = None
        self.windows: dict[tuple[dt.datetime, dt.datetime], list[Any]] = {}

    def occurrences(self, start: dt.datetime, end: dt.datetime) -> list[Any]:
        """Events in [start, end), computed once per window (the panel redraws often)."""
        key = (start, end)
        if key not in self.windows:
            if len(self.windows) > 8:
                self.windows.clear()
            self.windows[key] = self._expand(start, end)
        return self.windows[key]

    def _expand(self, start: dt.datetime, end: dt.datetime) -> list[Any]:
        import icalendar
        import recurring_ical_events

        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                if self.query is None:  # building the query indexes every event: once
                    self.query = recurring_ical_events.of(self.cal, skip_bad_series=True)
                return list(self.query.between(start, end))
        except Exception:  # one bad series broke the whole query: expand one by one
            pass
        zones = self.cal.walk("VTIMEZONE")
        out: list[Any] = []
        for event in self.cal.walk("VEVENT"):
            single = icalendar.Calendar()
            for component in [*zones, event]:
                single.add_component(component)
            try:
                out.extend(recurring_ical_events.of(single).between(start, end))
            except Exception:
                continue
        return out


_lock = threading.Lock()
_parsed: dict[Path, _Parsed] = {}


def _load(path: Path) -> _Parsed | None:
    """The parsed cached copy at `path` (re-parsed only when the file changed)."""
    try:
        st = path.stat()
    except OSError:
        return None
    stamp = (st.st_mtime_ns, st.st_size)
    with _lock:
        hit = _parsed.get(path)
    if hit and hit.stamp == stamp:
        return hit
    import icalendar

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            cal = icalendar.Calendar.from_ical(path.read_bytes())
    except Exception:  # a damaged cache shows nothing, it never stops the agenda
        return None
    parsed = _Parsed(stamp, cal)
    with _lock:
        _parsed[path] = parsed
    return parsed


def _local(value: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    # Floating times (no zone) mean "wall time wherever you are".
    return value.replace(tzinfo=zone) if value.tzinfo is None else value.astimezone(zone)


def _calendar_entries(
    name: str, cal: _Parsed, first: dt.date, last: dt.date, zone: dt.tzinfo, ours: str | None
) -> Iterable[AgendaEntry]:
    begin = dt.datetime.combine(first, dt.time(), tzinfo=zone)
    finish = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), tzinfo=zone)
    source = clean_text(name) or "calendar"
    for event in cal.occurrences(begin, finish):
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            continue
        if ours and str(event.get("UID", "")).endswith(ours):
            continue  # our own export, imported back: routines and items show already
        title = clean_text(str(event.get("SUMMARY", ""))) or i18n.t("cal.untitled")
        location = clean_text(str(event.get("LOCATION", "")))
        try:
            start, end = event.decoded("DTSTART"), event.end
        except Exception:  # an occurrence without a computable end: show its start only
            start, end = event.decoded("DTSTART"), None
        if not isinstance(start, dt.datetime):
            stop = end if isinstance(end, dt.date) and end > start else start + dt.timedelta(1)
            day = max(start, first)
            while day < stop and day <= last:
                yield AgendaEntry(day, None, None, title, source, None, location)
                day += dt.timedelta(days=1)
            continue
        start = _local(start, zone)
        end = _local(end, zone) if isinstance(end, dt.datetime) else None
        day = max(start.date(), first)
        # A timed event shows on every day it touches (an overnight one on both).
        last_day = (end - dt.timedelta(microseconds=1)).date() if end and end > start else day
        while day <= min(last_day, last):
            yield AgendaEntry(day, start, end, title, source, None, location)
            day += dt.timedelta(days=1)


def agenda(ws: Workspace, first_day: dt.date, days: int) -> list[AgendaEntry]:
    """Everything on the calendar from `first_day` for `days` days, sorted.

    Routines at their wall time in the user's zone; open items with a due date and
    customers' next follow-ups as all-day entries; events of subscribed calendars from
    their cached copies. Titles from calendars are sanitised for the terminal.
    """
    if days < 1:
        return []
    last = first_day + dt.timedelta(days=days - 1)
    zone = _zone(ws)
    lang = i18n.language()
    out: list[AgendaEntry] = []
    book = RoutineBook(ws)
    for offset in range(days):
        day = first_day + dt.timedelta(days=offset)
        for routine in book.for_day(day):
            start = dt.datetime.combine(day, routine.start_time(), tzinfo=zone)
            end = start + dt.timedelta(minutes=routine.minutes)
            out.append(AgendaEntry(day, start, end, routine.title(lang), "routine", routine.id))
    for item in ws.due_between(first_day, last):  # an index: not a scan of every item
        due = _date(item.due)
        if due and first_day <= due <= last:
            out.append(AgendaEntry(due, None, None, item.title, "item", item.id))
    for customer in ws.customers.all():
        due = _date(customer.next_followup)
        if due and first_day <= due <= last:
            title = i18n.t("cal.followup", name=customer.name)
            out.append(AgendaEntry(due, None, None, title, "followup", customer.id))
    if ws.files.raw("calendar").get("subscriptions") or (ws.root / "calendars").is_dir():
        out.extend(_subscribed(ws, first_day, last, zone))
    out.sort(key=_order)
    return out


def _zone(ws: Workspace) -> dt.tzinfo:
    """The user's zone; the named zone only matters (and is looked up) for calendars."""
    if not ws.config.timezone and not ws.files.raw("calendar").get("subscriptions"):
        return ws.clock.tz
    # Imported on first use, for start-up time.
    from cockpit.calendar.ical_zone import user_zone

    return user_zone(ws.clock.tz, ws.config.timezone) or ws.clock.tz


def _subscribed(
    ws: Workspace, first_day: dt.date, last: dt.date, zone: dt.tzinfo
) -> list[AgendaEntry]:
    # Imported on first use, for start-up time.
    from cockpit.calendar.ical_export import uid_domain
    from cockpit.calendar.ical_import import cached_calendars

    # Without a calendar id nothing was ever exported, so no event can be one of ours.
    cal_id = existing_calendar_id(ws)
    ours = uid_domain(cal_id) if cal_id else None
    out: list[AgendaEntry] = []
    for name, path in cached_calendars(ws):
        cal = _load(path)
        if cal is not None:
            out.extend(_calendar_entries(name, cal, first_day, last, zone, ours))
    return out


def _order(entry: AgendaEntry) -> tuple[Any, ...]:
    start = entry.start.timestamp() if entry.start else float("-inf")
    rank = SOURCES.index(entry.source) if entry.source in SOURCES else len(SOURCES)
    return (entry.day, start, rank, entry.title.casefold())


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None
