"""A keypress redraws what it changed: the panels show what a full rebuild would show,
no item is parsed again but the one that changed, and moving the focus neither rebuilds
the footer nor hides the focus."""

from __future__ import annotations

import datetime as dt
import errno
import threading
from pathlib import Path
from typing import Any

from rich.color import Color

from cockpit.app import CockpitApp, make_app
from cockpit.core.clock import FrozenClock
from cockpit.core.model import Item
from cockpit.items.rules import PANELS, panels
from cockpit.items.workspace import Workspace
from cockpit.screens.daily.screen import DailyScreen
from cockpit.screens.widgets.keybar import KeyBar
from cockpit.screens.widgets.panels import Panel
from cockpit.storage import jsonstore
from tests.ui.helpers import settle
from tests.ui.rendered import drawn

COUNT = 150


def busy_workspace(root: Path, clock: FrozenClock) -> Workspace:
    ws = Workspace(root, clock)
    weeks = ["2026-W45", "2026-W46", "2026-W47", "2026-W47", "2026-W48"]
    lists = ["plan", "ops", "plan", "key"]
    items = [
        ws.new_item(
            f"item {n}",
            week=weeks[n % len(weeks)],
            list_name=lists[n % len(lists)],
            due=dt.date(2026, 11, 16 + n % 9) if n % 4 == 0 else None,
        )
        for n in range(COUNT)
    ]
    ws.add_many(items)
    ws.undo_stack.clear()
    return ws


def shown(app: CockpitApp) -> dict[str, list[int]]:
    screen = app.screen
    assert isinstance(screen, DailyScreen)
    return {name: [r for r in screen.panel(name).refs if r > 0] for name in PANELS}


def expected(ws: Workspace) -> dict[str, list[int]]:
    split = panels([Item.from_doc(i.id, i.to_doc()) for i in ws.items()], ws.week)
    return {name: [i.id for i in split[name]] for name in PANELS}


async def test_keys_keep_every_panel_as_a_full_rebuild_would(
    tmp_path: Path, clock: FrozenClock
) -> None:
    ws = busy_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert shown(app) == expected(ws)
        for key in ["x", "j", "exclamation_mark", "tab", "x", "u", "u", "g", "x", "u"]:
            await pilot.press(key)
            await settle(pilot)
            assert shown(app) == expected(ws), key
        # another process changes the file: the outside-change reload shows it too
        other = Workspace(ws.root, clock)
        first = shown(app)["key"][0]
        other.done(first)
        app.check_outside_changes()
        await settle(pilot)
        assert first not in shown(app)["key"]
        assert shown(app) == expected(ws)


async def test_a_keypress_parses_only_the_item_it_changed(
    tmp_path: Path, clock: FrozenClock, monkeypatch: Any
) -> None:
    built: list[int] = []
    original = Item.from_doc.__func__  # type: ignore[attr-defined]

    def counted(cls: type[Item], doc_id: int, doc: dict[str, Any]) -> Item:
        built.append(doc_id)
        return original(cls, doc_id, doc)  # type: ignore[no-any-return]

    monkeypatch.setattr(Item, "from_doc", classmethod(counted))
    ws = busy_workspace(tmp_path / "ws", clock)  # its cache builds through `counted`
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        target = shown(app)["key"][0]
        built.clear()
        await pilot.press("x")
        await settle(pilot)
        assert target not in shown(app)["key"]
        # the writer reads the one item, the screen's cache rebuilds the one item
        assert 1 <= len(built) <= 4 and set(built) == {target}, built


async def test_moving_between_panels_keeps_the_footer_and_draws_the_focus(
    tmp_path: Path, clock: FrozenClock
) -> None:
    ws = busy_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(KeyBar)
        keys = bar.lines()
        assert keys
        screen = app.screen
        assert isinstance(screen, DailyScreen)
        carry = screen.panel("carry")

        def border(panel: Panel) -> Color | None:
            strip = drawn(app)[panel.region.y]
            seg = next(s for s in strip.crop(panel.region.x, panel.region.x + 1))
            return seg.style.color if seg.style else None

        blurred = border(carry)
        await pilot.press("tab")
        await settle(pilot)
        assert screen.focused is carry
        assert app.screen.query_one(KeyBar) is bar and bar.lines() == keys  # no rebuild
        assert border(carry) != blurred  # the focus is drawn all the same
        assert border(screen.panel("key")) == blurred


async def test_the_scrollbar_follows_the_rows_without_a_layout(
    tmp_path: Path, clock: FrozenClock
) -> None:
    ws = busy_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DailyScreen)
        key = screen.panel("key")
        before = key.row_count
        assert key.virtual_size.height == before > key.scrollable_content_region.height
        await pilot.press("x")
        await settle(pilot)
        assert key.row_count == before - 1
        assert key.virtual_size.height == before - 1
        assert key.vertical_scrollbar.window_virtual_size == before - 1


