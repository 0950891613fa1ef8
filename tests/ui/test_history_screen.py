"""The history screen (`H`): closed items by week, the archive included, searched as
you type (what is drawn is asserted); `ctrl+r` redoes what `u` undid."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cockpit.app import make_app
from cockpit.core.clock import FrozenClock
from cockpit.core.config import Config
from cockpit.screens.daily.screen import DailyScreen
from cockpit.screens.dialogs.history import HistoryScreen
from tests.ui.helpers import small_workspace
from tests.ui.render import screen_text, until

SIZE = (120, 40)


def said(app: object) -> str:
    return " ".join(str(n.message) for n in app._notifications)  # type: ignore[attr-defined]


async def test_history_lists_closed_items_by_week_and_searches(
    tmp_path: Path, clock: FrozenClock
) -> None:
    ws = small_workspace(tmp_path / "ws", clock)
    start = clock.now()
    clock.set(dt.datetime(2026, 9, 8, 9, 0))
    old = ws.add("Q3 pricing review", customer="招商银行")
    ws.done(old.id)
    clock.set(start)
    ws.archive_old()
    for item in ws.items():
        if item.title == "社区 meetup 场地确认":
            ws.drop(item.id)
        if item.title == "Review PG 17 release notes":
            ws.done(item.id)
    ws.undo_stack.clear()
    app = make_app(ws, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("H")
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        text = screen_text(app)
        assert "2026-W47 · 1 done, 1 dropped" in text
        assert "✓ Wed 11-18  Review PG 17 release notes" in text
        assert "✗ Wed 11-18  社区 meetup 场地确认" in text
        assert "2026-W37 · 1 done, 0 dropped" in text  # from the archive
        assert "3 items finished or dropped, the archive included" in text

        await pilot.press("slash")
        await pilot.press(*"招商")
        await until(pilot, lambda: "1 found" in screen_text(app))
        text = screen_text(app)
        assert "Q3 pricing review" in text and "Review PG 17" not in text
        await pilot.press("escape")  # clears the search
        await until(pilot, lambda: "Review PG 17" in screen_text(app))
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, DailyScreen))


async def test_history_in_chinese(tmp_path: Path, clock: FrozenClock) -> None:
    from cockpit.core import i18n

    i18n.set_language("zh")
    ws = small_workspace(tmp_path / "ws", clock, Config(language="zh"))
    ws.done(ws.items()[0].id)
    app = make_app(ws, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("H")
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        assert "2026-W47 · 完成 1，放弃 0" in screen_text(app)


async def test_ctrl_r_redoes_what_u_undid(tmp_path: Path, clock: FrozenClock) -> None:
    ws = small_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        daily = app.screen
        assert isinstance(daily, DailyScreen)
        target = next(i for i in ws.items() if i.title == "Review PG 17 release notes")
        panel = daily.panel("plan")
        panel.focus()
        assert panel.select_ref(target.id)
        await pilot.pause()
        await pilot.press("x")
        await until(pilot, lambda: ws.get(target.id).status == "done")
        await pilot.press("u")
        await until(pilot, lambda: ws.get(target.id).status == "open")
        assert "Review PG 17 release notes" in screen_text(app)
        await pilot.press("ctrl+r")
        await until(pilot, lambda: ws.get(target.id).status == "done")
        await until(pilot, lambda: "Redone" in said(app))
        assert "Review PG 17 release notes" not in screen_text(app)
        await pilot.press("ctrl+r")
        await until(pilot, lambda: "Nothing to redo" in said(app))
