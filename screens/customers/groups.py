"""The customers screen's grouped views: one line per industry, region or source with
its accounts, customers, open opportunities, pipeline, share of the pipeline and churn
risks, and the card of the highlighted group. Text only, measured in terminal cells
(Chinese group names keep the numbers in their columns), fitting 80 columns.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Group as Lines
from rich.text import Text

from cockpit.core.i18n import language, t
from cockpit.core.model import Customer
from cockpit.customers.accounts import NUMBERS, Group, big_deals, in_group
from cockpit.customers.fields import short_deal
from cockpit.find.pinyin import sort_key
from cockpit.screens.widgets.textfit import clip

WIDTH = 9  # each number column, its gap included: "Pipeline" and 商机金额 fit
BIGGEST = 5  # deals named on a group's card


def group_name(group: Group) -> str:
    """The group's value, or "(not set)" for the records without one."""
    return group.key or t("customers.group.none")


def _money(value: float) -> str:
    return short_deal(value, language()) if value else "-"


def _share(part: float, total: float) -> str:
    return f"{part / total:.0%}" if total else "-"


def name_width(width: int) -> int:
    """Cells left for the group's name in a line `width` cells wide."""
    return max(width - 2 - WIDTH * len(NUMBERS), 6)


def _right(text: Text) -> Text:
    text = clip(text, WIDTH - 1)
    return Text(" " * (WIDTH - text.cell_len)) + text


def header(by: str, width: int) -> Text:
    """Column titles: the key (Industry, 区域 …), then the number columns."""
    line = Text("  ")
    title = Text(t(f"customers.col.{by}"), style="bold")
    line.append_text(clip(title, name_width(width), pad=True))
    for col in NUMBERS:
        line.append_text(_right(Text(t(f"customers.group.col.{col}"), style="bold")))
    return line


def row_text(group: Group, total: float, width: int) -> Text:
    """One group: the name, then its numbers; a churn risk in red, an empty cell dim."""
    line = Text("  ")
    name = Text(group_name(group), style="dim italic" if not group.key else "")
    line.append_text(clip(name, name_width(width), pad=True))
    cells = {
        "accounts": str(group.accounts),
        "customers": str(group.customers),
        "opportunities": str(group.opportunities),
        "pipeline": _money(group.pipeline),
        "share": _share(group.pipeline, total) if group.pipeline else "-",
        "churn_risks": str(group.churn_risks),
    }
    for col in NUMBERS:
        value = cells[col]
        style = "dim" if value in ("0", "-") else ""
        if col == "churn_risks" and group.churn_risks:
            style = "bold red"
        elif col == "pipeline" and group.pipeline:
            style = "green"
        line.append_text(_right(Text(value, style=style)))
    return line


def card(group: Group, by: str, customers: Iterable[Customer], total: float) -> Lines:
    """The highlighted group in words, and its biggest open deals."""
    head = t(
        "customers.group.card",
        n=group.accounts,
        customers=group.customers,
        opps=group.opportunities,
        pipeline=_money(group.pipeline),
        share=_share(group.pipeline, total),
        risks=group.churn_risks,
    )
    deals = [c for c in big_deals(customers, sort_key) if in_group(c, by, group.key)][:BIGGEST]
    if deals:
        names = t("sep.names").join(
            f"{c.name} {_money(c.deal_value or 0)}" if c.deal_value else c.name for c in deals
        )
        biggest = Text(t("customers.group.biggest", names=names))
    else:
        biggest = Text(t("customers.group.no_deals"), style="dim")
    return Lines(Text(head), Text(""), biggest)
