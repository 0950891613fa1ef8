"""`Workspace.predict`: what a triage change will do, worked out without storing it."""

from __future__ import annotations

from pathlib import Path

import pytest

from cockpit.core.clock import FrozenClock
from cockpit.items.recurrence.parse import parse_rule
from cockpit.items.workspace import Workspace


def _files(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(root.glob("*.json"))}


def test_a_prediction_is_the_change_and_stores_nothing(tmp_path: Path, clock: FrozenClock) -> None:
    ws = Workspace(tmp_path / "ws", clock)
    item = ws.add("Draft the failover PRD", list_name="key")
    before = _files(ws.root)
    prediction = ws.predict("toggle_key", item.id)
    assert prediction is not None
    (moved,) = prediction.changed
    assert (moved.id, moved.list, moved.key) == (item.id, "plan", False)
    assert _files(ws.root) == before and len(ws.undo_stack) == 1
    assert ws.get(item.id).list == "key"
    stored = ws.toggle_key(item.id)  # the write makes what was predicted
    assert (stored.list, stored.key) == (moved.list, moved.key)
    undone = ws.predict("undo")
    assert undone is not None and [i.list for i in undone.changed] == ["key"]
    assert ws.get(item.id).list == "plan" and len(ws.undo_stack) == 2


def test_refused_changes_predict_nothing(tmp_path: Path, clock: FrozenClock) -> None:
    ws = Workspace(tmp_path / "ws", clock)
    item = ws.add("Ship it")
    ws.done(item.id)
    assert ws.predict("done", item.id) is None  # already done: refused
    assert ws.predict("done", 999) is None  # no such item


def test_finishing_a_recurring_item_is_left_to_its_write(
    tmp_path: Path, clock: FrozenClock
) -> None:
    # Its next occurrence is a new item the writer makes; a plain one is predicted.
    ws = Workspace(tmp_path / "ws", clock)
    today = clock.today()
    series = ws.add("revenue review", due=today, recur=parse_rule("monthly", today))
    plain = ws.add("one-off")
    before = _files(ws.root)
    assert ws.predict("finish", series.id, "done") is None
    prediction = ws.predict("finish", plain.id, "done")
    assert prediction is not None and [i.status for i in prediction.changed] == ["done"]
    assert _files(ws.root) == before


def test_a_change_that_writes_more_than_its_item_is_not_predicted(
    tmp_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Say `done` one day also adds the next instance of a recurring item: predicting it
    # must not store that instance (or anything); the screen then waits for the write.
    ws = Workspace(tmp_path / "ws", clock)
    item = ws.add("Weekly report")
    plain_done = Workspace.done

    def done_and_next(self: Workspace, item_id: int) -> object:
        finished = plain_done(self, item_id)
        self.add("Weekly report (next)")
        return finished

    monkeypatch.setattr(Workspace, "done", done_and_next)
    before = _files(ws.root)
    assert ws.predict("done", item.id) is None
    assert _files(ws.root) == before
    assert [i.title for i in ws.items()] == ["Weekly report"]
