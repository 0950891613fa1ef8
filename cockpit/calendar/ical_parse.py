"""Reading calendars from outside: tolerant parsing and a sanitised copy.

Subscribed calendars are untrusted and often broken (truncated downloads, invalid dates,
unknown zones, fuzzing finds). The rule: never raise; keep every event we can use and
count every component we skip, with the reason. What we keep is rebuilt from a short
list of properties (times, recurrence, summary, location, description), with text run
through `clean_text`, so no escape sequence from a calendar ever reaches the terminal
and no attachment or attendee list bloats the cache.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import icalendar
import x_wr_timezone

from cockpit.calendar.recurrence import rule_problem
from cockpit.core.text import clean_text

TIME_PROPS = ("DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID")
KEEP_PROPS = (*TIME_PROPS, "UID", "SEQUENCE", "DTSTAMP", "STATUS", "TRANSP")
TEXT_PROPS = ("SUMMARY", "LOCATION", "DESCRIPTION")
DESCRIPTION_MAX = 2000
_BLOCK = re.compile(r"BEGIN:(VEVENT|VTIMEZONE)\r?\n.*?END:\1\r?\n?", re.S | re.I)
_BEGIN_EVENT = re.compile(r"^BEGIN:VEVENT\s*$", re.M | re.I)
_HEADER = re.compile(r"^X-WR-(?:CALNAME|TIMEZONE):[^\r\n]*", re.M | re.I)


@dataclass
class Parsed:
    """The usable part of a calendar file."""

    calendar: icalendar.Calendar  # sanitised: VTIMEZONEs and kept VEVENTs only
    name: str  # X-WR-CALNAME (cleaned), "" when absent
    events: int
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (component, reason)
    old: int = 0  # events over before `keep_from`, left out


def _decode(raw: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")  # never fails: every byte is a character


def _describe(component: icalendar.cal.Component, n: int) -> str:
    """`VEVENT 3 "Team sync"`: what the user can recognise the component by."""
    summary = component.get("SUMMARY")
    text = clean_text(str(summary))[:40] if summary is not None else ""
    return f"{component.name} {n}" + (f" {text!r}" if text else "")


def _calendars(text: str, skipped: list[tuple[str, str]]) -> list[icalendar.Calendar]:
    """Parse the whole text; when that fails, each VEVENT / VTIMEZONE block on its own."""
    if text.lstrip().startswith("["):
        try:
            cal = icalendar.Calendar.from_jcal(text)
            return [cal] if isinstance(cal, icalendar.Calendar) else []
        except Exception as exc:  # any jCal failure is a skipped file, not a crash
            skipped.append(("file", f"not readable jCal ({_reason(exc)})"))
            return []
    upper = text.upper()
    if "BEGIN:VCALENDAR" not in upper:
        if "BEGIN:VEVENT" not in upper:
            skipped.append(("file", "not an iCalendar file (no BEGIN:VCALENDAR)"))
            return []
        # A bare VEVENT (some tools save single events so): read it as a calendar.
        text = f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{text.strip()}\r\nEND:VCALENDAR\r\n"
    elif "END:VCALENDAR" not in upper:
        skipped.append(("file", "cut off before END:VCALENDAR (truncated file)"))
    try:
        cals = icalendar.Calendar.from_ical(text, multiple=True)
        cals = [c for c in cals if isinstance(c, icalendar.Calendar)]
        # icalendar quietly drops components that are never closed (a cut-off download):
        # when events went missing, read block by block to keep the complete ones.
        if sum(len(c.walk("VEVENT")) for c in cals) >= len(_BEGIN_EVENT.findall(text)):
            return cals
        whole = "components that are not closed"
    except Exception as exc:  # icalendar raises many types on broken input
        whole = _reason(exc)
    return _by_block(text, whole, skipped)


def _by_block(text: str, whole: str, skipped: list[tuple[str, str]]) -> list[icalendar.Calendar]:
    """Parse each VEVENT / VTIMEZONE block on its own; the calendar's X-WR- lines too."""
    blocks = list(_BLOCK.finditer(text))
    head = "".join(
        m.group(0) + "\r\n" for m in _HEADER.finditer(text[: blocks[0].start()] if blocks else text)
    )
    wrapped = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{}END:VCALENDAR\r\n"
    try:
        cal = icalendar.Calendar.from_ical(wrapped.format(head))
    except Exception:
        cal = icalendar.Calendar()
    kept = 0
    for n, match in enumerate(blocks, 1):
        try:
            part = icalendar.Calendar.from_ical(wrapped.format(match.group(0)))
            for sub in part.subcomponents:
                cal.add_component(sub)
                kept += 1
        except Exception as exc:
            skipped.append((f"{match.group(1).upper()} {n}", _reason(exc)))
    tail = text[blocks[-1].end() :] if blocks else text
    if re.search(r"BEGIN:VEVENT", tail, re.I):
        skipped.append(("VEVENT", "cut off before END:VEVENT (truncated file)"))
    if not kept:
        skipped.append(("file", f"cannot be parsed ({whole})"))
        return []
    return [cal]


