"""Every file of ../shared/corpus/feeds/ through parse, sanitise and store.

The corpus (feedparser's and newsboat's test data: ill-formed XML, odd encodings,
entities, sanitiser attacks, podcasts, config files) only has to pass without an
exception escaping, and leave no control character or non-http link in storage.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import orjson
import pytest

from cockpit.feeds.merge import Outcome, Policy, apply_outcomes
from cockpit.feeds.opml import OpmlFeed
from cockpit.feeds.parse import parse_feed
from cockpit.feeds.subscriptions import FeedList
from cockpit.storage import WorkspaceFiles
from tests.unit.feeds_helpers import NOW, assert_clean, files

__all__ = ["files"]  # fixture

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "feeds"
HEADER = re.compile(rb"Header:\s*Content-type:\s*([^\r\n]+)", re.IGNORECASE)
BATCH = 400


def content_type(data: bytes) -> str:
    """The Content-Type a feedparser test case asks to be served with."""
    match = HEADER.search(data[:2000])
    return match.group(1).decode("latin-1").strip() if match else "application/xml"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
def test_every_corpus_file_passes_the_pipeline(files: WorkspaceFiles) -> None:
    paths = sorted(p for p in CORPUS.rglob("*") if p.is_file())
    assert len(paths) > 2000
    began = time.monotonic()
    wanted = [
        OpmlFeed(f"http://corpus.test/{p.relative_to(CORPUS).as_posix()}", p.name, p.parent.name)
        for p in paths
    ]
    feeds, skipped = FeedList(files).add_many(wanted)
    assert not skipped
    outcomes = []
    for path, feed in zip(paths, feeds, strict=True):
        data = path.read_bytes()
        parsed = parse_feed(data, content_type(data), feed.url, "2026-11-18T02:00:00+00:00")
        if parsed.is_feed:
            outcomes.append(Outcome(feed.id, "ok", bytes=len(data), parsed=parsed))
        else:
            outcomes.append(Outcome(feed.id, "error", parsed.problem))
    for start in range(0, len(outcomes), BATCH):
        apply_outcomes(files, outcomes[start : start + BATCH], NOW, Policy())
    assert time.monotonic() - began < 60

    stored = files.raw("entries").get("entries", {})
    parsed_ok = sum(o.status == "ok" for o in outcomes)
    assert parsed_ok > 2000 and len(stored) > 1200  # many cases test channel fields only
    assert_clean(files)
    for name in ("feeds", "entries", "entry_state"):  # strict JSON on disk
        orjson.loads((files.root / f"{name}.json").read_bytes())
    for doc in stored.values():
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", doc["published"])
        assert len(doc["summary"]) <= 2000 and len(doc["title"]) <= 300
