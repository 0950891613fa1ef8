"""Feature progress and risk on screen (issue 17, item 4): the pool's progress form and
risk sort, the daily key panel's high-risk features, and the Monday checklist line that
opens the pool sorted by risk — checked through fresh workspaces and what is drawn."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from textual.widgets import Input, Select

from cockpit.app import make_app
from cockpit.calendar.routines import RoutineBook
from cockpit.core.clock import FrozenClock
from cockpit.core.config import Config
from cockpit.items.workspace import Workspace
from cockpit.planning import progress, requirements
from cockpit.screens.daily.screen import DailyScreen
from cockpit.screens.planning.progress_form import ProgressForm
from cockpit.screens.planning.requirements import RequirementsScreen
from cockpit.screens.safe import Static
from tests.ui.helpers import settle, small_workspace
from tests.ui.rendered import drawn
from tests.ui.test_planning_screens import (
    SIZE,
    app_on,
    form_error,
    fresh,
    listed,
    open_screen,
    shown,
)


def screen_text(app: object) -> str:
    return "\n".join(strip.text for strip in drawn(app))  # type: ignore[arg-type]


async def test_progress_form_saves_refuses_and_undoes(tmp_path: Path, clock: FrozenClock) -> None:
    app = app_on(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, RequirementsScreen())
        screen.listing.select_ref(1)  # planned
        await pilot.press("p")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ProgressForm)
        form.query_one("#p-progress", Input).value = "70%"
        form.query_one("#p-expected", Input).value = "2026-12-01"
        form.query_one("#p-risk", Select).value = "high"
        await pilot.press("enter")
        await pilot.pause()
        assert "Say in one line why #1 is at high risk" in form_error(app)
        form.query_one("#p-reason", Input).value = "DBA team on leave"
        form.query_one("#p-reason", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        req = requirements.get(fresh(tmp_path, clock), 1)
        assert (req.progress, req.expected, req.risk, req.risk_reason) == (
            70, "2026-12-01", "high", "DBA team on leave",
        )  # fmt: skip
        text = screen_text(app)
        assert "70% → 12-01 ● high" in text  # the row, as drawn
        assert "70% · expected 2026-12-01 · risk high  DBA team on leave" in shown(
            screen.query_one("#req-card", Static)
        )
        assert "Progress: 0% → 70%" in shown(screen.query_one("#req-log", Static))
        await pilot.press("u")
        await settle(pilot)
        assert requirements.get(fresh(tmp_path, clock), 1).progress == 0


async def test_progress_is_refused_before_planning(tmp_path: Path, clock: FrozenClock) -> None:
    app = app_on(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, RequirementsScreen())
        screen.listing.select_ref(2)  # collected
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, RequirementsScreen)  # no form: a sentence instead
        assert any("progress is kept only for planned work" in str(n.message) for n in
                   app._notifications)  # fmt: skip


async def test_sort_by_risk(tmp_path: Path, clock: FrozenClock) -> None:
    app = app_on(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        other = fresh(tmp_path, clock)
        requirements.move(other, 4, "planned", "in 18.0")
        progress.set_progress(other, 4, risk="high", risk_reason="no owner")
        progress.set_progress(other, 1, risk="low", risk_reason="slow review")
        screen = await open_screen(pilot, RequirementsScreen())
        await pilot.press("s")
        await pilot.pause()
        assert listed(screen)[:2] == [4, 1]  # high, then low; the rest after
        assert "s sorted by risk" in shown(screen.query_one("#req-status", Static))
        await pilot.press("s")  # back to the lifecycle order
        assert "s sorted by stage" in shown(screen.query_one("#req-status", Static))


def high_risk_workspace(root: Path, clock: FrozenClock, config: Config | None = None) -> Workspace:
    ws = small_workspace(root, clock, config)
    req = requirements.add(ws, "Failover slots")
    for step in ("reviewed", "planned", "in-development"):
        requirements.move(ws, req.id, step, "ok")
    progress.set_progress(
        ws, req.id, progress=40, expected=dt.date(2026, 12, 4), risk="high",
        risk_reason="上游补丁未合入",
    )  # fmt: skip
    ws.undo_stack.clear()
    return ws


async def test_daily_key_panel_surfaces_high_risk(tmp_path: Path, clock: FrozenClock) -> None:
    ws = high_risk_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        daily = app.screen
        assert isinstance(daily, DailyScreen)
        assert "▲ #1 Failover slots — risk: 上游补丁未合入" in screen_text(app)
        key = daily.panel("key")
        key.focus()
        assert key.select_ref(key.refs[-1])
        await pilot.press("enter")
        await settle(pilot)
        pool = app.screen
        assert isinstance(pool, RequirementsScreen) and pool.sort == "risk"
        assert pool.current() is not None and pool.current().id == 1


async def test_monday_checklist_line_opens_the_pool_by_risk(tmp_path: Path) -> None:
    zone = ZoneInfo("Asia/Shanghai")
    monday = FrozenClock(dt.datetime(2026, 11, 16, 9, 30, tzinfo=zone), zone)
    ws = high_risk_workspace(tmp_path / "ws", monday)
    RoutineBook(ws).install_defaults()
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        daily = app.screen
        assert isinstance(daily, DailyScreen)
        agenda = daily.panel("agenda")
        rows = [
            (n, r) for n, r in enumerate(agenda.rows_data) if "Planned features" in r.title.plain
        ]
        assert rows and rows[0][1].meta.plain == "↗"  # drawn as a link
        agenda.focus()
        agenda.cursor_row = rows[0][0]
        await pilot.press("enter")
        await settle(pilot)
        pool = app.screen
        assert isinstance(pool, RequirementsScreen) and pool.sort == "risk"
        assert listed(pool)[0] == 1
