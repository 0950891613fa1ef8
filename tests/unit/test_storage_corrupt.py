"""A corrupt file is never overwritten: the program stops with its name, the problem and
the restore command, and `cockpit restore` brings the last backup back."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from cockpit.cli.main import main
from cockpit.items.workspace import Workspace
from cockpit.storage import CorruptFileError, SchemaError
from cockpit.storage.migrations import CURRENT_SCHEMA
from tests.unit.storage_helpers import (
    frozen,
    one_line,
    open_ws,
    read_json,
    snapshot,
    use_cli_env,
    write_json,
)

Corruption = Callable[[bytes], bytes]

CORRUPTIONS: dict[str, tuple[Corruption, str]] = {
    "garbage": (lambda good: b"\x00\x01 this is not json", "invalid JSON"),
    "empty": (lambda good: b"", "the file is empty"),
    "blank": (lambda good: b"  \n\n", "the file is empty"),
    "truncated": (lambda good: good[: len(good) // 2], "invalid JSON"),
    "non-utf8": (lambda good: b'{"items": {"1": {"title": "\xff\xfe caf\xe9"}}}', "not UTF-8"),
    "list": (lambda good: b"[1, 2, 3]", "not a table of records"),
    "table-not-object": (lambda good: b'{"items": [1, 2]}', "not a table of records"),
}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A workspace with two items and today's daily backup of them."""
    ws = open_ws(tmp_path / "ws")
    ws.add("ship 17.2 release notes")
    ws.add("call 招商银行 about the upgrade")
    ws.maintain()
    assert (ws.root / "backups" / "2026-11-18").is_dir()
    return ws.root


def corrupt(path: Path, kind: str) -> bytes:
    make, _ = CORRUPTIONS[kind]
    bad = make(path.read_bytes())
    path.write_bytes(bad)
    return bad


def cli(*args: str) -> int:
    return main(list(args))


@pytest.mark.parametrize("kind", sorted(CORRUPTIONS))
def test_reading_a_corrupt_hot_file_names_file_problem_and_restore(root: Path, kind: str) -> None:
    hot = root / "items.json"
    bad = corrupt(hot, kind)
    _, problem = CORRUPTIONS[kind]

    ws = Workspace(root, frozen())  # opening does not parse the data files yet ...
    with pytest.raises(CorruptFileError) as info:
        ws.items()  # ... reading does
    exc = info.value
    assert exc.path == hot
    assert problem in exc.problem
    message = str(exc)
    assert str(hot) in message
    assert problem in message
    assert f"cockpit --data-dir {root} restore" in message

    # Neither maintenance nor a change writes over it.
    with pytest.raises(CorruptFileError):
        ws.maintain()
    with pytest.raises(CorruptFileError):
        ws.add("lost?")
    with pytest.raises(CorruptFileError):
        ws.done(1)
    assert hot.read_bytes() == bad


