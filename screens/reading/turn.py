"""`t` on the reading screen: file an entry as a note for this week's report
(industry & competitors) or as an item in this week's plan."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen

from cockpit.core.i18n import t
from cockpit.feeds.store import EntryStore
from cockpit.report.notes import NoteBook
from cockpit.screens.safe import Label, Static, say

if TYPE_CHECKING:
    from cockpit.app import CockpitApp


class TurnScreen(ModalScreen[None]):
    """Two choices, one key each."""

    BINDINGS = [
        Binding("n", "note", "Note", id="turn_note"),
        Binding("i", "item", "Item", id="turn_item"),
        Binding("escape,q", "cancel", "Cancel", id="turn_cancel"),
    ]

    def __init__(self, entry_id: int) -> None:
        super().__init__(classes="form-screen")
        self.entry_id = entry_id

    @property
    def cockpit(self) -> CockpitApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        entry = EntryStore(self.cockpit.ws.files).get(self.entry_id)
        with Vertical(classes="form form-small turn"):
            yield Label(t("turn.title"), classes="form-title")
            yield Static(Text(entry.title if entry else "", style="bold"))
            yield Static(Text(t("turn.note")))
            yield Static(Text(t("turn.item")))
            yield Label(t("turn.cancel"), classes="form-hint")

    def action_note(self) -> None:
        ws = self.cockpit.ws
        entry = EntryStore(ws.files).get(self.entry_id)
        if entry is not None:
            notes = NoteBook(ws)
            self.cockpit.persist(
                lambda: notes.add(
                    entry.title, section="industry", link=entry.link or "", entry_id=entry.id
                ),
                on_done=lambda _n: say(self.app, t("note.noted", title=entry.title)),
            )
        self.dismiss(None)

    def action_item(self) -> None:
        ws = self.cockpit.ws
        entry = EntryStore(ws.files).get(self.entry_id)
        if entry is not None:
            self.cockpit.persist(
                lambda: ws.add(entry.title, notes=entry.link or "", tags=["news"]),
                on_done=lambda item: say(self.app, t("note.added", id=item.id, title=item.title)),
            )
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
