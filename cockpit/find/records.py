"""What the finder searches and shows: a `Record` per item, customer or feed entry,
built from the domain's objects, and the `Hit` a search returns."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cockpit.core.i18n import t
from cockpit.core.model import Customer, Item

NOTES = 300  # the part of an item's notes that is searched


@dataclass(frozen=True)
class Hit:
    """One search result: what it is, its id, the text shown and the score."""

    kind: str  # "item" | "archived" | "customer" | "entry" | "requirement" | "launch"
    ref: int
    text: str
    detail: str
    score: float


@dataclass(frozen=True, slots=True)
class Record:
    """A searchable record: `text` (its title) and `extra` are searched, `detail` is
    shown beside the title; the rest serves the filters."""

    kind: str
    ref: int
    text: str
    detail: str
    extra: str = ""
    tags: tuple[str, ...] = ()
    customer: str = ""
    list: str = ""
    due: str = ""
    status: str = ""
    names: str = ""
    """People and companies beside the title (customer, owner, feed), found by pinyin."""


def item_records(items: Iterable[Item], archived: bool = False) -> list[Record]:
    """Items with what the filters need (tags, customer, list as shown, due, status)."""
    kind = "archived" if archived else "item"
    out = []
    for item in items:
        tags = tuple(t.casefold() for t in item.tags)
        shown_tags = " ".join(f"+{t}" for t in item.tags)
        listed = "key" if item.key or item.list == "key" else item.list
        # Owner, notes and annotations (`cockpit note`) are searched, not shown.
        noted = " ".join(text for _, text in item.annotations[-5:])
        extra = (
            f"{item.customer} {shown_tags} {item.week} {item.owner} {item.notes[:NOTES]} "
            f"{noted[:NOTES]}"
        )
        parts = [item.week[-3:] if item.week else ""]
        if item.status != "open":
            parts.append(t(f"find.status.{item.status}"))
        if item.due:
            parts.append(t("find.due", date=item.due))
        if item.customer:
            parts.append(f"@{item.customer}")
        if shown_tags:
            parts.append(shown_tags)
        out.append(
            Record(
                kind,
                item.id,
                item.title,
                " · ".join(p for p in parts if p),
                extra=extra,
                tags=tags,
                customer=item.customer,
                list=listed,
                due=item.due or "",
                status=item.status,
                names=f"{item.customer} {item.owner}",
            )
        )
    return out


def customer_records(customers: Iterable[Customer]) -> list[Record]:
    """Customers: `@name` selects the customer itself too."""
    return [
        Record(
            "customer",
            c.id,
            c.name,
            " · ".join(p for p in (t(f"tier.{c.tier}"), c.industry, c.region) if p),
            # Both words of the tier are searched ("top" and "重点"), and the sales owner.
            extra=f"{c.tier} {t(f'tier.{c.tier}')} {c.industry} {c.region} {c.owner}",
            customer=c.name,
            names=c.owner,
        )
        for c in customers
    ]


def entry_records(entries: Iterable[tuple[int, str, str]]) -> list[Record]:
    """Feed entries as (id, title, feed name)."""
    return [Record("entry", ref, title, feed, names=feed) for ref, title, feed in entries]
