"""Shares by dimension (seed 001: users and revenue by version, architecture, region,
industry and delivery form, each as a share of the whole, and how the shares moved).

A dimension is the per-month key of a table (`TableSpec.key`: the extension of the
extension-usage table, the architecture of a deployments table, the activity of ops).
For one numeric column and one month, each key's share is its value over the month's
total; the move is the share against the previous calendar month, in percentage points.

Rounding is explicit: shares are shown to a tenth of a percent, and the shown shares of
a month always add up to exactly 100.0% (largest remainder: every key gets its share
rounded down, and the tenths left over go to the keys with the largest remainders). A
move is the difference of the two *shown* shares, so what is on screen adds up too.

A key found in only one of the two months has a share of 0 in the other (new this
month, or gone). A row that leaves the column empty is not counted. A month with a
negative value, or a total of zero, has no shares for that column (a share of a
negative whole means nothing): `ColumnShares.reason` says which.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from cockpit.metrics.specs import MetricRow, TableSpec
from cockpit.metrics.trends import shift_month

UNITS = 1000
"""A month's whole in shown units: tenths of a percent."""
MOVERS = 3


@dataclass(frozen=True)
class Share:
    """One key's share of one month's total."""

    key: str
    value: float
    """This month's value (0 when the key had none this month)."""
    share: float
    """The exact fraction of the total, 0 to 1."""
    pct: float
    """The shown share in percent, one decimal; a month's `pct`s add up to 100.0."""
    before: float | None
    """Last month's shown share in percent; None when last month has no shares."""
    move: float | None
    """`pct - before` in percentage points (None without a base)."""


@dataclass(frozen=True)
class ColumnShares:
    """The shares of one numeric column in one month."""

    column: str
    month: str
    total: float
    shares: list[Share] = field(default_factory=list)
    """Largest share first (then by key)."""
    reason: str | None = None
    """Why there are no shares: "negative" or "zero" (None when there are)."""

    def movers(self, count: int = MOVERS) -> list[Share]:
        """The keys whose share moved most (either way), biggest move first."""
        moved = [s for s in self.shares if s.move]
        moved.sort(key=lambda s: (-abs(s.move or 0.0), -(s.move or 0.0), s.key.casefold()))
        return moved[:count]

    def public(self) -> dict[str, Any]:
        """The JSON of `metrics show --shares --json`."""
        return {
            "column": self.column,
            "month": self.month,
            "total": self.total,
            "reason": self.reason,
            "shares": [asdict(s) for s in self.shares],
            "movers": [s.key for s in self.movers()],
        }


def month_values(rows: Iterable[MetricRow], column: str, month: str) -> dict[str, float]:
    """Key -> value of `column` in `month` (keys compared case-insensitively, the row's
    spelling kept); rows without a value are left out."""
    out: dict[str, float] = {}
    names: dict[str, str] = {}
    for row in rows:
        value = row.number(column)
        if row.month != month or value is None:
            continue
        folded = row.key.casefold()
        names.setdefault(folded, row.key)
        out[names[folded]] = out.get(names[folded], 0.0) + value
    return out


def largest_remainder(values: dict[str, float], units: int = UNITS) -> dict[str, int]:
    """Each key's part of `units`, proportional to its value, adding up to `units`.

    Every key gets its exact part rounded down; the units left over go one each to the
    keys with the largest remainders (ties: the larger value, then the key's name).
    """
    total = sum(values.values())
    exact = {k: v / total * units for k, v in values.items()}
    out = {k: math.floor(x) for k, x in exact.items()}
    left = units - sum(out.values())
    order = sorted(values, key=lambda k: (-(exact[k] - out[k]), -values[k], k.casefold()))
    for k in order[:left]:
        out[k] += 1
    return out


def _shown(values: dict[str, float]) -> tuple[dict[str, int] | None, str | None]:
    """Shown units per key, or None and the reason there are none."""
    if any(v < 0 for v in values.values()):
        return None, "negative"
    if not values or sum(values.values()) == 0:
        return None, "zero"
    return largest_remainder(values), None


def column_shares(rows: list[MetricRow], column: str, month: str) -> ColumnShares:
    """The shares of `column` in `month`, with their moves against the month before."""
    now = month_values(rows, column, month)
    before = month_values(rows, column, shift_month(month, -1))
    total = sum(now.values())
    units, reason = _shown(now)
    if units is None:
        return ColumnShares(column, month, total, [], reason)
    base, _ = _shown(before)
    spelled = {k.casefold(): k for k in (*before, *now)}  # this month's spelling wins
    keys = [spelled[f] for f in dict.fromkeys(k.casefold() for k in (*now, *before))]
    folded_before = {k.casefold(): u for k, u in (base or {}).items()}
    folded_now = {k.casefold(): u for k, u in units.items()}
    folded_value = {k.casefold(): v for k, v in now.items()}
    shares = []
    for key in keys:
        f = key.casefold()
        pct_units = folded_now.get(f, 0)
        was = folded_before.get(f, 0) if base is not None else None
        value = folded_value.get(f, 0.0)
        shares.append(
            Share(
                key=key,
                value=value,
                share=value / total,
                pct=pct_units / 10,
                before=None if was is None else was / 10,
                move=None if was is None else (pct_units - was) / 10,
            )
        )
    shares.sort(key=lambda s: (-s.pct, -s.value, s.key.casefold()))
    return ColumnShares(column, month, total, shares)


def table_shares(
    spec: TableSpec, rows: list[MetricRow], month: str | None = None
) -> list[ColumnShares]:
    """The shares of every numeric column of a keyed table as of `month` (default: its
    latest); [] for a table without a per-month key or without rows."""
    if spec.key is None or not rows:
        return []
    month = month or max(r.month for r in rows)
    return [column_shares(rows, column, month) for column in spec.numeric]
