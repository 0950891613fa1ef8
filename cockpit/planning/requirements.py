"""The requirement pool (seed 002): requirements stored in `planning.json`, table
`requirements`, each change one transaction and one undo step, logged on the record.

The lifecycle and value rules are in `cockpit.planning.requirement_rules` (re-exported here).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from cockpit.core.errors import InvalidError, NotFoundError
from cockpit.core.i18n import Message, msg
from cockpit.core.labels import vocab
from cockpit.core.model import iso
from cockpit.core.text import clean_block, clean_line
from cockpit.planning.requirement_rules import (
    COMMITTED,
    EDITABLE,
    KANO,
    MOVES,
    PRIORITIES,
    SCOPE,
    SOURCES,
    STATUSES,
    Requirement,
    allowed_moves,
    next_status,
    parse_kano,
    parse_priority,
    parse_status,
)

if TYPE_CHECKING:
    from cockpit.items.workspace import Workspace

__all__ = [
    "KANO",
    "MOVES",
    "PRIORITIES",
    "SOURCES",
    "STATUSES",
    "Requirement",
    "add",
    "add_many",
    "advance",
    "all_requirements",
    "allowed_moves",
    "change",
    "edit",
    "get",
    "move",
    "next_status",
    "parse_kano",
    "parse_priority",
    "parse_status",
    "prepare",
    "select",
]

FILE = "planning"
TABLE = "requirements"


# reading ------------------------------------------------------------------------------
def all_requirements(ws: Workspace) -> list[Requirement]:
    """Every requirement, by id (one pass over the stored documents)."""
    raw = ws.files.raw(FILE).get(TABLE, {})
    return sorted((Requirement.from_doc(int(k), v) for k, v in raw.items()), key=lambda r: r.id)


def get(ws: Workspace, req_id: int) -> Requirement:
    """The requirement with `req_id`, or NotFoundError."""
    doc = ws.files.raw(FILE).get(TABLE, {}).get(str(req_id))
    if doc is None:
        raise NotFoundError("err.req.none", id=req_id)
    return Requirement.from_doc(req_id, doc)


def select(
    reqs: Iterable[Requirement],
    *,
    status: str | None = None,
    kano: str | None = None,
    customer: str | None = None,
) -> list[Requirement]:
    """The screen's filters, sorted by lifecycle stage, priority, then id."""
    wanted = customer.casefold() if customer else None
    out = [
        r
        for r in reqs
        if (status is None or r.status == status)
        and (kano is None or r.kano == kano)
        and (wanted is None or wanted in r.customer.casefold())
    ]
    out.sort(key=lambda r: (STATUSES.index(r.status), r.priority, r.id))
    return out


