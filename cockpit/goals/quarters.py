"""Calendar quarters, the period objectives are set for (seed 004's OKR, seed 001's KPI
completion): reading one as a user types it, its days and months, and how much of it
has gone by on the workspace clock.

A quarter is written `2026-Q4` (stored and printed so). It runs from the first day of
its first month to the last day of its third month, in the clock's zone (the clock
gives dates, so no time zone arithmetic happens here).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from cockpit.core.errors import InvalidError

_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# 2026-Q4, 2026Q4, 2026 q4, Q4 2026, q4, 2026年Q4, 2026年第4季度, 2026年第四季度, 第四季度
_FORMS = (
    re.compile(r"(?P<y>\d{4})\s*[-/ ]?\s*[qQ](?P<q>[1-4])"),
    re.compile(r"[qQ](?P<q>[1-4])(?:\s*[-/ ]?\s*(?P<y>\d{4}))?"),
    re.compile(r"(?:(?P<y>\d{4})\s*年?\s*)?[qQ](?P<q>[1-4])"),
    re.compile(r"(?:(?P<y>\d{4})\s*年\s*)?第?(?P<q>[1-4一二三四])\s*季度?"),
)
_RELATIVE = {
    "this": 0, "current": 0, "now": 0, "本季度": 0, "本季": 0, "当季": 0,
    "next": 1, "下季度": 1, "下季": 1, "下个季度": 1,
    "last": -1, "previous": -1, "上季度": -1, "上季": -1, "上个季度": -1,
}  # fmt: skip


@dataclass(frozen=True, order=True)
class Quarter:
    """One calendar quarter (`year`, `number` 1-4)."""

    year: int
    number: int

    @property
    def key(self) -> str:
        """How it is stored and printed: `2026-Q4`."""
        return f"{self.year:04d}-Q{self.number}"

    def __str__(self) -> str:
        return self.key

    @property
    def start(self) -> dt.date:
        """Its first day."""
        return dt.date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> dt.date:
        """Its last day."""
        return self.shift(1).start - dt.timedelta(days=1)

    @property
    def days(self) -> int:
        """How many days it has (90 to 92)."""
        return (self.end - self.start).days + 1

    @property
    def months(self) -> tuple[str, str, str]:
        """Its three months as the metric tables name them (`2026-10`, …)."""
        first = 3 * self.number - 2
        return tuple(f"{self.year:04d}-{first + n:02d}" for n in range(3))  # type: ignore[return-value]

    def shift(self, n: int) -> Quarter:
        """The quarter `n` quarters later (earlier for a negative `n`)."""
        index = self.year * 4 + self.number - 1 + n
        return Quarter(index // 4, index % 4 + 1)

    def elapsed(self, today: dt.date) -> float:
        """The straight line from its start (0) to its end (1) on `today`: the share of
        its days gone by before today (today is still under way). 0 before the quarter,
        1 after it."""
        if today <= self.start:
            return 0.0
        if today > self.end:
            return 1.0
        return (today - self.start).days / self.days

    def elapsed_months(self, today: dt.date) -> float:
        """The same line read at month ends, as monthly numbers can follow it: the
        share of its months that ended before today (0, 1/3, 2/3 or 1)."""
        if today > self.end:
            return 1.0
        done = sum(1 for m in self.months if _month_end(m) < today)
        return done / 3

    def holds(self, day: dt.date) -> bool:
        """True when `day` falls in the quarter."""
        return self.start <= day <= self.end


def _month_end(month: str) -> dt.date:
    year, number = int(month[:4]), int(month[5:7])
    following = dt.date(year + number // 12, number % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def quarter_of(day: dt.date) -> Quarter:
    """The quarter `day` falls in."""
    return Quarter(day.year, (day.month - 1) // 3 + 1)


def parse_quarter(text: str, today: dt.date) -> Quarter:
    """A quarter as a user types it: `2026-Q4`, `2026Q4`, `Q4` (this year), `Q4 2026`,
    `2026年Q4`, `2026年第四季度`, `this` / `next` / `last` (本季度, 下季度, 上季度).

    Raises:
        InvalidError: not a quarter; the sentence shows how one is written.
    """
    raw = text.strip()
    shift = _RELATIVE.get(raw.casefold())
    if shift is not None:
        return quarter_of(today).shift(shift)
    for form in _FORMS:
        match = form.fullmatch(raw)
        if match:
            year = int(match["y"]) if match["y"] else today.year
            if 1900 <= year <= 9999:
                return Quarter(year, _DIGITS[match["q"]])
    raise InvalidError("err.goal.quarter", text=raw)
