"""In a real terminal, every list screen shows where its cursor is, and `j` moves it.

Before issue 10, pressing `j` on the daily screen left `capture-pane -e` byte for byte
the same: the cursor row was drawn under each segment's own background. Here the cursor
must be a background that sits on one line of the whole screen and moves one line down
on `j` — at truecolor and at 256 colours, in English and Chinese, at 120x40 and 80x24.
"""

from __future__ import annotations

import pytest

from tests.terminal.conftest import SIZES, StartCockpit
from tests.terminal.marks import moved_mark

# (keys that open it from the daily screen, name, key that moves down, keys that close it)
LIST_SCREENS = [
    ((), "daily", "j", ()),
    (("Tab",), "daily-carry", "j", ("BTab",)),
    (("f",), "reading", "j", ("Escape",)),
    (("C",), "customers", "j", ("Escape",)),
    (("w",), "routines", "j", ("Escape",)),
    (("M",), "metrics", "j", ("Escape",)),
    (("P",), "requirements", "j", ("Escape",)),
    (("L",), "launches", "j", ("Escape",)),
    (("?",), "help", "j", ("Escape",)),
    (("/", "p", "g"), "finder", "Down", ("Escape",)),
]


@pytest.mark.parametrize(
    ("size", "colours", "lang"),
    [("120x40", "truecolor", "en"), ("80x24", "256", "zh")],
)
def test_j_moves_a_visible_cursor_on_every_list_screen(
    cockpit_term: StartCockpit, size: str, colours: str, lang: str
) -> None:
    term = cockpit_term(size=SIZES[size], colours=colours, lang=lang, demo=True)
    problems = []
    for opening, name, down, closing in LIST_SCREENS:
        for key in opening:
            term.press(key)
        before = term.settle()
        term.check_alive(before)
        after = term.press(down)
        mark = moved_mark(before, after)
        # One line down (a finder hit that wraps onto two lines moves the mark by two).
        if mark is None or mark[2] <= mark[1] or (name != "finder" and mark[2] != mark[1] + 1):
            problems.append(f"{name}: no cursor line moved down one line on {down} ({mark})")
        for key in closing:
            term.press(key)
    assert not problems, "\n".join(problems) + "\n" + term.text()
    assert term.quit() == 0
