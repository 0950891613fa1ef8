"""OPML subscription lists: reading (nested outlines, categories) and writing.

Reading is all-or-nothing: a file that is not well-formed OPML raises `OpmlError` with
one sentence before anything is imported. Entity declarations are refused outright
(defusedxml): an OPML file has no use for them and they are the classic XML bombs.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from cockpit.core.errors import CockpitError
from cockpit.feeds.sanitize import clean_text, safe_link

MAX_OPML_BYTES = 5_000_000


class OpmlError(CockpitError, ValueError):
    """The file is not usable OPML; `str()` is one sentence for the user."""


@dataclass
class OpmlFeed:
    """One subscription as an OPML outline describes it."""

    url: str
    title: str
    category: str
    html_url: str | None = None
    enabled: bool = True


@dataclass
class OpmlSkip:
    """An outline with a feed address we will not subscribe to, and why."""

    title: str
    url: str
    reason: str


class FeedLike(Protocol):
    """What `build_opml` needs of a subscription."""

    url: str
    title: str
    category: str
    html_url: str | None
    enabled: bool


def parse_opml(data: bytes, name: str = "the OPML file") -> tuple[list[OpmlFeed], list[OpmlSkip]]:
    """Feeds of an OPML document, in document order, and the outlines skipped.

    The category of a feed is its `category` attribute (the first of a comma-separated
    list, slashes trimmed), else the text of the nearest enclosing outline.

    Raises:
        OpmlError: empty, not well-formed, not OPML, no `<body>`, or an entity bomb.
    """
    if not data.strip():
        raise OpmlError("err.opml.empty", name=name)
    if len(data) > MAX_OPML_BYTES:
        raise OpmlError("err.file.too_big", path=name, mb=MAX_OPML_BYTES // 1_000_000)
    try:
        root = SafeET.fromstring(data, forbid_dtd=False, forbid_entities=True)
    except ET.ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        raise OpmlError("err.opml.xml", name=name, line=line, column=column + 1) from None
    except DefusedXmlException:
        raise OpmlError("err.opml.entities", name=name) from None
    if _local(root.tag) != "opml":
        raise OpmlError("err.opml.root", name=name, root=_local(root.tag)[:30])
    body = next((el for el in root if _local(el.tag) == "body"), None)
    if body is None:
        raise OpmlError("err.opml.body", name=name)
    feeds: list[OpmlFeed] = []
    skipped: list[OpmlSkip] = []
    _walk(body, "", feeds, skipped)
    return feeds, skipped


def _walk(parent: ET.Element, group: str, feeds: list[OpmlFeed], skipped: list[OpmlSkip]) -> None:
    for el in parent:
        if _local(el.tag) != "outline":
            continue
        attrs = {k.lower(): v for k, v in el.attrib.items()}
        text = clean_text(attrs.get("text") or attrs.get("title") or "")
        raw_url = (attrs.get("xmlurl") or "").strip()
        if not raw_url:
            _walk(el, text[:60] or group, feeds, skipped)  # a folder: its text is the category
            continue
        title = clean_text(attrs.get("title") or attrs.get("text") or "")[:300]
        url = safe_link(raw_url)
        if url is None:
            skipped.append(OpmlSkip(title, clean_text(raw_url)[:200], "not an http(s) URL"))
            continue
        feeds.append(
            OpmlFeed(
                url=url,
                title=title,
                category=_category(attrs.get("category", "")) or group,
                html_url=safe_link(attrs.get("htmlurl") or ""),
                enabled=attrs.get("enabled", "true").strip().lower() not in ("false", "0", "no"),
            )
        )


def _category(value: str) -> str:
    first = value.split(",", 1)[0]
    return clean_text(first).strip("/ ")[:60]


def _local(tag: object) -> str:
    """Tag name without a namespace."""
    return str(tag).rsplit("}", 1)[-1].lower()


def build_opml(feeds: Iterable[FeedLike], title: str, now: dt.datetime) -> bytes:
    """An OPML 2.0 document: one folder outline per category, feeds inside.

    Every feed outline also carries its `category` attribute, so readers that flatten
    folders keep it; disabled feeds carry `enabled="false"` (ignored by other readers).
    """
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = email.utils.format_datetime(
        now.astimezone(dt.UTC), usegmt=True
    )
    body = ET.SubElement(root, "body")
    folders: dict[str, ET.Element] = {}
    for feed in feeds:
        parent = body
        if feed.category:
            if feed.category not in folders:
                folders[feed.category] = ET.SubElement(
                    body, "outline", text=feed.category, title=feed.category
                )
            parent = folders[feed.category]
        attrs = {"type": "rss", "text": feed.title or feed.url, "title": feed.title or feed.url}
        attrs["xmlUrl"] = feed.url
        if feed.html_url:
            attrs["htmlUrl"] = feed.html_url
        if feed.category:
            attrs["category"] = feed.category
        if not feed.enabled:
            attrs["enabled"] = "false"
        ET.SubElement(parent, "outline", attrs)
    ET.indent(root, space="  ")
    document: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return document + b"\n"
