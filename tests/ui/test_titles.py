"""Each screen's header names that screen, whatever reloads underneath it: the daily
screen used to write its week and date into the app's (shared) title on every reload,
so after `R` on the reading screen or an outside change on the customers screen the
header on top said the daily screen's title (issue 10, item 5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cockpit.app import make_app
from cockpit.core.clock import FrozenClock
from cockpit.core.config import Config
from cockpit.demo.build import build_demo
from cockpit.items.workspace import Workspace
from tests.ui.helpers import settle
from tests.ui.rendered import drawn

SCREENS = [
    ("f", "Friday reading"),
    ("C", "Customers"),
    ("w", "Routines"),
    ("M", "Monthly metrics"),
    ("P", "Requirement pool"),
    ("L", "Launches"),
    ("W", "Weekly report"),
    ("v", "Monday review"),
]


@pytest.mark.parametrize(("key", "name"), SCREENS, ids=[s[1] for s in SCREENS])
async def test_header_keeps_the_screen_name_after_reloads(
    tmp_path: Path, clock: FrozenClock, key: str, name: str
) -> None:
    ws = Workspace(tmp_path / "ws", clock, Config())
    build_demo(ws)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "2026-W47" in drawn(app)[0].text  # the daily screen: week and date
        await pilot.press(key)
        await settle(pilot)
        assert name in drawn(app)[0].text
        app.reload_screens()  # what a feed refresh (R) and an outside change end with
        await settle(pilot)
        header = drawn(app)[0].text
        assert name in header and "2026-W47" not in header, header
        await pilot.press("escape")
        await settle(pilot)
        assert "2026-W47" in drawn(app)[0].text
