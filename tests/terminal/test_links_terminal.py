"""In a real terminal (tmux) with no display, `o` on a headline says why nothing opened
and the link reaches tmux's clipboard through OSC 52 once `set-clipboard` is on."""

from __future__ import annotations

from tests.terminal.conftest import CockpitTerminal, StartCockpit


def _headless(term: CockpitTerminal) -> None:
    # An SSH session: no display, no $BROWSER (empty values count as unset).
    term.env.update(DISPLAY="", WAYLAND_DISPLAY="", BROWSER="", SSH_CONNECTION="10.0.0.2 5 6 22")


def test_open_without_a_browser_copies_the_link_into_tmux(cockpit_term: StartCockpit) -> None:
    term = cockpit_term(size=(120, 40), demo=True, setup=_headless)
    term.tmux("set-option", "-s", "set-clipboard", "on")
    term.send(*["Tab"] * 6)  # key, carry, plan, ops, customers, agenda -> news
    term.settle()
    grid = term.press("o")
    grid = term.wait_for(lambda g: "set-clipboard on" in g.text.replace("\n", " "))
    text = " ".join(grid.text.split())
    assert "Opening" not in text
    assert "Could not open a browser (no graphical display)" in text
    copied = term.tmux("show-buffer", check=False)
    assert copied.startswith("https://"), copied
    assert copied.split("/")[2] in text  # the toast names the link it copied
    term.check_alive()