@pytest.mark.parametrize("kind", sorted(CORRUPTIONS))
def test_cli_stops_with_status_3_and_one_line(
    root: Path,
    kind: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    use_cli_env(monkeypatch, tmp_path, "2026-11-19T12:00:00")  # a new day: backup time
    hot = root / "items.json"
    corrupt(hot, kind)
    before = snapshot(root)

    for args in (["ls"], ["add", "new", "item"], ["done", "1"], ["ls", "--all", "--json"]):
        capsys.readouterr()
        assert cli("--data-dir", str(root), *args) == 3, args
        out, err = capsys.readouterr()
        assert out == ""
        line = one_line(err)
        assert str(hot) in line
        assert "restore" in line
    # Nothing written: not the file, not a backup of it, nothing else.
    assert snapshot(root) == before


def test_restore_brings_back_the_newest_backup_and_keeps_the_corrupt_files(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    use_cli_env(monkeypatch, tmp_path)
    hot = root / "items.json"
    good = hot.read_bytes()
    bad = corrupt(hot, "truncated")
    assert cli("--data-dir", str(root), "ls") == 3
    capsys.readouterr()

    assert cli("--data-dir", str(root), "restore", "--yes") == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert "2026-11-18" in out
    assert hot.read_bytes() == good
    saved = [p for p in (root / "backups").iterdir() if p.name.startswith("pre-restore-")]
    assert len(saved) == 1
    assert (saved[0] / "items.json").read_bytes() == bad

    assert cli("--data-dir", str(root), "ls", "--json") == 0
    out, _ = capsys.readouterr()
    assert [i["title"] for i in json.loads(out)] == [
        "ship 17.2 release notes",
        "call 招商银行 about the upgrade",
    ]


def test_newer_schema_is_refused(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    use_cli_env(monkeypatch, tmp_path)
    write_json(root / "workspace.json", {"schema": CURRENT_SCHEMA + 1})
    before = snapshot(root)

    with pytest.raises(SchemaError, match="newer cockpit"):
        Workspace(root, frozen())
    assert cli("--data-dir", str(root), "add", "x") == 3
    line = one_line(capsys.readouterr().err)
    assert "newer" in line and str(root) in line
    assert snapshot(root) == before


@pytest.mark.parametrize("body", [b"", b"{}", b'{"schema": "2"}', b"not json"])
def test_unreadable_schema_marker_is_corrupt(root: Path, body: bytes) -> None:
    marker = root / "workspace.json"
    marker.write_bytes(body)
    with pytest.raises(CorruptFileError) as info:
        Workspace(root, frozen())
    assert info.value.path == marker
    assert "restore" in str(info.value)
    assert marker.read_bytes() == body


def test_lost_schema_marker_does_not_wipe_the_data(root: Path) -> None:
    (root / "workspace.json").unlink()
    ws = Workspace(root, frozen())
    assert not ws.files.created
    assert len(ws.items()) == 2
    assert read_json(root / "workspace.json")["schema"] == CURRENT_SCHEMA


def test_corrupt_archive_does_not_block_add_but_ls_all_fails_cleanly(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    use_cli_env(monkeypatch, tmp_path)
    archive = root / "archive.json"
    bad = corrupt(archive, "garbage")

    assert cli("--data-dir", str(root), "add", "still", "works") == 0
    assert "Added #3" in capsys.readouterr().out
    assert cli("--data-dir", str(root), "ls") == 0
    assert "still works" in capsys.readouterr().out

    before = snapshot(root)
    assert cli("--data-dir", str(root), "ls", "--all") == 3
    out, err = capsys.readouterr()
    assert out == ""
    line = one_line(err)
    assert str(archive) in line and "invalid JSON" in line and "restore" in line
    assert snapshot(root) == before
    assert archive.read_bytes() == bad


def test_corrupt_file_is_not_rotated_into_the_daily_backups(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    corrupt(root / "archive.json", "garbage")
    for day in ("2026-11-19", "2026-11-20"):
        use_cli_env(monkeypatch, tmp_path, f"{day}T12:00:00")
        assert cli("--data-dir", str(root), "add", "on", day) == 0
    # Only the good backup from before the damage; the damaged days made none.
    assert sorted(p.name for p in (root / "backups").iterdir()) == ["2026-11-18"]

    # The refusal names the exact command that brings back that one file ...
    capsys.readouterr()
    assert cli("--data-dir", str(root), "ls", "--all") == 3
    advice = f"cockpit --data-dir {root} restore 2026-11-18 --file archive.json"
    assert f"run `{advice}`" in one_line(capsys.readouterr().err)
    # ... and following it replaces only that file: the items added since stay.
    assert cli(*advice.split()[1:]) == 0
    assert "Restored archive.json from backup 2026-11-18" in capsys.readouterr().out
    assert cli("--data-dir", str(root), "ls", "--all", "--json") == 0
    titles = [i["title"] for i in json.loads(capsys.readouterr().out)]
    assert titles == [
        "ship 17.2 release notes",
        "call 招商银行 about the upgrade",
        "on 2026-11-19",
        "on 2026-11-20",
    ]
    saved = [p for p in (root / "backups").iterdir() if p.name.startswith("pre-restore-")]
    assert [p.name for p in saved[0].iterdir()] == ["archive.json"]  # the damaged copy
