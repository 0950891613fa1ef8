"""The customers screen's detail pane: the customer card, touch log lines and linked
item lines. Plain Rich renderables; the screen puts them in its widgets."""

from __future__ import annotations

import datetime as dt

from rich.table import Table
from rich.text import Text

from cockpit.core.i18n import relative_day, t
from cockpit.core.model import Customer, Item, Touch
from cockpit.items.rules import Due
from cockpit.metrics.trends import format_number
from cockpit.screens.customers.table import STAGE_STYLE, label
from cockpit.screens.widgets.rowline import Row


def card(cust: Customer, due: Due | None, today: dt.date) -> Table:
    """Label/value lines of one customer; a due follow-up in red, a neglected top
    customer with the reason (the daily screen's words)."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(overflow="fold")
    none = Text(t("customers.card.none"), style="dim")

    def when(stamp: str | None) -> Text:
        if not stamp:
            return none.copy()
        day = dt.date.fromisoformat(stamp)
        return Text(f"{short_date(day, today)} ({relative_day(day, today)})")

    stage = Text(label("stage", cust.stage), style=STAGE_STYLE.get(cust.stage, ""))
    if cust.stage_since:
        since = short_date(dt.date.fromisoformat(cust.stage_since), today)
        stage.append(" " + t("customers.card.since", date=since), style="dim")
    profile = Text(label("tier", cust.tier), style="bold" if cust.tier == "top" else "")
    for part in (cust.industry, cust.region):
        if part:
            profile.append(" · " + part)
    sales = " · ".join(x for x in (cust.owner, label("source", cust.source)) if x)
    deal = Text(format_number(cust.deal_value)) if cust.deal_value else none
    follow = when(cust.next_followup)
    if due is not None:
        follow.stylize("red" if due.reason == "followup" else "")
    grid.add_row(Text(t("customers.card.stage")), stage)
    grid.add_row(Text(t("customers.card.deal")), deal)
    grid.add_row(Text(t("customers.card.where")), profile)
    grid.add_row(Text(t("customers.card.owner")), Text(sales) or none)
    grid.add_row(Text(t("customers.card.next")), follow)
    grid.add_row(Text(t("customers.card.last")), when(cust.last_touch))
    if cust.churn_reason:
        grid.add_row(Text(t("customers.card.churn")), Text(cust.churn_reason, style="red"))
    if due is not None:
        grid.add_row(Text("●", style=_DUE_STYLE[due.reason]), due_text(due, today))
    if cust.notes:
        grid.add_row(Text(t("customers.card.notes")), Text(cust.notes))
    return grid


_DUE_STYLE = {"followup": "red", "untouched": "yellow", "never": "yellow"}


def due_text(due: Due, today: dt.date) -> Text:
    """Why the customer is due a call, in the words of the daily screen's rule."""
    if due.reason == "followup" and due.since is not None:
        text = t("customers.due.followup", when=relative_day(due.since, today))
    elif due.reason == "untouched" and due.since is not None:
        text = t("customers.due.untouched", n=(today - due.since).days)
    else:
        text = t("customers.due.never")
    return Text(text, style=_DUE_STYLE[due.reason])


def short_date(day: dt.date, today: dt.date) -> str:
    """`11-16` in the current year, `2025-11-16` before it: the year only when it tells."""
    return day.isoformat()[5:] if day.year == today.year else day.isoformat()


def touch_row(touch: Touch, today: dt.date) -> Row:
    """`11-16 call Note…`: the year only when it is not this one."""
    line = Text(short_date(dt.date.fromisoformat(touch.date), today), style="dim")
    line.append(" " + label("channel", touch.channel), style="cyan")
    line.append(" " + " ".join(touch.note.split()))
    return Row(touch.id, line, Text(""))


def item_row(item: Item) -> Row:
    """The item's title (finished ones dim, ticked or crossed) and its week."""
    title = Text(("✓ " if item.status == "done" else "✗ " if not item.is_open else "") + item.title)
    if not item.is_open:
        title.stylize("dim")
    return Row(item.id, title, Text(item.week, style="dim"))
