"""The workspace as one iCalendar: routines weekly, dated items and follow-ups all day.

Rules (issue 4), and why:
- Routines are weekly-recurring VEVENTs (RRULE BYDAY) in the user's zone with its
  VTIMEZONE, so a 09:00 meeting stays at 09:00 across daylight-saving changes; DTSTART is
  the first real occurrence and skipped days are EXDATEs.
- Dated open items and customer follow-ups are all-day VEVENTs (DTEND the next day,
  TRANSP:TRANSPARENT: a due date is not a busy block). Not VTODO: Google and iOS
  calendars ignore it.
- A recurring item (`cockpit.items.recurrence`) carries its rule as the event's RRULE, from
  the open occurrence's due date; a repeat counted from the day it is done (`.+3d`) has
  no calendar rule, so only its one due date is exported.
- UIDs come from the record's id and the workspace's calendar id; DTSTAMP is the record's
  last change and SEQUENCE its edit counter. Nothing depends on "now", so exporting twice
  gives the same bytes and a calendar app re-importing the file updates, not duplicates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import icalendar

from cockpit.calendar.ical_zone import needs_vtimezone, user_zone, vtimezone
from cockpit.calendar.routines import Routine, RoutineBook, calendar_id
from cockpit.core.errors import InvalidError
from cockpit.core.i18n import fill
from cockpit.core.labels.calendar import LABELS
from cockpit.core.text import clean_text
from cockpit.items.recurrence.rule import Rule
from cockpit.items.series import rule_of

if TYPE_CHECKING:
    from cockpit.core.model import Customer, Item
    from cockpit.items.workspace import Workspace

PRODID = "-//cockpit//cockpit-pm//EN"
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
KINDS = ("routine", "item", "followup")


@dataclass
class ExportedEvent:
    """One exported VEVENT with what it came from."""

    uid: str
    kind: str  # "routine" | "item" | "followup"
    ref: int  # routine, item or customer id
    event: icalendar.Event


def label(key: str, lang: str, **kwargs: object) -> str:
    """A calendar label in `lang` (not the global UI language: exports must be stable)."""
    en, zh = LABELS[key]
    return fill(zh if lang == "zh" else en, kwargs)


def uid_for(kind: str, ref: int, cal_id: str) -> str:
    """The stable UID of a record: `<kind>-<id>@<calendar id>.cockpit`."""
    return f"{kind}-{ref}@{cal_id}.cockpit"


def _stamp(text: str | None, tz: dt.tzinfo) -> dt.datetime:
    """A stored ISO time (or date) as UTC; the epoch when missing or unreadable."""
    if not text:
        return EPOCH
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return EPOCH
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz)
    return moment.astimezone(dt.UTC)


def routine_event(
    routine: Routine, cal_id: str, zone: ZoneInfo | None, tz: dt.tzinfo, lang: str
) -> icalendar.Event:
    """A weekly-recurring VEVENT for `routine` (UTC times when no zone is named)."""

    def at(naive: dt.datetime) -> dt.datetime:
        local = naive.replace(tzinfo=zone or tz)
        return local if zone is not None else local.astimezone(dt.UTC)

    first = dt.datetime.combine(routine.first_day(), routine.start_time())
    event = icalendar.Event()
    event.add("uid", uid_for("routine", routine.id, cal_id))
    event.add("dtstamp", _stamp(routine.updated, tz))
    event.add("last-modified", _stamp(routine.updated, tz))
    event.add("sequence", routine.seq)
    event.add("summary", clean_text(routine.title(lang)))
    lines = routine.checklist_in(lang)
    if lines:
        checklist = "\n".join(f"- {line}" for line in lines)
        event.add("description", clean_text(checklist, multiline=True))
    event.add("dtstart", at(first))
    event.add("dtend", at(first + dt.timedelta(minutes=routine.minutes)))
    byday = [BYDAY[w] for w in routine.weekdays]
    event.add("rrule", {"FREQ": "WEEKLY", "WKST": "MO", "BYDAY": byday})
    # Skips of days the routine no longer has (its weekdays were edited) are left out.
    skipped = [dt.date.fromisoformat(d) for d in sorted(routine.skipped)]
    exdates = [
        at(dt.datetime.combine(d, routine.start_time())) for d in skipped if routine.scheduled_on(d)
    ]
    if exdates:
        event.add("exdate", exdates)
    return event


def _all_day(
    uid: str, day: dt.date, summary: str, stamp: dt.datetime, seq: int, description: str
) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    event.add("sequence", seq)
    # Stored text is clean already; records older than the sanitiser may not be.
    event.add("summary", clean_text(summary))
    if description:
        event.add("description", clean_text(description, multiline=True))
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    return event


def item_event(item: Item, cal_id: str, tz: dt.tzinfo, lang: str) -> icalendar.Event:
    """An all-day VEVENT on the item's due date."""
    day = item.due_date()
    assert day is not None
    parts = []
    if item.customer:
        parts.append(label("cal.item_customer", lang, name=item.customer))
    if item.notes.strip():
        parts.append(item.notes.strip())
    stamp = _stamp(item.updated or item.created, tz)
    uid = uid_for("item", item.id, cal_id)
    event = _all_day(uid, day, item.title, stamp, item.seq, "\n".join(parts))
    rule = _rule(item)
    if rule is not None and not rule.after_done:
        event.add("rrule", rule.ical())
    return event


