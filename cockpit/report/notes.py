"""Weekly notes: what the PM jots down for the week's report (周报).

Notes live in `notes.json`, per ISO week. A note belongs to one of the report's five
sections; the Friday reading screen's `t` files an article under "industry"
(业界竞品) so Thursday's report finds it.

Each week also has one page of its own (table `weeks`): free-text "thoughts" and a short
list of "highlights", the two things part 1 of the report (重点&思考) cannot derive from
the data. The page's document id is the week as a number (2026-W47 -> 202647), so a
week has exactly one page and undo can restore it like any other document.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cockpit.core.errors import InvalidError
from cockpit.core.i18n import msg
from cockpit.core.model import Record, iso
from cockpit.core.text import clean_block, clean_line, safe_link
from cockpit.core.weeks import monday

if TYPE_CHECKING:
    from cockpit.items.workspace import Workspace

FILE = "notes"
SECTIONS = ("highlights", "product", "customers", "industry", "plan")
WEEKS = "weeks"
MAX_HIGHLIGHTS = 10  # a report's highlights are a handful of lines, not a second plan
MAX_HIGHLIGHT_CHARS = 200
BULLETS = ("- ", "* ", "• ", "· ")  # pasted lists keep their own bullets; we add ours


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
    comment: str = ""
    """The PM's one-line comment (点评) on a filed entry, shown under it in the report."""


@dataclass
class WeekNotes:
    """The PM's own page for one week: highlights (one line each) and thoughts."""

    week: str
    highlights: list[str]
    thoughts: str = ""

    @property
    def empty(self) -> bool:
        return not self.highlights and not self.thoughts


def week_doc_id(week: str) -> int:
    """The document id of `week`'s page: 2026-W47 -> 202647 (raises WeekError)."""
    year, num, _ = monday(week).isocalendar()
    return year * 100 + num


def clean_highlights(lines: list[str]) -> list[str]:
    """One highlight per non-blank line: whitespace collapsed, a pasted bullet dropped,
    duplicates removed (first one wins)."""
    out: list[str] = []
    for line in lines:
        text = clean_line(line)
        for bullet in BULLETS:
            if text.startswith(bullet):
                text = text[len(bullet) :].strip()
                break
        if text and text not in out:
            out.append(text)
    return out


def clean_thoughts(text: str) -> str:
    """Thoughts keep their paragraphs; trailing spaces and runs of blank lines go."""
    lines = [line.rstrip() for line in clean_block(text).splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out)


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
        comment: str = "",
    ) -> Note:
        """File a note under `section` of `week` (default: this week); undoable.

        An entry is filed once a week: filing it again returns the note already there,
        with `comment` (when one is given) replacing the old one.
        """
        text = clean_line(text)
        comment = clean_line(comment)
        if not text:
            raise InvalidError("err.note.text")
        if section not in SECTIONS:
            raise InvalidError("err.note.section", choices=list(SECTIONS))
        week = week or self.ws.week
        if entry_id:
            filed = next((n for n in self.for_week(week) if n.entry_id == entry_id), None)
            if filed is not None:
                if not comment or comment == filed.comment:
                    return filed
                with self.ws.changing(FILE, label=msg("undo.comment", text=text[:30])) as changes:
                    filed.comment = comment
                    changes.replace(FILE, "notes", filed.id, filed.to_doc())
                return filed
        note = Note(
            week=week,
            section=section,
            text=text,
            link=safe_link(link) or "",
            entry_id=entry_id,
            created=iso(when or self.ws.clock.now()),
            comment=comment,
        )
        with self.ws.changing(FILE, label=msg("undo.note", text=text[:30])) as changes:
            note.id = self.ws.next_id(FILE, "next_note")
            changes.insert_new(FILE, "notes", {note.id: note.to_doc()})
        return note

    # the week's own page -------------------------------------------------------------
    def week_notes(self, week: str | None = None) -> WeekNotes:
        """Highlights and thoughts of `week` (default: this week); empty when unwritten."""
        week = week or self.ws.week
        doc = self.ws.files.raw(FILE).get(WEEKS, {}).get(str(week_doc_id(week)), {})
        return WeekNotes(
            week=week,
            highlights=[str(h) for h in doc.get("highlights", [])],
            thoughts=str(doc.get("thoughts", "")),
        )

    def set_week_notes(
        self,
        week: str | None = None,
        *,
        highlights: list[str] | None = None,
        thoughts: str | None = None,
    ) -> WeekNotes:
        """Replace the highlights and/or thoughts of `week` (None leaves a field as it
        is); one undo step. A page left empty is removed rather than stored blank.

        Raises:
            InvalidError: more than `MAX_HIGHLIGHTS` highlights, or one too long.
        """
        week = week or self.ws.week
        doc_id = week_doc_id(week)
        if highlights is not None:
            highlights = clean_highlights(highlights)
            if len(highlights) > MAX_HIGHLIGHTS:
                raise InvalidError("err.note.highlights", n=MAX_HIGHLIGHTS)
            if any(len(h) > MAX_HIGHLIGHT_CHARS for h in highlights):
                raise InvalidError("err.note.highlight_long", n=MAX_HIGHLIGHT_CHARS)
        with self.ws.changing(FILE, label=msg("undo.week_notes", week=week)) as changes:
            before = changes.snapshot(FILE, WEEKS, doc_id)
            doc: dict[str, Any] = dict(before or {})
            if highlights is not None:
                doc["highlights"] = highlights
            if thoughts is not None:
                doc["thoughts"] = clean_thoughts(thoughts)
            kept = {k: v for k, v in doc.items() if k not in ("week", "seq") and v}
            doc = {"week": week, **kept}
            changes.remove(FILE, WEEKS, doc_id)
            if len(doc) > 1:  # more than the week itself: something to keep
                changes.insert(FILE, WEEKS, doc_id, doc)
        return self.week_notes(week)

    def add_highlight(self, text: str, week: str | None = None) -> WeekNotes:
        """Append one highlight to `week` (default: this week); undoable."""
        current = self.week_notes(week)
        line = clean_line(text)
        if not line:
            raise InvalidError("err.note.highlight")
        return self.set_week_notes(current.week, highlights=[*current.highlights, line])