async def test_a_triage_key_shows_before_its_write_and_stays_after(
    tmp_path: Path, clock: FrozenClock
) -> None:
    ws = busy_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        target = shown(app)["key"][0]
        gate = threading.Event()
        app.writer.submit(gate.wait)  # the disk is slow: the write waits behind this
        try:
            await pilot.press("x")
            for _ in range(5):
                await pilot.pause()
            assert target not in shown(app)["key"]  # shown at once...
            stored = Workspace(ws.root, clock).get(target)
            assert stored.status == "open"  # ...before it is written
        finally:
            gate.set()
        await settle(pilot)
        assert target not in shown(app)["key"]
        assert Workspace(ws.root, clock).get(target).status == "done"
        assert shown(app) == expected(ws)
        await pilot.press("u")  # undo is shown ahead too, and lands the same
        await settle(pilot)
        assert target in shown(app)["key"] and shown(app) == expected(ws)


async def test_a_failed_write_takes_its_prediction_back(
    tmp_path: Path, clock: FrozenClock, monkeypatch: Any
) -> None:
    ws = busy_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        target = shown(app)["key"][0]

        def full_disk(path: Path, data: bytes) -> None:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))

        monkeypatch.setattr(jsonstore, "atomic_write", full_disk)
        await pilot.press("exclamation_mark")  # key item -> plan, predicted at once
        await settle(pilot)
        assert target in shown(app)["key"]  # the write failed: back where it is stored
        assert shown(app) == expected(ws)
        assert any(n.severity == "error" for n in app._notifications)


def lines_on_screen(app: CockpitApp, panel: Panel) -> list[str]:
    """The text the compositor draws on each content line of `panel`."""
    region = panel.scrollable_content_region
    strips = drawn(app)
    return [strips[y].crop(region.x, region.right).text for y in range(region.y, region.bottom)]


def lines_expected(panel: Panel) -> list[str]:
    width = panel.scrollable_content_region.width
    top = int(panel.scroll_y)
    end = min(top + panel.scrollable_content_region.height, panel.row_count)
    rows = [panel.row_at(i) for i in range(top, end)]
    blank = panel.scrollable_content_region.height - len(rows)
    return [panel._line(row, width).plain for row in rows] + [" " * width] * blank


async def test_rows_that_only_moved_are_not_laid_out_again(
    tmp_path: Path, clock: FrozenClock, monkeypatch: Any
) -> None:
    """`!` moves one item out of the key panel: every row below it shifts up a line, and
    the write's reload hands the same rows over again. Only the rows that are new on
    screen (and the cursor's) are laid out; the screen still shows every row right."""
    laid_out: list[str] = []
    original = Panel._line

    def counted(self: Panel, row: Any, width: int) -> Any:
        laid_out.append(row.title.plain)
        return original(self, row, width)

    ws = busy_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DailyScreen)
        key, plan = screen.panel("key"), screen.panel("plan")
        monkeypatch.setattr(Panel, "_line", counted)
        await pilot.press("exclamation_mark")
        await settle(pilot)
        assert shown(app) == expected(ws)
        monkeypatch.setattr(Panel, "_line", original)
        for panel in (key, plan):
            assert lines_on_screen(app, panel) == lines_expected(panel)
        # a full redraw of the two panels lays out 20 rows or more
        assert len(laid_out) <= 6, laid_out


async def test_moving_the_focus_lays_out_only_the_cursor_rows(
    tmp_path: Path, clock: FrozenClock, monkeypatch: Any
) -> None:
    laid_out: list[str] = []
    original = Panel._line

    def counted(self: Panel, row: Any, width: int) -> Any:
        laid_out.append(row.title.plain)
        return original(self, row, width)

    ws = busy_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DailyScreen)
        monkeypatch.setattr(Panel, "_line", counted)
        for key in ("tab", "shift+tab", "tab"):
            await pilot.press(key)
            await settle(pilot)
        monkeypatch.setattr(Panel, "_line", original)
        assert screen.focused is screen.panel("carry")
        for name in ("key", "carry"):
            panel = screen.panel(name)
            assert lines_on_screen(app, panel) == lines_expected(panel)
        # the cursor row of each panel, focused and blurred, at most once each
        assert len(laid_out) <= 4, laid_out


async def test_rows_handed_over_unchanged_repaint_nothing(
    tmp_path: Path, clock: FrozenClock, monkeypatch: Any
) -> None:
    """A reload that hands every panel its rows again (as after each write) repaints
    no line whose row did not change."""
    ws = busy_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DailyScreen)
        repaints: list[str] = []
        original = Panel.refresh

        def counted(self: Panel, *regions: Any, **kwargs: Any) -> Any:
            repaints.append(self.panel)
            return original(self, *regions, **kwargs)

        monkeypatch.setattr(Panel, "refresh", counted)
        screen._redraw._view = object()  # type: ignore[assignment]  # a new view: all handed over
        screen.reload()
        assert repaints == []
