"""`cockpit goals …` and `cockpit roadmap` end to end through `cockpit.cli.main.main` on
real files (the conftest froze the clock at Wednesday 2026-11-18, in 2026-Q4): the
output, the JSON, and the contract for bad input (one sentence on stderr in the user's
language, status 1, nothing written)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.cli_helpers import Result, Run, runner
from tests.unit.storage_helpers import one_line, snapshot


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "ws"


@pytest.fixture
def cockpit(root: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    return runner(root, capsys)


def ok(result: Result) -> Result:
    assert result.code == 0, result.err
    assert result.err == ""
    return result


def fails(result: Result) -> str:
    assert result.code == 1, result.out
    assert result.out == ""
    [line] = result.err.splitlines()  # one sentence (`one_line` checks the English form)
    return one_line(line) if line.startswith("cockpit: ") else line


@pytest.fixture
def quarter(cockpit: Run) -> Run:
    """An objective with a revenue, a users, an items and a requirements key result."""
    for month, cash, users in (("2026-10", "2100万", "176"), ("2026-11", "1900万", "181")):
        ok(cockpit("metrics", "set", "--table", "revenue", "--month", month, f"cash={cash}",
                   f"users={users}"))  # fmt: skip
    ok(cockpit("add", "HA whitepaper"))
    ok(cockpit("add", "Failover demo"))
    ok(cockpit("done", "1"))
    ok(cockpit("req", "add", "Failover slots", "--release", "17.3"))
    ok(cockpit("goals", "add", "Grow", "the", "managed", "service", "--owner", "张伟"))
    ok(cockpit("goals", "kr", "add", "1", "营收 ≥ 6000万", "--metric", "营收", "--target",
               "6000万"))  # fmt: skip
    ok(cockpit("goals", "kr", "add", "1", "200 users", "--metric", "users", "--target", "200",
               "--start", "170", "--agg", "last"))  # fmt: skip
    ok(cockpit("goals", "kr", "add", "1", "HA story", "--items", "1,2"))
    ok(cockpit("goals", "kr", "add", "1", "Slots shipped", "--reqs", "1"))
    return cockpit


def test_add_and_list(quarter: Run) -> None:
    out = ok(quarter("goals", "ls")).out.splitlines()
    assert out[0] == "2026-Q4 (Oct 1 – Dec 31) · 52% of the quarter gone"
    assert out[1] == "#1 Grow the managed service  38%  at risk  owner 张伟"
    assert out[2].split() == ["1.1", "营收", "≥", "6000万", "40M", "/", "60M", "66%", "line",
                              "33%", "on", "track"]  # fmt: skip
    assert out[3].strip() == "revenue.cash, quarter total"
    assert "181 / 200 (from 170)" in out[4] and out[4].endswith("36%  line 33%  on track")
    assert "1/2 done" in out[6] and out[6].endswith("at risk")
    assert out[7].strip() == "items #1 #2"
    assert "0/1 done" in out[8] and out[9].strip() == "requirements #1"


def test_list_as_json(quarter: Run) -> None:
    [goal] = ok(quarter("goals", "ls", "--json")).json()
    assert (goal["id"], goal["quarter"], goal["status"], goal["owner"]) == (
        1, "2026-Q4", "at-risk", "张伟")  # fmt: skip
    revenue, users, items, reqs = goal["key_results"]
    assert revenue == {"number": 1, "title": "营收 ≥ 6000万", "measure": "metric",
                       "metric": "revenue.cash", "agg": "sum", "target": 60000000, "start": 0,
                       "value": 40000000.0, "total": 60000000, "progress": 0.6667,
                       "expected": 0.3333, "status": "on-track", "missing": []}  # fmt: skip
    assert (users["value"], users["agg"], users["start"]) == (181.0, "last", 170)
    assert (items["links"], items["value"], items["total"]) == ([1, 2], 1, 2)
    assert (reqs["measure"], reqs["status"]) == ("reqs", "at-risk")


def test_quarters_filter_and_empty(quarter: Run) -> None:
    assert ok(quarter("goals", "ls", "--quarter", "next")).out == (
        "No objectives for 2027-Q1; add one with `cockpit goals add TITLE`\n"
    )
    ok(quarter("goals", "add", "Plan 2027", "--quarter", "2027年第一季度"))
    both = ok(quarter("goals", "ls", "--quarter", "all", "--json")).json()
    assert [(g["id"], g["quarter"], g["status"]) for g in both] == [
        (1, "2026-Q4", "at-risk"), (2, "2027-Q1", "empty")]  # fmt: skip


def test_edit_and_remove(quarter: Run) -> None:
    assert ok(quarter("goals", "edit", "1", "--title", "Grow revenue")).out == (
        "Saved objective #1 (2026-Q4): Grow revenue\n"
    )
    assert ok(quarter("goals", "kr", "edit", "1.1", "--target", "5000万")).out == (
        "Saved key result 1.1: 营收 ≥ 6000万\n"
    )
    ok(quarter("goals", "kr", "edit", "1.3", "--links", "2"))
    goal = ok(quarter("goals", "ls", "--json")).json()[0]
    assert goal["key_results"][0]["target"] == 50000000
    assert goal["key_results"][2]["links"] == [2]
    assert ok(quarter("goals", "kr", "rm", "1.2")).out == "Deleted key result 1.2: 200 users\n"
    assert ok(quarter("goals", "rm", "#1")).out == (
        "Deleted objective #1 and its 3 key results: Grow revenue\n"
    )
    ok(quarter("undo"))  # the CLI's own last change comes back
    assert len(ok(quarter("goals", "ls", "--json")).json()[0]["key_results"]) == 3


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (("goals", "add", "x", "--quarter", "Q5"),
         "cockpit: cannot read quarter 'Q5'; use 2026-Q4, Q4, this, next or last."),
        (("goals", "edit", "1"), "cockpit: nothing to change: give --title, --quarter or --owner."),
        (("goals", "edit", "x1", "--title", "y"),
         "cockpit: not an objective id: 'x1' (a number, as `cockpit goals ls` shows)."),
        (("goals", "rm", "9"), "cockpit: no objective with id 9."),
        (("goals", "kr", "add", "9", "k", "--items", "1"), "cockpit: no objective with id 9."),
        (("goals", "kr", "add", "1", "k"), "cockpit: give one way to measure the key result: "
         "--metric (with --target), --items or --reqs."),
        (("goals", "kr", "add", "1", "k", "--items", "1", "--reqs", "1"),
         "cockpit: give one way to measure the key result: --metric (with --target), --items "
         "or --reqs."),
        (("goals", "kr", "add", "1", "k", "--metric", "营收"),
         "cockpit: a metric key result needs a target (such as 6000万 or 1,200)."),
        (("goals", "kr", "add", "1", "k", "--metric", "营收", "--target", "lots"),
         "cockpit: cash must be an amount like 1234.56, -80 or 12.5万, not 'lots'."),
        (("goals", "kr", "add", "1", "k", "--reqs", "42"), "cockpit: no requirement with id 42."),
        (("goals", "kr", "edit", "1", "--title", "y"), "cockpit: not a key result: '1'; write "
         "the objective's id and the key result's number, as 3.2."),
        (("goals", "kr", "edit", "1.7", "--title", "y"),
         "cockpit: objective 1 has no key result 7 (it has 4)."),
        (("goals", "kr", "edit", "1.3", "--target", "9"),
         "cockpit: this key result has no target to change."),
        (("goals", "kr", "rm", "1.0"), "cockpit: objective 1 has no key result 0 (it has 4)."),
    ],
)  # fmt: skip
def test_bad_input_is_one_sentence_and_writes_nothing(
    quarter: Run, root: Path, args: tuple[str, ...], sentence: str
) -> None:
    before = snapshot(root)
    assert fails(quarter(*args)) == sentence
    assert snapshot(root) == before


def test_refusals_in_chinese(quarter: Run, root: Path, tmp_path: Path,
                             monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    config = tmp_path / "zh.toml"
    config.write_text('language = "zh"\n', encoding="utf-8")
    monkeypatch.setenv("COCKPIT_CONFIG", str(config))
    before = snapshot(root)
    assert fails(
        quarter("goals", "kr", "add", "1", "k", "--metric", "营收.利润", "--target", "1")
    ) == (
        "cockpit：营收没有数值列 '利润'；可用的数值列：现金（cash）、GAAP（gaap）、"
        "用户数（users）、实例数（instances）、预测（forecast）。"
    )
    assert fails(quarter("goals", "add", "x", "--quarter", "明年")).startswith(
        "cockpit：无法识别季度 '明年'"
    )
    assert snapshot(root) == before
    out = ok(quarter("goals", "ls")).out.splitlines()
    assert out[0] == "2026-Q4（10月1日–12月31日）· 本季度已过 52%"
    assert out[1] == "#1 Grow the managed service  38%  有风险  负责人 张伟"
    assert "4000万 / 6000万" in out[2] and out[2].endswith("进度线 33%  正常")
    assert out[3].strip() == "营收·现金，季度合计"


# the roadmap --------------------------------------------------------------------------
def test_roadmap_groups_by_release_and_stage(cockpit: Run) -> None:
    def req(title: str, release: str, *path: str) -> None:
        ok(cockpit("req", "add", title, "--release", release, "--priority", "P1"))
        n = len(ok(cockpit("req", "ls", "--all", "--json")).json())
        for status in path:
            ok(cockpit("req", "move", str(n), status, "--reason", "weekly meeting"))

    req("Failover slots", "17.10", "reviewed", "planned", "in-development")
    req("PITR retention", "17.9", "reviewed", "planned", "in-development", "released", "closed")
    req("Audit export", "17.10", "reviewed", "planned")
    req("Dark mode", "17.10", "rejected")
    req("Parallel HNSW", "", "reviewed", "planned")
    req("Just an idea", "17.9")  # collected: not a commitment yet
    out = ok(cockpit("roadmap")).out.splitlines()
    assert out == [
        "17.9 · 1 requirement · 100% released",
        "  released",
        "    #2    P1 PITR retention",
        "17.10 · 2 requirements · 0% released",
        "  planned",
        "    #3    P1 Audit export",
        "  in development",
        "    #1    P1 Failover slots",
        "unscheduled · 1 requirement · 0% released",
        "  planned",
        "    #5    P1 Parallel HNSW",
    ]
    data = ok(cockpit("roadmap", "--json")).json()
    assert [(r["release"], r["count"]) for r in data] == [("17.9", 1), ("17.10", 2), ("", 1)]
    assert [r["id"] for r in data[1]["in-development"]] == [1]
    only = ok(cockpit("roadmap", "--release", "17.10", "--json")).json()
    assert [r["release"] for r in only] == ["17.10"]


def test_roadmap_empty_and_release_edit(cockpit: Run, root: Path) -> None:
    assert ok(cockpit("roadmap")).out == (
        "Nothing on the roadmap: no requirement is planned, in development or released\n"
    )
    ok(cockpit("req", "add", "Failover slots"))
    for status in ("reviewed", "planned"):
        ok(cockpit("req", "move", "1", status, "--reason", "x"))
    before = snapshot(root)
    assert fails(cockpit("req", "edit", "1", "--release", "2027-Q1")) == (
        "cockpit: requirement 1 is planned; a scope change needs a reason."
    )
    assert fails(cockpit("req", "edit", "1", "--release", "2027-Q1", "--progress", "5")) == (
        "cockpit: change the release on its own (with --reason), then the progress."
    )
    assert snapshot(root) == before
    assert ok(cockpit("req", "edit", "1", "--release", "2027-Q1", "--reason", "slipped")).out == (
        "#1 Failover slots: target release 2027-Q1\n"
    )
    assert ok(cockpit("roadmap", "--json")).json()[0]["release"] == "2027-Q1"
