"""The metrics screen is kept between visits (issue 17's budget: opening it on five years
of ten tables cost ~140 ms, composing and filling every widget again each time): the
second `M` shows the same screen as it was left, redrawing only what changed meanwhile,
and its table keeps the cells it rendered when only the focus moved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.text import Text
from textual.app import App, ComposeResult

from cockpit.core import i18n
from cockpit.core.clock import FrozenClock
from cockpit.core.config import Config
from cockpit.items.workspace import Workspace
from cockpit.metrics import book as metrics
from cockpit.screens.daily.screen import DailyScreen
from cockpit.screens.planning.metrics import MetricsScreen
from cockpit.screens.safe import DataTable
from tests.ui.helpers import settle
from tests.ui.planning_data import planning_workspace
from tests.ui.render import screen_text, until

SIZE = (120, 40)


def _app(tmp_path: Path, clock: FrozenClock) -> Any:
    from cockpit.app import make_app

    i18n.set_language("en")
    ws = planning_workspace(tmp_path / "ws", clock, Config(language="en"))
    return make_app(ws, watch=False, fetch=False)


async def test_second_visit_is_the_same_screen_as_it_was_left(
    tmp_path: Path, clock: FrozenClock
) -> None:
    app = _app(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("M")
        await until(pilot, lambda: isinstance(app.screen, MetricsScreen))
        first = app.screen
        assert isinstance(first, MetricsScreen)
        await pilot.press("j", "j")  # two months down
        await settle(pilot)
        row = first.current()
        assert row is not None
        rows_read = first.rows
        await pilot.press("q")
        await until(pilot, lambda: isinstance(app.screen, DailyScreen))
        await pilot.press("M")
        await until(pilot, lambda: isinstance(app.screen, MetricsScreen))
        assert app.screen is first  # not composed again
        assert first.current() == row  # the cursor where it was left
        assert first.rows is rows_read  # nothing changed: nothing read again
        assert f"Trends as of {row.month}" in screen_text(app)


async def test_a_change_made_while_hidden_shows_on_the_next_visit(
    tmp_path: Path, clock: FrozenClock
) -> None:
    app = _app(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("M")
        await until(pilot, lambda: isinstance(app.screen, MetricsScreen))
        screen = app.screen
        assert isinstance(screen, MetricsScreen)
        count = len(screen.rows["revenue"])
        await pilot.press("q")
        await until(pilot, lambda: isinstance(app.screen, DailyScreen))
        # Another process (a CLI import, a cron job) adds a month meanwhile.
        other = Workspace(tmp_path / "ws", clock)
        metrics.put_rows(other, "revenue", [{"month": "2026-11", "cash": 1_500_000}])
        await pilot.press("M")
        await until(pilot, lambda: f"Revenue ({count + 1})" in screen_text(app))
        assert len(screen.rows["revenue"]) == count + 1
        assert "2026-11" in screen_text(app)


class _TableApp(App[None]):
    CSS = "DataTable { height: 8; }"

    def compose(self) -> ComposeResult:
        yield DataTable(id="t")
        yield DataTable(id="other")

    def on_mount(self) -> None:
        table = self.query_one("#t", DataTable)
        table.add_columns("month", "cash")
        for n in range(5):
            table.add_row(Text(f"2026-0{n + 1}"), Text(str(n * 100)))
        self.query_one("#other", DataTable).add_column("x")


def _cursor_line(app: App[None]) -> Any:
    table = app.query_one("#t", DataTable)
    return table.render_line(1)  # the first row under the header: the cursor's


async def test_focus_moving_keeps_the_rendered_cells_and_a_theme_change_redraws() -> None:
    app = _TableApp()
    async with app.run_test(size=(40, 20)) as pilot:
        table = app.query_one("#t", DataTable)
        table.focus()
        await pilot.pause()
        focused = _cursor_line(app)
        app.query_one("#other", DataTable).focus()
        await pilot.pause()
        assert _cursor_line(app).text == focused.text
        table.focus()
        await pilot.pause()
        # The very strip drawn before: kept, not rendered again cell by cell.
        assert _cursor_line(app) is focused
        before = {seg.style for seg in focused if seg.style is not None}
        app.theme = "textual-light" if app.theme != "textual-light" else "textual-dark"
        await pilot.pause()
        await pilot.pause()
        after = {seg.style for seg in _cursor_line(app) if seg.style is not None}
        assert before != after  # the new theme's colours, not the cached cells
