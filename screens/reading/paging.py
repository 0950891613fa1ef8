"""Moving through the news as newsboat does: `n` goes to the next unread entry, in
this list first and then in the feeds below it (wrapping around), and `space` pages the
preview's full text, going on to the next unread entry at its end."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import VerticalScroll

from cockpit.core.i18n import t
from cockpit.feeds.store import EntryStore
from cockpit.screens.safe import say

if TYPE_CHECKING:
    from cockpit.screens.reading.screen import ReadingScreen


def next_unread(screen: ReadingScreen) -> bool:
    """Put the cursor on the next unread entry (False, and a toast, when none is left).

    After the cursor in the list shown; then the next feed of the left list (in its
    order, wrapping around) that has unread entries, at its first unread one. With
    "All" or a category picked, the list itself wraps around first.
    """
    unread = EntryStore(screen.cockpit.ws.files).unread_ids()
    entries = screen.panel("entries")
    refs = entries.refs
    start = entries.cursor_row + 1 if entries.current_ref() is not None else 0
    kind, _value = screen.selection()
    order = refs[start:] + (refs[:start] if kind != "feed" else [])
    found = next((ref for ref in order if ref in unread and ref != entries.current_ref()), None)
    if found is None and kind != "all":
        found = _in_next_feed(screen, unread)
    if found is None:
        say(screen, t("reading.no_unread"), timeout=3)
        return False
    entries.select_ref(found)
    entries.focus()
    screen.show_preview()
    return True


def _in_next_feed(screen: ReadingScreen, unread: set[int]) -> int | None:
    """Move the left list to the next feed holding unread entries; its first one."""
    feedlist = screen.panel("feedlist")
    rows = feedlist.refs
    here = feedlist.cursor_row
    by_feed: dict[int, list[int]] = {}
    for _published, ref, feed_id, _category in screen.entry_index:
        if ref in unread:
            by_feed.setdefault(feed_id, []).append(ref)
    for step in range(1, len(rows) + 1):
        ref = rows[(here + step) % len(rows)]
        if ref > 0 and by_feed.get(ref):
            feedlist.select_ref(ref)
            screen.show_entries()
            return by_feed[ref][0]  # the index is newest first, as the list
    return None


def page(screen: ReadingScreen, step: int) -> None:
    """`space` / `b`: the preview a page down or up; at its end `space` goes on to the
    next unread entry."""
    pane = screen.query_one("#reading-preview", VerticalScroll)
    if step > 0 and pane.scroll_y >= pane.max_scroll_y:
        next_unread(screen)
        return
    if step > 0:
        pane.scroll_page_down(animate=False)
    else:
        pane.scroll_page_up(animate=False)
