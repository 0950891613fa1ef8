"""What the entry keys do, on the daily news panel and the reading screen alike:
open, star, read/unread. Entries are untrusted: only http(s) links reach the browser
(see `cockpit.core.browser` for which one)."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from cockpit.core.browser import Opened
from cockpit.core.browser import open_link as open_link_with
from cockpit.core.i18n import CATALOG, t
from cockpit.core.text import safe_link
from cockpit.feeds.store import EntryStore
from cockpit.screens.safe import say

if TYPE_CHECKING:
    from textual.app import App

    from cockpit.app import CockpitApp


class EntryScreen(Protocol):
    """What a screen offers these actions."""

    @property
    def cockpit(self) -> CockpitApp: ...

    def change(self, fn: Callable[[], Any], message: Callable[[Any], str]) -> None: ...

    @property
    def app(self) -> App[Any]: ...


def open_link(screen: EntryScreen, entry_id: int | None) -> None:
    """Open the entry's link (`[ui] browser`, else the system's graphical browser) and
    mark it read; when no browser can open it, say why and copy the link (OSC 52)."""
    app = screen.cockpit
    store = EntryStore(app.ws.files)
    entry = None if entry_id is None else store.get(entry_id)
    if entry is None:
        say(screen, t("note.not_here"), severity="warning")
        return
    link = safe_link(entry.link or "")
    if link is None:
        say(screen, t("note.bad_link"), severity="warning")
        return
    command = app.ws.config.ui.browser

    def done(opened: Opened) -> None:
        if opened.ok:
            say(screen, t("note.opened", via=opened.via, url=link), timeout=3)
            screen.change(lambda: store.set_mark(entry.id, "read", True), lambda _r: "")
            return
        app.copy_to_clipboard(link)
        key = "note.no_browser_tmux" if os.environ.get("TMUX") else "note.no_browser"
        why = no_browser_reason(opened)
        say(screen, t(key, reason=why, url=link), severity="warning", timeout=10)

    def launch() -> None:  # off the event loop: starting a browser can take a moment
        opened = open_link_with(link, command)
        app.call_from_thread(done, opened)

    app.run_worker(launch, thread=True, group="browser", exit_on_error=False)


def no_browser_reason(opened: Opened) -> str:
    """Why no browser opened, in the UI's language."""
    if opened.reason == "failed":
        key = "browser.failed" if opened.detail else "browser.failed_plain"
        return t(key, via=opened.via, detail=opened.detail)
    if f"browser.{opened.reason}" in CATALOG:
        return t(f"browser.{opened.reason}", detail=opened.detail)
    return opened.reason


def toggle_mark(screen: EntryScreen, mark: str, entry_id: int | None) -> None:
    """Flip `starred` or `read` on an entry."""
    store = EntryStore(screen.cockpit.ws.files)
    entry = None if entry_id is None else store.get(entry_id)
    if entry is None:
        say(screen, t("note.not_here"), severity="warning")
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
