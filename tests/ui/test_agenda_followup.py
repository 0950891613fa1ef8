"""`x` (or enter) on a customer's follow-up in the Today panel logs a touch through the
same form as on the customers panel, instead of "Not available in this panel"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cockpit.app import make_app
from cockpit.core.clock import FrozenClock
from cockpit.items.workspace import Workspace
from cockpit.screens.daily.agenda_rows import followup_ref
from cockpit.screens.daily.screen import DailyScreen
from cockpit.screens.dialogs.forms import TouchForm
from tests.ui.helpers import settle, small_workspace
from tests.ui.render import screen_text, until

SIZE = (120, 40)


def with_followup(tmp_path: Path, clock: FrozenClock) -> Workspace:
    ws = small_workspace(tmp_path / "ws", clock)
    ws.customers.add("瀚海银行", tier="top", next_followup=dt.date(2026, 11, 18))
    ws.undo_stack.clear()
    return ws


async def _on_followup(pilot: object, app: object) -> int:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, DailyScreen)
    agenda = screen.panel("agenda")
    agenda.focus()
    ref = next(r for r in agenda.refs if followup_ref(r) is not None)
    assert agenda.select_ref(ref)
    await pilot.pause()  # type: ignore[attr-defined]
    return followup_ref(ref) or 0


async def test_x_on_a_follow_up_logs_a_touch(tmp_path: Path, clock: FrozenClock) -> None:
    ws = with_followup(tmp_path, clock)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        assert "Follow up: 瀚海银行" in screen_text(app)
        customer_id = await _on_followup(pilot, app)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, TouchForm)
        assert "Log a touch with 瀚海银行" in screen_text(app)
        assert "Not available in this panel" not in [n.message for n in app._notifications]
        for ch in "renewal":
            await pilot.press(ch)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, DailyScreen))
        assert isinstance(app.screen, DailyScreen)
        fresh = Workspace(tmp_path / "ws", clock)
        touches = fresh.customers.touches(customer_id)
        assert [(t.note, t.date) for t in touches] == [("renewal", "2026-11-18")]
        # The follow-up was answered: it leaves the agenda.
        assert fresh.customers.get(customer_id).next_followup is None
        assert "Follow up: 瀚海银行" not in screen_text(app)
        await pilot.press("u")
        await settle(pilot)
        assert Workspace(tmp_path / "ws", clock).customers.touches(customer_id) == []


async def test_enter_on_a_follow_up_opens_the_same_form(tmp_path: Path, clock: FrozenClock) -> None:
    app = make_app(with_followup(tmp_path, clock), watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await _on_followup(pilot, app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TouchForm)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DailyScreen)
