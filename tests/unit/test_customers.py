"""The customer book on a real workspace: stages, deals, edits, links, and one undo step
for every change (checked through a fresh Workspace, as another process sees it)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from cockpit.core.clock import FrozenClock
from cockpit.core.errors import InvalidError, NotFoundError
from cockpit.core.model import Customer
from cockpit.customers.fields import parse_deal, plain_number, short_deal
from cockpit.items.rules import customers_due
from cockpit.items.workspace import Workspace

TODAY = dt.date(2026, 11, 18)


@pytest.fixture
def ws(tmp_path: Path, clock: FrozenClock) -> Workspace:
    return Workspace(tmp_path / "ws", clock)


def fresh(ws: Workspace) -> Workspace:
    return Workspace(ws.root, ws.clock)


def stored(ws: Workspace) -> dict[str, dict[str, object]]:
    """The customers table as written on disk."""
    doc = json.loads(ws.files.path("customers").read_text(encoding="utf-8"))
    table: dict[str, dict[str, object]] = doc["customers"]
    return table


def test_new_fields_have_defaults_and_stay_out_of_plain_docs(ws: Workspace) -> None:
    plain = ws.customers.add("Initech")
    deal = ws.customers.add("招商银行", tier="top", stage="opportunity", deal_value=1_200_000)

    docs = stored(ws)
    assert "stage" not in docs[str(plain.id)]  # the default stage is not stored
    assert "deal_value" not in docs[str(plain.id)] and "churn_reason" not in docs[str(plain.id)]
    assert docs[str(deal.id)]["stage"] == "opportunity"
    assert docs[str(deal.id)]["deal_value"] == 1_200_000
    again = fresh(ws).customers.get(deal.id)
    assert (again.stage, again.deal_value, again.stage_since) == (
        "opportunity",
        1_200_000,
        "2026-11-18",
    )


def test_a_book_written_before_stages_loads(ws: Workspace) -> None:
    ws.customers.add("placeholder")  # creates the file and its tables
    path = ws.files.path("customers")
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["customers"] = {"7": {"name": "Old Bank", "tier": "top", "created": "2025-01-01T09:00"}}
    path.write_text(json.dumps(doc), encoding="utf-8")

    (old,) = fresh(ws).customers.all()

    assert (old.id, old.name, old.stage, old.deal_value, old.churn_reason) == (
        7,
        "Old Bank",
        "customer",
        None,
        "",
    )
    assert old.public()["stage"] == "customer"


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"stage": "won"}, "stage must be one of lead, opportunity"),
        ({"deal_value": -5}, "deal value must be zero or more"),
        ({"deal_value": "lots"}, "deal value must be a number"),
        ({"stage": "churn-risk"}, "churn reason"),
        ({"churn_reason": "price"}, "goes with stage churn-risk or churned"),
        ({"tier": "gold"}, "tier must be one of"),
        ({"source": "web"}, "source must be one of"),
    ],
)
def test_refused_values(ws: Workspace, fields: dict[str, object], words: str) -> None:
    ws.customers.add("ACME")
    before = ws.files.path("customers").read_bytes()

    with pytest.raises(InvalidError, match=words):
        ws.customers.add("Initech", **fields)
    with pytest.raises(InvalidError, match=words):
        ws.customers.edit("ACME", **fields)

    assert ws.files.path("customers").read_bytes() == before
    assert len(ws.undo_stack) == 1  # only the first add


def test_edit_changes_only_what_is_given_and_is_one_undo_step(ws: Workspace) -> None:
    cust = ws.customers.add("ACME", tier="key", industry="银行", notes="keep me")

    edited = ws.customers.edit("acme", stage="opportunity", deal_value=350_000, region="华东")

    assert (edited.stage, edited.deal_value, edited.region) == ("opportunity", 350_000, "华东")
    again = fresh(ws).customers.get(cust.id)
    assert (again.tier, again.industry, again.notes) == ("key", "银行", "keep me")
    assert again.stage_since == "2026-11-18"
    change = ws.undo()
    assert change is not None and str(change.label) == "edit ACME"
    assert fresh(ws).customers.get(cust.id) == cust


def test_edit_refuses_unknown_fields_and_clashing_names(ws: Workspace) -> None:
    ws.customers.add("ACME")
    ws.customers.add("Initech")

    with pytest.raises(InvalidError, match="cannot edit created"):
        ws.customers.edit("ACME", created="2020-01-01")
    with pytest.raises(InvalidError, match="'initech' already exists"):
        ws.customers.edit("ACME", name="initech")
    with pytest.raises(NotFoundError):
        ws.customers.edit(99, tier="top")


def test_rename_carries_linked_items_in_one_step(ws: Workspace) -> None:
    cust = ws.customers.add("招商银行", tier="top")
    linked = ws.add("PG 17 升级评审", customer="招商银行")
    other = ws.add("Unrelated")
    shouting = ws.add("Shouting link", customer="招商银行")
    ws.undo_stack.clear()

    ws.customers.edit(cust.id, name="招商银行 总行")

    seen = fresh(ws)
    assert seen.get(linked.id).customer == "招商银行 总行"
    assert seen.get(shouting.id).customer == "招商银行 总行"
    assert seen.get(other.id).customer == ""
    assert [i.id for i in seen.customers.linked_items("招商银行 总行")] == [linked.id, shouting.id]
    assert len(ws.undo_stack) == 1
    ws.undo()
    seen = fresh(ws)
    assert seen.customers.get(cust.id).name == "招商银行"
    assert seen.get(linked.id).customer == "招商银行"


def test_stages_churn_risk_and_back(ws: Workspace) -> None:
    ws.customers.add("蓝鲸支付", tier="key")

    with pytest.raises(InvalidError, match="churn reason"):
        ws.customers.mark_churn_risk("蓝鲸支付", "  ")
    risky = ws.customers.mark_churn_risk("蓝鲸支付", "竞品报价低 30%")
    assert (risky.stage, risky.churn_reason) == ("churn-risk", "竞品报价低 30%")
    gone = ws.customers.set_stage("蓝鲸支付", "churned")
    assert gone.churn_reason == "竞品报价低 30%"  # the reason stays with the churn
    back = ws.customers.set_stage("蓝鲸支付", "customer")
    assert (back.stage, back.churn_reason) == ("customer", "")

    for _ in range(3):
        ws.undo()
    again = fresh(ws).customers.find("蓝鲸支付")
    assert (again.stage, again.churn_reason) == ("customer", "")


def test_linked_items_and_link(ws: Workspace, clock: FrozenClock) -> None:
    ws.customers.add("ACME Bank")
    late = ws.add("Later work", customer="acme bank", week="2026-W48")
    now = ws.add("This week", customer="ACME Bank")
    finished = ws.add("Shipped", customer="ACME BANK")
    ws.done(finished.id)
    loose = ws.add("Not linked yet")
    ws.undo_stack.clear()

    item = ws.customers.link(loose.id, "acme bank")  # the name in any case

    assert item.customer == "ACME Bank"  # stored as the book spells it
    refs = [i.id for i in fresh(ws).customers.linked_items("Acme Bank")]
    assert refs == [now.id, loose.id, late.id, finished.id]  # open by week, then done
    assert len(ws.undo_stack) == 1
    ws.undo()
    assert fresh(ws).get(loose.id).customer == ""


def test_touch_by_id_with_a_date_and_the_touch_log(ws: Workspace) -> None:
    cust = ws.customers.add("ACME", next_followup=dt.date(2026, 11, 16))

    ws.customers.touch(cust.id, "called", channel="meeting", day=dt.date(2026, 11, 17))
    ws.customers.touch("ACME", "mail sent", channel="mail", next_followup=dt.date(2026, 12, 1))

    seen = fresh(ws).customers
    log = seen.touch_log()[cust.id]
    assert [(t.date, t.channel, t.note) for t in log] == [
        ("2026-11-18", "mail", "mail sent"),
        ("2026-11-17", "meeting", "called"),
    ]
    again = seen.get(cust.id)
    assert (again.last_touch, again.next_followup) == ("2026-11-18", "2026-12-01")


def test_a_touch_cannot_be_ahead(ws: Workspace) -> None:
    ws.customers.add("ACME")

    with pytest.raises(InvalidError, match="not ahead"):
        ws.customers.touch("ACME", "planned call", day=dt.date(2026, 11, 19))
    assert ws.customers.touches() == []


def test_due_rule_is_the_daily_screens(ws: Workspace) -> None:
    ws.customers.add("Top never", tier="top")
    ws.customers.add("Follow up", next_followup=TODAY, stage="opportunity")
    ws.customers.add("Quiet normal")

    due = customers_due(ws.customers.all(), TODAY, ws.config.customers.top_untouched_days)

    assert [(d.customer.name, d.reason) for d in due] == [
        ("Top never", "never"),
        ("Follow up", "followup"),
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1200000", 1_200_000.0),
        ("1,200,000", 1_200_000.0),
        ("120万", 1_200_000.0),
        ("1.2M", 1_200_000.0),
        ("¥35k", 35_000.0),
        ("3.5亿", 350_000_000.0),
        ("", None),
        ("0", None),
        ("12.5", 12.5),
    ],
)
def test_parse_deal(text: str, value: float | None) -> None:
    assert parse_deal(text) == value


def test_parse_deal_refuses_words() -> None:
    with pytest.raises(InvalidError, match=r"like 1200000, 120万 or 1\.2M, not 'a lot'"):
        parse_deal("a lot")


def test_deal_display() -> None:
    assert [short_deal(v, "en") for v in (980, 35_000, 1_200_000, 12_000_000)] == [
        "980",
        "35k",
        "1.2M",
        "12M",
    ]
    assert [short_deal(v, "zh") for v in (980, 350_000, 35_000_000, 1.25e9)] == [
        "980",
        "35万",
        "3500万",
        "12.5亿",
    ]
    assert (plain_number(1_200_000.0), plain_number(12.5)) == ("1200000", "12.5")


def test_public_shape_has_the_new_fields() -> None:
    cust = Customer(id=1, name="A", stage="lead", deal_value=5.0, churn_reason="")
    assert {"stage", "stage_since", "deal_value", "churn_reason", "notes"} <= cust.public().keys()
