"""Monthly metric tables: typed values, row rules, storage in metrics.json, undo."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from cockpit.core.clock import FrozenClock
from cockpit.core.errors import InvalidError, NotFoundError
from cockpit.items.workspace import Workspace
from cockpit.metrics import book as metrics

TODAY = dt.date(2026, 11, 18)


@pytest.fixture
def ws(tmp_path: Path, clock: FrozenClock) -> Workspace:
    return Workspace(tmp_path / "ws", clock)


def col(table: str, name: str) -> metrics.Column:
    return metrics.TABLES[table].column(name)


def parse(table: str, name: str, text: str) -> metrics.Value | None:
    return metrics.parse_value(col(table, name), text, TODAY)


# values -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "value"),
    [("1,234.56", 1234.56), ("12.5万", 125000), ("¥3,000", 3000), ("￥3000", 3000),
     ("-80", -80), ("1.005", 1.01), ("1亿", 100_000_000), ("3k", 3000), ("1 200", 1200),
     ("0", 0), (".5", 0.5), ("+7", 7)],
)  # fmt: skip
def test_money(text: str, value: float) -> None:
    got = parse("revenue", "cash", text)
    assert got == value and type(got) is type(value)


@pytest.mark.parametrize("text", ["abc", "12x", "1e5", "--3", "万", "1.2.3"])
def test_bad_money_names_the_column(text: str) -> None:
    with pytest.raises(InvalidError, match=r"^cash must be an amount like 1234\.56"):
        parse("revenue", "cash", text)


def test_counts_are_whole_and_not_negative() -> None:
    assert parse("revenue", "users", "1,200") == 1200
    assert parse("revenue", "users", "12.0") == 12  # what some spreadsheets write
    with pytest.raises(InvalidError, match=r"users must be a whole number, not '12\.5'"):
        parse("revenue", "users", "12.5")
    with pytest.raises(InvalidError, match="users is a count and cannot be negative"):
        parse("revenue", "users", "-3")
    with pytest.raises(InvalidError, match="users must be a number, not 'many'"):
        parse("revenue", "users", "many")
    with pytest.raises(InvalidError, match="users must be a number"):
        parse("revenue", "users", "3万")  # scale words are for money only


@pytest.mark.parametrize(
    ("text", "month"),
    [("2026-10", "2026-10"), ("2026/1", "2026-01"), ("2026.03", "2026-03"),
     ("2026年10月", "2026-10"), ("2026-10-01", "2026-10"), ("2026/10/31", "2026-10"),
     ("2026年10月1日", "2026-10"), (" 2026 - 7 ", "2026-07")],
)  # fmt: skip
def test_months(text: str, month: str) -> None:
    assert metrics.parse_month(text) == month


@pytest.mark.parametrize("text", ["2026-13", "2026-00", "2026-02-30", "Oct 2026", "26-10", "2026"])
def test_bad_months(text: str) -> None:
    with pytest.raises(InvalidError, match=r"is not a month like 2026-10$"):
        metrics.parse_month(text)


def test_dates_and_text() -> None:
    assert parse("projects", "golive", "2026/12/1") == "2026-12-01"
    assert parse("projects", "golive", "2026年12月31日") == "2026-12-31"
    assert parse("projects", "golive", "+3") == "2026-11-21"
    with pytest.raises(
        InvalidError, match="go-live date must be a date like 2026-11-30, not '2026-02-30'"
    ):
        parse("projects", "golive", "2026-02-30")
    assert parse("revenue", "change_note", "  大单\x1b[31m 落地\n第二行 ") == "大单 落地\n第二行"
    assert parse("revenue", "cash", "   ") is None


def test_unknown_table_and_column() -> None:
    with pytest.raises(InvalidError, match="no metric table 'sales'; use one of revenue, opp"):
        metrics.spec_of("sales")
    with pytest.raises(InvalidError, match="revenue has no column 'profit'; its columns are month"):
        metrics.parse_row(metrics.TABLES["revenue"], {"profit": "1"}, TODAY)


def test_every_column_has_english_and_chinese_labels() -> None:
    from cockpit.core.i18n import CATALOG
    from cockpit.metrics.specs import KINDS

    for spec in metrics.TABLES.values():
        assert f"metrics.table.{spec.name}" in CATALOG
        assert spec.headline in spec.numeric
        for c in spec.columns:
            assert c.kind in KINDS
            en, zh = CATALOG[f"metrics.col.{c.name}"]
            assert en and zh


# storage ------------------------------------------------------------------------------
def test_set_row_adds_then_merges_and_clears(ws: Workspace) -> None:
    row = metrics.set_row(ws, "revenue", {"month": "2026-10", "cash": "120万", "users": "300"})
    assert (row.month, row.values) == ("2026-10", {"cash": 1_200_000, "users": 300})
    again = metrics.set_row(ws, "revenue", {"month": "2026/10", "gaap": "1000000", "users": ""})
    assert again.id == row.id
    assert again.values == {"cash": 1_200_000, "gaap": 1_000_000}
    stored = json.loads((ws.root / "metrics.json").read_bytes())
    assert stored["revenue"] == {
        # `seq` counts the row's edits (optimistic concurrency, cockpit.core.changes)
        str(row.id): {"month": "2026-10", "cash": 1200000, "gaap": 1000000, "seq": 1}
    }
    assert "revenue" not in json.loads((ws.root / "items.json").read_bytes())


def test_rows_are_sorted_by_month_then_key(ws: Workspace) -> None:
    metrics.set_row(ws, "ops", {"month": "2026-10", "activity": "webinar", "follows": "10"})
    metrics.set_row(ws, "ops", {"month": "2026-09", "activity": "双11", "follows": "3"})
    metrics.set_row(ws, "ops", {"month": "2026-10", "activity": "Meetup", "follows": "4"})
    metrics.set_row(ws, "ops", {"month": "2026-10", "activity": "meetup ", "conversions": "2"})
    got = [(r.month, r.key, r.values.get("follows")) for r in metrics.rows(ws, "ops")]
    assert got == [("2026-09", "双11", 3), ("2026-10", "meetup", 4), ("2026-10", "webinar", 10)]
    assert metrics.rows(ws, "ops")[1].values["conversions"] == 2  # same activity, any case


def test_rows_of_several_per_month_tables_need_their_key(ws: Workspace) -> None:
    with pytest.raises(InvalidError, match="every architect projects row needs a customer"):
        metrics.set_row(ws, "projects", {"month": "2026-10", "revenue_target": "50万"})
    with pytest.raises(InvalidError, match="every revenue row needs a month"):
        metrics.put_rows(ws, "revenue", [{"cash": 5}])


def test_valuable_opportunities_cannot_exceed_the_total(ws: Workspace) -> None:
    metrics.set_row(ws, "opportunities", {"month": "2026-10", "total": "10"})
    with pytest.raises(
        InvalidError, match=r"valuable opportunities \(12\) exceed the total \(10\)"
    ):
        metrics.set_row(ws, "opportunities", {"month": "2026-10", "valuable": "12"})
    assert metrics.rows(ws, "opportunities")[0].values == {"total": 10}


def test_put_rows_is_all_or_nothing_and_one_undo_step(ws: Workspace) -> None:
    good = [{"month": f"2026-{m:02d}", "cash": m * 100} for m in range(1, 11)]
    assert metrics.put_rows(ws, "revenue", good) == (10, 0)
    with pytest.raises(InvalidError):
        metrics.put_rows(ws, "revenue", [{"month": "2026-11", "cash": 1}, {"cash": 2}])
    assert len(metrics.rows(ws, "revenue")) == 10
    assert metrics.put_rows(ws, "revenue", [{"month": "2026-10", "cash": 1}]) == (0, 1)
    ws.undo()
    assert metrics.rows(ws, "revenue")[-1].values == {"cash": 1000}
    ws.undo()
    assert metrics.rows(ws, "revenue") == []


def test_save_row_replaces_refuses_a_clash_and_moves(ws: Workspace) -> None:
    sep = metrics.save_row(ws, "revenue", {"month": "2026-09", "cash": "100", "users": "3"})
    octo = metrics.save_row(ws, "revenue", {"month": "2026-10", "cash": "200"})
    with pytest.raises(InvalidError, match="revenue already has a row for 2026-10; edit that"):
        metrics.save_row(ws, "revenue", {"month": "2026-10", "cash": "1"})
    with pytest.raises(InvalidError, match="already has a row for 2026-10"):
        metrics.save_row(ws, "revenue", {"month": "2026-10", "cash": "1"}, row_id=sep.id)
    replaced = metrics.save_row(ws, "revenue", {"month": "2026-09", "cash": "150"}, row_id=sep.id)
    assert (replaced.id, replaced.values) == (sep.id, {"cash": 150})  # users cleared: a form
    moved = metrics.save_row(ws, "revenue", {"month": "2026-08", "cash": "150"}, row_id=sep.id)
    assert moved.id == sep.id
    assert [r.month for r in metrics.rows(ws, "revenue")] == ["2026-08", "2026-10"]
    ws.undo()  # the move is one step
    assert [(r.month, r.id) for r in metrics.rows(ws, "revenue")] == [
        ("2026-09", sep.id),
        ("2026-10", octo.id),
    ]
    with pytest.raises(NotFoundError, match="revenue has no row 99"):
        metrics.save_row(ws, "revenue", {"month": "2026-07"}, row_id=99)


def test_delete_row_and_undo(ws: Workspace) -> None:
    row = metrics.set_row(ws, "tickets", {"month": "2026-10", "count": "31", "owner": "王工"})
    assert metrics.delete_row(ws, "tickets", row.id).values["owner"] == "王工"
    assert metrics.rows(ws, "tickets") == []
    ws.undo()
    assert metrics.rows(ws, "tickets")[0].values == {"count": 31, "owner": "王工"}
    with pytest.raises(NotFoundError):
        metrics.delete_row(ws, "tickets", 42)


def test_ids_are_never_reused_across_tables(ws: Workspace) -> None:
    a = metrics.set_row(ws, "revenue", {"month": "2026-10", "cash": "1"})
    b = metrics.set_row(ws, "tickets", {"month": "2026-10", "count": "1"})
    metrics.delete_row(ws, "tickets", b.id)
    c = metrics.set_row(ws, "tickets", {"month": "2026-11", "count": "1"})
    assert len({a.id, b.id, c.id}) == 3


def test_public_lists_every_column(ws: Workspace) -> None:
    row = metrics.set_row(ws, "tickets", {"month": "2026-10", "count": "31"})
    assert row.public() == {
        "id": row.id, "month": "2026-10", "count": 31, "owner": None, "plan": None,
        "plan_date": None,
    }  # fmt: skip


def test_all_rows_reads_every_table(ws: Workspace) -> None:
    metrics.set_row(ws, "tickets", {"month": "2026-10", "count": "31"})
    data = metrics.all_rows(ws)
    assert list(data) == ["revenue", "opportunities", "ops", "projects", "tickets"]
    assert len(data["tickets"]) == 1 and data["revenue"] == []
