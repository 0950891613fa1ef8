"""`a` on the reading screen: subscribe to a feed by its URL (category and title optional).

The URL is checked here, so a mistake is one sentence next to the form in the UI's
language: an http(s) address with a host, not one already subscribed.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical

from cockpit.core.i18n import t
from cockpit.core.text import safe_link
from cockpit.feeds.model import Feed, normalize_url
from cockpit.screens.dialogs.forms import Form, FormError
from cockpit.screens.safe import Label


class FeedForm(Form):
    """URL, category, title; returns them checked (or None when cancelled)."""

    def __init__(self, feeds: list[Feed], category: str = "") -> None:
        super().__init__(t("feeds.form.add"))
        self.known = {normalize_url(f.url): f for f in feeds}
        self.category = category

    def compose(self) -> ComposeResult:
        with Vertical(classes="form", id="feed-form"):
            yield Label(self.form_title, classes="form-title")
            yield from self.field("feeds.form.url", "feed-url")
            yield from self.field("feeds.form.category", "feed-category", self.category)
            yield from self.field("feeds.form.title", "feed-title")
            yield Label(t("form.hint"), classes="form-hint")

    def collect(self) -> dict[str, Any]:
        raw = self.text("feed-url")
        if not raw:
            raise FormError("feed-url", t("feeds.url_required"))
        url = safe_link(raw)
        if url is None:
            raise FormError("feed-url", t("feeds.bad_url", url=raw[:100]))
        known = self.known.get(normalize_url(url))
        if known is not None:
            raise FormError("feed-url", t("feeds.already", title=known.title or known.url))
        return {
            "url": url,
            "category": self.text("feed-category"),
            "title": self.text("feed-title"),
        }
