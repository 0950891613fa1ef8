"""The 周报's goals block (part 1): the quarter's objectives and key results with their
progress and status, as the goals screen measures them (seed 001's KPI completion).

The quarter is the one the reference day falls in (today, or the week's Sunday for a
week that is over), and progress is measured on that day: a past week's report shows
how far behind the line the quarter was then, with the work's state as it is now (the
report is built from the data as it is now, as everywhere in it)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from cockpit.goals import book, measure, words
from cockpit.goals.quarters import quarter_of
from cockpit.report.render import Block, Line, label

if TYPE_CHECKING:
    from cockpit.items.workspace import Workspace
    from cockpit.report.parts import Span


def goals_block(ws: Workspace, span: Span, lang: str) -> Block:
    """`Objectives 2026-Q4`: one line per objective, its key results under it."""
    day = min(ws.clock.today(), (span.end - dt.timedelta(days=1)).date())
    quarter = quarter_of(day)
    objectives = book.in_quarter(book.all_objectives(ws), quarter.key)
    lines: list[Line] = []
    for state in measure.assess(ws, objectives, day):
        lines.append(Line(words.objective_line(state, lang)))
        lines += [Line(words.kr_line(k, lang), level=1) for k in state.krs]
    return label(lang, "report.goals", quarter=quarter.key), lines
