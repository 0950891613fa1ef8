"""Trends of the monthly metrics (seed 001: read the dashboard for growth and turning points).

Pure functions over a series: a mapping month ("2026-10") -> value. A month that is
not in the series is a gap; nothing is interpolated.

Growth rule: `growth(current, base) = (current - base) / |base|`, None when either is
missing or the base is zero (a change from nothing has no rate). Dividing by |base|
keeps the sign meaning "went up": -100 -> -50 is +50%, 50 -> -50 is -200%. MoM compares
with the previous calendar month, YoY with the same month a year before; a gap in
between gives None, never a comparison with an older month.

Inflection flags of a month: `turn` when its MoM and the previous month's MoM are both
known, non-zero and of opposite sign (a peak or a trough); `jump` when |MoM| is beyond
the threshold (config `[metrics] threshold`, 0.2 = 20%).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from cockpit.core.i18n import CATALOG, fill
from cockpit.metrics.specs import TABLES, MetricRow, TableSpec

Series = Mapping[str, float]
SPARK_MONTHS = 12


def shift_month(month: str, n: int) -> str:
    """`month` moved by `n` months ("2026-01", -1 -> "2025-12")."""
    index = int(month[:4]) * 12 + int(month[5:7]) - 1 + n
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def series(rows: Iterable[MetricRow], column: str) -> dict[str, float]:
    """Month -> value of `column`; several rows in a month (ops, projects) are summed.

    A month whose rows all leave the column empty is a gap, not a zero.
    """
    out: dict[str, float] = {}
    for row in rows:
        value = row.number(column)
        if value is not None:
            out[row.month] = out.get(row.month, 0.0) + value
    return out


def growth(current: float | None, base: float | None) -> float | None:
    """(current - base) / |base|; None when either is missing or the base is zero."""
    if current is None or base is None or base == 0:
        return None
    return (current - base) / abs(base)


def mom(values: Series, month: str) -> float | None:
    """Month-over-month growth of `month`."""
    return growth(values.get(month), values.get(shift_month(month, -1)))


def yoy(values: Series, month: str) -> float | None:
    """Year-over-year growth of `month`."""
    return growth(values.get(month), values.get(shift_month(month, -12)))


def sparkline(values: Series, end: str, count: int = SPARK_MONTHS) -> list[float | None]:
    """The `count` months ending with `end`, oldest first, None for gaps."""
    return [values.get(shift_month(end, n)) for n in range(1 - count, 1)]


BARS = "▁▂▃▄▅▆▇█"


def spark_text(points: list[float | None]) -> str:
    """Sparkline data as block characters for plain text (a space for a gap)."""
    known = [p for p in points if p is not None]
    if not known:
        return " " * len(points)
    low, span = min(known), (max(known) - min(known)) or 1.0
    top = len(BARS) - 1
    return "".join(" " if p is None else BARS[round((p - low) / span * top)] for p in points)


def _sign(x: float | None) -> int:
    return 0 if not x else (1 if x > 0 else -1)


def flags(values: Series, month: str, threshold: float) -> frozenset[str]:
    """The inflection flags of `month`: "turn" and/or "jump" (see the module's rule)."""
    now, before = mom(values, month), mom(values, shift_month(month, -1))
    out: set[str] = set()
    if _sign(now) and _sign(before) and _sign(now) != _sign(before):
        out.add("turn")
    if now is not None and abs(now) > threshold:
        out.add("jump")
    return frozenset(out)


def streak(values: Series, month: str) -> int:
    """Months in a row of growth (positive) or decline (negative) ending with `month`.

    0 when the month's MoM is unknown or zero; a gap or a flat month ends a run.
    """
    sign = _sign(mom(values, month))
    n = 0
    while sign and _sign(mom(values, shift_month(month, -n))) == sign:
        n += 1
    return n * sign


@dataclass(frozen=True)
class ColumnTrend:
    """Everything the metrics screen shows for one numeric column in one month."""

    column: str
    month: str
    value: float | None
    mom: float | None
    yoy: float | None
    spark: list[float | None]
    flags: frozenset[str]
    streak: int

    def public(self) -> dict[str, Any]:
        """The JSON of `metrics show --json` (flags as a sorted list)."""
        return {**asdict(self), "flags": sorted(self.flags)}


def column_trend(values: Series, column: str, month: str, threshold: float) -> ColumnTrend:
    """The trend of one column as of `month`."""
    return ColumnTrend(
        column=column,
        month=month,
        value=values.get(month),
        mom=mom(values, month),
        yoy=yoy(values, month),
        spark=sparkline(values, month),
        flags=flags(values, month, threshold),
        streak=streak(values, month),
    )


def as_spec(table: TableSpec | str) -> TableSpec:
    """A spec as given, or the built-in table of that name."""
    return table if isinstance(table, TableSpec) else TABLES[table]


def table_trends(
    table: TableSpec | str, rows: list[MetricRow], threshold: float, month: str | None = None
) -> list[ColumnTrend]:
    """Trends of every numeric column of `table` as of `month` (default: its latest)."""
    if not rows:
        return []
    month = month or max(r.month for r in rows)
    numeric = as_spec(table).numeric
    return [column_trend(series(rows, c), c, month, threshold) for c in numeric]


# the chart ----------------------------------------------------------------------------
def months_between(first: str, last: str) -> list[str]:
    """Every month from `first` to `last`, both included ("2026-11", "2027-01": three)."""
    out, month = [], first
    while month <= last:
        out.append(month)
        month = shift_month(month, 1)
    return out


def turning_points(values: Series) -> list[str]:
    """The months of `values` that are turning points (flag `turn`: a peak or a
    trough), oldest first."""
    return [m for m in sorted(values) if "turn" in flags(values, m, float("inf"))]


def compact_number(value: float) -> str:
    """A chart axis label, short and ASCII in every language: 42, 3.5k, 1.2M, 4B."""
    size = abs(value)
    for limit, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if size >= limit:
            text = f"{value / limit:.1f}".rstrip("0").rstrip(".")
            return f"{text}{suffix}"
    return f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))


