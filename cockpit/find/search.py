"""Fuzzy find over everything: items (open, finished, archived), customers, feed entries.

Choices are normalised once when the index is built; each keystroke is then one
`rapidfuzz.process.extract` call over plain strings, which stays in the low
milliseconds for ~10k records.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

from cockpit.core.model import Customer, Item


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


class Segment:
    """Records of one source with their normalised text, prepared once.

    The finder keeps segments of large, rarely changing sources (the archive, feed
    entries) between openings and rebuilds only the small ones that a keypress changes.
    """

    def __init__(self, records: Iterable[Record]) -> None:
        self.records = list(records)
        self.titles = [utils.default_process(r.text) for r in self.records]
        self.choices = [
            f"{title} {utils.default_process(r.detail)}"
            for title, r in zip(self.titles, self.records, strict=True)
        ]


class SearchIndex:
    """An immutable snapshot of searchable records."""

    SHORT = 2  # queries this short match literally: fuzzy scores of 1-2 letters are noise

    def __init__(self, records: Iterable[Record] | Iterable[Segment]) -> None:
        parts = list(records)
        segments = [p for p in parts if isinstance(p, Segment)]
        loose = [p for p in parts if isinstance(p, Record)]
        if loose:
            segments.append(Segment(loose))
        self.records = [r for seg in segments for r in seg.records]
        self._titles = [t for seg in segments for t in seg.titles]
        self._choices = [c for seg in segments for c in seg.choices]

    def __len__(self) -> int:
        return len(self.records)

    def search(self, query: str, limit: int = 30) -> list[Hit]:
        """Best matches for `query`, best first; an empty query gives nothing."""
        needle = utils.default_process(query)
        if not needle:
            return []
        if len(needle) <= self.SHORT:
            return self._literal(needle, limit)
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

    def _literal(self, needle: str, limit: int) -> list[Hit]:
        """Substring matches: in titles of open work, titles of history, then details.

        One letter matches most records, so only the `limit` shown become `Hit`s.
        """
        in_title = [i for i, title in enumerate(self._titles) if needle in title]
        primary = [i for i in in_title if self.records[i].kind in ("item", "customer")]
        picked = primary[:limit]
        if len(picked) < limit:
            chosen = set(picked)
            picked += [i for i in in_title if i not in chosen][: limit - len(picked)]
        if len(picked) < limit:
            chosen = set(picked)
            rest = (i for i, c in enumerate(self._choices) if needle in c and i not in chosen)
            picked += [i for _, i in zip(range(limit - len(picked)), rest, strict=False)]
        out = []
        for index in picked:
            rec = self.records[index]
            rank = 100.0 + (20 if needle in self._titles[index] else 10)
            rank += 2.0 if rec.kind in ("item", "customer") else 0.0
            out.append(Hit(rec.kind, rec.ref, rec.text, rec.detail, rank))
        return out


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
