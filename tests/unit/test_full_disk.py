"""Failed saves are one sentence, exit status 3, nothing half-written: a real full disk
(a small tmpfs), permission denied (a real unprivileged process), read-only files and
symbolic links. README promises: 3 for a workspace that cannot be used."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from cockpit.cli.main import main
from tests.diskfull import fill, inject_enospc, small_disk
from tests.unit.storage_helpers import (
    cli_env,
    one_line,
    open_ws,
    read_json,
    run_cockpit,
    snapshot,
    temp_files,
    use_cli_env,
)

FULL = "the disk is full - free some space and try again"


@pytest.fixture
def disk(tmp_path: Path) -> object:
    with small_disk(tmp_path / "disk") as where:
        yield where


# a full disk ----------------------------------------------------------------------------
def test_cli_on_a_full_disk_says_so_exits_3_and_writes_nothing(disk: Path, tmp_path: Path) -> None:
    root = disk / "ws"
    env = cli_env(tmp_path)
    assert run_cockpit(root, "add", "before the disk filled up", env=env).returncode == 0
    filler = fill(disk)
    before = snapshot(root)

    add = run_cockpit(root, "add", "lost?", env=env)
    assert add.returncode == 3, add.stderr
    assert one_line(add.stderr) == f"cockpit: cannot save {root / 'items.json'}: {FULL}."
    assert "Traceback" not in add.stderr and add.stdout == ""
    assert snapshot(root) == before and temp_files(root) == []

    done = run_cockpit(root, "done", "1", env=env)
    assert done.returncode == 3 and FULL in one_line(done.stderr)
    backup = run_cockpit(root, "backup", env=env)
    assert backup.returncode == 3 and "cannot back up into" in one_line(backup.stderr)
    assert sorted(p.name for p in (root / "backups").iterdir()) == ["2026-11-18"]  # no temp

    # Reading still works; a new day's backup that cannot be made is a warning, not an end.
    ls = run_cockpit(root, "ls", env=cli_env(tmp_path, "2026-11-19T12:00:00"))
    assert ls.returncode == 0 and "before the disk filled up" in ls.stdout
    assert one_line(ls.stderr).startswith("cockpit: warning: the daily maintenance of 2026-11-19")
    assert FULL in ls.stderr
    assert sorted(p.name for p in (root / "backups").iterdir()) == ["2026-11-18"]
    assert snapshot(root) == before

    filler.unlink()  # room again: the same command works
    assert run_cockpit(root, "add", "after", env=env).returncode == 0
    assert [d["title"] for d in read_json(root / "items.json")["items"].values()] == [
        "before the disk filled up",
        "after",
    ]


def test_injected_enospc_in_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The same failure where no file system can be mounted: the write itself fails.
    use_cli_env(monkeypatch, tmp_path)
    root = tmp_path / "ws"
    assert main(["--data-dir", str(root), "add", "kept"]) == 0
    before = snapshot(root)
    inject_enospc(monkeypatch)
    capsys.readouterr()
    assert main(["--data-dir", str(root), "add", "lost"]) == 3
    assert one_line(capsys.readouterr().err).endswith(f"items.json: {FULL}.")
    assert snapshot(root) == before


# permission denied ----------------------------------------------------------------------
def _as_nobody() -> list[str]:
    setpriv = shutil.which("setpriv")
    if os.geteuid() != 0 or setpriv is None:
        pytest.skip("needs root and setpriv to run the CLI as another user")
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", "--"]


@pytest.fixture
def shared_dir() -> object:
    """A folder other users may enter (pytest's own tmp folders are private to root)."""
    base = Path(tempfile.mkdtemp(prefix="cockpit-perm-", dir="/tmp"))
    base.chmod(0o755)
    yield base
    shutil.rmtree(base, ignore_errors=True)


def test_a_workspace_owned_by_another_user_is_refused_in_one_sentence(shared_dir: Path) -> None:
    root = shared_dir / "ws"
    open_ws(root).add("root's item")
    root.chmod(0o755)  # readable by others, writable by its owner (root) only
    for path in root.iterdir():
        path.chmod(0o644 if path.is_file() else 0o755)
    env = cli_env(shared_dir) | {"HOME": str(shared_dir)}
    before = snapshot(root)
    cmd = [*_as_nobody(), sys.executable, "-m", "cockpit", "--data-dir", str(root)]
    done = subprocess.run([*cmd, "add", "not mine"], env=env, capture_output=True, text=True)
    if "Permission denied" in done.stderr and "python" in done.stderr.lower():
        pytest.skip("the test's python is not readable by an unprivileged user")
    assert done.returncode == 3, done.stderr
    line = one_line(done.stderr)
    assert "permission denied" in line and str(root) in line
    assert "Traceback" not in done.stderr
    assert snapshot(root) == before


# files the user set up ------------------------------------------------------------------
def test_a_read_only_data_file_is_refused_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    use_cli_env(monkeypatch, tmp_path)
    root = tmp_path / "ws"
    assert main(["--data-dir", str(root), "add", "kept"]) == 0
    hot = root / "items.json"
    hot.chmod(0o444)
    before = hot.read_bytes()
    inode = hot.stat().st_ino
    capsys.readouterr()
    assert main(["--data-dir", str(root), "add", "refused"]) == 3
    line = one_line(capsys.readouterr().err)
    assert line == (
        f"cockpit: cannot save {hot}: it is read-only (mode 0444) and cockpit will not "
        f"replace it - make it writable (chmod u+w {hot}) to save changes again."
    )
    assert hot.read_bytes() == before and hot.stat().st_ino == inode
    assert oct(hot.stat().st_mode & 0o777) == "0o444"  # still the user's choice
    assert main(["--data-dir", str(root), "ls"]) == 0  # reading it is fine


def test_a_symlinked_data_file_is_written_through_the_link(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    ws = open_ws(root)
    ws.add("first")
    elsewhere = tmp_path / "synced" / "items.json"
    elsewhere.parent.mkdir()
    (root / "items.json").rename(elsewhere)
    (root / "items.json").symlink_to(elsewhere)

    ws = open_ws(root)
    ws.add("second")
    ws.customers.add("ACME")
    assert (root / "items.json").is_symlink()  # the link is kept ...
    titles = [d["title"] for d in json.loads(elsewhere.read_bytes())["items"].values()]
    assert titles == ["first", "second"]  # ... and the file it points to was written
    assert temp_files(root) == [] and temp_files(elsewhere.parent) == []
    # A backup holds the content, a restore writes through the link again.
    assert main(["--data-dir", str(root), "backup"]) == 0
    ws.add("third")
    assert main(["--data-dir", str(root), "restore", "--file", "items.json"]) == 0
    assert (root / "items.json").is_symlink()
    assert len(json.loads(elsewhere.read_bytes())["items"]) == 2


def test_a_link_to_nothing_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    open_ws(root).add("x")
    (root / "items.json").unlink()
    (root / "items.json").symlink_to(tmp_path / "gone" / "items.json")
    env = cli_env(tmp_path)
    done = run_cockpit(root, "add", "y", env=env)
    assert done.returncode == 3
    line = one_line(done.stderr)
    assert "is a link to" in line and "which does not exist" in line
    assert (root / "items.json").is_symlink()
