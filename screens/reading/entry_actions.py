"""What the entry keys do, on the daily news panel and the reading screen alike:
open, star, read/unread. Entries are untrusted: only http(s) links reach the browser."""

from __future__ import annotations

import webbrowser
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from cockpit.core.i18n import t
from cockpit.core.text import safe_link
from cockpit.feeds.store import EntryStore

if TYPE_CHECKING:
    from cockpit.app import CockpitApp


class EntryScreen(Protocol):
    """What a screen offers these actions."""

    @property
    def cockpit(self) -> CockpitApp: ...

    def change(self, fn: Callable[[], Any], message: Callable[[Any], str]) -> None: ...

    def notify(self, message: str, *, severity: Any = ..., timeout: float | None = ...) -> None: ...


def open_link(screen: EntryScreen, entry_id: int | None) -> None:
    """Open the entry in the browser and mark it read."""
    store = EntryStore(screen.cockpit.ws.files)
    entry = None if entry_id is None else store.get(entry_id)
    if entry is None:
        screen.notify(t("note.not_here"), severity="warning")
        return
    link = safe_link(entry.link or "")
    if link is None:
        screen.notify(t("note.bad_link"), severity="warning")
        return
    screen.notify(t("note.opened", url=link), timeout=3)
    webbrowser.open(link)
    screen.change(lambda: store.set_mark(entry.id, "read", True), lambda _r: "")


def toggle_mark(screen: EntryScreen, mark: str, entry_id: int | None) -> None:
    """Flip `starred` or `read` on an entry."""
    store = EntryStore(screen.cockpit.ws.files)
    entry = None if entry_id is None else store.get(entry_id)
    if entry is None:
        screen.notify(t("note.not_here"), severity="warning")
        return
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
