"""Recurring items from the keyboard: the item form's repeats field (typed in words or
Chinese, refused next to the form when unreadable), `x` making the next occurrence, and
the drawn ↻ mark and toast."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cockpit.app import make_app
from cockpit.core.clock import FrozenClock
from cockpit.items.recurrence.parse import parse_rule
from cockpit.screens.daily.screen import DailyScreen
from cockpit.screens.dialogs.forms import ItemForm
from tests.ui.helpers import settle, small_workspace
from tests.ui.render import screen_text, until

SIZE = (120, 40)


def said(app: object) -> str:
    return " ".join(str(n.message) for n in app._notifications)  # type: ignore[attr-defined]


async def test_the_form_sets_a_rule_and_refuses_an_unreadable_one(
    tmp_path: Path, clock: FrozenClock
) -> None:
    ws = small_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, ItemForm))
        form = app.screen
        form.query_one("#f-title").value = "Revenue review"
        form.query_one("#f-recur").value = "every full moon"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ItemForm)  # still open, nothing saved
        assert app.screen.focused is not None and app.screen.focused.id == "f-recur"
        assert "cannot read the recurrence 'every full moon'" in screen_text(app) + " ".join(
            str(n.message) for n in app._notifications
        )
        assert not [i for i in ws.items() if i.title == "Revenue review"]

        form.query_one("#f-recur").value = "每月最后一个周五"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, DailyScreen))
        saved = next(i for i in ws.items() if i.title == "Revenue review")
        assert (saved.recur, saved.due) == ("FREQ=MONTHLY;BYDAY=-1FR", "2026-11-27")


async def test_done_on_a_recurring_item_draws_the_next_with_its_mark(
    tmp_path: Path, clock: FrozenClock
) -> None:
    ws = small_workspace(tmp_path / "ws", clock)
    item = ws.add(
        "Partner sync",
        due=dt.date(2026, 11, 19),
        recur=parse_rule("every 2 weeks on thu", clock.today()),
    )
    ws.undo_stack.clear()
    app = make_app(ws, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        row = next(line for line in screen_text(app).splitlines() if "Partner sync" in line)
        assert "↻" in row
        daily = app.screen
        assert isinstance(daily, DailyScreen)
        panel = daily.panel("plan")
        panel.focus()
        assert panel.select_ref(item.id)
        await pilot.pause()

        # Editing it shows the rule in words (an unchanged field is not read again).
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, ItemForm))
        assert app.screen.query_one("#f-recur").value == "every 2 weeks on Thu"
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, DailyScreen))

        await pilot.press("x")
        await until(pilot, lambda: "next #" in said(app))
        following = next(i for i in ws.items() if i.is_open and i.title == "Partner sync")
        assert following.due == "2026-12-03"
        assert f"Done: Partner sync · next #{following.id} due 2026-12-03" in said(app)
