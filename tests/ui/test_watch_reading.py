"""The competitor watch and newsboat's moves on screen: entries naming a watch word are
marked and their words drawn highlighted (news panel, reading list, preview), counted
in the news panel's border, told once in a toast when they arrive; `n` goes to the
next unread entry across feeds; the preview shows the full text and `space` pages it."""

from __future__ import annotations

from pathlib import Path

from rich.style import Style
from textual.containers import VerticalScroll

from cockpit.app import make_app
from cockpit.core.clock import FrozenClock
from cockpit.core.config import Config
from cockpit.feeds.store import EntryStore
from cockpit.feeds.subscriptions import FeedList
from cockpit.items.workspace import Workspace
from cockpit.screens.daily.screen import DailyScreen
from cockpit.screens.reading.screen import ReadingScreen
from cockpit.screens.safe import Static
from tests.ui.helpers import settle, small_workspace
from tests.ui.rendered import drawn

SIZE = (120, 40)
LONG = "\n\n".join(f"Paragraph {n}: pgvector HNSW details, part {n}." for n in range(1, 80))


def _entry(feed: object, title: str, when: str, **kw: object) -> dict[str, object]:
    return {
        "feed_id": feed.id,  # type: ignore[attr-defined]
        "feed": feed.title,  # type: ignore[attr-defined]
        "category": feed.category,  # type: ignore[attr-defined]
        "title": title,
        "link": "https://example.org/" + when,
        "published": f"2026-11-{when}:00:00+00:00",
        "summary": kw.pop("summary", "A summary."),
        **kw,
    }


def watch_workspace(root: Path, clock: FrozenClock) -> tuple[Workspace, dict[str, int]]:
    config = Config()
    config.feeds.watch = ["pgvector", "国产数据库", "EDB"]
    ws = small_workspace(root, clock, config)
    feeds = FeedList(ws.files)
    planet = feeds.add("https://planet.example.org/rss", "planet", "Planet PostgreSQL")
    edb = feeds.add("https://edb.example.com/rss", "competitor", "EDB blog")
    motian = feeds.add("https://modb.example.cn/rss", "competitor", "墨天轮")
    store = EntryStore(ws.files)
    ids = store.add(
        [
            _entry(planet, "HNSW in PGVector 0.8", "18T01", content=LONG),
            _entry(planet, "Vacuum tuning", "17T09"),
            _entry(edb, "EDB Postgres AI launch", "17T01"),
            _entry(motian, "11月国产数据库流行度排行", "16T01"),
            _entry(motian, "社区活动回顾", "15T01"),
        ]
    )
    store.set_mark(ids[1], "read", True)
    return ws, dict(zip(["vector", "vacuum", "edb", "rank", "meetup"], ids, strict=True))


def _text(app: object) -> str:
    return "\n".join(s.text for s in drawn(app))  # type: ignore[arg-type]


def _styles_of(app: object, word: str) -> list[Style]:
    """The styles the words `word` is drawn with, wherever it shows."""
    out = []
    for strip in drawn(app):  # type: ignore[arg-type]
        for segment in strip:
            if word in segment.text and segment.style is not None:
                out.append(segment.style)
    return out


