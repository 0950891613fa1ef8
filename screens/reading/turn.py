"""`t` on the reading screen: file an entry as a note for this week's report
(industry & competitors), with an optional one-line comment (点评) shown under it, or
as an item in this week's plan. An entry is filed once a week: filing it again keeps
the one note (a new comment replaces the old)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input

from cockpit.core.i18n import t
from cockpit.feeds.store import EntryStore
from cockpit.report.notes import NoteBook
from cockpit.screens.keys import localise
from cockpit.screens.safe import Label, Static, say

if TYPE_CHECKING:
    from cockpit.app import CockpitApp


class TurnScreen(ModalScreen[None]):
    """Two choices, one key each; a note asks for its comment before it is filed."""

    AREA = "turn"  # its name in the palette, the help and [keys] sentences
    BINDINGS = [
        Binding("n", "note", "key.turn_note", id="turn_note"),
        Binding("i", "item", "key.turn_item", id="turn_item"),
        Binding("escape,q", "cancel", "key.cancel", id="turn_cancel"),
    ]

    def __init__(self, entry_id: int) -> None:
        super().__init__(classes="form-screen")
        localise(self)
        self.entry_id = entry_id

    @property
    def cockpit(self) -> CockpitApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        entry = EntryStore(self.cockpit.ws.files).get(self.entry_id)
        with Vertical(classes="form form-small turn"):
            yield Label(t("turn.title"), classes="form-title")
            yield Static(Text(entry.title if entry else "", style="bold"))
            yield Static(Text(t("turn.note")), id="turn-note")
            yield Static(Text(t("turn.item")), id="turn-item")
            # Hidden and disabled until `n`: the screen's first focusable widget must not
            # take the keys (`n`, `i`) before it is asked for.
            comment = Input(placeholder=t("turn.comment"), id="turn-comment", disabled=True)
            comment.display = False
            yield comment
            yield Label(t("turn.cancel"), classes="form-hint", id="turn-hint")

    def action_note(self) -> None:
        """Ask for the comment: the note is filed when it is entered (empty: none)."""
        comment = self.query_one("#turn-comment", Input)
        comment.disabled = False
        comment.display = True
        self.query_one("#turn-item").display = False
        self.query_one("#turn-hint", Label).update(t("turn.comment_hint"))
        # Focused once this key is done: the `n` that asked must not land in the field.
        self.call_after_refresh(comment.focus)

    @on(Input.Submitted, "#turn-comment")
    def file_note(self, event: Input.Submitted) -> None:
        ws = self.cockpit.ws
        entry = EntryStore(ws.files).get(self.entry_id)
        if entry is not None:
            notes = NoteBook(ws)
            before = {n.id for n in notes.for_week(ws.week, "industry")}
            comment = event.value

            def filed(note: object) -> None:
                again = getattr(note, "id", None) in before
                key = "note.refiled" if again else "note.noted"
                say(self.app, t(key, title=entry.title))

            self.cockpit.persist(
                lambda: notes.add(
                    entry.title,
                    section="industry",
                    link=entry.link or "",
                    entry_id=entry.id,
                    comment=comment,
                ),
                on_done=filed,
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
