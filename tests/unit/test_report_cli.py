"""`cockpit report week` end to end, in-process (the conftest freezes the clock in
2026-W47 through COCKPIT_NOW)."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from cockpit.cli.main import main
from cockpit.core.clock import FrozenClock
from cockpit.items.workspace import Workspace
from cockpit.report.build import build_report
from tests.unit.report_helpers import WEEK, week_workspace, with_stages

ZONE = 'timezone = "Asia/Shanghai"\n'  # the zone the fixture's weeks are cut in


@pytest.fixture
def root(tmp_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch) -> Path:
    with_stages(monkeypatch)
    config = tmp_path / "config.toml"
    config.write_text(ZONE, encoding="utf-8")
    monkeypatch.setenv("COCKPIT_CONFIG", str(config))
    week_workspace(tmp_path / "ws", clock)
    return tmp_path / "ws"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def expected(root: Path, clock: FrozenClock, week: str, lang: str) -> str:
    return build_report(Workspace(root, clock), week, lang)


def test_prints_this_weeks_report(
    root: Path, clock: FrozenClock, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--data-dir", str(root), "report", "week")
    assert (code, err) == (0, "")
    assert out == expected(root, clock, WEEK, "en")
    assert "## 3. Customers & business" in out and "- Nova Fintech" in out


def test_week_and_language_options(
    root: Path, clock: FrozenClock, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(
        capsys, "--data-dir", str(root), "report", "week", "--week", "last", "--lang", "zh"
    )
    assert code == 0
    assert out.startswith("# 周报 2026-W46（11月9日–11月15日）\n")
    assert out == expected(root, clock, "2026-W46", "zh")


def test_language_defaults_to_the_report_setting(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "report-config.toml"
    config.write_text(ZONE + '\n[report]\nlanguage = "zh"\n', encoding="utf-8")
    code, out, _err = run(
        capsys, "--data-dir", str(root), "--config", str(config), "report", "week"
    )
    assert code == 0
    assert "## 1. 重点&思考" in out


def test_writes_a_file_atomically(
    root: Path, tmp_path: Path, clock: FrozenClock, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out" / "周报.md"
    target.parent.mkdir()
    code, out, err = run(
        capsys, "--data-dir", str(root), "report", "week", "--lang", "zh", "-o", str(target)
    )
    assert (code, err) == (0, "")
    assert out == f"Wrote the 2026-W47 report to {target}\n"
    assert target.read_text(encoding="utf-8") == expected(root, clock, WEEK, "zh")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in target.parent.iterdir()] == ["周报.md"]  # no temp file left


def test_errors_are_one_sentence(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--data-dir", str(root), "report", "week", "--week", "W99")
    assert (code, out) == (1, "")
    assert err == "cockpit: week 'W99' does not exist in 2026.\n"
    missing = root / "no-such-dir" / "r.md"
    code, out, err = run(capsys, "--data-dir", str(root), "report", "week", "-o", str(missing))
    assert (code, out) == (3, "")
    sentence = "its folder does not exist - create the folder or choose another path"
    assert err == f"cockpit: cannot save {missing}: {sentence}.\n"
    assert not missing.parent.exists()


def test_an_empty_workspace_says_so_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(capsys, "--data-dir", str(tmp_path / "new"), "report", "week")
    assert code == 0
    assert out.splitlines()[1:] == [
        "",
        "Nothing to report this week: no work, customers, notes or reading were recorded.",
    ]


def test_format_text_is_plain_text_for_chat(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = str(tmp_path / "ws")
    assert run(capsys, "--data-dir", root, "add", "Send the PRD", "--due", "2026-11-17")[0] == 0
    code, out, _err = run(capsys, "--data-dir", root, "report", "week", "--format", "text")
    assert code == 0
    assert out.splitlines() == [
        "Weekly report 2026-W47 (Nov 16 – Nov 22)",
        "",
        "I. Next week's plan",
        "Carried over from this week:",
        "1. Send the PRD (overdue, due Nov 17)",
    ]
    target = tmp_path / "out.txt"
    args = ("report", "week", "--format", "text", "--lang", "zh", "-o", str(target))
    assert run(capsys, "--data-dir", root, *args)[0] == 0
    assert target.read_text(encoding="utf-8").splitlines()[2:] == [
        "一、下周工作计划",
        "【本周未完成，顺延】",
        "1. Send the PRD（逾期，11月17日到期）",
    ]


@pytest.mark.parametrize(
    "module", ["cockpit.report.build", "cockpit.cli.report", "cockpit.report.notes"]
)
def test_the_report_needs_no_ui(module: str, tmp_path: Path) -> None:
    """Built from the CLI (and cron) without paying for textual or rich."""
    from tests.unit.test_layout import loaded_after_import

    loaded = loaded_after_import(module, tmp_path, tmp_path)
    assert "cockpit" in loaded
    assert not loaded & {"textual", "rich"}
