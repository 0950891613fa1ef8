"""Views of the daily panels: a filter in the finder's words and a sort, ad hoc or named.

A view is what a PM opens to prepare a customer meeting (`@瀚海银行 due:week`), the
org-agenda custom command or taskwarrior context. The filter is parsed by the finder's
own parser (`cockpit.find.query`) and keeps an item exactly when the finder's filters
would (tags by prefix, customers by part of the name, the list an item shows under,
due dates, status) and every free word is in its title, customer, tags, week, owner or
notes. The sort reorders each panel by `cockpit.core.settings.SORT_KEYS`; ties keep the
panel's own order (dated work first), so a sort by customer still lists each customer's
work by due date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from cockpit.core.errors import InvalidError
from cockpit.core.model import Item
from cockpit.core.settings import ViewSettings, closest, parse_sort
from cockpit.find.query import Query, due_matches, parse_query
from cockpit.items.rules import shown_list

LAST = "\U0010ffff"  # sorts after any text: undated, customerless, untagged work goes last


@dataclass(frozen=True)
class View:
    """A filter and a sort of the daily panels; `name` is empty for an ad-hoc one."""

    name: str
    filter: str
    sort: tuple[tuple[str, bool], ...]
    query: Query

    @property
    def active(self) -> bool:
        """Whether it changes anything (an empty view is no view)."""
        return bool(self.filter.strip() or self.sort)

    @property
    def sort_text(self) -> str:
        """The sort as it is written in config (`customer,-age`)."""
        return ",".join(("-" if desc else "") + key for key, desc in self.sort)

    def label(self) -> str:
        """What the panel border shows: `customer-week · @瀚海银行 due:week · ↑due`."""
        parts = [self.name] if self.name else []
        if self.filter.strip():
            parts.append(" ".join(self.filter.split()))
        if self.sort:
            parts.append(" ".join(("↓" if desc else "↑") + key for key, desc in self.sort))
        return " · ".join(parts)

    def keeps(self, item: Item) -> bool:
        """Whether `item` passes the filter (see the module docstring)."""
        return item_matches(self.query, item)

    def apply(self, items: Iterable[Item]) -> list[Item]:
        """`items` (in the panel's order) filtered and sorted."""
        kept = [i for i in items if self.keeps(i)] if self.filter.strip() else list(items)
        return sort_items(kept, self.sort)


def make_view(name: str, filter_text: str, sort_text: str, today: dt.date) -> View:
    """A view from its words.

    Raises:
        InvalidError: a filter the finder cannot use (`due:someday`) or an unknown sort
            key, in one sentence naming the view; its `part` field says which.
    """
    key = "err.view.filter" if name else "err.view.bad"  # an ad-hoc view has no name
    query = parse_query(filter_text, today)
    if query.problems:
        raise InvalidError(key, name=name, problem=query.problems[0], part="filter")
    try:
        sort = parse_sort(sort_text, "sort")
    except ValueError as exc:  # SettingError: a CockpitError with its own sentence
        raise InvalidError(key, name=name, problem=str(exc), part="sort") from None
    return View(name, filter_text.strip(), sort, query)


def named_view(views: Mapping[str, ViewSettings], name: str, today: dt.date) -> View:
    """The view `[views.NAME]` of the config (any case of its name).

    Raises:
        InvalidError: no such view (with the closest name), or a filter it cannot use.
    """
    found = views.get(name) or next(
        (v for k, v in views.items() if k.casefold() == name.casefold()), None
    )
    if found is None:
        if not views:
            raise InvalidError("err.view.none", name=name)
        known = list(views)
        raise InvalidError("err.view.unknown", name=name, mean=closest(name, known), known=known)
    real = next(k for k, v in views.items() if v is found)
    return make_view(real, found.filter, found.sort, today)


def item_matches(query: Query, item: Item) -> bool:
    """The finder's filters and free words applied to one item (module docstring)."""
    if query.tags:
        tags = [t.casefold() for t in item.tags]
        if not all(any(t.startswith(w) for t in tags) for w in query.tags):
            return False
    if query.customers:
        customer = item.customer.casefold()
        if not all(w in customer for w in query.customers):
            return False
    if query.lists and shown_list(item) not in query.lists:
        return False
    if query.statuses and item.status not in query.statuses:
        return False
    if query.due and not due_matches(item.due or "", item.status, query.due):
        return False
    if query.words:
        shown = " ".join(f"+{t}" for t in item.tags)
        text = f"{item.title} {item.customer} {shown} {item.week} {item.owner} {item.notes}"
        folded = text.casefold()
        return all(w.casefold() in folded for w in query.words)
    return True


_KEYS: dict[str, Callable[[Item], Any]] = {
    "due": lambda i: i.due or LAST,
    "customer": lambda i: i.customer.casefold() or LAST,
    "tag": lambda i: min((t.casefold() for t in i.tags), default=LAST),
    "age": lambda i: i.created or LAST,
    "title": lambda i: i.title.casefold(),
    "week": lambda i: i.week or LAST,
}


def sort_items(items: list[Item], sort: tuple[tuple[str, bool], ...]) -> list[Item]:
    """`items` ordered by the sort keys, the first one first; a stable sort per key
    from the last, so ties keep the order they came in. Missing values (no due date,
    no customer, no tag) go last whichever way a key runs."""
    out = list(items)
    for key, descending in reversed(sort):
        get = _KEYS[key]
        present = [i for i in out if get(i) != LAST]
        missing = [i for i in out if get(i) == LAST]
        present.sort(key=get, reverse=descending)
        out = present + missing
    return out