def _reason(exc: BaseException) -> str:
    text = clean_text(str(exc)) or type(exc).__name__
    return text[:160]


def _check_event(event: icalendar.Event) -> str | None:
    """Why `event` cannot be shown (cheap checks), or None when it may be."""
    for prop, message in getattr(event, "errors", []):
        if str(prop).upper() in TIME_PROPS:
            return f"{prop}: {clean_text(str(message))[:120]}"
    if "DTSTART" not in event:
        return "no start time (DTSTART)"
    if isinstance(event["DTSTART"], list):
        return "more than one start time (DTSTART)"
    try:
        start = event.decoded("DTSTART")
        if not isinstance(start, dt.date):
            return "DTSTART is not a date or time"
        for name in ("DTEND", "DURATION", "RECURRENCE-ID"):
            if name in event:
                event.decoded(name)
    except Exception as exc:  # broken values surface as many exception types
        return _reason(exc)
    return None


def _day(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _ended_before(event: icalendar.Event, cutoff: dt.date) -> bool:
    """True for an event with no occurrence on or after `cutoff` (old history)."""
    if "RDATE" in event:
        return False
    try:
        if "RRULE" in event:
            until = event.decoded("RRULE").get("UNTIL")
            return bool(until) and _day(until[0]) < cutoff
        start = event.decoded("DTSTART")
        if "DTEND" in event:
            end = event.decoded("DTEND")
        else:
            end = start + (event.decoded("DURATION") if "DURATION" in event else dt.timedelta())
        return _day(end) < cutoff
    except Exception:  # unknown shapes are kept; the probe decides
        return False


def _copy_event(event: icalendar.Event) -> icalendar.Event:
    """A new VEVENT holding only the properties we use, text cleaned."""
    out = icalendar.Event()
    for name in KEEP_PROPS:
        if name in event:
            out[name] = event[name]
    for name in TEXT_PROPS:
        if name in event:
            value = event[name]
            text = str(value[0] if isinstance(value, list) and value else value)
            if name == "DESCRIPTION":
                text = clean_text(text, multiline=True)[:DESCRIPTION_MAX]
            else:
                text = clean_text(text)
            if text:
                out.add(name, text)
    return out


def parse_calendar(raw: bytes, keep_from: dt.date | None = None) -> Parsed:
    """Parse untrusted bytes into a sanitised calendar; never raises.

    Args:
        raw: the file's bytes.
        keep_from: events over before this day are left out (counted in `old`), so a
            calendar with years of history stays small in the cache.
    """
    skipped: list[tuple[str, str]] = []
    out = icalendar.Calendar()
    out.add("prodid", "-//cockpit//cached copy//EN")
    out.add("version", "2.0")
    name = ""
    old = 0
    try:
        cals = _calendars(_decode(raw.replace(b"\x00", b"")), skipped)
    except Exception as exc:  # a last guard: a parser bug must not stop the agenda
        skipped.append(("file", _reason(exc)))
        cals = []
    zones: dict[str, icalendar.cal.Component] = {}
    kept: list[icalendar.Event] = []
    for cal in cals:
        name = name or clean_text(str(cal.get("X-WR-CALNAME", "")))[:80]
        cal = _standard(cal, skipped)
        n = 0
        for component in cal.walk():
            kind = component.name
            if kind == "VTIMEZONE" and "TZID" in component:
                zones.setdefault(str(component["TZID"]), component)
            elif kind == "VEVENT":
                n += 1
                problem = _check_event(component)
                if not problem and keep_from and _ended_before(component, keep_from):
                    old += 1
                    continue
                problem = problem or rule_problem(component)
                if problem:
                    skipped.append((_describe(component, n), problem))
                    continue
                kept.append(_copy_event(component))
            elif kind in ("VTODO", "VJOURNAL", "VFREEBUSY"):
                skipped.append((kind, "not an event (the agenda shows events only)"))
    # Zones first: readers that resolve TZIDs in one pass need them before use.
    for component in [*zones.values(), *kept]:
        out.add_component(component)
    return Parsed(out, name, len(kept), skipped, old)


def _standard(cal: icalendar.Calendar, skipped: list[tuple[str, str]]) -> Any:
    """Google's X-WR-TIMEZONE applied to UTC times, as RFC 5545 calendars expect."""
    if "X-WR-TIMEZONE" not in cal:
        return cal
    try:
        return x_wr_timezone.to_standard(cal)
    except Exception as exc:  # an unknown zone name: keep the times as they are
        skipped.append(("X-WR-TIMEZONE", f"ignored ({_reason(exc)})"))
        return cal
