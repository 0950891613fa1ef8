"""The open TUI (a Pilot app, in-process) and a real `cockpit` process on one workspace:
the other process's change survives undo (issue 12, item 1), the edit form's save
(item 2) and restoring one damaged file (item 5)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from cockpit.app import CockpitApp, make_app
from cockpit.core.clock import FrozenClock
from cockpit.items.workspace import Workspace
from cockpit.screens.daily.screen import DailyScreen
from cockpit.screens.dialogs.forms import ItemForm
from cockpit.screens.widgets.panels import Panel
from tests.ui.helpers import settle, small_workspace
from tests.unit.storage_helpers import cli_env, run_cockpit

SIZE = (120, 40)
TITLE = "Draft logical replication failover PRD"


def fresh(root: Path, clock: FrozenClock) -> Workspace:
    """The workspace as a third process reads it."""
    return Workspace(root, clock)


def item_id(ws: Workspace, title: str = TITLE) -> int:
    return next(i.id for i in ws.items() if i.title == title)


def notes(app: CockpitApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def on_item(pilot: object, app: CockpitApp, ref: int) -> None:
    screen = app.screen
    assert isinstance(screen, DailyScreen)
    plan: Panel = screen.panel("plan")
    plan.focus()
    assert plan.select_ref(ref)
    await pilot.pause()  # type: ignore[attr-defined]


def cli(root: Path, tmp_path: Path, *args: str) -> str:
    done = run_cockpit(root, *args, env=cli_env(tmp_path))
    assert done.returncode == 0, done.stderr
    return done.stdout


# 1. undo ------------------------------------------------------------------------------
async def test_undo_in_the_tui_keeps_a_done_from_the_cli(
    tmp_path: Path, clock: FrozenClock
) -> None:
    root = tmp_path / "ws"
    ws = small_workspace(root, clock)
    ref = item_id(ws)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await on_item(pilot, app, ref)
        await pilot.press("exclamation_mark")  # key item
        await settle(pilot)
        assert fresh(root, clock).get(ref).key
        cli(root, tmp_path, "done", str(ref))  # another shell
        await pilot.press("u")
        await settle(pilot)
        assert any("Undone" in n for n in notes(app))
    after = fresh(root, clock).get(ref)
    assert after.status == "done"  # the CLI's change survived the undo
    assert after.key is False  # and the toggle was taken back


async def test_undo_of_a_field_the_cli_changed_again_is_refused(
    tmp_path: Path, clock: FrozenClock
) -> None:
    root = tmp_path / "ws"
    ws = small_workspace(root, clock)
    ref = item_id(ws)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await on_item(pilot, app, ref)
        await pilot.press("greater_than_sign")  # defer to next week
        await settle(pilot)
        cli(root, tmp_path, "defer", str(ref), "--to", "2026-W50")
        await pilot.press("u")
        await settle(pilot)
        assert any("Changed in another window — reloaded" in n for n in notes(app))
        assert fresh(root, clock).get(ref).week == "2026-W50"
        # The screen was reloaded from disk: the item left this week's plan.
        screen = app.screen
        assert isinstance(screen, DailyScreen)
        assert ref not in screen.panel("plan").refs


# 2. the edit form ---------------------------------------------------------------------
async def test_saving_the_form_keeps_a_defer_made_while_it_was_open(
    tmp_path: Path, clock: FrozenClock
) -> None:
    root = tmp_path / "ws"
    ws = small_workspace(root, clock)
    ref = item_id(ws)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await on_item(pilot, app, ref)
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, ItemForm)
        assert form.query_one("#f-week", Input).value == "2026-W47"
        cli(root, tmp_path, "defer", str(ref))  # W48, while the form shows W47
        form.query_one("#f-title", Input).value = TITLE + " v2"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DailyScreen)
    saved = fresh(root, clock).get(ref)
    assert (saved.title, saved.week) == (TITLE + " v2", "2026-W48")


async def test_a_form_changing_what_the_cli_changed_is_refused_and_reloaded(
    tmp_path: Path, clock: FrozenClock
) -> None:
    root = tmp_path / "ws"
    ws = small_workspace(root, clock)
    ref = item_id(ws)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await on_item(pilot, app, ref)
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, ItemForm)
        cli(root, tmp_path, "defer", str(ref))  # W48
        form.query_one("#f-week", Input).value = "2026-W50"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DailyScreen)  # the stale form is closed
        assert any("Changed in another window — reloaded" in n for n in notes(app))
    assert fresh(root, clock).get(ref).week == "2026-W48"


# 5. restore ---------------------------------------------------------------------------
async def test_restoring_one_damaged_file_keeps_the_tuis_other_changes(
    tmp_path: Path, clock: FrozenClock
) -> None:
    root = tmp_path / "ws"
    ws = small_workspace(root, clock)
    ws.maintain()  # the daily backup the restore will use
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # Work done in the open TUI after the backup: a customer and a touch ...
        app.persist(lambda: ws.customers.add("Initech", tier="key"), None)
        app.persist(lambda: ws.customers.touch("Initech", "kick-off call"), None)
        await settle(pilot)
        # ... then items.json is damaged; the CLI refuses and names one command.
        (root / "items.json").write_bytes(b'{"items": {"1": ')
        refused = run_cockpit(root, "ls", env=cli_env(tmp_path))
        assert refused.returncode == 3
        advice = f"cockpit --data-dir {root} restore 2026-11-18 --file items.json"
        assert f"run `{advice}`" in refused.stderr
        # A whole restore from a script is refused without --yes (it would replace
        # customers.json too): nothing happens.
        whole = run_cockpit(root, "restore", env=cli_env(tmp_path))
        assert whole.returncode == 1 and "pass --yes" in whole.stderr
        assert "Initech" in (root / "customers.json").read_text("utf-8")
        # The advised command brings back items.json only.
        cli(root, tmp_path, *advice.split()[3:])
        app.check_outside_changes()
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DailyScreen)
        assert item_id(ws) in screen.panel("plan").refs  # the items are back on screen
    again = fresh(root, clock)
    initech = again.customers.find("Initech")
    assert initech.tier == "key" and [t.note for t in again.customers.touches(initech.id)] == [
        "kick-off call"
    ]
    assert len(again.items()) == 6
    # What the restore replaced is kept: the damaged items.json, and nothing else.
    (saved,) = (root / "backups").glob("pre-restore-*")
    assert [p.name for p in saved.iterdir()] == ["items.json"]
    assert (saved / "items.json").read_bytes() == b'{"items": {"1": '
