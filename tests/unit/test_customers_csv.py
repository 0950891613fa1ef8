"""Spreadsheet migration: `cockpit customers import FILE.csv` / `customers export`.

Real files in tmp_path: an Excel "CSV UTF-8" file (BOM, CRLF, Chinese headers and
labels), a GBK file, a file with a bad row; and the round trip export -> import into an
empty workspace, which must give the same customers.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
from dataclasses import asdict
from pathlib import Path

import pytest

from cockpit.cli.customers import CSV_HELP
from cockpit.cli.main import main
from cockpit.core.clock import FrozenClock
from cockpit.core.errors import ImportFileError
from cockpit.core.i18n import CATALOG
from cockpit.core.model import Customer
from cockpit.importers.csvfile import CUSTOMER_COLUMNS, export_customers, import_csv
from cockpit.items.workspace import Workspace

FIXTURES = Path(__file__).parent.parent / "fixtures"


def workspace(root: Path, clock: FrozenClock) -> Workspace:
    return Workspace(root, clock)


def book(ws: Workspace) -> list[Customer]:
    return sorted(Workspace(ws.root, ws.clock).customers.all(), key=lambda c: c.id)


def full_book(ws: Workspace) -> None:
    """Every field used, Chinese text, a multi-line note, commas and quotes."""
    b = ws.customers
    b.add("招商银行", tier="top", industry="金融", region="深圳", source="direct", owner="王磊")
    b.add(
        'Acme, "the" Bank',
        tier="key",
        stage="opportunity",
        deal_value=1_250_000.5,
        next_followup=dt.date(2026, 11, 25),
        notes="first line\nsecond, with comma",
    )
    b.add("蓝鲸支付", source="sales", owner="李娜")
    b.mark_churn_risk("蓝鲸支付", "竞品报价低 30%，续约犹豫")
    b.add("线索公司", stage="lead")
    b.touch("招商银行", "PG 17 升级", channel="visit", day=dt.date(2026, 11, 16))


def test_export_then_import_into_an_empty_workspace_is_identical(
    tmp_path: Path, clock: FrozenClock
) -> None:
    source = workspace(tmp_path / "a", clock)
    full_book(source)
    path = tmp_path / "customers.csv"
    path.write_bytes(export_customers(source.customers.all(), excel=True).encode("utf-8"))
    later = FrozenClock(dt.datetime(2027, 3, 1, 9, 0, tzinfo=clock.now().tzinfo))
    target = workspace(tmp_path / "b", later)  # another day: nothing may come from "now"

    assert import_csv(target, path, "customers") == "Imported 4 customers"

    assert [asdict(c) for c in book(target)] == [asdict(c) for c in book(source)]
    again = export_customers(target.customers.all(), excel=True)
    assert again.encode("utf-8") == path.read_bytes()  # byte for byte, BOM and CRLF too


def test_export_shape(tmp_path: Path, clock: FrozenClock) -> None:
    ws = workspace(tmp_path / "ws", clock)
    full_book(ws)

    plain = export_customers(ws.customers.all())
    excel = export_customers(ws.customers.all(), excel=True)

    lines = plain.splitlines()
    assert lines[0] == ",".join(CUSTOMER_COLUMNS)
    assert lines[1].startswith("招商银行,top,customer,,金融,深圳,direct,王磊,,2026-11-16,")
    assert '"Acme, ""the"" Bank",key,opportunity,1250000.5,' in plain
    assert "\r\n" not in plain
    assert excel.startswith("\ufeffname,tier,") and excel.count("\r\n") >= 5


def excel_file(path: Path, rows: list[str]) -> Path:
    """Written as Excel's "CSV UTF-8" does: a BOM, CRLF, blank rows at the end."""
    path.write_bytes(codecs.BOM_UTF8 + "\r\n".join([*rows, "", ",,,"]).encode("utf-8"))
    return path


