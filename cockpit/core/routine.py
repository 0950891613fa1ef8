"""The routine record: one block of the PM's weekly cadence, its defaults and validation.

Routines are wall times in the user's zone, so a 09:00 routine stays at 09:00 across
daylight-saving changes. `cockpit.calendar.routines.RoutineBook` stores them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from cockpit.core.errors import InvalidError
from cockpit.core.labels.calendar import LABELS
from cockpit.core.text import clean_line

FILE = "calendar"
EDITABLE = ("key", "title_en", "title_zh", "weekdays", "start", "minutes", "checklist", "since")
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")

# Seed 000's week: (label key, weekdays with Monday = 0, start, minutes). Titles and
# checklists are the labels `routine.<key>` and `routine.<key>.<n>` in both languages.
DEFAULTS: tuple[tuple[str, tuple[int, ...], str, int], ...] = (
    ("mon_review", (0,), "09:00", 45),
    ("mon_meeting", (0,), "10:00", 90),
    ("planning", (1, 2), "10:00", 120),
    ("thu_numbers", (3,), "09:30", 60),
    ("thu_meeting", (3,), "14:00", 90),
    ("thu_report", (3,), "16:30", 60),
    ("fri_align", (4,), "10:00", 60),
    ("fri_reading", (4,), "15:00", 90),
)


@dataclass
class Routine:
    """A weekly-recurring block of the PM's week with its checklist."""

    id: int = 0
    key: str = ""
    title_en: str = ""
    title_zh: str = ""
    weekdays: list[int] = field(default_factory=list)  # 0 = Monday
    start: str = "09:00"  # wall time in the user's zone
    minutes: int = 60
    checklist: list[tuple[str, str]] = field(default_factory=list)  # (en, zh)
    skipped: list[str] = field(default_factory=list)  # ISO dates (exported as EXDATE)
    updated: str = ""
    seq: int = 0
    since: str = ""  # ISO date; the first occurrence on or after it is DTSTART

    def title(self, lang: str = "en") -> str:
        """The title in `lang`, falling back to the other language when empty."""
        first, other = (
            (self.title_zh, self.title_en) if lang == "zh" else (self.title_en, self.title_zh)
        )
        return first or other

    def checklist_in(self, lang: str = "en") -> list[str]:
        """Checklist lines in `lang` (each falls back to the other language)."""
        return [(zh or en) if lang == "zh" else (en or zh) for en, zh in self.checklist]

    def start_time(self) -> dt.time:
        hour, minute = self.start.split(":")
        return dt.time(int(hour), int(minute))

    def first_day(self) -> dt.date:
        """The first real occurrence: the first of its weekdays on or after `since`."""
        since = dt.date.fromisoformat(self.since) if self.since else dt.date(2000, 1, 3)
        ahead = min((w - since.weekday()) % 7 for w in self.weekdays) if self.weekdays else 0
        return since + dt.timedelta(days=ahead)

    def scheduled_on(self, day: dt.date) -> bool:
        """True when `day` is one of its weekdays, not before it began (skips aside)."""
        return day.weekday() in self.weekdays and day >= self.first_day()

    def occurs_on(self, day: dt.date) -> bool:
        """True when it happens on `day`: scheduled and not skipped."""
        return self.scheduled_on(day) and day.isoformat() not in self.skipped

    def to_doc(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "title_en": self.title_en,
            "title_zh": self.title_zh,
            "weekdays": list(self.weekdays),
            "start": self.start,
            "minutes": self.minutes,
            "checklist": [[en, zh] for en, zh in self.checklist],
            "skipped": list(self.skipped),
            "updated": self.updated,
            "seq": self.seq,
            "since": self.since,
        }

    @classmethod
    def from_doc(cls, doc_id: int, doc: dict[str, Any]) -> Routine:
        return cls(
            id=doc_id,
            key=str(doc.get("key", "")),
            title_en=str(doc.get("title_en", "")),
            title_zh=str(doc.get("title_zh", "")),
            weekdays=[int(w) for w in doc.get("weekdays", [])],
            start=str(doc.get("start", "09:00")),
            minutes=int(doc.get("minutes", 60)),
            checklist=[(str(p[0]), str(p[1])) for p in doc.get("checklist", []) if len(p) == 2],
            skipped=[str(d) for d in doc.get("skipped", [])],
            updated=str(doc.get("updated", "")),
            seq=int(doc.get("seq", 0)),
            since=str(doc.get("since", "")),
        )


def default_routines(since: dt.date) -> list[Routine]:
    """Seed 000's cadence as unsaved routines starting `since`."""
    out = []
    for key, weekdays, start, minutes in DEFAULTS:
        en, zh = LABELS[f"routine.{key}"]
        checklist = []
        n = 1
        while f"routine.{key}.{n}" in LABELS:
            checklist.append(LABELS[f"routine.{key}.{n}"])
            n += 1
        out.append(
            Routine(
                key=key,
                title_en=en,
                title_zh=zh,
                weekdays=list(weekdays),
                start=start,
                minutes=minutes,
                checklist=checklist,
                since=since.isoformat(),
            )
        )
    return out


def validate(fields: dict[str, Any]) -> dict[str, Any]:
    """Check and normalise routine fields (any subset of EDITABLE).

    Raises:
        InvalidError: one sentence naming the field and what it accepts.
    """
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise InvalidError("err.routine.cannot_edit", fields=sorted(unknown))
    out = dict(fields)
    for name in ("key", "title_en", "title_zh"):
        if name in out:
            out[name] = clean_line(out[name])
    if "weekdays" in out:
        days = sorted({int(w) for w in out["weekdays"]})
        if not days or any(not 0 <= w <= 6 for w in days):
            raise InvalidError("err.routine.weekdays")
        out["weekdays"] = days
    if "start" in out:
        match = _TIME.match(str(out["start"]).strip())
        if not match:
            raise InvalidError("err.routine.start", value=out["start"])
        out["start"] = f"{int(match.group(1)):02d}:{match.group(2)}"
    if "minutes" in out:
        minutes = out["minutes"]
        if not isinstance(minutes, int) or isinstance(minutes, bool) or not 1 <= minutes <= 1440:
            raise InvalidError("err.routine.minutes")
    if "checklist" in out:
        out["checklist"] = _checklist(out["checklist"])
    if "since" in out:
        since = out["since"]
        out["since"] = since.isoformat() if isinstance(since, dt.date) else str(since)
        try:
            dt.date.fromisoformat(out["since"])
        except ValueError:
            raise InvalidError("err.routine.since", value=since) from None
    return out


def _checklist(lines: Iterable[Any]) -> list[tuple[str, str]]:
    """Accept (en, zh) pairs or plain strings (used for both languages)."""
    out: list[tuple[str, str]] = []
    for line in lines:
        if isinstance(line, str):
            en = zh = line
        else:
            en, zh = (str(part) for part in line)
        en, zh = clean_line(en), clean_line(zh)
        if en or zh:
            out.append((en, zh))
    return out
