"""`restore` takes only the workspace's own backups (issue 11, item 8): a name that is a
path ("/tmp/x", "../x") is refused in one sentence and nothing changes; another folder
is taken only with `--from DIR`, and always asked about (`--yes` in scripts)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from cockpit.cli.main import main
from tests.unit.storage_helpers import one_line, snapshot, use_cli_env

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "ws"


@pytest.fixture
def cockpit(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Run:
    use_cli_env(monkeypatch, tmp_path)

    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(["--data-dir", str(root), *args])
        out, err = capsys.readouterr()
        return code, out, err

    assert run("add", "Keep me")[0] == 0
    assert run("backup")[0] == 0
    return run


def other_folder(tmp_path: Path) -> Path:
    """A folder of workspace files that is not one of the workspace's backups."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    items = {"items": {"1": {"title": "From elsewhere", "week": "2026-W47"}}}
    (folder / "items.json").write_text(json.dumps(items), "utf-8")
    return folder


@pytest.mark.parametrize("name", ["ABSOLUTE", "../../elsewhere", "backups/../../elsewhere"])
def test_a_path_is_not_a_backup_name(cockpit: Run, root: Path, tmp_path: Path, name: str) -> None:
    folder = other_folder(tmp_path)
    before = snapshot(root)
    code, out, err = cockpit("restore", str(folder) if name == "ABSOLUTE" else name, "--yes")
    assert code == 3 and out == ""
    sentence = one_line(err)
    assert "is not a backup of this workspace" in sentence
    assert "cockpit restore --list" in sentence and "cockpit restore --from DIR" in sentence
    assert snapshot(root) == before  # nothing replaced, nothing saved aside


def test_a_folder_is_taken_with_from_and_yes(cockpit: Run, root: Path, tmp_path: Path) -> None:
    folder = other_folder(tmp_path)
    code, out, err = cockpit("restore", "--from", str(folder), "--yes")
    assert code == 0, err
    assert "would replace 1 of the 1 file in" in out and f"from backup {folder}" in out
    code, out, _ = cockpit("ls", "--all", "--json")
    assert [i["title"] for i in json.loads(out)] == ["From elsewhere"]


def test_from_asks_first_and_a_script_must_say_yes(
    cockpit: Run, root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = other_folder(tmp_path)
    before = snapshot(root)
    code, _out, err = cockpit("restore", "--from", str(folder))  # stdin is not a terminal
    assert code == 1 and "pass --yes" in one_line(err)
    assert snapshot(root) == before
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda _prompt: "n")
    code, _out, err = cockpit("restore", "--from", str(folder), "--file", "items")
    assert code == 1 and "cancelled" in one_line(err)  # even one file is asked about
    assert snapshot(root) == before
    monkeypatch.setattr("builtins.input", lambda _prompt: "y")
    code, out, _ = cockpit("restore", "--from", str(folder), "--file", "items")
    assert code == 0 and "Restored items.json" in out


def test_from_refuses_what_is_no_workspace(cockpit: Run, root: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = cockpit("restore", "--from", str(empty), "--yes")
    assert code == 3 and "holds no workspace files" in one_line(err)
    code, _, err = cockpit("restore", "--from", str(tmp_path / "missing"), "--yes")
    assert code == 3 and "is not a folder to restore from" in one_line(err)
    damaged = other_folder(tmp_path)
    (damaged / "items.json").write_text('{"items": {"1": ["a list"]}}', "utf-8")
    code, _, err = cockpit("restore", "--from", str(damaged), "--yes")
    assert code == 3 and "is damaged too" in one_line(err)
    code, _, err = cockpit("restore", "2026-11-18", "--from", str(damaged), "--yes")
    assert code == 1 and "not both" in one_line(err)


def test_the_own_backups_still_restore(cockpit: Run, root: Path) -> None:
    code, out, _ = cockpit("restore", "--list")
    name = out.split()[0]
    assert cockpit("add", "Later")[0] == 0
    code, out, err = cockpit("restore", name, "--yes")
    assert code == 0, err
    code, out, _ = cockpit("ls", "--json")
    assert [i["title"] for i in json.loads(out)] == ["Keep me"]
