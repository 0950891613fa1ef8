"""CSV import (whole file or nothing, bad lines named) and export of the metric tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from cockpit.core.clock import FrozenClock
from cockpit.core.errors import ImportFileError
from cockpit.items.workspace import Workspace
from cockpit.metrics import book as metrics
from cockpit.metrics.tables_csv import export_csv, import_csv


@pytest.fixture
def ws(tmp_path: Path, clock: FrozenClock) -> Workspace:
    return Workspace(tmp_path / "ws", clock)


def write(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "m.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def values(ws: Workspace, table: str) -> dict[str, dict[str, metrics.Value]]:
    return {f"{r.month} {r.key}".strip(): r.values for r in metrics.rows(ws, table)}


def test_english_headers(ws: Workspace, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "month,cash,gaap,users,instances,forecast,change_note,actions\n"
        '2026-09,"1,000,000",950000,120,300,110万,,\n'
        "2026-10,1100000,1000000,130,320,,big deal,discount for renewals\n"
        ",,,,,,,\n",
    )
    assert import_csv(ws, path, "revenue") == "Imported 2 rows into revenue (2 new, 0 updated)"
    assert values(ws, "revenue") == {
        "2026-09": {"cash": 1_000_000, "gaap": 950_000, "users": 120, "instances": 300,
                    "forecast": 1_100_000},
        "2026-10": {"cash": 1_100_000, "gaap": 1_000_000, "users": 130, "instances": 320,
                    "change_note": "big deal", "actions": "discount for renewals"},
    }  # fmt: skip


def test_chinese_headers_in_gbk_as_excel_saves_them(ws: Workspace, tmp_path: Path) -> None:
    text = (
        "月份,总商机,价值商机,价值商机说明,流失商机数,流失用户,流失原因\r\n"
        "2026年9月,40,12,金融行业头部,3,2,价格\r\n"
        "2026/10,45,15,,4,1,迁移到自建\r\n"
    )
    path = write(tmp_path, text, encoding="gbk")
    assert (
        import_csv(ws, path, "opportunities")
        == "Imported 2 rows into opportunities & churn (2 new, 0 updated)"
    )
    got = values(ws, "opportunities")
    assert got["2026-09"] == {"total": 40, "valuable": 12, "valuable_reason": "金融行业头部",
                              "lost": 3, "churned": 2, "churn_reasons": "价格"}  # fmt: skip
    assert got["2026-10"]["churn_reasons"] == "迁移到自建"


def test_bom_semicolons_and_label_headers(ws: Workspace, tmp_path: Path) -> None:
    text = "\ufeffMonth;Activity;Follows;Conversions;Improvement ideas\n"
    text += "2026-10;双11;1200;85;早点预热\n"
    assert import_csv(ws, write(tmp_path, text), "ops").startswith(
        "Imported 1 row into ops activities "
    )
    assert values(ws, "ops") == {
        "2026-10 双11": {
            "activity": "双11",
            "follows": 1200,
            "conversions": 85,
            "ideas": "早点预热",
        }
    }


def test_import_merges_by_month_and_keeps_columns_not_in_the_file(
    ws: Workspace, tmp_path: Path
) -> None:
    metrics.set_row(ws, "revenue", {"month": "2026-10", "cash": "1", "users": "5"})
    path = write(tmp_path, "month,cash,forecast\n2026-10,2,\n2026-11,3,4\n")
    assert import_csv(ws, path, "revenue") == "Imported 2 rows into revenue (1 new, 1 updated)"
    assert values(ws, "revenue") == {
        "2026-10": {"cash": 2, "users": 5},  # users kept, empty forecast stays empty
        "2026-11": {"cash": 3, "forecast": 4},
    }
    ws.undo()  # the whole import is one step
    assert values(ws, "revenue") == {"2026-10": {"cash": 1, "users": 5}}


def test_bad_rows_refuse_the_whole_file_naming_each_line(ws: Workspace, tmp_path: Path) -> None:
    metrics.set_row(ws, "revenue", {"month": "2026-01", "cash": "7"})
    before = (ws.root / "metrics.json").read_bytes()
    path = write(
        tmp_path,
        "month,cash,users\n"
        "2026-09,100,10\n"
        "2026-13,100,10\n"  # line 3
        "2026-10,lots,10\n"  # line 4
        "\n"
        "2026-11,100,-1\n"  # line 6
        "2026-12,100,10\n",
    )
    with pytest.raises(ImportFileError) as exc:
        import_csv(ws, path, "revenue")
    assert str(exc.value) == (
        f"{path}: nothing imported, 3 bad rows: "
        "line 3: month '2026-13' is not a month like 2026-10; "
        "line 4: cash must be an amount like 1234.56, -80 or 12.5万, not 'lots'; "
        "line 6: users is a count and cannot be negative ('-1')"
    )
    assert (ws.root / "metrics.json").read_bytes() == before


def test_many_bad_rows_are_counted(ws: Workspace, tmp_path: Path) -> None:
    rows = "".join(f"2026-{m:02d},x\n" for m in range(1, 9))
    with pytest.raises(ImportFileError, match=r"8 bad rows: line 2: .*line 6: [^;]*; and 3 more$"):
        import_csv(ws, write(tmp_path, "month,cash\n" + rows), "revenue")


def test_repeated_months_and_rules_against_stored_rows(ws: Workspace, tmp_path: Path) -> None:
    path = write(tmp_path, "month,activity,follows\n2026-10,Webinar,1\n2026-10,webinar,2\n")
    with pytest.raises(ImportFileError, match="line 3: 2026-10 webinar is already on line 2"):
        import_csv(ws, path, "ops")
    metrics.set_row(ws, "opportunities", {"month": "2026-10", "total": "10"})
    path = write(tmp_path, "month,valuable\n2026-10,11\n")
    with pytest.raises(
        ImportFileError, match=r"line 2: valuable .*\(11\) exceed the total \(10\) \(with"
    ):
        import_csv(ws, path, "opportunities")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "is empty; it needs a header row"),
        ("cash,users\n1,2\n", "has no 'month' column in its header row (line 1)"),
        ("month,follows\n2026-10,3\n", "has no 'activity' column"),
        ("month,cash,现金\n2026-10,1,2\n", "the revenue column 'cash' appears twice"),
    ],
)
def test_bad_headers(ws: Workspace, tmp_path: Path, text: str, message: str) -> None:
    table = "ops" if "follows" in text else "revenue"
    with pytest.raises(ImportFileError) as exc:
        import_csv(ws, write(tmp_path, text), table)
    assert message in str(exc.value)


def test_unknown_column_is_named(ws: Workspace, tmp_path: Path) -> None:
    # Said once for the header, not on every row.
    text = "month,profit\n2026-10,1\n2026-11,2\n"
    with pytest.raises(ImportFileError) as exc:
        import_csv(ws, write(tmp_path, text), "revenue")
    assert str(exc.value).endswith(
        "m.csv: profit is not a column of revenue (its columns: month, cash, gaap, users, "
        "instances, forecast, change_note, actions); nothing imported"
    )
    assert "line" not in str(exc.value)


def test_unreadable_file(ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="cannot read"):
        import_csv(ws, tmp_path / "missing.csv", "revenue")


def test_export_of_one_table(ws: Workspace) -> None:
    metrics.set_row(ws, "revenue", {"month": "2026-10", "cash": "1234.5", "change_note": "a, b"})
    metrics.set_row(ws, "revenue", {"month": "2026-09", "cash": "-80"})
    assert export_csv(ws, "revenue") == (
        "month,cash,gaap,users,instances,forecast,change_note,actions\n"
        "2026-09,-80,,,,,,\n"
        '2026-10,1234.5,,,,,"a, b",\n'
    )


def test_export_of_every_table_imports_back(
    ws: Workspace, tmp_path: Path, clock: FrozenClock
) -> None:
    metrics.set_row(ws, "revenue", {"month": "2026-10", "cash": "0.1", "users": "3"})
    metrics.set_row(ws, "ops", {"month": "2026-10", "activity": "双11", "ideas": "一\n二"})
    metrics.set_row(ws, "projects", {"month": "2026-10", "customer": "招行", "golive": "2026-12-1"})
    metrics.set_row(ws, "tickets", {"month": "2026-09", "count": "12", "plan_date": "2026-10-1"})
    text = export_csv(ws, None)
    assert text.startswith("table,month,cash,")
    other = Workspace(tmp_path / "other", clock)
    assert import_csv(other, write(tmp_path, text), None) == "Imported 4 rows (4 new, 0 updated)"
    assert metrics.all_rows(other) == metrics.all_rows(ws)
    assert export_csv(other, None) == text


def test_file_of_every_table_needs_its_table_column(ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="has no 'table' column; name the table with --table"):
        import_csv(ws, write(tmp_path, "month,cash\n2026-10,1\n"), None)
    text = "table,month,cash,activity\nrevenue,2026-10,1,x\nsales,2026-10,,\n"
    with pytest.raises(ImportFileError) as exc:
        import_csv(ws, write(tmp_path, text), None)
    assert "line 2: revenue has no column 'activity'" in str(exc.value)
    assert "line 3: no metric table 'sales'; use one of revenue, opportunities" in str(exc.value)
    text = "table,month,cash\nops,2026-10,1\n"
    with pytest.raises(ImportFileError, match="line 2: the row is for 'ops', not revenue"):
        import_csv(ws, write(tmp_path, text), "revenue")
