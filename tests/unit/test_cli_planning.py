"""`cockpit metrics|req|launch` end to end through `cockpit.cli.main.main`, on real files."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.unit.cli_helpers import Result, Run, runner
from tests.unit.storage_helpers import PYTHON, one_line, snapshot


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "ws"


@pytest.fixture
def cockpit(root: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    """`cockpit --data-dir ROOT ARGS...` (the conftest froze the clock at 2026-11-18)."""
    return runner(root, capsys)


def ok(result: Result) -> Result:
    assert result.code == 0, result.err
    assert result.err == ""
    return result


def fails(result: Result) -> str:
    assert result.code == 1
    assert result.out == ""
    return one_line(result.err)


# metrics ------------------------------------------------------------------------------
def test_metrics_set_show_and_json(cockpit: Run) -> None:
    for month, cash in (("2026-07", "90"), ("2026-08", "95"), ("2026-09", "100")):
        ok(cockpit("metrics", "set", "--table", "revenue", "--month", month, f"cash={cash}万"))
    out = ok(cockpit("metrics", "set", "--table", "revenue", "--month", "2026/10", "cash=108万",
                     "users=1,300", "change_note=大单落地")).out  # fmt: skip
    assert out == "Saved revenue 2026-10: cash=1080000, users=1300, change_note=大单落地\n"
    shown = ok(cockpit("metrics", "show", "--table", "revenue")).out.splitlines()
    assert shown[0] == "revenue:"
    assert shown[-1] == "  = revenue 2026-10 +8% MoM, 3rd month of growth"
    assert any(line.startswith("  2026-10      1,080,000") for line in shown)
    assert any(line.startswith("  cash            MoM    +8%  YoY      -") for line in shown)
    data = ok(cockpit("metrics", "show", "--json")).json()
    assert list(data) == ["revenue", "opportunities", "ops", "projects", "tickets"]
    revenue = data["revenue"]
    assert revenue["summary"] == "revenue 2026-10 +8% MoM, 3rd month of growth"
    assert revenue["rows"][-1] == {"id": 4, "month": "2026-10", "cash": 1080000, "gaap": None,
                                   "users": 1300, "instances": None, "forecast": None,
                                   "change_note": "大单落地", "actions": None}  # fmt: skip
    cash = revenue["trends"][0]
    assert (cash["column"], cash["streak"], cash["flags"]) == ("cash", 3, [])
    assert cash["mom"] == pytest.approx(0.08) and len(cash["spark"]) == 12
    assert data["tickets"] == {"rows": [], "trends": [], "summary": None, "months": []}
    # Growth and flags of every month shown, not only the latest.
    months = revenue["months"]
    assert [m["month"] for m in months] == ["2026-07", "2026-08", "2026-09", "2026-10"]
    assert months[0]["columns"]["cash"]["mom"] is None
    assert months[1]["columns"]["cash"]["mom"] == pytest.approx(95 / 90 - 1)
    latest = {k: v for k, v in cash.items() if k not in ("column", "month", "spark")}
    assert months[-1]["columns"]["cash"] == latest


def test_metrics_show_text_keeps_to_the_last_twelve_months(cockpit: Run) -> None:
    for n in range(15):
        month = f"{2025 + (n + 7) // 12}-{(n + 7) % 12 + 1:02d}"
        ok(cockpit("metrics", "set", "--table", "tickets", "--month", month, f"count={n}"))
    out = ok(cockpit("metrics", "show", "--table", "tickets")).out
    assert out.startswith("support tickets: (last 12 months of 15 rows; --all shows every one)\n")
    assert "2025-11" in out and "2025-10" not in out
    assert "2025-08" in ok(cockpit("metrics", "show", "--table", "tickets", "--all")).out
    empty = ok(cockpit("metrics", "show", "--table", "ops")).out
    assert empty == (
        "ops activities: no rows yet (cockpit metrics set --table ops --month YYYY-MM ...)\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--month", "2026-13", "cash=1"], "month '2026-13' is not a month like 2026-10"),
        (["--month", "2026-10", "cash=lots"], "cash must be an amount like 1234.56"),
        (["--month", "2026-10", "profit=1"], "revenue has no column 'profit'"),
        (["--month", "2026-10", "cash"], "'cash' is not COL=VALUE (e.g. cash=1200000)"),
    ],
)
def test_metrics_set_refuses_bad_input(
    cockpit: Run, root: Path, args: list[str], message: str
) -> None:
    ok(cockpit("metrics", "set", "--table", "revenue", "--month", "2026-09", "cash=1"))
    before = snapshot(root)
    assert message in fails(cockpit("metrics", "set", "--table", "revenue", *args))
    assert snapshot(root) == before


def test_metrics_import_export_round_trip(cockpit: Run, root: Path, tmp_path: Path) -> None:
    src = tmp_path / "ops.csv"
    src.write_text("月份,运营活动,关注数,转化数,改进意见\n2026-10,双11,1200,85,早点预热\n", "utf-8")
    out = ok(cockpit("metrics", "import", str(src), "--table", "ops")).out
    assert out == "Imported 1 row into ops activities (1 new, 0 updated)\n"
    exported = tmp_path / "all.csv"
    assert ok(cockpit("metrics", "export", "-o", str(exported))).out == ""
    text = exported.read_text("utf-8")
    assert text.splitlines()[1].startswith("ops,2026-10,")
    assert ok(cockpit("metrics", "export", "--table", "ops")).out == (
        "month,activity,follows,conversions,ideas\n2026-10,双11,1200,85,早点预热\n"
    )
    again = ok(cockpit("metrics", "import", str(exported))).out
    assert again == "Imported 1 row (0 new, 1 updated)\n"


def test_metrics_import_refuses_a_bad_file_whole(cockpit: Run, root: Path, tmp_path: Path) -> None:
    ok(cockpit("metrics", "set", "--table", "revenue", "--month", "2026-09", "cash=1"))
    before = snapshot(root)
    bad = tmp_path / "bad.csv"
    bad.write_text("month,cash\n2026-10,5\n2026-11,five\n2026-12,6\n2026-14,7\n", "utf-8")
    err = fails(cockpit("metrics", "import", str(bad), "--table", "revenue"))
    assert err == (
        f"cockpit: {bad}: nothing imported, 2 bad rows: line 3: cash must be an amount like "
        "1234.56, -80 or 12.5万, not 'five'; line 5: month '2026-14' is not a month like 2026-10."
    )
    assert snapshot(root) == before


# requirements -------------------------------------------------------------------------
def test_req_add_ls_move_show(cockpit: Run) -> None:
    ok(cockpit("customers", "add", "招商银行", "--tier", "top"))
    out = ok(cockpit("req", "add", "pgvector", "HNSW", "--customer", "招商银行", "--kano",
                     "attractive", "--priority", "p1", "--release", "2027.1")).out  # fmt: skip
    assert out == "Added requirement #1 (collected, P1): pgvector HNSW\n"
    ok(cockpit("req", "add", "DDL replication", "--source", "sales", "--kano", "must-be"))
    listed = ok(cockpit("req", "ls", "--json")).json()
    assert [(r["id"], r["customer"], r["source"]) for r in listed] == [
        (1, "招商银行", "customer"),  # P1 first, spelled as the customer book has it
        (2, "", "sales"),
    ]
    out = ok(cockpit("req", "move", "1", "reviewed", "--reason", "评审通过")).out
    assert out == "Moved #1 from collected to reviewed: pgvector HNSW\n"
    ok(cockpit("req", "move", "#1", "planned", "--reason", "2027.1"))
    ok(cockpit("req", "move", "1", "in", "development", "--reason", "sprint 12"))
    ok(cockpit("req", "move", "2", "rejected", "--reason", "not now"))
    text = ok(cockpit("req", "ls")).out
    assert text.splitlines() == [
        "    1 P1 in development attractive  pgvector HNSW" + " " * 31 + " @招商银行 2027.1"
    ]
    assert "DDL replication" in ok(cockpit("req", "ls", "--all")).out
    assert ok(cockpit("req", "ls", "--status", "已拒绝", "--json")).json()[0]["id"] == 2
    assert ok(cockpit("req", "ls", "--kano", "must-be", "--all", "--json")).json()[0]["id"] == 2
    show = ok(cockpit("req", "show", "1")).out.splitlines()
    assert show[0] == "#1 pgvector HNSW"
    assert show[-1] == "  2026-11-18 status: planned -> in development (sprint 12)"
    assert ok(cockpit("req", "show", "1", "--json")).json()["status"] == "in-development"


def test_req_refusals(cockpit: Run, root: Path) -> None:
    ok(cockpit("req", "add", "x"))
    before = snapshot(root)
    err = fails(cockpit("req", "move", "1", "released", "--reason", "hurry"))
    assert err == (
        "cockpit: requirement 1 cannot move from collected to released; "
        "it can move to reviewed, rejected."
    )
    assert "no requirement with id 7" in fails(
        cockpit("req", "move", "7", "reviewed", "--reason", "r")
    )
    assert "'x' is not a requirement id" in fails(
        cockpit("req", "move", "x", "reviewed", "--reason", "r")
    )
    assert "kano must be one of" in fails(cockpit("req", "add", "y", "--kano", "wow"))
    assert "status must be one of" in fails(cockpit("req", "ls", "--status", "doing"))
    assert snapshot(root) == before


def test_req_ls_when_empty(cockpit: Run) -> None:
    assert ok(cockpit("req", "ls")).out.startswith("No requirements here.")
    assert ok(cockpit("req", "ls", "--json")).json() == []


# launches -----------------------------------------------------------------------------
def test_launch_new_ls_show_check(cockpit: Run) -> None:
    out = ok(cockpit("launch", "new", "省政务平台", "V1.0", "--date", "2026-11-25")).out
    assert (
        out == "New launch #1 省政务平台 V1.0: go-live 2026-11-25, 10 items, first due 2026-11-11\n"
    )
    ok(cockpit("launch", "new", "Acme", "--date", "+30"))
    lines = ok(cockpit("launch", "ls")).out.splitlines()
    assert lines[0].split() == ["1", "省政务平台", "V1.0", "go-live", "2026-11-25", "0/10", "done",
                                "3", "overdue"]  # fmt: skip
    assert lines[1].split()[-2:] == ["0/10", "done"]
    summary = ok(cockpit("launch", "ls", "--json")).json()
    assert [(x["name"], x["golive"], x["overdue"]) for x in summary] == [
        ("省政务平台 V1.0", "2026-11-25", 3),
        ("Acme", "2026-12-18", 0),
    ]
    out = ok(cockpit("launch", "check", "省政务", "1")).out
    assert (
        out
        == "省政务平台 V1.0 item 1 done: Two environments ready (production and test, same data)\n"
    )
    show = ok(cockpit("launch", "show", "省政务平台", "V1.0")).out.splitlines()
    assert show[0] == "省政务平台 V1.0: go-live 2026-11-25, 1/10 done"
    assert show[1].startswith("   1 [x] 2026-11-11 Two environments")
    assert show[2].endswith("OVERDUE") and not show[4].endswith("OVERDUE")
    ok(cockpit("launch", "check", "省政务", "1", "--undo"))
    data = ok(cockpit("launch", "show", "省政务", "--json")).json()
    assert (data["done"], data["overdue"], data["items"][0]["state"]) == (0, 3, "open")


def test_launch_refusals(cockpit: Run, root: Path) -> None:
    ok(cockpit("launch", "new", "Acme", "--date", "2026-12-01"))
    before = snapshot(root)
    assert "a launch named 'acme' already exists" in fails(
        cockpit("launch", "new", "acme", "--date", "2026-12-01")
    )
    assert "cannot read date 'soon'" in fails(cockpit("launch", "new", "B", "--date", "soon"))
    assert "has no item 11 (items 1-10)" in fails(cockpit("launch", "check", "Acme", "11"))
    assert "no launch named 'zeta'" in fails(cockpit("launch", "show", "zeta"))
    assert snapshot(root) == before
    assert ok(cockpit("launch", "ls", "--json")).json()[0]["name"] == "Acme"


def test_launch_ls_when_empty(cockpit: Run) -> None:
    assert ok(cockpit("launch", "ls")).out.startswith("No launches yet.")


# import contract ----------------------------------------------------------------------
PLANNING_MODULES = [
    "cockpit.metrics.book", "cockpit.metrics.tables_csv", "cockpit.metrics.trends",
    "cockpit.planning.requirements", "cockpit.planning.launches", "cockpit.cli.planning",
    "cockpit.cli.metrics",
]  # fmt: skip


def test_planning_modules_never_import_textual() -> None:
    probe = (
        f"import sys, {', '.join(PLANNING_MODULES)}\n"
        "print(sorted(m for m in sys.modules if m.startswith(('textual', 'rich'))))"
    )
    done = subprocess.run([PYTHON, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
