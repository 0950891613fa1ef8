"""Launch checklist records and templates (seed 003): pure data, stored by launches.

A launch is made from a template; each item has a deadline relative to go-live (so
moving go-live moves every deadline not set by hand), an owner, a note and a state
(open, done, skipped).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from cockpit.core.errors import NotFoundError

STATES = ("open", "done", "skipped")


@dataclass(frozen=True)
class TemplateItem:
    """An item of a template: its label key (`launch.item.<key>`) and day offset."""

    key: str
    offset: int
    """Days relative to go-live: -14 is two weeks before, 1 the day after."""


# Seed 003: what must be on site before go-live, in the order it gets done, then the
# duties that start with it.
TEMPLATES: dict[str, tuple[TemplateItem, ...]] = {
    "default": (
        TemplateItem("environments", -14),
        TemplateItem("database", -12),
        TemplateItem("user_data", -10),
        TemplateItem("roles", -7),
        TemplateItem("onsite_check", -3),
        TemplateItem("login_contact", -1),
        TemplateItem("feedback_group", -1),
        TemplateItem("backups", 1),
        TemplateItem("reports", 1),
        TemplateItem("after_hours", 7),
    )
}


@dataclass
class LaunchItem:
    """One checklist item; `due` set by hand wins over go-live + `offset`."""

    no: int
    title: str
    offset: int = 0
    owner: str = ""
    note: str = ""
    state: str = "open"
    due: str | None = None
    done_at: str | None = None

    def deadline(self, golive: dt.date) -> dt.date:
        """The date set by hand, else go-live moved by the template's offset."""
        return dt.date.fromisoformat(self.due) if self.due else golive + dt.timedelta(self.offset)

    @property
    def phase(self) -> str:
        """Whether the item is due before (or on) go-live or after it: `before`, `after`."""
        return "after" if self.offset > 0 else "before"


@functools.cache
def _item_fields() -> frozenset[str]:
    return frozenset(f.name for f in fields(LaunchItem))


@dataclass
class Launch:
    """A launch: name, go-live date, and its items in checklist order."""

    id: int
    name: str
    golive: str
    template: str = "default"
    created: str = ""
    items: list[LaunchItem] = field(default_factory=list)

    @property
    def golive_date(self) -> dt.date:
        """The go-live date as a date."""
        return dt.date.fromisoformat(self.golive)

    def item(self, no: int) -> LaunchItem:
        """Item number `no` (1-based, as shown), or NotFoundError naming the range."""
        for it in self.items:
            if it.no == no:
                return it
        raise NotFoundError("err.launch.no_item", name=self.name, no=no, last=len(self.items))

    def to_doc(self) -> dict[str, Any]:
        """The stored form (empty item fields left out; the id is the doc id)."""
        items = [{k: v for k, v in asdict(i).items() if v not in (None, "")} for i in self.items]
        doc = {"name": self.name, "golive": self.golive, "template": self.template}
        return {**doc, "created": self.created, "items": items}

    @classmethod
    def from_doc(cls, doc_id: int, doc: dict[str, Any]) -> Launch:
        """Build from a stored document."""
        known = _item_fields()  # keys written by a newer cockpit are dropped
        items = [LaunchItem(**{k: v for k, v in i.items() if k in known}) for i in doc["items"]]
        template, created = doc.get("template", ""), doc.get("created", "")
        return cls(doc_id, doc["name"], doc["golive"], template, created, items)

    def public(self, today: dt.date) -> dict[str, Any]:
        """The JSON of `cockpit launch show --json` (and, per launch, `launch ls --json`)."""
        golive = self.golive_date
        items = []
        for it in self.items:
            due = it.deadline(golive)
            late = it.state == "open" and due < today
            fixed = it.due is not None
            row = {**asdict(it), "due": due.isoformat(), "due_fixed": fixed, "phase": it.phase}
            items.append({**row, "overdue": late})
        done = sum(1 for i in self.items if i.state != "open")
        behind = sum(1 for i in items if i["overdue"])
        head = {"id": self.id, "name": self.name, "golive": self.golive, "template": self.template}
        return {**head, "done": done, "total": len(self.items), "overdue": behind, "items": items}


@dataclass(frozen=True)
class LaunchTask:
    """An open item with its launch, as the daily screen lists it."""

    launch_id: int
    launch: str
    no: int
    title: str
    due: dt.date
    owner: str
    days_late: int
