"""A routine as text: what the form parses, what the routines screen shows, and the form.

Weekdays, durations and checklists are typed the way a PM would write them in a note
("mon,wed", "1h30", "PRD; FAQ"), parsed here, then checked by the domain's own
`routine_model.validate`, so the form and `cockpit routines` accept the same records.
A mistake is shown inside the form, under the fields, and the cursor goes to the field.
The same words come back on screen: durations, time ranges, the detail pane's card.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import TextArea

from cockpit.calendar.routines import Routine, validate
from cockpit.core.errors import InvalidError
from cockpit.core.i18n import language, t
from cockpit.screens.dialogs.forms import Form, FormError
from cockpit.screens.safe import Label

_NAMES = {
    "mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "wednesday": 2,
    "thu": 3, "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4,
    "sat": 5, "saturday": 5, "sun": 6, "sunday": 6,
}  # fmt: skip
_ZH = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_GROUPS = {"weekdays": [0, 1, 2, 3, 4], "工作日": [0, 1, 2, 3, 4], "daily": list(range(7)),
           "everyday": list(range(7)), "每天": list(range(7))}  # fmt: skip
_DAY_SPLIT = re.compile(r"[\s,，、;；/]+")
_RANGE = re.compile(r"^(.+?)(?:-|~|–|至|到)(.+)$")
_DURATION = re.compile(
    r"^(?:(?P<h>\d+(?:\.\d+)?)\s*(?:h|hr|hrs|hours?|小时)\s*)?"
    r"(?:(?P<m>\d+)\s*(?:m|min|mins|minutes?|分钟|分)?)?$"
)
_CHECK_SPLIT = re.compile(r"[\n;；]")
HORIZON = 7 * 60  # days searched for the next occurrence (a routine may start far ahead)


def _one_day(token: str) -> int:
    """A single day: 1..7 (ISO, 1 = Monday), an English name or 周一 / 星期三 / 三."""
    word = token.strip().lower()
    if word.isdigit() and 1 <= int(word) <= 7:
        return int(word) - 1
    if word in _NAMES:
        return _NAMES[word]
    for prefix in ("星期", "礼拜", "周"):
        word = word.removeprefix(prefix)
    if word in _ZH:
        return _ZH[word]
    raise ValueError(token)


def parse_weekdays(text: str) -> list[int]:
    """Weekdays (0 = Monday) from text like "mon,wed", "1,3", "周二、周三" or "mon-fri".

    Numbers are ISO weekdays (1 = Monday … 7 = Sunday), as a user counts them; ranges
    may wrap ("fri-mon"). Raises ValueError with the token that is not a day.
    """
    days: set[int] = set()
    for token in filter(None, _DAY_SPLIT.split(text.strip())):
        lowered = token.lower()
        if lowered in _GROUPS:
            days.update(_GROUPS[lowered])
            continue
        span = _RANGE.match(token)
        if span:
            first, last = _one_day(span.group(1)), _one_day(span.group(2))
            days.update((first + n) % 7 for n in range((last - first) % 7 + 1))
        else:
            days.add(_one_day(token))
    return sorted(days)


def weekdays_text(weekdays: list[int]) -> str:
    """The form's text for `weekdays`, in the active language ("tue,wed" or "周二,周三")."""
    return ",".join(t(f"weekday.{w}").lower() for w in weekdays)


def parse_minutes(text: str) -> int:
    """Minutes from "90", "90m", "1h", "1h30", "1.5h" or "1:30". Raises ValueError."""
    raw = text.strip().lower()
    if ":" in raw:
        hours, _, minutes = raw.partition(":")
        if hours.isdigit() and minutes.isdigit():
            return int(hours) * 60 + int(minutes)
        raise ValueError(text)
    match = _DURATION.match(raw)
    if not raw or not match or not (match.group("h") or match.group("m")):
        raise ValueError(text)
    return round(float(match.group("h") or 0) * 60) + int(match.group("m") or 0)


def parse_checklist(text: str) -> list[tuple[str, str]]:
    """Checklist lines, one per line or separated by ";". "English | 中文" sets both
    languages; a line without "|" is used for both."""
    out: list[tuple[str, str]] = []
    for line in _CHECK_SPLIT.split(text):
        en, bar, zh = line.partition("|")
        en, zh = " ".join(en.split()), " ".join(zh.split())
        if bar and (en or zh):
            out.append((en or zh, zh or en))
        elif en:
            out.append((en, en))
    return out


