"""Growth, inflection, streaks, sparkline data and the daily line on hand-computed series."""

from __future__ import annotations

import pytest

from cockpit.metrics import trends
from cockpit.metrics.book import MetricRow

# Gaps (2026-01, 2026-07..09), a zero (2026-02) and negative values (2026-04..06).
ROUGH = {
    "2025-10": 100.0,
    "2025-11": 120.0,
    "2025-12": 90.0,
    "2026-02": 0.0,
    "2026-03": 50.0,
    "2026-04": -50.0,
    "2026-05": -25.0,
    "2026-06": -25.0,
    "2026-10": 110.0,
}


def revenue(values: dict[str, float | None]) -> list[MetricRow]:
    return [
        MetricRow(n, "revenue", month, {} if cash is None else {"cash": cash})
        for n, (month, cash) in enumerate(sorted(values.items()), 1)
    ]


@pytest.mark.parametrize(
    ("month", "moved", "n"),
    [("2026-01", -1, "2025-12"), ("2025-12", 1, "2026-01"), ("2026-10", -12, "2025-10"),
     ("2026-03", 22, "2028-01"), ("2026-03", 0, "2026-03")],
)  # fmt: skip
def test_shift_month(month: str, moved: int, n: str) -> None:
    assert trends.shift_month(month, moved) == n


def test_growth_rule() -> None:
    assert trends.growth(120, 100) == pytest.approx(0.2)
    assert trends.growth(90, 120) == pytest.approx(-0.25)
    assert trends.growth(-50, -100) == pytest.approx(0.5)  # less negative is up
    assert trends.growth(-50, 50) == pytest.approx(-2.0)
    assert trends.growth(50, -50) == pytest.approx(2.0)
    assert trends.growth(0, 100) == pytest.approx(-1.0)
    assert trends.growth(100, 0) is None  # from nothing: no rate
    assert trends.growth(0, 0) is None
    assert trends.growth(None, 100) is None
    assert trends.growth(100, None) is None


@pytest.mark.parametrize(
    ("month", "expected"),
    [
        ("2025-10", None),  # no earlier month
        ("2025-11", 0.2),
        ("2025-12", -0.25),
        ("2026-01", None),  # a gap itself
        ("2026-02", None),  # the month before is a gap: never compared with December
        ("2026-03", None),  # base zero
        ("2026-04", -2.0),  # 50 -> -50
        ("2026-05", 0.5),  # -50 -> -25
        ("2026-06", 0.0),  # flat
        ("2026-10", None),  # after a three-month gap
    ],
)
def test_mom_on_a_rough_series(month: str, expected: float | None) -> None:
    got = trends.mom(ROUGH, month)
    assert got == (pytest.approx(expected) if expected is not None else None)


def test_yoy_compares_the_same_month_a_year_before() -> None:
    assert trends.yoy(ROUGH, "2026-10") == pytest.approx(0.1)
    assert trends.yoy(ROUGH, "2026-11") is None
    assert trends.yoy(ROUGH, "2026-06") is None  # 2025-06 missing


def test_sparkline_is_twelve_calendar_months_with_gaps() -> None:
    assert trends.sparkline(ROUGH, "2026-10") == [
        120.0, 90.0, None, 0.0, 50.0, -50.0, -25.0, -25.0, None, None, None, 110.0,
    ]  # fmt: skip
    assert trends.sparkline(ROUGH, "2025-11", 3) == [None, 100.0, 120.0]
    assert trends.sparkline({}, "2026-10", 2) == [None, None]


@pytest.mark.parametrize(
    ("month", "flags", "streak"),
    [
        ("2025-11", set(), 1),  # +20% is not beyond a 20% threshold
        ("2025-12", {"turn", "jump"}, -1),  # up, then -25%
        ("2026-03", set(), 0),
        ("2026-04", {"jump"}, -1),  # no MoM the month before: no turn
        ("2026-05", {"turn", "jump"}, 1),
        ("2026-06", set(), 0),  # flat is neither
        ("2026-10", set(), 0),
    ],
)
def test_flags_and_streaks(month: str, flags: set[str], streak: int) -> None:
    assert trends.flags(ROUGH, month, 0.2) == frozenset(flags)
    assert trends.streak(ROUGH, month) == streak


def test_streak_counts_months_in_a_row_and_stops_at_a_gap() -> None:
    values = {"2026-01": 10.0, "2026-02": 11.0, "2026-04": 12.0, "2026-05": 13.0, "2026-06": 14.0}
    assert trends.streak(values, "2026-06") == 2  # 2026-04 has no MoM (March is a gap)
    falling = {"2026-07": 9.0, "2026-08": 8.0, "2026-09": 7.0, "2026-10": 6.0}
    assert trends.streak(falling, "2026-10") == -3


def test_column_trend_bundles_everything() -> None:
    trend = trends.column_trend(ROUGH, "cash", "2026-05", 0.2)
    assert trend.value == -25.0
    assert trend.mom == pytest.approx(0.5)
    assert trend.yoy is None
    assert trend.spark[-1] == -25.0 and len(trend.spark) == 12
    assert trend.flags == {"turn", "jump"} and trend.streak == 1
    assert trend.public()["flags"] == ["jump", "turn"]


