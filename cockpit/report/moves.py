"""The weekly report's big movements (客户&业务): where the pipeline stands and the big
deals and key accounts whose stage moved this week, worded in the report's language.

Kept apart from the report's parts so the report can be rewritten around it: the part
calls `big_moves` and lays out the lines it returns (plain text, no list marks). What
counts as big is `cockpit.customers.accounts`' rule, the customers screen's too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from cockpit.core.i18n import CATALOG, fill
from cockpit.customers.accounts import big_deals, big_moves, pipeline_total
from cockpit.customers.fields import short_deal

if TYPE_CHECKING:
    from cockpit.items.workspace import Workspace

NAMED = 3  # the largest open deals the pipeline line names


def _say(lang: str, key: str, **kwargs: object) -> str:
    en, zh = CATALOG[key]
    return fill(zh if lang == "zh" else en, kwargs)


def heading(lang: str) -> str:
    """The sub-heading of the movements, in `lang`."""
    return _say(lang, "report.big_moves")


def big_moves_lines(ws: Workspace, in_week: Callable[[str | None], bool], lang: str) -> list[str]:
    """The pipeline in one line, then one line per big move of the week (the largest
    deal first): `星河电信：商机 → 客户（成交，金额 120万）`. Nothing in a week without
    a big move: the pipeline alone is no movement."""
    customers = ws.customers.all()
    moved = big_moves(customers, in_week)
    if not moved:
        return []
    deals = big_deals(customers)
    total = pipeline_total(deals)
    if deals:
        names = ("、" if lang == "zh" else ", ").join(
            f"{' '.join(c.name.split())} {short_deal(c.deal_value, lang)}"
            for c in deals[:NAMED]
            if c.deal_value
        )
        lines = [
            _say(
                lang,
                "report.pipeline",
                n=len(deals),
                total=short_deal(total, lang) if total else "0",
                names=names or "-",
            )
        ]
    else:
        lines = []  # every move left the pipeline (won, lost): the moves say it all
    comma = "，" if lang == "zh" else ", "
    for move in moved:
        cust = move.customer
        extra = ""
        if cust.deal_value:
            extra = comma + _say(lang, "report.deal", value=short_deal(cust.deal_value, lang))
        if move.new == "churn-risk" and cust.churn_reason:
            extra += comma + " ".join(cust.churn_reason.split())
        name, what = " ".join(cust.name.split()), _say(lang, f"report.move.{move.kind}")
        if not move.old:
            lines.append(_say(lang, "report.move.line_new", name=name, what=what, extra=extra))
            continue
        old, new = (_say(lang, f"customers.stage.{s}") for s in (move.old, move.new))
        lines.append(
            _say(lang, "report.move.line", name=name, old=old, new=new, what=what, extra=extra)
        )
    return lines
