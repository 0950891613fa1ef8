"""Parsing and sanitising: real formats, hostile feeds, XML bombs, HTML to text."""

from __future__ import annotations

import time
import tracemalloc

import pytest
from rich.text import Text

from cockpit.feeds.parse import SUMMARY_CAP, parse_feed
from cockpit.feeds.sanitize import clean_text, html_to_text, safe_link
from cockpit.feeds.store import EntryStore
from cockpit.storage import WorkspaceFiles
from tests.feedserver import FeedServer, read_fixture
from tests.unit.feeds_helpers import assert_clean, files, refresh, server, subscribe

__all__ = ["files", "server"]  # fixtures

FETCHED = "2026-11-18T02:00:00+00:00"


def parse(name: str, content_type: str = "application/rss+xml") -> list[dict[str, object]]:
    result = parse_feed(read_fixture(name), content_type, "https://base.example/f.xml", FETCHED)
    assert result.is_feed, result.problem
    return result.entries


def test_rss20_html_becomes_plain_text_and_dates_utc() -> None:
    ha, aio, undated = parse("rss20.xml")
    assert ha["summary"] == "Patroni-based HA, backups with pgBackRest & more."  # no <script>
    assert ha["published"] == "2026-11-17T14:30:00+00:00"
    assert aio["published"] == "2026-11-16T14:00:00+00:00"  # -0500 converted to UTC
    assert aio["summary"] == "io_method\n\nReads go through io_uring now.\n\nworker\nio_uring"
    assert aio["link"] == "https://base.example/blog/postgres-18-async-io"  # made absolute
    assert undated["published"] == FETCHED
    assert ha["guid"] == "crunchy-ha-pgo" and len(str(ha["hash"])) == 16


def test_atom_html_title_and_relative_links() -> None:
    first, second = parse("atom.xml", "application/atom+xml")
    assert first["title"] == "v0.8.1"
    assert first["link"] == "https://github.com/pgvector/pgvector/releases/tag/v0.8.1"
    assert first["summary"] == "Improved iterative index scans\nFixed <HNSW> build"
    assert second["published"] == "2026-10-01T00:00:00+00:00"


def test_rdf_and_pg_news() -> None:
    osgeo = parse("rdf.xml", "application/rdf+xml")
    assert [e["published"] for e in osgeo] == [
        "2026-11-14T08:00:00+00:00",
        "2026-11-10T08:00:00+00:00",
    ]
    news = parse("pg-news.rss")
    assert news[0]["summary"].startswith("The PostgreSQL Global Development Group")  # type: ignore[union-attr]
    assert "\n\nThis is the final release of PostgreSQL 13." in str(news[0]["summary"])


def test_chinese_gb18030_feed() -> None:
    first, second = parse("zh-planet.xml")
    assert first["title"] == "PG 中文社区：杭州 Meetup 议题征集开始"
    assert first["published"] == "2026-11-17T00:00:00+00:00"  # +0800
    assert second["summary"] == "从配置到切换演练，附监控 SQL。"


def test_html_page_is_not_a_feed() -> None:
    result = parse_feed(read_fixture("not-a-feed.html"), "text/html", "https://x.example/", "")
    assert not result.is_feed
    assert result.problem == "not a feed (the server sent an HTML page)"


def test_a_body_that_is_a_path_is_not_opened_as_a_file() -> None:
    # feedparser opens a bytes argument that names an existing file; we pass a stream.
    result = parse_feed(b"/etc/hostname", "application/rss+xml", "https://x.example/", "")
    assert not result.is_feed


def test_billion_laughs_is_not_expanded() -> None:
    tracemalloc.start()
    began = time.monotonic()
    try:
        (entry,) = parse("laughs.xml")
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.monotonic() - began < 1.0
    assert peak < 5_000_000
    assert "lollol" not in str(entry["title"]) + str(entry["summary"])


