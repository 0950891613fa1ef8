"""Keys typed before a form has opened land in the form, in order (issue 10, item 3).

tmux writes all the keys of one `send-keys` in one go — faster than anyone types — so
`a`, a title and `enter` reach the app while the form is still being built. Before
the fix, 30 such adds left 0 intact titles: the title's `d`s deleted items on the
daily screen, its `a`s opened other forms, `enter` edited whatever was under the cursor.
"""

from __future__ import annotations

import json
from typing import Any

from tests.terminal.conftest import CockpitTerminal, StartCockpit

ROUNDS = 20


def _items(term: CockpitTerminal) -> list[dict[str, Any]]:
    done = term.cli("ls", "--all", "--json")
    assert done.returncode == 0, done.stderr
    items: list[dict[str, Any]] = json.loads(done.stdout)
    return items


def _seed(term: CockpitTerminal) -> None:
    term.cli("add", "seed item: must stay as it is", "--due", "2026-11-20")


def test_fast_adds_all_land_in_their_form(cockpit_term: StartCockpit) -> None:
    term = cockpit_term(setup=_seed)
    for n in range(1, ROUNDS + 1):
        term.send("a", f"fast add {n}", "Enter")
    term.wait_for(f"Key items ({ROUNDS})", timeout=90)  # a adds to the focused list
    term.wait_for(f"fast add {ROUNDS}", timeout=30)
    assert term.quit() == 0
    items = _items(term)
    titles = sorted(i["title"] for i in items)
    expected = sorted([f"fast add {n}" for n in range(1, ROUNDS + 1)])
    assert titles == sorted([*expected, "seed item: must stay as it is"])
    seed = next(i for i in items if i["title"].startswith("seed"))
    assert seed["status"] == "open" and seed["due"] == "2026-11-20" and not seed["tags"]


def test_tab_then_text_lands_in_the_next_field(cockpit_term: StartCockpit) -> None:
    term = cockpit_term(setup=_seed)
    # title, list (a drop-down), week, due, customer, owner: three tabs reach the due
    # date, two more the owner.
    term.send("a", "tabbed", "Tab", "Tab", "Tab", "2026-11-27", "Tab", "Tab", "王五", "Enter")
    term.wait_for("Key items (1)", timeout=30)
    assert term.quit() == 0
    item = next(i for i in _items(term) if i["title"] == "tabbed")
    assert item["due"] == "2026-11-27"
    assert item["owner"] == "王五"


def test_a_paste_right_after_a_lands_in_the_title(cockpit_term: StartCockpit) -> None:
    term = cockpit_term(setup=_seed)
    term.paste("粘贴的标题 pasted", after=["a"])
    term.send("Enter")
    term.wait_for("Key items (1)", timeout=30)
    assert term.quit() == 0
    assert "粘贴的标题 pasted" in [i["title"] for i in _items(term)]
