"""Maintenance for an always-open workspace: a future COCKPIT_NOW is a read-only
preview, a full disk skips maintenance with a sentence instead of failing the command,
and an import puts long-finished work straight into the archive."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from cockpit.cli.main import main
from cockpit.core.config import Config
from cockpit.importers.taskwarrior import import_taskwarrior
from cockpit.items.context import make_clock
from cockpit.items.workspace import Workspace
from cockpit.storage.backup import list_backups
from tests.unit.storage_helpers import frozen, use_cli_env

NOW = dt.datetime(2026, 11, 18, 12, 0, tzinfo=dt.UTC)


def test_a_future_cockpit_now_is_a_preview_by_the_real_clock(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ahead = dt.datetime.now(dt.UTC) + dt.timedelta(days=3)
    monkeypatch.setenv("COCKPIT_NOW", ahead.isoformat())
    assert make_clock(Config(timezone="UTC")).preview
    monkeypatch.setenv("COCKPIT_NOW", "2026-11-18T12:00:00+00:00")  # a day gone by
    assert not make_clock(Config(timezone="UTC")).preview
    today = dt.datetime.now(dt.UTC).replace(hour=0, minute=1)  # later today is today
    monkeypatch.setenv("COCKPIT_NOW", today.isoformat())
    assert not make_clock(Config(timezone="UTC")).preview


def test_a_preview_writes_no_backup_and_archives_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    use_cli_env(monkeypatch, tmp_path)
    root = tmp_path / "ws"
    assert main(["--data-dir", str(root), "add", "finished long ago"]) == 0
    assert main(["--data-dir", str(root), "done", "1"]) == 0
    assert list_backups(root) == ["2026-11-18"]
    future = (dt.datetime.now(dt.UTC) + dt.timedelta(days=400)).strftime("%Y-%m-%dT12:00:00")
    use_cli_env(monkeypatch, tmp_path, future)
    before = (root / "items.json").read_bytes()
    capsys.readouterr()
    assert main(["--data-dir", str(root), "ls", "--all"]) == 0
    assert list_backups(root) == ["2026-11-18"]  # no backup named for a day to come
    assert (root / "items.json").read_bytes() == before  # nothing archived
    assert "finished long ago" not in (root / "archive.json").read_text("utf-8")


def test_a_failed_daily_backup_warns_and_the_command_still_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    use_cli_env(monkeypatch, tmp_path)
    root = tmp_path / "ws"
    assert main(["--data-dir", str(root), "add", "one"]) == 0
    use_cli_env(monkeypatch, tmp_path, "2026-11-19T12:00:00")
    # A file where today's backup folder goes: the copy cannot be put in place (the
    # full-disk case, with a real full file system, is in test_full_disk.py).
    backups = root / "backups"
    (backups / "2026-11-19").write_text("in the way")
    capsys.readouterr()
    assert main(["--data-dir", str(root), "ls"]) == 0
    out, err = capsys.readouterr()
    assert "one" in out
    assert err.startswith("cockpit: warning: the daily maintenance of 2026-11-19 was skipped: ")
    assert err.count("\n") == 1
    assert not (backups / ".2026-11-19.tmp").exists()  # no half-made backup folder left


def _task(n: int, status: str, end: str | None = None) -> dict[str, object]:
    task: dict[str, object] = {
        "uuid": f"00000000-0000-4000-8000-{n:012d}",
        "description": f"task {n}",
        "entry": "20240101T090000Z",
        "status": status,
    }
    if end:
        task["end"] = end
    return task


def test_import_puts_long_finished_tasks_straight_into_the_archive(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "ws", frozen(NOW))
    history = tmp_path / "history.json"
    tasks = [_task(n, "completed", "20250301T090000Z") for n in range(1, 41)]
    tasks += [_task(41, "completed", "20261115T090000Z"), _task(42, "pending")]
    history.write_text(json.dumps(tasks), encoding="utf-8")
    import_taskwarrior(ws, history)

    hot = json.loads(ws.files.path("items").read_bytes())["items"]
    archive = json.loads(ws.files.path("archive").read_bytes())["items"]
    assert sorted(d["title"] for d in hot.values()) == ["task 41", "task 42"]
    assert len(archive) == 40
    assert len(ws.all_items()) == 42  # everything is there, the hot file stays small
    ws.undo()  # and the import is still one undo step, across both files
    assert ws.all_items() == []


def test_open_app_runs_maintenance_after_midnight(tmp_path: Path) -> None:
    # The app calls `maintain` on the writer when the date changes; what it does then:
    clock = frozen(NOW)
    ws = Workspace(tmp_path / "ws", clock)
    ws.add("x")
    assert ws.maintain() is True and list_backups(ws.root) == ["2026-11-18"]
    assert ws.maintain() is False  # once a day
    clock.advance(days=1)
    assert ws.maintain() is True
    assert list_backups(ws.root) == ["2026-11-19", "2026-11-18"]
