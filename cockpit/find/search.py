"""Find over everything: items (open, finished, archived), customers, feed entries,
requirements and launches, by free words and filters (`cockpit.find.query`).

Ranking is what a person expects from a few typed letters: the words at the start of a
word of the title first ("pgvec" finds "pgvector …"), then anywhere in the title, then
in the details (customer, tags, week); fuzzy matches (a typo: "replicaton") are added
only when the words themselves are (nearly) nowhere. Open work outranks history at
equal rank.

Text is normalised once when the index is built; a keystroke is then substring tests on
plain strings (C speed) over the records, plus, for a typo, one `rapidfuzz` pass over
the index's words (not its records), which stays within the budget on 25k records
(`bench/run.py`, `find_p95_ms`).
"""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
from collections.abc import Iterable

from rapidfuzz import fuzz, process, utils

from cockpit.find import pinyin
from cockpit.find.query import Query, due_matches, parse_query
from cockpit.find.records import Hit, Record

OPEN_KINDS = ("item", "customer")


class Segment:
    """Records of one source with their normalised text, prepared once.

    The finder keeps segments of large, rarely changing sources (the archive, feed
    entries) between openings and rebuilds only the small ones that a keypress changes.
    """

    def __init__(self, records: Iterable[Record]) -> None:
        self.records = list(records)
        # " title " with words separated by single spaces: " " + word is a word start.
        self.titles = [f" {utils.default_process(r.text)} " for r in self.records]
        self.choices = [
            f"{title}{utils.default_process(r.extra or r.detail)} "
            for title, r in zip(self.titles, self.records, strict=True)
        ]
        # The part of a hit's rank that does not depend on the query: open work first,
        # shorter titles first (computed once, so ranking a common word stays cheap).
        self.bonus = [
            (8.0 if r.kind in OPEN_KINDS else 0.0)
            + (4.0 if r.status in ("open", "") else 0.0)
            - len(title) / 200
            for title, r in zip(self.titles, self.records, strict=True)
        ]
        # What the filters test, as plain strings: "\0pg\0upgrade" makes `+pg` one
        # substring test per record ("\0" + typed text starts a tag).
        self.tag_keys = ["".join(f"\0{t}" for t in r.tags) for r in self.records]
        self.customer_keys = [r.customer.casefold() for r in self.records]
        # Pinyin keys of the records holding Chinese: `hhyh` finds 瀚海银行. The title and
        # the names beside it (customer, owner, feed), not the notes: keys stay small.
        self.pinyin = pinyin.Keys([(r.text, r.names) for r in self.records])
        self._words: frozenset[str] | None = None

    def words(self) -> frozenset[str]:
        """Every word of the titles and details (for typos: built on first need)."""
        if self._words is None:
            self._words = frozenset(w for c in self.choices for w in c.split())
        return self._words


