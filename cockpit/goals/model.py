"""The records of goals: an objective for a quarter and its key results (seed 004's
OKR), each measured one of three ways (seed 001's "KPI completion").

- `metric`: a numeric column of a monthly metrics table against a target for the
  quarter; `sum` adds the quarter's months (营收 ≥ 6000万 for the quarter), `last` takes
  its latest month with a value (users ≥ 200 by the quarter's end). An optional
  `start` (the value the quarter starts from, e.g. 150 users) makes the progress
  (value - start) / (target - start).
- `items`: linked cockpit items; progress is the share done (dropped ones no longer
  count).
- `reqs`: linked requirements of the pool; released (or closed) ones are done,
  rejected ones no longer count.

An objective is one stored record (`planning.json`, table `objectives`) with its key
results inside, so a change to a key result is a change of its objective: one
transaction, one undo step, one `seq`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cockpit.core.model import Record

MEASURES = ("metric", "items", "reqs")
AGGREGATES = ("sum", "last")


@dataclass
class KeyResult:
    """One key result of an objective; `links` are item or requirement ids."""

    title: str
    measure: str = "metric"
    table: str = ""
    column: str = ""
    target: float = 0
    start: float = 0
    agg: str = "sum"
    links: list[int] = field(default_factory=list)

    def to_doc(self) -> dict[str, Any]:
        """The stored form: only what its measure uses."""
        doc: dict[str, Any] = {"title": self.title, "measure": self.measure}
        if self.measure == "metric":
            doc.update(table=self.table, column=self.column, target=self.target, agg=self.agg)
            if self.start:
                doc["start"] = self.start
        else:
            doc["links"] = list(self.links)
        return doc

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> KeyResult:
        """Build from its stored form (unknown keys ignored)."""
        return cls(
            title=str(doc.get("title", "")),
            measure=str(doc.get("measure", "metric")),
            table=str(doc.get("table", "")),
            column=str(doc.get("column", "")),
            target=_number(doc.get("target", 0)),
            start=_number(doc.get("start", 0)),
            agg=str(doc.get("agg", "sum")),
            links=[int(x) for x in doc.get("links", []) if isinstance(x, int)],
        )

    def public(self) -> dict[str, Any]:
        """The JSON shape of `cockpit goals ls --json` (before its progress)."""
        doc: dict[str, Any] = {"title": self.title, "measure": self.measure}
        if self.measure == "metric":
            doc.update(metric=f"{self.table}.{self.column}", agg=self.agg)
            doc.update(target=self.target, start=self.start)
        else:
            doc["links"] = list(self.links)
        return doc


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return 0
    return value


@dataclass
class Objective(Record):
    """An objective for `quarter` (`2026-Q4`) and its key results (stored as dicts)."""

    id: int = 0
    title: str = ""
    quarter: str = ""
    owner: str = ""
    krs: list[dict[str, Any]] = field(default_factory=list)
    created: str = ""
    updated: str = ""

    @property
    def key_results(self) -> list[KeyResult]:
        """The key results, in order (numbered from 1: `3.2` is objective 3's second)."""
        return [KeyResult.from_doc(d) for d in self.krs if isinstance(d, dict)]
