"""Pilot tests of the planning screens (metrics, requirement pool, launches) on real
workspace files: every change is checked through a fresh Workspace, as the CLI sees it."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from textual.binding import Binding
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Label, Static

from cockpit.app import CockpitApp, make_app
from cockpit.core import i18n
from cockpit.core.clock import FrozenClock
from cockpit.core.config import Config
from cockpit.core.i18n import CATALOG
from cockpit.items.workspace import Workspace
from cockpit.metrics import book as metrics
from cockpit.planning import launches, requirements
from cockpit.screens.planning.forms import PlanningForm
from cockpit.screens.planning.launches import LAUNCHES, LaunchesScreen
from cockpit.screens.planning.metrics import METRICS, MetricsScreen
from cockpit.screens.planning.requirements import (
    REQUIREMENTS,
    RequirementsScreen,
)
from tests.ui.helpers import settle
from tests.ui.planning_data import planning_workspace
from tests.ui.render import until

SIZE = (120, 40)


def app_on(tmp_path: Path, clock: FrozenClock, language: str = "en") -> CockpitApp:
    i18n.set_language(language)
    ws = planning_workspace(tmp_path / "ws", clock, Config(language=language))
    return make_app(ws, watch=False, fetch=False)


async def open_screen(pilot: Pilot[None], screen: Screen[None]) -> Any:
    pilot.app.push_screen(screen)
    await pilot.pause()
    await pilot.pause()
    return screen


async def type_text(pilot: Pilot[None], text: str) -> None:
    for ch in text:
        await pilot.press("space" if ch == " " else ch)


def fresh(tmp_path: Path, clock: FrozenClock) -> Workspace:
    return Workspace(tmp_path / "ws", clock)


def notes(app: CockpitApp) -> list[str]:
    return [n.message for n in app._notifications]


def shown(widget: Static) -> str:
    """What a Static shows, as plain text (its content may be a table or a group)."""
    console = Console(width=200, file=io.StringIO(), record=True, color_system=None)
    console.print(widget.content)
    return console.export_text()


def form_error(app: CockpitApp) -> str:
    assert isinstance(app.screen, PlanningForm)
    return str(app.screen.query_one(".form-error", Label).content)


# metrics ------------------------------------------------------------------------------
async def test_metrics_rows_trends_and_tables(tmp_path: Path, clock: FrozenClock) -> None:
    app = app_on(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, MetricsScreen())
        assert [r.month for r in screen.newest_first()][:2] == ["2026-10", "2026-09"]
        assert screen.grid.row_count == 14
        tables = screen.query_one("#metrics-tables").rows_data
        assert tables[0].meta.plain.startswith("+8% ↑4")
        assert "no rows yet" in tables[3].meta.plain  # architect projects
        trend = shown(screen.query_one("#metrics-trends", Static))
        assert "4th month of growth" in trend
        # Walking down replays the trend: 2026-06 was a turn after months of growth.
        await pilot.press("j", "j", "j", "j")
        pane = screen.query_one("#metrics-trends", Static)
        assert pane.border_title == "Trends as of 2026-06"
        assert "◆" in shown(pane) and "-14%" in shown(pane)
        await pilot.press("tab", "j", "j")  # the table list: ops activities
        assert screen.table == "ops" and screen.grid.row_count == 3
        assert "summed" in str(pane.border_title)
        await pilot.press("escape")
        assert not isinstance(app.screen, MetricsScreen)


async def test_metrics_row_added_through_the_form(tmp_path: Path, clock: FrozenClock) -> None:
    app = app_on(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, MetricsScreen())
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, PlanningForm)
        assert app.screen.query_one("#m-month", Input).value == "2026-11"  # the month after
        await pilot.press("tab")
        await type_text(pilot, "150万")
        await pilot.press("tab", "tab")
        await type_text(pilot, "many")  # users
        await pilot.press("enter")
        await pilot.pause()
        # Refused inside the form, next to the field; nothing written.
        assert "users must be a number" in form_error(app)
        assert app.screen.focused is app.screen.query_one("#m-users", Input)
        assert [r.month for r in metrics.rows(fresh(tmp_path, clock), "revenue")][-1] == "2026-10"
        app.screen.query_one("#m-users", Input).value = "88"
        await pilot.press("enter")
        await settle(pilot)
        row = metrics.rows(fresh(tmp_path, clock), "revenue")[-1]
        assert (row.month, row.values) == ("2026-11", {"cash": 1_500_000, "users": 88})
        assert app.screen is screen and screen.current().month == "2026-11"
        assert "+10%" in shown(screen.query_one("#metrics-trends", Static))


async def test_metrics_clash_edit_delete_and_undo(tmp_path: Path, clock: FrozenClock) -> None:
    app = app_on(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, MetricsScreen("tickets"))
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#m-month", Input).value = "2026-10"
        await pilot.press("enter")
        await pilot.pause()
        assert "already has a row for 2026-10" in form_error(app)
        await pilot.press("escape")
        await pilot.press("e")  # the newest row: 2026-10
        await pilot.pause()
        count = app.screen.query_one("#m-count", Input)
        assert count.value == "37"
        count.value = "35"
        await pilot.press("enter")
        await settle(pilot)
        assert [r.values["count"] for r in metrics.rows(fresh(tmp_path, clock), "tickets")] == [
            48,
            35,
        ]
        await pilot.press("d")
        await settle(pilot)
        assert [r.month for r in metrics.rows(fresh(tmp_path, clock), "tickets")] == ["2026-09"]
        assert screen.grid.row_count == 1
        await pilot.press("u")
        await settle(pilot)
        kept = metrics.rows(fresh(tmp_path, clock), "tickets")
        assert [(r.month, r.values["count"]) for r in kept] == [("2026-09", 48), ("2026-10", 35)]


async def test_metrics_keyed_table_needs_its_key(tmp_path: Path, clock: FrozenClock) -> None:
    app = app_on(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, MetricsScreen("projects"))
        await pilot.press("e")  # nothing to edit in an empty table: a warning, no form
        assert not isinstance(app.screen, PlanningForm)
        await pilot.press("a")
        await pilot.pause()
        assert app.screen.query_one("#m-month", Input).value == "2026-10"  # last month
        app.screen.query_one("#m-revenue_target", Input).value = "80万"
        await pilot.press("enter")
        await pilot.pause()
        assert "needs a customer" in form_error(app)
        assert app.screen.focused is app.screen.query_one("#m-customer", Input)
        await type_text(pilot, "招商银行")
        await pilot.press("enter")
        await settle(pilot)
        (row,) = metrics.rows(fresh(tmp_path, clock), "projects")
        assert row.values == {"customer": "招商银行", "revenue_target": 800_000}
        assert screen.grid.row_count == 1


# requirements -------------------------------------------------------------------------
def listed(screen: RequirementsScreen) -> list[int]:
    return list(screen.listing.refs)


async def test_requirement_filters_and_detail(tmp_path: Path, clock: FrozenClock) -> None:
    app = app_on(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, RequirementsScreen())
        assert listed(screen) == [2, 5, 3, 4, 1]  # open ones, by stage then priority
        await pilot.press("G")
        assert "▶ planned" in shown(screen.query_one("#req-life", Static))
        log = shown(screen.query_one("#req-log", Static))
        assert log.index("reviewed → planned  in the 17.2 train") < log.index("PRD reviewed")
        await pilot.press("1")
        assert listed(screen) == [2, 5, 3, 4, 1, 6]  # all, the rejected one too
        await pilot.press("1")
        assert listed(screen) == [2, 5, 3]  # collected
        await pilot.press("2", "2")  # Kano: performance
        assert listed(screen) == [2]
        status = shown(screen.query_one("#req-status", Static))
        assert "status: collected" in status and "Kano: performance" in status
        await pilot.press("0", "3")  # cleared, then the first customer
        assert listed(screen) == [2]
        await pilot.press("3")
        assert listed(screen) == [5, 1]
        assert "customer: 招商银行" in shown(screen.query_one("#req-status", Static))


async def test_requirement_advance_needs_a_reason(tmp_path: Path, clock: FrozenClock) -> None:
    app = app_on(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, RequirementsScreen())
        screen.listing.select_ref(4)  # reviewed
        await pilot.press("greater_than_sign")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "needs a reason" in form_error(app)
        await type_text(pilot, "in 18.0")
        await pilot.press("enter")
        await settle(pilot)
        req = requirements.get(fresh(tmp_path, clock), 4)
        assert req.status == "planned" and req.log[-1]["reason"] == "in 18.0"
        assert screen.current().id == 4  # the cursor stays with it


async def test_illegal_moves_are_refused_naming_the_allowed(
    tmp_path: Path, clock: FrozenClock
) -> None:
    app = app_on(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, RequirementsScreen())
        await pilot.press("1")  # all: the rejected one shows
        screen.listing.select_ref(6)
        await pilot.press("greater_than_sign")
        await until(pilot, lambda: notes(app))  # a loaded machine may take a while
        assert not isinstance(app.screen, PlanningForm)
        assert "#6 is rejected: it has no next step; it can move to collected" in notes(app)[-1]
        # Another terminal rejects #2 while the move form is open: the domain refuses the
        # now illegal move with its sentence, and nothing is written.
        screen.listing.select_ref(2)
        await pilot.press("m")
        await pilot.pause()
        requirements.move(fresh(tmp_path, clock), 2, "rejected", "duplicate")
        await type_text(pilot, "ok")
        await pilot.press("enter")  # the first allowed move: reviewed
        await settle(pilot)
        # The form stays open with the sentence next to its fields (what was typed kept).
        assert (
            "requirement 2 cannot move from rejected to reviewed; it can move to collected"
            in form_error(app)
        )
        assert requirements.get(fresh(tmp_path, clock), 2).status == "rejected"
        await pilot.press("escape")
        assert app.screen is screen


async def test_requirement_add_and_scope_change(tmp_path: Path, clock: FrozenClock) -> None:
    app = app_on(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, RequirementsScreen())
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "pg_stat_statements UI")
        await pilot.press("enter")
        await settle(pilot)
        added = requirements.get(fresh(tmp_path, clock), 7)
        assert (added.title, added.status, added.source) == ("pg_stat_statements UI", "collected",
                                                             "internal")  # fmt: skip
        assert screen.current().id == 7
        screen.listing.select_ref(1)  # planned: a scope change needs a reason
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#r-release", Input).value = "18.0"
        await pilot.press("enter")
        await pilot.pause()
        assert "#1 is planned: a scope change needs a reason" in form_error(app)
        app.screen.query_one("#r-reason", Input).value = "bank moved its upgrade"
        await pilot.press("enter")
        await settle(pilot)
        req = requirements.get(fresh(tmp_path, clock), 1)
        assert req.release == "18.0"
        assert req.log[-1] == {
            **req.log[-1],
            "field": "release",
            "reason": "bank moved its upgrade",
        }
        log = shown(screen.query_one("#req-log", Static))
        assert "release: 17.2 → 18.0  bank moved its upgrade" in log
        await pilot.press("u")
        await settle(pilot)
        assert requirements.get(fresh(tmp_path, clock), 1).release == "17.2"


# launches -----------------------------------------------------------------------------
async def test_launch_item_checked_and_undone(tmp_path: Path, clock: FrozenClock) -> None:
    app = app_on(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, LaunchesScreen())
        items = screen.panel("items")
        rows = {r.ref: r for r in items.rows_data}
        assert "bold red" in str(rows[2].title.spans) and "5 days ago" in rows[2].meta.plain
        assert "go-live 2026-11-25" in rows[0].title.plain  # the line between before/after
        await pilot.press("j", "space")
        await settle(pilot)
        acme = launches.find(fresh(tmp_path, clock), "Acme ERP 上线")
        assert acme.item(2).state == "done"
        assert "1 overdue" in screen.panel("list").rows_data[0].meta.plain

        def state() -> str:
            return launches.find(fresh(tmp_path, clock), "Acme ERP 上线").item(2).state

        await pilot.press("x")  # open again
        await until(pilot, lambda: state() == "open")  # a loaded machine may take a while
        assert state() == "open"
        await pilot.press("u")  # undoes the re-opening
        await until(pilot, lambda: state() == "done" and bool(notes(app)))
        assert state() == "done"
        assert "Undone: uncheck Acme ERP 上线" in notes(app)[-1]


async def test_launch_new_edit_item_and_go_live(tmp_path: Path, clock: FrozenClock) -> None:
    app = app_on(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, LaunchesScreen())
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "Bank pilot")
        await pilot.press("enter")
        await pilot.pause()
        assert "go-live date is required" in form_error(app)
        app.screen.query_one("#l-golive", Input).value = "2026-12-20"
        await pilot.press("enter")
        await settle(pilot)
        assert launches.find(fresh(tmp_path, clock), "Bank pilot").golive == "2026-12-20"
        assert screen.current_launch().name == "Bank pilot"
        await pilot.press("e")  # the first item of the new launch
        await pilot.pause()
        await type_text(pilot, "张伟")
        app.screen.query_one("#i-due", Input).value = "2026-12-01"
        await pilot.press("enter")
        await settle(pilot)
        item = launches.find(fresh(tmp_path, clock), "Bank pilot").item(1)
        assert (item.owner, item.due) == ("张伟", "2026-12-01")
        assert "set by hand" in shown(screen.query_one("#launch-detail", Static))
        screen.panel("list").focus()
        await pilot.press("e")  # on the list: the go-live date
        await pilot.pause()
        app.screen.query_one("#l-golive", Input).value = "2027-01-10"
        await pilot.press("enter")
        await settle(pilot)
        assert launches.find(fresh(tmp_path, clock), "Bank pilot").golive == "2027-01-10"


async def test_outside_changes_show_on_the_screen(tmp_path: Path, clock: FrozenClock) -> None:
    app = app_on(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, LaunchesScreen())
        launches.check(fresh(tmp_path, clock), "Acme ERP 上线", 3)  # `cockpit launch check`
        app.check_outside_changes()
        await pilot.pause()
        row = next(r for r in screen.panel("items").rows_data if r.ref == 3)
        assert row.title.plain.startswith("[✓]")
        assert "1 overdue" in screen.panel("list").rows_data[0].meta.plain


# keys and looks -----------------------------------------------------------------------
@pytest.mark.parametrize("bindings", [METRICS, REQUIREMENTS, LAUNCHES])
def test_every_binding_has_an_id_and_a_label(bindings: list[Any]) -> None:
    for binding in bindings:
        assert isinstance(binding, Binding) and binding.id
        assert binding.description in CATALOG


async def test_help_lists_each_screens_keys(
    tmp_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cockpit.screens.dialogs import help as help_screen

    app = app_on(tmp_path, clock, "zh")
    async with app.run_test(size=SIZE) as pilot:
        wanted = {MetricsScreen: "添加月度数据", RequirementsScreen: "推进状态",
                  LaunchesScreen: "完成/重开"}  # fmt: skip
        for kind, label in wanted.items():
            await open_screen(pilot, kind())
            await pilot.press("question_mark")
            assert isinstance(app.screen, help_screen.HelpScreen)
            assert label in {row.label for row in app.screen.rows}
            await pilot.press("escape", "q")
            assert not isinstance(app.screen, kind)


@pytest.mark.parametrize(
    ("name", "language"), [("metrics", "en"), ("requirements", "en"), ("launches", "zh")]
)
def test_planning_screen_snapshot(
    snap_compare: Any, tmp_path: Path, clock: FrozenClock, name: str, language: str
) -> None:
    screens = {"metrics": MetricsScreen, "requirements": RequirementsScreen,
               "launches": LaunchesScreen}  # fmt: skip
    app = app_on(tmp_path, clock, language)

    async def open_it(pilot: Pilot[None]) -> None:
        await open_screen(pilot, screens[name]())
        await pilot.press("j")  # off the first row: a highlighted row with some history
        for _ in range(3):  # the metrics chart is drawn on a thread
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=open_it)
