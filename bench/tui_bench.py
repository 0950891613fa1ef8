"""The figures taken in a real terminal (pty + pyte, see keys_bench.py and term.py).

- the floor: `floor_app.py`'s `j` / `k`, key to screen; and its start to full paint;
- cockpit key to screen, per workspace and key pair, on scratch copies;
- TUI start to full paint on the 10k history, interleaved with the floor's starts;
- peak memory (`ru_maxrss` from `wait4`) of the TUI on the large workspace after the
  finder (`/`) has built its index, and on 100k items;
- on 100k items: start, `cockpit ls` (whole process, with its peak memory).
"""

from __future__ import annotations

import shutil
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from common import bench_env, cockpit_cmd, say, scratch_copy, time_cmd
from keys_bench import FLOOR_CMD, open_session, run_keys, time_starts
from term import Term


@dataclass
class KeyPlan:
    """Which workspace to press which keys on, and how often."""

    name: str
    root: Path
    labels: tuple[str, ...]
    presses: int
    timeout: float = 3.0
    finder: bool = False  # also open the finder before quitting (for peak memory)
    extra: dict[str, Any] = field(default_factory=dict)


def _flatten(prefix: str, summary: dict[str, Any]) -> dict[str, Any]:
    return {f"{prefix}_{k}": v for k, v in summary.items() if k != "keys"}


def bench_floor_keys(presses: int) -> dict[str, Any]:
    """The bare Textual list: j / k key to screen, and its process's peak memory."""
    env = bench_env()
    times, term = run_keys(FLOOR_CMD, env, ["j"], presses)
    term.close("q")
    out = _flatten("key_floor_j", times["j"].summary())
    out["floor_rss_mb"] = term.max_rss_mb
    say(f"  floor j/k: median {out['key_floor_j_median_ms']} ms, p95 {out['key_floor_j_p95_ms']}")
    return out


def bench_cockpit_keys(plan: KeyPlan) -> dict[str, Any]:
    """Each key pair of `plan` in one TUI session on a scratch copy of its workspace."""
    work = scratch_copy(plan.root, f"scratch-keys-{plan.name}")
    cmd = [*cockpit_cmd(), "--data-dir", str(work)]
    times, term = run_keys(cmd, bench_env(), plan.labels, plan.presses, plan.timeout)
    try:
        if plan.finder:
            _open_finder(term)
    finally:
        term.close("q", timeout=30)
    out: dict[str, Any] = {}
    for label, kt in times.items():
        summary = kt.summary()
        out.update(_flatten(f"key_{plan.name}_{label}", summary))
        say(
            f"  {plan.name} {'/'.join(kt.keys)}: median {summary['median_ms']} ms, p95 "
            f"{summary['p95_ms']} ms{' (' + kt.note + ')' if kt.note else ''}"
            f"{f', {kt.missed} not seen' if kt.missed else ''}"
        )
    out[f"tui_{plan.name}_rss_mb"] = term.max_rss_mb
    shutil.rmtree(work, ignore_errors=True)
    return out


def _open_finder(term: Term) -> None:
    """`/` (the finder builds its index over everything), wait, `escape`."""
    term.write("/")
    term.wait_for(lambda: term.first_output is not None, 10.0)
    term.settle(0.5, timeout=20.0)
    term.write("escape")
    term.settle(0.3, timeout=5.0)


def bench_starts(root: Path, name: str, runs: int) -> dict[str, Any]:
    """Spawn to full paint: the floor and cockpit on `root`, interleaved, `runs` each."""
    work = scratch_copy(root, f"scratch-start-{name}")
    env = bench_env()
    cockpit = [*cockpit_cmd(), "--data-dir", str(work)]
    floor: list[float] = []
    ours: list[float] = []
    time_starts(cockpit, env, 0)  # warm-up (page cache, .pyc files)
    for _ in range(runs):
        floor += time_starts(FLOOR_CMD, env, 1, warm=False)
        ours += time_starts(cockpit, env, 1, warm=False)
    shutil.rmtree(work, ignore_errors=True)
    out = {
        "start_floor_s": round(statistics.median(floor), 3),
        "start_floor_runs_s": [round(s, 3) for s in floor],
        f"start_{name}_s": round(statistics.median(ours), 3),
        f"start_{name}_runs_s": [round(s, 3) for s in ours],
    }
    say(f"  start: floor {out['start_floor_s']} s, {name} {out[f'start_{name}_s']} s")
    return out


def bench_big(root: Path, name: str, starts: int, ls_runs: int) -> dict[str, Any]:
    """Start to full paint (median of `starts`) and `cockpit ls` on a big workspace."""
    work = scratch_copy(root, f"scratch-big-{name}")
    env = bench_env()
    cockpit = [*cockpit_cmd(), "--data-dir", str(work)]
    paints: list[float] = []
    rss: list[float] = []
    time_starts(cockpit, env, 0)  # warm-up
    for _ in range(starts):
        term = open_session(cockpit, env)
        paint = term.first_full_paint()
        term.close("q", timeout=30)
        if paint is not None:
            paints.append(paint - term.spawned)
        if term.max_rss_mb is not None:
            rss.append(term.max_rss_mb)
    time_cmd([*cockpit, "ls"], env)  # warm-up
    ls = [time_cmd([*cockpit, "ls"], env) for _ in range(ls_runs)]
    shutil.rmtree(work, ignore_errors=True)
    out = {
        f"start_{name}_s": round(statistics.median(paints), 3) if paints else None,
        f"start_{name}_runs_s": [round(p, 3) for p in paints],
        f"tui_start_{name}_rss_mb": max(rss) if rss else None,
        f"ls_{name}_s": round(statistics.median(r.wall_s for r in ls), 3),
        f"ls_{name}_runs_s": [round(r.wall_s, 3) for r in ls],
        f"ls_{name}_rss_mb": max(r.max_rss_mb for r in ls),
    }
    say(
        f"  {name}: start {out[f'start_{name}_s']} s, ls {out[f'ls_{name}_s']} s "
        f"({out[f'ls_{name}_rss_mb']} MB)"
    )
    return out
