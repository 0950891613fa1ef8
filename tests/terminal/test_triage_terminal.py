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


def _seed_wide(term: CockpitTerminal) -> None:
    for title in ("瀚海银行 HA 故障复盘报告", "北辰证券 升级评审"):
        term.cli("add", title, "--list", "key")
    term.cli("add", "明湖市政务云 回访", "--list", "plan")


def test_a_toast_leaves_the_first_wide_character_of_each_panel_drawn(
    cockpit_term: StartCockpit,
) -> None:
    """A toast's layout asked each panel to repaint one cell of its first row; a cell
    that is half of a wide character was written as a space, and the terminal blanked
    the whole character ("瀚海银行" read "  海银行" from the first toast on)."""
    term = cockpit_term(setup=_seed_wide, lang="zh", ready="重点事务 (2)")
    before = term.settle().text
    assert "瀚海银行 HA" in before and "明湖市政务云" in before
    term.send("u")  # nothing to undo: a toast, and no panel changes
    shown = term.wait_for(lambda g: "▌" in g.text, 10)
    assert "瀚海银行 HA" in shown.text and "明湖市政务云" in shown.text
    gone = term.wait_for(lambda g: "▌" not in g.text, 20)
    assert "瀚海银行 HA" in gone.text and "明湖市政务云" in gone.text
    assert term.quit() == 0
