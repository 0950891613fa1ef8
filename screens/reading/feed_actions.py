"""The reading screen's feed keys: add a feed, remove one, switch one on or off, import
the bundled defaults. Each change is one undo step (`u`), made off the event loop."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cockpit.core.i18n import t
from cockpit.feeds import editing
from cockpit.feeds.categories import shown as shown_category
from cockpit.feeds.subscriptions import FeedList
from cockpit.screens.reading.feed_form import FeedForm
from cockpit.screens.safe import say

if TYPE_CHECKING:
    from cockpit.feeds.model import Feed
    from cockpit.screens.reading.screen import ReadingScreen


def add(screen: ReadingScreen) -> None:
    """`a`: the feed form, in the category picked on the left (if any)."""
    kind, value = screen.selection()
    category = value if kind == "category" else ""
    if kind == "feed" and value in screen.feeds:
        category = screen.feeds[value].category
    ws = screen.cockpit.ws

    def save(values: dict[str, Any] | None) -> None:
        if not values:
            return
        screen.change(
            lambda: editing.add_feed(ws, values["url"], values["category"], values["title"]),
            lambda feed: _added(screen, feed),
        )

    # Prefilled as the reader names it (竞品); saving reads it back to the bundled id.
    shown = shown_category(category)
    screen.app.push_screen(FeedForm(FeedList(ws.files).all(), shown), save)


def _added(screen: ReadingScreen, feed: Feed) -> str:
    # After the redraw that follows this message, the new feed is in the list: show it.
    screen.call_after_refresh(lambda: screen.panel("feedlist").select_ref(feed.id))
    if screen.cockpit.fetch_feeds:  # fetch it now; tests and the demo stay offline
        screen.cockpit.refresh_feeds([feed.id], force=True, asked=False)
    return t("feeds.added", title=feed.title)


def _picked(screen: ReadingScreen) -> Feed | None:
    """The feed highlighted in the list on the left, else None (and say so)."""
    kind, value = screen.selection()
    feed = screen.feeds.get(value) if kind == "feed" else None
    if feed is None:
        say(screen, t("feeds.pick"), severity="warning")
    return feed


def remove(screen: ReadingScreen) -> None:
    """`d`: unsubscribe from the highlighted feed (starred entries stay; `u` undoes)."""
    if (feed := _picked(screen)) is not None:
        ws = screen.cockpit.ws
        screen.change(
            lambda: editing.remove_feed(ws, feed.id),
            lambda gone: t("feeds.removed", title=gone.title),
        )


def toggle(screen: ReadingScreen) -> None:
    """`x`: switch fetching of the highlighted feed off or on (its entries stay)."""
    if (feed := _picked(screen)) is not None:
        ws = screen.cockpit.ws
        screen.change(
            lambda: editing.set_enabled(ws, feed.id, not feed.enabled),
            lambda now: t("feeds.enabled" if now.enabled else "feeds.disabled", title=now.title),
        )


def import_defaults(screen: ReadingScreen) -> None:
    """`I`: the bundled PostgreSQL feeds, as `cockpit feeds import --defaults` adds them."""
    ws = screen.cockpit.ws

    def said(report: Any) -> str:
        if not report.added:
            return t("feeds.all_there")
        off = sum(1 for f in report.feeds if not f.enabled)
        return t("feeds.imported", n=report.added, off=off)

    screen.change(lambda: editing.import_defaults(ws), said)
