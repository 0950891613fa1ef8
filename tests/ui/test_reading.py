"""Pilot tests of the Friday reading screen on real workspace files (no network)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from cockpit.app import CockpitApp, make_app
from cockpit.core.clock import FrozenClock
from cockpit.feeds.store import EntryStore
from cockpit.feeds.subscriptions import FeedList
from cockpit.items.workspace import Workspace
from cockpit.report.notes import NoteBook
from cockpit.screens.reading.screen import ReadingScreen
from tests.ui.helpers import settle, small_workspace

SIZE = (120, 40)


def reading_workspace(root: Path, clock: FrozenClock) -> tuple[Workspace, dict[str, int]]:
    ws = small_workspace(root, clock)
    feeds = FeedList(ws.files)
    planet = feeds.add("https://planet.example.org/rss20.xml", "planet", "Planet PostgreSQL")
    edb = feeds.add("https://edb.example.com/rss.xml", "competitor", "EDB blog")
    broken = feeds.add("https://gone.example.com/feed", "competitor", "Gone vendor")
    feeds.update(broken.id, status="error", error="HTTP 410 Gone: the feed was removed")
    store = EntryStore(ws.files)
    ids = store.add(
        [
            {
                "feed_id": planet.id,
                "feed": "Planet PostgreSQL",
                "category": "planet",
                "title": "Logical replication failover slots",
                "link": "https://postgr.es/p/1",
                "published": "2026-11-18T01:00:00+00:00",
                "summary": "Slots survive failover.",
            },
            {
                "feed_id": edb.id,
                "feed": "EDB blog",
                "category": "competitor",
                "title": "EDB Postgres AI launch",
                "link": "https://edb.example.com/a",
                "published": "2026-11-17T01:00:00+00:00",
                "summary": "A launch.",
            },
            {
                "feed_id": edb.id,
                "feed": "EDB blog",
                "category": "competitor",
                "title": "[@click=app.quit]\x1b]0;pwned\x07 sneaky",
                "link": "javascript:alert(1)",
                "published": "2026-11-16T01:00:00+00:00",
                "summary": "<script>x</script>",
            },
        ]
    )
    return ws, {
        "planet": planet.id,
        "edb": edb.id,
        "broken": broken.id,
        "e1": ids[0],
        "e2": ids[1],
        "e3": ids[2],
    }


async def open_reading(pilot: object, app: CockpitApp) -> ReadingScreen:
    await pilot.press("f")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, ReadingScreen)
    return app.screen


async def test_categories_feeds_entries_and_preview(tmp_path: Path, clock: FrozenClock) -> None:
    ws, ids = reading_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reading(pilot, app)
        left = [r.title.plain.strip() for r in screen.panel("feedlist").rows_data]
        assert left == [
            "All",
            "planet",
            "Planet PostgreSQL",
            "competitor",
            "EDB blog",
            "Gone vendor",
        ]
        assert screen.panel("entries").refs == [ids["e1"], ids["e2"], ids["e3"]]
        # Hostile text is shown as plain text, escape sequences gone, never as markup.
        assert screen.panel("entries").rows_data[2].title.plain == "[@click=app.quit] sneaky"
        preview = str(screen.query_one("#preview", Static).content)
        assert "Logical replication failover slots" in preview
        screen.panel("feedlist").focus()
        await pilot.press("j", "j", "j")  # -> competitor
        await pilot.pause()
        assert screen.panel("entries").refs == [ids["e2"], ids["e3"]]
        await pilot.press("j", "j")  # -> the failing feed: its reason shows
        await pilot.pause()
        status = str(screen.query_one("#reading-status", Static).content)
        assert "HTTP 410 Gone" in status
        row = screen.panel("feedlist").rows_data[5]
        assert row.meta.plain.startswith("⚠")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ReadingScreen)


async def test_star_read_category_read_and_undo(tmp_path: Path, clock: FrozenClock) -> None:
    ws, ids = reading_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reading(pilot, app)
        await pilot.press("s")
        await settle(pilot)
        store = EntryStore(Workspace(tmp_path / "ws", clock).files)
        assert store.get(ids["e1"]).starred
        await pilot.press("m")
        await settle(pilot)
        assert store.get(ids["e1"]).read
        screen.panel("entries").select_ref(ids["e2"])
        await pilot.press("A")  # "All" picked: the highlighted entry's category
        await settle(pilot)
        assert store.get(ids["e2"]).read and store.get(ids["e3"]).read
        assert store.unread_counts_by_feed().get(ids["edb"], 0) == 0
        await pilot.press("u")
        await settle(pilot)
        assert not store.get(ids["e2"]).read and not store.get(ids["e3"]).read
        assert store.get(ids["e1"]).read  # earlier marks are untouched by that undo


async def test_turn_entry_into_report_note_and_item(tmp_path: Path, clock: FrozenClock) -> None:
    ws, ids = reading_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_reading(pilot, app)
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("n")  # asks for a one-line comment (点评), optional
        await pilot.pause()
        # `n` and `i` typed into the comment are text, not the screen's keys
        await pilot.press(*"noting it", "enter")
        await settle(pilot)
        notes = NoteBook(Workspace(tmp_path / "ws", clock)).for_week("2026-W47", "industry")
        assert [(n.text, n.link, n.entry_id, n.comment) for n in notes] == [
            ("Logical replication failover slots", "https://postgr.es/p/1", ids["e1"],
             "noting it")
        ]  # fmt: skip
        # Filed again (no comment this time): still one note, the comment kept.
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("n", "enter")
        await settle(pilot)
        again = NoteBook(Workspace(tmp_path / "ws", clock)).for_week("2026-W47", "industry")
        assert [(n.id, n.comment) for n in again] == [(notes[0].id, "noting it")]
        await pilot.press("j", "t")
        await pilot.pause()
        await pilot.press("i")
        await settle(pilot)
        items = Workspace(tmp_path / "ws", clock).items()
        added = [i for i in items if i.title == "EDB Postgres AI launch"]
        assert added and added[0].week == "2026-W47" and "news" in added[0].tags


async def test_find_jumps_to_an_entry(tmp_path: Path, clock: FrozenClock) -> None:
    ws, ids = reading_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reading(pilot, app)
        await pilot.press("slash")
        await pilot.pause()
        for ch in "postgres ai":
            await pilot.press("space" if ch == " " else ch)
        await pilot.press("enter")
        for _ in range(20):  # a loaded machine may need a few frames for the jump
            await pilot.pause()
            if screen.panel("entries").current_ref() == ids["e2"]:
                break
        assert screen.panel("entries").current_ref() == ids["e2"]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_reading_screen_snapshot(
    snap_compare: object, tmp_path: Path, clock: FrozenClock, language: str
) -> None:
    from cockpit.core import i18n
    from cockpit.core.config import Config
    from cockpit.demo.build import build_demo

    i18n.set_language(language)
    ws = Workspace(tmp_path / "ws", clock, Config(language=language))
    build_demo(ws)
    app = make_app(ws, watch=False, fetch=False)
    assert snap_compare(app, terminal_size=(120, 40), press=["f"])  # type: ignore[operator]


async def test_refresh_from_the_keyboard_against_a_real_server(
    tmp_path: Path, clock: FrozenClock
) -> None:
    """`R` fetches in the background: keys keep working, entries and errors appear."""
    from tests.feedserver import FeedServer, read_fixture

    ws = small_workspace(tmp_path / "ws", clock)
    with FeedServer(latency=0.6) as server:  # slow enough to still be busy after R
        good = server.route("/planet.xml", body=read_fixture("zh-planet.xml"))
        gone = server.route("/gone.xml", status=410)
        feeds = FeedList(ws.files)
        feeds.add(good, "planet", "Planet PG 中文")
        feeds.add(gone, "competitor", "Gone vendor")
        app = make_app(ws, watch=False, fetch=False)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_reading(pilot, app)
            await pilot.press("R")
            assert app.feed_progress is not None  # busy at once; the keys still work:
            await pilot.press("tab", "j")
            assert screen.focused is screen.panel("feedlist")
            await app.workers.wait_for_complete()
            await settle(pilot)
            assert app.feed_progress is None
            assert screen.panel("entries").row_count > 0
            by_title = {f.title: f for f in FeedList(ws.files).all()}
            assert by_title["Gone vendor"].status == "error"
            assert "410" in by_title["Gone vendor"].error
            assert by_title["Planet PG 中文"].status == "ok"
            messages = [n.message for n in app._notifications]
            assert any("1 feed failed" in m for m in messages)