def _rule(item: Item) -> Rule | None:
    """The item's rule; one edited by hand into something unreadable is left out (the
    item is still exported, once), not fatal to the export."""
    try:
        return rule_of(item)
    except InvalidError:
        return None


def followup_event(
    customer: Customer, touches: int, cal_id: str, tz: dt.tzinfo, lang: str
) -> icalendar.Event:
    """An all-day VEVENT on the customer's next follow-up date.

    Customers carry no edit counter; the follow-up date only changes with a touch (or
    when the customer is added), so the touch count is the SEQUENCE and the later of
    creation and last touch the DTSTAMP.
    """
    day = dt.date.fromisoformat(str(customer.next_followup))
    stamp = max(_stamp(customer.created, tz), _stamp(customer.last_touch, dt.UTC))
    summary = label("cal.followup", lang, name=customer.name)
    uid = uid_for("followup", customer.id, cal_id)
    return _all_day(uid, day, summary, stamp, touches, "")


def _due(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None  # a hand-edited date we cannot read is left out, not fatal


def exported_events(ws: Workspace) -> tuple[list[ExportedEvent], ZoneInfo | None]:
    """Every VEVENT of the export, routines first, each group by id; plus the zone used."""
    cal_id = calendar_id(ws)
    lang = ws.config.language
    tz = ws.clock.tz
    zone = user_zone(tz, ws.config.timezone)
    out: list[ExportedEvent] = []
    for routine in sorted(RoutineBook(ws).all(), key=lambda r: r.id):
        if routine.weekdays:
            event = routine_event(routine, cal_id, zone, tz, lang)
            out.append(ExportedEvent(str(event["uid"]), "routine", routine.id, event))
    for item in sorted(ws.items(), key=lambda i: i.id):
        if item.is_open and _due(item.due):
            out.append(
                ExportedEvent(
                    uid_for("item", item.id, cal_id),
                    "item",
                    item.id,
                    item_event(item, cal_id, tz, lang),
                )
            )
    touches: dict[int, int] = {}
    for touch in ws.customers.touches():
        touches[touch.customer_id] = touches.get(touch.customer_id, 0) + 1
    for customer in sorted(ws.customers.all(), key=lambda c: c.id):
        if _due(customer.next_followup):
            event = followup_event(customer, touches.get(customer.id, 0), cal_id, tz, lang)
            out.append(ExportedEvent(str(event["uid"]), "followup", customer.id, event))
    return out, zone


def _calendar(ws: Workspace, name: str) -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    return cal


def build_calendar(
    ws: Workspace, events: list[ExportedEvent], zone: ZoneInfo | None
) -> icalendar.Calendar:
    """One VCALENDAR holding `events`, with the VTIMEZONE their routines need."""
    cal = _calendar(ws, label("cal.name", ws.config.language))
    routines = [e for e in events if e.kind == "routine"]
    if zone is not None and routines and needs_vtimezone(zone):
        first = min(e.event.decoded("dtstart").date() for e in routines)
        cal.add_component(vtimezone(zone, first))
    for exported in events:
        cal.add_component(exported.event)
    return cal


def export_calendar(ws: Workspace) -> bytes:
    """The whole export as iCalendar bytes (identical for an unchanged workspace)."""
    events, zone = exported_events(ws)
    data: bytes = build_calendar(ws, events, zone).to_ical()
    return data


def export_objects(ws: Workspace) -> dict[str, bytes]:
    """Each exported event as its own VCALENDAR (CalDAV stores one object per UID)."""
    events, zone = exported_events(ws)
    return {e.uid: bytes(build_calendar(ws, [e], zone).to_ical()) for e in events}
