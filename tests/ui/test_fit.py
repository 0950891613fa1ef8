"""Lines fit their cells as a reader expects (issue 10, item 6): the meta text of a
panel row is not cut at 40% when the title is short, and a cut after a Chinese
character leaves no blank before the `…`."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from rich.text import Text
from textual.widgets import DataTable

from cockpit.app import make_app
from cockpit.core import i18n
from cockpit.core.clock import FrozenClock
from cockpit.core.config import Config
from cockpit.demo.build import build_demo
from cockpit.items.workspace import Workspace
from cockpit.screens.widgets.rowline import layout_line
from cockpit.screens.widgets.textfit import clip
from tests.ui.helpers import settle
from tests.ui.render import screen_lines
from tests.ui.rendered import drawn

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


async def _metrics(tmp_path: Path, clock: FrozenClock, lang: str, size: tuple[int, int]) -> Any:
    i18n.set_language(lang)
    ws = Workspace(tmp_path / "ws", clock, Config(language=lang))
    build_demo(ws)
    return make_app(ws, watch=False, fetch=False)


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_metrics_columns_fit_at_120_without_a_scrollbar(
    tmp_path: Path, clock: FrozenClock, lang: str
) -> None:
    app = await _metrics(tmp_path, clock, lang, (120, 40))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("M")
        await settle(pilot)
        grid = app.screen.query_one("#metrics-rows", DataTable)
        assert not grid.show_horizontal_scrollbar
        region = grid.content_region
        header = drawn_line(app, region.y, region.x, region.right)
        assert "…" not in header, header
        for word in ("month", "cash", "forecast") if lang == "en" else ("月份", "现金", "预测"):
            assert word in header


async def test_metrics_scrollbar_sits_under_the_rows_at_80(
    tmp_path: Path, clock: FrozenClock
) -> None:
    app = await _metrics(tmp_path, clock, "en", (80, 24))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("M")
        await settle(pilot)
        grid = app.screen.query_one("#metrics-rows", DataTable)
        shown = min(grid.row_count, grid.scrollable_content_region.height - 1)
        # border, header, the rows it shows, the scrollbar: no empty band above the bar
        assert grid.region.height <= 2 + 1 + shown + 1


@pytest.mark.parametrize(
    ("lang", "labels"),
    [("en", ["explanation of change", "actions to lift revenue"]), ("zh", ["拉动营收的行动"])],
)
async def test_form_labels_are_whole(
    tmp_path: Path, clock: FrozenClock, lang: str, labels: list[str]
) -> None:
    app = await _metrics(tmp_path, clock, lang, (80, 24))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("M")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        lines = screen_lines(app)
        for label in labels:
            # the label on the left and the same words as the field's placeholder
            assert any(line.count(label) == 2 for line in lines), (label, lines)


def drawn_line(app: Any, y: int, x0: int, x1: int) -> str:
    """Cells x0..x1 of line y as drawn (cells, not characters: CJK takes two)."""
    return drawn(app)[y].crop(x0, x1).text


async def test_a_border_subtitle_keeps_whole_parts(tmp_path: Path, clock: FrozenClock) -> None:
    """Parts that do not fit the bottom border go whole, for `· …`: Textual's own cut
    left `竞品 …`, a category without its count."""
    from cockpit.screens.widgets.panels import Panel

    ws = Workspace(tmp_path / "ws", clock, Config(language="zh"))
    i18n.set_language("zh")
    build_demo(ws)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        line = next(x for x in screen_lines(app) if "社区 " in x and "╰" in x)
        assert line.rstrip().endswith("社区 5 · 博客 6 · 周刊 3 · … ─╯")
        await pilot.resize_terminal(200, 40)
        await pilot.pause()
        panel = app.screen.query_one("#panel-feeds", Panel)
        assert "生态 7" in str(panel.border_subtitle) and "…" not in str(panel.border_subtitle)
