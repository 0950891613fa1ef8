"""Bundled feed categories: shown in the reader's language, typed in either."""

from __future__ import annotations

from pathlib import Path

import pytest

from cockpit.core import i18n
from cockpit.feeds import categories
from cockpit.feeds.subscriptions import FeedList
from cockpit.storage import WorkspaceFiles


@pytest.mark.parametrize(
    ("category", "en", "zh"),
    [("community", "community", "社区"), ("competitor", "competitor", "竞品"),
     ("ecosystem", "ecosystem", "生态"), ("planet", "planet", "博客"),
     ("newsletter", "newsletter", "周刊"), ("我的", "我的", "我的"), ("[b]x", "[b]x", "[b]x")],
)  # fmt: skip
def test_shown_in_the_active_language(category: str, en: str, zh: str) -> None:
    assert categories.shown(category) == en
    i18n.set_language("zh")
    assert categories.shown(category) == zh


def test_typed_in_either_language_is_stored_by_its_id(tmp_path: Path) -> None:
    assert categories.canonical("竞品") == "competitor"
    assert categories.canonical(" Community ") == "community"
    assert categories.canonical("内部") == "内部"
    feeds = FeedList(WorkspaceFiles(tmp_path))
    feed = feeds.add("https://edb.example.com/rss.xml", "竞品", "EDB")
    assert feed.category == "competitor"


def test_bundled_first_then_ones_own() -> None:
    assert categories.in_order({"zeta", "competitor", "alpha", "community"}) == [
        "community", "competitor", "alpha", "zeta"
    ]  # fmt: skip
