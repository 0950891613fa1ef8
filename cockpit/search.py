"""Fuzzy find over everything: items (open, finished, archived), customers, feed entries.

Choices are normalised once when the index is built; each keystroke is then one
`rapidfuzz.process.extract` call over plain strings, which stays in the low
milliseconds for ~10k records.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

from cockpit.model import Customer, Item


@dataclass(frozen=True)
class Hit:
    """One search result: what it is, its id, the text shown and the score (0-100)."""

    kind: str  # "item" | "archived" | "customer" | "entry"
    ref: int
    text: str
    detail: str
    score: float


@dataclass(frozen=True)
class Record:
    kind: str
    ref: int
    text: str
    detail: str


class SearchIndex:
    """An immutable snapshot of searchable records."""

    def __init__(self, records: Iterable[Record]) -> None:
        self.records = list(records)
        self._titles = [utils.default_process(r.text) for r in self.records]
        self._choices = [
            f"{title} {utils.default_process(r.detail)}"
            for title, r in zip(self._titles, self.records, strict=True)
        ]

    def __len__(self) -> int:
        return len(self.records)

    def search(self, query: str, limit: int = 30) -> list[Hit]:
        """Best matches for `query`, best first; an empty query gives nothing."""
        needle = utils.default_process(query)
        if not needle:
            return []
        # partial_ratio finds the needle anywhere in a long title without the length
        # penalty WRatio applies; typos still match. Candidates are then re-ranked.
        found = process.extract(
            needle,
            self._choices,
            scorer=fuzz.partial_ratio,
            processor=None,
            limit=limit * 3,
            score_cutoff=70,
        )
        out = []
        for _choice, score, index in found:
            rec = self.records[index]
            rank = float(score)
            if needle in self._titles[index]:
                rank += 20  # the words you typed, literally, in the title
            elif needle in self._choices[index]:
                rank += 10
            # Open work outranks history at equal scores: it is what you act on.
            rank += 2.0 if rec.kind in ("item", "customer") else 0.0
            out.append(Hit(rec.kind, rec.ref, rec.text, rec.detail, rank))
        out.sort(key=lambda h: -h.score)
        return out[:limit]


def item_records(items: Iterable[Item], archived: bool = False) -> list[Record]:
    out = []
    for item in items:
        kind = "archived" if archived else "item"
        tags = " ".join(f"+{t}" for t in item.tags)
        detail = f"{item.week} {item.status} {item.customer} {tags}".strip()
        out.append(Record(kind, item.id, item.title, " ".join(detail.split())))
    return out


def customer_records(customers: Iterable[Customer]) -> list[Record]:
    return [
        Record("customer", c.id, c.name, " ".join(f"{c.tier} {c.industry} {c.region}".split()))
        for c in customers
    ]


def entry_records(entries: Iterable[tuple[int, str, str]]) -> list[Record]:
    """Feed entries as (id, title, feed name)."""
    return [Record("entry", ref, title, feed) for ref, title, feed in entries]
