"""The bundled feed categories read in the reader's language on screen (社区, 竞品,
生态); a user's own category is shown as written, as text, never as markup."""

from __future__ import annotations

from pathlib import Path

import pytest

from cockpit.app import make_app
from cockpit.core import i18n
from cockpit.core.clock import FrozenClock
from cockpit.core.config import Config
from cockpit.feeds.store import EntryStore
from cockpit.feeds.subscriptions import FeedList
from cockpit.items.workspace import Workspace
from cockpit.screens.reading.screen import ReadingScreen
from tests.ui.helpers import settle, small_workspace
from tests.ui.render import screen_text

OWN = "[b]内部[/b] notes"  # a user's own category, markup-looking on purpose


def workspace(root: Path, clock: FrozenClock, language: str) -> Workspace:
    ws = small_workspace(root, clock, Config(language=language))
    feeds = FeedList(ws.files)
    made = [
        feeds.add("https://edb.example.com/rss.xml", "competitor", "EDB blog"),
        feeds.add("https://pg.example.org/news.xml", "community", "PostgreSQL news"),
        feeds.add("https://own.example.org/feed", OWN, "Team wiki"),
    ]
    EntryStore(ws.files).add(
        [
            {
                "feed_id": feed.id,
                "feed": feed.title,
                "category": feed.category,
                "title": f"Entry of {feed.title}",
                "link": f"https://example.org/{feed.id}",
                "published": "2026-11-17T01:00:00+00:00",
                "summary": "text",
            }
            for feed in made
        ]
    )
    return ws


async def test_chinese_names_for_the_bundled_categories(tmp_path: Path, clock: FrozenClock) -> None:
    i18n.set_language("zh")
    app = make_app(workspace(tmp_path / "ws", clock, "zh"), watch=False, fetch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        drawn = screen_text(app)
        # The news panel's border: the bundled ones first, in their order, in Chinese;
        # what does not fit goes whole (a cut part read `[b]内部[/…`).
        assert "─ 社区 1 · 竞品 1 · … ─╯" in drawn
        assert "community" not in drawn and "competitor" not in drawn
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, ReadingScreen)
        lines = screen_text(app).splitlines()
        left = [line[:40] for line in lines]
        assert any("社区" in line for line in left) and any("竞品" in line for line in left)
        assert any(OWN in line for line in left)  # as written, brackets and all
        assert f"Team wiki · {OWN} ·" in screen_text(app)  # the preview of the newest
        app.screen.panel("entries").select_ref(app.screen.panel("entries").refs[1])
        await settle(pilot)
        drawn = screen_text(app)
        assert "PostgreSQL news · 社区 ·" in drawn
        assert "community" not in drawn and "competitor" not in drawn


@pytest.mark.parametrize(
    ("language", "subtitle"),
    [
        ("zh", f"─ 社区 1 · 竞品 1 · {OWN} 1 ─╯"),
        ("en", f"─ community 1 · competitor 1 · {OWN} 1 ─╯"),
    ],
)
async def test_the_whole_border_where_it_fits(
    tmp_path: Path, clock: FrozenClock, language: str, subtitle: str
) -> None:
    """A user's own category as written, brackets and all (text, never markup)."""
    i18n.set_language(language)
    app = make_app(workspace(tmp_path / "ws", clock, language), watch=False, fetch=False)
    async with app.run_test(size=(180, 40)) as pilot:
        await settle(pilot)
        assert subtitle in screen_text(app)


async def test_the_counts_come_back_after_a_refresh(tmp_path: Path, clock: FrozenClock) -> None:
    """A refresh's progress shows on the border for its time only: when it ends, the
    counts are back although none changed (the progress used to stay)."""
    from cockpit.feeds.refresh import Progress
    from cockpit.screens.daily.screen import DailyScreen

    i18n.set_language("zh")
    app = make_app(workspace(tmp_path / "ws", clock, "zh"), watch=False, fetch=False)
    async with app.run_test(size=(180, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DailyScreen)
        screen.show_progress(Progress(2, 3, 1, "EDB blog"))
        await pilot.pause()
        assert "─ 刷新中 2/3 · 1 个失败 ─╯" in screen_text(app)
        screen.show_progress(Progress(3, 3, 1, "Team wiki"))
        await pilot.pause()
        drawn = screen_text(app)
        assert "─ 社区 1 · 竞品 1 ·" in drawn and "2/3" not in drawn
