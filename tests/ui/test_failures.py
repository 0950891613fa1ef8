"""The TUI when saving fails (a real full disk), when a background job fails, and when
midnight comes while it is open."""

from __future__ import annotations

import datetime as dt
from argparse import Namespace
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input

from cockpit.app import CockpitApp, make_app
from cockpit.calendar.routines import RoutineBook
from cockpit.core.clock import FrozenClock
from cockpit.items.workspace import Workspace
from cockpit.screens.daily.screen import DailyScreen
from cockpit.screens.dialogs.forms import ItemForm
from cockpit.storage import LockTimeoutError
from cockpit.storage.backup import list_backups
from cockpit.tui import open_for_tui
from tests.diskfull import fill, small_disk
from tests.ui.helpers import settle, small_workspace

SIZE = (120, 40)
FULL = "the disk is full - free some space and try again"


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    with small_disk(tmp_path / "disk") as where:
        yield where


def notes(app: CockpitApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_an_add_on_a_full_disk_keeps_its_form_and_says_why(
    disk: Path, clock: FrozenClock
) -> None:
    root = disk / "ws"
    ws = small_workspace(root, clock)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        filler = fill(disk)
        await pilot.press("a")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, ItemForm)
        form.query_one("#f-title", Input).value = "Call Alice about the upgrade"
        await pilot.press("enter")
        await settle(pilot)
        # Not saved, and not silently: the form is still open with what was typed ...
        assert app.screen is form
        assert form.query_one("#f-title", Input).value == "Call Alice about the upgrade"
        assert any(FULL in n and "items.json" in n for n in notes(app)), notes(app)
        assert app.is_running
        assert "Call Alice" not in (root / "items.json").read_text("utf-8")
        # ... so once there is room again, the same enter saves it.
        filler.unlink()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DailyScreen)
    assert any(i.title == "Call Alice about the upgrade" for i in Workspace(root, clock).items())


async def test_a_triage_key_on_a_full_disk_says_so_and_shows_what_is_stored(
    disk: Path, clock: FrozenClock
) -> None:
    root = disk / "ws"
    ws = small_workspace(root, clock)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DailyScreen)
        plan = screen.panel("plan")
        plan.focus()
        await pilot.pause()
        first = plan.current_ref()
        fill(disk)
        await pilot.press("x")
        await settle(pilot)
        assert any(FULL in n for n in notes(app))
        assert first in plan.refs  # reloaded from disk: still open, still shown
    assert Workspace(root, clock).get(first).status == "open"  # type: ignore[arg-type]


async def test_the_tui_starts_on_a_full_disk(
    disk: Path, tmp_path: Path, clock: FrozenClock
) -> None:
    root = disk / "ws"
    Workspace(root, clock)  # files exist; no routines installed and no backup made yet
    fill(disk)
    args = Namespace(
        demo=False, config=tmp_path / "none.toml", data_dir=root, clock=clock, command=None
    )
    ws, _demo = open_for_tui(args)  # installing routines and the backup both fail ...
    assert ws.warnings and FULL in ws.warnings[0]
    assert RoutineBook(ws).all()  # ... yet the week's routines are shown (unsaved)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DailyScreen) and app.is_running
        assert any("daily maintenance" in n and FULL in n for n in notes(app))
    assert list_backups(root) == []


async def test_a_failing_background_job_is_a_notification_not_the_end(
    tmp_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    import cockpit.calendar.ical_import as ical_import

    def broken(_ws: Workspace) -> list[object]:
        raise RuntimeError("calendar parser exploded")

    def locked(_ws: Workspace) -> list[object]:
        raise LockTimeoutError("the workspace is locked by another cockpit process; try again")

    ws = small_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        monkeypatch.setattr(ical_import, "refresh_subscriptions", locked)
        app.refresh_calendars()
        await settle(pilot)
        monkeypatch.setattr(ical_import, "refresh_subscriptions", broken)
        app.refresh_calendars()
        for _ in range(50):  # not settle(): waiting on a failed worker re-raises its error
            await pilot.pause(0.02)
            if any("went wrong" in n for n in notes(app)):
                break
        await pilot.press("j")  # still taking keys
        assert app.is_running and isinstance(app.screen, DailyScreen)
        assert any("locked by another cockpit process" in n for n in notes(app))
        assert any("Something went wrong: calendar parser exploded" in n for n in notes(app))
    assert app.return_code in (0, None)


async def test_midnight_in_the_open_app_makes_the_daily_backup(
    tmp_path: Path, clock: FrozenClock
) -> None:
    ws = small_workspace(tmp_path / "ws", clock)
    ws.maintain()
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.check_rollover()
        await settle(pilot)
        assert list_backups(ws.root) == ["2026-11-18"]  # same day: nothing new
        clock.advance(days=1)
        app.check_rollover()  # the app's 15-second timer, called now
        await settle(pilot)
        assert list_backups(ws.root) == ["2026-11-19", "2026-11-18"]
        clock.set(dt.datetime(2026, 11, 25, 0, 5))  # a week later, still open
        app.check_rollover()
        await settle(pilot)
        assert list_backups(ws.root)[0] == "2026-11-25"