def test_series_sums_rows_of_a_month_and_keeps_empty_months_as_gaps() -> None:
    rows = [
        MetricRow(1, "ops", "2026-09", {"activity": "webinar"}),
        MetricRow(2, "ops", "2026-10", {"activity": "webinar", "conversions": 5}),
        MetricRow(3, "ops", "2026-10", {"activity": "双11", "conversions": 7}),
        MetricRow(4, "ops", "2026-10", {"activity": "meetup"}),
    ]
    assert trends.series(rows, "conversions") == {"2026-10": 12.0}


def test_table_trends_use_the_latest_month_of_the_table() -> None:
    rows = revenue({"2026-09": 100.0, "2026-10": None})
    trends_ = trends.table_trends("revenue", rows, 0.2)
    assert [t.column for t in trends_] == ["cash", "gaap", "users", "instances", "forecast"]
    assert trends_[0].month == "2026-10" and trends_[0].value is None
    assert trends.table_trends("revenue", [], 0.2) == []


def test_the_daily_line_in_english_and_chinese() -> None:
    rows = revenue({"2026-07": 90.0, "2026-08": 95.0, "2026-09": 100.0, "2026-10": 108.0})
    trend = trends.summary("revenue", rows, 0.2)
    assert trend is not None and trend.streak == 3
    assert trends.summary_line("revenue", trend) == "revenue 2026-10 +8% MoM, 3rd month of growth"
    assert trends.summary_line("revenue", trend, "zh") == "营收 2026-10 环比 +8%，连续第3个月增长"


@pytest.mark.parametrize(
    ("values", "en", "zh"),
    [
        ({"2026-08": 100.0, "2026-09": 120.0, "2026-10": 108.0},
         "revenue 2026-10 -10% MoM, turned down after growth", "营收 2026-10 环比 -10%，由升转降"),
        ({"2026-09": 100.0, "2026-10": 150.0},
         "revenue 2026-10 +50% MoM (big move)", "营收 2026-10 环比 +50%（大幅变化）"),
        # After a flat month a rise is a turn out of the standstill, not "the 1st
        # month in a row" (连续第1个月增长 read oddly).
        ({"2026-08": 100.0, "2026-09": 100.0, "2026-10": 110.0},
         "revenue 2026-10 +10% MoM, turned up after a flat month",
         "营收 2026-10 环比 +10%，由持平转为增长"),
        ({"2026-08": 100.0, "2026-09": 100.0, "2026-10": 90.0},
         "revenue 2026-10 -10% MoM, turned down after a flat month",
         "营收 2026-10 环比 -10%，由持平转为下降"),
        ({"2026-07": 100.0, "2026-09": 100.0, "2026-10": 90.0},
         "revenue 2026-10 -10% MoM", "营收 2026-10 环比 -10%"),
        ({"2026-08": 10.0, "2026-09": 8.0, "2026-10": 6.0},
         "revenue 2026-10 -25% MoM, 2nd month of decline (big move)",
         "营收 2026-10 环比 -25%，连续第2个月下降（大幅变化）"),
        ({"2026-10": 1234.5}, "revenue 2026-10: 1,234.5 (no MoM base)",
         "营收 2026-10：1,234.5（无环比基数）"),
        ({"2026-09": 0.0, "2026-10": 5.0}, "revenue 2026-10: 5 (no MoM base)",
         "营收 2026-10：5（无环比基数）"),
        ({"2026-09": 100.0, "2026-10": 100.0}, "revenue 2026-10 flat MoM", "营收 2026-10 环比持平"),
    ],
)  # fmt: skip
def test_daily_line_wording(values: dict[str, float], en: str, zh: str) -> None:
    trend = trends.summary("revenue", revenue(dict(values)), 0.2)
    assert trend is not None
    assert trends.summary_line("revenue", trend, "en") == en
    assert trends.summary_line("revenue", trend, "zh") == zh


def test_summary_follows_the_headline_columns_latest_value() -> None:
    rows = revenue({"2026-09": 100.0, "2026-10": 110.0})
    rows.append(MetricRow(9, "revenue", "2026-11", {"users": 5}))  # no cash yet in November
    trend = trends.summary("revenue", rows, 0.2)
    assert trend is not None and (trend.column, trend.month) == ("cash", "2026-10")


def test_daily_lines_skip_tables_without_data() -> None:
    data = {
        "revenue": revenue({"2026-09": 100.0, "2026-10": 110.0}),
        "opportunities": [],
        "tickets": [MetricRow(5, "tickets", "2026-10", {"count": 30})],
    }
    assert trends.daily_lines(data, 0.2) == [
        "revenue 2026-10 +10% MoM",
        "support tickets 2026-10: 30 (no MoM base)",
    ]


@pytest.mark.parametrize(
    ("n", "text"),
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"),
     (21, "21st"), (22, "22nd"), (101, "101st"), (111, "111th")],
)  # fmt: skip
def test_ordinal(n: int, text: str) -> None:
    assert trends.ordinal(n) == text


def test_percent_and_number_formats() -> None:
    assert trends.percent(0.08) == "+8%"
    assert trends.percent(-0.123) == "-12%"
    assert trends.percent(0.004) == "+0.4%"
    assert trends.percent(-2.0) == "-200%"
    assert trends.format_number(1234567.0) == "1,234,567"
    assert trends.format_number(-80.25) == "-80.25"


def test_spark_text() -> None:
    assert trends.spark_text([1.0, None, 3.0, 2.0]) == "▁ █▅"
    assert trends.spark_text([None, None]) == "  "
    assert trends.spark_text([5.0, 5.0]) == "▁▁"
