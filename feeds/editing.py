"""Subscription changes as undo steps of the workspace: add a feed, import the bundled
defaults, remove one (its entries go too, starred ones stay), switch one on or off.

The TUI's reading screen manages feeds with these, so `u` walks them back like any other
change; the command line (`cockpit feeds add|rm|enable|disable|import`) keeps using
`FeedList` directly, as a script's change is not the open TUI's to undo.
"""

from __future__ import annotations

from cockpit.core.changes import Undoable, changing
from cockpit.core.i18n import msg
from cockpit.feeds.model import Feed, ImportReport
from cockpit.feeds.subscriptions import ENTRIES, FEEDS, STATE, FeedList


def add_feed(ws: Undoable, url: str, category: str = "", title: str = "") -> Feed:
    """Subscribe to `url` as one undo step (see `FeedList.add`)."""
    with changing(ws, FEEDS, label=msg("undo.feed_add")) as changes:
        feed = FeedList(ws.files).add(url, category, title)
        changes.created(FEEDS, "feeds", feed.id, f"add feed {feed.title}")
    return feed


def import_defaults(ws: Undoable) -> ImportReport:
    """Subscribe to the bundled PostgreSQL feeds (those not there yet) as one undo step;
    as `cockpit feeds import --defaults` (guessed addresses come disabled)."""
    with changing(ws, FEEDS, label=msg("undo.feed_defaults")) as changes:
        report = FeedList(ws.files).import_defaults()
        for feed in report.feeds:
            changes.created(FEEDS, "feeds", feed.id)
    return report


def set_enabled(ws: Undoable, feed_id: int, enabled: bool) -> Feed:
    """Switch fetching of one feed on or off (its entries stay), as one undo step."""
    with changing(
        ws, FEEDS, label=msg("undo.feed_enable" if enabled else "undo.feed_disable")
    ) as changes:
        changes.snapshot(FEEDS, "feeds", feed_id)
        return FeedList(ws.files).set_enabled(feed_id, enabled)


def remove_feed(ws: Undoable, feed_id: int) -> Feed:
    """Unsubscribe as one undo step: undo brings back the feed, its entries and their
    read marks (starred entries never went)."""
    with changing(ws, FEEDS, ENTRIES, STATE, label=msg("undo.feed_remove")) as changes:
        feeds = FeedList(ws.files)
        feed = feeds.get(feed_id)
        changes.snapshot(FEEDS, "feeds", feed_id, f"remove feed {feed.title}")
        for entry_id in feeds.removable_entries(feed_id):
            changes.snapshot(ENTRIES, "entries", entry_id)
            changes.snapshot(STATE, "state", entry_id)
        feeds.remove(feed_id)
    return feed
