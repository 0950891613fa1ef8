"""Weekly notes: the week's highlights and thoughts (one page per ISO week, undoable),
next to the section notes filed for the report."""

from __future__ import annotations

from pathlib import Path

import pytest

from cockpit.core.clock import FrozenClock
from cockpit.core.errors import InvalidError, WeekError
from cockpit.items.workspace import Workspace
from cockpit.report.notes import (
    MAX_HIGHLIGHTS,
    NoteBook,
    clean_highlights,
    clean_thoughts,
    week_doc_id,
)


@pytest.fixture
def ws(tmp_path: Path, clock: FrozenClock) -> Workspace:
    return Workspace(tmp_path / "ws", clock)


def test_an_unwritten_week_is_empty(ws: Workspace) -> None:
    page = NoteBook(ws).week_notes()
    assert (page.week, page.highlights, page.thoughts, page.empty) == ("2026-W47", [], "", True)


def test_set_and_read_back_per_week(ws: Workspace) -> None:
    book = NoteBook(ws)
    book.set_week_notes(highlights=["PoC started", "PRD approved"], thoughts="HA first.")
    book.set_week_notes("2026-W46", thoughts="Last week")
    page = book.week_notes("2026-W47")
    assert (page.highlights, page.thoughts) == (["PoC started", "PRD approved"], "HA first.")
    assert book.week_notes("2026-W46").thoughts == "Last week"
    assert book.week_notes("2026-W46").highlights == []
    # The page survives a reopen: it is on disk, not in memory.
    again = NoteBook(Workspace(ws.root, ws.clock)).week_notes()
    assert again.highlights == ["PoC started", "PRD approved"]


def test_one_field_changes_the_other_stays(ws: Workspace) -> None:
    book = NoteBook(ws)
    book.set_week_notes(highlights=["a"], thoughts="t")
    book.set_week_notes(thoughts="new thoughts")
    assert book.week_notes().highlights == ["a"]
    book.set_week_notes(highlights=["b"])
    assert book.week_notes().thoughts == "new thoughts"


def test_highlights_are_cleaned() -> None:
    lines = ["  - PoC   started ", "", "* PRD approved", "• 招行回访", "PoC started", "-dash kept"]
    assert clean_highlights(lines) == ["PoC started", "PRD approved", "招行回访", "-dash kept"]


def test_thoughts_keep_paragraphs_only() -> None:
    assert clean_thoughts("\n  one  \ntwo\n\n\n\nthree\n\n") == "one\ntwo\n\nthree"


def test_limits(ws: Workspace) -> None:
    book = NoteBook(ws)
    with pytest.raises(InvalidError, match="10 lines"):
        book.set_week_notes(highlights=[f"h{n}" for n in range(MAX_HIGHLIGHTS + 1)])
    with pytest.raises(InvalidError, match="200 characters"):
        book.set_week_notes(highlights=["x" * 201])
    with pytest.raises(WeekError):
        book.set_week_notes("someday", thoughts="x")
    assert book.week_notes().empty and ws.undo_stack == []


def test_add_highlight(ws: Workspace) -> None:
    book = NoteBook(ws)
    book.add_highlight("first")
    book.add_highlight("  second\nline ")
    assert book.week_notes().highlights == ["first", "second line"]
    with pytest.raises(InvalidError):
        book.add_highlight("   ")


def test_each_save_is_one_undo_step(ws: Workspace) -> None:
    book = NoteBook(ws)
    book.set_week_notes(highlights=["a"], thoughts="one")
    book.set_week_notes(highlights=["a", "b"], thoughts="two")
    assert ws.undo() is not None
    page = book.week_notes()
    assert (page.highlights, page.thoughts) == (["a"], "one")
    assert ws.undo() is not None
    assert book.week_notes().empty
    assert ws.undo() is None


def test_an_emptied_page_is_removed(ws: Workspace) -> None:
    book = NoteBook(ws)
    book.set_week_notes(highlights=["a"], thoughts="t")
    book.set_week_notes(highlights=[], thoughts="  ")
    assert ws.files.raw("notes").get("weeks", {}) == {}
    ws.undo()
    assert book.week_notes().highlights == ["a"]


def test_page_ids_follow_iso_weeks() -> None:
    assert week_doc_id("2026-W47") == 202647
    assert week_doc_id("2026-W01") == 202601
    assert week_doc_id("2020-W53") == 202053


def test_section_notes_are_unchanged(ws: Workspace) -> None:
    book = NoteBook(ws)
    book.add("An article", link="https://example.com/a", entry_id=3)
    book.add("A plan line", section="plan")
    assert [n.text for n in book.for_week("2026-W47", "industry")] == ["An article"]
    assert [n.section for n in book.for_week("2026-W47")] == ["industry", "plan"]
    with pytest.raises(InvalidError):
        book.add("x", section="nowhere")
