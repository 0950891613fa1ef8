"""Shared helpers of the storage and CLI tests: real files, real processes, a frozen clock."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cockpit.core.clock import FrozenClock
from cockpit.items.workspace import Workspace
from cockpit.storage.jsonstore import Stamp, file_stamp

PYTHON = sys.executable
# A Wednesday at noon: the same ISO week (2026-W47) and day in every time zone a CI
# machine may run in, so naive COCKPIT_NOW (taken in the local zone) is safe too.
NOW = dt.datetime(2026, 11, 18, 12, 0, tzinfo=dt.UTC)
NOW_ISO = "2026-11-18T12:00:00"
TODAY = "2026-11-18"
THIS_WEEK = "2026-W47"
LAST_WEEK = "2026-W46"
NEXT_WEEK = "2026-W48"


def frozen(when: dt.datetime = NOW) -> FrozenClock:
    """A clock stopped at `when` (UTC)."""
    return FrozenClock(when, dt.UTC)


def open_ws(root: Path, when: dt.datetime = NOW) -> Workspace:
    """A workspace on `root` with a frozen clock."""
    return Workspace(root, frozen(when))


def cli_env(tmp_path: Path, now: str = NOW_ISO) -> dict[str, str]:
    """Environment for a `cockpit` subprocess: frozen clock, no user config or data."""
    env = dict(os.environ)
    env["COCKPIT_NOW"] = now
    env["COCKPIT_CONFIG"] = str(tmp_path / "no-such-config.toml")
    env["COCKPIT_DATA_DIR"] = str(tmp_path / "default-data-dir")
    return env


def use_cli_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, now: str = NOW_ISO) -> None:
    """The same environment for in-process `cockpit.cli.main.main` calls."""
    monkeypatch.setenv("COCKPIT_NOW", now)
    monkeypatch.setenv("COCKPIT_CONFIG", str(tmp_path / "no-such-config.toml"))
    monkeypatch.setenv("COCKPIT_DATA_DIR", str(tmp_path / "default-data-dir"))


def run_cockpit(
    root: Path, *args: str, env: dict[str, str], timeout: float = 30
) -> subprocess.CompletedProcess[str]:
    """`python -m cockpit --data-dir ROOT ARGS...` as a real process."""
    return subprocess.run(
        [PYTHON, "-m", "cockpit", "--data-dir", str(root), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def snapshot(root: Path) -> dict[str, tuple[bytes, Stamp | None]]:
    """Bytes and stamp of every workspace file (backups included), to prove nothing changed."""
    out: dict[str, tuple[bytes, Stamp | None]] = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.name != ".lock":
            out[str(path.relative_to(root))] = (path.read_bytes(), file_stamp(path))
    return out


def write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def read_json(path: Path) -> Any:
    return json.loads(path.read_bytes())


def temp_files(root: Path) -> list[str]:
    """Leftover temp files of atomic writes."""
    return sorted(p.name for p in root.iterdir() if p.name.endswith(".tmp"))


def one_line(err: str) -> str:
    """The single stderr sentence of a failed command (asserts it is exactly one line)."""
    lines = err.splitlines()
    assert len(lines) == 1, f"expected one stderr line, got {lines!r}"
    assert lines[0].startswith("cockpit: ") and lines[0].endswith("."), lines[0]
    return lines[0]
