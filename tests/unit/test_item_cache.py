"""The item cache and the views kept from it give what a full rebuild gives, while a
change rebuilds only the items it touched."""

from __future__ import annotations

import datetime as dt
import random
import threading
from pathlib import Path
from typing import Any

from cockpit.core.clock import FrozenClock
from cockpit.core.model import Item
from cockpit.items.cache import HISTORY, RecordCache
from cockpit.items.rules import PANELS, panels
from cockpit.items.views import PanelSplit
from cockpit.items.workspace import HOT, Workspace


def fresh(ws: Workspace) -> list[Item]:
    """Every hot item built from the file, bypassing every cache."""
    raw = ws.files.raw(HOT).get("items", {})
    return [Item.from_doc(int(k), v) for k, v in raw.items()]


def counting_cache() -> tuple[RecordCache[Item], list[int]]:
    built: list[int] = []

    def build(doc_id: int, doc: dict[str, Any]) -> Item:
        built.append(doc_id)
        return Item.from_doc(doc_id, doc)

    return RecordCache(build), built


def test_a_change_rebuilds_only_the_documents_it_touched() -> None:
    cache, built = counting_cache()
    table = {str(i): {"title": f"t{i}", "seq": 1} for i in range(1, 101)}
    first = cache.records(table)
    assert len(built) == 100
    assert cache.records(table) is first  # the same table: nothing to look at
    built.clear()
    changed = dict(table)
    changed["7"] = {"title": "seven", "seq": 2}
    del changed["9"]
    changed["101"] = {"title": "new"}
    again = cache.records(changed)
    assert sorted(built) == [7, 101]
    by_id = {r.id: r for r in again}
    assert by_id[7].title == "seven" and 9 not in by_id and by_id[101].title == "new"
    assert by_id[8] is next(r for r in first if r.id == 8)  # reused, not rebuilt
    got = cache.changes_since(cache.version - 1)
    assert got is not None
    assert sorted(r.id for r in got[0]) == [7, 101] and got[1] == [9]


def test_a_document_changed_in_place_is_seen_by_its_seq() -> None:
    cache, built = counting_cache()
    doc = {"title": "before", "seq": 1}
    cache.records({"1": doc})
    doc.update(title="after", seq=2)  # as an in-place update that counts its edit
    built.clear()
    (item,) = cache.records({"1": doc})
    assert item.title == "after" and built == [1]


def test_changes_since_an_old_version_add_up_or_ask_for_a_rebuild() -> None:
    cache, _ = counting_cache()
    cache.records({"1": {"title": "a"}})
    start = cache.version
    cache.records({"1": {"title": "a", "seq": 1}, "2": {"title": "b"}})
    cache.records({"2": {"title": "b"}})
    changed, removed = cache.changes_since(start) or ([], [])
    assert [r.id for r in changed] == [2] and removed == [1]
    assert cache.changes_since(cache.version) == ([], [])
    assert cache.changes_since(-1) is None
    for n in range(HISTORY + 1):
        cache.records({"2": {"title": f"b{n}", "seq": n + 1}})
    assert cache.changes_since(start) is None


def test_other_threads_get_records_of_their_own() -> None:
    cache, _ = counting_cache()
    table = {"1": {"title": "a"}}
    mine = cache.records(table)
    theirs: list[list[Item]] = []
    thread = threading.Thread(target=lambda: theirs.append(cache.records(table)))
    thread.start()
    thread.join()
    assert theirs[0] == mine and theirs[0][0] is not mine[0]


def _random_change(ws: Workspace, rng: random.Random, other: Workspace) -> None:
    items = ws.items()
    open_ids = [i.id for i in items if i.is_open]
    action = rng.choice(["add", "done", "key", "defer", "edit", "delete", "undo", "outside"])
    if action == "add" or not open_ids:
        week = rng.choice(["2026-W45", "2026-W46", "2026-W47", "2026-W48"])
        due = dt.date(2026, 11, rng.randint(10, 30)) if rng.random() < 0.4 else None
        ws.add(f"item {rng.random():.6f}", list_name=rng.choice(["plan", "ops", "key"]),
               week=week, due=due)  # fmt: skip
        return
    target = rng.choice(open_ids)
    if action == "done":
        ws.done(target)
    elif action == "key":
        ws.toggle_key(target)
    elif action == "defer":
        ws.defer(target)
    elif action == "edit":
        ws.edit(target, title=f"renamed {rng.random():.4f}", due=dt.date(2026, 11, 19))
    elif action == "delete":
        ws.delete(target)
    elif action == "undo" and ws.undo_stack:
        ws.undo()
    else:  # another process changes the file: every document is parsed again
        other.edit(target, title="from outside")


def test_items_split_and_due_index_match_a_full_rebuild_after_any_change(
    tmp_path: Path, clock: FrozenClock
) -> None:
    ws = Workspace(tmp_path / "ws", clock)
    other = Workspace(tmp_path / "ws", clock)
    rng = random.Random(13)
    for n in range(40):
        ws.add(f"seed {n}", week="2026-W47" if n % 3 else "2026-W46", list_name="plan")
    split = PanelSplit()
    week = ws.week
    for _step in range(150):
        _random_change(ws, rng, other)
        records = ws.hot_items()
        assert sorted(records, key=lambda i: i.id) == sorted(fresh(ws), key=lambda i: i.id)
        split.sync(ws.item_cache, records, week)
        expected = panels(fresh(ws), week)
        for name in PANELS:
            assert [i.id for i in split.items(name)] == [i.id for i in expected[name]]
            assert split.items(name) == expected[name]
        first, last = dt.date(2026, 11, 18), dt.date(2026, 11, 24)
        dated = [
            i for i in fresh(ws) if i.is_open and i.due and "2026-11-18" <= i.due <= "2026-11-24"
        ]
        dated.sort(key=lambda i: (i.due or "", i.id))
        assert ws.due_between(first, last) == dated


