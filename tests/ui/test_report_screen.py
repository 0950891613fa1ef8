"""Pilot tests of the report preview and the weekly notes form, on the known week of
`tests.unit.report_helpers` (Asia/Shanghai, 2026-W47), plus a snapshot at 120x40."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Label, Static, TextArea

from cockpit.app import CockpitApp, make_app
from cockpit.core.clock import FrozenClock
from cockpit.core.config import Config
from cockpit.core.i18n import CATALOG
from cockpit.report.build import build_report
from cockpit.report.notes import NoteBook
from cockpit.screens.dialogs.forms import PathPrompt
from cockpit.screens.dialogs.help import HelpScreen
from cockpit.screens.report.notes import NOTES_IDS, NotesForm, edit_week_notes
from cockpit.screens.report.screen import REPORT, REPORT_IDS, ReportScreen
from tests.ui.helpers import settle
from tests.ui.render import screen_text as rendered_text
from tests.unit.report_helpers import WEEK, week_workspace, with_stages

SIZE = (120, 40)


@pytest.fixture
def app(tmp_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch) -> CockpitApp:
    with_stages(monkeypatch)
    ws = week_workspace(tmp_path / "ws", clock, Config(language="en"))
    return make_app(ws, watch=False, fetch=False)


async def open_report(pilot: Pilot[None], **options: Any) -> ReportScreen:
    screen = ReportScreen(**options)
    await pilot.app.push_screen(screen)
    await settle(pilot)
    return screen


def messages(app: CockpitApp) -> list[str]:
    return [n.message for n in app._notifications]


def report(app: CockpitApp, week: str = WEEK, lang: str = "en", form: str = "md") -> str:
    return build_report(app.ws, week, lang, form)


async def test_f_switches_the_form_and_c_copies_the_one_shown(app: CockpitApp) -> None:
    """Plain text for chat (DingTalk, WeCom show Markdown literally), chosen with a key
    that the key bar names; the status line says which form is shown."""
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_report(pilot)
        bar = rendered_text(app)
        assert "f Markdown/text" in bar
        await pilot.press("f", "c")
        assert app.clipboard == report(app, form="text")
        assert "**" not in app.clipboard and "## " not in app.clipboard
        shown = screen.query_one("#report-text", Static).render()
        assert shown.plain == report(app, form="text").rstrip("\n")  # type: ignore[union-attr]
        status = str(screen.query_one("#report-status", Static).render())
        assert "plain text for chat" in status
        await pilot.press("l", "c")  # the language switches, the form stays
        assert app.clipboard == report(app, lang="zh", form="text")
        assert (
            "纯文本（聊天用）" not in status
        )  # the UI's language words the status, not the report's
        await pilot.press("f", "c")
        assert app.clipboard == report(app, lang="zh")


async def test_copy_puts_the_markdown_on_the_clipboard(app: CockpitApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_report(pilot)
        shown = screen.query_one("#report-text", Static).render()
        assert shown.plain == report(app).rstrip("\n")  # type: ignore[union-attr]
        await pilot.press("c")
        assert app.clipboard == report(app)
        lines = report(app).count("\n")
        assert (
            messages(app)[-1] == f"Report copied ({lines} lines); your terminal must allow OSC 52"
        )


async def test_language_and_week_keys(app: CockpitApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_report(pilot)
        await pilot.press("l", "c")
        assert app.clipboard == report(app, lang="zh")
        status = str(screen.query_one("#report-status", Static).render())
        assert status.startswith("2026-W47 · report in Chinese")
        await pilot.press("right_square_bracket", "right_square_bracket", "c")
        assert screen.week == "2026-W49"
        assert app.clipboard == report(app, "2026-W49", "zh")
        await pilot.press("left_square_bracket", "left_square_bracket", "left_square_bracket")
        await pilot.press("l", "c")
        assert app.clipboard == report(app, "2026-W46", "en")


async def test_save_writes_the_report_to_the_chosen_file(app: CockpitApp, tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    async with app.run_test(size=SIZE) as pilot:
        await open_report(pilot, lang="zh")
        await pilot.press("s")
        prompt = app.screen
        assert isinstance(prompt, PathPrompt)
        field = prompt.query_one("#p-path", Input)
        assert field.value == "~/周报-2026-W47.md"
        field.value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReportScreen)
    assert target.read_text(encoding="utf-8") == report(app, lang="zh")


async def test_save_to_a_missing_folder_says_so(app: CockpitApp, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "out.md"
    async with app.run_test(size=SIZE) as pilot:
        await open_report(pilot)
        await pilot.press("s")
        assert app.screen.query_one("#p-path", Input).value == "~/report-2026-W47.md"
        app.screen.query_one("#p-path", Input).value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        last = list(app._notifications)[-1]
        assert last.severity == "error"
        assert f"cannot save {target}: its folder does not exist" in last.message
    assert not target.parent.exists()


async def test_notes_form_saves_and_the_report_shows_them(app: CockpitApp) -> None:
    book = NoteBook(app.ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_report(pilot)
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, NotesForm)
        highlights = form.query_one("#notes-highlights", TextArea)
        assert highlights.text == "PG 17 migration plan approved\n招行 PoC kicked off"
        assert form.focused is highlights
        highlights.load_text("Shipped 17.7\n- PoC live\n")
        await pilot.press("tab")
        assert isinstance(form.focused, TextArea) and form.focused.id == "notes-thoughts"
        await pilot.press("end", "enter", "N", "e", "w")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        page = book.week_notes(WEEK)
        assert page.highlights == ["Shipped 17.7", "PoC live"]
        # `end` is the end of the first line: "New" is typed on a new second line.
        assert (
            page.thoughts
            == "HA is still the top question.\nNew\nRoadmap next.\n\nSecond paragraph."
        )
        assert "- PoC live\n" in screen.text
        assert screen.text == report(app)
        assert len(app.ws.undo_stack) == 1  # one save, one undo step


async def test_notes_form_refuses_too_many_highlights(app: CockpitApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_report(pilot)
        await pilot.press("e")
        form = app.screen
        form.query_one("#notes-highlights", TextArea).load_text(
            "\n".join(f"h{n}" for n in range(11))
        )
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        error = form.query_one("#notes-error", Label)
        assert error.has_class("-shown")
        assert str(error.render()) == "At most 10 highlights, please."
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ReportScreen)
    assert NoteBook(app.ws).week_notes(WEEK).highlights[0] == "PG 17 migration plan approved"


async def test_notes_form_opens_from_any_screen(app: CockpitApp) -> None:
    """How the daily screen's key opens it: this week's page, saved on ctrl+s."""
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        saved: list[bool] = []
        form = edit_week_notes(app.screen, on_saved=lambda: saved.append(True))
        await pilot.pause()
        assert form.notes.week == WEEK
        form.query_one("#notes-thoughts", TextArea).load_text("")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert saved == [True]
    assert NoteBook(app.ws).week_notes(WEEK).thoughts == ""


async def test_scroll_help_and_back(app: CockpitApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_report(pilot)
        body = screen.query_one("#report-body")
        await pilot.press("G")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y > 0
        await pilot.press("k")
        assert body.scroll_y == body.max_scroll_y - 1
        await pilot.press("g")
        assert body.scroll_y == 0
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("q")
        await settle(pilot)
        assert not isinstance(app.screen, ReportScreen)


def test_every_binding_has_an_id_and_a_catalog_label() -> None:
    for binding in REPORT:
        assert binding.id in REPORT_IDS  # type: ignore[union-attr]
        assert binding.description in CATALOG  # type: ignore[union-attr]
    assert {"report_copy", "report_save", "report_prev_week", "report_next_week"} <= REPORT_IDS
    assert {"report_language", "report_help", "report_back", "report_notes"} <= REPORT_IDS
    assert {"form_save", "form_cancel", "form_editor"} == NOTES_IDS


def test_report_preview_snapshot(snap_compare: Any, app: CockpitApp) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await open_report(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
