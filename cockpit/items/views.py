"""Views of the hot items kept current one changed item at a time.

`panels()` (which daily panel each open item is in, sorted) and the agenda's dated work
are derived from every item of the hot file. Recomputing them after each keypress was
O(all items); these views take the changes `RecordCache.changes_since` reports and
re-file only those items, each with a bisect into a sorted list. They give the same
answers as `panels()` and a scan would (tests compare them).
"""

from __future__ import annotations

import bisect
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable

from cockpit.core.model import Item
from cockpit.items.cache import RecordCache
from cockpit.items.rules import PANELS, order_key, panel_of

Key = tuple[str, str, int]


class _View(ABC):
    """A view over a `RecordCache` of items; `sync` brings it up to date."""

    def __init__(self) -> None:
        self.version = -1
        self._context: object = None

    def sync(
        self,
        cache: RecordCache[Item],
        records: Iterable[Item] | Callable[[], Iterable[Item]],
        context: object,
    ) -> set[str]:
        """Catch up with `cache` (just brought up to date) for `context` (what the view
        also depends on, e.g. the week); returns the names of what changed. `records`
        are the cache's records, or what gives them: asked for only to rebuild, so a
        keypress does not make a list of every item."""
        owned = cache.owned()
        delta = cache.changes_since(self.version) if owned and context == self._context else None
        self.version, self._context = (cache.version if owned else -1), context
        if delta is not None:
            return self.apply(*delta)
        return self.rebuild(records() if callable(records) else records)

    @abstractmethod
    def rebuild(self, records: Iterable[Item]) -> set[str]:
        """Build the view from every record; the names of what changed."""

    @abstractmethod
    def apply(self, changed: list[Item], removed: list[int]) -> set[str]:
        """Re-file `changed` items and drop `removed` ids; the names of what changed."""


class PanelSplit(_View):
    """The daily screen's four item panels (as `cockpit.items.rules.panels`)."""

    def __init__(self) -> None:
        super().__init__()
        self._where: dict[int, tuple[str, Key]] = {}
        self._sorted: dict[str, list[Key]] = {name: [] for name in PANELS}
        self._items: dict[int, Item] = {}

    @property
    def week(self) -> str:
        return str(self._context or "")

    def rebuild(self, records: Iterable[Item]) -> set[str]:
        self._where.clear()
        self._items.clear()
        for name in PANELS:
            self._sorted[name] = []
        week = self.week
        for item in records:
            found = panel_of(item, week)
            if found is not None:
                key = order_key(item)
                self._where[item.id] = (found, key)
                self._items[item.id] = item
                self._sorted[found].append(key)
        for keys in self._sorted.values():
            keys.sort()
        return set(PANELS)

    def apply(self, changed: list[Item], removed: list[int]) -> set[str]:
        touched: set[str] = set()
        for item_id in removed:
            touched |= self._unfile(item_id)
        week = self.week
        for item in changed:
            touched |= self._unfile(item.id)
            name = panel_of(item, week)
            if name is not None:
                key = order_key(item)
                self._where[item.id] = (name, key)
                self._items[item.id] = item
                bisect.insort(self._sorted[name], key)
                touched.add(name)
        return touched

    def _unfile(self, item_id: int) -> set[str]:
        where = self._where.pop(item_id, None)
        self._items.pop(item_id, None)
        if where is None:
            return set()
        name, key = where
        keys = self._sorted[name]
        at = bisect.bisect_left(keys, key)
        if at < len(keys) and keys[at] == key:
            del keys[at]
        return {name}

    def ids(self, name: str) -> list[int]:
        """Ids of the items in panel `name`, in display order."""
        return [key[2] for key in self._sorted[name]]

    def items(self, name: str) -> list[Item]:
        """The items of panel `name`, in display order."""
        found = self._items
        return [found[key[2]] for key in self._sorted[name]]

    def item(self, item_id: int) -> Item:
        """An item shown in one of the panels (KeyError when it is in none)."""
        return self._items[item_id]

    def count(self, name: str) -> int:
        return len(self._sorted[name])


class DueIndex(_View):
    """Open items with a due date, by date (for the agenda's window of days)."""

    def __init__(self) -> None:
        super().__init__()
        self._keys: list[tuple[str, int]] = []
        self._due: dict[int, str] = {}
        self._items: dict[int, Item] = {}

    def rebuild(self, records: Iterable[Item]) -> set[str]:
        self._due.clear()
        self._items.clear()
        for item in records:
            if item.is_open and item.due:
                self._due[item.id] = item.due
                self._items[item.id] = item
        self._keys = sorted((due, item_id) for item_id, due in self._due.items())
        return {"due"}

    def apply(self, changed: list[Item], removed: list[int]) -> set[str]:
        touched: set[str] = set()
        for item_id in [*removed, *(i.id for i in changed)]:
            due = self._due.pop(item_id, None)
            self._items.pop(item_id, None)
            if due is not None:
                at = bisect.bisect_left(self._keys, (due, item_id))
                if at < len(self._keys) and self._keys[at] == (due, item_id):
                    del self._keys[at]
                touched.add("due")
        for item in changed:
            if item.is_open and item.due:
                self._due[item.id] = item.due
                self._items[item.id] = item
                bisect.insort(self._keys, (item.due, item.id))
                touched.add("due")
        return touched

    def between(self, first: str, last: str) -> list[Item]:
        """Open items due from `first` to `last` (ISO dates, both included), by date."""
        lo = bisect.bisect_left(self._keys, (first, -1))
        hi = bisect.bisect_right(self._keys, (last, 2**62))
        return [self._items[item_id] for _due, item_id in self._keys[lo:hi]]
