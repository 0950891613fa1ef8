"""Watch words of the competitor watch, and the full text the preview shows: matching
in English and Chinese (any case, Latin words whole, Chinese anywhere), the feed's
content kept bounded and sanitised beside its summary."""

from __future__ import annotations

from pathlib import Path

from cockpit.core.config import load_config
from cockpit.feeds.parse import CONTENT_CAP, SUMMARY_CAP, parse_feed
from cockpit.feeds.store import EntryStore
from cockpit.feeds.watch import Matches, Watch
from cockpit.storage import WorkspaceFiles

WORDS = ["pgvector", "PostgreSQL 18", "国产数据库", "EDB", "Oracle"]


def test_english_words_match_in_any_case_and_only_whole() -> None:
    watch = Watch(WORDS)
    assert watch.matches("What's new in PGVECTOR 0.8")
    assert watch.matches("postgresql  18 beta 2 released")  # any run of spaces
    assert watch.matches("PostgreSQL\n18 released")
    assert not watch.matches("PostgreSQL 180 is not a version")
    assert not watch.matches("pgvectorscale benchmarks")  # another product
    assert not watch.matches("EDBX conference")
    assert watch.matches("EDB's new AI platform")
    assert watch.found("Oracle to PostgreSQL 18 migration, oracle tools") == [
        "Oracle",
        "PostgreSQL 18",
    ]


def test_chinese_words_match_without_word_boundaries() -> None:
    watch = Watch(WORDS)
    assert watch.matches("墨天轮：11月国产数据库流行度排行")
    assert watch.matches("发布PostgreSQL 18正式版")  # Latin word between Chinese: whole
    assert watch.matches("从Oracle迁移到国产库")
    assert not watch.matches("国产 数据库")  # a space splits the Chinese word
    assert watch.spans("国产数据库与EDB") == [(0, 5), (6, 9)]
    assert watch.found("国产数据库、国产数据库") == ["国产数据库"]


def test_no_words_match_nothing() -> None:
    watch = Watch(["", "  "])
    assert not watch and not watch.matches("anything") and watch.spans("x") == []


def test_matches_are_kept_between_calls_and_redone_for_changed_entries() -> None:
    watch = Watch(WORDS)
    matches = Matches()
    docs = {
        "1": {"title": "pgvector 0.8", "summary": "", "hash": "a"},
        "2": {"title": "Planet PostgreSQL", "summary": "nothing here", "hash": "b"},
        "3": {"title": "月报", "summary": "国产数据库排行", "hash": "c"},
    }
    assert matches.of(watch, docs) == {1, 3}
    docs["2"] = {"title": "Planet", "summary": "EDB joins", "hash": "d"}  # a new version
    assert matches.of(watch, docs) == {1, 2, 3}
    del docs["1"]
    assert matches.of(watch, docs) == {2, 3}
    assert matches.of(Watch(["月报"]), docs) == {3}  # other words: matched again


def test_watch_words_in_config(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[feeds]\nwatch = ["pgvector", "国产数据库"]\n', encoding="utf-8")
    assert load_config(path).feeds.watch == ["pgvector", "国产数据库"]
    path.write_text('[feeds]\nwatch = "pgvector"\n', encoding="utf-8")
    try:
        load_config(path)
    except ValueError as exc:
        assert '[feeds] watch must be a list of texts like ["a", "b"]' in str(exc)
    else:
        raise AssertionError("a string is not a list of watch words")


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Vendor</title>
<entry><id>urn:1</id><title>Long post</title><updated>2026-11-17T10:00:00Z</updated>
<summary>Short teaser.</summary>
<content type="html">&lt;p&gt;First paragraph about pgvector.&lt;/p&gt;
&lt;script&gt;evil()&lt;/script&gt;
&lt;p&gt;Second paragraph&lt;/p&gt;\x1b]0;title\x07{body}</content></entry>
<entry><id>urn:2</id><title>Teaser only</title><updated>2026-11-16T10:00:00Z</updated>
<summary>Only a summary.</summary></entry>
</feed>"""


def test_the_full_text_is_kept_bounded_and_sanitised(tmp_path: Path) -> None:
    body = "&lt;p&gt;" + "长文 " * 20_000 + "&lt;/p&gt;"
    parsed = parse_feed(
        ATOM.replace("\x1b", "&#27;").replace("\x07", "&#7;").format(body=body).encode(),
        "application/atom+xml",
        "https://vendor.example/feed",
        "2026-11-18T02:00:00+00:00",
    )
    long, short = parsed.entries
    assert long["summary"] == "Short teaser."
    content = str(long["content"])
    assert content.startswith("First paragraph about pgvector.\n\nSecond paragraph")
    assert "evil" not in content and "\x1b" not in content and "\x07" not in content
    assert len(content) <= CONTENT_CAP
    assert "content" not in short  # nothing more than the summary: nothing stored
    # Stored as it came, and cut again on the way in (an import, an old parser).
    files = WorkspaceFiles(tmp_path / "ws").open()
    store = EntryStore(files)
    (ref,) = store.add([{**long, "feed": "Vendor", "content": content + "x" * CONTENT_CAP}])
    entry = store.get(ref)
    assert entry is not None and len(entry.content) == CONTENT_CAP
    assert entry.text == entry.content and len(entry.summary) <= SUMMARY_CAP
    (bare,) = store.add([{**short, "feed": "Vendor"}])
    got = store.get(bare)
    assert got is not None and got.content == "" and got.text == "Only a summary."
