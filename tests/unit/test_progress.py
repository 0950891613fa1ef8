"""Feature progress and risk (issue 17, item 4): set on planned and in-development
requirements only, each change one undo step under the same `seq` rule as every change
(a stale write is refused, nothing written), sorted by risk, and the `req edit` command
line contract (bad input: one sentence in the user's language, nothing written)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from cockpit.cli.main import main
from cockpit.core.changes import based_on, seq_of
from cockpit.core.clock import FrozenClock
from cockpit.core.errors import ConflictError, InvalidError
from cockpit.items.workspace import Workspace
from cockpit.planning import progress, requirements
from tests.unit.storage_helpers import one_line, snapshot


@pytest.fixture
def ws(tmp_path: Path, clock: FrozenClock) -> Workspace:
    return Workspace(tmp_path / "ws", clock)


def other(ws: Workspace) -> Workspace:
    """Another process on the same workspace (own files, own undo stack)."""
    return Workspace(ws.root, ws.clock)


def stored_seq(ws: Workspace, rid: int) -> int:
    return seq_of(other(ws).files.raw("planning")["requirements"][str(rid)])


def planned(ws: Workspace, title: str, status: str = "planned") -> int:
    req = requirements.add(ws, title)
    for step in ("reviewed", "planned", "in-development"):
        requirements.move(ws, req.id, step, "ready")
        if step == status:
            break
    return req.id


def test_progress_is_set_logged_and_undone_as_one_step(ws: Workspace) -> None:
    rid = planned(ws, "HNSW index")
    ws.undo_stack.clear()
    progress.set_progress(
        ws,
        rid,
        progress=60,
        expected=dt.date(2026, 12, 20),
        risk="high",
        risk_reason="上游补丁未合入",
    )
    req = requirements.get(other(ws), rid)
    assert (req.progress, req.expected, req.risk, req.risk_reason) == (
        60, "2026-12-20", "high", "上游补丁未合入",
    )  # fmt: skip
    logged = [(e["field"], e["from"], e["to"]) for e in req.log if e["kind"] == "progress"]
    assert logged == [
        ("progress", "0", "60"),
        ("expected", "", "2026-12-20"),
        ("risk", "", "high"),
        ("risk_reason", "", "上游补丁未合入"),
    ]
    seq = stored_seq(ws, rid)
    assert len(ws.undo_stack) == 1
    assert str(ws.undo_stack[-1][0].label) == "progress HNSW index"
    ws.undo()
    back = requirements.get(other(ws), rid)
    assert (back.progress, back.expected, back.risk, back.risk_reason) == (0, "", "", "")
    assert stored_seq(ws, rid) > seq  # the undo counted on too


def test_a_stale_progress_write_is_refused_and_writes_nothing(ws: Workspace) -> None:
    rid = planned(ws, "Logical replication slots", "in-development")
    shown = ws.files.view()  # the form opens on this
    progress.set_progress(other(ws), rid, progress=80)  # another terminal moves it on
    before = snapshot(ws.root)
    with pytest.raises(ConflictError), based_on(shown):
        progress.set_progress(ws, rid, progress=40)
    assert snapshot(ws.root) == before
    assert requirements.get(other(ws), rid).progress == 80
    # A field the other change left alone still goes through, on top of theirs.
    with based_on(shown):
        progress.set_progress(ws, rid, risk="low", risk_reason="review queue")
    req = requirements.get(other(ws), rid)
    assert (req.progress, req.risk) == (80, "low")


def test_undo_never_overwrites_a_later_progress_elsewhere(ws: Workspace) -> None:
    rid = planned(ws, "PITR UI")
    progress.set_progress(ws, rid, progress=30)
    progress.set_progress(other(ws), rid, progress=50)
    with pytest.raises(ConflictError):
        ws.undo()
    assert requirements.get(other(ws), rid).progress == 50


def test_rules_of_the_values(ws: Workspace) -> None:
    rid = planned(ws, "HA pair")
    collected = requirements.add(ws, "Just an idea")
    with pytest.raises(InvalidError, match="only planned requirements"):
        progress.set_progress(ws, collected.id, progress=10)
    with pytest.raises(InvalidError, match="whole percentage"):
        progress.set_progress(ws, rid, progress=101)
    with pytest.raises(InvalidError, match="Say in one line why #"):
        progress.set_progress(ws, rid, risk="high")
    assert progress.parse_progress("60%") == 60 and progress.parse_progress("６０％") == 60
    assert progress.parse_risk("高风险") == "high" and progress.parse_risk("低") == "low"
    progress.set_progress(ws, rid, risk="high", risk_reason="no DBA")
    progress.set_progress(ws, rid, risk="low")  # the stored reason still holds
    assert requirements.get(ws, rid).risk_reason == "no DBA"
    progress.set_progress(ws, rid, risk="none")  # no risk: no reason left
    assert requirements.get(ws, rid).risk_reason == ""


def test_sorted_by_risk_then_expected(ws: Workspace) -> None:
    ids = {n: planned(ws, n) for n in ("a", "b", "c", "d")}
    progress.set_progress(ws, ids["a"], risk="low", risk_reason="x")
    progress.set_progress(ws, ids["b"], risk="high", risk_reason="y", expected=dt.date(2027, 1, 5))
    progress.set_progress(ws, ids["c"], risk="high", risk_reason="z", expected=dt.date(2026, 12, 1))
    idea = requirements.add(ws, "e")
    order = [r.title for r in progress.by_risk(requirements.all_requirements(ws))]
    assert order == ["c", "b", "a", "d", "e"]  # unassessed after none; untracked last
    assert [r.title for r in progress.high_risk(requirements.all_requirements(ws))] == ["c", "b"]
    assert idea.id not in [r.id for r in progress.high_risk(requirements.all_requirements(ws))]


# the command line ---------------------------------------------------------------------
def run(ws: Workspace, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--data-dir", str(ws.root), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_req_edit_sets_progress_and_ls_shows_it(
    ws: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    rid = planned(ws, "HNSW index")
    code, out, err = run(
        ws, capsys, "req", "edit", str(rid), "--progress", "60%", "--expected", "2026-12-20",
        "--risk", "high", "--risk-reason", "upstream patch not merged",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out == f"#{rid} HNSW index: 60%, expected 2026-12-20, risk high\n"
    code, out, _ = run(ws, capsys, "req", "ls", "--json")
    doc = json.loads(out)[0]
    assert (doc["progress"], doc["expected"], doc["risk"]) == (60, "2026-12-20", "high")
    assert doc["risk_reason"] == "upstream patch not merged"
    code, out, _ = run(ws, capsys, "req", "ls", "--sort", "risk")
    assert "60%" in out and "high" in out
    code, out, _ = run(ws, capsys, "req", "show", str(rid))
    assert "progress: 0 -> 60" in out and "60% · expected 2026-12-20 · risk high" in out


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (["--progress", "120"], "cockpit：进度是 0 到 100 的整数百分比，不是 120。"),
        (["--risk", "高"], "cockpit：请用一句话说明 #1 为何有高风险。"),
        (
            ["--risk", "maybe", "--risk-reason", "x"],
            "cockpit：风险只能是 无、低、高 之一，不能是 'maybe'。",
        ),
        (["--expected", "someday"], None),
        (
            [],
            "cockpit：请指定要修改的内容：--progress、--expected、--risk、--risk-reason "
            "或 --release。",
        ),
    ],
)
def test_req_edit_refuses_bad_input_in_chinese_and_writes_nothing(
    ws: Workspace,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    sentence: str | None,
) -> None:
    rid = planned(ws, "HNSW index")
    run(ws, capsys, "req", "ls")  # the first run's upkeep (backup) done
    config = tmp_path / "zh.toml"
    config.write_text('language = "zh"\n', encoding="utf-8")
    monkeypatch.setenv("COCKPIT_CONFIG", str(config))
    before = snapshot(ws.root)
    code, out, err = run(ws, capsys, "req", "edit", str(rid), *args)
    assert (code, out) == (1, "")
    line = one_line(err.replace("cockpit：", "cockpit: ").replace("。", "."))
    if sentence is not None:
        assert err.strip() == sentence
    else:
        assert "someday" in line
    assert snapshot(ws.root) == before


def test_req_edit_on_a_collected_requirement_is_refused(
    ws: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    req = requirements.add(ws, "Idea")
    code, out, err = run(ws, capsys, "req", "edit", str(req.id), "--progress", "10")
    assert (code, out) == (1, "")
    assert one_line(err) == (
        "cockpit: #1 is collected: only planned requirements and those in development "
        "carry progress and risk."
    )
