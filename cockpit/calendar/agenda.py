"""The agenda: routines, dated work, follow-ups and subscribed calendars, day by day.

Calendars come from their cached copies only (refreshing is `ical_import`'s job, in a
worker), so building the agenda never touches the network. What is read is each copy's
index (`calendar_index`): events and the recurrences of the coming days, already
expanded, so even a 50,000-event calendar costs a scan of integers, and icalendar is
only loaded for a window outside the expanded days (bounded, see `recurrence`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cockpit.calendar.routines import RoutineBook, existing_calendar_id, uid_domain
from cockpit.core import i18n
from cockpit.core.text import clean_text

if TYPE_CHECKING:
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


class _Cached:
    """An index in memory (per file stamp) and recent windows' rows: the panel redraws
    often, and a window outside the index's expanded days costs an expansion."""

    def __init__(self, stamp: tuple[int, int], index: dict[str, Any]) -> None:
        self.stamp = stamp
        self.index = index
        self.windows: dict[tuple[dt.date, dt.date, str], list[Any]] = {}

    def rows(self, first: dt.date, last: dt.date, zone: dt.tzinfo) -> list[Any]:
        # Imported on first use, for start-up time: only with a subscribed calendar.
        from cockpit.calendar.calendar_index import rows

        key = (first, last, str(zone))
        if key not in self.windows:
            if len(self.windows) > 8:
                self.windows.clear()
            self.windows[key] = rows(self.index, first, last, zone)
        return self.windows[key]


_lock = threading.Lock()
_cached: dict[Path, _Cached] = {}


def _load(path: Path, today: dt.date, zone: dt.tzinfo) -> _Cached | None:
    """The index of the cached copy at `path` (read again only when it changed; built
    once from the copy for a calendar stored before indexes existed)."""
    # Imported on first use, for start-up time: only with a subscribed calendar.
    from cockpit.calendar import calendar_index

    index_file = calendar_index.index_path(path)
    try:
        st = index_file.stat()
        stamp = (st.st_mtime_ns, st.st_size)
    except OSError:
        stamp = None
    with _lock:
        hit = _cached.get(path)
    if hit and stamp and hit.stamp == stamp:
        return hit
    index = calendar_index.read(path) if stamp else None
    if index is None:
        index = _rebuild(path, today, zone)
        if index is None:
            return None  # a damaged copy shows nothing, it never stops the agenda
        try:
            st = index_file.stat()
            stamp = (st.st_mtime_ns, st.st_size)
        except OSError:
            stamp = (0, 0)
    cached = _Cached(stamp or (0, 0), index)
    with _lock:
        _cached[path] = cached
    return cached


def _rebuild(path: Path, today: dt.date, zone: dt.tzinfo) -> dict[str, Any] | None:
    import icalendar

    from cockpit.calendar import calendar_index

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            cal = icalendar.Calendar.from_ical(path.read_bytes())
        index, _skipped, _dropped = calendar_index.build(cal, today, zone)
    except Exception:  # a damaged cache shows nothing, it never stops the agenda
        return None
    with contextlib.suppress(OSError):
        calendar_index.write(path, index)
    return index


def _local(value: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    # Floating times (no zone) mean "wall time wherever you are".
    return value.replace(tzinfo=zone) if value.tzinfo is None else value.astimezone(zone)


def _calendar_entries(
    name: str, cal: _Cached, first: dt.date, last: dt.date, zone: dt.tzinfo, ours: str | None
) -> Iterable[AgendaEntry]:
    source = clean_text(name) or "calendar"
    for row in cal.rows(first, last, zone):
        if ours and row.uid.endswith(ours):
            continue  # our own export, imported back: routines and items show already
        title = clean_text(row.title) or i18n.t("cal.untitled")
        location = clean_text(row.location)
        start, end = row.start, row.end
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
    out = _routines(ws, first_day, days, zone)
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


def timed(ws: Workspace, first_day: dt.date, days: int) -> list[AgendaEntry]:
    """The agenda's entries that start at a time — routines and subscribed calendars'
    timed events — without the dated work and follow-ups (a scan of every customer):
    what a reminder announces before it starts, asked on every clock tick."""
    if days < 1:
        return []
    last = first_day + dt.timedelta(days=days - 1)
    zone = _zone(ws)
    out = _routines(ws, first_day, days, zone)
    if ws.files.raw("calendar").get("subscriptions") or (ws.root / "calendars").is_dir():
        out.extend(e for e in _subscribed(ws, first_day, last, zone) if e.start is not None)
    out.sort(key=_order)
    return out


def _routines(ws: Workspace, first_day: dt.date, days: int, zone: dt.tzinfo) -> list[AgendaEntry]:
    lang = i18n.language()
    out: list[AgendaEntry] = []
    book = RoutineBook(ws)
    for offset in range(days):
        day = first_day + dt.timedelta(days=offset)
        for routine in book.for_day(day):
            start = dt.datetime.combine(day, routine.start_time(), tzinfo=zone)
            end = start + dt.timedelta(minutes=routine.minutes)
            out.append(AgendaEntry(day, start, end, routine.title(lang), "routine", routine.id))
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
    from cockpit.calendar.ical_import import cached_calendars

    # Without a calendar id nothing was ever exported, so no event can be one of ours.
    cal_id = existing_calendar_id(ws)
    ours = uid_domain(cal_id) if cal_id else None
    out: list[AgendaEntry] = []
    for name, path in cached_calendars(ws):
        cal = _load(path, ws.clock.today(), zone)
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
