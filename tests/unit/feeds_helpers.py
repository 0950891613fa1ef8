"""Shared pieces of the feed tests: a workspace, a local server, quick settings."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cockpit.feeds.refresh import FeedResult, FetchSettings, refresh_sync
from cockpit.feeds.subscriptions import FeedList
from cockpit.storage import WorkspaceFiles
from tests.feedserver import FeedServer

NOW = dt.datetime(2026, 11, 18, 2, 0, tzinfo=dt.UTC)
# Short limits so failure cases finish quickly.
QUICK = FetchSettings(timeout=0.5, total_timeout=2.0, max_bytes=1_000_000, commit_interval=0.0)
# Anything a terminal could act on; tab and newline are allowed in summaries only.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        yield srv


@pytest.fixture
def files(tmp_path: Path) -> WorkspaceFiles:
    return WorkspaceFiles(tmp_path / "ws").open()


def refresh(
    files: WorkspaceFiles,
    when: dt.datetime = NOW,
    settings: FetchSettings = QUICK,
    **options: Any,
) -> dict[str, FeedResult]:
    """Refresh and index the results by the feed's URL path."""
    results = refresh_sync(files, settings, when, **options)
    return {r.url.split("/", 3)[-1]: r for r in results}


def subscribe(files: WorkspaceFiles, *urls: str, category: str = "test") -> list[int]:
    feeds = FeedList(files)
    return [feeds.add(url, category=category).id for url in urls]


def stored_strings(files: WorkspaceFiles) -> list[str]:
    """Every string stored for feeds and entries (keys and values)."""
    out: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, dict):
            for key, inner in value.items():
                out.append(str(key))
                walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)

    for name in ("feeds", "entries", "entry_state"):
        walk(files.raw(name))
    return out


def assert_clean(files: WorkspaceFiles) -> None:
    """No control character, escape or bidi override anywhere in stored feed data,
    and every stored link is http(s)."""
    for text in stored_strings(files):
        assert not CONTROL.search(text.replace("\n", "").replace("\t", "")), repr(text)
    for doc in files.raw("entries").get("entries", {}).values():
        link = doc.get("link")
        assert link is None or re.match(r"^https?://", link, re.IGNORECASE), link