async def test_watch_words_are_highlighted_counted_and_told_once(
    tmp_path: Path, clock: FrozenClock
) -> None:
    ws, ids = watch_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = app.screen
        assert isinstance(screen, DailyScreen)
        text = _text(app)
        assert "◆ watch 3" in text  # unread ones only: the border counts what to read
        rows = {r.ref: r.title.plain for r in screen.panel("feeds").rows_data}
        assert rows[ids["edb"]].startswith("◆ EDB") and rows[ids["rank"]].startswith("◆ 11月")
        assert not rows[ids["meetup"]].startswith("◆")
        drawn_styles = _styles_of(app, "国产数据库")
        assert drawn_styles and all(s.bold and s.underline for s in drawn_styles)
        rest = _styles_of(app, "11月")  # the rest of the title keeps its own look
        assert rest and not any(s.underline or s.color == drawn_styles[0].color for s in rest)
        assert not app._notifications  # the entries there at start are not news
        EntryStore(ws.files).set_mark(ids["edb"], "read", True)  # the state file only
        screen.reload()
        await settle(pilot)
        assert "◆ watch 2" in _text(app)
        EntryStore(ws.files).set_mark(ids["edb"], "read", False)
        screen.reload()
        await settle(pilot)
        assert "◆ watch 3" in _text(app)
        # A refresh brings two matching entries and one other: one toast, naming them.
        motian = next(f for f in FeedList(ws.files).all() if f.title == "墨天轮")
        edb = next(f for f in FeedList(ws.files).all() if f.title == "EDB blog")
        store = EntryStore(ws.files)
        store.add(
            [
                _entry(motian, "国产数据库白皮书", "18T03"),
                _entry(edb, "Release notes", "18T02", summary="EDB adds pgvector"),
                _entry(edb, "Webinar", "18T04"),
            ]
        )
        screen.reload()
        await settle(pilot)
        told = [n.message for n in app._notifications]
        assert len(told) == 1 and "2 new entries on your watch list" in told[0]
        assert "(国产数据库, EDB, pgvector): 国产数据库白皮书" in told[0]
        app.clear_notifications()  # the toast sits over the news panel's border
        await pilot.pause()
        assert "◆ watch 5" in _text(app)
        screen._feeds_stamp = None  # as after a refresh that brought nothing new
        screen.reload()  # the same entries again: no second toast
        await settle(pilot)
        assert not app._notifications


async def test_n_goes_to_the_next_unread_across_feeds(tmp_path: Path, clock: FrozenClock) -> None:
    ws, ids = watch_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        # Marked in the reading list too, the watch count in the entries' border.
        titles = {r.ref: r.title.plain for r in screen.panel("entries").rows_data}
        assert titles[ids["vector"]] == "◆ HNSW in PGVector 0.8"
        assert "◆ 3 on the watch list" in _text(app)
        screen.panel("feedlist").select_ref(FeedList(ws.files).all()[0].id)  # Planet
        screen.show_entries()
        entries = screen.panel("entries")
        entries.focus()
        assert entries.current_ref() == ids["vector"]
        await pilot.press("n")  # Planet's other entry is read: on to the next feed
        await pilot.pause()
        assert entries.current_ref() == ids["edb"]
        assert screen.panel("feedlist").current_ref() == FeedList(ws.files).all()[1].id
        await pilot.press("n")
        await pilot.pause()
        assert entries.current_ref() == ids["rank"]
        await pilot.press("n")
        await pilot.pause()
        assert entries.current_ref() == ids["meetup"]
        await pilot.press("n")  # wraps around to Planet's unread one
        await pilot.pause()
        assert entries.current_ref() == ids["vector"]
        for ref in ids.values():
            EntryStore(ws.files).set_mark(ref, "read", True)
        await pilot.press("n")
        await pilot.pause()
        assert entries.current_ref() == ids["vector"]  # nothing left: it stays


async def test_the_preview_shows_the_full_text_and_space_pages_it(
    tmp_path: Path, clock: FrozenClock
) -> None:
    ws, ids = watch_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        assert screen.panel("entries").current_ref() == ids["vector"]
        preview = str(screen.query_one("#preview", Static).content)
        assert "Paragraph 79" in preview and "A summary." not in preview
        pane = screen.query_one("#reading-preview", VerticalScroll)
        assert pane.max_scroll_y > 2 * pane.size.height  # several pages
        assert "Paragraph 1:" in _text(app) and "Paragraph 30:" not in _text(app)
        await pilot.press("space")
        await pilot.pause()
        assert pane.scroll_y == pane.size.height  # one page down, drawn
        assert "Paragraph 1:" not in _text(app)
        await pilot.press("b")
        await pilot.pause()
        assert pane.scroll_y == 0
        for _ in range(12):  # to the end, then on to the next unread entry
            await pilot.press("space")
            await pilot.pause()
            if screen.panel("entries").current_ref() != ids["vector"]:
                break
        assert screen.panel("entries").current_ref() == ids["edb"]
        assert pane.scroll_y == 0  # a new entry's preview starts at its top
        # The watch words are highlighted in the preview as drawn.
        assert any(s.bold and s.underline for s in _styles_of(app, "EDB"))
