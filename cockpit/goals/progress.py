"""Progress of objectives and key results against the straight line of their quarter.

Rules (pure; `cockpit.goals.measure` gathers the numbers from the workspace):
- A key result's progress is a fraction: value / target for a metric (or
  (value - start) / (target - start) with a start), done / counted for linked items or
  requirements. A metric may pass 100%; links cannot.
- The straight line runs from 0 on the quarter's first day to 1 after its last. Linked
  work follows it by the day (`Quarter.elapsed`); a metric, whose numbers come once a
  month, by the month (`Quarter.elapsed_months`: 1/3 once the first month is over), so a
  month not yet booked is not counted as behind.
- Status: `done` at 100%; else `upcoming` before the quarter, `missed` after it,
  `at-risk` when behind the line, `on-track` otherwise.
- An objective's progress is the mean of its key results' (each counted at most 100%);
  it is `done` when every key result is, `at-risk` when any is at risk or missed (and
  the quarter is still on), `missed` when its quarter ended undone, `empty` without
  key results.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from cockpit.goals.model import KeyResult, Objective
from cockpit.goals.quarters import Quarter

STATUSES = ("done", "on-track", "at-risk", "missed", "upcoming", "empty")
BEHIND = ("at-risk", "missed")


@dataclass(frozen=True)
class KrState:
    """A key result as measured today."""

    number: int
    kr: KeyResult
    value: float | None
    """The metric's value for the quarter (None: no month of it booked yet), or the
    linked work done."""
    total: float
    """The target, or how much linked work counts."""
    fraction: float
    expected: float
    status: str
    missing: tuple[int, ...] = ()
    """Linked ids no longer found (deleted items, requirements)."""

    @property
    def behind(self) -> bool:
        """At risk or missed."""
        return self.status in BEHIND

    def public(self) -> dict[str, Any]:
        """The JSON of `cockpit goals ls --json`."""
        return {
            "number": self.number,
            **self.kr.public(),
            "value": self.value,
            "total": self.total,
            "progress": round(self.fraction, 4),
            "expected": round(self.expected, 4),
            "status": self.status,
            "missing": list(self.missing),
        }


@dataclass(frozen=True)
class ObjectiveState:
    """An objective and its key results as measured today."""

    objective: Objective
    quarter: Quarter
    krs: tuple[KrState, ...]
    fraction: float
    expected: float
    status: str
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def behind(self) -> bool:
        """At risk or missed."""
        return self.status in BEHIND

    def public(self) -> dict[str, Any]:
        """The JSON of `cockpit goals ls --json`."""
        o = self.objective
        return {
            "id": o.id,
            "title": o.title,
            "quarter": o.quarter,
            "owner": o.owner,
            "progress": round(self.fraction, 4),
            "expected": round(self.expected, 4),
            "status": self.status,
            "key_results": [k.public() for k in self.krs],
            "created": o.created,
            "updated": o.updated,
        }


def metric_fraction(value: float | None, target: float, start: float = 0) -> float:
    """(value - start) / (target - start), never below 0; 0 without a value. A target
    equal to its start is met (1) or not (0)."""
    if value is None:
        return 0.0
    if target == start:
        return 1.0 if value >= target else 0.0
    return max(0.0, (value - start) / (target - start))


def count_fraction(done: int, total: int) -> float:
    """The share of linked work done (0 when nothing counts)."""
    return done / total if total else 0.0


def status_of(fraction: float, expected: float, quarter: Quarter, today: dt.date) -> str:
    """`done`, `upcoming`, `missed`, `at-risk` or `on-track` (see the module's rules)."""
    if fraction >= 1:
        return "done"
    if today < quarter.start:
        return "upcoming"
    if today > quarter.end:
        return "missed"
    return "at-risk" if fraction < expected else "on-track"


def objective_state(
    objective: Objective, quarter: Quarter, krs: list[KrState], today: dt.date
) -> ObjectiveState:
    """Sum up the key results of `objective` (see the module's rules)."""
    expected = quarter.elapsed(today)
    if not krs:
        return ObjectiveState(objective, quarter, (), 0.0, expected, "empty")
    fraction = sum(min(k.fraction, 1.0) for k in krs) / len(krs)
    if all(k.status == "done" for k in krs):
        status = "done"
    elif today < quarter.start:
        status = "upcoming"
    elif today > quarter.end:
        status = "missed"
    elif any(k.behind for k in krs):
        status = "at-risk"
    else:
        status = "on-track"
    return ObjectiveState(objective, quarter, tuple(krs), fraction, expected, status)
