"""Feeds from the keyboard: the first-run hint, importing the defaults, adding a feed by
URL (checked), removing and switching one off, all undoable; "Feeds (N)" counts feeds."""

from __future__ import annotations

from pathlib import Path

from cockpit.app import make_app
from cockpit.core import i18n
from cockpit.core.clock import FrozenClock
from cockpit.feeds.store import EntryStore
from cockpit.feeds.subscriptions import FeedList
from cockpit.items.workspace import Workspace
from cockpit.screens.reading.feed_form import FeedForm
from cockpit.screens.reading.screen import ReadingScreen
from tests.ui.helpers import settle
from tests.ui.render import screen_text, until
from tests.ui.test_reading import reading_workspace

SIZE = (120, 40)


def feeds_on_disk(root: Path, clock: FrozenClock) -> list[str]:
    return [f.url for f in FeedList(Workspace(root, clock).files).all()]


def notes(app: object) -> list[str]:
    return [n.message for n in app._notifications]  # type: ignore[attr-defined]


async def test_first_run_hint_and_the_defaults_from_the_keyboard(
    tmp_path: Path, clock: FrozenClock
) -> None:
    ws = Workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        drawn = screen_text(app)  # wrapped in the narrow panel
        assert "No feeds yet: press f, then I for" in drawn and "│ the default feeds" in drawn
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        assert "No feeds yet: press I for the default PostgreSQL feeds" in screen_text(app)
        await pilot.press("I")
        await settle(pilot)
        subscribed = feeds_on_disk(tmp_path / "ws", clock)
        assert len(subscribed) > 20
        drawn = screen_text(app)
        assert f"Feeds ({len(subscribed)})" in drawn  # feeds, not rows of the list
        assert app.screen.panel("feedlist").row_count > len(subscribed)
        message = next(m for m in notes(app) if m.startswith("Added "))
        assert message.startswith(f"Added {len(subscribed)} default feeds (")
        await pilot.press("u")
        await settle(pilot)
        assert feeds_on_disk(tmp_path / "ws", clock) == []
        await pilot.press("escape")
        await settle(pilot)
        assert "No feeds yet: press f, then I for" in screen_text(app)


async def test_first_run_hint_in_chinese(tmp_path: Path, clock: FrozenClock) -> None:
    i18n.set_language("zh")
    app = make_app(Workspace(tmp_path / "ws", clock), watch=False, fetch=False)
    async with app.run_test(size=SIZE):
        drawn = screen_text(app)
        assert "还没有订阅：按 f 再按 I" in drawn and "│ 添加默认订阅" in drawn


async def test_add_a_feed_by_url_refusing_a_bad_one(tmp_path: Path, clock: FrozenClock) -> None:
    ws, _ids = reading_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        await pilot.pause()
        assert "Feeds (3)" in screen_text(app)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, FeedForm)
        for ch in "ftp://x":
            await pilot.press(ch)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FeedForm)
        assert (
            "ftp://x is not a feed address: it must start with http:// or https:// "
            "and name a host." in notes(app)
        )
        url = app.screen.query_one("#feed-url")
        url.value = "https://planet.example.org/rss20.xml"  # already there
        await pilot.press("enter")
        await pilot.pause()
        assert "Already subscribed: Planet PostgreSQL." in notes(app)
        url.value = "https://www.postgresql.org/news.rss"
        app.screen.query_one("#feed-category").value = "community"
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReadingScreen))
        assert isinstance(app.screen, ReadingScreen)
        assert "https://www.postgresql.org/news.rss" in feeds_on_disk(tmp_path / "ws", clock)
        drawn = screen_text(app)
        assert "Feeds (4)" in drawn and "www.postgresql.org" in drawn
        await pilot.press("u")
        await settle(pilot)
        assert len(feeds_on_disk(tmp_path / "ws", clock)) == 3


async def test_remove_and_switch_off_a_feed(tmp_path: Path, clock: FrozenClock) -> None:
    ws, ids = reading_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        await pilot.pause()
        screen = app.screen
        feedlist = screen.panel("feedlist")
        feedlist.focus()
        await pilot.pause()
        assert "a add a feed · d remove · x on/off · I default feeds" in screen_text(app)
        await pilot.press("d")  # on "All": nothing to remove
        await pilot.pause()
        assert "Select a feed in the list on the left first" in notes(app)
        assert feedlist.select_ref(ids["edb"])
        await pilot.press("x")
        await settle(pilot)
        assert not FeedList(Workspace(tmp_path / "ws", clock).files).get(ids["edb"]).enabled
        row = next(line for line in screen_text(app).splitlines() if "│   EDB blog" in line)
        assert "off" in row
        await pilot.press("d")
        await settle(pilot)
        assert len(feeds_on_disk(tmp_path / "ws", clock)) == 2
        assert "Removed feed EDB blog (u to undo)" in notes(app)
        assert "Feeds (2)" in screen_text(app)
        await pilot.press("u")
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        back = FeedList(Workspace(tmp_path / "ws", clock).files).get(ids["edb"])
        assert back.enabled and "Feeds (3)" in screen_text(app)
        store = EntryStore(Workspace(tmp_path / "ws", clock).files)
        assert store.get(ids["e2"]) is not None  # its entries came back too
