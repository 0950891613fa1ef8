"""The finder as drawn: one line per hit (cut with `…`, CJK-aware, no gap before it), the
filters from the keyboard, how to search before typing, a bad filter said in a line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rich.cells import cell_len

from cockpit.app import make_app
from cockpit.core import i18n
from cockpit.core.clock import FrozenClock
from cockpit.screens.daily.screen import DailyScreen
from cockpit.screens.dialogs.finder import FinderScreen, clip
from tests.ui.helpers import small_workspace
from tests.ui.render import screen_lines, until

LONG_ZH = "瀚海银行核心交易系统 PostgreSQL 高可用集群升级与跨地域容灾演练方案评审会议纪要整理"
LONG_EN = (
    "Review extension usage stats for pgvector, PostGIS, TimescaleDB and "
    "pg_stat_statements across every managed region"
)


async def _find(pilot: object, app: object, text: str) -> list[str]:
    if not isinstance(app.screen, FinderScreen):  # type: ignore[attr-defined]
        await pilot.press("slash")  # type: ignore[attr-defined]
        await pilot.pause()  # type: ignore[attr-defined]
    app.screen.query_one("#find-input").value = text  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    return screen_lines(app)  # type: ignore[arg-type]


def _hit_lines(lines: list[str], marker: str) -> list[str]:
    """The finder's own lines showing `marker` (the daily screen is drawn behind it)."""
    kinds = ("│  item ", "│  事项 ", "│  customer ", "│  news ")
    return [line for line in lines if marker in line and any(k in line for k in kinds)]


async def test_hits_stay_on_one_line_at_both_sizes(tmp_path: Path, clock: FrozenClock) -> None:
    ws = small_workspace(tmp_path / "ws", clock)
    ws.add(LONG_ZH, tags=["ha", "客户"], customer="招商银行")
    ws.add(LONG_EN, tags=["extension"])
    for size in ((120, 40), (80, 24)):
        app = make_app(ws, watch=False, fetch=False)
        async with app.run_test(size=size) as pilot:
            lines = await _find(pilot, app, "瀚海")
            (row,) = _hit_lines(lines, "瀚海银行核心")
            assert "…" in row and " …" not in row.split("瀚海银行核心")[1]
            assert "交易系统" in row
            # The next line is not the rest of the title: nothing wrapped.
            below = lines[lines.index(row) + 1]
            assert "纪要整理" not in below and "会议" not in below
            lines = await _find(pilot, app, "pgvector")
            (row,) = _hit_lines(lines, "Review extension usage stats")
            assert "…" in row
            assert not any("managed region" in line for line in lines)


async def test_filters_from_the_keyboard(tmp_path: Path, clock: FrozenClock) -> None:
    ws = small_workspace(tmp_path / "ws", clock)
    ws.add("Call back about the renewal", customer="招商银行", due=dt.date(2026, 11, 18))
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        lines = await _find(pilot, app, "")
        text = "\n".join(lines)
        assert "+tag  @customer  list:key|plan|ops  status:open|done|dropped" in text
        assert "due:today|week|overdue, or a day" in text
        lines = await _find(pilot, app, "due:today")
        assert _hit_lines(lines, "Call back about the renewal")
        assert not _hit_lines(lines, "Review PG 17 release notes")  # due Friday
        lines = await _find(pilot, app, "due:week")
        assert _hit_lines(lines, "Review PG 17 release notes")
        lines = await _find(pilot, app, "@招商 renewal")
        assert _hit_lines(lines, "Call back about the renewal")
        assert not _hit_lines(lines, "Draft logical replication")
        lines = await _find(pilot, app, "list:someday")
        assert any("list: takes key, plan, ops" in line for line in lines)
        lines = await _find(pilot, app, "list:key")
        assert _hit_lines(lines, "准备产品周会材料")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, DailyScreen))
        assert isinstance(app.screen, DailyScreen)
        assert app.screen.focused is app.screen.panel("key")


async def test_chinese_finder_says_how_to_search(tmp_path: Path, clock: FrozenClock) -> None:
    i18n.set_language("zh")
    app = make_app(small_workspace(tmp_path / "ws", clock), watch=False, fetch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        text = "\n".join(await _find(pilot, app, ""))
        assert "+标签  @客户" in text
        text = "\n".join(await _find(pilot, app, "nothing-like-this-anywhere"))
        assert "没有找到" in text


def test_clip_leaves_no_gap_before_the_ellipsis() -> None:
    from rich.text import Text

    assert clip(Text("@北辰证券"), 4).plain == "@北…"  # 3 cells + … ; Rich gives "@北 …"
    assert clip(Text("北辰证券"), 4).plain == "北…"
    assert cell_len(clip(Text("北辰证券"), 5).plain) == 5
    assert clip(Text("short"), 10).plain == "short"
