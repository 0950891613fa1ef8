"""The terminal harness itself: a real cockpit starts in tmux, its screen parses into
cells (wide characters, colours at truecolor and 256 colours) and `q` ends it."""

from __future__ import annotations

from tests.terminal.cells import Style, parse
from tests.terminal.conftest import StartCockpit


def test_sgr_parsing_keeps_columns_and_colours() -> None:
    capture = "\x1b[1m\x1b[38;2;255;0;0m中文\x1b[0m ab\x1b[48;5;17mc\n\x1b[7mrev"
    grid = parse(capture, 10, 2)
    assert grid.line(0) == "中文 abc  "  # 4 + 4 cells, padded to 10
    assert grid.rows[0][0].style == Style(fg="#ff0000", bold=True)
    assert grid.rows[0][1].char == ""  # right half of 中
    assert grid.find("ab") == (5, 0)
    assert grid.rows[0][7].style.bg == "c17"
    # tmux writes only changes, across lines too: line 2 keeps line 1's background.
    assert grid.rows[1][0].look[:2] == ("c17", "default-fg")  # reverse swaps them


def test_cockpit_starts_in_tmux_and_quits(cockpit_term: StartCockpit) -> None:
    term = cockpit_term(size=(80, 24), setup=lambda t: t.cli("add", "写周报 weekly report"))
    grid = term.grid()
    assert grid.width == 80 and len(grid.rows) == 24
    assert "写周报 weekly report" in grid.text
    assert term.quit() == 0


def test_256_colours_show_palette_colours(cockpit_term: StartCockpit) -> None:
    term = cockpit_term(colours="256")
    colours = {c.style.bg for row in term.grid().rows for c in row} - {None}
    assert colours and all(str(c).startswith("c") for c in colours), colours