def test_excel_utf8_bom_file_with_chinese_headers_imports(
    tmp_path: Path, clock: FrozenClock
) -> None:
    ws = workspace(tmp_path / "ws", clock)
    header = "客户名称,级别,阶段,商机金额,行业,区域,来源,销售,下次跟进,联系人,备注,流失原因"
    rows = [
        header,
        "瀚海银行,重点,商机,120万,金融,华东,直销,李娜,2026-11-25,张行长,核心系统迁移,",
        '北辰证券,关键,流失风险,1.2M,证券,华北,渠道,王磊,,,"两行\n备注",营收下滑',
    ]
    unsure = excel_file(tmp_path / "unsure.csv", [*rows[:2], rows[2].removesuffix("营收下滑")])

    with pytest.raises(ImportFileError, match=r"line 3: say why '北辰证券' is a churn risk"):
        import_csv(ws, unsure, "customers")
    assert ws.customers.all() == []

    assert import_csv(ws, excel_file(tmp_path / "ok.csv", rows), "customers") == (
        "Imported 2 customers; column '联系人' not recognised, kept in notes"
    )

    hanhai, beichen = book(ws)
    assert (hanhai.name, hanhai.tier, hanhai.stage, hanhai.deal_value) == (
        "瀚海银行",
        "top",
        "opportunity",
        1_200_000,
    )
    assert (hanhai.industry, hanhai.region, hanhai.source, hanhai.owner) == (
        "金融",
        "华东",
        "direct",
        "李娜",
    )
    assert hanhai.next_followup == "2026-11-25"
    assert hanhai.notes == "核心系统迁移\n联系人: 张行长"  # the unknown column kept
    assert (beichen.stage, beichen.churn_reason, beichen.deal_value) == (
        "churn-risk",
        "营收下滑",
        1_200_000,
    )
    assert beichen.notes == "两行\n备注"


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("deal_value", "lots", "line 3: deal value must be a number like 1200000"),
        ("stage", "won", "line 3: stage must be one of lead, opportunity, customer"),
        ("tier", "gold", "line 3: tier must be one of top, key, normal"),
        ("last_touch", "someday", "line 3: cannot read date 'someday'"),
        ("created", "yesterday-ish", "line 3: created must be an ISO time"),
        ("churn_reason", "price", "line 3: a churn reason goes with stage churn-risk"),
    ],
)
def test_a_bad_row_names_its_line_and_imports_nothing(
    tmp_path: Path, clock: FrozenClock, column: str, value: str, message: str
) -> None:
    ws = workspace(tmp_path / "ws", clock)
    ws.customers.add("Already here")
    before = ws.files.path("customers").read_bytes()
    good = {"name": "Good", "tier": "", "stage": "", column: ""}
    bad = dict(good, name="Bad") | {column: value}
    path = tmp_path / "bad.csv"
    path.write_text(
        ",".join(good)
        + "\n"
        + ",".join(good.values())
        + "\n"
        + ",".join(bad.values())
        + "\n"
        + ",".join(dict(good, name="Later").values())
        + "\n",
        encoding="utf-8",
    )

    with pytest.raises(ImportFileError) as err:
        import_csv(ws, path, "customers")

    assert str(err.value).startswith(f"{path} {message}")
    assert ws.files.path("customers").read_bytes() == before


def test_gbk_is_read_and_other_bytes_are_refused(tmp_path: Path, clock: FrozenClock) -> None:
    ws = workspace(tmp_path / "ws", clock)
    latin = tmp_path / "latin1.csv"
    latin.write_bytes("name,region\nCafé Zürich,EU\n".encode("latin-1"))

    with pytest.raises(ImportFileError, match="neither UTF-8 nor GBK"):
        import_csv(ws, latin, "customers")
    assert import_csv(ws, FIXTURES / "customers-gbk.csv", "customers") == (
        "Imported 3 customers; column '联系人' not recognised, kept in notes"
    )
    assert {c.name for c in ws.customers.all()} == {"招商银行", "国家电网", "顺丰科技"}


# the command line ---------------------------------------------------------------------
@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


def run(data: Path, *argv: str) -> int:
    return main(["--data-dir", str(data), *argv])


def test_cli_export_import_round_trip(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(data, "customers", "add", "瀚海银行", "--tier", "top", "--deal-value", "120万",
               "--stage", "opportunity", "--owner", "李娜") == 0  # fmt: skip
    assert run(data, "customers", "edit", "瀚海银行", "--stage", "churn-risk") == 1
    assert "churn reason" in capsys.readouterr().err
    edit = ("customers", "edit", "瀚海银行", "--stage", "churn-risk")
    assert run(data, *edit, "--reason", "预算") == 0
    out = tmp_path / "out.csv"
    capsys.readouterr()

    assert run(data, "customers", "export", "-o", str(out)) == 0
    assert capsys.readouterr().out == ""
    assert out.read_bytes().startswith(codecs.BOM_UTF8)
    assert run(data, "customers", "export") == 0
    printed = capsys.readouterr().out
    assert printed.startswith("name,tier,stage,") and "瀚海银行,top,churn-risk,1200000," in printed

    other = tmp_path / "other"
    assert run(other, "customers", "import", str(out)) == 0
    assert capsys.readouterr().out == "Imported 1 customer\n"
    assert run(other, "customers", "import", str(out)) == 1  # every name exists now
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "line 2: a customer named '瀚海银行' already exists" in err
    assert run(other, "customers", "ls", "--stage", "churn-risk", "--json") == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert (row["name"], row["deal_value"], row["churn_reason"]) == ("瀚海银行", 1_200_000, "预算")


def test_cli_edit_touch_and_ls(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(data, "customers", "add", "ACME", "--next", "2026-11-20") == 0
    assert run(data, "customers", "edit", "ACME") == 1
    assert "say what to change" in capsys.readouterr().err
    assert run(data, "customers", "edit", "ACME", "--rename", "ACME Bank", "--no-next") == 0
    assert run(data, "customers", "touch", "ACME Bank", "--note", "hi", "--date", "2026-11-17") == 0
    capsys.readouterr()
    assert run(data, "customers", "ls") == 0
    line = capsys.readouterr().out.strip()
    assert "ACME Bank" in line and "customer" in line and "next -" in line
    assert line.endswith("last 2026-11-17")


def test_help_documents_every_column(capsys: pytest.CaptureFixture[str]) -> None:
    en, zh = CATALOG[CSV_HELP]
    for column in CUSTOMER_COLUMNS:
        assert f"  {column} " in en and f"  {column} " in zh
    with pytest.raises(SystemExit):
        main(["customers", "import", "--help"])
    out = capsys.readouterr().out
    assert "deal_value" in out and "GBK" in out and "BOM" in out
