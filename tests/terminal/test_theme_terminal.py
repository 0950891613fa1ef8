"""In a real terminal, a theme picked in the palette repaints every row of the daily
panels in the new theme's background (capture-pane -e), is written into the config
file as `[ui] theme` with the rest of the file as it was, and is there at the next
start (issue 10: rows kept the old theme's background, and the choice was lost)."""

from __future__ import annotations

from tests.terminal.conftest import StartCockpit

MINE = '# my settings\n\n[ui]\nbrowser = "true"   # keep\n'


def _panel_backgrounds(grid: object, rows: range) -> set[str | None]:
    seen: set[str | None] = set()
    for y in rows:
        seen |= grid.backgrounds(y, 2, 50)  # type: ignore[attr-defined]
    return seen


def test_a_picked_theme_repaints_the_rows_and_is_kept(cockpit_term: StartCockpit) -> None:
    term = cockpit_term(demo=True, config=MINE)
    dark = term.settle()
    rows = range(4, 12)  # inside the key and carry-over panels, below their titles
    before = _panel_backgrounds(dark, rows)
    term.send("C-p")
    term.wait_for("Search for commands")
    term.type("change theme")
    term.wait_for(lambda g: g.line(8).strip() == "app: change theme")
    term.send("Enter")
    term.wait_for("Search for themes")
    term.type("textual-light")
    term.wait_for(lambda g: g.line(8).strip() == "textual-light")
    term.send("Enter")
    # The palette closes, the toast says where it was saved: then the rows are compared.
    light = term.wait_for("(saved in", timeout=30)
    after = _panel_backgrounds(light, rows)
    assert after and not after & before, light.text
    text = term.config.read_text(encoding="utf-8")
    assert (
        text
        == 'language = "en"\n' + MINE.replace("[ui]\n", '[ui]\ntheme = "textual-light"\n') + "\n"
    )
    assert term.quit() == 0
    # the next start reads it: the same colours from the first frame
    again = cockpit_term(
        demo=True, config=MINE.replace("[ui]\n", '[ui]\ntheme = "textual-light"\n')
    )
    assert _panel_backgrounds(again.settle(), rows) == after
    assert again.quit() == 0
