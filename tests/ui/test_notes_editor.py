"""`ctrl+e` in a notes field: the text goes to `$VISUAL`/`$EDITOR` (here a shell script
that edits the file it is given) and comes back into the field, unsaved until the form
is saved; a failing editor leaves the field as it was, with one notification.

The Pilot runs headless, so the editor runs without a terminal to hand over
(`cockpit.screens.editor.run_editor`); tests/terminal/test_editor_terminal.py runs the
same keys in a real terminal, where the TUI suspends.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets import Input, TextArea

from cockpit.app import make_app
from cockpit.core import i18n
from cockpit.core.clock import FrozenClock
from cockpit.items.workspace import Workspace
from cockpit.screens.customers.forms import CustomerForm
from cockpit.screens.customers.screen import CustomersScreen
from cockpit.screens.daily.screen import DailyScreen
from cockpit.screens.dialogs.forms import ItemForm
from cockpit.screens.report.notes import NotesForm
from tests.ui.helpers import settle, small_workspace
from tests.ui.render import screen_lines, until

SIZE = (120, 40)
NOTES = "first line\nsecond line"


def editor(tmp_path: Path, body: str, name: str = "ed.sh") -> Path:
    """A shell script used as the editor: `$1` is the file; every call's arguments are
    logged to calls.log (one per line), so a test sees what it was given."""
    script = tmp_path / name
    log = tmp_path / "calls.log"
    script.write_text(
        f'#!/bin/sh\nfor a in "$@"; do echo "$a" >> {shlex.quote(str(log))}; done\n'
        f'for last in "$@"; do :; done\nf="$last"\n{body}\n',
        encoding="utf-8",
    )
    script.chmod(0o755)
    return script


def calls(tmp_path: Path) -> list[str]:
    log = tmp_path / "calls.log"
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def said(app: object) -> list[str]:
    return [str(n.message) for n in app._notifications]  # type: ignore[attr-defined]


def with_notes(tmp_path: Path, clock: FrozenClock) -> tuple[Workspace, int]:
    ws = small_workspace(tmp_path / "ws", clock)
    item = ws.add("Prepare the QBR deck", notes=NOTES)
    ws.undo_stack.clear()
    return ws, item.id


async def open_item(pilot: object, app: object, item_id: int) -> ItemForm:
    daily = app.screen  # type: ignore[attr-defined]
    assert isinstance(daily, DailyScreen)
    panel = daily.panel("plan")
    panel.focus()
    assert panel.select_ref(item_id)
    await pilot.press("e")  # type: ignore[attr-defined]
    await until(pilot, lambda: isinstance(app.screen, ItemForm))  # type: ignore[attr-defined]
    form = app.screen  # type: ignore[attr-defined]
    assert isinstance(form, ItemForm)
    return form


def cell_rows(app: object) -> list[list[str]]:
    """The screen as cells: a wide (CJK) character takes two, its second one empty, so
    an index is a column as the terminal counts them."""
    rows = []
    for line in screen_lines(app):  # type: ignore[arg-type]
        cells: list[str] = []
        for ch in line:
            cells += [ch, ""] if cell_len(ch) == 2 else [ch]
        rows.append(cells)
    return rows


def form_box(lines: list[list[str]]) -> tuple[int, int, int, int]:
    """(top, bottom, left, right) of the drawn modal form: its rounded corners."""
    top = next(y for y, line in enumerate(lines) if "╭" in line and "E" in lines[y + 1])
    left, right = lines[top].index("╭"), lines[top].index("╮")
    bottom = next(y for y in range(top + 1, len(lines)) if lines[y][left] == "╰")
    return top, bottom, left, right


async def test_the_editor_rewrites_the_notes_and_only_the_save_stores_them(
    tmp_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws, item_id = with_notes(tmp_path, clock)
    script = editor(
        tmp_path, 'sed -i "s/second line/second line, edited/" "$f"\necho 第三行 >> "$f"'
    )
    # A command with an argument, split like git splits it.
    monkeypatch.setenv("VISUAL", f"{shlex.quote(str(script))} --wait")
    monkeypatch.setenv("EDITOR", "false")  # $VISUAL wins
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        form = await open_item(pilot, app, item_id)
        notes = form.query_one("#f-notes", TextArea)
        notes.focus()
        await pilot.pause()
        assert "ctrl+e edit in $EDITOR" in "\n".join(screen_lines(app))
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert notes.text == "first line\nsecond line, edited\n第三行"
        argv = calls(tmp_path)
        assert argv[0] == "--wait" and len(argv) == 2
        assert not Path(argv[1]).exists()  # the temporary file is gone
        assert said(app) == [
            "Text from ed.sh is in the field: ctrl+s saves the form, ctrl+z takes it back."
        ]
        assert ws.get(item_id).notes == NOTES  # nothing stored yet

        # What is drawn: each line of the notes on its own row, aligned, inside the box.
        lines = screen_lines(app)
        cells = cell_rows(app)
        top, bottom, left, right = form_box(cells)
        for y in range(top + 1, bottom):
            assert cells[y][left] == "│" and cells[y][right] == "│", lines[y]
        rows = {
            text: next(y for y, line in enumerate(lines) if text in line)
            for text in ("first line", "second line, edited", "第三行")
        }
        assert rows["second line, edited"] == rows["first line"] + 1 == rows["第三行"] - 1
        assert len({cell_len(lines[y][: lines[y].index(text)]) for text, y in rows.items()}) == 1

        # ctrl+z in the field takes the editor's change back as one edit
        await pilot.press("ctrl+z")
        assert notes.text == NOTES
        await pilot.press("ctrl+y")
        assert notes.text.endswith("第三行")

        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, DailyScreen))
        await settle(pilot)
    assert Workspace(tmp_path / "ws", clock).get(item_id).notes == (
        "first line\nsecond line, edited\n第三行"
    )


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_an_editor_that_fails_leaves_the_field_and_says_so_once(
    tmp_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    i18n.set_language(lang)
    ws, item_id = with_notes(tmp_path, clock)
    # It changed the file before failing: a failed edit is not read back.
    monkeypatch.setenv("EDITOR", str(editor(tmp_path, 'echo junk > "$f"\nexit 3')))
    monkeypatch.delenv("VISUAL", raising=False)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        form = await open_item(pilot, app, item_id)
        form.query_one("#f-notes", TextArea).focus()
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert form.query_one("#f-notes", TextArea).text == NOTES
        expected = {
            "en": "The editor ed.sh ended with status 3; the field keeps its text.",
            "zh": "编辑器 ed.sh 以状态 3 退出；内容未改动。",
        }[lang]
        assert said(app) == [expected]
        assert isinstance(app.screen, ItemForm)


@pytest.mark.parametrize(
    ("command", "words"),
    [
        ("/nonexistent/bin/ed --wait", "The editor ed could not be started (No such file"),
        (
            "vim 'unclosed",
            "$EDITOR cannot be read as a command (vim 'unclosed: No closing quotation)",
        ),
    ],
)
async def test_an_editor_that_cannot_run_leaves_the_field(
    tmp_path: Path,
    clock: FrozenClock,
    monkeypatch: pytest.MonkeyPatch,
    command: str,
    words: str,
) -> None:
    ws, item_id = with_notes(tmp_path, clock)
    monkeypatch.setenv("EDITOR", command)
    monkeypatch.delenv("VISUAL", raising=False)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        form = await open_item(pilot, app, item_id)
        form.query_one("#f-notes", TextArea).focus()
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert form.query_one("#f-notes", TextArea).text == NOTES
        messages = said(app)
        assert len(messages) == 1 and messages[0].startswith(words), messages


async def test_a_file_that_is_not_text_is_not_read_back(
    tmp_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws, item_id = with_notes(tmp_path, clock)
    monkeypatch.setenv("EDITOR", str(editor(tmp_path, "printf 'ok \\377\\376' > \"$f\"")))
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        form = await open_item(pilot, app, item_id)
        form.query_one("#f-notes", TextArea).focus()
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert form.query_one("#f-notes", TextArea).text == NOTES
        assert said(app) == [
            "The editor's file is not UTF-8 text (byte 3); the field keeps its text."
        ]


async def test_ctrl_e_in_a_one_line_field_still_ends_the_line(
    tmp_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws, item_id = with_notes(tmp_path, clock)
    monkeypatch.setenv("EDITOR", str(editor(tmp_path, 'echo changed > "$f"')))
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        form = await open_item(pilot, app, item_id)
        title = form.query_one("#f-title", Input)
        title.focus()
        title.cursor_position = 0
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert title.cursor_position == len(title.value)
        assert calls(tmp_path) == [] and said(app) == []
        assert "enter save · esc cancel" in "\n".join(screen_lines(app))


async def test_a_change_made_elsewhere_while_editing_is_never_overwritten(
    tmp_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The editor runs as long as the user likes; a cron job's `cockpit edit` meanwhile
    wins: the form's save is a change of what it showed when it opened."""
    ws, item_id = with_notes(tmp_path, clock)
    cli = f"{shlex.quote(sys.executable)} -m cockpit --data-dir {shlex.quote(str(ws.root))}"
    body = (
        f'{cli} edit {item_id} --notes "from cron" --title "Prepare the QBR deck v2"'
        ' >/dev/null\necho mine >> "$f"'
    )
    monkeypatch.setenv("EDITOR", str(editor(tmp_path, body)))
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        form = await open_item(pilot, app, item_id)
        form.query_one("#f-notes", TextArea).focus()
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert form.query_one("#f-notes", TextArea).text == NOTES + "\nmine"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, DailyScreen))
        await settle(pilot)
        assert said(app)[-1].startswith("Changed in another window — reloaded; not saved")
    stored = Workspace(tmp_path / "ws", clock).get(item_id)
    assert (stored.notes, stored.title) == ("from cron", "Prepare the QBR deck v2")


