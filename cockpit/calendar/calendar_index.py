"""The agenda's index of a cached calendar: what `agenda` reads instead of the .ics.

Parsing a 50,000-event .ics with icalendar takes many seconds, far too long for every
`cockpit ical agenda` or redraw. So when a calendar is stored, its events are written a
second time, compact (`<cache>.idx`, JSON):

- `singles`: every event that happens once, with its times, title, location and UID;
- `series`: every recurring event as a small iCalendar text of its own (the master, its
  RECURRENCE-ID overrides and the zones they name), expanded on demand;
- `occurrences`: the series already expanded for the days around the day it was stored
  (the agenda shows days, not months), so the usual agenda needs no icalendar at all.

Rows are kept by month, each month's rows as a JSON text of its own inside the index, so
reading the index does not build 50,000 rows: the agenda parses the months its window
touches (an event longer than a day is in every month it spans). Each row starts with
two integer keys (start and end in seconds; floating times and dates as if UTC, a day
of margin covers any zone), so a window is found with a scan of integers.

Expansion is bounded (`recurrence`): a series that repeats more than hourly, more than
5,000 times, on a day that never comes, or that takes over `PROBE_SECONDS` to compute
for the window is left out when the calendar is stored, with the reason in the import
report; the probes of one calendar share `PROBE_BUDGET`.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from cockpit.core.text import clean_text
from cockpit.storage.atomic import atomic_write

# icalendar, recurring-ical-events and dateutil (`recurrence`) are imported only to build
# an index or to expand a window outside its expanded days: reading the agenda from an
# index needs orjson alone, ~150 ms less for every `cockpit ical agenda`.
MAX_PER_DAY = 24  # recurrence.MAX_PER_DAY (a test keeps them equal)
VERSION = 2
WINDOW_DAYS = 16
"""Days expanded ahead when a calendar is stored (from the day before)."""
PROBE_SECONDS = 0.5
"""The most one series may take to expand for the window."""
PROBE_BUDGET = 3.0
"""The most all series of one calendar may take together when it is stored."""
DAY = 86_400
Key = int
RowData = list[Any]  # [start key, end key, start, end, title, location, uid]


@dataclass
class Row:
    """One occurrence: a date (all day) or a time, its end, what and where."""

    start: dt.date
    end: dt.date | None
    title: str
    location: str
    uid: str


def index_path(cache: Path) -> Path:
    """Where the index of cached copy `cache` lives."""
    return cache.with_suffix(".idx")


# writing -------------------------------------------------------------------------------
def build(
    cal: Any, today: dt.date, zone: dt.tzinfo
) -> tuple[dict[str, Any], list[tuple[str, str]], set[str]]:
    """The index of `cal` (a sanitised calendar), what was left out and why, and the
    UIDs of the series left out (the caller drops them from its copy too)."""
    zones = {str(c["TZID"]): c for c in cal.walk("VTIMEZONE") if "TZID" in c}
    groups: dict[str, list[Any]] = {}
    for n, event in enumerate(cal.walk("VEVENT")):
        groups.setdefault(str(event.get("UID", "")) or f"#{n}", []).append(event)
    singles: list[RowData] = []
    series: list[dict[str, Any]] = []
    for uid, events in groups.items():
        masters = [e for e in events if "RECURRENCE-ID" not in e]
        master = masters[0] if masters else None
        if master is None or not ("RRULE" in master or "RDATE" in master):
            singles.extend(r for e in events if (r := _row(e, uid)) is not None)
            continue
        used = {_tzid(v) for e in events for p in _TIMES if p in e for v in _values(e[p])}
        parts = [zones[z] for z in sorted(used) if z in zones] + events
        series.append({"uid": uid, "parts": parts, "title": str(master.get("SUMMARY", ""))})
    index: dict[str, Any] = {"v": VERSION, "singles": _by_month(singles)}
    skipped, dropped = _expand_window(index, series, today, zone)
    index["series"] = [{"uid": s["uid"], "ics": _ics(s["parts"])} for s in series]
    return index, skipped, dropped


_TIMES = ("DTSTART", "DTEND", "RDATE", "EXDATE", "RECURRENCE-ID")


def _values(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list) else [value]


def _tzid(value: Any) -> str:
    params = getattr(value, "params", None) or {}
    return str(params.get("TZID", ""))


def _expand_window(
    index: dict[str, Any], series: list[dict[str, Any]], today: dt.date, zone: dt.tzinfo
) -> tuple[list[tuple[str, str]], set[str]]:
    """Fill `occurrences` for the window around `today`; drop series that fail."""
    first = today - dt.timedelta(days=2)
    begin = dt.datetime.combine(first, dt.time(), tzinfo=zone)
    end = begin + dt.timedelta(days=WINDOW_DAYS + 2)
    cap = MAX_PER_DAY * (WINDOW_DAYS + 2) + 1
    rows: list[RowData] = []
    skipped: list[tuple[str, str]] = []
    dropped: set[str] = set()
    jobs = [_job(one["parts"], begin, end, cap) for one in series]
    outcomes = _bounded_each(jobs, PROBE_SECONDS, PROBE_BUDGET)
    for one, (kind, value) in zip(list(series), outcomes, strict=True):
        name = f"VEVENT {(one['title'] or one['uid'])[:40]!r}"
        if kind == "ok":
            rows.extend(r for f in value if (r := _found_row(f, one["uid"])) is not None)
            continue
        if kind == "timeout":
            reason = (
                f"its recurrence takes over {PROBE_SECONDS:g} s to compute for "
                f"{WINDOW_DAYS} days (a date that never comes, like 30 February?)"
            )
        elif kind == "budget":
            reason = f"not expanded: this calendar's recurrences took over {PROBE_BUDGET:g} s"
        else:  # broken values surface as many exception types
            reason = clean_text(str(value))[:160] or type(value).__name__
        skipped.append((name, reason))
        dropped.add(one["uid"])
        series.remove(one)
    index["from"] = first.isoformat()
    index["to"] = (first + dt.timedelta(days=WINDOW_DAYS + 2)).isoformat()
    index["occurrences"] = _by_month(rows)
    return skipped, dropped


def _job(
    parts: list[Any], begin: dt.datetime, end: dt.datetime, cap: int
) -> Callable[[], list[Any]]:
    """The expansion of one series, as `bounded` runs it."""

    def run() -> list[Any]:
        from cockpit.calendar.recurrence import expand  # see the imports above

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return expand(parts, begin, end, cap)

    return run


def _bounded_each(
    jobs: list[Callable[[], list[Any]]], each: float, total: float
) -> list[tuple[str, Any]]:
    from cockpit.calendar.recurrence import bounded_each  # see the imports above

    return bounded_each(jobs, each, total)


def _ics(parts: list[Any]) -> str:
    import icalendar

    mini = icalendar.Calendar()
    mini.add("version", "2.0")
    for part in parts:
        mini.add_component(part)
    text: str = mini.to_ical().decode("utf-8")
    return text


def write(cache: Path, index: dict[str, Any]) -> None:
    """Store `index` beside `cache`, atomically."""
    atomic_write(index_path(cache), orjson.dumps(index))


def refresh_window(cache: Path, today: dt.date, zone: dt.tzinfo) -> bool:
    """Re-expand the series of `cache`'s index around `today` when its window has gone
    stale (the TUI stays open for days); True when it was rewritten."""
    index = read(cache)
    if index is None or _covers(index, today, today + dt.timedelta(days=WINDOW_DAYS // 2)):
        return False
    series = [{"uid": s["uid"], "parts": _parts(s["ics"]), "title": ""} for s in index["series"]]
    _expand_window(index, series, today, zone)
    index["series"] = [{"uid": s["uid"], "ics": _ics(s["parts"])} for s in series]
    write(cache, index)
    return True


# reading -------------------------------------------------------------------------------
def read(cache: Path) -> dict[str, Any] | None:
    """The index of `cache`, or None when there is none of this version."""
    try:
        index = orjson.loads(index_path(cache).read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
    return index if isinstance(index, dict) and index.get("v") == VERSION else None


def rows(index: dict[str, Any], first: dt.date, last: dt.date, zone: dt.tzinfo) -> list[Row]:
    """The events of `index` that touch the days `first`..`last` in `zone`."""
    begin = dt.datetime.combine(first, dt.time(), tzinfo=zone)
    finish = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), tzinfo=zone)
    low, high = int(begin.timestamp()) - DAY, int(finish.timestamp()) + DAY
    found = _window(index["singles"], low, high)
    if _covers(index, first, last):
        found += _window(index["occurrences"], low, high)
    else:
        days = (last - first).days + 1
        cap = MAX_PER_DAY * days + 1
        jobs = []
        for one in index["series"]:
            try:
                jobs.append((one["uid"], _job(_parts(one["ics"]), begin, finish, cap)))
            except Exception:  # a series that fails here is left out, never the agenda
                continue
        outcomes = _bounded_each([job for _uid, job in jobs], PROBE_SECONDS, PROBE_BUDGET)
        for (uid, _), (kind, value) in zip(jobs, outcomes, strict=True):
            if kind == "ok":
                found += [r for f in value if (r := _found_row(f, uid)) is not None]
        found = [r for r in found if r[0] < high and r[1] > low]
    return [Row(_start(r[2]), _decode(r[3]), r[4], r[5], r[6]) for r in found]


def _window(months: dict[str, str], low: int, high: int) -> list[RowData]:
    """Rows of the months between keys `low` and `high` that overlap them, once each."""
    found: list[RowData] = []
    seen: set[tuple[Any, ...]] = set()
    for month in _months(low, high):
        text = months.get(month)
        if not text:
            continue
        for row in orjson.loads(text):
            if row[0] < high and row[1] > low:
                ident = (row[0], row[1], row[6], row[4])
                if ident not in seen:
                    seen.add(ident)
                    found.append(row)
    return found


def _months(low: int, high: int) -> list[str]:
    """ "YYYY-MM" of every month from key `low` to key `high` (a year at most)."""
    first = dt.datetime.fromtimestamp(low, dt.UTC).date().replace(day=1)
    last = dt.datetime.fromtimestamp(max(low, high), dt.UTC).date()
    out: list[str] = []
    while first <= last and len(out) < 13:
        out.append(f"{first.year:04d}-{first.month:02d}")
        first = (first + dt.timedelta(days=32)).replace(day=1)
    return out


def _by_month(found: list[RowData]) -> dict[str, str]:
    """Rows bucketed by the months they touch, each bucket as JSON text, ordered."""
    buckets: dict[str, list[RowData]] = {}
    for row in sorted(found, key=_order):
        for month in _months(row[0], row[1] - 1):
            buckets.setdefault(month, []).append(row)
    return {month: orjson.dumps(rows).decode("utf-8") for month, rows in sorted(buckets.items())}


def _covers(index: dict[str, Any], first: dt.date, last: dt.date) -> bool:
    """True when the expanded window holds `first`..`last` with a day to spare."""
    start, stop = index.get("from"), index.get("to")
    if not start or not stop:
        return False
    return dt.date.fromisoformat(start) < first and last < dt.date.fromisoformat(stop)


def _found_row(found: Any, uid: str) -> RowData | None:
    """An occurrence (start, end, its component) as an index row."""
    start, end, component = found
    if str(component.get("STATUS", "")).upper() == "CANCELLED":
        return None
    return _make_row(start, end, component, uid)


def _parts(text: str) -> list[Any]:
    import icalendar

    return list(icalendar.Calendar.from_ical(text).subcomponents)


# rows --------------------------------------------------------------------------------
def _row(event: Any, uid: str) -> RowData | None:
    """An event as an index row; None for a cancelled one or one without a start."""
    if str(event.get("STATUS", "")).upper() == "CANCELLED":
        return None
    try:
        start = event.decoded("DTSTART")
    except Exception:
        return None
    try:
        end = event.end
    except Exception:  # an end that cannot be computed: the start only
        end = None
    return _make_row(start, end, event, uid)


def _make_row(start: Any, end: Any, event: Any, uid: str) -> RowData | None:
    if not isinstance(start, dt.date):
        return None
    if end is not None and not isinstance(end, dt.date):
        end = None
    stop = end if end is not None and end > start else start
    if not isinstance(start, dt.datetime) and stop == start:
        stop = start + dt.timedelta(days=1)
    title = str(event.get("SUMMARY", ""))
    location = str(event.get("LOCATION", ""))
    return [_key(start), max(_key(stop), _key(start) + 1), _encode(start), _encode(end),
            title, location, uid]  # fmt: skip


def _key(value: dt.date) -> Key:
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            return int(value.timestamp())
        return _calendar.timegm(value.timetuple())
    return _calendar.timegm(value.timetuple())


def _encode(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _start(text: str) -> dt.date:
    return dt.date.fromisoformat(text) if len(text) == 10 else dt.datetime.fromisoformat(text)


def _decode(text: str | None) -> dt.date | None:
    if text is None:
        return None
    return dt.date.fromisoformat(text) if len(text) == 10 else dt.datetime.fromisoformat(text)


def _order(row: RowData) -> tuple[int, int]:
    return (row[0], row[1])
