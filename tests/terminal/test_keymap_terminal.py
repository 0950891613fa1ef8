"""A bad `[keys]` remap stops `cockpit` before the TUI starts: one sentence in the
user's language naming both bindings, exit status 1, no traceback, the terminal left
as it was (the README's old example silently took `w` from Routines)."""

from __future__ import annotations

import pytest

from tests.terminal.conftest import StartCockpit
from tests.terminal.tmux import EXITED

CASES = [
    (
        "en",
        "cockpit: config {path}: [keys] gives w to both defer and open_routines on the daily"
        " screen.",
    ),
    (
        "zh",
        "cockpit：配置文件 {path}：[keys] 让「每日」界面上的 defer 和 open_routines 都用 w 键。",
    ),
]


@pytest.mark.parametrize(("lang", "sentence"), CASES, ids=[c[0] for c in CASES])
def test_a_clashing_remap_is_refused_before_the_tui(
    cockpit_term: StartCockpit, lang: str, sentence: str
) -> None:
    term = cockpit_term(
        size=(200, 24),
        lang=lang,
        config='[keys]\ndefer = "greater_than_sign,w"',
        ready=lambda g: EXITED in g.text,
    )
    text = term.text()
    assert term.exit_status() == 1, text
    assert sentence.format(path=term.config) in text.replace("\n", "")
    assert "Traceback" not in text and "cockpit ◆" not in text


def test_a_good_remap_starts_and_works(cockpit_term: StartCockpit) -> None:
    term = cockpit_term(config='[keys]\nopen_routines = "Y"\ndefer = ">,w"')
    before = term.settle()
    grid = term.press("Y")
    assert grid.text != before.text and "Routines" in grid.line(0)
    term.press("Escape")
    assert term.quit() == 0  # the app ends with its terminal, never left running
