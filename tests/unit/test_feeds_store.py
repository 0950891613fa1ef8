"""Entry storage: de-duplication, retention, marks, per-feed views (no network)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from cockpit.feeds.merge import Outcome, Policy, apply_outcomes
from cockpit.feeds.parse import ParsedFeed
from cockpit.feeds.store import EntryStore
from cockpit.feeds.subscriptions import FeedList
from cockpit.storage import WorkspaceFiles
from tests.unit.feeds_helpers import NOW, files

__all__ = ["files"]  # fixture


def row(
    n: int, *, guid: str | None = None, link: str | None = None, **extra: Any
) -> dict[str, Any]:
    """An entry as `parse_feed` returns it, published `n` hours after midnight."""
    published = (dt.datetime(2026, 11, 17, tzinfo=dt.UTC) + dt.timedelta(hours=n)).isoformat()
    base = {
        "title": f"Post {n}",
        "link": link if link is not None else f"https://blog.example/{n}",
        "published": published,
        "summary": f"Summary {n}",
        "guid": guid if guid is not None else f"id-{n}",
        "hash": f"h{n}",
    }
    return {**base, **extra}


def merge(files: WorkspaceFiles, feed_id: int, rows: list[dict[str, Any]], keep: int = 200) -> int:
    parsed = ParsedFeed(is_feed=True, title="Blog", entries=rows)
    outcome = Outcome(feed_id, "ok", parsed=parsed)
    return apply_outcomes(files, [outcome], NOW, Policy(keep=keep))[feed_id]


@pytest.fixture
def feed(files: WorkspaceFiles) -> int:
    return FeedList(files).add("https://blog.example/feed", category="planet").id


def titles(files: WorkspaceFiles, feed_id: int) -> list[str]:
    return [e.title for e in EntryStore(files).for_feed(feed_id)]


def test_new_entries_link_to_their_feed(files: WorkspaceFiles, feed: int) -> None:
    assert merge(files, feed, [row(1), row(2)]) == 2
    entries = EntryStore(files).for_feed(feed)
    assert [e.title for e in entries] == ["Post 2", "Post 1"]  # newest first
    assert {(e.feed_id, e.feed, e.category) for e in entries} == {(feed, "Blog", "planet")}
    stored = FeedList(files).get(feed)
    assert (stored.title, stored.entries, stored.last_new) == ("Blog", 2, 2)


def test_same_guid_is_the_same_entry_even_when_edited(files: WorkspaceFiles, feed: int) -> None:
    merge(files, feed, [row(1)])
    (entry,) = EntryStore(files).for_feed(feed)
    EntryStore(files).set_mark(entry.id, "read", True)
    assert merge(files, feed, [row(1, title="Post 1 (updated)", summary="new text")]) == 0
    (again,) = EntryStore(files).for_feed(feed)
    assert (again.id, again.title, again.summary, again.read) == (
        entry.id, "Post 1 (updated)", "new text", True,
    )  # fmt: skip


def test_changed_guid_with_same_link_is_the_same_entry(files: WorkspaceFiles, feed: int) -> None:
    """postgresql.org's item ids embed the title: an edited title changes the guid."""
    merge(files, feed, [row(1, guid="https://pg.example/n/1#Old title")])
    assert merge(files, feed, [row(1, guid="https://pg.example/n/1#New title", title="New")]) == 0
    assert titles(files, feed) == ["New"]


def test_shared_links_do_not_merge_distinct_items(files: WorkspaceFiles, feed: int) -> None:
    same = "https://cloudberry.example/blog/"
    assert merge(files, feed, [row(1, link=same), row(2, link=same)]) == 2
    assert merge(files, feed, [row(1, link=same), row(2, link=same), row(3, link=same)]) == 1
    assert len(titles(files, feed)) == 3


def test_no_guid_no_link_falls_back_to_content_hash(files: WorkspaceFiles, feed: int) -> None:
    bare = row(1, guid="", link="")
    bare["link"] = None
    assert merge(files, feed, [bare]) == 1
    assert merge(files, feed, [dict(bare)]) == 0
    assert merge(files, feed, [{**bare, "hash": "other", "title": "Other"}]) == 1


