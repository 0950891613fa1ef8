"""Shares by dimension: each key's share of a month, to a tenth of a percent adding up to
exactly 100.0%, and the moves against last month in percentage points."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from cockpit.cli.main import main
from cockpit.metrics import shares
from cockpit.metrics.specs import Column, MetricRow, TableSpec

SPEC = TableSpec(
    "arch",
    (Column("month", "month"), Column("arch", "text"), Column("users", "int"),
     Column("revenue", "money")),
    headline="users",
    key="arch",
    labels=("By architecture", "按架构"),
)  # fmt: skip


def rows(*cells: tuple[str, str, float | None]) -> list[MetricRow]:
    out = []
    for n, (month, key, users) in enumerate(cells, 1):
        values: dict[str, int | float | str] = {"arch": key}
        if users is not None:
            values["users"] = users
        out.append(MetricRow(n, "arch", month, values, SPEC))
    return out


def test_thirds_add_up_to_exactly_100_and_moves_match_a_hand_computation() -> None:
    data = rows(
        ("2026-09", "single", 2), ("2026-09", "HA pair", 1),
        ("2026-10", "single", 1), ("2026-10", "HA pair", 1), ("2026-10", "multi-replica", 1),
    )  # fmt: skip
    col = shares.column_shares(data, "users", "2026-10")
    got = {s.key: (s.pct, s.before, s.move) for s in col.shares}
    # By hand: 1/3 each is 33.33...; the one tenth left over goes to the first key by
    # name (equal remainders, equal values). Last month: 2/3 = 66.7, 1/3 = 33.3.
    assert got == {
        "HA pair": (33.4, 33.3, 0.1),
        "multi-replica": (33.3, 0.0, 33.3),
        "single": (33.3, 66.7, -33.4),
    }
    assert sum(round(s.pct * 10) for s in col.shares) == 1000
    assert [s.key for s in col.movers()] == ["single", "multi-replica", "HA pair"]
    assert col.total == 3 and col.shares[0].share == pytest.approx(1 / 3)


def test_a_key_gone_this_month_shows_its_drop_to_zero() -> None:
    data = rows(("2026-09", "OEM", 10), ("2026-09", "cloud", 30), ("2026-10", "cloud", 50))
    col = shares.column_shares(data, "users", "2026-10")
    assert [(s.key, s.pct, s.move) for s in col.shares] == [("cloud", 100.0, 25.0),
                                                            ("OEM", 0.0, -25.0)]  # fmt: skip
    assert col.movers()[0].key == "cloud"  # equal moves: the rise first


def test_keys_match_case_insensitively_and_empty_values_do_not_count() -> None:
    data = rows(("2026-09", "PostGIS", 1), ("2026-10", "postgis", 3), ("2026-10", "x", None))
    col = shares.column_shares(data, "users", "2026-10")
    assert [(s.key, s.pct, s.before) for s in col.shares] == [("postgis", 100.0, 100.0)]


def test_no_base_month_gives_no_moves() -> None:
    col = shares.column_shares(rows(("2026-10", "a", 1), ("2026-10", "b", 3)), "users", "2026-10")
    assert [(s.key, s.pct, s.before, s.move) for s in col.shares] == [
        ("b", 75.0, None, None),
        ("a", 25.0, None, None),
    ]
    assert col.movers() == []


def test_a_negative_value_or_a_zero_total_has_no_shares() -> None:
    negative = shares.column_shares(
        rows(("2026-10", "a", -1), ("2026-10", "b", 3)), "users", "2026-10"
    )
    assert (negative.shares, negative.reason) == ([], "negative")
    zero = shares.column_shares(rows(("2026-10", "a", 0)), "users", "2026-10")
    assert (zero.shares, zero.reason) == ([], "zero")


@pytest.mark.parametrize("seed", range(25))
def test_shown_shares_always_sum_to_100(seed: int) -> None:
    rng = random.Random(seed)
    values = {
        f"k{n}": rng.choice([rng.random() * 1e6, rng.randint(0, 9), 1, 1, 7])
        for n in range(rng.randint(1, 40))
    }
    values["k0"] = values["k0"] or 1
    parts = shares.largest_remainder(values)
    assert sum(parts.values()) == shares.UNITS
    total = sum(values.values())
    for key, units in parts.items():  # no key is more than one tenth off its exact share
        assert abs(units - values[key] / total * shares.UNITS) < 1


def test_only_keyed_tables_have_shares() -> None:
    single = TableSpec("t", (Column("month", "month"), Column("n", "int")), headline="n")
    assert shares.table_shares(single, [MetricRow(1, "t", "2026-10", {"n": 1}, single)]) == []
    latest = shares.table_shares(SPEC, rows(("2026-09", "a", 1), ("2026-10", "a", 2)))
    assert [(c.column, c.month) for c in latest] == [("users", "2026-10"), ("revenue", "2026-10")]


def test_metrics_show_shares(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = ["--data-dir", str(tmp_path / "ws")]
    for month, activity, conversions in (
        ("2026-09", "webinar", "30"), ("2026-09", "双11", "10"),
        ("2026-10", "webinar", "20"), ("2026-10", "双11", "60"),
    ):  # fmt: skip
        args = ["metrics", "set", "--table", "ops", "--month", month]
        assert main([*root, *args, f"activity={activity}", f"conversions={conversions}"]) == 0
    capsys.readouterr()
    assert main([*root, "metrics", "show", "--shares", "--table", "ops", "--json"]) == 0
    ops = json.loads(capsys.readouterr().out)["ops"]
    conv = next(c for c in ops["columns"] if c["column"] == "conversions")
    assert [(s["key"], s["pct"], s["move"]) for s in conv["shares"]] == [
        ("双11", 75.0, 50.0),
        ("webinar", 25.0, -50.0),
    ]
    assert conv["movers"] == ["双11", "webinar"]
    assert main([*root, "metrics", "show", "--shares", "--table", "ops", "--month", "2026-09"]) == 0
    text = capsys.readouterr().out
    assert "ops activities 2026-09 · conversions by activity (total 40)" in text
    assert "75.0%" in text and "movers: none" in text
    assert main([*root, "metrics", "show", "--shares", "--table", "revenue"]) == 1
    assert "one row a month" in capsys.readouterr().err
    assert main([*root, "metrics", "show", "--month", "2026-09"]) == 1
    assert "--month goes with --shares" in capsys.readouterr().err
