"""Every list shows its cursor: the row under it is drawn unlike its neighbours (in the
compositor's output, the very strips sent to the terminal) and the mark moves on `j`,
in dark and light themes. Widget state alone said the cursor moved while the terminal
showed nothing (issue 10)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rich.color import Color
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import DataTable, OptionList

from cockpit.app import CockpitApp, make_app
from cockpit.core.clock import FrozenClock
from cockpit.core.config import Config
from cockpit.demo.build import build_demo
from cockpit.items.workspace import Workspace
from cockpit.screens.widgets.panels import Panel
from tests.ui.helpers import settle
from tests.ui.rendered import marked_rows, row_looks

# (name, keys that open the list from the daily screen, the list, the key that moves down)
LISTS = [
    ("daily-key", [], "#panel-key", "j"),
    ("daily-carry", ["tab"], "#panel-carry", "j"),
    ("daily-feeds", ["tab"] * 6, "#panel-feeds", "j"),
    ("reading-entries", ["f"], "#panel-entries", "j"),
    ("reading-feeds", ["f", "shift+tab"], "#panel-feedlist", "j"),
    ("customers", ["C"], "#cust-table", "j"),
    ("routines", ["w"], "#routines-list", "j"),
    ("metrics-rows", ["M"], "#metrics-rows", "j"),
    ("metrics-tables", ["M", "shift+tab"], "#metrics-tables", "j"),
    ("requirements", ["P"], "#req-list", "j"),
    ("launch-items", ["L"], "#launch-items", "j"),
    ("finder", ["slash", "p", "g"], "#find-results", "down"),
    ("help", ["question_mark"], "#help-keys", "j"),
]


def demo_app(root: Path, clock: FrozenClock) -> CockpitApp:
    ws = Workspace(root, clock, Config())
    build_demo(ws)
    return make_app(ws, watch=False, fetch=False)


async def drawn_when(pilot: Pilot[None], done: Callable[[], bool]) -> None:
    """Give a loaded machine time to draw (the assertion after it says what is wrong)."""
    for _ in range(40):
        if done():
            return
        await pilot.pause(0.05)


def _distance(a: Color | None, b: Color | None) -> float:
    ra, ga, ba = (a or Color.default()).get_truecolor()
    rb, gb, bb = (b or Color.default()).get_truecolor()
    return float(((ra - rb) ** 2 + (ga - gb) ** 2 + (ba - bb) ** 2) ** 0.5)


def _header(widget: Widget) -> int:
    return widget.header_height if isinstance(widget, DataTable) and widget.show_header else 0


def _cursor_index(widget: Widget) -> int:
    """The content line the cursor is on (an option list's: its first line)."""
    if isinstance(widget, Panel | DataTable):
        return widget.cursor_row - int(widget.scroll_y)
    assert isinstance(widget, OptionList) and widget.highlighted is not None
    return widget._index_to_line[widget.highlighted] - int(widget.scroll_y)


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pytest.mark.parametrize(("name", "keys", "selector", "down"), LISTS, ids=[n[0] for n in LISTS])
async def test_cursor_row_is_drawn_and_moves(
    tmp_path: Path,
    clock: FrozenClock,
    theme: str,
    name: str,
    keys: list[str],
    selector: str,
    down: str,
) -> None:
    app = demo_app(tmp_path / "ws", clock)
    async with app.run_test(size=(120, 40)) as pilot:
        app.theme = theme
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await settle(pilot)
        widget = app.screen.query_one(selector)
        at, top = _cursor_index(widget), _header(widget)
        await drawn_when(pilot, lambda: marked_rows(app, widget, top)[:1] == [at])
        assert marked_rows(app, widget, top)[:1] == [at], f"{name}: the cursor is not drawn"
        looks = row_looks(app, widget, top)
        cursor_bg = looks[at][len(looks[at]) // 2]
        neighbour = looks[at + 1][len(looks[at]) // 2]
        assert _distance(cursor_bg, neighbour) > 40, f"{name}: the cursor barely shows"
        await pilot.press(down)
        await settle(pilot)
        moved = _cursor_index(widget)
        await drawn_when(pilot, lambda: marked_rows(app, widget, top)[:1] == [moved])
        assert moved > at
        assert marked_rows(app, widget, top)[:1] == [moved], f"{name}: the mark did not move"


async def test_rows_take_the_new_theme_background(tmp_path: Path, clock: FrozenClock) -> None:
    """Switching theme redraws the rows: none keeps a cached line of the old theme."""
    app = demo_app(tmp_path / "ws", clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        panel = app.screen.query_one("#panel-carry", Panel)
        dark = set(row_looks(app, panel)[1])
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.pause()
        light = set(row_looks(app, panel)[1])
        assert light == {panel.rich_style.bgcolor}
        assert not light & dark