# changing -----------------------------------------------------------------------------
def prepare(ws: Workspace, title: str, **fields: str) -> Requirement:
    """Validate and build a requirement without storing it (fields: see `EDITABLE`)."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise InvalidError("err.req.field", fields=sorted(unknown))
    now = iso(ws.clock.now())
    req = Requirement(created=now, updated=now)
    _assign(req, {"title": title, **fields})
    if "source" not in fields and req.customer:
        req.source = "customer"
    if req.source == "customer" and not req.customer:
        raise InvalidError("err.req.customer")
    req.log.append({"at": now, "kind": "created", "to": req.status, "reason": req.source})
    return req


def _assign(req: Requirement, fields: dict[str, str]) -> None:
    for name, value in fields.items():
        value = clean_line(value) if name != "notes" else clean_block(value)
        if name == "kano":
            value = parse_kano(value)
        elif name == "priority":
            value = parse_priority(value)
        elif name == "source":
            value = vocab.parse("req_source", value) if value not in SOURCES else value
        setattr(req, name, value)
    if not req.title:
        raise InvalidError("err.req.title")


def add(ws: Workspace, title: str, **fields: str) -> Requirement:
    """Store a new requirement (status collected)."""
    return add_many(ws, [prepare(ws, title, **fields)])[0]


def add_many(ws: Workspace, reqs: list[Requirement]) -> list[Requirement]:
    """Store prepared requirements in one transaction and one undo step."""
    if not reqs:
        return []
    with ws.changing(FILE) as changes:
        for req in reqs:
            req.id = ws.next_id(FILE, "next_requirement")
        changes.insert_new(
            FILE,
            TABLE,
            {r.id: r.to_doc() for r in reqs},
            {r.id: msg("undo.req", what=msg("undo.req_add"), title=r.title) for r in reqs},
        )
    return reqs


def change(
    ws: Workspace, req_id: int, label: Message, fn: Callable[[Requirement, str], None]
) -> Requirement:
    """Read requirement `req_id`, change it with `fn(req, now)` and store it: one
    transaction, one undo step called `label` (a refusal `fn` raises writes nothing).

    Raises:
        NotFoundError: no such requirement.
    """
    with ws.changing(FILE) as changes:
        before = changes.snapshot(FILE, TABLE, req_id)
        if before is None:
            raise NotFoundError("err.req.none", id=req_id)
        req = Requirement.from_doc(req_id, before)
        req.log = [dict(e) for e in req.log]
        fn(req, iso(ws.clock.now()))
        changes.label = msg("undo.req", what=label, title=req.title)
        changes.replace(FILE, TABLE, req_id, req.to_doc())
    return req


def move(ws: Workspace, req_id: int, status: str, reason: str) -> Requirement:
    """Move a requirement along its lifecycle.

    Raises:
        InvalidError: no reason, or a move `MOVES` does not allow (naming the allowed).
    """
    new = parse_status(status)
    reason = clean_line(reason)
    if not reason:
        raise InvalidError("err.req.reason")

    def apply(req: Requirement, now: str) -> None:
        old = req.status
        if new == old:
            raise InvalidError("err.req.already", id=req_id, status=vocab.word("req_status", old))
        if new not in MOVES[old]:
            if not MOVES[old]:
                raise InvalidError("err.req.final", id=req_id, status=vocab.word("req_status", old))
            raise InvalidError(
                "err.req.move",
                id=req_id,
                old=vocab.word("req_status", old),
                new=vocab.word("req_status", new),
                allowed=vocab.choices("req_status", MOVES[old]),
            )
        req.status, req.updated = new, now
        req.log.append({"at": now, "kind": "status", "from": old, "to": new, "reason": reason})

    return change(ws, req_id, msg("undo.req_move", status=vocab.word("req_status", new)), apply)


def advance(ws: Workspace, req_id: int, reason: str) -> Requirement:
    """One step forward (collected -> reviewed -> ... -> closed)."""
    step = next_status(get(ws, req_id).status)
    if step is None:
        raise InvalidError("err.req.no_next", id=req_id)
    return move(ws, req_id, step, reason)


def edit(ws: Workspace, req_id: int, reason: str = "", **fields: str) -> Requirement:
    """Change fields of `EDITABLE`; each change is logged with `reason`.

    Raises:
        InvalidError: a bad value, or a scope change of a committed requirement
            without a reason.
    """
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise InvalidError("err.req.cannot_edit", fields=sorted(unknown))
    reason = clean_line(reason)

    def apply(req: Requirement, now: str) -> None:
        old = {name: str(getattr(req, name)) for name in fields}
        _assign(req, dict(fields))
        changed = [n for n in fields if str(getattr(req, n)) != old[n]]
        if req.status in COMMITTED and not reason and set(changed) & set(SCOPE):
            raise InvalidError(
                "err.req.scope", id=req_id, status=vocab.word("req_status", req.status)
            )
        for name in changed:
            entry = {"at": now, "kind": "scope", "field": name, "from": old[name]}
            req.log.append({**entry, "to": str(getattr(req, name)), "reason": reason})
        if changed:
            req.updated = now

    return change(ws, req_id, msg("undo.edit_req"), apply)
