"""The fast reader (`cockpit.feeds.strict`) gives feedparser's rows, or steps aside.

Every document the fast path accepts must turn into exactly the rows feedparser's
result gives (`from_result` on both): the corpus (2,300 feedparser and newsboat test
documents), the fixtures, and the shapes real subscriptions have (WordPress, Ghost,
Blogger, GitHub, Planet PostgreSQL, with Chinese text). And it must accept those
shapes: a fast path that quietly refused everything would pass the first test alone.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import feedparser
import pytest

from cockpit.feeds import parse as parse_module
from cockpit.feeds import strict
from cockpit.feeds.parse import ParsedFeed, from_result, parse_feed
from tests.unit.test_feeds_corpus import CORPUS, content_type

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"
SHAPES = sorted((FIXTURES / "shapes").glob("*.xml"))
FETCHED = "2026-11-26T00:00:00+00:00"
BASE = "https://feeds.example/feed.xml"


def rows(parsed: ParsedFeed) -> tuple[Any, ...]:
    return parsed.is_feed, parsed.title, parsed.html_url, parsed.entries


def by_feedparser(body: bytes, kind: str) -> ParsedFeed:
    result = feedparser.parse(
        io.BytesIO(body),
        response_headers={"content-type": kind},
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    return from_result(result, FETCHED, BASE)


def compare(paths: list[Path], kinds: tuple[str, ...]) -> tuple[int, list[str]]:
    """(documents the fast path took, those whose rows differ from feedparser's)."""
    taken, differ = 0, []
    for path in paths:
        body = path.read_bytes()
        for kind in kinds or (content_type(body),):
            fast = strict.read(body, kind)
            if fast is None:
                continue
            taken += 1
            if rows(from_result(fast, FETCHED, BASE)) != rows(by_feedparser(body, kind)):
                differ.append(f"{path} ({kind})")
    return taken, differ


@pytest.mark.parametrize("path", SHAPES, ids=lambda p: p.stem)
def test_the_shapes_of_real_subscriptions_take_the_fast_path(path: Path) -> None:
    body = path.read_bytes()
    for kind in ("application/rss+xml", "application/xml", "text/xml; charset=utf-8"):
        fast = strict.read(body, kind)
        assert fast is not None, f"{path.name} as {kind} fell back to feedparser"
        got = from_result(fast, FETCHED, BASE)
        assert got.entries and rows(got) == rows(by_feedparser(body, kind))


def test_the_shapes_keep_what_matters() -> None:
    blogger = from_result(strict.read((FIXTURES / "shapes" / "blogger.xml").read_bytes(), "")
                          or {}, FETCHED, BASE)  # fmt: skip
    assert blogger.title == "Robert Haas" and blogger.html_url == "http://rhaas.blogspot.com/"
    first = blogger.entries[0]
    assert first["link"] == "http://rhaas.blogspot.com/2026/11/incremental-backup.html"
    assert first["published"] == "2026-11-20T18:58:00+00:00"
    assert "summarize_wal = on" in first["summary"] and "<b>" not in first["summary"]
    assert blogger.entries[1]["title"] == "Why Vacuum <Truncation> Is Hard"  # plain text
    ghost = parse_feed((FIXTURES / "shapes" / "ghost.xml").read_bytes(), "", BASE, FETCHED)
    assert ghost.entries[1]["title"] == "Postgres 18 和 TimescaleDB：升级指南"
    planet = parse_feed((FIXTURES / "shapes" / "planet.xml").read_bytes(), "", BASE, FETCHED)
    zh = planet.entries[1]
    assert (
        zh["link"]
        == zh["guid"]
        == "https://github.com/digoal/blog/blob/master/202611/20261120_01.md"
    )


def test_fixtures_give_feedparsers_rows() -> None:
    paths = sorted(p for p in FIXTURES.rglob("*") if p.is_file())
    taken, differ = compare(paths, ("application/xml", "text/xml", "application/atom+xml"))
    assert taken >= 3 * len(SHAPES) and differ == []


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
def test_every_corpus_document_it_takes_gives_feedparsers_rows() -> None:
    paths = sorted(p for p in CORPUS.rglob("*") if p.is_file())
    taken, differ = compare(paths, ())
    assert differ == []
    assert taken > 500, f"the fast path took only {taken} of {len(paths)} corpus documents"


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (b'<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel/></rss>', ""),
        (b'<rss version="2.0"><channel><title>caf\xe9</title></channel></rss>', ""),  # not UTF-8
        ('<rss version="2.0"><channel><title>café</title></channel></rss>'.encode(), "text/xml"),
        (b'<rss version="2.0"><channel/></rss>', "application/xml; charset=windows-1251"),
        (b'\xef\xbb\xbf<rss version="2.0"><channel/></rss>', ""),
        (b'<!DOCTYPE rss [<!ENTITY a "x">]><rss version="2.0"><channel/></rss>', ""),
        (b'<rss version="2.0"><channel><title>&nbsp;</title></channel></rss>', ""),  # HTML entity
        (b'<rss version="2.0"><channel><item><title>a</title>', ""),  # cut off
        (b'<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://x.example/"/>', ""),
        (b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="xhtml">'
         b'<div xmlns="http://www.w3.org/1999/xhtml"><b>x</b></div></content></entry></feed>', ""),
        (b'<rss version="2.0"><channel><item><itunes:summary xmlns:itunes='
         b'"http://www.itunes.com/dtds/podcast-1.0.dtd">s</itunes:summary></item></channel></rss>',
         ""),
        (b'<rss version="2.0"><channel><item><category>c<image><title>t</title></image>'
         b"</category></item></channel></rss>", ""),
        (b"<html><body><p>not a feed</p></body></html>", "text/html"),
    ],
    ids=["latin-1", "not-utf8", "text-xml-no-charset", "charset", "bom", "doctype", "entity",
         "cut-off", "xml-base", "xhtml", "unknown-namespace", "nested-in-skipped", "html"],
)  # fmt: skip
def test_what_it_was_not_written_for_goes_to_feedparser(body: bytes, kind: str) -> None:
    assert strict.read(body, kind) is None


def test_parse_feed_reads_a_plain_feed_without_feedparsers_parser(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    body = (FIXTURES / "shapes" / "wordpress.xml").read_bytes()
    expected = parse_feed(body, "application/rss+xml", BASE, FETCHED)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("feedparser.parse was called for a plain feed")

    monkeypatch.setattr(feedparser, "parse", refuse)
    got = parse_feed(body, "application/rss+xml", BASE, FETCHED)
    assert rows(got) == rows(expected) and len(got.entries) == 2
    assert got.entries[0]["title"] == "PostgreSQL 18: what’s new in logical replication"
    assert "failover slots" in got.entries[0]["content"]
    assert parse_module.strict is strict
