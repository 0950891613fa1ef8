"""The metrics screen's chart (issue 15 item 9): the cursor's column over the months,
drawn by plotext, turning points marked (◆), the highlighted month on a line (●),
months labelled; shown where it fits (120x40), `p` shows or hides it (80x24), in
English and Chinese; read from what the screen draws."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

from cockpit.core import i18n
from cockpit.core.clock import FrozenClock
from cockpit.core.config import Config
from cockpit.screens.daily.screen import DailyScreen
from cockpit.screens.planning import metrics_chart
from cockpit.screens.planning.metrics import MetricsScreen
from tests.ui.helpers import settle
from tests.ui.planning_data import planning_workspace
from tests.ui.render import screen_text, until


def _app(tmp_path: Path, clock: FrozenClock, language: str = "en") -> Any:
    from cockpit.app import make_app

    i18n.set_language(language)
    ws = planning_workspace(tmp_path / "ws", clock, Config(language=language))
    return make_app(ws, watch=False, fetch=False)


def _chart(app: Any) -> list[str]:
    """The chart pane's lines as drawn (its frame included), cut by cells."""
    pane = app.screen.query_one("#metrics-chart")
    region = pane.region
    strips = app.screen._compositor.render_strips()[region.y : region.bottom]
    return ["".join(s.text for s in strip.crop(region.x, region.right)) for strip in strips]


async def _open(pilot: Any) -> MetricsScreen:
    app = pilot.app
    await settle(pilot)
    await pilot.press("M")
    await until(pilot, lambda: isinstance(app.screen, MetricsScreen) and "┤" in screen_text(app))
    assert isinstance(app.screen, MetricsScreen)
    return app.screen


async def test_chart_of_the_cursors_column_with_turning_points_and_months(
    tmp_path: Path, clock: FrozenClock
) -> None:
    app = _app(tmp_path, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot)
        chart = "\n".join(_chart(app))
        assert "cash by month" in chart  # the table's headline column first
        assert "◆ turning point · ● 2026-10" in chart  # the legend, the cursor's month
        for month in ("2025-09", "2025-12", "2026-03", "2026-06", "2026-09"):
            assert month in chart  # months along the x axis
        # CASH dips in 2026-06 and climbs again: a peak (2026-05) and a trough (2026-06).
        assert chart.count("◆") >= 3  # two turning points, and the legend's
        assert "●" in chart
        assert "1.4M" in chart and "800k" in chart  # compact values on the y axis
        await pilot.press("l")  # the cursor to the next column: the chart follows
        await until(pilot, lambda: "GAAP by month" in "\n".join(_chart(app)))
        await until(pilot, lambda: "760k" in "\n".join(_chart(app)))
        await pilot.press("j")  # a month down: the marked month follows the cursor
        await until(pilot, lambda: "● 2026-09" in "\n".join(_chart(app)))


async def test_chart_in_chinese_keeps_the_pane_width(tmp_path: Path, clock: FrozenClock) -> None:
    app = _app(tmp_path, clock, "zh")
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot)
        lines = _chart(app)
        assert "现金·按月" in lines[0]  # the column's name: Textual's border title
        assert "◆ 拐点 · ● 2026-10" in lines[-1]
        # Every drawn row as wide as the pane: no label wider than plotext counted.
        width = cell_len(lines[0])
        assert all(cell_len(line) == width for line in lines)
        assert all(line.startswith(("╭", "│", "╰")) for line in lines)
        assert all(line.endswith(("╮", "│", "╯")) for line in lines)
        body = "\n".join(lines[1:-1])
        assert "2026-06" in body and "◆" in body
        # The y axis is one straight column: a label plotext counted narrower than it
        # draws (a Chinese one) would push its row's axis to the right.
        axis = {line.index("┤") for line in lines[1:-1] if "┤" in line}
        assert len(axis) == 1


async def test_chart_hidden_at_80x24_until_p(tmp_path: Path, clock: FrozenClock) -> None:
    app = _app(tmp_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("M")
        await until(pilot, lambda: "Trends as of 2026-10" in screen_text(app))
        assert "by month" not in screen_text(app)  # no room: the rows come first
        await pilot.press("p")
        await until(pilot, lambda: "cash by month" in screen_text(app) and "┤" in screen_text(app))
        assert any("2025-09" in line for line in _chart(app))
        await pilot.press("p")
        await until(pilot, lambda: "by month" not in screen_text(app))


async def test_chart_is_not_drawn_again_on_the_next_visit(
    tmp_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Part of issue 17's budget: showing the screen again draws no chart."""
    builds: list[int] = []
    real = metrics_chart.build

    def counted(*args: Any) -> Any:
        builds.append(1)
        return real(*args)

    monkeypatch.setattr(metrics_chart, "build", counted)
    app = _app(tmp_path, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot)
        drawn = len(builds)
        assert drawn >= 1
        await pilot.press("j", "k")  # back to a month already drawn
        await settle(pilot)
        assert len(builds) == drawn + 1  # 2026-09 drawn, 2026-10 kept
        await pilot.press("q")
        await until(pilot, lambda: isinstance(app.screen, DailyScreen))
        await pilot.press("M")
        await until(pilot, lambda: isinstance(app.screen, MetricsScreen))
        await settle(pilot)
        assert len(builds) == drawn + 1
        assert "● 2026-10" in "\n".join(_chart(app))
