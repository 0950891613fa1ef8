"""Pilot tests of the routines screen, driving its keys against real workspace files.

Every change is checked through a fresh Workspace/RoutineBook on the same directory, so
a test passes only when the change really reached the disk (through the writer thread).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from textual import events, on
from textual.pilot import Pilot
from textual.widgets import Input, Label, Static, TextArea

from cockpit.app import CockpitApp, make_app
from cockpit.calendar.routines import Routine, RoutineBook
from cockpit.core import i18n
from cockpit.core.clock import FrozenClock
from cockpit.core.config import Config
from cockpit.items.workspace import Workspace
from cockpit.screens.calendar.forms import (
    RoutineForm,
    checklist_text,
    parse_checklist,
    parse_minutes,
    parse_weekdays,
)
from cockpit.screens.calendar.routines import DAYS, ROUTINE_IDS, RoutinesScreen
from cockpit.screens.daily.screen import DailyScreen
from cockpit.screens.dialogs.help import HelpScreen
from tests.ui.helpers import settle, small_workspace

SIZE = (120, 40)
TODAY = dt.date(2026, 11, 18)  # the frozen clock's Wednesday


def routine_workspace(root: Path, clock: FrozenClock, config: Config | None = None) -> Workspace:
    """The small workspace with seed 000's routines, running since early November."""
    ws = small_workspace(root, clock, config)
    book = RoutineBook(ws)
    book.install_defaults()
    for routine in book.all():
        book.edit(routine.id, since=dt.date(2026, 11, 2))
    ws.undo_stack.clear()
    return ws


def fresh(root: Path, clock: FrozenClock) -> RoutineBook:
    """What is on disk: a new workspace object over the same files."""
    return RoutineBook(Workspace(root, clock))


def by_key(book: RoutineBook, key: str) -> Routine:
    return next(r for r in book.all() if r.key == key)


async def open_routines(pilot: Pilot[None]) -> RoutinesScreen:
    pilot.app.push_screen(RoutinesScreen())
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, RoutinesScreen)
    return screen


def card_text(screen: RoutinesScreen) -> str:
    """The detail pane as plain text."""
    console = Console(width=70, record=True, file=io.StringIO())
    console.print(screen.query_one("#routines-card", Static).content)
    return console.export_text()


async def type_into(pilot: Pilot[None], field_id: str, text: str) -> None:
    """Clear a form field and type `text` into it, key by key."""
    widget = pilot.app.screen.query_one(f"#{field_id}")
    widget.focus()
    if isinstance(widget, Input):
        widget.value = ""
    elif isinstance(widget, TextArea):
        widget.text = ""
    await pilot.press(*[{"\n": "enter"}.get(ch, ch) for ch in text])


# the week and its detail ---------------------------------------------------------------
async def test_week_by_day_with_detail(tmp_path: Path, clock: FrozenClock) -> None:
    ws = routine_workspace(tmp_path / "ws", clock)
    planning = by_key(RoutineBook(ws), "planning")
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_routines(pilot)
        panel = screen.week_list
        heads = [r.title.plain.split()[0] for r in panel.rows_data if r.ref < 0]
        assert heads == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        # Planning happens Tuesday and Wednesday: one row under each day.
        assert planning.id * DAYS + 1 in panel.refs and planning.id * DAYS + 2 in panel.refs
        # It opens on today's first routine, with today's ticks in the detail.
        assert panel.current_ref() == planning.id * DAYS + 2
        row = panel.rows_data[panel.cursor_row]
        assert "10:00" in row.title.plain and "0/5" in row.meta.plain and "2h" in row.meta.plain
        text = card_text(screen)
        for part in ("产品与运营规划", "Tue, Wed", "10:00–12:00 · 2h", "today 0/5", "☐ PRD"):
            assert part in text
        await pilot.press("k")  # Wednesday's header: the day at a glance
        assert panel.current_ref() == -3
        assert "Total 2h" in card_text(screen)
        await pilot.press("G")  # Sunday has nothing
        assert "Nothing planned" in card_text(screen)


class RoutinesFirst(CockpitApp):
    """The app opening straight on the routines screen, so the screen (not the daily
    screen's agenda) meets a workspace that has never had routines."""

    @on(events.Mount)
    def _open_routines(self, event: events.Mount) -> None:
        event.prevent_default()  # skip CockpitApp.on_mount (the daily screen)
        self.push_screen(RoutinesScreen())


async def test_first_use_installs_the_defaults(tmp_path: Path, clock: FrozenClock) -> None:
    ws = small_workspace(tmp_path / "ws", clock)
    assert "routines" not in ws.files.raw("calendar")
    app = RoutinesFirst(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RoutinesScreen)
        assert len(screen.routines) == 8
        assert not ws.undo_stack  # opening a screen is not the user's change
    assert len(fresh(tmp_path / "ws", clock).all()) == 8


