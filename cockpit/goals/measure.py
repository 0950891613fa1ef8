"""Measuring objectives on the workspace: the monthly metric tables, the items and the
requirement pool, read once per call, judged by `cockpit.goals.progress`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from cockpit.core.errors import InvalidError, NotFoundError
from cockpit.goals.model import KeyResult, Objective
from cockpit.goals.progress import (
    KrState,
    ObjectiveState,
    count_fraction,
    metric_fraction,
    objective_state,
    status_of,
)
from cockpit.goals.quarters import Quarter, parse_quarter
from cockpit.metrics import book as metrics
from cockpit.metrics.trends import series
from cockpit.planning import requirements

if TYPE_CHECKING:
    from cockpit.items.workspace import Workspace

REQ_DONE = ("released", "closed")


class _Sources:
    """What the key results read, each loaded on first use and kept for the call."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self._series: dict[tuple[str, str], dict[str, float]] = {}
        self._reqs: dict[int, str] | None = None

    def series(self, table: str, column: str) -> dict[str, float]:
        key = (table, column)
        if key not in self._series:
            try:
                rows = metrics.rows(self.ws, table)
            except InvalidError:  # a table of one's own taken out of the config since
                rows = []
            self._series[key] = series(rows, column)
        return self._series[key]

    def item_status(self, item_id: int) -> str | None:
        try:
            return self.ws.get(item_id).status
        except NotFoundError:
            return None

    def req_status(self, req_id: int) -> str | None:
        if self._reqs is None:
            self._reqs = {r.id: r.status for r in requirements.all_requirements(self.ws)}
        return self._reqs.get(req_id)


def metric_value(values: dict[str, float], kr: KeyResult, quarter: Quarter) -> float | None:
    """The quarter's value of a metric: the sum of its months, or its latest booked
    month (`last`); None when no month of the quarter has a value."""
    booked = [values[m] for m in quarter.months if m in values]
    if not booked:
        return None
    return booked[-1] if kr.agg == "last" else sum(booked)


def kr_state(
    sources: _Sources, number: int, kr: KeyResult, quarter: Quarter, today: dt.date
) -> KrState:
    """One key result measured today."""
    if kr.measure == "metric":
        value = metric_value(sources.series(kr.table, kr.column), kr, quarter)
        fraction = metric_fraction(value, kr.target, kr.start)
        expected = quarter.elapsed_months(today)
        status = status_of(fraction, expected, quarter, today)
        return KrState(number, kr, value, kr.target, fraction, expected, status)
    look = sources.item_status if kr.measure == "items" else sources.req_status
    done_words = ("done",) if kr.measure == "items" else REQ_DONE
    gone_words = ("dropped",) if kr.measure == "items" else ("rejected",)
    done = counted = 0
    missing = []
    for ref in kr.links:
        state = look(ref)
        if state is None:
            missing.append(ref)
        elif state not in gone_words:
            counted += 1
            done += state in done_words
    fraction = count_fraction(done, counted)
    expected = quarter.elapsed(today)
    status = status_of(fraction, expected, quarter, today) if counted else "upcoming"
    if counted == 0 and quarter.start <= today:
        status = "missed" if today > quarter.end else "at-risk"  # nothing left to do it with
    return KrState(number, kr, done, counted, fraction, expected, status, tuple(missing))


def assess(
    ws: Workspace, objectives: Iterable[Objective], today: dt.date | None = None
) -> list[ObjectiveState]:
    """Every objective measured on `today` (default: the workspace clock's)."""
    day = today or ws.clock.today()
    sources = _Sources(ws)
    out = []
    for o in objectives:
        quarter = parse_quarter(o.quarter, day)
        krs = [kr_state(sources, n, kr, quarter, day) for n, kr in enumerate(o.key_results, 1)]
        out.append(objective_state(o, quarter, krs, day))
    return out
