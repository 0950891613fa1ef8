"""The chart's data and drawing (issue 15 item 9), without a screen: which months it
spans, its turning points, its axis labels, and what plotext's drawing comes to."""

from __future__ import annotations

import subprocess
import sys

from rich.cells import cell_len

from cockpit.metrics import trends
from cockpit.screens.planning import metrics_chart
from tests.ui.planning_data import CASH

MONTHS = trends.months_between("2025-09", "2026-10")
VALUES = {m: float(c * 10_000) for m, c in zip(MONTHS, CASH, strict=True)}


def test_months_between_crosses_the_year() -> None:
    assert trends.months_between("2025-11", "2026-02") == [
        "2025-11",
        "2025-12",
        "2026-01",
        "2026-02",
    ]
    assert trends.months_between("2026-03", "2026-03") == ["2026-03"]
    assert len(MONTHS) == len(CASH) == 14


def test_turning_points_are_the_peaks_and_troughs() -> None:
    # 80 84 90 95 | 93 | 99 104 110 118 | 101 | 109 117 126 136 (x 10,000): the first
    # fall (2026-01) and the first rise after it (2026-02), then again 2026-06 / 07.
    assert trends.turning_points(VALUES) == ["2026-01", "2026-02", "2026-06", "2026-07"]


def test_compact_numbers_are_short_and_ascii() -> None:
    cases = {
        42.0: "42",
        3500.0: "3.5k",
        1_200_000.0: "1.2M",
        4e9: "4B",
        -2500.0: "-2.5k",
        0.25: "0.25",
    }
    for value, text in cases.items():
        assert trends.compact_number(value) == text
        assert text.isascii()


def test_chart_data_spans_every_month_with_gaps() -> None:
    data = metrics_chart.chart_data({"2026-01": 1.0, "2026-04": 3.0}, "2026-04")
    assert data is not None
    assert data.months == ("2026-01", "2026-02", "2026-03", "2026-04")
    assert data.values == (1.0, None, None, 3.0)
    assert data.cursor == "2026-04"
    assert metrics_chart.chart_data({"2026-01": 1.0}, "2026-01") is None  # one point
    gap = metrics_chart.chart_data(VALUES, "1999-01")
    assert gap is not None and gap.cursor is None  # a month without a value: no mark


def test_build_draws_the_months_turns_and_cursor_within_its_size() -> None:
    data = metrics_chart.chart_data(VALUES, "2026-06")
    assert data is not None
    text = metrics_chart.build(data, 70, 10)
    lines = text.plain.split("\n")
    assert len(lines) <= 10
    assert all(cell_len(line) <= 70 for line in lines)
    assert lines[-1].split() == ["2025-09", "2025-12", "2026-03", "2026-06", "2026-09"]
    assert text.plain.count("◆") == 3  # 2026-01, 2026-02 and 2026-07; 2026-06 is the ●
    assert text.plain.count("●") == 1
    assert "1.4M" in text.plain and "800k" in text.plain
    # Colours come through as styles of the text, never as escape sequences.
    assert "\x1b" not in text.plain
    assert any(span.style for span in text.spans)


def test_the_screen_module_does_not_import_plotext() -> None:
    code = (
        "import sys, cockpit.screens.planning.metrics\n"
        "assert 'plotext' not in sys.modules, 'plotext imported with the screen'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
