"""Recurring events expanded within bounds: never for ever, never by the million.

A subscribed calendar is untrusted. `RRULE:FREQ=SECONDLY` without an end would give
604,800 occurrences a week (recurring-ical-events builds them all in a list), and the
library iterates every rule from its DTSTART, so a rule started ten years ago costs ten
years of iterations for one week shown. Here:

- `rule_problem` refuses, cheaply and with the reason, a rule that repeats more than
  `MAX_PER_DAY` times a day or more than `MAX_COUNT` times;
- `expand` computes the occurrences of one series in a window only: DTSTART is moved
  forward by whole periods to just before the window (the rule then gives the same
  times; rules with COUNT are not moved, COUNT bounds them), and at most `cap`
  occurrences are taken, lazily;
- `bounded` runs a computation with a deadline and stops it when it passes (a rule
  whose dates never happen, like 30 February, makes dateutil search to the year 9999).
"""

from __future__ import annotations

import ctypes
import datetime as dt
import itertools
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

import icalendar
import recurring_ical_events
from dateutil.relativedelta import relativedelta

MAX_PER_DAY = 24
"""More occurrences a day than this (one an hour) is not an agenda event."""
MAX_COUNT = 5000
"""A rule with a larger COUNT is refused (the first ones alone cost that many steps)."""

_PERIODS = {"SECONDLY": 1, "MINUTELY": 60, "HOURLY": 3600}
T = TypeVar("T")


class Abandoned(BaseException):
    """Raised into a computation that passed its deadline (a BaseException, so that the
    `except Exception` around each job does not swallow it)."""


