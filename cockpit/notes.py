"""Weekly notes: what the PM jots down for the week's report (周报).

Notes live in `notes.json`, per ISO week. A note belongs to one of the report's five
sections; the Friday reading screen's `t` files an article under "industry"
(业界竞品) so Thursday's report finds it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tinydb.table import Document

from cockpit.model import Record, iso

if TYPE_CHECKING:
    from cockpit.workspace import Workspace

FILE = "notes"
SECTIONS = ("highlights", "product", "customers", "industry", "plan")


@dataclass
class Note(Record):
    """One line for the weekly report, optionally pointing at its source."""

    id: int = 0
    week: str = ""
    section: str = "industry"
    text: str = ""
    link: str = ""
    entry_id: int = 0
    created: str = ""


class NoteBook:
    """Weekly notes of one workspace."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def for_week(self, week: str, section: str | None = None) -> list[Note]:
        """Notes of `week` (optionally one section), oldest first."""
        raw = self.ws.files.raw(FILE).get("notes", {})
        notes = [Note.from_doc(int(k), v) for k, v in raw.items() if v.get("week") == week]
        if section is not None:
            notes = [n for n in notes if n.section == section]
        notes.sort(key=lambda n: (n.created, n.id))
        return notes

    def add(
        self,
        text: str,
        *,
        section: str = "industry",
        week: str | None = None,
        link: str = "",
        entry_id: int = 0,
        when: dt.datetime | None = None,
    ) -> Note:
        """File a note under `section` of `week` (default: this week); undoable."""
        from cockpit.workspace import Change, InvalidError

        text = " ".join(text.split())
        if not text:
            raise InvalidError("a note needs some text")
        if section not in SECTIONS:
            raise InvalidError(f"section must be one of {', '.join(SECTIONS)}")
        note = Note(
            week=week or self.ws.week,
            section=section,
            text=text,
            link=link,
            entry_id=entry_id,
            created=iso(when or self.ws.clock.now()),
        )
        with self.ws.files.transaction(FILE):
            note.id = self.ws._next_id(FILE, "next_note")
            self.ws.files.table(FILE, "notes").insert(Document(note.to_doc(), doc_id=note.id))
        self.ws.undo_stack.append([Change(FILE, "notes", note.id, None, f"note {text[:30]}")])
        return note
