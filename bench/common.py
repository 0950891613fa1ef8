"""Helpers shared by the bench modules (no cockpit imports here: see product.py)."""

from __future__ import annotations

import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
WORK = BENCH / ".work"
NOW_ISO = "2026-11-18T10:00:00+08:00"
"""`COCKPIT_NOW` for subprocesses (the large workspace's frozen clock)."""


def bench_env() -> dict[str, str]:
    """Environment for subprocesses: frozen clock, no user config, a fixed zone."""
    env = dict(os.environ)
    env.pop("COCKPIT_DATA_DIR", None)
    # An installed cockpit runs from bytecode (pip compiles it; an editable install writes
    # __pycache__ on its first run). With this set, as some sandboxes do, every process
    # would compile every module it imports again: ~30 ms of each CLI run and ~90 ms of
    # a TUI start that no user pays. `compile_sources` writes the caches once.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(
        COCKPIT_NOW=NOW_ISO,
        COCKPIT_CONFIG=str(WORK / "no-such-config.toml"),
        TZ="Asia/Shanghai",
    )
    return env


def compile_sources() -> None:
    """Byte-compile the product's sources, as installing it would (see `bench_env`)."""
    dirs = [str(REPO / d) for d in ("cockpit", "screens", "feeds", "storage")]
    cmd = [sys.executable, "-m", "compileall", "-q", *dirs]
    subprocess.run(cmd, env=bench_env(), check=True, stdout=subprocess.DEVNULL)


def cockpit_cmd() -> list[str]:
    """The installed console script next to this interpreter (else `python -m cockpit`)."""
    script = Path(sys.executable).parent / "cockpit"
    return [str(script)] if script.exists() else [sys.executable, "-m", "cockpit"]


def p95(values: Sequence[float]) -> float:
    """95th percentile, nearest rank (the value 95% of samples are at or below)."""
    ordered = sorted(values)
    if not ordered:
        return math.nan
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def say(text: str) -> None:
    """Progress and profiles go to stderr; the table goes to stdout."""
    print(text, file=sys.stderr, flush=True)


def scratch_copy(src: Path, name: str) -> Path:
    """A fresh copy of workspace `src` (with its backups) for benchmarks that write."""
    dst = WORK / name
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(src, dst)
    return dst


@dataclass
class Run:
    """One whole process: wall seconds from spawn to reaped, its peak memory, status."""

    wall_s: float
    max_rss_mb: float
    status: int


def time_cmd(cmd: Sequence[str], env: dict[str, str], cwd: Path | None = None) -> Run:
    """Spawn `cmd` (output discarded), wait for it with wait4; wall time and peak RSS."""
    with tempfile.TemporaryFile() as errors:
        began = time.perf_counter()
        proc = subprocess.Popen(
            list(cmd),
            env=env,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - began
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        err = errors.read().decode(errors="replace")
    if code != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {code}: {err[-2000:]}")
    return Run(wall, round(usage.ru_maxrss / 1024, 1), code)
