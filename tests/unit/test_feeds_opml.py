"""OPML import/export: nested outlines, categories, duplicates, broken files, round trips."""

from __future__ import annotations

import datetime as dt
import os
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from cockpit.feeds.opml import parse_opml
from cockpit.feeds.subscriptions import FeedError, FeedList
from cockpit.storage import WorkspaceFiles
from tests.unit.feeds_helpers import files
from tests.unit.storage_helpers import snapshot

__all__ = ["files"]  # fixture

NEWSBOAT = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "feeds" / "newsboat"
needs_corpus = pytest.mark.skipif(not NEWSBOAT.is_dir(), reason="../shared/corpus is absent")


@needs_corpus
def test_nested_outlines_take_the_parent_text_as_category(files: WorkspaceFiles) -> None:
    report = FeedList(files).import_opml(NEWSBOAT / "example.opml")
    assert (report.added, report.skipped) == (7, 0)
    by_title = {f.title: f for f in FeedList(files).all()}
    assert by_title["example.com website"].category == ""
    assert by_title["John's musings"].category == "Blogs"  # text wins over title
    assert by_title["Notes by Mike"].category == "friends"  # the nearest folder
    assert by_title["Fred on everything"].category == "eloquent"


@needs_corpus
def test_category_attribute_wins_and_pipes_are_skipped(files: WorkspaceFiles) -> None:
    feeds = FeedList(files)
    assert feeds.import_opml(NEWSBOAT / "category.opml").added == 1
    (only,) = feeds.all()
    assert only.category == "tag one"  # first of "tag one,tag_two,tag/three"
    assert only.title == "feeds.bbci.co.uk" and only.auto_title  # named on first fetch
    report = feeds.import_opml(NEWSBOAT / "piped.opml")
    assert (report.added, report.skipped) == (1, 1)
    assert report.reasons == ["Birdsite search: not an http(s) URL"]


@needs_corpus
def test_duplicates_are_skipped(files: WorkspaceFiles) -> None:
    feeds = FeedList(files)
    feeds.import_opml(NEWSBOAT / "example.opml")
    again = feeds.import_opml(NEWSBOAT / "example.opml")
    assert (again.added, again.skipped) == (0, 7)
    assert again.reasons[0].startswith("already subscribed to https://example.com/feed.xml")
    doubled = (
        b'<opml version="2.0"><body><outline xmlUrl="https://A.example:443/x"/>'
        b'<outline xmlUrl="https://a.example/x#frag"/><outline xmlUrl="https://a.example/y"/>'
        b"</body></opml>"
    )
    report = feeds.import_opml(doubled)
    assert (report.added, report.skipped) == (2, 1)  # scheme/host/port/fragment normalised


@needs_corpus
@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("body-element-missing.opml", "has no <body> element, so it lists no feeds"),
        ("opml-element-missing.opml", "is not OPML (its root element is <not-opml>)"),
        ("empty-file", "is empty"),
        ("empty.xml", "is empty"),
        ("rss.xml", "is not OPML (its root element is <rss>)"),
        ("config-invalid-utf-8", "is not well-formed XML (line 1, column 1)"),
    ],
)
def test_broken_opml_is_one_sentence_and_changes_nothing(
    files: WorkspaceFiles, name: str, message: str
) -> None:
    feeds = FeedList(files)
    feeds.add("https://keep.example/rss")
    before = snapshot(files.root)
    with pytest.raises(FeedError) as caught:
        feeds.import_opml(NEWSBOAT / name)
    text = str(caught.value)
    assert text == f"{NEWSBOAT / name} {message}"
    assert "\n" not in text
    assert snapshot(files.root) == before


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'<opml version="2.0"><body><outline xmlUrl="https://a/x"></body>', "not well-formed"),
        (
            b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]>'
            b'<opml version="2.0"><body><outline text="&b;" xmlUrl="https://a/x"/></body></opml>',
            "declares XML entities, which OPML files never need",
        ),
        (b"\xff\xfe\x00garbage", "not well-formed"),
    ],
)
def test_malformed_and_hostile_opml(files: WorkspaceFiles, data: bytes, message: str) -> None:
    with pytest.raises(FeedError, match=message):
        FeedList(files).import_opml(data)
    assert FeedList(files).all() == []


def test_unreadable_file(files: WorkspaceFiles, tmp_path: Path) -> None:
    with pytest.raises(FeedError, match=r"cannot read .*missing.opml: No such file"):
        FeedList(files).import_opml(tmp_path / "missing.opml")


def test_defaults_enable_only_verified_feeds(files: WorkspaceFiles) -> None:
    feeds = FeedList(files)
    assert feeds.install_defaults() == 42
    all_feeds = feeds.all()
    assert {f.category for f in all_feeds} == {
        "community", "planet", "newsletter", "competitor", "ecosystem",
    }  # fmt: skip
    disabled = {f.title for f in all_feeds if not f.enabled}
    assert len(disabled) == 6
    assert "pgvector releases (extension news)" in disabled
    assert "pganalyze blog" not in disabled  # "verified (conflicting)" is verified
    assert feeds.install_defaults() == 0  # idempotent


def test_export_round_trips_through_import(files: WorkspaceFiles, tmp_path: Path) -> None:
    feeds = FeedList(files)
    feeds.install_defaults()
    feeds.add("https://blog.example/中文.xml", title="中文 & <更多>")  # no category
    data = feeds.export_opml(dt.datetime(2026, 11, 18, tzinfo=dt.UTC))
    assert data.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    assert b"<dateCreated>Wed, 18 Nov 2026 00:00:00 GMT</dateCreated>" in data
    parsed, skipped = parse_opml(data)
    assert skipped == []
    mine = {(f.url, f.title, f.category, f.html_url, f.enabled) for f in feeds.all()}
    assert {(f.url, f.title, f.category, f.html_url, f.enabled) for f in parsed} == mine
    other = FeedList(WorkspaceFiles(tmp_path / "other").open())
    assert other.import_opml(data).added == len(mine)


@pytest.mark.skipif(shutil.which("newsboat") is None, reason="newsboat is not installed")
def test_export_imports_into_newsboat(files: WorkspaceFiles, tmp_path: Path) -> None:
    feeds = FeedList(files)
    feeds.install_defaults()
    opml = tmp_path / "cockpit.opml"
    opml.write_bytes(feeds.export_opml())
    urls = tmp_path / "urls"
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / ".config")}
    subprocess.run(
        ["newsboat", "-i", str(opml), "-u", str(urls), "-c", str(tmp_path / "cache.db"),
         "-C", str(tmp_path / "config")],
        env=env, check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    lines = [shlex.split(line) for line in urls.read_text().splitlines() if line.strip()]
    imported = {parts[0]: parts[1:] for parts in lines}
    assert set(imported) == {f.url for f in feeds.all()}
    by_url = {f.url: f for f in feeds.all()}
    assert all(tags == [by_url[url].category] for url, tags in imported.items())