async def test_a_title_changed_elsewhere_meanwhile_is_kept_beside_the_new_notes(
    tmp_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws, item_id = with_notes(tmp_path, clock)
    cli = f"{shlex.quote(sys.executable)} -m cockpit --data-dir {shlex.quote(str(ws.root))}"
    body = f'{cli} edit {item_id} --title "QBR deck, final" >/dev/null\necho mine >> "$f"'
    monkeypatch.setenv("EDITOR", str(editor(tmp_path, body)))
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        form = await open_item(pilot, app, item_id)
        form.query_one("#f-notes", TextArea).focus()
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, DailyScreen))
        await settle(pilot)
    stored = Workspace(tmp_path / "ws", clock).get(item_id)
    assert (stored.notes, stored.title) == (NOTES + "\nmine", "QBR deck, final")


async def test_the_customer_form_and_the_week_notes_take_ctrl_e(
    tmp_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = small_workspace(tmp_path / "ws", clock)
    ws.customers.edit("招商银行", notes="CTO: 王总\n续约在 Q1")
    ws.undo_stack.clear()
    monkeypatch.setenv("EDITOR", str(editor(tmp_path, 'echo "edited in \\$EDITOR" >> "$f"')))
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("C")
        await until(pilot, lambda: isinstance(app.screen, CustomersScreen))
        screen = app.screen
        assert isinstance(screen, CustomersScreen)
        while screen.current() is None or screen.current().name != "招商银行":  # type: ignore[union-attr]
            await pilot.press("j")
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, CustomerForm))
        area = app.screen.query_one("#cust-notes", TextArea)
        area.focus()
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert area.text == "CTO: 王总\n续约在 Q1\nedited in $EDITOR"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, CustomersScreen))
        await settle(pilot)
        assert ws.customers.find("招商银行").notes == "CTO: 王总\n续约在 Q1\nedited in $EDITOR"
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, DailyScreen))

        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, NotesForm))
        thoughts = app.screen.query_one("#notes-thoughts", TextArea)
        thoughts.focus()
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert thoughts.text == "edited in $EDITOR"