def checklist_text(checklist: list[tuple[str, str]]) -> str:
    """The form's text for a checklist: one line each, "en | zh" where they differ."""
    return "\n".join(en if en == zh else f"{en} | {zh}" for en, zh in checklist)


# showing a routine ------------------------------------------------------------------
def duration(minutes: int) -> str:
    """45 → "45m", 120 → "2h", 90 → "1h 30m" (localised)."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return t("routines.dur.m", m=rest)
    return t("routines.dur.hm", h=hours, m=rest) if rest else t("routines.dur.h", h=hours)


def time_range(routine: Routine) -> str:
    """ "10:00–12:00"; an end past midnight shows as the clock reads it."""
    start = dt.datetime.combine(dt.date(2000, 1, 3), routine.start_time())
    return f"{routine.start}–{start + dt.timedelta(minutes=routine.minutes):%H:%M}"


def day_label(day: dt.date) -> str:
    return f"{t(f'weekday.{day.weekday()}')} {day:%m-%d}"


def first_on(routine: Routine, weekday: int) -> dt.date:
    """The first `weekday` on or after the day the routine began (its row's "from")."""
    since = routine.first_day()
    return since + dt.timedelta(days=(weekday - since.weekday()) % 7)


def next_occurrence(routine: Routine, weekday: int, today: dt.date) -> dt.date | None:
    """The first day on or after `today` falling on `weekday` that is scheduled and not
    skipped yet: pressing `s` twice skips two weeks in a row."""
    day = today + dt.timedelta(days=(weekday - today.weekday()) % 7)
    while day <= today + dt.timedelta(days=HORIZON):
        if routine.occurs_on(day):
            return day
        day += dt.timedelta(days=7)
    return None


def next_skipped(routine: Routine, weekday: int, today: dt.date) -> dt.date | None:
    """The earliest skipped day on or after `today` falling on `weekday` (what `S` restores)."""
    days = [dt.date.fromisoformat(d) for d in routine.skipped]
    ahead = sorted(d for d in days if d >= today and d.weekday() == weekday)
    return ahead[0] if ahead else None


def by_time(routine: Routine) -> tuple[str, int]:
    return routine.start, routine.id


def day_card(routines: list[Routine], weekday: int) -> RenderableType:
    """The detail pane on a day's header: that day's routines and their total."""
    on_day = sorted((r for r in routines if weekday in r.weekdays), key=by_time)
    if not on_day:
        return Text(t("routines.day_empty"), style="dim")
    grid = Table.grid(padding=(0, 2))  # the range says the duration: titles get the rest
    grid.add_column(no_wrap=True, style="cyan")
    grid.add_column(overflow="fold")
    for r in on_day:
        grid.add_row(Text(time_range(r)), Text(r.title(language())))
    total = sum(r.minutes for r in on_day)
    summary = Text(t("routines.day_total", total=duration(total)), style="dim")
    return Group(grid, Text(""), summary)


def routine_card(
    routine: Routine, weekday: int, today: dt.date, ticks: list[bool] | None
) -> RenderableType:
    """The detail pane on a routine's row under `weekday`; `ticks` are today's, None
    when it does not happen today."""
    lang = language()
    facts = Table.grid(padding=(0, 2))
    facts.add_column(no_wrap=True, style="dim")
    facts.add_column(overflow="fold")
    facts.add_row(Text(t("routines.f.en")), Text(routine.title_en or "—", style="bold"))
    facts.add_row(Text(t("routines.f.zh")), Text(routine.title_zh or "—", style="bold"))
    days = t("routines.sep").join(t(f"weekday.{w}") for w in routine.weekdays)
    facts.add_row(Text(t("routines.f.weekdays")), Text(days))
    facts.add_row(
        Text(t("routines.f.time")), Text(f"{time_range(routine)} · {duration(routine.minutes)}")
    )
    nxt = next_occurrence(routine, weekday, today)
    if nxt is not None:
        when = f"{t(f'weekday.{nxt.weekday()}')} {nxt.isoformat()}"
        if nxt == today:
            when += f" · {t('routines.today')}"
        facts.add_row(Text(t("routines.f.next")), Text(when))
    skipped = Text(t("routines.none"), style="dim")
    if routine.skipped:
        skipped = Text(", ").join(
            Text(d, style="yellow" if d >= today.isoformat() else "dim") for d in routine.skipped
        )
    facts.add_row(Text(t("routines.f.skipped")), skipped)
    return Group(facts, Text(""), *_checklist(routine.checklist_in(lang), ticks))


def _checklist(lines: list[str], ticks: list[bool] | None) -> list[RenderableType]:
    if not lines:
        return [Text(t("routines.no_checklist"), style="dim")]
    # A grid, so a long line wraps under its own text, not under the box.
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    if ticks is None:
        head = Text(t("routines.checklist", n=len(lines)), style="bold")
        for line in lines:
            grid.add_row(Text(" ·"), Text(line))
        return [head, grid]
    head = Text(t("routines.checklist_today", done=sum(ticks), n=len(lines)), style="bold")
    for line, done in zip(lines, ticks, strict=True):
        style = "dim" if done else ""
        grid.add_row(Text(" ☑" if done else " ☐", style=style), Text(line, style=style))
    return [head, grid]


# the form -------------------------------------------------------------------------
class RoutineForm(Form):
    """Add a routine (optionally on `weekday`) or edit `routine`; returns the fields of
    `RoutineBook.add` / `edit` ("id" too when editing), or None when cancelled."""

    def __init__(self, routine: Routine | None = None, weekday: int | None = None) -> None:
        title = t("routines.form.edit", title=routine.title()) if routine else ""
        super().__init__(title or t("routines.form.add"))
        self.routine = routine
        self.weekday = weekday

    def compose(self) -> ComposeResult:
        r = self.routine
        days = r.weekdays if r else ([self.weekday] if self.weekday is not None else [])
        with Vertical(classes="form", id="routines-form"):
            yield Label(self.form_title, classes="form-title")
            yield from self.field("routines.form.en", "routines-en", r.title_en if r else "")
            yield from self.field("routines.form.zh", "routines-zh", r.title_zh if r else "")
            yield from self.field("routines.form.weekdays", "routines-days", weekdays_text(days))
            start = r.start if r else "09:00"
            yield from self.field("routines.form.start", "routines-start", start)
            yield from self.field(
                "routines.form.minutes", "routines-minutes", str(r.minutes if r else 60)
            )
            yield Label(t("routines.form.checklist"), classes="field-label routines-check-label")
            yield TextArea(
                checklist_text(r.checklist) if r else "", id="routines-checklist", compact=True
            )
            yield Label("", classes="form-error")
            yield Label(t("routines.form.hint"), classes="form-hint")

    def collect(self) -> dict[str, Any]:
        title_en, title_zh = self.text("routines-en"), self.text("routines-zh")
        if not (title_en or title_zh):
            raise FormError("routines-en", t("routines.bad.title"))
        raw_days = self.text("routines-days")
        try:
            days = parse_weekdays(raw_days)
        except ValueError as exc:
            raise FormError("routines-days", t("routines.bad.weekdays", value=str(exc))) from None
        if not days:
            raise FormError("routines-days", t("routines.bad.no_weekdays"))
        raw_minutes = self.text("routines-minutes")
        try:
            minutes = parse_minutes(raw_minutes)
        except ValueError:
            bad = t("routines.bad.minutes", value=raw_minutes)
            raise FormError("routines-minutes", bad) from None
        checklist = parse_checklist(self.query_one("#routines-checklist", TextArea).text)
        values: dict[str, Any] = {
            "title_en": title_en,
            "title_zh": title_zh,
            "weekdays": days,
            "start": self._checked("routines-start", "start", self.text("routines-start")),
            "minutes": self._checked("routines-minutes", "minutes", minutes, "range"),
            "checklist": checklist,
        }
        if self.routine is not None:
            values["id"] = self.routine.id
        return values

    def _checked(self, field_id: str, name: str, value: Any, label: str = "") -> Any:
        """One field through the domain's validation; its sentence becomes the error."""
        try:
            return validate({name: value})[name]
        except InvalidError as exc:
            key = f"routines.bad.{label or name}"
            raise FormError(field_id, t(key, reason=str(exc), value=value)) from None


def changed_fields(routine: Routine, values: dict[str, Any]) -> dict[str, Any]:
    """The form's values that differ from `routine` (an unchanged save writes nothing,
    so the calendar export's SEQUENCE only rises on a real edit)."""
    return {
        name: value
        for name, value in values.items()
        if name != "id" and getattr(routine, name) != value
    }
