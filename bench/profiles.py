"""`run.py --profile`: where start-up, `cockpit add` and a keypress spend their time.

Profiled runs are separate from the timed ones, so `--profile` does not change the table.
"""

from __future__ import annotations

import json
import math
import pstats
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import keyprofile
from common import BENCH, WORK, bench_env, say, scratch_copy
from inprocess import print_profile

PROBE = BENCH / "start_probe.py"


@dataclass
class ProbeRun:
    """One start probe: wall time spawn to exit, spawn to first frame, its report."""

    wall_s: float
    to_ready_s: float
    report: dict[str, Any]


def run_probe(root: Path, *extra: str) -> ProbeRun:
    """Spawn the start probe (`start_probe.py`) and wait for it to exit."""
    cmd = [sys.executable, str(PROBE), "--data-dir", str(root), *extra]
    spawned = time.time()
    began = time.perf_counter()
    proc = subprocess.run(cmd, env=bench_env(), capture_output=True, text=True, check=False)
    wall = time.perf_counter() - began
    if proc.returncode != 0:
        raise RuntimeError(f"start probe failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    return ProbeRun(wall, report.get("ready_epoch", math.nan) - spawned, report)


def profile_start(root: Path, name: str) -> None:
    """Timed functions of a start (median of 3 probes), then a cProfile of one."""
    work = scratch_copy(root, f"scratch-start-profile-{name}")
    run_probe(work)  # warm-up
    reports = [run_probe(work, "--breakdown").report for _ in range(3)]
    say(f"\n--- start breakdown, {name}: inclusive time of named functions, median of 3 ---")
    say(f"  {'function':<40} {'calls':>6} {'ms':>8}")
    for fn in reports[0]["breakdown"]:
        calls = reports[0]["breakdown"][fn][0]
        if calls < 0:
            say(f"  {fn:<40}  (not found in the product: not timed)")
            continue
        ms = statistics.median(r["breakdown"][fn][1] for r in reports) * 1000
        say(f"  {fn:<40} {calls:>6} {ms:>8.1f}")
    ready = statistics.median(r["ready_s"] for r in reports)
    say(f"  (first frame {ready * 1000:.0f} ms after the probe's first line; imports included)")
    prof_path = WORK / f"start-{name}.prof"
    run_probe(work, "--profile", str(prof_path))
    print_profile(f"TUI start to first frame, {name} (probe process)", pstats.Stats(str(prof_path)))
    shutil.rmtree(work, ignore_errors=True)


def profile_cli(ws_root: Path, name: str) -> None:
    """cProfile of one whole `cockpit add` and one `cockpit ls` process."""
    work = scratch_copy(ws_root, f"scratch-cli-profile-{name}")
    for args in (["add", "profiled item"], ["ls"]):
        prof_path = WORK / f"{args[0]}-{name}.prof"
        cmd = [sys.executable, "-m", "cProfile", "-o", str(prof_path), "-m", "cockpit"]
        cmd += ["--data-dir", str(work), *args]
        subprocess.run(cmd, env=bench_env(), capture_output=True, check=True)
        print_profile(f"cockpit {args[0]}, {name} (whole process)", pstats.Stats(str(prof_path)))
    shutil.rmtree(work, ignore_errors=True)


def profile_keys(roots: dict[str, Path], presses: int) -> dict[str, Any]:
    """The keypress profile (keyprofile.py) on each workspace; printed, and returned."""
    out = {}
    for name, root in roots.items():
        result = keyprofile.profile_keypress(root, name, presses)
        say("")
        for line in keyprofile.report(result):
            say(line)
        out[name] = {
            "keys_with_timers": result["timers"]["keys"],
            "calls": result["timers"]["timings"]["calls"],
            "dir": result["full"]["dir"],
        }
    return out