def test_a_new_week_files_every_item_again(tmp_path: Path, clock: FrozenClock) -> None:
    ws = Workspace(tmp_path / "ws", clock)
    ws.add("this week", week="2026-W47")
    ws.add("next week", week="2026-W48")
    split = PanelSplit()
    assert split.sync(ws.item_cache, ws.hot_items(), "2026-W47") == set(PANELS)
    assert [i.title for i in split.items("plan")] == ["this week"]
    split.sync(ws.item_cache, ws.hot_items(), "2026-W48")
    assert [i.title for i in split.items("carry")] == ["this week"]
    assert [i.title for i in split.items("plan")] == ["next week"]


def test_items_hands_out_a_list_of_its_own(tmp_path: Path, clock: FrozenClock) -> None:
    ws = Workspace(tmp_path / "ws", clock)
    ws.add("one")
    got = ws.items()
    got.clear()
    assert [i.title for i in ws.items()] == ["one"]


def test_renaming_a_customer_does_not_change_the_shared_items(
    tmp_path: Path, clock: FrozenClock
) -> None:
    ws = Workspace(tmp_path / "ws", clock)
    ws.customers.add("Acme")
    ws.add("call Acme", customer="Acme")
    before = ws.hot_items()[0]
    ws.customers.edit("Acme", name="Acme Corp")
    assert before.customer == "Acme"  # the record someone was holding did not move
    assert ws.items()[0].customer == "Acme Corp"


def test_a_change_on_a_large_workspace_builds_one_item(tmp_path: Path, clock: FrozenClock) -> None:
    ws = Workspace(tmp_path / "ws", clock)
    ws.add_many([ws.new_item(f"item {n}") for n in range(300)])
    before = {i.id: i for i in ws.items()}
    version = ws.item_cache.version
    target = list(before)[5]
    ws.done(target)
    after = {i.id: i for i in ws.items()}
    assert after[target].status == "done" and before[target].status == "open"
    rebuilt = [i for i in after if after[i] is not before[i]]
    assert rebuilt == [target]
    assert ws.item_cache.changes_since(version) == ([after[target]], [])


def test_a_change_of_our_own_looks_only_at_what_it_changed(
    tmp_path: Path, clock: FrozenClock, monkeypatch: Any
) -> None:
    """The writer's table says which documents it changed: the UI's cache looks at those
    alone (no walk over every document), and still agrees with a full rebuild; after
    another process's write it compares every document again."""
    ws = Workspace(tmp_path / "ws", clock)
    ws.add_many([ws.new_item(f"item {n}", list_name="plan") for n in range(300)])
    ws.hot_items()
    scans: list[int] = []
    original = RecordCache._scan

    def counted(self: RecordCache[Item], table: Any) -> None:
        scans.append(len(table))
        original(self, table)

    monkeypatch.setattr(RecordCache, "_scan", counted)
    ids = [i.id for i in ws.hot_items()]
    for step, target in enumerate(ids[:12]):
        [ws.done, ws.toggle_key, ws.defer][step % 3](target)
        if step % 4 == 3:
            ws.undo()
        version = ws.item_cache.version
        records = ws.hot_items()
        assert ws.item_cache.version == version + 1
        assert sorted(records, key=lambda i: i.id) == sorted(fresh(ws), key=lambda i: i.id)
    assert scans == []
    Workspace(ws.root, clock).done(ids[-1])  # another process
    assert {i.id: i for i in ws.hot_items()}[ids[-1]].status == "done"
    assert scans == [300]


def test_one_transaction_is_one_step_and_old_tables_go(tmp_path: Path) -> None:
    from cockpit.storage.delta import STEPS, ChangedTable, changed_table, changes_from, published

    t0 = {"1": {"a": 1}, "2": {"a": 2}}
    t1 = changed_table({**t0, "3": {"a": 3}}, t0, ["3"])
    t2 = changed_table({k: v for k, v in t1.items() if k != "1"}, t1, ["1"])
    assert changes_from(t2, t0) == {"1", "3"}  # both steps of the transaction at once
    assert t2.base is t0
    published({"items": t2})
    tables: list[ChangedTable] = [t2]
    for n in range(STEPS + 1):
        tables.append(changed_table({**tables[-1], "2": {"a": n}}, tables[-1], ["2"]))
        published({"items": tables[-1]})
    newest = tables[-1]
    assert changes_from(newest, tables[-2]) == {"2"}
    assert changes_from(newest, tables[-STEPS]) == {"2"}  # a few writes behind
    assert changes_from(newest, tables[-STEPS - 1]) is None  # too far: look at all
    assert changes_from(newest, t0) is None
    assert tables[-STEPS].base is None  # the tables before are no longer held
