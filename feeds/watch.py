"""Watch words of the competitor watch (`[feeds] watch`): which entries name one.

Matching is what a reader expects in both languages: any case; a Latin word or name
(`EDB`, `pgvector`, `PostgreSQL 18`) matches only whole — not inside `EDBx` or
`PostgreSQL 180` — while a Chinese one (`国产数据库`) matches anywhere, because Chinese
writes no spaces between words (`发布国产数据库白皮书`). Spaces inside a watch word match
any run of white space, so a line break in a summary does not hide a name.

A workspace's entries are matched once per change of `entries.json` (`Matches`), not
on every keypress: marking an entry read changes only the state file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

# A Latin word ends where no Latin letter or digit follows: `\b` would not do, since
# Python counts Chinese characters as word characters (`发布PostgreSQL 18正式版`).
_LATIN = "0-9A-Za-z\u00c0-\u024f"


def _pattern(word: str) -> str:
    body = r"\s+".join(re.escape(part) for part in word.split())
    if re.match(f"[{_LATIN}]", word):
        body = f"(?<![{_LATIN}]){body}"
    if re.search(f"[{_LATIN}]$", word):
        body = f"{body}(?![{_LATIN}])"
    return body


class Watch:
    """The watch words of the config, compiled once."""

    def __init__(self, words: Iterable[str]) -> None:
        cleaned = (" ".join(w.split()) for w in words)
        self.words: tuple[str, ...] = tuple(dict.fromkeys(w for w in cleaned if w))
        # Longer words first: "PostgreSQL 18" is found whole before "PostgreSQL".
        ordered = sorted(self.words, key=len, reverse=True)
        self.regex: re.Pattern[str] | None = (
            re.compile("|".join(_pattern(w) for w in ordered), re.IGNORECASE) if ordered else None
        )
        # A quick first test on the case-folded text: the words without the look-arounds
        # that keep Latin words whole, which make a pattern ~7x slower per character.
        # Only texts it finds (few) meet the full pattern.
        plain = (r"\s+".join(map(re.escape, w.casefold().split())) for w in ordered)
        self._probe: re.Pattern[str] | None = re.compile("|".join(plain)) if ordered else None

    def __bool__(self) -> bool:
        return self.regex is not None

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where watch words occur in `text` (start, end), in order."""
        if self.regex is None:
            return []
        return [m.span() for m in self.regex.finditer(text)]

    def found(self, *texts: str) -> list[str]:
        """The watch words `texts` name, each once, as the config writes them."""
        if self.regex is None:
            return []
        seen: dict[str, None] = {}
        for text in texts:
            for m in self.regex.finditer(text):
                seen.setdefault(self._word_of(m.group(0)), None)
        return list(seen)

    def matches(self, *texts: str) -> bool:
        """Whether any of `texts` names a watch word."""
        regex, probe = self.regex, self._probe
        if regex is None or probe is None:
            return False
        text = "\n".join(texts)
        return probe.search(text.casefold()) is not None and regex.search(text) is not None

    def _word_of(self, hit: str) -> str:
        folded = " ".join(hit.split()).casefold()
        return next((w for w in self.words if w.casefold() == folded), hit)

    def entry_matches(self, doc: dict[str, Any]) -> bool:
        """Whether a stored entry (its document) names a watch word: title, summary or
        full text."""
        return self.matches(
            str(doc.get("title", "")), str(doc.get("summary", "")), str(doc.get("content", ""))
        )


class Matches:
    """The ids of the entries that name a watch word, kept between calls: only entries
    new or changed since the last call are matched again (a refresh commits every half
    second while feeds arrive; each commit must not rescan thousands of summaries)."""

    def __init__(self) -> None:
        self._words: tuple[str, ...] | None = None
        self._seen: dict[str, tuple[object, bool]] = {}
        self._stamp: object = None
        self._found: frozenset[int] = frozenset()
        self.newest = 0
        """The highest entry id of the last call's entries (ids only grow)."""

    def of(self, watch: Watch, entries: dict[str, Any], stamp: object = None) -> frozenset[int]:
        """Ids of `entries` (the raw `entries` table, id -> document) `watch` finds;
        with the entries file's `stamp`, an unchanged file costs nothing (a read mark
        changes only the state file)."""
        if not watch:
            return frozenset()
        if stamp is not None and stamp == self._stamp and watch.words == self._words:
            return self._found
        if watch.words != self._words:
            self._words, self._seen = watch.words, {}
        seen, out = self._seen, []
        for ref, doc in entries.items():
            # What the match depends on, cheaply: the parser's content hash, and the
            # texts' sizes for entries stored without one.
            key = (
                doc.get("hash"),
                doc.get("title"),
                len(doc.get("summary", "")),
                len(doc.get("content", "")),
            )
            hit = seen.get(ref)
            if hit is None or hit[0] != key:
                hit = seen[ref] = (key, watch.entry_matches(doc))
            if hit[1]:
                out.append(int(ref))
        if len(seen) > 2 * len(entries) + 1000:  # pruned entries: forget them
            self._seen = {ref: seen[ref] for ref in entries if ref in seen}
        self.newest = max((int(ref) for ref in entries), default=0)
        self._stamp, self._found = stamp, frozenset(out)
        return self._found


_COMPILED: dict[tuple[str, ...], Watch] = {}


def watch_of(words: Iterable[str]) -> Watch:
    """The `Watch` of these words, compiled once per process (screens ask per redraw)."""
    key = tuple(words)
    found = _COMPILED.get(key)
    if found is None:
        found = _COMPILED[key] = Watch(key)
    return found
