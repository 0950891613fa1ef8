"""Reads on one thread while another commits: only committed data is ever seen.

The TUI reads the workspace on its event loop while the writer thread runs every
change; the storage's cached copy is shared by both. A reader must never see half a
transaction (a pair of documents with one written), an update in progress, or fail with
"dictionary changed size during iteration".
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from cockpit.items.workspace import Workspace
from tests.unit.storage_helpers import open_ws

ROUNDS = 400


def _pairs_writer(
    ws: Workspace, pair: tuple[int, int], stop: threading.Event, errors: list[BaseException]
) -> None:
    """Each transaction adds two items and renames two others to the same generation,
    so every committed state has an even count and a matching pair of titles."""
    left, right = pair
    try:
        for n in range(1, ROUNDS + 1):
            with ws.files.transaction("items"):
                table = ws.files.table("items", "items")
                table.insert({"title": f"pair-{n}", "status": "open", "week": "2026-W47"})
                table.update({"title": f"gen-{n}"}, doc_ids=[left])
                ws.toggle_key(left)  # a nested undoable change: in place edits, TinyDB update
                time.sleep(0.0002)  # a transaction takes time: let the reader in mid-way
                table.insert({"title": f"pair-{n}", "status": "open", "week": "2026-W47"})
                table.update({"title": f"gen-{n}"}, doc_ids=[right])
                ws.toggle_key(right)
    except BaseException as exc:  # reported by the test, not lost in the thread
        errors.append(exc)
    finally:
        stop.set()


def test_reader_never_sees_a_partial_transaction(tmp_path: Path) -> None:
    ws = open_ws(tmp_path / "ws")
    stop = threading.Event()
    errors: list[BaseException] = []
    pair = (ws.add("gen-0").id, ws.add("gen-0").id)
    writer = threading.Thread(target=_pairs_writer, args=(ws, pair, stop, errors))
    writer.start()
    reads = 0
    seen_pairs: set[int] = set()
    try:
        while not stop.is_set() or reads < 50:
            items = ws.items()  # iterates the cached file the writer is committing to
            titles = [i.title for i in items]
            pairs = [t for t in titles if t.startswith("pair-")]
            gens = sorted(t for t in titles if t.startswith("gen-"))
            keys = {i.key for i in items if i.title.startswith("gen-")}
            assert len(pairs) % 2 == 0, f"half a transaction seen: {len(pairs)} pair items"
            assert len(gens) == 2 and gens[0] == gens[1], f"half an update seen: {gens}"
            assert len(keys) == 1, "one toggle of the pair seen without the other"
            raw = ws.files.raw("items")["items"]
            assert all(isinstance(doc, dict) for doc in raw.values())  # iterate it whole
            seen_pairs.add(len(pairs))
            reads += 1
    finally:
        stop.set()
        writer.join()
    assert not errors, errors
    assert reads >= 50 and len(seen_pairs) > 1  # it did read while the writer committed
    assert len([i for i in ws.items() if i.title.startswith("pair-")]) == 2 * ROUNDS


def test_a_view_taken_before_a_commit_stays_as_it_was(tmp_path: Path) -> None:
    ws = open_ws(tmp_path / "ws")
    item = ws.add("before")
    view = ws.files.view()
    frozen = repr(view["items"])
    ws.edit(item.id, title="after", tags=["x"])
    ws.toggle_key(item.id)
    with ws.files.transaction("items"):
        ws.files.table("items", "items").update({"notes": "in place?"}, doc_ids=[item.id])
    assert repr(view["items"]) == frozen  # snapshots are shared, never edited
    assert ws.get(item.id).title == "after"


def test_background_thread_uses_its_own_files(tmp_path: Path) -> None:
    ws = open_ws(tmp_path / "ws")
    item = ws.add("shared")
    other = ws.detached()
    assert other.files is not ws.files and other.root == ws.root
    done = threading.Thread(target=lambda: other.done(item.id))
    done.start()
    done.join()
    assert ws.get(item.id).status == "done"  # seen through the file stamp
    assert other.undo_stack and not str(ws.undo_stack[-1][0].label).startswith("done")
