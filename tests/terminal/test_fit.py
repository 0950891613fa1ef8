"""What a user sees at 80x24 and 120x40 (issue 10, item 6): every key of the help is
reachable, the weekly notes form keeps its save line, a toast over the panels shows
every Chinese character."""

from __future__ import annotations

import pytest

from tests.terminal.conftest import SIZES, StartCockpit


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_help_scrolls_to_its_last_key_at_80x24(cockpit_term: StartCockpit, lang: str) -> None:
    term = cockpit_term(size=(80, 24), lang=lang, demo=True)
    grid = term.press("?")
    last = "command_palette"  # the help's last line: the palette's binding id
    assert last not in grid.text  # more keys than lines: the rest is below
    grid = term.press("G")
    assert last in grid.text, grid.text
    for key in ("quit", "toggle_read", "open_launches"):
        assert key in grid.text  # the keys the issue found unreachable
    assert term.press("Escape").line(0).count("2026-W47") == 1
    assert term.quit() == 0


@pytest.mark.parametrize("size", ["80x24", "120x40"])
def test_notes_form_keeps_its_save_line(cockpit_term: StartCockpit, size: str) -> None:
    term = cockpit_term(size=SIZES[size], demo=True)
    grid = term.press("n")
    assert "ctrl+s save" in grid.text and "esc cancel" in grid.text, grid.text
    term.press("Escape")
    assert term.quit() == 0


def test_toast_over_the_panels_keeps_its_chinese(cockpit_term: StartCockpit) -> None:
    title = "准备瀚海银行季度业务回顾材料和续约方案"
    term = cockpit_term(lang="zh", setup=lambda t: t.cli("add", title))
    term.press("Tab")
    term.press("Tab")  # the plan panel, where the item is
    grid = term.press("x")
    assert f"已完成：{title}" in grid.text.replace("\n", ""), grid.text
    assert term.quit() == 0
