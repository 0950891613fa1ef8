"""Lines fit their cells as a reader expects (issue 10, item 6): the meta text of a
panel row is not cut at 40% when the title is short, and a cut after a Chinese
character leaves no blank before the `…`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rich.text import Text

from cockpit.app import make_app
from cockpit.core import i18n
from cockpit.core.clock import FrozenClock
from cockpit.core.config import Config
from cockpit.demo.build import build_demo
from cockpit.items.workspace import Workspace
from cockpit.screens.widgets.panels import layout_line
from cockpit.screens.widgets.textfit import clip
from tests.ui.render import screen_lines

GAP_BEFORE_ELLIPSIS = re.compile(r"[\u3000-\u9fff\uff00-\uffef] …")


def test_short_title_leaves_the_meta_whole() -> None:
    line = layout_line(Text("ACME  top"), Text("follow-up today · 3 touches"), 34)
    # 40% of 34 cells would have cut the meta to `follow-up to…`
    assert line.plain == "ACME  top follow-up today · 3 tou…"


def test_long_title_keeps_most_of_the_line() -> None:
    title = Text("Decide next year's roadmap themes: HA, vector search, and more")
    line = layout_line(title, Text("due in 2 days · @北辰证券"), 40)
    assert line.cell_len == 40 and line.plain.startswith("Decide next year's")


def test_clip_leaves_no_blank_before_the_ellipsis() -> None:
    assert clip(Text("PG 17 升级方案评审"), 14).plain == "PG 17 升级方…"
    assert clip(Text("PG 17 升级方案评审"), 14, pad=True).plain == "PG 17 升级方… "
    assert clip(Text("@北辰证券"), 5).plain == "@北…"
    assert clip(Text("short"), 9, pad=True).plain == "short    "


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_no_blank_before_an_ellipsis_on_screen(
    tmp_path: Path, clock: FrozenClock, lang: str, size: tuple[int, int]
) -> None:
    i18n.set_language(lang)
    ws = Workspace(tmp_path / "ws", clock, Config(language=lang))
    build_demo(ws)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=size) as pilot:
        for key in ["", "f", "C"]:
            if key:
                await pilot.press(key)
            await pilot.pause()
            bad = [line for line in screen_lines(app) if GAP_BEFORE_ELLIPSIS.search(line)]
            assert not bad, (key, bad)
            if key:
                await pilot.press("escape")


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_weekly_notes_form_keeps_its_save_line(
    tmp_path: Path, clock: FrozenClock, size: tuple[int, int]
) -> None:
    ws = Workspace(tmp_path / "ws", clock, Config())
    build_demo(ws)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=size) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.pause()
        text = "\n".join(screen_lines(app))
        assert "ctrl+s save" in text and "esc cancel" in text
