"""Big deals and key accounts (issue 17, item 3): groupings of a known book, the ranked
open opportunities, the week's big moves, `customers ls --by` and `customers deals`, and
the report's big movements — on real workspace files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cockpit.cli.main import main
from cockpit.core.clock import FrozenClock
from cockpit.customers.accounts import big_deals, big_floor, big_moves, grouped, move_kind
from cockpit.items.workspace import Workspace
from cockpit.report.build import build_report
from tests.unit.storage_helpers import snapshot

# name, tier, stage, deal, industry, region, source (churn-risk ones get a reason)
BOOK = [
    ("星河电信", "top", "opportunity", 1_200_000, "电信", "华东", "direct"),
    ("Acme Bank", "key", "customer", None, "金融", "华北", "sales"),
    ("Beta Bank", "normal", "opportunity", 800_000, "金融", "华东", "channel"),
    ("Gamma Pay", "normal", "churn-risk", 50_000, "金融", "华南", "channel"),
    ("Delta Shop", "normal", "opportunity", 300_000, "零售", "华东", "partner"),
    ("Epsilon", "normal", "lead", 900_000, "零售", "", "partner"),
    ("Zeta", "normal", "churned", None, "", "华北", ""),
    ("Eta Mart", "normal", "opportunity", None, "零售", "华南", "direct"),
]


@pytest.fixture
def ws(tmp_path: Path, clock: FrozenClock) -> Workspace:
    ws = Workspace(tmp_path / "ws", clock)
    for name, tier, stage, deal, industry, region, source in BOOK:
        ws.customers.add(
            name,
            tier=tier,
            stage=stage,
            deal_value=deal,
            industry=industry,
            region=region,
            source=source,
            churn_reason="price" if stage == "churn-risk" else "",
        )
    return ws


def rows(ws: Workspace, by: str) -> list[tuple[str, int, int, int, float, int]]:
    return [
        (g.key, g.accounts, g.customers, g.opportunities, g.pipeline, g.churn_risks)
        for g in grouped(ws.customers.all(), by)
    ]


def test_grouped_by_industry_matches_the_book(ws: Workspace) -> None:
    # Counted by hand from BOOK: largest pipeline first, the unset group last.
    assert rows(ws, "industry") == [
        ("电信", 1, 0, 1, 1_200_000.0, 0),
        ("金融", 3, 2, 1, 800_000.0, 1),
        ("零售", 3, 0, 2, 300_000.0, 0),  # a lead's deal is not pipeline
        ("", 1, 0, 0, 0.0, 0),
    ]


def test_grouped_by_region_and_source_match_the_book(ws: Workspace) -> None:
    assert rows(ws, "region") == [
        ("华东", 3, 0, 3, 2_300_000.0, 0),
        ("华北", 2, 1, 0, 0.0, 0),  # equal pipeline and count: by pinyin, huabei first
        ("华南", 2, 1, 1, 0.0, 1),
        ("", 1, 0, 0, 0.0, 0),
    ]
    assert rows(ws, "source") == [
        ("direct", 2, 0, 2, 1_200_000.0, 0),
        ("channel", 2, 1, 1, 800_000.0, 1),
        ("partner", 2, 0, 1, 300_000.0, 0),
        ("sales", 1, 1, 0, 0.0, 0),
        ("", 1, 0, 0, 0.0, 0),
    ]
    totals = [sum(r[1] for r in rows(ws, by)) for by in ("industry", "region", "source")]
    assert totals == [len(BOOK)] * 3  # every record in exactly one group


def test_big_deals_rank_open_opportunities_by_value(ws: Workspace) -> None:
    ranked = [c.name for c in big_deals(ws.customers.all())]
    assert ranked == ["星河电信", "Beta Bank", "Delta Shop", "Eta Mart"]  # no value: last
    assert big_floor(ws.customers.all()) == 50_000  # fewer than 10 deals: the smallest one
    more = [*ws.customers.all()] + [
        ws.customers.prepare(f"Small {n}", stage="opportunity", deal_value=1000 + n)
        for n in range(10)
    ]
    assert big_floor(more) == 1005  # the 10th largest deal of the book


def test_move_kinds() -> None:
    assert [move_kind(a, b) for a, b in [
        ("lead", "opportunity"), ("opportunity", "customer"), ("opportunity", "churned"),
        ("customer", "churn-risk"), ("churn-risk", "customer"), ("customer", "churned"),
        ("opportunity", "lead"),
    ]] == ["new", "won", "lost", "at-risk", "recovered", "churned", "cooled"]  # fmt: skip


def test_big_moves_of_the_week(ws: Workspace) -> None:
    book = ws.customers
    for n in range(7):  # nine deals larger than Gamma's 50k make it a small one
        book.add(f"Big {n}", stage="customer", deal_value=2_000_000 + n)
    book.edit("Beta Bank", stage="customer")  # won, 800k: big
    book.edit("Delta Shop", stage="lead")  # cooled, 300k: not among the 10 largest
    book.edit("Acme Bank", stage="churn-risk", churn_reason="budget cut")  # key account
    book.edit("Gamma Pay", stage="customer")  # recovered, but 50k and normal: not big
    book.edit("Zeta", stage="customer", tier="top")  # back from churned, a top account
    moves = big_moves(book.all(), lambda day: bool(day) and day[:10] == "2026-11-18")
    seen = [(m.customer.name, m.old, m.new, m.kind) for m in moves]
    assert seen == [
        ("星河电信", "", "opportunity", "new"),  # added this week as an opportunity
        ("Beta Bank", "opportunity", "customer", "won"),
        ("Acme Bank", "customer", "churn-risk", "at-risk"),
        ("Zeta", "churned", "customer", "moved"),
    ]  # the Big ones were added as customers: typing a book in is no movement


def test_report_names_the_big_movements_in_both_languages(ws: Workspace) -> None:
    ws.customers.edit("Beta Bank", stage="customer")
    en = build_report(ws, "2026-W47", lang="en")
    zh = build_report(ws, "2026-W47", lang="zh")
    assert "**Big movements**" in en
    assert "- Pipeline: 3 open opportunities, 1.5M in all; largest: 星河电信 1.2M, Delta" in en
    assert "- Beta Bank: opportunity → customer (won, deal 800k)" in en
    assert "- Beta Bank：商机 → 客户（成交，金额 80万）" in zh
    assert "**大单与重点客户动态**" in zh
    last_week = build_report(ws, "2026-W46", lang="en")
    assert "Beta Bank: opportunity" not in last_week  # the move was this week


# the command line ---------------------------------------------------------------------
def run(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--data-dir", str(root), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_customers_ls_by_json_and_text(ws: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(ws.root, capsys, "customers", "ls", "--by", "region", "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data[0] == {
        "region": "华东", "accounts": 3, "customers": 0, "opportunities": 3,
        "pipeline": 2_300_000.0, "churn_risks": 0,
    }  # fmt: skip
    assert [d["region"] for d in data] == ["华东", "华北", "华南", ""]
    code, out, _ = run(ws.root, capsys, "customers", "ls", "--by", "行业")  # a word in Chinese
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == [
        "Industry", "Accts", "Cust", "Opps", "Pipeline", "Share", "Risks",
    ]  # fmt: skip
    assert lines[1].split() == ["电信", "1", "0", "1", "1.2M", "52%", "0"]
    assert lines[-1].split()[:2] == ["(not", "set)"]
    code, out, _ = run(ws.root, capsys, "customers", "ls", "--by", "source", "--tier", "top")
    assert out.splitlines()[1].split() == ["direct", "1", "0", "1", "1.2M", "100%", "0"]


def test_customers_deals_ranked(ws: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(ws.root, capsys, "customers", "deals", "--json")
    assert code == 0
    assert [(d["rank"], d["name"]) for d in json.loads(out)] == [
        (1, "星河电信"), (2, "Beta Bank"), (3, "Delta Shop"), (4, "Eta Mart"),
    ]  # fmt: skip
    code, out, _ = run(ws.root, capsys, "customers", "deals")
    assert out.splitlines()[0] == "4 open opportunities, 2.3M in all"
    assert out.splitlines()[1].split()[:4] == ["1", "星河电信", "1.2M", "52%"]


def test_bad_grouping_is_one_sentence_in_chinese_and_writes_nothing(
    ws: Workspace,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    run(ws.root, capsys, "customers", "ls")  # the first run's upkeep (backup) done
    before = snapshot(ws.root)
    config = tmp_path / "zh.toml"
    config.write_text('language = "zh"\n', encoding="utf-8")
    monkeypatch.setenv("COCKPIT_CONFIG", str(config))
    code, out, err = run(ws.root, capsys, "customers", "ls", "--by", "销售")
    assert (code, out) == (1, "")
    assert err == "cockpit：分组只能是 行业、区域、来源 之一，不能是 '销售'。\n"
    assert snapshot(ws.root) == before
    code, out, err = run(ws.root, capsys, "customers", "deals")  # and the rest in Chinese
    assert out.splitlines()[0] == "4 个未成交商机，合计 230万"
