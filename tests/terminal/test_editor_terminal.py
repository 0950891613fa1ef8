"""`ctrl+e` in a real terminal: the TUI gives the terminal to `$EDITOR` (here a script
that writes on the terminal, so the capture shows the app is gone, then edits its file)
and takes it back, form and all, with the editor's text in the notes field.

A ctrl+c meant for the editor reaches cockpit too (the whole foreground process group
gets SIGINT while the terminal is in its normal mode): the app must stay up.
"""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from tests.terminal.conftest import SIZES, CockpitTerminal, StartCockpit

NOTES = "first line\nsecond line"
HINTS = {"en": "ctrl+e edit in $EDITOR", "zh": "ctrl+e 用 $EDITOR 编辑"}
FORM = {"en": "Edit item #1", "zh": "编辑事项 #1"}


def _script(term: CockpitTerminal, body: str) -> None:
    script = term.workdir / "ed.sh"
    script.write_text(f'#!/bin/sh\nf="$1"\n{body}\n', encoding="utf-8")
    script.chmod(0o755)
    # The server's own environment may hold the user's $VISUAL: it would win.
    term.env.update({"VISUAL": "", "EDITOR": f"{shlex.quote(str(script))}"})
    term.cli("add", "Prepare the QBR deck", "--list", "key")
    term.cli("edit", "1", "--notes", NOTES)


def _open_notes(term: CockpitTerminal, lang: str) -> None:
    term.send("e")
    term.wait_for(FORM[lang])
    for _ in range(8):  # title, list, week, due, customer, owner, tags, repeats, notes
        term.send("Tab")
    term.wait_for(HINTS[lang])


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", SIZES)
def test_the_editor_gets_the_terminal_and_the_form_comes_back_with_its_text(
    cockpit_term: StartCockpit, size: str, lang: str
) -> None:
    # The editor holds the terminal until the test has seen it there (at most 30 s).
    body = (
        'clear; echo "EDITOR-HAS-THE-TERMINAL $(basename "$f")"\n'
        "n=0; while [ ! -e go ] && [ $n -lt 300 ]; do sleep 0.1; n=$((n+1)); done\n"
        'echo "由编辑器添加" >> "$f"'
    )
    term = cockpit_term(size=SIZES[size], lang=lang, setup=lambda t: _script(t, body))
    _open_notes(term, lang)
    term.send("C-e")
    handed = term.wait_for("EDITOR-HAS-THE-TERMINAL", timeout=20)
    assert "cockpit-" in handed.text and FORM[lang] not in handed.text  # the app is off screen
    (term.workdir / "go").touch()
    back = term.wait_for(lambda g: "由编辑器添加" in g.text and FORM[lang] in g.text)
    term.check_alive(back)
    rows = back.text.splitlines()
    first = next(y for y, row in enumerate(rows) if "first line" in row)
    assert "second line" in rows[first + 1] and "由编辑器添加" in rows[first + 2]
    # the form's box is whole again: both its borders on every notes row, where they
    # are on the title's row (cells, so a wide character counts two)
    x, y = back.find(FORM[lang]) or (0, 0)
    cells = back.rows
    left = x - 2
    right = next(c for c in range(x, back.width) if cells[y][c].char == "│")
    for row in range(y, first + 3):
        assert cells[row][left].char == cells[row][right].char == "│", back.line(row)
    term.send("C-s")
    term.wait_for(lambda g: FORM[lang] not in g.text)
    shown = term.cli("show", "1").stdout
    assert "  first line\n  second line\n  由编辑器添加\n" in shown
    assert term.quit() == 0


def test_a_ctrl_c_in_the_editor_does_not_end_the_app(
    cockpit_term: StartCockpit, tmp_path: Path
) -> None:
    # What ctrl+c in a terminal in its normal mode does: SIGINT to the foreground group,
    # cockpit (the editor's parent) included; the harness's own shell is left out here.
    body = 'echo changed > "$f"\nkill -INT $PPID\nsleep 0.5\nexit 130'
    term = cockpit_term(setup=lambda t: _script(t, body))
    _open_notes(term, "en")
    term.send("C-e")
    grid = term.wait_for("ended with status 130", timeout=15)
    term.check_alive(grid)
    assert "first line" in grid.text and "changed" not in grid.text
    assert FORM["en"] in grid.text  # the form is still open, its text as it was
    term.send("Escape")
    term.wait_for(lambda g: FORM["en"] not in g.text)
    assert term.quit() == 0
