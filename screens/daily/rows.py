"""Turning records into panel rows: titles and the localised meta text beside them."""

from __future__ import annotations

import datetime as dt

from rich.text import Text

from cockpit.core.i18n import relative_day, short_age, t
from cockpit.core.model import Item
from cockpit.feeds.store import Entry
from cockpit.feeds.watch import Watch
from cockpit.items.rules import Due
from cockpit.screens.reading.watched import marked
from cockpit.screens.widgets.rowline import Row
from cockpit.screens.widgets.textfit import clip

FEED_NAME_CELLS = 14


ITEM_PANELS = ("key", "carry", "plan", "ops")
"""The daily panels that list items (the others list customers, agenda and news)."""


def item_row(item: Item, today: dt.date, week: str) -> Row:
    """Title (with tags, dim) and meta: carried count, due date, customer."""
    title = Text(item.title)
    if item.tags:
        title.append("  " + " ".join(f"+{tag}" for tag in item.tags), style="dim")
    parts: list[Text] = []
    due = item.due_date()
    if item.recur:  # repeats: finishing it makes the next one (`cockpit.items.series`)
        parts.append(Text("↻", style="dim"))
    if due is not None:
        when = relative_day(due, today)
        if due < today:
            parts.append(Text(t("meta.overdue", when=when), style="bold red"))
        elif (due - today).days <= 2:
            parts.append(Text(t("meta.due", when=when), style="bold yellow"))
        else:
            parts.append(Text(t("meta.due", when=when), style="cyan"))
    if item.is_open and item.week < week:
        label = t("meta.carried", n=item.carried) if item.carried else item.week[-3:]
        parts.append(Text(label, style="yellow"))
    elif item.is_open and item.week > week:
        # Shown this week only because it is due: say where it is planned.
        parts.append(Text(t("meta.week", week=item.week[-3:]), style="dim"))
    if item.customer:
        parts.append(Text(t("meta.customer", name=item.customer), style="magenta"))
    return Row(item.id, title, Text(" · ").join(parts))


def customer_row(due: Due, today: dt.date) -> Row:
    """Name and tier, and why the customer is due."""
    cust = due.customer
    title = Text(cust.name)
    title.append(f"  {t('tier.' + cust.tier)}", style="bold" if cust.tier == "top" else "dim")
    if cust.industry:
        title.append(f" · {cust.industry}", style="dim")
    if due.reason == "followup" and due.since is not None:
        meta = Text(t("cust.followup_due", when=relative_day(due.since, today)), style="red")
    elif due.reason == "untouched" and due.since is not None:
        meta = Text(t("cust.untouched", when=relative_day(due.since, today)), style="yellow")
    else:
        meta = Text(t("cust.never"), style="yellow")
    return Row(cust.id, title, meta)


def entry_row(
    entry: Entry, now: dt.datetime, watch: Watch | None = None, watched: bool = False
) -> Row:
    """Headline (marked when it names a watch word), and the feed name with its age."""
    title = Text(entry.title, style="dim" if entry.read else "")
    if watch is not None:
        title = marked(title, watch, watched)
    if entry.starred:
        title = Text("★ ", style="yellow") + title
    age = ""
    if entry.published:
        try:
            moment = dt.datetime.fromisoformat(entry.published)
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=now.tzinfo)
            age = short_age(moment, now)
        except ValueError:
            age = ""
    meta = Text(entry.feed, style="dim")
    meta = clip(meta, FEED_NAME_CELLS)  # cell-aware: CJK counts double, no gap before …
    if age:
        meta.append(f" · {age}", style="dim")
    return Row(entry.id, title, meta)
