"""The domain records: items, customers and touches.

Records are stored compactly: fields at their default value are left out of the JSON,
which keeps the hot file (and so every keypress's fsync) small.
"""

from __future__ import annotations

import builtins
import datetime as dt
import functools
from dataclasses import MISSING, dataclass, field, fields
from typing import Any, ClassVar, Self

LISTS = ("key", "plan", "ops")
STATUSES = ("open", "done", "dropped")
TIERS = ("top", "key", "normal")
HISTORY_KEEP = 12


def iso(moment: dt.datetime) -> str:
    """Seconds-precision ISO time, as stored."""
    return moment.replace(microsecond=0).isoformat()


@functools.cache
def _layout(cls: type) -> tuple[frozenset[str], dict[str, Any], tuple[str, ...]]:
    """A record class's field names, default values and list fields, computed once."""
    names, defaults, lists = set(), {}, []
    for f in fields(cls):
        names.add(f.name)
        if f.default_factory is not MISSING:
            defaults[f.name] = f.default_factory()
        elif f.default is not MISSING:
            defaults[f.name] = f.default
        if isinstance(defaults.get(f.name), list):
            lists.append(f.name)
    return frozenset(names), defaults, tuple(lists)


class Record:
    """Shared (de)serialisation for the dataclass records."""

    _SKIP: ClassVar[tuple[str, ...]] = ("id",)

    def to_doc(self) -> dict[str, Any]:
        """The stored form: non-default fields only (the id is the TinyDB doc id)."""
        doc: dict[str, Any] = {}
        for f in fields(self):  # type: ignore[arg-type]
            if f.name in self._SKIP:
                continue
            value = getattr(self, f.name)
            if value in (None, "", [], 0, False) and f.name not in ("title", "name"):
                continue
            doc[f.name] = list(value) if isinstance(value, list) else value
        return doc

    @classmethod
    def from_doc(cls, doc_id: int, doc: dict[str, Any]) -> Self:
        """Build from a stored document (unknown keys are ignored).

        Fills the instance's fields directly from the defaults and the document, without
        the dataclass `__init__`: a workspace loads thousands of records at once, and
        this is several times faster. Lists are copied, so changing a record never
        changes the stored document it came from.
        """
        names, defaults, lists = _layout(cls)  # type: ignore[arg-type]  # classes hash
        if names.issuperset(doc):
            values = {**defaults, **doc}
        else:
            values = {**defaults, **{k: v for k, v in doc.items() if k in names}}
        values["id"] = doc_id
        for name in lists:
            values[name] = list(values[name])
        record = cls.__new__(cls)
        record.__dict__ = values
        return record


@dataclass
class Item(Record):
    """A piece of work planned for an ISO week."""

    id: int = 0
    title: str = ""
    list: str = "plan"
    week: str = ""
    status: str = "open"
    key: bool = False
    due: str | None = None
    owner: str = ""
    customer: str = ""
    tags: builtins.list[str] = field(default_factory=builtins.list)
    notes: str = ""
    created: str = ""
    updated: str = ""
    done_at: str | None = None
    carried: int = 0
    seq: int = 0
    source: str = ""
    history: builtins.list[builtins.list[str]] = field(default_factory=builtins.list)
    recur: str = ""
    """How the item repeats (`cockpit.items.recurrence`): an RRULE body or `.+3d`; "" never."""
    annotations: builtins.list[builtins.list[str]] = field(default_factory=builtins.list)
    """Dated notes added one by one (`cockpit note`): [time, text] pairs, oldest first."""

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    def log(self, when: dt.datetime, what: str) -> None:
        """Record a change: bump the edit counter and keep a short history."""
        stamp = iso(when)
        self.updated = stamp
        self.seq += 1
        self.history.append([stamp, what])
        del self.history[:-HISTORY_KEEP]

    def due_date(self) -> dt.date | None:
        return dt.date.fromisoformat(self.due) if self.due else None

    def public(self) -> dict[str, Any]:
        """The stable JSON shape of `cockpit ls --json`."""
        return {
            "id": self.id,
            "title": self.title,
            "list": self.list,
            "week": self.week,
            "status": self.status,
            "key": self.key,
            "due": self.due,
            "customer": self.customer or None,
            "tags": list(self.tags),
            "carried": self.carried,
            "owner": self.owner or None,
            "notes": self.notes,
            "created": self.created,
            "done_at": self.done_at,
            "recur": self.recur or None,
        }


@dataclass
class Customer(Record):
    """A customer the PM follows up with, and where it stands in the sales funnel."""

    id: int = 0
    name: str = ""
    tier: str = "normal"
    industry: str = ""
    region: str = ""
    source: str = ""
    owner: str = ""  # the sales contact
    next_followup: str | None = None
    last_touch: str | None = None
    notes: str = ""
    created: str = ""
    stage: str = "customer"  # one of cockpit.customers.book.STAGES
    stage_since: str | None = None  # ISO date the stage was last set (None: unknown)
    # The stage before that change ("": never changed by hand), for the report's moves;
    # not part of the JSON or CSV shape: an imported record has made no move.
    stage_from: str = ""
    deal_value: float | None = None  # the deal in play, in the PM's own unit
    churn_reason: str = ""  # why it is (or was) a churn risk

    def to_doc(self) -> dict[str, Any]:
        """As `Record.to_doc`; the default stage is left out too, so a plain customer
        is stored exactly as before stages existed."""
        doc = super().to_doc()
        if doc.get("stage") == "customer":
            del doc["stage"]
        return doc

    def public(self) -> dict[str, Any]:
        """The JSON shape of `cockpit customers ls --json`."""
        return {
            "id": self.id,
            "name": self.name,
            "tier": self.tier,
            "industry": self.industry,
            "region": self.region,
            "source": self.source,
            "owner": self.owner,
            "next_followup": self.next_followup,
            "last_touch": self.last_touch,
            "stage": self.stage,
            "stage_since": self.stage_since,
            "deal_value": self.deal_value,
            "churn_reason": self.churn_reason,
            "notes": self.notes,
        }


@dataclass
class Touch(Record):
    """One contact with a customer (call, visit, chat, mail, meeting)."""

    id: int = 0
    customer_id: int = 0
    date: str = ""
    channel: str = "call"
    note: str = ""
