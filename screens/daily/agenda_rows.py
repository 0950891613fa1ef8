"""Rows of the daily screen's agenda panel: today's routines with their checklists,
events and dated work, then the next days.

Row refs encode what a row is, so `x` knows what to do: a routine's checklist line is
`routine_id * 1000 + line + 1` (positive, ticked), a routine itself `routine_id * 1000`,
a customer's follow-up `-(FOLLOWUP + customer id)` (logs a touch, as on the customers
panel), and other rows (events, dated items, day headers) small negative refs. The key
panel's high-risk features are `-(RISK_BASE + requirement id)`.

A checklist line that names a screen links to it (`LINKS`, marked ↗; enter opens it):
the Monday meeting's "planned features: owner, progress, risk" opens the requirement
pool sorted by risk, its "opportunities and churn" the customers' big deals. The line
is matched by its text (either language), so a line the user rewrote is theirs.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from rich.text import Text

from cockpit.calendar.agenda import AgendaEntry, agenda
from cockpit.calendar.routines import RoutineBook
from cockpit.core.i18n import language, t
from cockpit.core.labels.calendar import LABELS
from cockpit.core.routine import Routine
from cockpit.screens.widgets.rowline import Row

if TYPE_CHECKING:
    from cockpit.items.workspace import Workspace

STRIDE = 1000
FOLLOWUP = 1_000_000_000  # above any count of agenda rows, so the two ranges never meet
RISK_BASE = 10**12  # key-panel refs of high-risk features, below every launch item's
LINKS = {
    LABELS["routine.mon_meeting.1"]: "requirements:risk",
    LABELS["routine.mon_meeting.5"]: "customers:deals",
}
_LINKED = {text: view for pair, view in LINKS.items() for text in pair}


def risk_ref(ref: int) -> int | None:
    """The requirement id of a high-risk feature's key-panel ref, else None."""
    return -ref - RISK_BASE if ref <= -RISK_BASE else None


def line_view(routine: Routine, index: int) -> str | None:
    """The screen checklist line `index` of `routine` links to, if any."""
    if not 0 <= index < len(routine.checklist):
        return None
    en, zh = routine.checklist[index]
    return _LINKED.get(en) or _LINKED.get(zh)


def linked_view(ws: Workspace, ref: int) -> str | None:
    """The screen an agenda row's checklist line links to (None: not a linked line)."""
    target = checklist_ref(ref)
    if target is None:
        return None
    routine_id, index = target
    try:
        routine = RoutineBook(ws).get(routine_id)
    except LookupError:
        return None
    return line_view(routine, index)


def followup_ref(ref: int) -> int | None:
    """The customer id of a follow-up row's ref, else None."""
    return -ref - FOLLOWUP if ref <= -FOLLOWUP else None


def checklist_ref(ref: int) -> tuple[int, int] | None:
    """(routine id, line index) for a checklist row's ref, else None."""
    if ref <= 0 or ref % STRIDE == 0:
        return None
    return ref // STRIDE, ref % STRIDE - 1


def agenda_rows(ws: Workspace, today: dt.date, days: int) -> list[Row]:
    """The agenda panel's rows for `days` days from `today`."""
    entries = agenda(ws, today, days)
    book = RoutineBook(ws)
    routines = {r.id: r for r in book.for_day(today)}
    ticks = book.checks(today)
    lang = language()
    rows: list[Row] = []
    other = 0
    shown_day: dt.date | None = today
    for entry in entries:
        if entry.day != shown_day:
            shown_day = entry.day
            other -= 1
            head = f"{t(f'weekday.{entry.day.weekday()}')} {entry.day.isoformat()}"
            rows.append(Row(other, Text(head, style="bold dim"), Text("")))
        if entry.source == "routine" and entry.day == today and entry.ref in routines:
            routine = routines[entry.ref]
            done = ticks.get(routine.id, [])
            rows.append(_line(entry, routine.id * STRIDE, f"{sum(done)}/{len(done)}"))
            for n, line in enumerate(routine.checklist_in(lang)):
                mark = "☑" if n < len(done) and done[n] else "☐"
                style = "dim" if n < len(done) and done[n] else ""
                title = Text(f"   {mark} {line}", style=style)
                # The mark sits in the meta column, so a clipped line still shows it.
                link = Text("↗", "bold cyan") if line_view(routine, n) is not None else Text("")
                rows.append(Row(routine.id * STRIDE + n + 1, title, link))
            continue
        if entry.source == "followup" and entry.ref is not None:
            rows.append(_line(entry, -(FOLLOWUP + entry.ref), ""))
            continue
        other -= 1
        rows.append(_line(entry, other, ""))
    return rows


def _line(entry: AgendaEntry, ref: int, meta: str) -> Row:
    when = entry.start.strftime("%H:%M") if entry.start else t("agenda.all_day")
    style = {"routine": "bold", "item": "cyan", "followup": "magenta"}.get(entry.source, "")
    title = Text(f"{when} ", style="dim") + Text(entry.title, style=style)
    source = entry.source if entry.source not in ("routine", "item", "followup") else ""
    meta_text = Text(meta or source, style="dim")
    return Row(ref, title, meta_text)