@pytest.mark.parametrize("one_line", [False, True])
def test_quadratic_blowup_is_not_expanded(one_line: bool) -> None:
    """A 'safe-looking' entity (plain text, no references) used many times: feedparser's
    loose parser would expand it 30,000 times (30 GB); our prolog scrub removes it."""
    sep = b"" if one_line else b"\n"
    doc = (
        b'<?xml version="1.0"?>' + sep + b"<!DOCTYPE rss [" + sep
        + b'<!ENTITY a "' + b"A" * 1_000_000 + b'">' + sep + b"]>" + sep
        + b'<rss version="2.0"><channel><title>t</title><item><title>x</title><description>'
        + b"&a;" * 30_000 + b"</description></item></channel></rss>"
    )  # fmt: skip
    began = time.monotonic()
    result = parse_feed(doc, "application/rss+xml", "https://x.example/", FETCHED)
    assert time.monotonic() - began < 2.0  # about 0.3 s; tracing (below) is slower
    tracemalloc.start()
    try:
        parse_feed(doc, "application/rss+xml", "https://x.example/", FETCHED)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 60_000_000, f"{peak / 1e6:.0f} MB"
    assert all(len(str(e["summary"])) <= SUMMARY_CAP for e in result.entries)


def test_utf16_entity_declarations_are_scrubbed_too() -> None:
    doc = (
        '<?xml version="1.0" encoding="utf-16"?>\n<!DOCTYPE rss [\n<!ENTITY a "'
        + "B" * 100_000
        + '">\n]>\n<rss version="2.0"><channel><title>t</title><item><title>x</title>'
        + "<description>" + "&a;" * 20_000 + "</description></item></channel></rss>"
    ).encode("utf-16")  # fmt: skip
    began = time.monotonic()
    result = parse_feed(doc, "application/xml", "https://x.example/", FETCHED)
    assert time.monotonic() - began < 3.0
    assert "BBBB" not in "".join(str(e["summary"]) for e in result.entries)


def test_external_entities_are_not_fetched_or_read() -> None:
    (entry,) = parse("xxe.xml")
    assert "root:" not in str(entry["title"])
    assert entry["title"] == "Leak &secret;"


def test_hostile_feed_stores_nothing_dangerous(files: WorkspaceFiles, server: FeedServer) -> None:
    subscribe(
        files,
        server.route("/hostile.xml", body=read_fixture("hostile.xml")),
        server.route("/raw.xml", body=read_fixture("hostile-raw.xml")),
    )
    got = refresh(files)
    assert got["hostile.xml"].new_entries == 4 and got["raw.xml"].new_entries == 1
    assert_clean(files)
    entries = {e.title: e for e in EntryStore(files).all()}
    evil = next(e for t, e in entries.items() if t.startswith("RED alert"))
    assert evil.link is None  # javascript: dropped
    assert entries["Data link"].link is None and entries["File link"].link is None
    assert entries["Good link"].link == "https://evil.example/ok"
    assert "pwned" not in evil.feed  # the OSC title sequence went with its payload
    # Markup stays literal text; rendered as Text (as the TUI does) it is inert.
    assert "[@click=app.quit]quit[/]" in evil.title
    assert Text(evil.title).spans == [] and "[@click" in Text(evil.title).plain
    assert "onerror" not in evil.summary and "javascript" not in evil.summary


def test_clean_text_removes_every_control_family() -> None:
    text = "a\x1b[31mb\x1b]0;title\x07c\x07d\x9b2Je\u202ef\u2066g\x00h\x7fi\ud800j"
    assert clean_text(text) == "abc de f g h i j"  # BEL and friends become spaces
    assert clean_text("one\ntwo\tthree\r\nfour", multiline=True) == "one\ntwo\tthree\nfour"


def test_safe_link_only_http() -> None:
    assert safe_link("https://postgresql.org/x") == "https://postgresql.org/x"
    assert safe_link("HTTP://EXAMPLE.org") == "HTTP://EXAMPLE.org"
    for bad in ("javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "ftp://x/y"):
        assert safe_link(bad) is None
    assert safe_link(" jav\x00ascript:alert(1)") is None


def test_html_to_text_is_linear_on_hostile_markup() -> None:
    began = time.monotonic()
    for hostile in ("<script" * 20_000, "<!--" * 25_000, "<" * 100_000, "<a " * 30_000):
        html_to_text(hostile)
    assert time.monotonic() - began < 1.0
    assert html_to_text("a < b and c > d") == "a < b and c > d"
    assert html_to_text("x<style>p{}</style>y<br/>z &amp; &#x4e2d;") == "xy\nz & 中"
    assert html_to_text("<p>" + "word " * 1000 + "</p>", cap=20) == "word word word word"