# the daily line -----------------------------------------------------------------------
def summary(table: TableSpec | str, rows: list[MetricRow], threshold: float) -> ColumnTrend | None:
    """The trend of the table's headline column in its latest month with a value."""
    headline = as_spec(table).headline
    values = series(rows, headline)
    if not values:
        return None
    return column_trend(values, headline, max(values), threshold)


def _label(key: str, lang: str, **kwargs: object) -> str:
    en, zh = CATALOG[key]
    return fill(zh if lang == "zh" else en, kwargs)


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def percent(share: float) -> str:
    """+8%, -12%, +0.4% (a decimal only below 1%, where rounding would say 0%)."""
    pct = share * 100
    text = f"{pct:+.1f}" if abs(pct) < 1 else f"{pct:+.0f}"
    return f"{text}%"


def format_number(value: float) -> str:
    """1,234,567 or 1,234.5: thousands separated, no float noise."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0")


def summary_line(
    table: TableSpec | str, trend: ColumnTrend, lang: str = "en", name: str | None = None
) -> str:
    """One line for the daily screen, e.g. "revenue 2026-10 +8% MoM, 3rd month of growth"
    (`name` words another column than the table's headline: "churned users …")."""
    name = name or as_spec(table).title(lang)
    if trend.mom is None:
        value = format_number(trend.value or 0.0)
        return _label("trend.line.nobase", lang, table=name, month=trend.month, value=value)
    if trend.mom == 0:
        return _label("trend.line.flat", lang, table=name, month=trend.month)
    n = abs(trend.streak)
    up = trend.streak > 0
    pct = percent(trend.mom)
    if n == 1 and "turn" in trend.flags:
        run = _label("trend.turned_up" if up else "trend.turned_down", lang)
    elif n == 1 and _after_flat(trend):
        run = _label("trend.flat_up" if up else "trend.flat_down", lang)
    elif n == 1:
        # The first month that can be compared: "1st month of growth" (连续第1个月) only
        # repeats what the sign of the MoM says.
        run = ""
    else:
        run = _label("trend.growth_n" if up else "trend.decline_n", lang, n=n, nth=ordinal(n))
    if run:
        line = _label("trend.line", lang, table=name, month=trend.month, pct=pct, streak=run)
    else:
        line = _label("trend.line.first", lang, table=name, month=trend.month, pct=pct)
    # A turn shows in the wording already (it is always a run of one); a big move is
    # marked, since "+45% MoM" beyond the threshold is what the PM must not miss.
    if "jump" in trend.flags:
        line += _label("trend.line.jump", lang)
    return line


def _after_flat(trend: ColumnTrend) -> bool:
    """Whether the month before `trend`'s was flat (the same value as the one before it):
    a run of one that starts there is a turn out of a standstill, not a first month."""
    before, previous = trend.spark[-3:-1] if len(trend.spark) >= 3 else (None, None)
    return before is not None and previous is not None and before == previous


def daily_lines(
    rows_by_table: Mapping[str, list[MetricRow]], threshold: float, lang: str = "en"
) -> list[str]:
    """One summary line per table that has data, in table order.

    Feed it `cockpit.metrics.book.all_rows(ws)` and `ws.config.metrics.threshold`; a
    table of one's own is known by its rows (a table without rows has no line).
    """
    out = []
    for rows in rows_by_table.values():
        if not rows:
            continue
        spec = rows[0].spec
        trend = summary(spec, rows, threshold)
        if trend is not None:
            out.append(summary_line(spec, trend, lang))
    return out
