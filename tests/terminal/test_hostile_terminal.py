"""Hostile text in a real terminal (issue 11, items 1 and 2): with the TUI open in tmux,
`cockpit add $'\\e]0;PWNED\\a title'` from another shell must not change the pane's
title, and markup in titles and names shows literally, at 120x40 and 80x24, in English
and Chinese. The pane title is what tmux understood from everything the app wrote."""

from __future__ import annotations

import pytest

from tests.terminal.conftest import CockpitTerminal, StartCockpit

ESCAPED = "\x1b]0;PWNED\x07 title from another shell"
MARKUP = "[/red]x! [@click=app.quit]q[/]"
CUSTOMER = "[/b]Corp"


def pane_title(term: CockpitTerminal) -> str:
    return term.tmux("display-message", "-p", "-t", "t", "#{pane_title}").strip()


def test_an_escape_added_from_another_shell_never_reaches_the_terminal(
    cockpit_term: StartCockpit,
) -> None:
    term = cockpit_term(size=(120, 40))
    before = pane_title(term)
    assert "PWNED" not in before
    for args in (("add", ESCAPED), ("customers", "add", "\x1b]2;PWNED\x07Evil Bank")):
        done = term.cli(*args)
        assert done.returncode == 0, done.stderr
        assert "\x1b" not in done.stdout + done.stderr  # nothing echoed raw
    # The open TUI notices the change (it looks once a second) and redraws.
    grid = term.wait_for("title from another shell", timeout=10)
    term.check_alive(grid)
    assert pane_title(term) == before
    assert "PWNED" not in term.text()
    for args in (("ls",), ("customers", "ls"), ("report", "week"), ("ical", "export")):
        out = term.cli(*args)
        assert out.returncode == 0 and "\x1b" not in out.stdout, args
    assert pane_title(term) == before


@pytest.mark.parametrize(("size", "lang"), [((120, 40), "en"), ((80, 24), "zh")])
def test_markup_in_titles_and_names_shows_literally(
    cockpit_term: StartCockpit, size: tuple[int, int], lang: str
) -> None:
    def seed(term: CockpitTerminal) -> None:
        assert term.cli("customers", "add", CUSTOMER, "--tier", "top").returncode == 0
        assert term.cli("add", MARKUP, "--customer", CUSTOMER).returncode == 0

    term = cockpit_term(size=size, lang=lang, setup=seed)
    grid = term.wait_for("[/red]x!")
    assert CUSTOMER in grid.text
    grid = term.press("Tab", "Tab")  # the plan panel, where the item is
    grid = term.press("x")  # "Done: [/red]x! …" (this toast used to end the app)
    term.check_alive(grid)
    assert "[/red]x!" in " ".join(grid.text.split()), grid.text
    grid = term.press("u")
    term.check_alive(grid)
    grid = term.press("C")  # the customers screen: the card's border title is the name
    term.check_alive(grid)
    assert grid.text.count(CUSTOMER) >= 2, grid.text
    term.check_alive(term.press("Escape"))
    assert term.quit("q") == 0  # and it ends as it should, status 0
