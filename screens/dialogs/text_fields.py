"""Multi-line fields in the forms (notes, a checklist): the `ctrl+e` key and the hint.

`Form` takes these from `TextFields`: `notes_field` lays out a notes field, `block` reads
one, `ctrl+e` (binding `form_editor`) opens the focused one in `$EDITOR`
(`cockpit.screens.editor`), and the form's hint line says what enter does where the
cursor is (it saves from a one-line field, makes a new line in a multi-line one).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import TextArea

from cockpit.core.i18n import t
from cockpit.screens.safe import Label
from cockpit.screens.widgets.notes import NOTES_ROWS, NotesArea

if TYPE_CHECKING:
    from textual.screen import Screen

    _Base = Screen[Any]
else:
    _Base = object


class TextFields(_Base):
    """The multi-line fields of a form (a mixin of `Form`)."""

    TEXT_HINT: str | None = "form.hint.text"
    """The hint shown while a multi-line field has the focus (None: the form's own)."""
    _hint: str | None = None  # the form's own hint, put back when the focus leaves

    def notes_field(self, label_key: str, field_id: str, value: str = "") -> ComposeResult:
        """A multi-line field (notes) with its label on the left: enter makes a new
        line there, ctrl+e opens it in `$EDITOR`."""
        with Horizontal(classes="field notes-field"):
            yield Label(t(label_key), classes="field-label")
            yield NotesArea(value, id=field_id)

    def block(self, field_id: str) -> str:
        """The text of the multi-line field `field_id`, as typed."""
        return self.query_one(f"#{field_id}", TextArea).text

    def extra_rows(self) -> int:
        """Rows the multi-line fields take beyond one a field (for the dense layout)."""
        return (NOTES_ROWS - 1) * len(self.query(".notes-field"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # ctrl+e belongs to the focused multi-line field; elsewhere it is the input's
        # own "end of line" (and the palette does not offer it).
        if action == "edit_in_editor":
            focused = self.focused
            return isinstance(focused, TextArea) and not focused.read_only
        return super().check_action(action, parameters)

    def action_edit_in_editor(self) -> None:
        """`ctrl+e`: the focused multi-line field in `$VISUAL`/`$EDITOR`, read back."""
        focused = self.focused
        if isinstance(focused, TextArea):
            # Imported on first use, for start-up time: subprocess, shlex, tempfile.
            from cockpit.screens.editor import edit_in_editor

            edit_in_editor(focused)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # The hint says what enter does where the cursor is: saves in a one-line field,
        # makes a new line in a multi-line one (where ctrl+s saves and ctrl+e edits).
        if self.TEXT_HINT is None:
            return
        hint = next(self.query(".form-hint").results(Label), None)
        if hint is None:
            return
        if self._hint is None:
            self._hint = str(hint.content)
        in_text = isinstance(event.widget, TextArea)
        hint.update(t(self.TEXT_HINT) if in_text else self._hint)
