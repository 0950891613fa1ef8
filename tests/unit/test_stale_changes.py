"""Optimistic concurrency in the one change mechanism: undo and changes decided from an
older view never overwrite another process's newer change - for every book.

"Another process" is a second `Workspace` over the same directory with its own file
handles: exactly what a CLI run from cron is to the open TUI (a real `cockpit`
subprocess beside the real app is in tests/ui/test_concurrent_cli.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from cockpit.calendar.routines import RoutineBook
from cockpit.core.changes import APPEND_ONLY, based_on, merge3
from cockpit.core.clock import FrozenClock
from cockpit.core.errors import ConflictError
from cockpit.feeds.store import EntryStore, set_marks_undoable
from cockpit.items.workspace import Workspace
from cockpit.metrics import book as metrics
from cockpit.planning import launches, requirements
from cockpit.report.notes import NoteBook

GOLIVE = dt.date(2026, 11, 25)
MONDAY = dt.date(2026, 11, 23)  # the routines start on the frozen today, a Wednesday


@pytest.fixture
def ws(tmp_path: Path, clock: FrozenClock) -> Workspace:
    return Workspace(tmp_path / "ws", clock)


def other(ws: Workspace) -> Workspace:
    """Another process on the same workspace (own files, own undo stack)."""
    return Workspace(ws.root, ws.clock)


# items ------------------------------------------------------------------------------
def test_undo_keeps_a_done_made_elsewhere_after_the_change(ws: Workspace) -> None:
    # The case: TUI toggles key, `cockpit done` runs, TUI presses u.
    item = ws.add("Write the PRD")
    ws.undo_stack.clear()
    ws.toggle_key(item.id)
    other(ws).done(item.id)
    ws.undo()
    back = other(ws).get(item.id)
    assert back.status == "done"  # the other process's change survives
    assert back.key is False  # and the toggle was taken back
    assert "done" in [what for _when, what in back.history]


def test_undo_of_a_field_changed_again_elsewhere_is_refused(ws: Workspace) -> None:
    item = ws.add("Old title")
    ws.undo_stack.clear()
    ws.edit(item.id, title="Mine")
    other(ws).edit(item.id, title="Theirs")
    with pytest.raises(ConflictError, match="changed in another window"):
        ws.undo()
    assert other(ws).get(item.id).title == "Theirs"
    assert ws.undo_stack == []  # the step is gone: it cannot be taken back safely


def test_undo_of_an_add_edited_elsewhere_keeps_the_record(ws: Workspace) -> None:
    item = ws.add("Call Alice")
    other(ws).defer(item.id)
    with pytest.raises(ConflictError):
        ws.undo()
    assert other(ws).get(item.id).week == "2026-W48"


def test_undo_without_interference_restores_and_counts_on(ws: Workspace) -> None:
    item = ws.add("Ship it")
    ws.undo_stack.clear()
    ws.delete(item.id)
    ws.undo()
    back = other(ws).get(item.id)
    assert back.title == "Ship it" and back.seq > item.seq


def test_every_change_counts_seq_on(ws: Workspace) -> None:
    item = ws.add("counted")
    seqs = [ws.get(item.id).seq]
    for change in (ws.toggle_key, ws.defer, ws.done, ws.reopen):
        change(item.id)
        seqs.append(ws.get(item.id).seq)
    assert seqs == sorted(set(seqs)) and len(seqs) == 5


def test_a_form_save_from_an_older_view_writes_only_what_the_user_changed(
    ws: Workspace,
) -> None:
    # The case: the edit form is open, `cockpit defer` runs, the form is saved
    # with every field as it showed them (week W47 included).
    item = ws.add("Plan Q1", tags=["plan"])
    shown = ws.files.view()
    other(ws).defer(item.id)
    with based_on(shown):
        ws.edit(item.id, title="Plan Q1 roadmap", week="2026-W47", tags=["plan"])
    saved = other(ws).get(item.id)
    assert (saved.title, saved.week) == ("Plan Q1 roadmap", "2026-W48")


def test_a_save_from_an_older_view_of_the_same_field_is_refused(ws: Workspace) -> None:
    item = ws.add("Plan")
    shown = ws.files.view()
    other(ws).edit(item.id, title="Their plan")
    with pytest.raises(ConflictError), based_on(shown):
        ws.edit(item.id, title="My plan")
    assert other(ws).get(item.id).title == "Their plan"
    assert str(ws.undo_stack[-1][0].label).startswith("add")  # the refused change left no step


def test_a_toggle_decided_on_what_was_shown_keeps_the_intent(ws: Workspace) -> None:
    # Shown as not key; another window made it key; pressing `!` (make it key) must not
    # turn it off again.
    item = ws.add("Key?")
    shown = ws.files.view()
    other(ws).toggle_key(item.id)
    with based_on(shown):
        ws.toggle_key(item.id)
    assert other(ws).get(item.id).key is True


def test_a_review_decision_from_an_older_view_keeps_the_other_change(ws: Workspace) -> None:
    item = ws.add("Carried", week="2026-W46")
    shown = ws.files.view()
    other(ws).edit(item.id, notes="added from the CLI")
    with based_on(shown):
        ws.keep(item.id)
    kept = other(ws).get(item.id)
    assert (kept.week, kept.carried, kept.notes) == ("2026-W47", 1, "added from the CLI")


# every other book -------------------------------------------------------------------
@dataclass
class Case:
    """One book: make a record, change it here, change it elsewhere, check both stay."""

    name: str
    make: Callable[[Workspace], Any]
    mine: Callable[[Workspace, Any], Any]
    theirs: Callable[[Workspace, Any], Any]
    check: Callable[[Workspace, Any], bool]  # True when their change survived my undo
    clash: Callable[[Workspace, Any], Any] | None  # their change of the same field as mine


def _launch(ws: Workspace) -> Any:
    return launches.new(ws, "Gov cloud", GOLIVE)


def _routine(ws: Workspace) -> Any:
    return RoutineBook(ws).all()[0]


def _ticked(ws: Workspace) -> Any:
    """A routine with line 3 of its Monday checklist ticked (so the day's page exists:
    undoing the *creation* of a record someone changed since is refused, not merged)."""
    routine = _routine(ws)
    RoutineBook(ws).check(routine.id, MONDAY, 2, True)
    return routine


def _entry(ws: Workspace) -> int:
    """An entry already marked read (its marks record exists, as above)."""
    feed = ws.files.table("feeds", "feeds")
    with ws.files.transaction("feeds"):
        feed.insert({"url": "https://example.org/feed", "title": "Example"})
    row = {"feed_id": 1, "title": "Post", "link": "https://example.org/1", "published": "x"}
    entry = EntryStore(ws.files).add([row])[0]
    EntryStore(ws.files).set_marks([entry], "read", True)
    return entry


CASES = [
    Case(
        "customers",
        lambda ws: ws.customers.add("ACME"),
        lambda ws, c: ws.customers.edit(c.id, region="华东"),
        lambda ws, c: ws.customers.edit(c.id, industry="银行"),
        lambda ws, c: (
            ws.customers.get(c.id).industry == "银行" and ws.customers.get(c.id).region == ""
        ),
        lambda ws, c: ws.customers.edit(c.id, region="华北"),
    ),
    Case(
        "routines",
        _routine,
        lambda ws, r: RoutineBook(ws).edit(r.id, minutes=47),
        lambda ws, r: RoutineBook(ws).edit(r.id, start="11:00"),
        lambda ws, r: (
            (RoutineBook(ws).get(r.id).start, RoutineBook(ws).get(r.id).minutes)
            == ("11:00", r.minutes)
        ),
        lambda ws, r: RoutineBook(ws).edit(r.id, minutes=53),
    ),
    Case(
        "routine checklists",
        _ticked,
        lambda ws, r: RoutineBook(ws).check(r.id, MONDAY, 0, True),
        lambda ws, r: RoutineBook(ws).check(r.id, MONDAY, 1, True),
        lambda ws, r: RoutineBook(ws).checks(MONDAY)[r.id] == [False, True, True],
        None,  # a tick is a bool: undo and the other change can only agree on it
    ),
    Case(
        "metrics rows",
        lambda ws: metrics.set_row(ws, "revenue", {"month": "2026-10", "cash": "100"}),
        lambda ws, row: metrics.set_row(ws, "revenue", {"month": "2026-10", "cash": "120"}),
        lambda ws, row: metrics.set_row(ws, "revenue", {"month": "2026-10", "users": "300"}),
        lambda ws, row: metrics.rows(ws, "revenue")[0].values == {"cash": 100, "users": 300},
        lambda ws, row: metrics.set_row(ws, "revenue", {"month": "2026-10", "cash": "90"}),
    ),
    Case(
        "requirements",
        lambda ws: requirements.add(ws, "DDL replication"),
        lambda ws, r: requirements.edit(ws, r.id, owner="李工"),
        lambda ws, r: requirements.move(ws, r.id, "reviewed", "triage meeting"),
        lambda ws, r: (
            requirements.get(ws, r.id).status == "reviewed"
            and requirements.get(ws, r.id).owner == ""
        ),
        lambda ws, r: requirements.edit(ws, r.id, owner="王工"),
    ),
    Case(
        "launches",
        _launch,
        lambda ws, la: launches.check(ws, la.name, 1),
        lambda ws, la: launches.check(ws, la.name, 2),
        lambda ws, la: [i.state for i in launches.find(ws, la.name).items[:2]] == ["open", "done"],
        lambda ws, la: launches.update_item(ws, la.name, 1, note="blocked", state="skipped"),
    ),
    Case(
        "notes",
        lambda ws: NoteBook(ws).set_week_notes(highlights=["first"]),
        lambda ws, n: NoteBook(ws).set_week_notes(thoughts="mine"),
        lambda ws, n: NoteBook(ws).set_week_notes(highlights=["first", "theirs"]),
        lambda ws, n: (
            NoteBook(ws).week_notes().highlights == ["first", "theirs"]
            and NoteBook(ws).week_notes().thoughts == ""
        ),
        lambda ws, n: NoteBook(ws).set_week_notes(thoughts="their thoughts"),
    ),
    Case(
        "entry marks",
        _entry,
        lambda ws, e: set_marks_undoable(ws, [e], "starred", True),
        lambda ws, e: EntryStore(ws.files).set_marks([e], "read", False),
        lambda ws, e: (
            (EntryStore(ws.files).get(e).read, EntryStore(ws.files).get(e).starred)
            == (False, False)
        ),  # type: ignore[union-attr]
        lambda ws, e: EntryStore(ws.files).set_marks([e], "starred", False),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_undo_never_overwrites_a_later_change_elsewhere(ws: Workspace, case: Case) -> None:
    record = case.make(ws)
    ws.undo_stack.clear()
    case.mine(ws, record)
    case.theirs(other(ws), record)
    ws.undo()
    assert case.check(other(ws), record)


@pytest.mark.parametrize("case", [c for c in CASES if c.clash], ids=lambda c: c.name)
def test_undo_refuses_when_the_same_field_changed_elsewhere(ws: Workspace, case: Case) -> None:
    assert case.clash is not None
    record = case.make(ws)
    ws.undo_stack.clear()
    case.mine(ws, record)
    case.clash(other(ws), record)
    path = ws.files.path(ws.undo_stack[-1][0].file)
    on_disk = path.read_bytes()
    with pytest.raises(ConflictError):
        ws.undo()
    assert path.read_bytes() == on_disk  # nothing written


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_a_change_from_an_older_view_keeps_the_other_change(ws: Workspace, case: Case) -> None:
    record = case.make(ws)
    shown = ws.files.view()
    case.theirs(other(ws), record)
    with based_on(shown):
        case.mine(ws, record)
    ws.undo()  # and taking mine back still keeps theirs
    assert case.check(other(ws), record)


# the merge itself ---------------------------------------------------------------------
def test_merge3_field_by_field() -> None:
    base = {"title": "a", "week": "W47", "tags": ["x"]}
    mine = {"title": "b", "week": "W47", "tags": ["x"]}
    theirs = {"title": "a", "week": "W48", "tags": ["x", "y"]}
    assert merge3(base, mine, theirs) == {"title": "b", "week": "W48", "tags": ["x", "y"]}


def test_merge3_keeps_both_sides_history_and_the_later_stamp() -> None:
    assert "history" in APPEND_ONLY
    base = {"history": [["t0", "created"]], "updated": "t0"}
    mine = {"history": [["t0", "created"], ["t2", "key toggled"]], "updated": "t2"}
    theirs = {"history": [["t0", "created"], ["t1", "done"]], "updated": "t1"}
    merged = merge3(base, mine, theirs)
    assert merged == {
        "history": [["t0", "created"], ["t1", "done"], ["t2", "key toggled"]],
        "updated": "t2",
    }


def test_merge3_refuses_the_same_field_changed_differently() -> None:
    with pytest.raises(Exception, match="title"):
        merge3({"title": "a"}, {"title": "b"}, {"title": "c"})
    assert merge3({"title": "a"}, {"title": "b"}, {"title": "b"}) == {"title": "b"}
