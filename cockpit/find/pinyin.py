"""Pinyin for Chinese text: how Chinese users search (Raycast, Alfred, uTools) and sort.

A record's Chinese characters are written once, when the finder's index is built, as a
*pinyin key*: each character a unit `\\x02字\\x03zi\\x03...\\x04` holding every reading
(heteronyms too: 行 is both hang and xing, so 银行 is yinhang), other text as it is.
A typed word then becomes one regular expression over the keys (`pattern`), so a
keystroke is a C-speed scan, not a Python loop over characters:

- full pinyin, `hanhai`: letters run through the readings of consecutive units;
- initials, `hhyh`: each letter may start the next unit instead;
- mixtures, `瀚h`, `hanhyh`: a character matches its own unit, letters as above.

A match always starts at the start of a unit's reading (`anhai` does not find 瀚海).

pypinyin's character table is read on first use only (the CLI's `add` and the TUI's
start never pay for it), without its 400k-phrase dictionary: readings of single
characters are enough to match (every reading is kept) and to sort.
"""

from __future__ import annotations

import bisect
import functools
import os
import re
import unicodedata

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
UNIT, READING, END = "\x02", "\x03", "\x04"
MAX_READINGS = 3

# Sorting reads the first reading of each character; these names begin otherwise.
_SORT_WORDS = {"重庆": "chongqing", "厦门": "xiamen", "长安": "changan", "朝阳": "chaoyang",
               "蚌埠": "bengbu", "六安": "luan", "乐山": "leshan", "单县": "shanxian"}  # fmt: skip


@functools.cache
def _table() -> dict[int, str]:
    """pypinyin's readings of single characters, codepoint -> "hàn,hán" (tone marks)."""
    # Before the import: the phrase dictionary (400k entries, ~50 MB, ~300 ms) is not
    # needed for single characters; without a copy the table is shared, not duplicated.
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
    os.environ.setdefault("PYPINYIN_NO_DICT_COPY", "1")
    # Imported here, for start-up time: only building the finder's index needs it.
    from pypinyin.constants import PINYIN_DICT

    table: dict[int, str] = PINYIN_DICT
    return table


@functools.cache
def readings(char: str) -> tuple[str, ...]:
    """The toneless readings of one character ("行" -> ("xing", "hang")), at most three;
    () for a character pypinyin does not know (or one that is not Chinese)."""
    raw = _table().get(ord(char), "")
    out: list[str] = []
    for marked in raw.split(","):
        plain = "".join(
            c for c in unicodedata.normalize("NFD", marked) if not unicodedata.combining(c)
        )
        plain = plain.replace("ü", "v").lower()
        if plain.isascii() and plain.isalpha() and plain not in out:
            out.append(plain)
    return tuple(out[:MAX_READINGS])


def has_han(text: str) -> bool:
    """Whether `text` holds a Chinese character."""
    return HAN.search(text) is not None


def key(text: str) -> str:
    """The pinyin key of `text` (lower-cased): see the module docstring."""
    parts: list[str] = []
    for char in text.casefold():
        found = readings(char) if HAN.match(char) else ()
        if found:
            parts.append(f"{UNIT}{char}{READING}{READING.join(found)}{END}")
        else:
            parts.append(char)
    return "".join(parts)


# One unit's rest once its letters are typed, and the start of the next unit's reading.
_REST = f"[a-z]*(?:{READING}[a-z]*)*{END}"
_NEXT = f" ?{UNIT}[^{READING}](?:{READING}[a-z]*)*?{READING}"
_LETTERS = re.compile(r"[a-z]+")


