"""The requirement pool: values, lifecycle rules, change log, filters, undo, finder records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cockpit.core.clock import FrozenClock
from cockpit.core.errors import InvalidError, NotFoundError
from cockpit.find.index import search_records
from cockpit.items.workspace import Workspace
from cockpit.planning import launches, requirements
from cockpit.planning.requirements import MOVES, STATUSES

NOW = "2026-11-18T10:00:00+08:00"


@pytest.fixture
def ws(tmp_path: Path, clock: FrozenClock) -> Workspace:
    return Workspace(tmp_path / "ws", clock)


def test_add_with_defaults(ws: Workspace) -> None:
    req = requirements.add(ws, "  Logical   replication of DDL ")
    assert (req.id, req.title, req.status, req.source) == (1, "Logical replication of DDL",
                                                             "collected", "internal")  # fmt: skip
    assert (req.kano, req.priority, req.created) == ("", "P2", NOW)
    assert req.log == [{"at": NOW, "kind": "created", "to": "collected", "reason": "internal"}]
    stored = json.loads((ws.root / "planning.json").read_bytes())
    assert stored["requirements"]["1"]["title"] == "Logical replication of DDL"
    assert requirements.get(ws, 1) == req


def test_add_with_every_field_and_labels_in_either_language(ws: Workspace) -> None:
    req = requirements.add(
        ws, "pgvector HNSW 索引", customer="招商银行", kano="魅力型", priority="1",
        ref="TICKET-9", owner="李工", release="2027.1", notes="  bring numbers ",
    )  # fmt: skip
    assert req.source == "customer"  # a customer name implies the source
    assert (req.kano, req.priority, req.owner, req.release) == (
        "attractive",
        "P1",
        "李工",
        "2027.1",
    )
    assert req.notes == "bring numbers"
    assert requirements.add(ws, "x", kano="Must Be", source="Sales").kano == "must-be"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": "  "}, "a requirement needs a title"),
        ({"kano": "nice"}, "kano must be one of must-be, performance, attractive, indifferent, "
                           "reverse, not 'nice'"),
        ({"priority": "urgent"}, "priority must be one of P0, P1, P2, P3, not 'urgent'"),
        ({"source": "twitter"}, "source must be one of customer, ticket, sales, internal"),
        ({"source": "customer"}, "a requirement from a customer needs the customer's name"),
        ({"colour": "red"}, "a requirement has no colour"),
    ],
)  # fmt: skip
def test_bad_values_are_refused(ws: Workspace, fields: dict[str, str], message: str) -> None:
    title = fields.pop("title", "ok")
    with pytest.raises(InvalidError, match=message):
        requirements.add(ws, title, **fields)
    assert requirements.all_requirements(ws) == []


@pytest.mark.parametrize(
    ("text", "status"),
    [("in development", "in-development"), ("In_Development", "in-development"),
     ("dev", "in-development"), ("开发中", "in-development"), ("已评审", "reviewed"),
     ("CLOSED", "closed")],
)  # fmt: skip
def test_status_spellings(text: str, status: str) -> None:
    assert requirements.parse_status(text) == status


def test_the_move_table_is_sound() -> None:
    assert set(MOVES) == set(STATUSES)
    for source, targets in MOVES.items():
        assert source not in targets and set(targets) <= set(STATUSES)
    # Every status is reachable from "collected"; only "closed" is final.
    seen, todo = {"collected"}, ["collected"]
    while todo:
        for nxt in MOVES[todo.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    assert seen == set(STATUSES)
    assert [s for s in STATUSES if not MOVES[s]] == ["closed"]


def test_the_whole_lifecycle_is_logged(ws: Workspace, clock: FrozenClock) -> None:
    req = requirements.add(ws, "HNSW", customer="招商银行")
    path = ["reviewed", "planned", "in development", "released", "closed"]
    for n, status in enumerate(path):
        clock.advance(days=1)
        req = requirements.move(ws, req.id, status, f"step {n}")
    assert req.status == "closed" and not req.is_open
    assert [(e["at"][:10], e.get("from"), e["to"], e["reason"]) for e in req.log[1:]] == [
        ("2026-11-19", "collected", "reviewed", "step 0"),
        ("2026-11-20", "reviewed", "planned", "step 1"),
        ("2026-11-21", "planned", "in-development", "step 2"),
        ("2026-11-22", "in-development", "released", "step 3"),
        ("2026-11-23", "released", "closed", "step 4"),
    ]
    assert req.updated == "2026-11-23T10:00:00+08:00"
    assert requirements.get(ws, req.id) == req


def test_an_illegal_move_names_the_allowed_ones(ws: Workspace) -> None:
    req = requirements.add(ws, "x")
    with pytest.raises(InvalidError) as exc:
        requirements.move(ws, req.id, "planned", "skip review")
    assert str(exc.value) == (
        "requirement 1 cannot move from collected to planned; it can move to reviewed, rejected"
    )
    requirements.move(ws, req.id, "reviewed", "ok")
    with pytest.raises(InvalidError, match=r"it can move to planned, collected, rejected$"):
        requirements.move(ws, req.id, "released", "hurry")
    with pytest.raises(InvalidError, match="requirement 1 is already reviewed"):
        requirements.move(ws, req.id, "reviewed", "again")
    assert requirements.get(ws, req.id).status == "reviewed"
    assert len(requirements.get(ws, req.id).log) == 2


def test_closed_is_final_and_rejected_can_come_back(ws: Workspace) -> None:
    done = requirements.add(ws, "done one")
    for status in ("reviewed", "planned", "in-development", "released", "closed"):
        requirements.move(ws, done.id, status, "go")
    with pytest.raises(
        InvalidError, match="requirement 1 is closed; a closed requirement is final"
    ):
        requirements.move(ws, done.id, "collected", "again")
    no = requirements.add(ws, "not now")
    requirements.move(ws, no.id, "rejected", "no market")
    assert requirements.move(ws, no.id, "collected", "big customer asks").status == "collected"


def test_moves_need_a_reason_and_a_known_requirement(ws: Workspace) -> None:
    requirements.add(ws, "x")
    with pytest.raises(InvalidError, match="a status change needs a reason"):
        requirements.move(ws, 1, "reviewed", "   ")
    with pytest.raises(NotFoundError, match="no requirement with id 9"):
        requirements.move(ws, 9, "reviewed", "r")
    with pytest.raises(InvalidError, match="status must be one of collected, reviewed"):
        requirements.move(ws, 1, "done", "r")


def test_advance_follows_the_forward_path(ws: Workspace) -> None:
    assert requirements.next_status("collected") == "reviewed"
    assert requirements.next_status("in-development") == "released"
    assert requirements.next_status("closed") is None
    assert requirements.next_status("rejected") is None
    req = requirements.add(ws, "x")
    assert requirements.advance(ws, req.id, "ok").status == "reviewed"
    assert requirements.allowed_moves("released") == ("closed", "in-development")


def test_edits_are_logged_and_committed_scope_needs_a_reason(ws: Workspace) -> None:
    req = requirements.add(ws, "x", owner="a")
    req = requirements.edit(ws, req.id, title="x and y", owner="a")  # owner unchanged
    assert req.log[-1] == {"at": NOW, "kind": "scope", "field": "title", "from": "x",
                           "to": "x and y", "reason": ""}  # fmt: skip
    assert len(req.log) == 2
    for status in ("reviewed", "planned"):
        requirements.move(ws, req.id, status, "go")
    with pytest.raises(
        InvalidError, match="requirement 1 is planned; a scope change needs a reason"
    ):
        requirements.edit(ws, req.id, release="2027.2")
    assert requirements.get(ws, req.id).release == ""
    req = requirements.edit(ws, req.id, owner="b")  # not scope: no reason needed
    req = requirements.edit(ws, req.id, "customer asked", release="2027.2", kano="performance")
    assert [(e["field"], e["from"], e["to"], e["reason"]) for e in req.log[-3:]] == [
        ("owner", "a", "b", ""),
        ("release", "", "2027.2", "customer asked"),
        ("kano", "", "performance", "customer asked"),
    ]
    with pytest.raises(InvalidError, match="cannot edit status of a requirement"):
        requirements.edit(ws, req.id, status="closed")


def test_select_filters_and_sorts(ws: Workspace) -> None:
    a = requirements.add(ws, "a", priority="P2", customer="招商银行", kano="must-be")
    b = requirements.add(ws, "b", priority="P0")
    c = requirements.add(ws, "c", priority="P1", customer="国家电网")
    requirements.move(ws, c.id, "reviewed", "ok")
    reqs = requirements.all_requirements(ws)
    assert [r.id for r in requirements.select(reqs)] == [b.id, a.id, c.id]
    assert [r.id for r in requirements.select(reqs, status="reviewed")] == [c.id]
    assert [r.id for r in requirements.select(reqs, kano="must-be")] == [a.id]
    assert [r.id for r in requirements.select(reqs, customer="招商")] == [a.id]


def test_undo_walks_back_moves_and_adds(ws: Workspace) -> None:
    req = requirements.add(ws, "x")
    requirements.move(ws, req.id, "reviewed", "ok")
    ws.undo()
    assert requirements.get(ws, req.id).status == "collected"
    assert len(requirements.get(ws, req.id).log) == 1
    ws.undo()
    assert requirements.all_requirements(ws) == []


def test_add_many_is_one_write_and_ids_follow(ws: Workspace) -> None:
    batch = [requirements.prepare(ws, f"r{n}", priority=f"P{n % 4}") for n in range(50)]
    stored = requirements.add_many(ws, batch)
    assert [r.id for r in stored] == list(range(1, 51))
    assert len(requirements.all_requirements(ws)) == 50
    assert requirements.add(ws, "next").id == 51
    assert requirements.add_many(ws, []) == []


def test_public_json_shape(ws: Workspace) -> None:
    req = requirements.add(ws, "x", customer="招商银行")
    assert list(req.public()) == [
        "id", "title", "status", "source", "customer", "ref", "kano", "priority", "owner",
        "release", "notes", "created", "updated", "progress", "expected", "risk",
        "risk_reason", "log",
    ]  # fmt: skip


def test_search_records_cover_requirements_and_launches(ws: Workspace) -> None:
    import datetime as dt

    requirements.add(ws, "pgvector HNSW", customer="招商银行", kano="attractive")
    launches.new(ws, "省政务平台", dt.date(2026, 12, 1))
    records = search_records(ws)
    assert [(r.kind, r.ref, r.text) for r in records] == [
        ("requirement", 1, "pgvector HNSW"),
        ("launch", 1, "省政务平台"),
    ]
    assert records[0].detail == "#1 collected attractive P2 招商银行"
    assert records[1].detail == "launch go-live 2026-12-01"
