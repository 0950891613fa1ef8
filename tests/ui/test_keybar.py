"""The key bar fits the screen's keys to the terminal: whole keys, most useful first,
two lines on a tall terminal, `? more` when some are left out (issue 10, item 6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cockpit.app import make_app
from cockpit.core import i18n
from cockpit.core.clock import FrozenClock
from cockpit.core.config import Config
from cockpit.demo.build import build_demo
from cockpit.items.workspace import Workspace
from cockpit.screens.widgets.keybar import Key, KeyBar, layout
from tests.ui.rendered import drawn

DAILY_KEYS = ["a", "e", "x", ">", "!", "d", "u", "/", "v", "f", "C", "W", "n", "w", "M", "P", "L"]


def keys(*labels: str) -> list[Key]:
    return [Key(label[0], label, label) for label in labels]


def test_layout_keeps_order_and_whole_keys() -> None:
    more, tail = Key("?", "more", "help"), [Key("^p", "commands", "palette")]
    many = keys("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf")
    assert layout(many, tail, 200, more, 1) == [(many, tail)]
    ((left, right),) = layout(many, tail, 40, more, 1)
    assert right == [more, *tail] and left == many[: len(left)] and 0 < len(left) < 7
    assert sum(k.width for k in [*left, *right]) + len(left) + len(right) - 1 <= 40
    two = layout(many, tail, 40, more, 2)
    assert len(two) == 2 and [k for line in two for k in line[0]] == many  # all, in order


async def _bar(
    tmp_path: Path, clock: FrozenClock, size: tuple[int, int], lang: str, lines: int
) -> list[str]:
    """The bottom `lines` lines of the daily screen as drawn."""
    i18n.set_language(lang)
    ws = Workspace(tmp_path / "ws", clock, Config(language=lang))
    build_demo(ws)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert app.screen.query_one(KeyBar).region.height == lines
        return [strip.text for strip in drawn(app)[-lines:]]


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_daily_bar_at_120x40_shows_every_screen_key(
    tmp_path: Path, clock: FrozenClock, lang: str
) -> None:
    lines = await _bar(tmp_path, clock, (120, 40), lang, 2)
    shown = " ".join(lines).split()
    for key in [*DAILY_KEYS, "?", "q", "^p"]:
        assert key in shown, (key, lines)
    assert "▏" not in "".join(lines) and "…" not in "".join(lines)


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_daily_bar_at_80x24_says_where_the_rest_is(
    tmp_path: Path, clock: FrozenClock, lang: str
) -> None:
    (line,) = await _bar(tmp_path, clock, (80, 24), lang, 1)
    words = line.split()
    assert words[:4] == ["a", "Add", "e", "Edit"] if lang == "en" else ["a", "添加", "e", "编辑"]
    assert ("? more" if lang == "en" else "? 更多") in line
    assert "▏" not in line and "…" not in line
    assert len([w for w in words if w in DAILY_KEYS]) >= 7


async def test_toasts_stay_above_a_two_line_bar(tmp_path: Path, clock: FrozenClock) -> None:
    from textual.widgets._toast import Toast

    ws = Workspace(tmp_path / "ws", clock, Config())
    build_demo(ws)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        app.notify("a toast long enough to take a few lines in its box " * 3, timeout=30)
        await pilot.pause(0.3)
        bar = app.screen.query_one(KeyBar).region
        (toast,) = app.screen.query(Toast)
        assert bar.height == 2 and toast.region.bottom <= bar.y
