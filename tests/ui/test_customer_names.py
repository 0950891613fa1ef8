"""The item form's customer field follows the CLI's rule: one customer named exactly (any
case), else refused in a sentence naming the candidates, in the UI's language."""

from __future__ import annotations

from pathlib import Path

from cockpit.app import make_app
from cockpit.core import i18n
from cockpit.core.clock import FrozenClock
from cockpit.screens.daily.screen import DailyScreen
from cockpit.screens.dialogs.forms import ItemForm
from tests.ui.helpers import settle, small_workspace
from tests.ui.render import until

SIZE = (120, 40)


async def _add_with_customer(pilot: object, app: object, customer: str) -> None:
    await pilot.press("a")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    form = app.screen  # type: ignore[attr-defined]
    assert isinstance(form, ItemForm)
    form.query_one("#f-title").value = "Renewal call"
    form.query_one("#f-customer").value = customer
    await pilot.press("ctrl+s")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]


async def test_a_part_of_a_name_is_refused_naming_the_candidates(
    tmp_path: Path, clock: FrozenClock
) -> None:
    ws = small_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await _add_with_customer(pilot, app, "Acme")
        assert isinstance(app.screen, ItemForm)  # still open, nothing saved
        assert app.screen.focused.id == "f-customer"
        messages = [n.message for n in app._notifications]
        assert "No customer is named Acme; did you mean Acme Telecom?" in messages
        assert not [i for i in ws.items() if i.title == "Renewal call"]
        app.screen.query_one("#f-customer").value = "acme telecom"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, DailyScreen))
        assert isinstance(app.screen, DailyScreen)
        saved = next(i for i in ws.items() if i.title == "Renewal call")
        assert saved.customer == "Acme Telecom"  # as the book spells it


async def test_an_unknown_customer_is_refused_in_chinese(
    tmp_path: Path, clock: FrozenClock
) -> None:
    i18n.set_language("zh")
    ws = small_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await _add_with_customer(pilot, app, "光大银行")
        messages = [n.message for n in app._notifications]
        assert "没有名为 光大银行 的客户：请先在客户页面（C）添加。" in messages
        assert isinstance(app.screen, ItemForm)
