"""What the finder's query says: free words, and the filters a taskwarrior user types.

    +pg                a tag (items tagged `pg`, or a tag starting with it while typing)
    @招商               a customer (items, requirements and the customer whose name has it)
    list:key           the list an item shows under (key, plan, ops; key = every key item)
    due:today          due today; due:week by Sunday, overdue included (as the daily
                       screen shows deadlines); due:overdue before today; due:fri, due:+3,
                       due:2026-11-20 on that day
    status:done        an item's status (open, done, dropped) or a requirement's

Values read in either language, as everywhere else: list:重点, status:完成 (or a
requirement's 已评审), due:今天 / 本周 / 逾期 / 周五 / 12月20日.

Filters combine with each other and with the free words (all must hold). A value the
finder cannot use is reported in one sentence and that filter is left out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cockpit.core.dates import parse_date
from cockpit.core.errors import DateError
from cockpit.core.i18n import t
from cockpit.core.labels import vocab
from cockpit.core.model import LISTS

DUE_WORDS = ("today", "week", "overdue")
DUE_SYNONYMS = {"今天": "today", "今日": "today", "本周": "week", "这周": "week", "逾期": "overdue"}
OPERATORS = ("list:", "due:", "status:")


@dataclass
class Query:
    """A parsed query; `words` are the free text, the rest filters (empty: any)."""

    words: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    customers: list[str] = field(default_factory=list)
    lists: list[str] = field(default_factory=list)
    due: list[tuple[str, dt.date]] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    """One sentence per filter that was left out (in the UI's language)."""

    @property
    def text(self) -> str:
        return " ".join(self.words)

    @property
    def filters(self) -> bool:
        return bool(self.tags or self.customers or self.lists or self.due or self.statuses)


def parse_query(raw: str, today: dt.date) -> Query:
    """Split `raw` into free words and filters (see the module docstring)."""
    query = Query()
    for token in raw.split():
        low = token.casefold()
        if token.startswith("+") and len(token) > 1:
            query.tags.append(low[1:])
        elif token.startswith("@") and len(token) > 1:
            query.customers.append(low[1:])
        elif low.startswith("list:"):
            value = vocab.find("list", low[5:]) if low[5:] else ""
            if value in LISTS:
                query.lists.append(value)
            elif low[5:]:
                query.problems.append(t("find.bad.list", lists=vocab.choices("list")))
        elif low.startswith("due:"):
            _due(query, low[4:], today)
        elif low.startswith("status:"):
            if value := low[7:]:
                # An item's status or a requirement's, as typed in either language.
                named = vocab.find("status", value) or vocab.find("req_status", value)
                query.statuses.append(named or value)
        else:
            query.words.append(token)
    return query


def _due(query: Query, value: str, today: dt.date) -> None:
    if not value:
        return
    value = DUE_SYNONYMS.get(value, value)
    if value in DUE_WORDS:
        query.due.append((value, today))
        return
    try:
        query.due.append(("on", parse_date(value, today)))
    except DateError:
        query.problems.append(t("find.bad.due"))


def due_matches(due: str, status: str, wanted: list[tuple[str, dt.date]]) -> bool:
    """Whether an item due on ISO date `due` (status `status`) passes every due filter."""
    if not due:
        return False
    for kind, day in wanted:
        if kind == "today" and due != day.isoformat():
            return False
        if kind == "overdue" and not (status == "open" and due < day.isoformat()):
            return False
        if kind == "week":
            sunday = day + dt.timedelta(days=6 - day.weekday())
            if not (status == "open" and due <= sunday.isoformat()):
                return False
        if kind == "on" and due != day.isoformat():
            return False
    return True