async def test_multi_line_customer_notes_end_the_card_with_what_is_left_out(
    tmp_path: Path, clock: FrozenClock
) -> None:
    ws = small_workspace(tmp_path / "ws", clock)
    ws.customers.edit("招商银行", notes="\n".join(f"note line {n}" for n in range(1, 21)))
    ws.undo_stack.clear()
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("C")
        await until(pilot, lambda: isinstance(app.screen, CustomersScreen))
        screen = app.screen
        assert isinstance(screen, CustomersScreen)
        while screen.current() is None or screen.current().name != "招商银行":  # type: ignore[union-attr]
            await pilot.press("j")
        await settle(pilot)
        card = screen.query_one("#cust-card")
        region = card.region
        cells = cell_rows(app)
        inside = [
            "".join(cells[y][region.x : region.right]) for y in range(region.y, region.bottom)
        ]
        assert inside[0].startswith("╭") and inside[-1].startswith("╰")
        assert all(row.startswith("│") and row.endswith("│") for row in inside[1:-1])
        assert "note line 1" in "".join(inside)
        last = inside[-2]
        assert "… " in last and "more lines" in last, inside
        shown = sum("note line" in row for row in inside)
        hidden = int(last.split("… ")[1].split(" ")[0])
        assert shown + hidden == 20
