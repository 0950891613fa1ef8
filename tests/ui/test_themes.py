"""Themes: a switch redraws every list in the new theme's colours (what is drawn, not
widget state), the chosen theme is saved as `[ui] theme` in the config file without
touching anything else the user wrote, and read at the next start (issue 10)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.color import Color
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot

from cockpit.app import CockpitApp, make_app
from cockpit.core.clock import FrozenClock
from cockpit.core.config import Config, load_config
from cockpit.core.errors import ConfigError
from cockpit.demo.build import build_demo
from cockpit.items.workspace import Workspace
from tests.ui.helpers import settle, small_workspace
from tests.ui.rendered import row_looks
from tests.ui.test_cursor_drawn import LISTS, _cursor_index, _header

USER_FILE = """\
# my cockpit settings
language = "en"   # keep English

[customers]
top_untouched_days = 10

[ui]
# links open here
browser = "firefox"

[keys]
done = "x,space"
"""


async def wait_until(pilot: Pilot[None], done: Callable[[], bool], what: str) -> None:
    for _ in range(200):
        if done():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"gave up waiting for {what}")


def _names(app: CockpitApp) -> list[str]:
    listed = app.screen.query_one(CommandList)
    return [
        str(getattr(p, "plain", p)).split("\n")[0]
        for p in (listed.get_option_at_index(n).prompt for n in range(listed.option_count))
    ]


async def pick_theme(pilot: Pilot[None], app: CockpitApp, name: str) -> None:
    """ctrl+p, "app: change theme", the theme's name, enter: as a user does."""
    await pilot.press("ctrl+p")
    await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
    await pilot.press(*"change theme")
    await wait_until(pilot, lambda: _names(app)[:1] == ["app: change theme"], "the entry")
    await pilot.press("enter")
    await wait_until(pilot, lambda: name in _names(app), "the themes")
    await pilot.press(*name)
    await wait_until(pilot, lambda: _names(app)[:1] == [name], f"{name} first")
    await pilot.press("enter")
    await wait_until(pilot, lambda: not isinstance(app.screen, CommandPalette), "the switch")
    await settle(pilot)


def demo_app(root: Path, clock: FrozenClock, config: Config | None = None) -> CockpitApp:
    ws = Workspace(root, clock, config or Config())
    build_demo(ws)
    return make_app(ws, watch=False, fetch=False)


@pytest.mark.parametrize(("name", "keys", "selector", "down"), LISTS, ids=[n[0] for n in LISTS])
async def test_every_list_takes_the_new_theme_background(
    tmp_path: Path, clock: FrozenClock, name: str, keys: list[str], selector: str, down: str
) -> None:
    app = demo_app(tmp_path / "ws", clock)
    async with app.run_test(size=(120, 40)) as pilot:
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await settle(pilot)
        widget = app.screen.query_one(selector)
        top = _header(widget)
        dark = {bg for look in row_looks(app, widget, top) for bg in look}
        screen = app.screen
        app.theme = "textual-light"  # as the palette's picker sets it (tested below)
        await settle(pilot)
        assert app.screen is screen
        at = _cursor_index(widget)
        rows = [look for y, look in enumerate(row_looks(app, widget, top)) if y != at]
        light = {bg for look in rows for bg in look}
        assert light and not light & dark, f"{name}: rows keep the old theme's background"


async def test_the_theme_picked_is_saved_and_the_rest_of_the_file_kept(
    tmp_path: Path, clock: FrozenClock
) -> None:
    path = tmp_path / "config.toml"
    path.write_text(USER_FILE, encoding="utf-8")
    app = make_app(small_workspace(tmp_path / "ws", clock, load_config(path)), watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pick_theme(pilot, app, "nord")
        assert app.theme == "nord"
        await wait_until(pilot, lambda: "nord" in path.read_text(encoding="utf-8"), "the save")
    expected = USER_FILE.replace("[ui]\n", '[ui]\ntheme = "nord"\n', 1)
    assert path.read_text(encoding="utf-8") == expected
    assert load_config(path).ui.theme == "nord"


async def test_the_saved_theme_is_used_at_start(tmp_path: Path, clock: FrozenClock) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[ui]\ntheme = "nord"\n', encoding="utf-8")
    app = demo_app(tmp_path / "ws", clock, load_config(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.theme == "nord"
        panel = app.screen.query_one("#panel-carry")
        nord = app.get_theme("nord")
        assert nord is not None and nord.surface is not None
        drawn = set(row_looks(app, panel)[1])  # a row under the cursor's
        assert drawn == {Color.parse(nord.surface).rich_color}  # the panels sit on $surface


def test_a_theme_that_does_not_exist_is_refused_before_start(
    tmp_path: Path, clock: FrozenClock
) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[ui]\ntheme = "nrod"\n', encoding="utf-8")
    ws = small_workspace(tmp_path / "ws", clock, load_config(path))
    with pytest.raises(ConfigError) as caught:
        make_app(ws, watch=False, fetch=False)
    assert str(caught.value).startswith(
        f"config {path}: [ui] theme 'nrod' is not a theme (did you mean 'nord'?)"
    )
