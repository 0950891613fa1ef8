"""Helpers shared by the bench modules (no cockpit imports here: see product.py)."""

from __future__ import annotations

import math
import os
import shutil
import subprocess
import sys
import tempfile
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
    """Run `cmd` (output discarded) through `peak.py`; its wall time, from its fork to
    reaped, and its own peak RSS (a child of the bench would report the bench's)."""
    read, write = os.pipe()
    with tempfile.TemporaryFile() as errors:
        proc = subprocess.Popen(
            [sys.executable, "-I", "-S", str(BENCH / "peak.py"), str(write), *cmd],
            env=env,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=errors,
            pass_fds=(write,),
        )
        os.close(write)
        with os.fdopen(read, "rb") as report:
            line = report.read().decode()
        code = proc.wait()
        errors.seek(0)
        err = errors.read().decode(errors="replace")
    if code != 0 or not line:
        raise RuntimeError(f"{' '.join(cmd)} exited {code}: {err[-2000:]}")
    wall, kib = line.split()
    return Run(float(wall), round(int(kib) / 1024, 1), code)


def peak_rss_mb(pid: int | str = "self") -> float | None:
    """The peak resident size of process `pid`'s program (Linux `VmHWM`, in MB), read
    while it runs; None where /proc does not tell. Unlike `ru_maxrss` it starts over at
    `exec`, so a child of the bench does not report the bench's own peak."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except (OSError, ValueError, IndexError):
        return None
    return None
