"""`>` on an item with a due date asks whether the due date moves; kept, the item stays
on this week's screen; the Monday review refuses a past week (Pilot, asserting on what
is drawn)."""

from __future__ import annotations

from pathlib import Path

from cockpit.app import make_app
from cockpit.core import i18n
from cockpit.core.clock import FrozenClock
from cockpit.items.workspace import Workspace
from cockpit.screens.daily.screen import DailyScreen
from cockpit.screens.dialogs.defer import DeferScreen
from tests.ui.helpers import settle, small_workspace
from tests.ui.render import screen_text, until

SIZE = (120, 40)
DUE = "Review PG 17 release notes"  # due Friday 2026-11-20, planned this week


async def _defer_due_item(pilot: object, app: object) -> None:
    screen = app.screen  # type: ignore[attr-defined]
    plan = screen.panel("plan")
    plan.focus()
    assert plan.select_ref(next(i.id for i in app.ws.items() if i.title == DUE))  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press("greater_than_sign")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def test_defer_keeps_the_due_date_and_the_item_stays_this_week(
    tmp_path: Path, clock: FrozenClock
) -> None:
    ws = small_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await _defer_due_item(pilot, app)
        assert isinstance(app.screen, DeferScreen)
        drawn = screen_text(app)
        assert "Defer to 2026-W48" in drawn
        assert "It is due 2026-11-20 (in 2 days)." in drawn
        assert "m  move the due date too, to 2026-11-27" in drawn
        assert "k  keep the due date: it stays on this week's screen" in drawn
        await pilot.press("k")
        await until(pilot, lambda: isinstance(app.screen, DailyScreen))
        assert isinstance(app.screen, DailyScreen)
        stored = next(i for i in Workspace(tmp_path / "ws", clock).items() if i.title == DUE)
        assert (stored.week, stored.due) == ("2026-W48", "2026-11-20")
        # Still on the daily screen, in this week's plan, saying where it is planned.
        row = next(line for line in screen_text(app).splitlines() if DUE in line)
        assert "due in 2 days · plan" in row  # the meta may be cut to fit the panel
        meta = [r.meta.plain for r in app.screen.panel("plan").rows_data]
        assert meta[0] == "due in 2 days · planned W48"


async def test_defer_moves_the_due_date_too(tmp_path: Path, clock: FrozenClock) -> None:
    ws = small_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await _defer_due_item(pilot, app)
        await pilot.press("m")
        await settle(pilot)
        stored = next(i for i in Workspace(tmp_path / "ws", clock).items() if i.title == DUE)
        assert (stored.week, stored.due) == ("2026-W48", "2026-11-27")
        assert DUE not in screen_text(app)  # not due this week any more: next week's work
        await pilot.press("u")
        await settle(pilot)
        stored = next(i for i in Workspace(tmp_path / "ws", clock).items() if i.title == DUE)
        assert (stored.week, stored.due) == ("2026-W47", "2026-11-20")


async def test_defer_cancelled_changes_nothing_and_speaks_chinese(
    tmp_path: Path, clock: FrozenClock
) -> None:
    i18n.set_language("zh")
    ws = small_workspace(tmp_path / "ws", clock)
    before = (tmp_path / "ws" / "items.json").read_bytes()
    app = make_app(ws, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await _defer_due_item(pilot, app)
        drawn = screen_text(app)
        assert "推迟到 2026-W48" in drawn and "截止日期一起推迟到 2026-11-27" in drawn
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DailyScreen)
    assert (tmp_path / "ws" / "items.json").read_bytes() == before


async def test_defer_without_a_due_date_asks_nothing(tmp_path: Path, clock: FrozenClock) -> None:
    ws = small_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False)
    title = "Draft logical replication failover PRD"
    async with app.run_test(size=SIZE) as pilot:
        plan = app.screen.panel("plan")
        plan.focus()
        plan.select_ref(next(i.id for i in ws.items() if i.title == title))
        await pilot.press("greater_than_sign")
        await settle(pilot)
        assert isinstance(app.screen, DailyScreen)
        assert next(i for i in ws.items() if i.title == title).week == "2026-W48"


async def test_review_replan_refuses_a_past_week(tmp_path: Path, clock: FrozenClock) -> None:
    from cockpit.screens.dialogs.forms import WeekPrompt

    ws = small_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, WeekPrompt)
        week_input = app.screen.query_one("#w-week")
        week_input.value = "last"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WeekPrompt)  # refused, still asking
        notes = [n.message for n in app._notifications]
        assert "2026-W46 is in the past: pick 2026-W47 or a later week." in notes
        week_input.value = "next"
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, WeekPrompt))
        carried = next(i for i in ws.items() if i.title == "Benchmark PostGIS 3.5 on ARM")
        assert carried.week == "2026-W48"
