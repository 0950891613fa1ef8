"""cockpit's CLI against taskwarrior on the same 10k tasks, measured in turn in one run.

    .venv/bin/python bench/cli_bench.py [--runs N]

On scratch copies of the 10k history (`taskhistory.py`: taskwarrior's data and the
cockpit workspace it was imported into), each round runs, one after the other:

    cockpit add "bench task N"   task add "bench task N"
    cockpit ls                   task next
    cockpit --version            python -c pass

Each is a whole process, timed from spawn to reaped (`os.wait4`, which also gives its
peak memory), output discarded. One warm-up round, then `runs` timed rounds; the figure
is the median. The adds accumulate only `runs + 1` tasks on a fresh copy of 10,000.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

import taskhistory  # noqa: E402
from common import WORK, Run, bench_env, cockpit_cmd, time_cmd  # noqa: E402

COMMANDS = ("cockpit_add", "task_add", "cockpit_ls", "task_next", "cockpit_version", "python")


def scratch(src: Path, dst: Path) -> Path:
    """Copies of the taskwarrior data and the cockpit workspace, a taskrc pointing there."""
    shutil.rmtree(dst, ignore_errors=True)
    dst.mkdir(parents=True)
    shutil.copytree(src / "taskdata", dst / "taskdata")
    shutil.copytree(src / "ws", dst / "ws")
    taskhistory.write_taskrc(dst)
    return dst


def bench_cli(runs: int, src: Path = taskhistory.ROOT) -> dict[str, Any]:
    """Medians of each command over `runs` rounds (after a warm-up round)."""
    root = scratch(src, WORK / "scratch-cli")
    env, tenv = bench_env(), taskhistory.task_env(root)
    ws = str(root / "ws")
    cockpit = cockpit_cmd()
    times: dict[str, list[Run]] = {name: [] for name in COMMANDS}
    for n in range(runs + 1):
        title = f"bench task {n}"
        round_ = {
            "cockpit_add": time_cmd([*cockpit, "--data-dir", ws, "add", title], env),
            "task_add": time_cmd(["task", "add", title], tenv),
            "cockpit_ls": time_cmd([*cockpit, "--data-dir", ws, "ls"], env),
            "task_next": time_cmd(["task", "next"], tenv),
            "cockpit_version": time_cmd([*cockpit, "--version"], env),
            "python": time_cmd([sys.executable, "-c", "pass"], env),
        }
        if n:
            for name, run in round_.items():
                times[name].append(run)
    shutil.rmtree(root, ignore_errors=True)
    out: dict[str, Any] = {"cli_runs": runs}
    for name, got in times.items():
        walls = [r.wall_s for r in got]
        out[f"cli_{name}_s"] = round(statistics.median(walls), 4)
        out[f"cli_{name}_max_s"] = round(max(walls), 4)
        out[f"cli_{name}_rss_mb"] = max(r.max_rss_mb for r in got)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    taskhistory.ensure()
    print(json.dumps(bench_cli(args.runs), indent=1))


if __name__ == "__main__":
    main()
