"""Big deals and key accounts (seed 001): the open opportunities ranked by deal value,
the book grouped by industry, region or source, and the week's big movements.

Pure functions over `Customer` records: the customers screen, `customers ls --by` and
the weekly report read the same numbers, so they always agree.

- The pipeline is the open opportunities (stage `opportunity`); a lead has no deal yet
  worth counting, a won deal is a customer.
- A group counts every record whose field has that value ("" groups the unset ones):
  all accounts, the customers among them (stage customer or churn risk), the open
  opportunities and their total deal value, and the churn risks.
- A move is big when its deal is among the book's `BIG_RANK` largest (whatever the
  stage: a deal just won or lost is still big; "big" follows the book's own scale,
  whatever unit the PM counts in), or the customer is a top or key account.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from cockpit.core.model import Customer

NameKey = Callable[[str], Any]
"""How names order (`cockpit.find.pinyin.sort_key` on screens and the command line,
so 瀚海 sorts among the H names; plain case-folding where pinyin is out of reach)."""

GROUP_KEYS = ("industry", "region", "source")
BIG_RANK = 10
NUMBERS = ("accounts", "customers", "opportunities", "pipeline", "share", "churn_risks")
"""The columns of a grouped view, in order (`share` is the group's part of the pipeline)."""
KEY_TIERS = ("top", "key")


@dataclass(frozen=True)
class Group:
    """One value of a grouping key and what the book holds under it."""

    key: str
    accounts: int = 0
    customers: int = 0
    opportunities: int = 0
    pipeline: float = 0.0
    churn_risks: int = 0

    def public(self, by: str) -> dict[str, object]:
        """The JSON shape of `customers ls --by … --json`."""
        return {
            by: self.key,
            "accounts": self.accounts,
            "customers": self.customers,
            "opportunities": self.opportunities,
            "pipeline": self.pipeline,
            "churn_risks": self.churn_risks,
        }


def big_deals(customers: Iterable[Customer], sort_key: NameKey = str.casefold) -> list[Customer]:
    """The open opportunities, the largest deal first (ties by name, as a contact list
    orders it); opportunities without a deal value come last, by name."""
    opps = [c for c in customers if c.stage == "opportunity"]
    valued = sorted(
        (c for c in opps if c.deal_value), key=lambda c: (-(c.deal_value or 0), sort_key(c.name))
    )
    rest = sorted((c for c in opps if not c.deal_value), key=lambda c: sort_key(c.name))
    return valued + rest


def pipeline_total(customers: Iterable[Customer]) -> float:
    """The deal value of every open opportunity, added up."""
    return sum(c.deal_value or 0.0 for c in customers if c.stage == "opportunity")


def grouped(
    customers: Iterable[Customer], by: str, sort_key: NameKey = str.casefold
) -> list[Group]:
    """The book grouped by `by` (one of `GROUP_KEYS`): the largest pipeline first, then
    the most accounts, then by name; the unset group last.

    Raises:
        ValueError: `by` is not a grouping key (callers check the word first).
    """
    if by not in GROUP_KEYS:
        raise ValueError(by)
    tally: dict[str, list[float]] = {}
    for cust in customers:
        row = tally.setdefault(getattr(cust, by) or "", [0, 0, 0, 0.0, 0])
        row[0] += 1
        if cust.stage in ("customer", "churn-risk"):
            row[1] += 1
        if cust.stage == "opportunity":
            row[2] += 1
            row[3] += cust.deal_value or 0.0
        if cust.stage == "churn-risk":
            row[4] += 1
    groups = [
        Group(key, int(a), int(c), int(o), float(p), int(r))
        for key, (a, c, o, p, r) in tally.items()
    ]
    groups.sort(key=lambda g: (g.key == "", -g.pipeline, -g.accounts, sort_key(g.key)))
    return groups


def in_group(cust: Customer, by: str, key: str) -> bool:
    """True when the customer falls in group `key` of grouping `by`."""
    return (getattr(cust, by) or "") == key


def big_floor(customers: Iterable[Customer]) -> float | None:
    """The deal value a move needs to be big: the `BIG_RANK`-th largest deal of the
    book (the smallest when there are fewer); None when no customer has one."""
    values = sorted((c.deal_value for c in customers if c.deal_value), reverse=True)
    return values[min(BIG_RANK, len(values)) - 1] if values else None


@dataclass(frozen=True)
class Move:
    """A customer whose stage changed in the week: from where to where, and what kind
    of move that is (`new`, `won`, `lost`, `at-risk`, `recovered`, `churned`, `cooled`,
    `moved`)."""

    customer: Customer
    old: str
    new: str
    kind: str


def move_kind(old: str, new: str) -> str:
    """What a stage change means for the business."""
    if new == "opportunity":
        return "new" if old in ("", "lead") else "moved"
    if new == "customer":
        if old == "churn-risk":
            return "recovered"
        return "won" if old in ("lead", "opportunity") else "moved"
    if new == "churn-risk":
        return "at-risk"
    if new == "churned":
        return "lost" if old in ("lead", "opportunity") else "churned"
    return "cooled" if old == "opportunity" else "moved"


def big_moves(
    customers: Iterable[Customer],
    in_week: Callable[[str | None], bool],
    sort_key: NameKey = str.casefold,
) -> list[Move]:
    """The big moves of a week: customers whose stage was set in the week (`in_week`
    reads an ISO date) or that were added in it as an opportunity, big by deal or tier;
    the largest deal first, then by name."""
    book = list(customers)
    floor = big_floor(book)
    out: list[Move] = []
    for cust in book:
        # A stage set by hand (a recorded `stage_from`), not a record typed or imported.
        changed = in_week(cust.stage_since) and cust.stage_from not in ("", cust.stage)
        added = in_week(cust.created) and cust.stage == "opportunity"
        if not (changed or added):
            continue
        big = cust.tier in KEY_TIERS or (
            floor is not None and cust.deal_value is not None and cust.deal_value >= floor
        )
        if not big:
            continue
        old = "" if added and not changed else cust.stage_from
        out.append(Move(cust, old, cust.stage, move_kind(old, cust.stage)))
    out.sort(key=lambda m: (-(m.customer.deal_value or 0), sort_key(m.customer.name)))
    return out
