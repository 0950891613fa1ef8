"""Rules of the requirement pool (seed 002): lifecycle, Kano classes (seed 001), values.

Lifecycle: collected -> reviewed -> planned -> in-development -> released -> closed, or
rejected. Besides these forward steps a requirement may go back one step (reviewed ->
collected for more facts, planned -> reviewed when de-scoped, in-development -> planned
when pulled from a release, released -> in-development when the release failed), be
rejected from any open state, and a rejected one may be collected again. Closed is final:
a closed need that comes back is a new requirement. `MOVES` is the whole rule.

Every status change needs a reason; every edit is logged too. Once a requirement is
committed (planned, in development or released) a scope change (title, notes, Kano,
priority, target release) needs a reason as well: that is seed 002's change review.

This module holds the pure rules and the record; `cockpit.planning.requirements` stores them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cockpit.core.errors import InvalidError
from cockpit.core.i18n import msg
from cockpit.core.labels import vocab
from cockpit.core.model import Record

STATUSES = ("collected", "reviewed", "planned", "in-development", "released", "closed", "rejected")
MOVES: dict[str, tuple[str, ...]] = {
    "collected": ("reviewed", "rejected"),
    "reviewed": ("planned", "collected", "rejected"),
    "planned": ("in-development", "reviewed", "rejected"),
    "in-development": ("released", "planned", "rejected"),
    "released": ("closed", "in-development"),
    "closed": (),
    "rejected": ("collected",),
}
KANO = ("must-be", "performance", "attractive", "indifferent", "reverse")
SOURCES = ("customer", "ticket", "sales", "internal")
PRIORITIES = ("P0", "P1", "P2", "P3")
COMMITTED = ("planned", "in-development", "released")
SCOPE = ("title", "notes", "kano", "priority", "release")
EDITABLE = (*SCOPE, "source", "customer", "ref", "owner")


@dataclass
class Requirement(Record):
    """One requirement and its change log (`log`: dicts with at, kind, from, to, reason)."""

    id: int = 0
    title: str = ""
    status: str = "collected"
    source: str = "internal"
    customer: str = ""
    ref: str = ""
    kano: str = ""
    priority: str = "P2"
    owner: str = ""
    release: str = ""
    notes: str = ""
    created: str = ""
    updated: str = ""
    log: list[dict[str, str]] = field(default_factory=list)
    # Progress and risk, kept while planned or in development (`cockpit.planning.progress`).
    progress: int = 0  # percent done, 0-100
    expected: str = ""  # ISO date the work is expected done ("": not given)
    risk: str = ""  # none, low or high ("": not assessed yet)
    risk_reason: str = ""  # one line: why low or high

    def public(self) -> dict[str, Any]:
        """The JSON shape of `cockpit req ls --json`."""
        names = ("id", "title", "status", "source", "customer", "ref", "kano", "priority")
        doc: dict[str, Any] = {name: getattr(self, name) for name in names}
        for name in ("owner", "release", "notes", "created", "updated"):
            doc[name] = getattr(self, name)
        for name in ("progress", "expected", "risk", "risk_reason"):
            doc[name] = getattr(self, name)  # issue 17: planned and in-development work
        doc["log"] = [dict(e) for e in self.log]
        return doc

    @property
    def is_open(self) -> bool:
        """Neither closed nor rejected: still in the pool's working set."""
        return self.status not in ("closed", "rejected")


def parse_status(text: str) -> str:
    """A status from its key, a spelling with spaces ("in development"), a label in
    either language or a synonym (开发中, 研发中, 上线)."""
    return vocab.parse("req_status", text.strip())


def parse_kano(text: str) -> str:
    """A Kano class (must-be, 必备, 必备型 …), or "" (unclassified) for an empty text."""
    return vocab.parse("kano", text.strip()) if text.strip() else ""


def parse_priority(text: str) -> str:
    """P0-P3 from "p1", "P1" or "1"."""
    value = text.strip().upper()
    value = f"P{value}" if value.isdigit() else value
    if value not in PRIORITIES:
        raise InvalidError(
            "err.value", field=msg("field.priority"), choices=list(PRIORITIES), value=text
        )
    return value


def allowed_moves(status: str) -> tuple[str, ...]:
    """Statuses a requirement in `status` may move to."""
    return MOVES[status]


def next_status(status: str) -> str | None:
    """The forward step (the screen's advance key), None at the end."""
    order = STATUSES[:6]
    return order[order.index(status) + 1] if status in order[:-1] else None
