"""What the daily screen's keys do on the news panel: open, star, read/unread.

Entries are untrusted: only http(s) links are ever handed to the browser.
"""

from __future__ import annotations

import webbrowser
from typing import TYPE_CHECKING

from cockpit.feeds.sanitize import safe_link
from cockpit.feeds.store import Entry, EntryStore
from cockpit.i18n import t

if TYPE_CHECKING:
    from cockpit.screens.daily import DailyScreen


def focused_entry(screen: DailyScreen) -> Entry | None:
    """The entry under the cursor of the focused news panel (a warning elsewhere)."""
    panel = screen.focused_panel()
    if panel is None or panel.kind != "entries":
        screen.notify(t("note.not_here"), severity="warning")
        return None
    ref = panel.current_ref()
    return None if ref is None else EntryStore(screen.ws.files).get(ref)


def open_link(screen: DailyScreen) -> None:
    """Open the entry in the browser and mark it read."""
    entry = focused_entry(screen)
    if entry is None:
        return
    link = safe_link(entry.link or "")
    if link is None:
        screen.notify(t("note.bad_link"), severity="warning")
        return
    screen.notify(t("note.opened", url=link), timeout=3)
    webbrowser.open(link)
    store = EntryStore(screen.ws.files)
    screen.change(lambda: store.set_mark(entry.id, "read", True), lambda _r: "")


def toggle_mark(screen: DailyScreen, mark: str) -> None:
    """Flip `starred` or `read` on the focused entry."""
    entry = focused_entry(screen)
    if entry is None:
        return
    store = EntryStore(screen.ws.files)
    on = not (entry.starred if mark == "starred" else entry.read)
    labels = {
        ("starred", True): "note.starred",
        ("starred", False): "note.unstarred",
        ("read", True): "note.marked_read",
        ("read", False): "note.marked_unread",
    }
    screen.change(
        lambda: store.set_mark(entry.id, mark, on),
        lambda _r: t(labels[(mark, on)], title=entry.title),
    )
