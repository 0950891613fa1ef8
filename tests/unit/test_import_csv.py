"""`cockpit import csv`: items and customers from spreadsheet exports, into a real workspace.

Fixtures: `items-excel.csv` is UTF-8 with a BOM and CRLF, a multi-line cell and blank
trailing rows, as Excel's "CSV UTF-8" writes it; `customers-gbk.csv` is GBK, as Excel on
Chinese Windows writes plain "CSV"; `customers.csv` is plain UTF-8.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cockpit.cli.main import main
from cockpit.core.clock import FrozenClock
from cockpit.core.errors import ImportFileError
from cockpit.core.model import Item
from cockpit.importers.csvfile import import_csv
from cockpit.items.workspace import Workspace

FIXTURES = Path(__file__).parent.parent / "fixtures"


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    clock = FrozenClock(datetime(2026, 11, 18, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai")))
    return Workspace(tmp_path / "ws", clock)


def write(tmp_path: Path, text: str, name: str = "in.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def by_title(ws: Workspace) -> dict[str, Item]:
    return {i.title: i for i in ws.items()}


def test_excel_items_file_with_bom(ws: Workspace) -> None:
    ws.customers.add("China Merchants Bank", tier="top")

    report = import_csv(ws, FIXTURES / "items-excel.csv", "items")

    # The column the importer does not know is named, not silently put in notes.
    assert report == "Imported 3 items (1 done); column 'Jira' not recognised, kept in notes"
    items = by_title(ws)
    assert set(items) == {
        "Review pgvector roadmap",  # no BOM left on the first header ("Title")
        "整理 PostgreSQL 18 新特性，写进周报",
        "Send Q4 revenue forecast to finance",
    }
    first = items["Review pgvector roadmap"]
    assert (first.list, first.week, first.key, first.due) == ("key", "2026-W47", True, "2026-11-20")
    assert first.owner == "me"
    assert first.customer == "China Merchants Bank"  # spelled as the customer book has it
    assert first.tags == ["roadmap", "pgvector"]
    assert first.notes == "Bring HNSW numbers\nJira: PM-101"  # unknown column kept

    zh = items["整理 PostgreSQL 18 新特性，写进周报"]
    assert (zh.list, zh.week, zh.key, zh.status) == ("plan", "2026-W48", False, "open")
    assert zh.tags == ["周报", "community"]
    assert zh.notes == "第一行\n第二行"

    done = items["Send Q4 revenue forecast to finance"]
    assert (done.list, done.week, done.status) == ("ops", "2026-W46", "done")
    assert done.due == "2026-11-20"  # "fri" from Wednesday 18 November
    assert done.done_at == "2026-11-18T10:00:00+08:00"
    assert done.notes == "Jira: PM-99"


def test_gbk_customers_file(ws: Workspace) -> None:
    report = import_csv(ws, FIXTURES / "customers-gbk.csv", "customers")

    assert report == "Imported 3 customers; column '联系人' not recognised, kept in notes"
    customers = {c.name: c for c in ws.customers.all()}
    assert set(customers) == {"招商银行", "国家电网", "顺丰科技"}
    cmb = customers["招商银行"]
    assert (cmb.tier, cmb.industry, cmb.region, cmb.source) == ("top", "金融", "深圳", "direct")
    assert (cmb.owner, cmb.next_followup) == ("王磊", "2026-11-20")
    assert cmb.notes == "联系人: 李经理"
    assert customers["国家电网"].next_followup is None
    assert customers["国家电网"].notes == ""


def test_bytes_that_are_neither_utf8_nor_gbk_are_refused(ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes("name\nCafé\n".encode("latin-1"))

    with pytest.raises(ImportFileError, match="neither UTF-8 nor GBK"):
        import_csv(ws, path, "customers")
    assert ws.customers.all() == []


def test_utf16_and_semicolons_are_read(ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "unicode.txt"
    path.write_bytes("name\ttier\n招商银行\ttop\n".encode("utf-16"))
    semi = write(tmp_path, "Title;Week;Tags\nplan the demo;next;demo,pg\n")

    import_csv(ws, path, "customers")
    import_csv(ws, semi, "items")

    assert [(c.name, c.tier) for c in ws.customers.all()] == [("招商银行", "top")]
    item = ws.items()[0]
    assert (item.title, item.week, item.tags) == ("plan the demo", "2026-W48", ["demo", "pg"])


BAD_ROWS = [
    ("due", "not a date", "line 3: cannot read date 'not a date'"),
    ("week", "W99", "line 3: week 'W99' does not exist in 2026"),
    ("key", "maybe", "line 3: key must be yes or no"),
    ("list", "someday", "line 3: list must be one of key, plan, ops"),
    ("status", "started", "line 3: status must be one of open, done, dropped"),
    ("title", "  ", "line 3: the title is empty"),
]


@pytest.mark.parametrize(("column", "value", "message"), BAD_ROWS, ids=[b[0] for b in BAD_ROWS])
def test_bad_row_names_its_line_and_imports_nothing(
    ws: Workspace, tmp_path: Path, column: str, value: str, message: str
) -> None:
    ws.add("already here")
    before = ws.files.path("items").read_bytes()
    good = {"title": "good", "due": "", "week": "", "key": "", "list": "", "status": ""}
    bad = dict(good, title="bad", list="plan") | {column: value}
    header = ",".join(good)
    # The first row's notes span two lines: the row after it is still line 3.
    path = write(
        tmp_path,
        f'{header},notes\n{",".join(good.values())},"two\nlines"\n'
        f"{','.join(bad.values())},\n{','.join(good.values())},\n",
    )

    with pytest.raises(ImportFileError) as err:
        import_csv(ws, path, "items")

    assert str(err.value).startswith(f"{path} {message}")
    assert ws.files.path("items").read_bytes() == before


def test_duplicate_customer_names_are_errors(ws: Workspace, tmp_path: Path) -> None:
    ws.customers.add("Globex")
    within = write(tmp_path, "name\nAcme\nInitech\n  acme \n", "within.csv")
    existing = write(tmp_path, "name,tier\nInitech,key\nGLOBEX,top\n", "existing.csv")

    with pytest.raises(ImportFileError, match=r"line 4: the customer 'acme' is already on line 2"):
        import_csv(ws, within, "customers")
    with pytest.raises(ImportFileError, match=r"line 3: a customer named 'GLOBEX' already exists"):
        import_csv(ws, existing, "customers")

    assert [c.name for c in ws.customers.all()] == ["Globex"]


def test_header_problems(ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="has no 'title' column"):
        import_csv(ws, write(tmp_path, "name,week\nx,next\n"), "items")
    with pytest.raises(ImportFileError, match="the column 'tags' appears twice"):
        import_csv(ws, write(tmp_path, "title,Tags, tags\nx,a,b\n"), "items")
    with pytest.raises(ImportFileError, match="is empty"):
        import_csv(ws, write(tmp_path, ""), "items")
    with pytest.raises(ImportFileError, match=r"cannot read .*nope\.csv"):
        import_csv(ws, tmp_path / "nope.csv", "items")


def test_unnamed_columns_and_control_characters(ws: Workspace, tmp_path: Path) -> None:
    path = write(tmp_path, "title,,Source System\n\x1b[31mred\x1b[0m item,extra,Jira\x07\n")

    import_csv(ws, path, "items")

    item = ws.items()[0]
    assert item.title == "red item"
    assert item.notes == "column 2: extra\nSource System: Jira"


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("COCKPIT_NOW", "2026-11-18T10:00:00+08:00")
    monkeypatch.setenv("COCKPIT_CONFIG", str(tmp_path / "no-config.toml"))
    return tmp_path / "data"


def test_cli_imports_customers(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--data-dir", str(cli_env), "import", "csv", str(FIXTURES / "customers.csv")]

    assert main([*argv, "--kind", "customers"]) == 0
    assert capsys.readouterr().out == "Imported 2 customers\n"

    assert main(["--data-dir", str(cli_env), "customers", "ls", "--json"]) == 0
    rows = {r["name"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["Acme Analytics"]["tier"] == "top"
    assert rows["Acme Analytics"]["next_followup"] == "2026-11-18"
    assert rows["Acme Analytics"]["due"] is True
    assert rows["Globex"]["source"] == "channel"

    # The same file again: every name now exists, so the import is refused as a whole.
    assert main([*argv, "--kind", "customers"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert captured.err.startswith("cockpit: ")
    assert "customers.csv line 2: a customer named 'Acme Analytics' already exists" in captured.err


def test_cli_bad_items_row(
    cli_env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "title,due\nok,today\nbroken,31/12/2026\n")

    status = main(["--data-dir", str(cli_env), "import", "csv", str(path), "--kind", "items"])

    assert status == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"{path} line 3: cannot read date '31/12/2026'" in err
    assert main(["--data-dir", str(cli_env), "ls", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_header_only_file_imports_nothing(ws: Workspace, tmp_path: Path) -> None:
    before = ws.files.path("customers").read_bytes()

    assert import_csv(ws, write(tmp_path, "name,tier\n,\n"), "customers") == "Imported 0 customers"

    assert ws.files.path("customers").read_bytes() == before
    assert ws.undo() is None
