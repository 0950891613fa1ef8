"""Views of the daily panels from the keyboard and the palette: `F` filters and sorts
the item panels, a named view of the config opens from the palette, and the border
says what is shown (drawn, not only widget state)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cockpit.app import make_app
from cockpit.core.clock import FrozenClock
from cockpit.core.config import Config, ViewSettings
from cockpit.items.workspace import Workspace
from cockpit.screens.daily.screen import DailyScreen
from cockpit.screens.daily.views import ViewForm
from tests.ui.helpers import settle, small_workspace
from tests.ui.rendered import drawn

SIZE = (120, 40)


def _workspace(tmp_path: Path, clock: FrozenClock) -> Workspace:
    config = Config()
    config.views = {
        "customer-week": ViewSettings(filter="@招商 due:week", sort="due"),
        "pg": ViewSettings(filter="+pg"),
    }
    ws = small_workspace(tmp_path / "ws", clock, config)
    ws.add("招商 POC 环境准备", customer="招商银行", due=dt.date(2026, 11, 19))
    ws.add("招商 年度复盘", customer="招商银行", due=dt.date(2026, 11, 30))
    ws.undo_stack.clear()
    return ws


def _titles(screen: DailyScreen, name: str) -> list[str]:
    return [row.title.plain.split("  ")[0] for row in screen.panel(name).rows_data]


def _screen_text(app: object) -> str:
    return "\n".join(strip.text for strip in drawn(app))  # type: ignore[arg-type]


async def test_f_filters_and_sorts_the_item_panels(tmp_path: Path, clock: FrozenClock) -> None:
    app = make_app(_workspace(tmp_path, clock), watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, DailyScreen)
        assert len(_titles(screen, "plan")) == 4
        await pilot.press("F")
        await pilot.pause()
        assert isinstance(app.screen, ViewForm)
        await pilot.press(*"@招商", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DailyScreen)
        # The finder's `@` operator: part of the customer's name; due-less work stays.
        assert _titles(screen, "plan") == [
            "招商 POC 环境准备",
            "招商 年度复盘",
            "Draft logical replication failover PRD",
        ]
        assert _titles(screen, "key") == [] and _titles(screen, "ops") == []
        text = _screen_text(app)
        assert "view: @招商" in text  # in the border, as drawn
        # The sort: by title, then descending; the form opens with the view shown now.
        await pilot.press("F")
        await pilot.pause()
        await pilot.press("tab", *"-title", "enter")
        await settle(pilot)
        assert _titles(screen, "plan") == [
            "招商 年度复盘",
            "招商 POC 环境准备",
            "Draft logical replication failover PRD",
        ]
        assert "view: @招商 · ↓title" in _screen_text(app)
        # Both fields emptied: everything again, no border text left.
        await pilot.press("F")
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", "tab", "ctrl+a", "ctrl+k", "enter")
        await settle(pilot)
        assert screen.view is None
        assert len(_titles(screen, "plan")) == 4
        assert "view:" not in _screen_text(app)


async def test_a_bad_filter_stays_in_the_form(tmp_path: Path, clock: FrozenClock) -> None:
    app = make_app(_workspace(tmp_path, clock), watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("F")
        await pilot.pause()
        await pilot.press(*"due:someday", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ViewForm)  # the sentence shows next to the fields
        assert "due: takes today, week, overdue" in _screen_text(app)


async def test_a_named_view_opens_from_the_palette(tmp_path: Path, clock: FrozenClock) -> None:
    app = make_app(_workspace(tmp_path, clock), watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, DailyScreen)
        titles = [c.title for c in app.get_system_commands(screen)]
        assert "view: customer-week" in titles and "view: pg" in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"customer-week")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.view is not None and screen.view.name == "customer-week"
        # due:week keeps what is due by Sunday 2026-11-22, sorted by due date.
        assert _titles(screen, "plan") == ["招商 POC 环境准备"]
        assert "view: customer-week · @招商 due:week · ↑due" in _screen_text(app)
        # A change to a filtered panel keeps the view: a new matching item shows.
        ws = screen.ws
        ws.add("招商 续约材料", customer="招商银行", due=dt.date(2026, 11, 21))
        screen.reload()
        await settle(pilot)
        assert _titles(screen, "plan") == ["招商 POC 环境准备", "招商 续约材料"]
        assert "view: show everything" in [c.title for c in app.get_system_commands(screen)]
