"""Feed subscriptions changed as undo steps (what the reading screen's keys do)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cockpit.feeds.editing import add_feed, import_defaults, remove_feed, set_enabled
from cockpit.feeds.model import FeedError
from cockpit.feeds.store import EntryStore
from cockpit.feeds.subscriptions import FeedList
from cockpit.items.workspace import Workspace
from tests.unit.storage_helpers import open_ws


def fresh(ws: Workspace) -> FeedList:
    return FeedList(open_ws(ws.root).files)  # as another process reads it


def test_add_and_undo(tmp_path: Path) -> None:
    ws = open_ws(tmp_path / "ws")
    feed = add_feed(ws, "https://planet.postgresql.org/rss20.xml", "planet")
    assert [f.url for f in fresh(ws).all()] == ["https://planet.postgresql.org/rss20.xml"]
    with pytest.raises(FeedError, match="already subscribed"):
        add_feed(ws, "https://PLANET.postgresql.org/rss20.xml")
    with pytest.raises(FeedError, match="is not an http"):
        add_feed(ws, "javascript:alert(1)")
    assert len(ws.undo_stack) == 1  # refusals are no steps
    ws.undo()
    assert fresh(ws).all() == []
    again = add_feed(ws, "https://planet.postgresql.org/rss20.xml")
    assert again.id != feed.id  # removed ids stay retired


def test_remove_and_undo_bring_back_entries_and_marks(tmp_path: Path) -> None:
    ws = open_ws(tmp_path / "ws")
    feed = add_feed(ws, "https://edb.example.com/rss.xml", "competitor", "EDB")
    store = EntryStore(ws.files)
    kept, gone = store.add(
        [
            {"feed_id": feed.id, "feed": "EDB", "title": "starred", "link": "https://e/1"},
            {"feed_id": feed.id, "feed": "EDB", "title": "read", "link": "https://e/2"},
        ]
    )
    store.set_mark(kept, "starred", True)
    store.set_mark(gone, "read", True)
    ws.undo_stack.clear()
    remove_feed(ws, feed.id)
    after = EntryStore(open_ws(ws.root).files)
    assert fresh(ws).all() == [] and after.get(gone) is None
    assert after.get(kept) is not None  # starred entries stay
    ws.undo()
    back = EntryStore(open_ws(ws.root).files)
    assert [f.id for f in fresh(ws).all()] == [feed.id]
    entry = back.get(gone)
    assert entry is not None and entry.read


def test_enable_disable_and_defaults(tmp_path: Path) -> None:
    ws = open_ws(tmp_path / "ws")
    report = import_defaults(ws)
    feeds = fresh(ws).all()
    assert report.added == len(feeds) > 20
    assert import_defaults(ws).added == 0  # all there: nothing added, no undo step
    first = feeds[0]
    set_enabled(ws, first.id, not first.enabled)
    assert fresh(ws).get(first.id).enabled is not first.enabled
    ws.undo()
    assert fresh(ws).get(first.id).enabled is first.enabled
    ws.undo()  # the import itself
    assert fresh(ws).all() == []
