"""The command palette lists cockpit's own actions only, each named "area: verb" in the
UI language with its keys and binding id, plus the app's commands and a translated
theme switch; Textual's English system commands (Theme, Quit, Keys, Screenshot,
Maximize) and raw action names (`daily: cursor_bottom`, `daily: page(-1)`) are gone,
and the placeholder and "no matches" follow the language (issue 10)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot

from cockpit.app import CockpitApp, make_app
from cockpit.core import i18n
from cockpit.core.clock import FrozenClock
from tests.ui.helpers import settle, small_workspace
from tests.ui.render import screen_text

TEXTUAL = ("Theme", "Quit", "Keys", "Screenshot", "Maximize", "Minimize", "Search for commands")
RAW = re.compile(r"\w+_\w+|\w+\(-?\d+\)|: select\b")
AREAS = {
    "en": ("app: ", "calendar: ", "feeds: ", "view: ", "daily: "),
    "zh": ("应用：", "日历：", "订阅：", "视图：", "每日："),
}


async def wait_until(pilot: Pilot[None], done: Callable[[], bool], what: str) -> None:
    for _ in range(200):
        if done():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"gave up waiting for {what}")


def entries(app: CockpitApp) -> list[str]:
    """Every entry's first line (its name), as the palette holds them."""
    listed = app.screen.query_one(CommandList)
    names = []
    for n in range(listed.option_count):
        prompt = listed.get_option_at_index(n).prompt
        names.append(str(getattr(prompt, "plain", prompt)).split("\n")[0])
    return names


async def open_palette(pilot: Pilot[None], app: CockpitApp) -> None:
    await pilot.press("ctrl+p")
    await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
    await wait_until(pilot, lambda: len(entries(app)) > 20, "the entries")
    await pilot.pause()


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_palette_lists_cockpit_actions_in_the_ui_language(
    tmp_path: Path, clock: FrozenClock, lang: str
) -> None:
    i18n.set_language(lang)
    app = make_app(small_workspace(tmp_path / "ws", clock), watch=False, fetch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_palette(pilot, app)
        names = entries(app)
        assert [n for n in names if not n.startswith(AREAS[lang])] == []
        assert not [n for n in names if RAW.search(n)], names
        assert not [n for n in names if n in TEXTUAL]
        assert i18n.t("cmd.theme") in names and i18n.t("cmd.about") in names
        assert (
            i18n.t(
                "palette.entry", area=i18n.t("area.daily"), verb="添加" if lang == "zh" else "add"
            )
            in names
        )
        # what is drawn: the placeholder, entries with their keys and ids, nothing of Textual's
        drawn = screen_text(app)
        assert i18n.t("palette.placeholder") in drawn
        assert (" · 编号 " if lang == "zh" else " · id ") in drawn  # each id, drawn
        for word in TEXTUAL:
            assert not re.search(rf"^\s+{word}\s*$", drawn, re.M), word
        await pilot.press(*"zzqqxx")
        await wait_until(
            pilot, lambda: i18n.t("palette.no_matches") in screen_text(app), "no matches"
        )


async def test_the_theme_switch_is_worded_in_chinese(tmp_path: Path, clock: FrozenClock) -> None:
    i18n.set_language("zh")
    app = make_app(small_workspace(tmp_path / "ws", clock), watch=False, fetch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_palette(pilot, app)
        await pilot.press(*"切换主题")
        await wait_until(
            pilot, lambda: entries(app)[:1] == [i18n.t("cmd.theme")], "the theme entry"
        )
        await pilot.press("enter")
        await wait_until(pilot, lambda: "搜索主题…" in screen_text(app), "the theme picker")
        await wait_until(pilot, lambda: "nord" in entries(app), "the themes")
        await pilot.press(*"nord")
        await wait_until(pilot, lambda: entries(app)[:1] == ["nord"], "nord first")
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.theme == "nord", "the switch")


async def test_each_screen_names_its_own_area(tmp_path: Path, clock: FrozenClock) -> None:
    app = make_app(small_workspace(tmp_path / "ws", clock), watch=False, fetch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("C")
        await wait_until(pilot, lambda: app.screen.id == "customers", "the customers screen")
        await open_palette(pilot, app)
        names = entries(app)
        assert "customers: log a touch" in names and "customers: back" in names
        assert not [n for n in names if n.startswith("daily: ")]
