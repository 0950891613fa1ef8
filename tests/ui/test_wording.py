"""Wording a user reads: counts agree with their nouns, no "carried 0×", form labels in
one case, panels titled for what they show, in English and Chinese (asserted on what is
drawn)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cockpit.app import make_app
from cockpit.core import i18n
from cockpit.core.clock import FrozenClock
from cockpit.items.workspace import Workspace
from cockpit.planning import launches
from cockpit.screens.planning.launches import LaunchesScreen
from cockpit.screens.planning.requirements import RequirementsScreen
from tests.ui.helpers import small_workspace
from tests.ui.render import screen_text

SIZE = (120, 40)


def one_launch(tmp_path: Path, clock: FrozenClock) -> Workspace:
    ws = small_workspace(tmp_path / "ws", clock)
    launches.new(ws, "Acme ERP", dt.date(2026, 11, 25))
    ws.undo_stack.clear()
    return ws


async def test_launches_say_one_launch_and_title_the_item_pane(
    tmp_path: Path, clock: FrozenClock
) -> None:
    app = make_app(one_launch(tmp_path, clock), watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(LaunchesScreen())
        await pilot.pause()
        await pilot.pause()
        await pilot.press("tab")  # the checklist: its item shows in the pane below
        await pilot.pause()
        drawn = screen_text(app)
        assert "1 launch · " in drawn and "1 launches" not in drawn
        assert "items overdue" in drawn
        assert "Checklist item 1" in drawn
        assert "╭─ item ─" not in drawn


async def test_launches_in_chinese(tmp_path: Path, clock: FrozenClock) -> None:
    i18n.set_language("zh")
    app = make_app(one_launch(tmp_path, clock), watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(LaunchesScreen())
        await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()
        drawn = screen_text(app)
        assert "1 个上线 · " in drawn and "清单事项 1" in drawn


async def test_empty_launches_do_not_talk_about_seeds(tmp_path: Path, clock: FrozenClock) -> None:
    app = make_app(small_workspace(tmp_path / "ws", clock), watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(LaunchesScreen())
        await pilot.pause()
        drawn = screen_text(app)
        assert "seed" not in drawn
        assert "press a to start one from the standard go-live checklist" in drawn


async def test_requirement_form_labels_start_with_a_capital(
    tmp_path: Path, clock: FrozenClock
) -> None:
    app = make_app(small_workspace(tmp_path / "ws", clock), watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(RequirementsScreen())
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        labels = [str(label.render()) for label in app.screen.query(".field-label")]
        assert labels[:8] == [
            "Title",
            "Customer",
            "Source",
            "Kano",
            "Priority",
            "Owner",
            "Release",
            "Ref",
        ]
        drawn = screen_text(app)
        for label in ("Customer", "Source", "Priority", "Release"):
            assert f"│ {label} " in drawn


async def test_review_card_never_says_carried_zero_times(
    tmp_path: Path, clock: FrozenClock
) -> None:
    ws = small_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        await pilot.pause()
        drawn = screen_text(app)
        assert "planned for 2026-W46" in drawn
        assert "carried 0×" not in drawn


async def test_review_hint_counts_one_item(tmp_path: Path) -> None:
    from cockpit.core.clock import FrozenClock as Clock
    from tests.conftest import SHANGHAI

    monday = Clock(dt.datetime(2026, 11, 16, 9, 0, tzinfo=SHANGHAI), SHANGHAI)
    ws = Workspace(tmp_path / "ws", monday)
    ws.add("Left over", week="2026-W46")
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        drawn = screen_text(app)
        assert "1 carried item to review: press v" in drawn
