"""The week's own page for the report: highlights (one per line) and free-text thoughts.

`NotesForm` is a modal form like the others (it returns checked values, the caller
saves); `edit_week_notes` opens it and saves the result on the writer thread, so a
screen binds one key to it and is done.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import TextArea

from cockpit.core.i18n import t
from cockpit.report.notes import (
    MAX_HIGHLIGHT_CHARS,
    MAX_HIGHLIGHTS,
    NoteBook,
    WeekNotes,
    clean_highlights,
)
from cockpit.screens.dialogs.forms import FORM_KEYS, Form, FormError
from cockpit.screens.safe import Label, say

if TYPE_CHECKING:
    from textual.screen import Screen

    from cockpit.app import CockpitApp

# The form's keys are every form's keys (`form_save` ctrl+s, `form_cancel` escape), so a
# user's remap of them holds here too. Enter makes a new line in these fields: saving is
# ctrl+s only, and the hint says so.
NOTES = FORM_KEYS
NOTES_IDS = frozenset(b.id for b in NOTES if isinstance(b, Binding) and b.id)


class NotesForm(Form):
    """Edit the highlights and thoughts of `notes.week`; returns `{"week", "highlights",
    "thoughts"}` (the arguments of `NoteBook.set_week_notes`) or None when cancelled."""

    TEXT_HINT = None  # both fields are multi-line: the form's own hint says ctrl+s, ctrl+e

    def __init__(self, notes: WeekNotes) -> None:
        super().__init__(t("notes.title", week=notes.week))
        self.notes = notes

    def compose(self) -> ComposeResult:
        with Vertical(classes="form", id="notes-form"):
            yield Label(self.form_title, classes="form-title")
            yield Label(t("notes.highlights", n=MAX_HIGHLIGHTS), classes="notes-label")
            yield TextArea("\n".join(self.notes.highlights), id="notes-highlights", compact=True)
            yield Label(t("notes.thoughts"), classes="notes-label")
            yield TextArea(self.notes.thoughts, id="notes-thoughts", compact=True)
            yield Label("", classes="form-error", id="notes-error")
            yield Label(t("notes.hint"), classes="form-hint")

    def on_mount(self) -> None:
        self.query_one("#notes-highlights", TextArea).focus()

    def collect(self) -> dict[str, Any]:
        """Checked with the domain's own limits, so the save in the worker cannot fail."""
        lines = self.query_one("#notes-highlights", TextArea).text.splitlines()
        highlights = clean_highlights(lines)
        if len(highlights) > MAX_HIGHLIGHTS:
            raise FormError("notes-highlights", t("notes.too_many", n=MAX_HIGHLIGHTS))
        if any(len(h) > MAX_HIGHLIGHT_CHARS for h in highlights):
            raise FormError("notes-highlights", t("notes.too_long", n=MAX_HIGHLIGHT_CHARS))
        return {
            "week": self.notes.week,
            "highlights": highlights,
            "thoughts": self.query_one("#notes-thoughts", TextArea).text,
        }


def edit_week_notes(
    screen: Screen[Any], week: str | None = None, on_saved: Callable[[], None] | None = None
) -> NotesForm:
    """Open the notes of `week` (default: this week) over `screen`; save what the form
    returns (one undo step), tell the user, then call `on_saved`."""
    app: CockpitApp = screen.app  # type: ignore[assignment]
    book = NoteBook(app.ws)
    form = NotesForm(book.week_notes(week))
    shown = app.ws.files.view()  # saved as a change of what the form showed

    def saved(notes: WeekNotes) -> None:
        say(app, t("notes.saved", week=notes.week), timeout=3)
        if on_saved is not None:
            on_saved()

    def chosen(values: dict[str, Any] | None) -> None:
        if values is None:
            return
        app.persist(
            lambda: book.set_week_notes(
                values["week"], highlights=values["highlights"], thoughts=values["thoughts"]
            ),
            on_done=saved,
            basis=shown,
        )

    app.push_screen(form, chosen)
    return form