class SearchIndex:
    """An immutable snapshot of searchable records."""

    SHORT = 2  # queries this short match literally: fuzzy scores of 1-2 letters are noise
    FUZZY_BELOW = 5  # fuzzy matches only fill a list this short: next to found words, noise

    def __init__(self, records: Iterable[Record] | Iterable[Segment]) -> None:
        parts = list(records)
        segments = [p for p in parts if isinstance(p, Segment)]
        loose = [p for p in parts if isinstance(p, Record)]
        if loose:
            segments.append(Segment(loose))
        self.records = [r for seg in segments for r in seg.records]
        self._titles = [t for seg in segments for t in seg.titles]
        self._choices = [c for seg in segments for c in seg.choices]
        self._static = [b for seg in segments for b in seg.bonus]
        self._tag_keys = [k for seg in segments for k in seg.tag_keys]
        self._customer_keys = [k for seg in segments for k in seg.customer_keys]
        self._order: list[tuple[bool, str, bool, int]] | None = None
        self._lists = [r.list for r in self.records]
        self._statuses = [r.status for r in self.records]
        self._segments = segments
        self._vocabulary: list[str] | None = None
        self._bases = list(itertools.accumulate((len(s.records) for s in segments), initial=0))
        self._pinyin_found: dict[str, dict[int, bool]] = {}

    def __len__(self) -> int:
        return len(self.records)

    def search(
        self, query: str | Query, limit: int = 30, today: dt.date | None = None
    ) -> list[Hit]:
        """Best matches for `query` (text, parsed when needed), best first.

        An empty query gives nothing; filters alone list what they select (open work,
        earliest due first). `today` dates the `due:` filters (default: the local date).
        """
        parsed = query if isinstance(query, Query) else parse_query(query, today or dt.date.today())
        pool = self._filtered(parsed) if parsed.filters else None
        needle = utils.default_process(parsed.text)
        if not needle:
            return self._listed(pool, limit) if pool is not None else []
        tokens = needle.split()
        if len(needle) <= self.SHORT:
            return self._short(needle, pool, limit)
        found = self._literal(tokens, pool, limit)
        out = [self._hit(i, score) for score, i in found]
        if len(out) < self.FUZZY_BELOW:  # the words are not there: a typo, most likely
            out += self._fuzzy(tokens, pool, {i for _s, i in found}, limit - len(out))
        return out

    # the passes ---------------------------------------------------------------------
    def _by_pinyin(self, token: str) -> dict[int, bool]:
        """Records `token` finds by pinyin (index -> in the title), kept for the next
        keystrokes (the first word of "ha 复盘" stays while the second is typed)."""
        found = self._pinyin_found.get(token)
        if found is None:
            # What a prefix found bounds what this finds ("hhy" -> "hhyh"): search only there.
            shorter = next(
                (self._pinyin_found[token[:n]] for n in range(len(token) - 1, 1, -1)
                 if token[:n] in self._pinyin_found),
                None,
            )  # fmt: skip
            found = {}
            for base, seg in zip(self._bases, self._segments, strict=False):
                end = base + len(seg.records)
                within = None
                if shorter is not None:
                    within = {i - base: t for i, t in shorter.items() if base <= i < end}
                found.update({base + i: t for i, t in seg.pinyin.find(token, within).items()})
            if len(self._pinyin_found) > 64:
                self._pinyin_found.clear()
            self._pinyin_found[token] = found
        return found

    def _literal(
        self, tokens: list[str], pool: list[int] | None, limit: int
    ) -> list[tuple[float, int]]:
        """The best `limit` (score, index) of the records holding every token.

        Tiers: every word at a word start of the title (300), inside the title (200),
        in the details (100). Only the tiers needed to fill `limit` are scored, so a
        common prefix ("pos": thousands of hits) costs little more than a rare one.
        """
        longest = max(tokens, key=len)
        choices, titles = self._choices, self._titles
        spoken = {t: self._by_pinyin(t) for t in tokens}
        if pool is None:
            candidates = [i for i, c in enumerate(choices) if longest in c]
        else:
            candidates = [i for i in pool if longest in choices[i]]
        extra = []
        if any(spoken.values()):
            extra = self._with_pinyin(tokens, spoken, candidates, longest, pool, limit)
        others = [t for t in tokens if t is not longest]
        if others:
            candidates = [i for i in candidates if all(t in choices[i] for t in others)]
        tiers: list[tuple[float, list[int]]] = []
        rest = candidates
        for base, words in ((300.0, [" " + w for w in tokens]), (200.0, tokens), (100.0, [])):
            if len(words) == 1:  # the common case, kept to one C-speed test per record
                word = words[0]
                inside = [i for i in rest if word in titles[i]]
            else:
                inside = [i for i in rest if all(w in titles[i] for w in words)]
            tiers.append((base, inside))
            if len(inside) >= limit or base == 100.0:
                break
            taken = set(inside)
            rest = [i for i in rest if i not in taken]
        scored: list[tuple[float, int]] = []
        static, first = self._static, tokens[0]
        phrase = " " + " ".join(tokens) if len(tokens) > 1 else ""
        for base, inside in tiers:
            # Within a tier: open work, early in a short title, the words together.
            ranked = [
                (base + static[i] - min(max(titles[i].find(first), 0), 40) / 8, i) for i in inside
            ]
            if phrase:
                ranked = [(s + (20.0 if phrase in titles[i] else 0.0), i) for s, i in ranked]
            scored += heapq.nlargest(limit - len(scored), ranked)
            if len(scored) >= limit:
                break
        if extra:  # the records only pinyin finds, ranked among the others
            return heapq.nlargest(limit, scored + extra)
        return scored

    def _with_pinyin(
        self,
        tokens: list[str],
        spoken: dict[str, dict[int, bool]],
        typed: list[int],
        longest: str,
        pool: list[int] | None,
        limit: int,
    ) -> list[tuple[float, int]]:
        """The records that hold every word as typed or as pinyin, in any order, and
        some only as pinyin (those holding every word as typed are `_literal`'s). A
        record ranks by its weakest word: pinyin of the title 250 (between a word start
        of the title, 300, and inside it, 200), in the details 100."""
        choices, titles, static = self._choices, self._titles, self._static
        # Every hit holds the longest word as typed (`typed`, from the literal pass) or
        # as pinyin: start from those records.
        allowed = None if pool is None else set(pool)
        candidates = set(typed)
        candidates.update(i for i in spoken[longest] if allowed is None or i in allowed)
        scored: list[tuple[float, int]] = []
        for i in candidates:
            title, choice, worst, by_ear = titles[i], choices[i], 300.0, False
            for word in tokens:
                heard = spoken[word].get(i)
                if " " + word in title:
                    tier = 300.0
                elif heard:
                    tier, by_ear = 250.0, True
                elif word in title:
                    tier = 200.0
                elif word in choice:
                    tier = 100.0
                elif heard is not None:
                    tier, by_ear = 100.0, True
                else:
                    break
                worst = min(worst, tier)
            else:
                if by_ear:
                    scored.append((worst + static[i], i))
        return heapq.nlargest(limit, scored)

    def _fuzzy(
        self, tokens: list[str], pool: list[int] | None, taken: set[int], limit: int
    ) -> list[Hit]:
        """Hits for the query with typos corrected word by word ("replicaton" reads as
        "replication"): each typed word of 4+ letters is matched against the index's
        words, and the literal pass runs again with the closest ones. Word-level
        matching keeps this cheap, and a correction must be close (rapidfuzz ratio 80+):
        "pgvec" never turns into "pgconf"."""
        vocabulary = self._words_list()
        choices: list[list[str]] = []
        for token in tokens:
            close: list[str] = []
            if len(token) >= 4:
                found = process.extract(
                    token, vocabulary, scorer=fuzz.ratio, limit=3, score_cutoff=80
                )
                close = [word for word, _score, _at in found if word != token]
            choices.append([token, *close])
        out: list[Hit] = []
        for combo in itertools.islice(itertools.product(*choices), 1, 9):  # not as typed
            for score, index in self._literal(list(combo), pool, limit):
                if index not in taken and len(out) < limit:
                    taken.add(index)
                    out.append(self._hit(index, score - 250.0))  # below every real match
        return out

    def prepare(self) -> None:
        """Build now what a typo needs (the word list), e.g. right after the finder is
        drawn, so the first misspelt keystroke does not pay for it."""
        self._words_list()

    def _words_list(self) -> list[str]:
        if self._vocabulary is None:
            self._vocabulary = sorted(frozenset().union(*(s.words() for s in self._segments)))
        return self._vocabulary

    def _short(self, needle: str, pool: list[int] | None, limit: int) -> list[Hit]:
        """One or two letters: word starts in titles of open work, then of everything,
        then titles whose pinyin starts with them ("hh": 瀚海), then anywhere in titles,
        then in details; only the `limit` shown become hits."""
        titles, choices = self._titles, self._choices
        indexes: Iterable[int] = range(len(titles)) if pool is None else pool
        start = " " + needle
        tiers: list[list[int]] = [[], [], [], []]
        for i in indexes:
            title = titles[i]
            if start in title:
                tiers[0 if self.records[i].kind in OPEN_KINDS else 1].append(i)
            elif needle in title:
                tiers[2].append(i)
            elif needle in choices[i]:
                tiers[3].append(i)
            if len(tiers[0]) >= limit:
                break
        if len(tiers[0]) + len(tiers[1]) < limit:
            # Only the first few are shown: the scan stops there (not kept for later).
            heard: dict[int, bool] = {}
            for base, seg in zip(self._bases, self._segments, strict=False):
                found = seg.pinyin.find(needle, stop=limit * 2)
                heard.update({base + i: title for i, title in found.items()})
            allowed = None if pool is None else set(pool)
            taken = set(tiers[0]) | set(tiers[1])
            by_ear = [
                i
                for i, in_title in heard.items()
                if in_title and i not in taken and (allowed is None or i in allowed)
            ]
            tiers.insert(2, sorted(by_ear, key=lambda i: -self._static[i]))
        picked = list(dict.fromkeys(i for tier in tiers for i in tier))[:limit]
        return [self._hit(i, 300.0 - n) for n, i in enumerate(picked)]

    def _listed(self, pool: list[int], limit: int) -> list[Hit]:
        """Filters without words: open work first, the earliest due first."""
        if self._order is None:  # built on the first filter-only query, then kept
            self._order = [
                (r.status not in ("open", ""), r.due or "9999", r.kind != "item", r.ref)
                for r in self.records
            ]
        order = self._order
        picked = heapq.nsmallest(limit, pool, key=order.__getitem__)
        return [self._hit(i, 100.0 - n) for n, i in enumerate(picked)]

    def _filtered(self, query: Query) -> list[int]:
        """Indexes of the records every filter of `query` keeps (one pass per filter,
        each a plain test per record, the most selective first)."""
        records = self.records
        keep: list[int] = list(range(len(records)))
        for tag in query.tags:
            key, keys = "\0" + tag, self._tag_keys
            keep = [i for i in keep if key in keys[i]]
        for name in query.customers:
            customers = self._customer_keys
            keep = [i for i in keep if name in customers[i]]
        if query.lists:
            lists, wanted = self._lists, frozenset(query.lists)
            keep = [i for i in keep if lists[i] in wanted]
        if query.statuses:
            statuses, wanted = self._statuses, frozenset(query.statuses)
            keep = [i for i in keep if statuses[i] in wanted]
        if query.due:
            keep = [
                i
                for i in keep
                if records[i].due and due_matches(records[i].due, records[i].status, query.due)
            ]
        return keep

    def _hit(self, index: int, score: float) -> Hit:
        rec = self.records[index]
        return Hit(rec.kind, rec.ref, rec.text, rec.detail, score)
