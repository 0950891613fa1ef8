"""Feature progress and risk (seed 000's Monday product meeting: each planned feature's
owner, progress and risk): requirements that are planned or in development carry a
progress (0–100%), an expected date and a risk (none, low or high, with a one-line
reason).

A change is one transaction and one undo step through the requirement book, so it
follows the rule of every change: made from an older view (a form open while another
terminal changed the same field) it is refused with `ConflictError`, nothing written;
each changed field is logged on the requirement (`kind: progress`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from cockpit.core.errors import InvalidError
from cockpit.core.i18n import msg
from cockpit.core.labels import vocab
from cockpit.core.text import clean_line
from cockpit.planning.requirement_rules import PRIORITIES, Requirement
from cockpit.planning.requirements import change

if TYPE_CHECKING:
    from cockpit.items.workspace import Workspace

TRACKED = ("planned", "in-development")
"""The statuses whose progress and risk are tracked (and may be set)."""
RISKS = ("none", "low", "high")
RISK_ORDER = {"high": 0, "low": 1, "none": 2, "": 3}  # "" = not assessed yet: last
FIELDS = ("progress", "expected", "risk", "risk_reason")


def parse_progress(text: str | int) -> int:
    """A whole percentage from "60", "60%", "６０％" or 60.

    Raises:
        InvalidError: not a whole number from 0 to 100.
    """
    if isinstance(text, bool):
        raise InvalidError("err.req.progress", value=text)
    raw = str(text).strip().rstrip("%％").strip()
    try:
        value = int(raw)
    except ValueError:
        raise InvalidError("err.req.progress", value=str(text).strip()) from None
    if not 0 <= value <= 100:
        raise InvalidError("err.req.progress", value=str(text).strip())
    return value


def parse_risk(text: str) -> str:
    """none / low / high, in either language (无, 低, 高, 高风险 …)."""
    return vocab.parse("risk", text)


def set_progress(
    ws: Workspace,
    req_id: int,
    *,
    progress: int | None = None,
    expected: dt.date | str | None = None,
    risk: str | None = None,
    risk_reason: str | None = None,
) -> Requirement:
    """Change the progress fields given (None: leave as is; `expected=""` clears it).

    A low or high risk needs a reason (the one already stored counts); a risk of none
    drops the stored reason unless a new one is given.

    Raises:
        InvalidError: the requirement is not planned or in development, a value is
            refused, or a risk has no reason; nothing changes.
        NotFoundError: no such requirement.
        ConflictError: decided from an older view whose fields another change moved.
    """
    values: dict[str, object] = {}
    if progress is not None:
        values["progress"] = parse_progress(progress)
    if expected is not None:
        values["expected"] = expected.isoformat() if isinstance(expected, dt.date) else ""
    if risk is not None:
        values["risk"] = parse_risk(risk) if risk not in RISKS else risk
    if risk_reason is not None:
        values["risk_reason"] = clean_line(risk_reason)

    def apply(req: Requirement, now: str) -> None:
        if req.status not in TRACKED:
            status = vocab.word("req_status", req.status)
            raise InvalidError("err.req.progress_status", id=req.id, status=status)
        old = {name: str(getattr(req, name)) for name in FIELDS}
        for name, value in values.items():
            setattr(req, name, value)
        if req.risk == "none" and "risk_reason" not in values:
            req.risk_reason = ""  # no risk, no reason to keep
        if req.risk in ("low", "high") and not req.risk_reason:
            raise InvalidError("err.req.risk_reason", id=req.id, risk=vocab.word("risk", req.risk))
        for name in FIELDS:
            if str(getattr(req, name)) != old[name]:
                entry = {"at": now, "kind": "progress", "field": name, "from": old[name]}
                req.log.append({**entry, "to": str(getattr(req, name)), "reason": ""})
                req.updated = now

    return change(ws, req_id, msg("undo.req_progress"), apply)


def risk_key(req: Requirement) -> tuple[int, str, int, int]:
    """High risk first, then low, none, and not assessed; the earliest expected date
    first within (none set: last), then priority and id."""
    expected = req.expected or "9999-99-99"
    priority = PRIORITIES.index(req.priority) if req.priority in PRIORITIES else len(PRIORITIES)
    return (RISK_ORDER.get(req.risk, 3), expected, priority, req.id)


def by_risk(reqs: Iterable[Requirement]) -> list[Requirement]:
    """The tracked requirements by risk (`risk_key`), then the rest by lifecycle stage."""
    reqs = list(reqs)
    tracked = sorted((r for r in reqs if r.status in TRACKED), key=risk_key)
    return tracked + [r for r in reqs if r.status not in TRACKED]


def high_risk(reqs: Iterable[Requirement]) -> list[Requirement]:
    """Planned or in-development requirements at high risk, the earliest expected first:
    what the daily screen's key panel shows."""
    return sorted((r for r in reqs if r.status in TRACKED and r.risk == "high"), key=risk_key)