def test_keep_newest_n_plus_starred(files: WorkspaceFiles, feed: int) -> None:
    merge(files, feed, [row(n) for n in range(5)], keep=3)
    assert titles(files, feed) == ["Post 4", "Post 3", "Post 2"]
    store = EntryStore(files)
    oldest = store.for_feed(feed)[-1]
    store.set_mark(oldest.id, "starred", True)
    merge(files, feed, [row(n) for n in range(5, 7)], keep=3)
    assert titles(files, feed) == ["Post 6", "Post 5", "Post 4", "Post 2"]  # 2 is starred
    assert FeedList(files).get(feed).entries == 4


def test_pruned_entries_lose_their_marks(files: WorkspaceFiles, feed: int) -> None:
    merge(files, feed, [row(n) for n in range(3)], keep=3)
    store = EntryStore(files)
    oldest = store.for_feed(feed)[-1]
    store.set_mark(oldest.id, "read", True)
    merge(files, feed, [row(n) for n in range(3, 6)], keep=3)
    assert str(oldest.id) not in files.raw("entry_state").get("state", {})


def test_old_items_still_in_the_feed_are_not_new_again(files: WorkspaceFiles, feed: int) -> None:
    rows = [row(n) for n in range(6)]
    assert merge(files, feed, rows, keep=3) == 3
    assert merge(files, feed, rows, keep=3) == 0
    assert titles(files, feed) == ["Post 5", "Post 4", "Post 3"]


def test_unread_counts_categories_and_set_marks(files: WorkspaceFiles, feed: int) -> None:
    other = FeedList(files).add("https://rival.example/rss", category="competitor").id
    merge(files, feed, [row(n) for n in range(4)])
    merge(files, other, [row(n) for n in range(2)])
    store = EntryStore(files)
    assert store.unread_counts_by_feed() == {feed: 4, other: 2}
    assert len(store.for_category("competitor")) == 2
    ids = [e.id for e in store.for_category("planet")]
    stamp = (files.root / "entries.json").stat().st_mtime_ns
    assert store.set_marks([*ids, 99999], "read", True) == 4
    assert store.set_marks(ids, "read", True) == 0  # nothing to change: no write
    assert (files.root / "entries.json").stat().st_mtime_ns == stamp  # bodies untouched
    assert store.unread_counts_by_feed() == {other: 2}
    assert store.unread_summary(10)[1] == {"competitor": 2}
    with pytest.raises(ValueError):
        store.set_marks(ids, "deleted", True)


def test_renaming_a_feed_renames_its_entries(files: WorkspaceFiles, feed: int) -> None:
    merge(files, feed, [row(1)])
    FeedList(files).update(feed, title="Renamed", category="ecosystem")
    (entry,) = EntryStore(files).for_feed(feed)
    assert (entry.feed, entry.category) == ("Renamed", "ecosystem")
    merge(files, feed, [row(1), row(2)])
    assert {e.feed for e in EntryStore(files).for_feed(feed)} == {"Renamed"}  # kept


def test_remove_feed_keeps_starred_entries(files: WorkspaceFiles, feed: int) -> None:
    merge(files, feed, [row(1), row(2)])
    store = EntryStore(files)
    first = store.for_feed(feed)[0]
    store.set_mark(first.id, "starred", True)
    FeedList(files).remove(feed)
    assert [e.id for e in store.all()] == [first.id]
    again = FeedList(files).add("https://blog.example/feed")
    assert again.id != feed  # ids are never reused
    assert store.for_feed(again.id) == []


def test_entry_public_json_fields(files: WorkspaceFiles, feed: int) -> None:
    merge(files, feed, [row(1)])
    (entry,) = EntryStore(files).all()
    assert set(entry.public()) >= {
        "id", "feed", "feed_id", "category", "title", "link", "published", "summary",
        "read", "starred",
    }  # fmt: skip