def bounded(fn: Callable[[], T], seconds: float) -> T:
    """`fn()`, or TimeoutError when it takes longer than `seconds`.

    The computation runs in a thread of its own; past the deadline an exception is
    raised inside that thread (it is pure Python: dateutil and recurring-ical-events),
    so nothing keeps burning CPU after we gave up on it.
    """
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = fn()
        except Abandoned:
            box["abandoned"] = True
        except BaseException as exc:  # handed to the caller below
            box["error"] = exc

    worker = threading.Thread(target=run, name="cockpit-recurrence", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        _raise_in(worker, Abandoned)
        worker.join(1.0)
        raise TimeoutError
    if "error" in box:
        raise box["error"]
    if "value" not in box:
        raise TimeoutError
    return box["value"]  # type: ignore[no-any-return]


Outcome = tuple[str, Any]
"""("ok", value), ("error", exception), ("timeout", None) or ("budget", None)."""


def bounded_each(jobs: list[Callable[[], T]], each: float, total: float) -> list[Outcome]:
    """Run `jobs` one after the other in one thread; a job that runs over `each` seconds
    is stopped ("timeout"), and once `total` seconds have passed the rest are not
    started ("budget"). One thread for all of them: a thousand series must not cost a
    thousand thread starts.

    Stopping raises `Abandoned` inside the worker; the worker's loop always knows which
    job that was meant for (`target`), even when it lands between two jobs.
    """
    n = len(jobs)
    out: list[Outcome] = [("budget", None)] * n
    lock = threading.Lock()
    state: dict[str, Any] = {"i": -1, "began": 0.0, "target": -1, "stop": False}

    def work() -> None:
        i = 0
        while True:
            try:
                while i < n:
                    with lock:
                        if state["stop"]:
                            return
                        state["i"], state["began"] = i, time.monotonic()
                    try:
                        out[i] = ("ok", jobs[i]())
                    except Exception as exc:  # the job's own failure: handed back
                        out[i] = ("error", exc)
                    i += 1
                with lock:
                    state["i"] = n
                return
            except Abandoned:
                with lock:
                    target = state["target"]
                out[target] = ("timeout", None)
                i = max(i, target + 1)

    worker = threading.Thread(target=work, name="cockpit-recurrence", daemon=True)
    deadline = time.monotonic() + total
    worker.start()
    while worker.is_alive():
        worker.join(0.01)
        with lock:
            now, i = time.monotonic(), state["i"]
            if now > deadline:
                state["stop"] = True
            running = 0 <= i < n and state["target"] != i
            if running and (now - state["began"] > each or now > deadline):
                state["target"] = i
                _raise_in(worker, Abandoned)
    return out


def _raise_in(thread: threading.Thread, kind: type[BaseException]) -> None:
    if thread.ident is not None:
        ctypes.pythonapi.PyThreadState_SetAsyncExc(
            ctypes.c_ulong(thread.ident), ctypes.py_object(kind)
        )


def _rules(event: icalendar.Event) -> list[Any]:
    value = event.get("RRULE")
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _first(rule: Any, name: str, default: Any = None) -> Any:
    values = rule.get(name)
    if not values:
        return default
    return values[0] if isinstance(values, list) else values


def per_day(rule: Any) -> float:
    """How many times a day `rule` repeats at most (1 for daily and slower rules)."""
    freq = str(_first(rule, "FREQ", "DAILY")).upper()
    interval = max(1, int(_first(rule, "INTERVAL", 1) or 1))
    lengths = {name: len(rule.get(name) or [None]) for name in ("BYHOUR", "BYMINUTE", "BYSECOND")}
    if freq in _PERIODS:
        times = 86_400 / (_PERIODS[freq] * interval)
        if freq == "HOURLY":
            times *= lengths["BYMINUTE"] * lengths["BYSECOND"]
        elif freq == "MINUTELY":
            times *= lengths["BYSECOND"]
        return times
    return float(lengths["BYHOUR"] * lengths["BYMINUTE"] * lengths["BYSECOND"])


_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def never(rule: Any) -> bool:
    """True for a rule whose days cannot exist (30 February, a 32nd day): dateutil would
    search for them until the year 9999."""
    try:
        months = [int(m) for m in rule.get("BYMONTH") or range(1, 13)]
        days = [int(d) for d in rule.get("BYMONTHDAY") or []]
    except (TypeError, ValueError):
        return False
    if not days:
        return False
    longest = max((_MONTH_DAYS[m - 1] for m in months if 1 <= m <= 12), default=0)
    return all(d > longest or d < -longest or d == 0 for d in days)


def rule_problem(event: icalendar.Event) -> str | None:
    """Why the recurrence of `event` is no agenda event (cheap, never expands), or None."""
    for rule in _rules(event):
        if never(rule):
            parts = ";".join(
                f"{k}={','.join(map(str, rule[k]))}" for k in ("BYMONTH", "BYMONTHDAY") if k in rule
            )
            return f"never happens ({parts}: no such day)"
        freq = str(_first(rule, "FREQ", "")).upper()
        times = per_day(rule)
        if times > MAX_PER_DAY:
            every = ""
            if freq in _PERIODS:
                interval = max(1, int(_first(rule, "INTERVAL", 1) or 1))
                seconds = _PERIODS[freq] * interval
                every = f" (every {seconds} s)" if seconds < 60 else f" (every {seconds // 60} min)"
            return (
                f"repeats {times:,.0f} times a day{every}: more than {MAX_PER_DAY} a day "
                "is left out of the agenda"
            )
        count = int(_first(rule, "COUNT", 0) or 0)
        if count > MAX_COUNT:
            return f"repeats {count:,} times (COUNT): more than {MAX_COUNT:,} is left out"
    return None


def _unit(freq: str, interval: int) -> dt.timedelta | relativedelta | None:
    if freq in _PERIODS:
        return dt.timedelta(seconds=_PERIODS[freq] * interval)
    return {
        "DAILY": dt.timedelta(days=interval),
        "WEEKLY": dt.timedelta(weeks=interval),
        "MONTHLY": relativedelta(months=interval),
        "YEARLY": relativedelta(years=interval),
    }.get(freq)


def _as_start(moment: dt.datetime, start: dt.date) -> dt.date:
    """`moment` in the terms of `start`: a date, a floating time or a zoned time."""
    if not isinstance(start, dt.datetime):
        return moment.date()
    if start.tzinfo is None:
        return moment.replace(tzinfo=None)
    return moment.astimezone(start.tzinfo)


def moved(master: icalendar.Event, begin: dt.datetime) -> icalendar.Event:
    """A copy of `master` whose DTSTART is moved forward by whole periods to just before
    `begin`, with the same occurrence times from there on; `master` itself when a move
    is not safe (COUNT, several RRULEs) or not worth it."""
    rules = _rules(master)
    if len(rules) != 1 or _first(rules[0], "COUNT") or "DTSTART" not in master:
        return master
    rule = rules[0]
    freq = str(_first(rule, "FREQ", "")).upper()
    interval = max(1, int(_first(rule, "INTERVAL", 1) or 1))
    unit = _unit(freq, interval)
    start = master.decoded("DTSTART")
    if unit is None or not isinstance(start, dt.date):
        return master
    length = _length(master, start)
    target = _as_start(begin, start)
    new = start
    if isinstance(unit, dt.timedelta):
        if not isinstance(start, dt.datetime) and unit < dt.timedelta(days=1):
            return master
        steps = int((target - length - start) / unit) - 1
        if steps < 2:
            return master
        new = start + unit * steps
    else:
        months = (unit.years * 12 + unit.months) or 1
        span = (target.year - start.year) * 12 + target.month - start.month
        steps = span // months - 2 - (length.days // 28) // months
        if steps < 2:
            return master
        new = start + relativedelta(months=months * steps)
    copy = icalendar.Event()
    for name, value in master.property_items(recursive=False)[1:-1]:
        if name not in ("DTSTART", "DTEND", "RRULE"):
            copy.add(name, value, encode=False)
    copy.add("DTSTART", new)
    if "DTEND" in master:
        copy.add("DTEND", new + length)
    copy.add("RRULE", _explicit(rule, freq, start))
    return copy


def _explicit(rule: Any, freq: str, start: dt.date) -> Any:
    """`rule` with the parts it took from DTSTART spelt out (a monthly rule on the 31st
    keeps the 31st when DTSTART moves to a month without one)."""
    rule = icalendar.vRecur(dict(rule))
    parts = set(rule)
    implied_day = not parts & {"BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO"}
    if freq in ("MONTHLY", "YEARLY") and implied_day:
        rule["BYMONTHDAY"] = [start.day]
    if freq == "YEARLY" and not parts & {"BYMONTH", "BYWEEKNO", "BYYEARDAY"}:
        rule["BYMONTH"] = [start.month]
    if freq == "WEEKLY" and "BYDAY" not in parts:
        rule["BYDAY"] = [("MO", "TU", "WE", "TH", "FR", "SA", "SU")[start.weekday()]]
    return rule


def _length(event: icalendar.Event, start: dt.date) -> dt.timedelta:
    try:
        if "DTEND" in event:
            end = event.decoded("DTEND")
            return end - start  # type: ignore[no-any-return]
        if "DURATION" in event:
            return event.decoded("DURATION")  # type: ignore[no-any-return]
    except (TypeError, ValueError):
        pass
    return dt.timedelta(days=1) if not isinstance(start, dt.datetime) else dt.timedelta()


Found = tuple[Any, Any, Any]
"""An occurrence: its start, its end, and the component it comes from (the master or
the override) for its title, location and status."""


def expand(
    components: list[icalendar.cal.Component], begin: dt.datetime, end: dt.datetime, cap: int
) -> list[Found]:
    """The occurrences in [begin, end) of the series made of `components` (VTIMEZONEs,
    the master VEVENT and its RECURRENCE-ID overrides), at most `cap` of them."""
    cal = icalendar.Calendar()
    for component in components:
        is_master = component.name == "VEVENT" and "RECURRENCE-ID" not in component
        cal.add_component(moved(component, begin) if is_master else component)  # type: ignore[arg-type]
    query = recurring_ical_events.of(cal, skip_bad_series=False)
    out: list[Found] = []
    for series in query.series:
        for occurrence in itertools.islice(series.between(begin, end), cap - len(out)):
            # The occurrence's own component (the master or an override), read directly:
            # `as_component` copies it whole for every occurrence, most of the cost.
            source = getattr(getattr(occurrence, "_adapter", None), "_component", None)
            if source is None:
                source = occurrence.as_component(False)
            out.append((occurrence.start, occurrence.end, source))
        if len(out) >= cap:
            break
    return out
