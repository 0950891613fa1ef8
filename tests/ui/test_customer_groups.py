"""The customers screen's `b` views (issue 17, item 3): big deals ranked by value, the
book by industry, region and source; what is drawn is read from the compositor, at
120x40 and 80x24, in English and Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len

from cockpit.core.clock import FrozenClock
from cockpit.screens.customers.screen import CustomersScreen
from tests.ui.rendered import drawn
from tests.ui.test_customers_screen import app_on, names, open_customers, shown, status


def screen_text(app: object) -> list[str]:
    """The drawn lines, the panel borders taken off."""
    return [strip.text.replace("│", " ") for strip in drawn(app)]  # type: ignore[arg-type]


async def test_views_cycle_deals_then_groups(tmp_path: Path, clock: FrozenClock) -> None:
    app = app_on(tmp_path, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_customers(pilot)
        await pilot.press("b")  # big deals: open opportunities only, largest first
        assert screen.view == "deals" and names(screen) == ["招商银行"]
        assert "b view: big deals" in status(screen)
        lines = screen_text(app)
        assert any("Big deals: 1 open, 3.2M in all" in line for line in lines)
        await pilot.press("b")  # by industry
        assert screen.view == "industry"
        lines = screen_text(app)
        head = next(line for line in lines if "Pipeline" in line)
        assert head.split() == ["Industry", "Accts", "Cust", "Opps", "Pipeline", "Share", "Risks"]
        row = next(line for line in lines if line.strip().startswith("金融"))
        assert row.split() == ["金融", "2", "1", "1", "3.2M", "100%", "1"]
        # Right-aligned under its title, counted in cells (金融 takes four).
        assert cell_len(row[: row.index("3.2M") + 4]) == head.index("Pipeline") + 8
        card = shown(screen.query_one("#cust-card"))
        assert "2 accounts · 1 in use · 1 open opportunity worth 3.2M" in card
        assert "Biggest deals: 招商银行 3.2M" in card
        assert screen.current() is None  # a group row is no customer: e/t/c say so
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, CustomersScreen)
        await pilot.press("enter")  # the group opens as the table of its customers
        await pilot.pause()
        assert screen.view == "table" and screen.filters == {"industry": "金融"}
        assert sorted(names(screen)) == ["招商银行", "蓝鲸支付"]
        await pilot.press("0", "b", "b", "b")  # region
        assert screen.view == "region"
        await pilot.press("b")  # source, worded
        rows = [line for line in screen_text(app) if line.strip().startswith(("direct", "partner"))]
        assert len(rows) == 2
        await pilot.press("b")  # and back to the table
        assert screen.view == "table" and len(names(screen)) == 4


@pytest.mark.parametrize("language", ["en", "zh"])
async def test_grouped_view_fits_80x24(tmp_path: Path, clock: FrozenClock, language: str) -> None:
    app = app_on(tmp_path, clock, language)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_customers(pilot)
        await pilot.press("b", "b")
        lines = screen_text(app)
        title = "商机金额" if language == "zh" else "Pipeline"
        head = next(line for line in lines if title in line)
        risks = "流失风险" if language == "zh" else "Risks"
        assert risks in head  # every number column on an 80-column terminal
        row = next(line for line in lines if "金融" in line and ("3.2M" in line or "320万" in line))
        assert row.split()[-1] == "1"  # the churn-risk count, last column, whole
        assert all(len(line) <= 80 for line in lines)
