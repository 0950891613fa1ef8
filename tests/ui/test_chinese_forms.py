"""Forms in Chinese (`language = "zh"`): the defaults a field holds before it is typed
in and the hints naming what it takes are Chinese words the parsers read (本周, 下周,
周五, 12月15日), asserted on what is drawn; a Chinese date typed into a form is saved."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Input

from cockpit.app import make_app
from cockpit.core import i18n
from cockpit.core.clock import FrozenClock
from cockpit.items.workspace import Workspace
from cockpit.screens.dialogs.forms import ItemForm, WeekPrompt
from tests.ui.helpers import settle, small_workspace
from tests.ui.render import screen_text, until

SIZE = (120, 40)


async def test_the_add_form_speaks_chinese_and_reads_what_it_says(
    tmp_path: Path, clock: FrozenClock
) -> None:
    i18n.set_language("zh")
    app = make_app(small_workspace(tmp_path / "ws", clock), watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, ItemForm))
        drawn = screen_text(app)
        assert app.screen.query_one("#f-week", Input).value == "本周"
        assert "this" not in drawn and "fri" not in drawn
        assert "截止（2026-12-15、12月15日、周五、明天、+3；可空）" in drawn
        await pilot.press(*"复盘")
        app.screen.query_one("#f-due", Input).value = "周五"
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, ItemForm))
        await settle(pilot)
    saved = [i for i in Workspace(tmp_path / "ws", clock).items() if i.title == "复盘"]
    # Wednesday 2026-11-18: 本周 is W47, 周五 is the 20th.
    assert [(i.week, i.due) for i in saved] == [("2026-W47", "2026-11-20")]


async def test_the_week_prompt_offers_next_week_in_chinese(
    tmp_path: Path, clock: FrozenClock
) -> None:
    i18n.set_language("zh")
    app = make_app(small_workspace(tmp_path / "ws", clock), watch=False, fetch=False)
    chosen: list[object] = []
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(WeekPrompt("next"), chosen.append)
        await until(pilot, lambda: isinstance(app.screen, WeekPrompt))
        field = app.screen.query_one("#w-week", Input)
        assert field.value == "下周" and "下周" in screen_text(app)
        assert field.placeholder == "周（本周、下周、+2、W48 或日期）"  # shown once emptied
        await pilot.press("enter")
        await until(pilot, lambda: bool(chosen))
    assert chosen == [{"week": "2026-W48"}]


def test_a_chinese_weekday_in_a_routine_of_the_config() -> None:
    from cockpit.core.routine_entries import _day

    assert [_day("周会", d) for d in ("周一", "星期三", "礼拜天", "周日", "fri", "7")] == [
        0,
        2,
        6,
        6,
        4,
        6,
    ]
    assert dt.date(2026, 11, 16).weekday() == 0  # the week the tests freeze starts Monday


async def test_the_review_card_words_the_history_in_chinese(
    tmp_path: Path, clock: FrozenClock
) -> None:
    from cockpit.screens.dialogs.review import ReviewScreen

    i18n.set_language("zh")
    ws = small_workspace(tmp_path / "ws", clock)  # one item carried from 2026-W46
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen))
        await settle(pilot)
        drawn = screen_text(app)
    assert "创建" in drawn and "created" not in drawn