@functools.lru_cache(maxsize=256)
def pattern(word: str) -> re.Pattern[str] | None:
    """The expression finding `word` (lower-cased) in pinyin keys, or None when pinyin
    cannot add anything (no letters, or one letter alone: every unit would match)."""
    word = word.casefold()
    letters = sum(len(m) for m in _LETTERS.findall(word))
    if not letters or (letters < 2 and not has_han(word)):
        return None
    out: list[str] = []
    open_unit = False  # inside a unit whose reading the letters are running through
    for char in word:
        if "a" <= char <= "z":
            if open_unit:
                out.append(f"(?:{_REST}{_NEXT})?{char}")
            else:
                # The first letter starts a reading: a literal "\x03h" the scan finds fast.
                out.append(f"{READING}{char}" if not out else f"{_NEXT}{char}")
            open_unit = True
        elif HAN.match(char):
            head = f"{_REST} ?" if open_unit else ""
            out.append(f"{head}{UNIT}{re.escape(char)}{READING}[^{END}]*{END}")
            open_unit = False
        else:
            return None  # digits and signs are matched as typed, by the literal pass
    return re.compile("".join(out))


def sort_key(name: str) -> tuple[str, str]:
    """Order names the way a Chinese contact list does: by pinyin (瀚海 as "hanhai",
    among the H names), Latin names by their letters; ties by the name itself."""
    folded = name.casefold().strip()
    if not has_han(folded):
        return (folded, folded)
    for word, spelled in _SORT_WORDS.items():
        if folded.startswith(word):
            folded = spelled + folded[len(word) :]
            break
    letters = []
    for char in folded:
        found = readings(char) if HAN.match(char) else ()
        letters.append(found[0] if found else char)
    return ("".join(letters), name)


class Keys:
    """The pinyin keys of a list of records, joined into one string so a typed word is
    one scan (`find`); only records holding Chinese are written into it."""

    def __init__(self, texts: list[tuple[str, str]]) -> None:
        """`texts`: (title, details) of each record, in the list's order."""
        parts: list[str] = []
        self.starts: list[int] = []
        """Where each written record starts in `text` (ascending)."""
        self.refs: list[int] = []
        """The record (its place in the list) written at each start."""
        self.title_ends: list[int] = []
        """Where each written record's title ends: a match before it is in the title."""
        at = 0
        for n, (title, details) in enumerate(texts):
            if not (has_han(title) or has_han(details)):
                continue
            head, tail = key(title), key(details)
            self.starts.append(at)
            self.refs.append(n)
            self.title_ends.append(at + len(head))
            parts.append(f"{head}\n{tail}\n")
            at += len(head) + len(tail) + 2
        self.text = "".join(parts)
        self._slot_of: dict[int, int] | None = None

    def __len__(self) -> int:
        return len(self.refs)

    def _slots(self) -> dict[int, int]:
        """Place in the list -> slot in `starts` (built on first need)."""
        if self._slot_of is None:
            self._slot_of = {ref: n for n, ref in enumerate(self.refs)}
        return self._slot_of

    def find(
        self, word: str, within: dict[int, bool] | None = None, stop: int = 0
    ) -> dict[int, bool]:
        """The records `word` finds by pinyin: place in the list -> matched in its title.

        Args:
            within: what a prefix of `word` found ("hhy" for "hhyh"): only those records
                can hold `word`, so only their keys are searched.
            stop: end the scan after this many records (0: find them all).
        """
        expr = pattern(word) if self.refs else None
        if expr is None:
            return {}
        found: dict[int, bool] = {}
        starts, text, search = self.starts, self.text, expr.search
        if within is not None:
            slots = self._slots()
            for ref in within:
                slot = slots[ref]
                end = starts[slot + 1] if slot + 1 < len(starts) else len(text)
                hit = search(text, starts[slot], end)
                if hit is not None:
                    found[ref] = hit.start() < self.title_ends[slot]
            return found
        match = search(text)
        while match is not None:
            at = match.start()
            slot = bisect.bisect_right(starts, at) - 1
            found[self.refs[slot]] = at < self.title_ends[slot]
            # On to the next record: one hit per record is all ranking needs.
            if stop and len(found) >= stop:
                break
            following = starts[slot + 1] if slot + 1 < len(starts) else len(text)
            match = search(text, following)
        return found
