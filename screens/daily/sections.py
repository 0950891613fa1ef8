"""Daily-screen sections fed by other areas: overdue launch items and high-risk
features in the key panel, the metrics summary line, and the agenda's checklist ticks."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from rich.text import Text

from cockpit.calendar.routines import RoutineBook
from cockpit.core.i18n import language, relative_day, t
from cockpit.goals import book as goals
from cockpit.goals.measure import assess
from cockpit.goals.quarters import quarter_of
from cockpit.goals.words import daily_summary
from cockpit.metrics.book import all_rows
from cockpit.metrics.trends import daily_lines
from cockpit.planning import launches, progress, requirements
from cockpit.planning.launches import overdue
from cockpit.screens.daily import forms as daily_forms
from cockpit.screens.daily.agenda_rows import RISK_BASE, checklist_ref, followup_ref, risk_ref
from cockpit.screens.safe import say
from cockpit.screens.widgets.rowline import Row

if TYPE_CHECKING:
    from cockpit.items.workspace import Workspace
    from cockpit.screens.daily.screen import DailyScreen

LAUNCH_STRIDE = 1000  # key-panel refs of launch items: -(launch id * 1000 + item no)


def launch_rows(ws: Workspace, today: dt.date) -> list[Row]:
    """Overdue launch checklist items, shown with the key items (seed 003's launch)."""

    rows = []
    for task in overdue(ws, today):
        label = t("launch.task", launch=task.launch, title=task.title)
        title = Text("⚑ ", style="red") + Text(label)
        meta = Text(t("meta.overdue", when=relative_day(task.due, today)), style="bold red")
        rows.append(Row(-(task.launch_id * LAUNCH_STRIDE + task.no), title, meta))
    return rows + risk_rows(ws)


def risk_rows(ws: Workspace) -> list[Row]:
    """Planned or in-development features at high risk (seed 000's Monday meeting asks
    for each one's progress and risk): `▲ #12 HNSW index — risk: upstream patch`, with
    progress and expected date; enter opens the pool sorted by risk."""
    rows = []
    for req in progress.high_risk(requirements.all_requirements(ws)):
        title = Text("▲ ", style="bold red") + Text(f"#{req.id} {req.title}")
        if req.risk_reason:
            title.append(" — " + t("daily.risk", reason=req.risk_reason), style="red")
        when = req.expected[5:] if req.expected else "-"
        meta = Text(t("daily.risk_meta", progress=f"{req.progress}%", expected=when), "red")
        rows.append(Row(-(RISK_BASE + req.id), title, meta))
    return rows


def goals_line(ws: Workspace) -> str:
    """The quarter's objectives in one phrase (`OKR 2026-Q4 45% · 2 at risk`), "" when
    none is set for this quarter: the first thing on the metrics line."""

    today = ws.clock.today()
    quarter = quarter_of(today)
    objectives = goals.in_quarter(goals.all_objectives(ws), quarter.key)
    if not objectives:
        return ""
    return daily_summary(assess(ws, objectives, today), quarter, language())


def metrics_lines(ws: Workspace) -> list[str]:
    """One summary per metrics table with data ("revenue +8% MoM, 3rd month of growth")."""

    return daily_lines(all_rows(ws), ws.config.metrics.threshold, language())


def tick_checklist(screen: DailyScreen) -> bool:
    """`x` on the agenda: ticks a checklist line for today, or logs a touch on a
    customer's follow-up; False when the agenda is not focused."""

    panel = screen.focused_panel()
    if panel is None or panel.kind != "agenda":
        return False
    ref = panel.current_ref()
    if ref is not None and (customer_id := followup_ref(ref)) is not None:
        daily_forms.log_touch(screen, customer_id)  # as `x` on the customers panel
        return True
    target = checklist_ref(ref) if ref is not None else None
    if target is None:
        say(screen, t("note.not_here"), severity="warning")
        return True
    routine_id, index = target
    ws = screen.ws
    today = ws.clock.today()
    book = RoutineBook(ws)
    done = not book.checks(today).get(routine_id, [False] * (index + 1))[index]
    line = panel.row_at(panel.cursor_row).title.plain.strip()[2:]
    screen.change(
        lambda: book.check(routine_id, today, index, done),
        lambda _r: t("note.ticked" if done else "note.unticked", line=line),
    )
    return True


def launch_done(screen: DailyScreen) -> bool:
    """`x` on an overdue launch item in the key panel ticks it in its checklist."""

    panel = screen.focused_panel()
    ref = panel.current_ref() if panel is not None and panel.panel == "key" else None
    if ref is None or ref >= 0 or risk_ref(ref) is not None:
        return False
    launch_id, no = divmod(-ref, LAUNCH_STRIDE)
    ws = screen.ws
    screen.change(
        lambda: launches.check(ws, f"#{launch_id}", no, True),
        lambda item: t("note.launch_done", title=item.title),
    )
    return True
