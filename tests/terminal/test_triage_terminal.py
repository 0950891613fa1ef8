"""Fast triage in a real terminal: what the keys changed is what stays on screen, and
the toasts they raised go away again, leaving the panels drawn where they were.

The panels skip redrawing their scrollbars on layouts that change nothing of theirs
(`Panel._size_updated`): what a toast covered must still be painted again when it goes.
"""

from __future__ import annotations

import time

from tests.terminal.conftest import CockpitTerminal, StartCockpit

ITEMS = 30


def _seed(term: CockpitTerminal) -> None:
    for n in range(ITEMS):
        term.cli("add", f"key item {n:02d}", "--list", "key")


def test_toasts_of_fast_triage_go_away_and_the_panel_stays_drawn(
    cockpit_term: StartCockpit,
) -> None:
    term = cockpit_term(setup=_seed, ready=f"Key items ({ITEMS})")
    before = term.settle().text
    for _ in range(10):
        term.send("x", "u", "g")
        time.sleep(0.05)
    term.wait_for("Undone", timeout=15)
    # Each toast stays 3 s from when its write is done: on a loaded machine the last
    # of thirty writes lands a while after the first undo shows. A toast left painted
    # after it went would never leave the screen, and this wait would fail. (`▌` is
    # the left edge of a toast: nothing else on the daily screen draws one.)
    gone = term.wait_for(lambda g: "▌" not in g.text, 40)
    time.sleep(0.5)
    after = term.settle(quiet=0.5).text
    assert gone.text == after
    assert f"Key items ({ITEMS})" in after
    # what the toasts covered shows the panels again, exactly as before the keys
    assert after.splitlines()[25:38] == before.splitlines()[25:38]
    assert term.quit() == 0
