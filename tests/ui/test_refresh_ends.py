"""`r` in the TUI with hostile feeds beside a good one: the refresh always ends, each
failure shows on its own feed, and the next `r` refreshes again (it used to stay
"A refresh is already running" until restart after a `javascript:` redirect)."""

from __future__ import annotations

import time
from pathlib import Path

from cockpit.app import make_app
from cockpit.core.clock import FrozenClock
from cockpit.core.config import Config, FeedSettings
from cockpit.feeds.subscriptions import FeedList
from cockpit.items.workspace import Workspace
from tests.feedserver import FeedServer, read_fixture
from tests.ui.helpers import settle
from tests.ui.render import screen_text

SIZE = (120, 40)


async def test_a_refresh_with_bad_feeds_ends_and_can_run_again(
    tmp_path: Path, clock: FrozenClock
) -> None:
    ws = Workspace(tmp_path / "ws", clock, Config(feeds=FeedSettings(timeout=1.0)))
    feeds = FeedList(ws.files)
    with FeedServer() as server:
        feeds.add(server.route("/pg.rss", body=read_fixture("pg-news.rss")), "community")
        feeds.add(server.route("/js", redirect="javascript:alert(1)"), "community")
        feeds.add(server.route("/a", redirect="/b"), "community")
        server.route("/b", redirect="/a")
        drip = server.route("/drip", body=read_fixture("rss20.xml"), trickle=1.0, piece=1)
        feeds.add(drip, "community")
        app = make_app(ws, watch=False, fetch=False)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            began = time.monotonic()
            await pilot.press("r")
            await app.workers.wait_for_complete()
            await settle(pilot)
            assert time.monotonic() - began < 5
            assert app.feed_progress is None and app.is_running
            drawn = screen_text(app)
            assert "3 feeds failed" in drawn and "already running" not in drawn
            errors = {f.url.rsplit("/", 1)[-1]: f.error for f in FeedList(ws.files).all()}
            assert errors == {
                "pg.rss": "",
                "js": "redirected to 'javascript:alert(1)', which is not an http(s) URL",
                "a": "redirect loop: /a → /b → /a",
                "drip": errors["drip"],
            }
            assert errors["drip"].startswith("sent too slowly")
            app.clear_notifications()
            await pilot.press("r")  # again: a new refresh, not "already running"
            await app.workers.wait_for_complete()
            await settle(pilot)
            drawn = screen_text(app)
            assert "Feeds refreshed" in drawn and "already running" not in drawn
            assert app.feed_progress is None
