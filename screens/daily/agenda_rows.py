"""Rows of the daily screen's agenda panel: today's routines with their checklists,
events and dated work, then the next days.

Row refs encode what a row is, so `x` knows what to do: a routine's checklist line is
`routine_id * 1000 + line + 1` (positive, ticked), a routine itself `routine_id * 1000`,
a customer's follow-up `-(FOLLOWUP + customer id)` (logs a touch, as on the customers
panel), and other rows (events, dated items, day headers) small negative refs.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from rich.text import Text

from cockpit.calendar.agenda import AgendaEntry, agenda
from cockpit.calendar.routines import RoutineBook
from cockpit.core.i18n import language, t
from cockpit.screens.widgets.panels import Row

if TYPE_CHECKING:
    from cockpit.items.workspace import Workspace

STRIDE = 1000
FOLLOWUP = 1_000_000_000  # above any count of agenda rows, so the two ranges never meet


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
                rows.append(Row(routine.id * STRIDE + n + 1, title, Text("")))
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
