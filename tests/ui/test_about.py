"""The palette's "app: about cockpit": the facts of `cockpit doctor`, drawn in a modal,
in the UI language, scrollable at 80x24."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot

from cockpit.app import CockpitApp, make_app
from cockpit.cli.main import main
from cockpit.core import i18n
from cockpit.core.clock import FrozenClock
from cockpit.core.config import load_config
from cockpit.doctor.facts import Origin
from cockpit.screens.daily.screen import DailyScreen
from cockpit.screens.dialogs.about import AboutScreen
from tests.ui.helpers import small_workspace
from tests.ui.render import screen_text


async def wait_until(pilot: Pilot[None], done: Callable[[], bool], what: str) -> None:
    """Poll (a loaded machine is slow to search the palette and to gather facts)."""
    for _ in range(400):
        if done():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"gave up waiting for {what}")


async def open_about(pilot: Pilot[None], app: CockpitApp) -> None:
    """ctrl+p, type, enter: the way a user gets there; then wait for the facts."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*i18n.t("cmd.about"))
    await wait_until(pilot, lambda: i18n.t("cmd.about.help") in screen_text(app), "the match")
    await pilot.press("enter")
    await wait_until(
        pilot,
        lambda: isinstance(app.screen, AboutScreen) and not app.screen.workers,
        "the facts",
    )
    await pilot.pause()


@pytest.fixture
def short_dir() -> Iterator[Path]:
    """A folder with a short path: pytest's own are long enough to fold in the dialog,
    and these tests read whole paths off the screen."""
    path = Path(tempfile.mkdtemp(prefix="ck-", dir="/tmp"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_about_shows_the_doctor_facts(
    lang: str, short_dir: Path, clock: FrozenClock, capsys: pytest.CaptureFixture[str]
) -> None:
    tmp_path = short_dir
    config_path = tmp_path / "my-config.toml"
    config_path.write_text(f'language = "{lang}"\n')
    config = load_config(config_path)
    i18n.set_language(lang)
    root = tmp_path / "ws"
    ws = small_workspace(root, clock, config)
    origin = Origin(config_flag=config_path, data_flag=root)
    app = make_app(ws, watch=False, fetch=False, origin=origin)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_about(pilot, app)
        assert isinstance(app.screen, AboutScreen)
        drawn = screen_text(app)
        assert i18n.t("about.title") in drawn
        assert str(config_path) in drawn and str(root) in drawn
        assert i18n.t("doctor.src.flag", detail="--config") in drawn
        assert i18n.t("doctor.src.flag", detail="--data-dir") in drawn
        lang_line = i18n.t("doctor.from.config", value=i18n.t(f"doctor.lang.{lang}"))
        assert lang_line in drawn
        assert i18n.t("doctor.schema.current", found=2) in drawn
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DailyScreen)
    # The same facts as the command line says for the same flags.
    capsys.readouterr()
    main(["--config", str(config_path), "--data-dir", str(root), "doctor", "--json"])
    facts = json.loads(capsys.readouterr().out)
    assert facts["config"]["source"] == facts["data_dir"]["source"] == "flag"
    assert facts["language"] == {"value": lang, "source": "config"}


async def test_about_of_an_app_built_without_origin(tmp_path: Path, clock: FrozenClock) -> None:
    """Tests and benches build the app from a workspace alone: the routes are told from
    the paths (here COCKPIT_CONFIG, set for every test, and an explicit data dir)."""
    ws = small_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_about(pilot, app)
        drawn = screen_text(app)
        assert "the COCKPIT_CONFIG variable" in drawn
        assert "the --data-dir flag" in drawn


async def test_about_scrolls_at_80x24(tmp_path: Path, clock: FrozenClock) -> None:
    ws = small_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_about(pilot, app)
        first = screen_text(app)
        assert "version" in first and "esc to close" in first
        assert "no problems found" not in first  # below the fold at first
        await pilot.press("end")
        await pilot.pause()
        last = screen_text(app)
        assert "no problems found" in last and "browser (o)" in last
        assert "esc to close" in last  # the way out stays on screen
