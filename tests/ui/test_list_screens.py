"""The list screens' shared frame (`screens/planning/listing.py`) on the demo workspace,
opened from the daily screen's keys, asserting on what is drawn.

Textual runs the `on_mount` and the message handlers of every class along the MRO: a
screen that kept its own `on_mount` or row handlers beside the frame's would read its
data twice on opening, redraw its detail twice on each cursor move and open two forms
on one Enter. Each is counted here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cockpit.core.clock import FrozenClock
from cockpit.core.i18n import t
from cockpit.screens.dialogs.forms import Form
from cockpit.screens.goals.roadmap import RoadmapScreen
from cockpit.screens.goals.screen import GoalsScreen
from cockpit.screens.planning.listing import ListScreen
from cockpit.screens.planning.requirements import RequirementsScreen
from tests.ui.render import screen_lines, screen_text, until
from tests.ui.rendered import marked_rows
from tests.ui.test_snapshots import demo_app

SCREENS: list[tuple[str, type[ListScreen]]] = [
    ("O", GoalsScreen),
    ("R", RoadmapScreen),
    ("P", RequirementsScreen),
]


def counted(monkeypatch: pytest.MonkeyPatch, cls: type[Any], name: str) -> list[int]:
    """Count the calls of `cls.name` (still doing what it did)."""
    calls: list[int] = []
    original: Callable[..., Any] = getattr(cls, name)

    def counting(self: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(cls, name, counting)
    return calls


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize(("key", "kind"), SCREENS, ids=[k.__name__ for _, k in SCREENS])
async def test_a_list_screen_reads_once_moves_once_and_opens_one_form(
    tmp_path: Path,
    clock: FrozenClock,
    monkeypatch: pytest.MonkeyPatch,
    key: str,
    kind: type[ListScreen],
    language: str,
) -> None:
    reloads = counted(monkeypatch, kind, "reload")
    details = counted(monkeypatch, kind, "show_detail")
    app = demo_app(tmp_path / "ws", clock, language)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(key)
        await until(pilot, lambda: isinstance(app.screen, kind))
        screen = app.screen
        assert isinstance(screen, kind)
        await pilot.pause()
        assert len(reloads) == 1  # the frame's on_mount, not a second one of the screen's
        lines = screen_lines(app)
        assert t(kind.SUBTITLE) in lines[0]  # the header names the screen
        listing = screen.listing
        assert screen.focused is listing
        count = listing.row_count
        assert count > 1
        title = next(line for line in lines if f"{t(kind.LIST_TITLE)} ({count})" in line)
        assert lines.index(title) == listing.region.y  # the list's border, drawn once
        row = listing.cursor_row
        assert marked_rows(app, listing) == [row]

        shown = len(details)
        await pilot.press("j")
        await pilot.pause()
        assert len(details) == shown + 1
        assert marked_rows(app, listing) == [row + 1]  # the cursor drawn a line lower

        await pilot.press("k")  # back on a record (the roadmap's next line may be a heading)
        await pilot.pause()
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, Form))
        await pilot.pause()
        assert sum(isinstance(s, Form) for s in app.screen_stack) == 1
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen)
        assert app.screen is screen
        assert t(kind.SUBTITLE) in screen_text(app).splitlines()[0]


def test_no_list_screen_handles_what_the_frame_handles() -> None:
    """The frame's handlers stay the only ones: a screen says what differs through
    plain methods (`reload`, `show_detail`, `action_edit`, `compose_detail`)."""
    for _, kind in SCREENS:
        assert "on_mount" not in vars(kind) and "_on_mount" not in vars(kind)
        assert not vars(kind).get("_decorated_handlers"), kind.__name__
