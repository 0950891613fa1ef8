"""The multi-line field of the forms (notes): a few lines of wrapped text on screen.

A one-line `Input` cannot show a line break: a note with a second line drew the break
itself and cut the form's right border. In this field enter makes a new line (so the
form saves with ctrl+s there) and ctrl+e opens the text in `$EDITOR`
(`cockpit.screens.editor`); tab still moves to the next field.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import TextArea

from cockpit.core.i18n import t
from cockpit.screens.safe import plain

NOTES_ROWS = 4  # lines a notes field takes in a form (`.notes-field` in cockpit.tcss)


class NotesArea(TextArea):
    """A compact, soft-wrapping text area that tab leaves (not one that indents)."""

    def __init__(self, text: str = "", *, id: str | None = None, placeholder: str = "") -> None:
        super().__init__(
            text,
            id=id,
            compact=True,
            soft_wrap=True,
            tab_behavior="focus",
            show_line_numbers=False,
            placeholder=plain(placeholder),  # a str would be read as markup
        )


def notes_text(notes: str, most: int) -> Text:
    """`notes` as text for a card: at most `most` of its lines, then "… N more lines"
    (the form shows them all); a tab as spaces, so the card's columns stay put."""
    lines = notes.expandtabs(4).splitlines()
    if len(lines) > most:
        kept = lines[: most - 1]
        shown = Text("\n".join(kept))
        shown.append("\n" + t("card.more", n=len(lines) - len(kept)), style="dim italic")
        return shown
    return Text("\n".join(lines))
