"""`o` with no browser to open (over SSH, no display): say so, copy the link (OSC 52),
name tmux's setting inside tmux; with `[ui] browser`, that command opens it."""

from __future__ import annotations

import webbrowser
from pathlib import Path

import pytest

from cockpit.app import make_app
from cockpit.core import i18n
from cockpit.core.clock import FrozenClock
from cockpit.core.config import Config, UiSettings
from cockpit.feeds.store import EntryStore
from tests.ui.helpers import settle, small_workspace
from tests.unit.test_browser import recorder, wait_for

SIZE = (120, 40)
LINK = "https://planet.postgresql.org/p/42"


def with_entry(tmp_path: Path, clock: FrozenClock, config: Config | None = None) -> tuple:  # type: ignore[type-arg]
    ws = small_workspace(tmp_path / "ws", clock, config)
    (ref,) = EntryStore(ws.files).add(
        [
            {
                "feed": "Planet",
                "category": "planet",
                "title": "Failover slots in 17",
                "link": LINK,
                "published": "2026-11-18T01:00:00+00:00",
            }
        ]
    )
    return ws, ref


@pytest.fixture
def no_display(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Linux box reached over SSH: no display, no $BROWSER."""
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "BROWSER", "TMUX"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SSH_CONNECTION", "10.0.0.2 50000 10.0.0.1 22")
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setattr(webbrowser, "_tryorder", None)


async def _press_o(pilot: object, app: object, ref: int) -> None:
    feeds = app.screen.panel("feeds")  # type: ignore[attr-defined]
    feeds.focus()
    assert feeds.select_ref(ref)
    await pilot.press("o")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]


@pytest.mark.usefixtures("no_display")
async def test_no_browser_says_so_and_copies_the_link(tmp_path: Path, clock: FrozenClock) -> None:
    ws, ref = with_entry(tmp_path, clock)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await _press_o(pilot, app, ref)
        messages = [n.message for n in app._notifications]
        assert not any(m.startswith("Opening") for m in messages)
        assert (
            "Could not open a browser (no graphical display), so the link is copied to the "
            "clipboard; [ui] browser in config.toml picks one. " + LINK
        ) in messages
        assert app.clipboard == LINK
        assert not EntryStore(ws.files).get(ref).read  # nothing was read yet


@pytest.mark.usefixtures("no_display")
async def test_inside_tmux_it_names_the_setting_in_chinese(
    tmp_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TMUX", "/tmp/tmux-0/default,123,0")
    i18n.set_language("zh")
    ws, ref = with_entry(tmp_path, clock)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await _press_o(pilot, app, ref)
        (message,) = [n.message for n in app._notifications]
        assert message.startswith("无法打开浏览器（没有图形界面），链接已复制到剪贴板")
        assert "`set -g set-clipboard on`" in message and message.endswith(LINK)
        assert app.clipboard == LINK


@pytest.mark.usefixtures("no_display")
async def test_ui_browser_opens_it_even_over_ssh(tmp_path: Path, clock: FrozenClock) -> None:
    script, out = recorder(tmp_path)
    ws, ref = with_entry(tmp_path, clock, Config(ui=UiSettings(browser=[str(script), "--new-tab"])))
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await _press_o(pilot, app, ref)
        assert wait_for(out).splitlines() == ["--new-tab", LINK]
        assert f"Opened in {script}: {LINK}" in [n.message for n in app._notifications]
        assert EntryStore(ws.files).get(ref).read


async def test_a_failing_browser_command_copies_the_link(
    tmp_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TMUX", raising=False)
    ws, ref = with_entry(tmp_path, clock, Config(ui=UiSettings(browser=[str(tmp_path / "gone")])))
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await _press_o(pilot, app, ref)
        (message,) = [n.message for n in app._notifications]
        assert message.startswith(f"Could not open a browser ({tmp_path / 'gone'} failed: No such")
        assert app.clipboard == LINK