# add and edit ---------------------------------------------------------------------------
async def test_add_a_routine_through_the_form(tmp_path: Path, clock: FrozenClock) -> None:
    ws = routine_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_routines(pilot)
        await pilot.press("a")
        form = app.screen
        assert isinstance(form, RoutineForm)
        assert form.query_one("#routines-days", Input).value == "wed"  # the row's day
        await type_into(pilot, "routines-en", "Customer calls")
        await type_into(pilot, "routines-zh", "客户电话")
        await type_into(pilot, "routines-days", "mon,5")
        await type_into(pilot, "routines-start", "15:30")
        await type_into(pilot, "routines-minutes", "1h")
        await type_into(pilot, "routines-checklist", "Call top 3; Log touches | 记录联系")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, RoutineForm)  # the form closed
        added = by_key(fresh(tmp_path / "ws", clock), "")
        assert (added.title_en, added.title_zh) == ("Customer calls", "客户电话")
        assert (added.weekdays, added.start, added.minutes) == ([0, 4], "15:30", 60)
        assert added.checklist == [("Call top 3", "Call top 3"), ("Log touches", "记录联系")]
        # The cursor follows the new routine (under Monday: Wednesday is not one of its days).
        assert screen.week_list.current_ref() == added.id * DAYS + 0


async def test_bad_time_is_refused_in_the_form(tmp_path: Path, clock: FrozenClock) -> None:
    ws = routine_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_routines(pilot)
        await pilot.press("e")
        await type_into(pilot, "routines-start", "25:00")
        await pilot.press("enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, RoutineForm)  # still open, nothing saved
        assert "09:30" in str(form.query_one(".form-error", Label).render())
        assert form.focused is form.query_one("#routines-start")
        await type_into(pilot, "routines-days", "funday")
        await pilot.press("enter")
        assert "funday" in str(form.query_one(".form-error", Label).render())
        assert by_key(fresh(tmp_path / "ws", clock), "planning").start == "10:00"
        await pilot.press("escape")
        assert isinstance(app.screen, RoutinesScreen)
    assert by_key(fresh(tmp_path / "ws", clock), "planning").seq == 1  # only the setup edit


async def test_chinese_form_explains_in_chinese(tmp_path: Path, clock: FrozenClock) -> None:
    i18n.set_language("zh")
    ws = routine_workspace(tmp_path / "ws", clock, Config(language="zh"))
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_routines(pilot)
        await pilot.press("e")
        form = app.screen
        assert form.query_one("#routines-days", Input).value == "周二,周三"
        await type_into(pilot, "routines-start", "9点")
        await pilot.press("enter")
        assert "开始时间须形如 09:30" in str(form.query_one(".form-error", Label).render())


async def test_edit_bumps_seq_and_an_unchanged_save_writes_nothing(
    tmp_path: Path, clock: FrozenClock
) -> None:
    ws = routine_workspace(tmp_path / "ws", clock)
    before = by_key(RoutineBook(ws), "planning")
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_routines(pilot)
        await pilot.press("enter")  # enter edits, like e
        assert isinstance(app.screen, RoutineForm)
        await pilot.press("enter")
        await settle(pilot)
        assert by_key(fresh(tmp_path / "ws", clock), "planning").seq == before.seq
        await pilot.press("e")
        await type_into(pilot, "routines-start", "10:30")
        await type_into(pilot, "routines-minutes", "1:30")
        await pilot.press("enter")
        await settle(pilot)
    after = by_key(fresh(tmp_path / "ws", clock), "planning")
    assert (after.start, after.minutes, after.seq) == ("10:30", 90, before.seq + 1)
    assert (after.title_en, after.weekdays, after.checklist) == (
        before.title_en,
        before.weekdays,
        before.checklist,
    )


# skip, tick, delete, undo ---------------------------------------------------------------
async def test_skip_and_unskip_occurrences(tmp_path: Path, clock: FrozenClock) -> None:
    ws = routine_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False, fetch=False)
    root = tmp_path / "ws"
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_routines(pilot)
        await pilot.press("s")  # today's planning
        await settle(pilot)
        assert by_key(fresh(root, clock), "planning").skipped == ["2026-11-18"]
        assert "skipped" in screen.week_list.rows_data[screen.week_list.cursor_row].meta.plain
        await pilot.press("s")  # again: the Wednesday after
        await settle(pilot)
        assert by_key(fresh(root, clock), "planning").skipped == ["2026-11-18", "2026-11-25"]
        await pilot.press("k", "k")  # planning's Tuesday row: Tuesday has passed
        await pilot.press("s")
        await settle(pilot)
        assert "2026-11-24" in by_key(fresh(root, clock), "planning").skipped
        await pilot.press("j", "j", "S")  # Wednesday again: the earliest skip comes back
        await settle(pilot)
        assert by_key(fresh(root, clock), "planning").skipped == ["2026-11-24", "2026-11-25"]
        await pilot.press("u")
        await settle(pilot)
    assert by_key(fresh(root, clock), "planning").skipped == [
        "2026-11-18",
        "2026-11-24",
        "2026-11-25",
    ]


