"""What was finished or dropped, the archive included, by the week it was closed: "what
did I close last month" for the report and the review (`cockpit ls --done`, the
history screen `H`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cockpit.core.model import Item
from cockpit.core.weeks import week_of

if TYPE_CHECKING:
    from cockpit.items.workspace import Workspace


@dataclass(frozen=True)
class Closed:
    """A finished or dropped item and the local day it was closed."""

    item: Item
    day: dt.date

    @property
    def week(self) -> str:
        return week_of(self.day)


def closed_day(item: Item, tz: dt.tzinfo) -> dt.date | None:
    """The local day `item` was finished or dropped (None: open, or a stamp that cannot
    be read, from a hand-edited file)."""
    if item.is_open or not item.done_at:
        return None
    try:
        moment = dt.datetime.fromisoformat(item.done_at)
    except ValueError:
        return None
    if moment.tzinfo is None:
        return moment.date()
    return moment.astimezone(tz).date()


def closed(ws: Workspace, since: dt.date | None = None, words: str = "") -> list[Closed]:
    """Every finished or dropped item (hot file and archive), newest first; only those
    closed on or after `since`, and matching every word of `words` (in the title,
    `@customer`, `+tags`, owner or notes, any case)."""
    wanted = [w.casefold() for w in words.split()]
    out: list[Closed] = []
    for item in ws.all_items():
        day = closed_day(item, ws.clock.tz)
        if day is None or (since is not None and day < since):
            continue
        if wanted and not _matches(item, wanted):
            continue
        out.append(Closed(item, day))
    out.sort(key=lambda c: (c.day, c.item.done_at or "", c.item.id), reverse=True)
    return out


def _matches(item: Item, words: list[str]) -> bool:
    text = " ".join(
        [item.title, f"@{item.customer}", item.owner, item.notes, *(f"+{t}" for t in item.tags)]
    ).casefold()
    return all(word in text for word in words)


def by_week(rows: list[Closed]) -> list[tuple[str, list[Closed]]]:
    """`rows` (newest first) grouped by the ISO week they were closed in."""
    groups: list[tuple[str, list[Closed]]] = []
    for row in rows:
        if not groups or groups[-1][0] != row.week:
            groups.append((row.week, []))
        groups[-1][1].append(row)
    return groups
