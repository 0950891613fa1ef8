"""What is coming due now, as reminders: dated items and customer follow-ups from
`[notify] at` on their day (or `days_ahead` days before, and every day they stay
overdue), routines and timed calendar events `lead_minutes` before they start.

Each reminder has a key that names the thing *and its day* (`item:12@2026-12-02`,
`routine:3@2026-12-02`): the same key is never told twice (`cockpit.reminders.sent`),
and an overdue item gets a new key, so one reminder, each new day. The check runs on the
app's clock tick, never on a keypress: dated items come from the workspace's due index
(not a scan of every item) and follow-ups from a list kept per customers file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cockpit.calendar.agenda import timed
from cockpit.core.settings import NotifySettings

if TYPE_CHECKING:
    from cockpit.items.workspace import Workspace

KINDS = ("overdue", "due", "soon", "followup", "starts", "watch")
"""What a reminder is about: an item past its date, due today, due within `days_ahead`;
a customer to follow up; a routine or event about to start; a watched feed entry."""
_FIRST = dt.date(1, 1, 1)


@dataclass(frozen=True, slots=True)
class Reminder:
    """One thing to tell the user about now."""

    key: str
    """What and which day (`item:12@2026-12-02`): told at most once."""
    kind: str
    """One of `KINDS`."""
    title: str
    """The item's title, the customer's name, the routine's or event's title."""
    ref: int | None
    """The item, customer, routine or entry id (None for a calendar event)."""
    day: dt.date
    """The date it is due (follow-up, item) or happens (routine, event)."""
    start: dt.datetime | None = None
    """When a routine or event starts (None for dated work)."""
    source: str = ""
    """For `starts`: `routine` or the calendar's name."""

    def public(self, told: str | None = None) -> dict[str, Any]:
        """The JSON shape of `cockpit remind --json`."""
        return {
            "key": self.key,
            "kind": self.kind,
            "id": self.ref,
            "title": self.title,
            "date": self.day.isoformat(),
            "start": self.start.isoformat() if self.start else None,
            "source": self.source or None,
            "told": told,
        }


class DueFinder:
    """Finds the reminders due at a moment, keeping what it can between ticks."""

    def __init__(self) -> None:
        self._customers: object = None
        self._followups: list[tuple[str, int, str]] = []

    def due(self, ws: Workspace, notify: NotifySettings, now: dt.datetime) -> list[Reminder]:
        """Every reminder due at `now` (told or not), oldest date first."""
        today = now.date()
        out: list[Reminder] = []
        if now.time() >= _clock(notify.at):
            out += self._dated(ws, today, today + dt.timedelta(days=notify.days_ahead))
        out += _starting(ws, now, notify.lead_minutes)
        return out

    def _dated(self, ws: Workspace, today: dt.date, horizon: dt.date) -> list[Reminder]:
        out = []
        stamp = today.isoformat()
        for item in ws.due_between(_FIRST, horizon):  # an index, not a scan of every item
            due = _date(item.due)
            if due is None:
                continue
            kind = "overdue" if due < today else "due" if due == today else "soon"
            out.append(Reminder(f"item:{item.id}@{stamp}", kind, item.title, item.id, due))
        last = horizon.isoformat()
        for when, ref, name in self._followups_of(ws):
            if when > last:
                break
            due = _date(when)
            if due is not None:
                out.append(Reminder(f"followup:{ref}@{stamp}", "followup", name, ref, due))
        return out

    def _followups_of(self, ws: Workspace) -> list[tuple[str, int, str]]:
        """(date, id, name) of every customer with a next follow-up, by date; built once
        per customers file (its snapshot is replaced, never changed, when it changes)."""
        raw = ws.files.raw("customers").get("customers", {})
        if raw is not self._customers:
            rows = [
                (str(doc["next_followup"]), int(ref), str(doc.get("name", "")))
                for ref, doc in raw.items()
                if isinstance(doc, dict) and doc.get("next_followup")
            ]
            self._customers, self._followups = raw, sorted(rows)
        return self._followups


def _starting(ws: Workspace, now: dt.datetime, lead: int) -> list[Reminder]:
    """Routines and timed calendar events starting within `lead` minutes, or under way
    (the app opened, or the clock reached them, after their reminder time)."""
    ahead = now + dt.timedelta(minutes=lead)
    days = 1 + (ahead.date() - now.date()).days
    out = []
    for entry in timed(ws, now.date(), days):
        start = entry.start
        if start is None:
            continue
        end = entry.end if entry.end and entry.end > start else start + dt.timedelta(minutes=1)
        if not (start - dt.timedelta(minutes=lead) <= now < end):
            continue
        day = start.date().isoformat()
        if entry.source == "routine":
            key = f"routine:{entry.ref}@{day}"
        else:  # a subscribed calendar's event: named by what it is
            name = f"{entry.source}\x00{entry.title}\x00{start.isoformat()}"
            key = f"event:{hashlib.sha1(name.encode()).hexdigest()[:12]}@{day}"
        out.append(
            Reminder(key, "starts", entry.title, entry.ref, start.date(), start, entry.source)
        )
    return out


def _clock(text: str) -> dt.time:
    hour, _, minute = text.partition(":")
    return dt.time(int(hour), int(minute or 0))


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def watch_reminders(entries: Iterable[Any], today: dt.date) -> list[Reminder]:
    """Reminders of feed entries naming a watch word (anything with `id` and `title`)."""
    stamp = today.isoformat()
    return [Reminder(f"entry:{e.id}@{stamp}", "watch", e.title, e.id, today) for e in entries]
