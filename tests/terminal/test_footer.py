"""The key bar, as the terminal shows it: whole keys on every screen, the palette at
the right, `?` always there (as "help", or "more" when keys were left out), and on the
daily screen at 120x40 every key that opens another screen (before issue 10 the bar
ended in `f Frid▏`, and C, W, n, w, M, P, L were never shown)."""

from __future__ import annotations

import pytest

from tests.terminal.conftest import SIZES, StartCockpit

SCREENS = ["", "f", "C", "w", "M", "P", "L", "W", "v"]
DAILY = ["a", "e", "x", ">", "!", "d", "u", "/", "v", "f", "C", "W", "n", "w", "M", "P", "L"]


@pytest.mark.parametrize(("size", "lang"), [("120x40", "en"), ("80x24", "zh")])
def test_every_screen_bar_fits(cockpit_term: StartCockpit, size: str, lang: str) -> None:
    cols, rows = SIZES[size]
    term = cockpit_term(size=(cols, rows), lang=lang, demo=True)
    bars = {}
    for key in SCREENS:
        grid = term.press(key) if key else term.settle()
        term.check_alive(grid)
        bar = [grid.line(y).rstrip() for y in range(rows - 2, rows)]
        if rows < 30:
            bar = bar[1:]  # one line on a short terminal
        bars[key or "daily"] = bar
        text = " ".join(bar)
        assert "▏" not in text and "…" not in text, (key, bar)
        assert "^p" in bar[-1].split()[-2:], (key, bar)
        words = text.split()
        assert "?" in words, (key, bar)
        if key:
            term.press("Escape")
    daily = " ".join(bars["daily"]).split()
    if rows >= 30:
        missing = [k for k in DAILY if k not in daily]
        assert not missing, (missing, bars["daily"])
    else:
        assert ("更多" if lang == "zh" else "more") in daily
    assert term.quit() == 0