async def test_tick_today_only(tmp_path: Path, clock: FrozenClock) -> None:
    ws = routine_workspace(tmp_path / "ws", clock)
    planning = by_key(RoutineBook(ws), "planning")
    app = make_app(ws, watch=False, fetch=False)
    root = tmp_path / "ws"
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_routines(pilot)
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        ticks = fresh(root, clock).checks(TODAY)[planning.id]
        assert ticks == [True, True, False, False, False]
        assert "today 2/5" in card_text(screen)
        await pilot.press("j", "j", "x")  # Thursday's routine: not today, nothing written
        await settle(pilot)
        assert fresh(root, clock).checks(TODAY)[planning.id] == ticks


async def test_delete_and_undo(tmp_path: Path, clock: FrozenClock) -> None:
    ws = routine_workspace(tmp_path / "ws", clock)
    before = by_key(RoutineBook(ws), "planning")
    app = make_app(ws, watch=False, fetch=False)
    root = tmp_path / "ws"
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_routines(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert "planning" not in {r.key for r in fresh(root, clock).all()}
        assert before.id * DAYS + 2 not in screen.week_list.refs
        await pilot.press("u")
        await settle(pilot)
        assert before.id * DAYS + 2 in screen.week_list.refs
    back = by_key(fresh(root, clock), "planning")
    # Back as it was, with a higher edit counter (a calendar sees a newer SEQUENCE).
    assert back == dataclasses.replace(before, seq=back.seq) and back.seq > before.seq


async def test_header_rows_need_a_routine_help_and_back(tmp_path: Path, clock: FrozenClock) -> None:
    ws = routine_workspace(tmp_path / "ws", clock)
    count = len(RoutineBook(ws).all())
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_routines(pilot)
        await pilot.press("g", "d", "s", "e")  # Monday's header: nothing to act on
        await settle(pilot)
        assert app.screen is screen and len(fresh(tmp_path / "ws", clock).all()) == count
        await pilot.press("tab", "j")  # the detail pane takes focus and scrolls
        assert screen.focused is screen.query_one("#routines-detail")
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, DailyScreen)


def test_binding_ids() -> None:
    ids = {"routines_add", "routines_edit", "routines_delete", "routines_skip"}
    assert ids | {"routines_unskip", "routines_tick", "routines_undo", "routines_back"} <= (
        ROUTINE_IDS
    )


# the form's parsers ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("mon,wed", [0, 2]),
        ("1,3", [0, 2]),
        ("Tue Wed", [1, 2]),
        ("周二、周三", [1, 2]),
        ("星期日", [6]),
        ("mon-fri", [0, 1, 2, 3, 4]),
        ("fri-mon", [0, 4, 5, 6]),
        ("7", [6]),
        ("", []),
    ],
)
def test_parse_weekdays(text: str, days: list[int]) -> None:
    assert parse_weekdays(text) == days


@pytest.mark.parametrize("text", ["0", "8", "funday", "mon-xyz"])
def test_parse_weekdays_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_weekdays(text)


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("90", 90), ("90m", 90), ("1h", 60), ("1h30", 90), ("1.5h", 90), ("1:30", 90), ("2小时", 120)],
)
def test_parse_minutes(text: str, minutes: int) -> None:
    assert parse_minutes(text) == minutes


@pytest.mark.parametrize("text", ["", "h", "soon", "1:xx"])
def test_parse_minutes_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_minutes(text)


def test_checklist_round_trips() -> None:
    pairs = [("PRD", "PRD"), ("Cases and FAQ", "案例与 FAQ")]
    assert parse_checklist(checklist_text(pairs)) == pairs
    assert parse_checklist("a; b；c\n\n | 中文") == [
        ("a", "a"),
        ("b", "b"),
        ("c", "c"),
        ("中文", "中文"),
    ]


# snapshots ------------------------------------------------------------------------------
def snapshot_app(root: Path, clock: FrozenClock, language: str) -> CockpitApp:
    """Seed 000's week with two lines ticked today and next Monday's review skipped."""
    i18n.set_language(language)
    ws = routine_workspace(root, clock, Config(language=language))
    book = RoutineBook(ws)
    planning, review = by_key(book, "planning"), by_key(book, "mon_review")
    book.check(planning.id, TODAY, 0, True)
    book.check(planning.id, TODAY, 2, True)
    book.skip(review.id, dt.date(2026, 11, 23))
    ws.undo_stack.clear()
    return make_app(ws, watch=False, fetch=False)


async def _push(pilot: Pilot[Any]) -> None:
    await open_routines(pilot)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_routines_screen_snapshot(
    snap_compare: Any, tmp_path: Path, clock: FrozenClock, language: str
) -> None:
    app = snapshot_app(tmp_path / "ws", clock, language)
    assert snap_compare(app, terminal_size=SIZE, run_before=_push)


def test_routine_form_snapshot(snap_compare: Any, tmp_path: Path, clock: FrozenClock) -> None:
    """The edit form at 80x24 with a refused start time: everything still fits."""
    app = snapshot_app(tmp_path / "ws", clock, "en")

    async def refuse(pilot: Pilot[Any]) -> None:
        await open_routines(pilot)
        await pilot.press("e")
        await type_into(pilot, "routines-start", "25:00")
        await pilot.press("enter")

    assert snap_compare(app, terminal_size=(80, 24), run_before=refuse)
