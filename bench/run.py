"""`make bench`: measure cockpit against the budgets of DESIGN.md on a large workspace.

    .venv/bin/python bench/run.py [--fresh] [--quick] [--strict] [--profile]

Generates (once) the large workspace in `bench/.work/large`, measures start time, peak
memory, triage latency, fuzzy-find latency and `cockpit add`, prints a table and writes
`bench/results.json`. Exits 0 even when a budget is missed, unless `--strict`.
See bench/README.md for what each number means and how it is measured.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import math
import os
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import feeds_bench
import feeds_ui
import largeworkspace as lw

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
VENV = REPO / ".venv"
WORK = BENCH / ".work"
RESULTS = BENCH / "results.json"
PROBE = BENCH / "start_probe.py"

BUDGETS: dict[str, float] = {
    "start_s": 0.5,
    "triage_p95_ms": 10.0,
    "find_p95_ms": 25.0,
    "add_s": 0.150,
    "peak_mb": 150.0,
    "feeds_first_s": 1.2,
    "feeds_second_s": 0.5,
    "feeds_ui_p95_ms": 50.0,
}
UNITS = {"start_s": "s", "triage_p95_ms": "ms", "find_p95_ms": "ms", "add_s": "s", "peak_mb": "MB"}
UNITS |= {"feeds_first_s": "s", "feeds_second_s": "s", "feeds_ui_p95_ms": "ms"}

FIND_QUERIES = (
    "replication", "postgis", "招商", "aurora", "升级", "瀚海银行", "Nordwind", "北辰证券",
    "pgvector", "failover", "backup retention", "pricing", "Patroni", "autovacuum", "迁移",
    "upgrade runbook", "逻辑复制", "Sakura Games", "roadmap", "TDE key",
)  # fmt: skip


@dataclass
class Options:
    """What this run does."""

    fresh: bool
    quick: bool
    strict: bool
    profile: bool
    start_runs: int
    add_runs: int
    triage_ops: int
    find_rounds: int


# helpers ------------------------------------------------------------------------------
def p95(values: Sequence[float]) -> float:
    """95th percentile, nearest-rank (the value 95% of samples are at or below)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def bench_env() -> dict[str, str]:
    """Environment for subprocesses: frozen clock, no user config, a fixed zone."""
    env = dict(os.environ)
    env.pop("COCKPIT_DATA_DIR", None)
    env.update(
        COCKPIT_NOW=lw.NOW_ISO,
        COCKPIT_CONFIG=str(WORK / "no-such-config.toml"),
        TZ="Asia/Shanghai",
    )
    return env


def cockpit_cmd() -> list[str]:
    """The installed console script next to this interpreter (else `python -m cockpit`)."""
    script = Path(sys.executable).parent / "cockpit"
    return [str(script)] if script.exists() else [sys.executable, "-m", "cockpit"]


def scratch_copy(src: Path, name: str) -> Path:
    """A fresh copy of workspace `src` (with its backups) for benchmarks that write."""
    dst = WORK / name
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(src, dst)
    return dst


def say(text: str) -> None:
    """Progress and profiles go to stderr; the table goes to stdout."""
    print(text, file=sys.stderr, flush=True)


def _profile_rows(
    prof: cProfile.Profile | pstats.Stats,
) -> list[tuple[float, float, int, str, bool]]:
    """(cumulative s, own s, calls, "function (file:line)", is cockpit's) per function."""
    stats = prof if isinstance(prof, pstats.Stats) else pstats.Stats(prof)
    rows = []
    for (path, line, func), (_cc, calls, own, cum, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        mine = path.startswith(str(REPO)) and not path.startswith((str(BENCH), str(VENV)))
        where = f"{Path(path).relative_to(REPO) if mine else Path(path).name}:{line}"
        rows.append((cum, own, calls, f"{func} ({where if line else path})", mine))
    return rows


def print_profile(title: str, prof: cProfile.Profile | pstats.Stats, n: int = 12) -> None:
    """Top functions by own time, then cockpit's own functions by cumulative time."""
    rows = _profile_rows(prof)
    say(f"\n--- cProfile: {title}: top by own time (profiler overhead inflates) ---")
    for cum, own, calls, name, _mine in sorted(rows, key=lambda r: -r[1])[:n]:
        say(f"  {own * 1000:8.1f} ms own {cum * 1000:8.1f} ms cum {calls:7d}x  {name}")
    say(f"--- cProfile: {title}: cockpit functions by cumulative time ---")
    ours = sorted((r for r in rows if r[4]), key=lambda r: -r[0])
    for cum, own, calls, name, _mine in ours[:n]:
        say(f"  {cum * 1000:8.1f} ms cum {own * 1000:8.1f} ms own {calls:7d}x  {name}")


# start and memory ---------------------------------------------------------------------
@dataclass
class ProbeRun:
    """One start probe: wall time spawn to exit, spawn to first frame, its report."""

    wall_s: float
    to_ready_s: float
    report: dict[str, Any]


def run_probe(root: Path, *extra: str) -> ProbeRun:
    """Spawn the start probe and wait for it to exit."""
    cmd = [sys.executable, str(PROBE), "--data-dir", str(root), *extra]
    env = bench_env()
    spawned = time.time()
    began = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - began
    if proc.returncode != 0:
        raise RuntimeError(f"start probe failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    return ProbeRun(wall, report.get("ready_epoch", math.nan) - spawned, report)


def bench_start(root: Path, opts: Options) -> dict[str, Any]:
    """start_s (median, spawn to the first full frame) and peak_mb (after the finder index).

    The budget is "start to first full paint", so the clock stops at the app's Ready
    event (the first frame is on screen); spawn-to-exit is kept as `start_to_exit_s`.
    """
    run_probe(root)  # warm-up: makes today's daily backup, warms caches and .pyc files
    runs = [run_probe(root) for _ in range(opts.start_runs)]
    walls = [r.wall_s for r in runs]
    with_index = run_probe(root, "--index").report
    bare = [run_probe(root, "--bare").wall_s for _ in range(max(3, opts.start_runs // 2))]
    frames = [r.to_ready_s for r in runs]
    out: dict[str, Any] = {
        "start_s": round(statistics.median(frames), 3),
        "start_max_s": round(max(frames), 3),
        "start_runs_s": [round(f, 3) for f in frames],
        "start_to_exit_s": round(statistics.median(walls), 3),
        "start_to_first_frame_s": round(statistics.median(frames), 3),
        "start_ready_in_process_s": round(statistics.median(r.report["ready_s"] for r in runs), 3),
        "start_open_workspace_s": round(statistics.median(r.report["open_s"] for r in runs), 3),
        "start_bare_textual_s": round(statistics.median(bare), 3),
        "start_rows": runs[-1].report.get("rows", {}),
        "peak_mb": with_index["rss_mb"],
        "peak_mb_at_first_frame": round(statistics.median(r.report["rss_mb"] for r in runs), 1),
        "find_index_build_s": with_index.get("index_s"),
        "find_index_records": with_index.get("index_records"),
    }
    if opts.profile:
        profile_start(root)
    return out


def profile_start(root: Path) -> None:
    """Print where start-up time goes: timed functions (median of 3) and cProfile."""
    reports = [run_probe(root, "--breakdown").report for _ in range(3)]
    say("\n--- start breakdown: inclusive time of named functions, median of 3 runs ---")
    say(f"  {'function':<40} {'calls':>6} {'ms':>8}")
    for name in reports[0]["breakdown"]:
        calls = reports[0]["breakdown"][name][0]
        ms = statistics.median(r["breakdown"][name][1] for r in reports) * 1000
        say(f"  {name:<40} {calls:>6} {ms:>8.1f}")
    ready = statistics.median(r["ready_s"] for r in reports)
    say(f"  (first frame {ready * 1000:.0f} ms after the probe's first line; imports included)")
    prof_path = WORK / "start.prof"
    run_probe(root, "--profile", str(prof_path))
    print_profile("TUI start to first frame (probe process)", pstats.Stats(str(prof_path)))


# cockpit add --------------------------------------------------------------------------
def bench_add(root: Path, opts: Options) -> dict[str, Any]:
    """`cockpit --data-dir DIR add ...` as a whole process, on a scratch copy."""
    work = scratch_copy(root, "scratch-add")
    env = bench_env()
    times = []
    for n in range(opts.add_runs + 1):
        cmd = [*cockpit_cmd(), "--data-dir", str(work), "add", f"bench item {n}"]
        began = time.perf_counter()
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - began
        if proc.returncode != 0:
            raise RuntimeError(f"cockpit add failed: {proc.stderr.strip()}")
        if n:  # the first run only warms caches
            times.append(elapsed)
    bare = []
    for _ in range(5):
        began = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], env=env, check=True)
        bare.append(time.perf_counter() - began)
    out = {
        "add_s": round(statistics.median(times), 3),
        "add_median_s": round(statistics.median(times), 3),
        "add_max_s": round(max(times), 3),
        "add_runs_s": [round(t, 3) for t in times],
        "python_startup_s": round(statistics.median(bare), 3),
    }
    if opts.profile:
        prof_path = WORK / "add.prof"
        cmd = [sys.executable, "-m", "cProfile", "-o", str(prof_path), "-m", "cockpit"]
        cmd += ["--data-dir", str(work), "add", "profiled item"]
        subprocess.run(cmd, env=env, capture_output=True, check=True)
        print_profile("cockpit add (whole process)", pstats.Stats(str(prof_path)))
    shutil.rmtree(work, ignore_errors=True)
    return out


# triage -------------------------------------------------------------------------------
def triage_ops(root: Path, ops: int, seed: int) -> list[float]:
    """Time `ops` triage operations (ms each, fsync included) on workspace `root`.

    Cycles toggle_key / done / undo / defer / undo, each on a random open item (seeded);
    the undos keep the set of open items the same from cycle to cycle.
    """
    ws = lw.open_bench_workspace(root)
    ids = [i.id for i in ws.items() if i.is_open]  # parsed, as in the TUI before a key
    rng = random.Random(seed)
    cycle: list[Callable[[int], Any] | None] = [ws.toggle_key, ws.done, None, ws.defer, None]
    times = []
    for n in range(ops):
        fn = cycle[n % len(cycle)]
        item_id = rng.choice(ids)
        began = time.perf_counter()
        if fn is None:
            ws.undo()
        else:
            fn(item_id)
        times.append((time.perf_counter() - began) * 1000)
    return times


def bench_triage(root: Path, opts: Options) -> dict[str, Any]:
    """triage_p95_ms on the large workspace, then again with the archive doubled."""
    work = scratch_copy(root, "scratch-triage")
    first = triage_ops(work, opts.triage_ops, 1)
    hot_kb = round((work / "items.json").stat().st_size / 1024)
    archived = len(lw.open_bench_workspace(work).files.raw("archive").get("items", {}))
    grown = lw.grow_archive(work, archived + archived // 16)  # about 8,500 on the full shape
    second = triage_ops(work, opts.triage_ops, 2)
    out = {
        "triage_p95_ms": round(p95(first), 2),
        "triage_median_ms": round(statistics.median(first), 2),
        "triage_max_ms": round(max(first), 2),
        "triage_p95_ms_big_archive": round(p95(second), 2),
        "triage_median_ms_big_archive": round(statistics.median(second), 2),
        "archive_items": archived,
        "archive_items_big": archived + grown,
        "hot_file_kb": hot_kb,
        "archive_file_kb_big": round((work / "archive.json").stat().st_size / 1024),
    }
    if opts.profile:
        profile_triage(work, opts.triage_ops)
    shutil.rmtree(work, ignore_errors=True)
    return out


def profile_triage(root: Path, ops: int) -> None:
    """Print the split of one triage write (encode / write+fsync / rest) and cProfile."""
    import cockpit.storage.jsonstore as jsonstore

    spent: dict[str, list[float]] = {"encode": [], "atomic_write": [], "fsync": []}

    def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any) -> Any:
            began = time.perf_counter()
            try:
                return fn(*args)
            finally:
                spent[name].append((time.perf_counter() - began) * 1000)

        return wrapper

    saved = (jsonstore.encode, jsonstore.atomic_write, os.fsync)
    jsonstore.encode = timed("encode", saved[0])
    jsonstore.atomic_write = timed("atomic_write", saved[1])
    os.fsync = timed("fsync", saved[2])
    try:
        total = triage_ops(root, ops, 3)
    finally:
        jsonstore.encode, jsonstore.atomic_write, os.fsync = saved
    say(f"\n--- triage breakdown: median / p95 ms per operation ({ops} operations) ---")
    say(f"  whole operation                  {statistics.median(total):6.2f} / {p95(total):6.2f}")
    say(f"  json encode of the hot file      {_mp(spent['encode'])}")
    say(f"  atomic_write (write+2 fsync+mv)  {_mp(spent['atomic_write'])}")
    say(f"  one fsync                        {_mp(spent['fsync'])}")
    prof = cProfile.Profile()
    prof.runcall(triage_ops, root, ops, 4)
    print_profile(f"{ops} triage operations (in process)", prof)


def _mp(values: list[float]) -> str:
    return f"{statistics.median(values):6.2f} / {p95(values):6.2f}" if values else "-"


# find ---------------------------------------------------------------------------------
def find_prefixes() -> list[str]:
    """Every keystroke of every query: "r", "re", "rep", ..."""
    return [q[:n] for q in FIND_QUERIES for n in range(1, len(q) + 1)]


def time_searches(index: Any, prefixes: list[str], rounds: int) -> list[tuple[str, float]]:
    """(prefix, ms) for each `index.search(prefix)`, `rounds` times over the prefixes."""
    for prefix in prefixes[:10]:  # warm-up (rapidfuzz first-call setup)
        index.search(prefix)
    out = []
    for _round in range(rounds):
        for prefix in prefixes:
            began = time.perf_counter()
            index.search(prefix, limit=30)
            out.append((prefix, (time.perf_counter() - began) * 1000))
    return out


def bench_find(root: Path, opts: Options) -> dict[str, Any]:
    """find_p95_ms: one `SearchIndex.search` per keystroke prefix of realistic queries."""
    from cockpit.screens.dialogs.finder import build_index

    ws = lw.open_bench_workspace(root)
    began = time.perf_counter()
    index = build_index(ws)
    build_s = time.perf_counter() - began
    prefixes = find_prefixes()
    samples = time_searches(index, prefixes, opts.find_rounds)
    times = [ms for _p, ms in samples]
    worst: dict[str, float] = {}
    for prefix, ms in samples:
        worst[prefix] = max(worst.get(prefix, 0.0), ms)
    slowest = sorted(((ms, p) for p, ms in worst.items()), reverse=True)[:3]
    out = {
        "find_p95_ms": round(p95(times), 2),
        "find_median_ms": round(statistics.median(times), 2),
        "find_max_ms": round(max(times), 2),
        "find_keystrokes": len(prefixes),
        "find_rounds": opts.find_rounds,
        "find_no_hits": sum(1 for p in prefixes if not index.search(p)),
        "find_slowest": [[p, round(ms, 1)] for ms, p in slowest],
        "find_index_build_in_process_s": round(build_s, 3),
        "find_index_records_in_process": len(index),
    }
    if opts.profile:
        profile_find(index, prefixes, samples)
    return out


def profile_find(index: Any, prefixes: list[str], samples: list[tuple[str, float]]) -> None:
    """Split search time by record kind and by query length (the work is all in C)."""
    from cockpit.find.search import SearchIndex

    say("\n--- find breakdown: search over each kind of record alone, median / p95 ms ---")
    kinds: dict[str, list[Any]] = {}
    for record in index.records:
        kinds.setdefault(record.kind, []).append(record)
    for kind, records in kinds.items():
        part = [ms for _p, ms in time_searches(SearchIndex(records), prefixes, 1)]
        say(f"  {kind:<10} {len(records):>6} records  {_mp(part)}")
    by_len: dict[int, list[float]] = {}
    for prefix, ms in samples:
        by_len.setdefault(min(len(prefix), 6), []).append(ms)
    row = ", ".join(
        f"{n}{'+' if n == 6 else ''}: {statistics.median(v):.1f}" for n, v in sorted(by_len.items())
    )
    say(f"  median ms by query length (characters): {row}")
    prof = cProfile.Profile()
    prof.runcall(time_searches, index, prefixes, 1)
    print_profile(f"{len(prefixes)} finder keystrokes (in process)", prof)


# report -------------------------------------------------------------------------------
def table(results: dict[str, Any]) -> tuple[list[str], list[str]]:
    """The printed table and the names of failed metrics."""
    lines = [f"{'metric':<16} {'measured':>10} {'budget':>10}  result", "-" * 46]
    failed = []
    for key, budget in BUDGETS.items():
        value = results.get(key)
        unit = UNITS[key]
        if value is None:
            lines.append(f"{key:<16} {'-':>10} {budget:>7g} {unit:<2}  skipped")
            continue
        ok = value <= budget
        if not ok:
            failed.append(key)
        verdict = "ok" if ok else "FAIL  <-- over budget"
        lines.append(f"{key:<16} {value:>7g} {unit:<2} {budget:>7g} {unit:<2}  {verdict}")
    return lines, failed


def extras(results: dict[str, Any]) -> list[str]:
    """Context lines printed under the table."""
    r = results
    return [
        f"start: runs {r['start_runs_s']} s (max {r['start_max_s']}); spawn to first frame "
        f"{r['start_to_first_frame_s']} s (workspace open {r['start_open_workspace_s']} s); "
        f"bare Textual app {r['start_bare_textual_s']} s",
        f"memory: {r['peak_mb_at_first_frame']} MB at first frame, {r['peak_mb']} MB after the "
        f"finder index ({r['find_index_records']} records, built in {r['find_index_build_s']} s)",
        f"triage: median {r['triage_median_ms']} ms, max {r['triage_max_ms']} ms; archive "
        f"{r['archive_items']} -> {r['archive_items_big']} items: p95 "
        f"{r['triage_p95_ms']} -> {r['triage_p95_ms_big_archive']} ms "
        f"(hot file {r['hot_file_kb']} KB)",
        f"find: {r['find_keystrokes']} keystrokes x {r['find_rounds']}, median "
        f"{r['find_median_ms']} ms, max {r['find_max_ms']} ms; slowest {r['find_slowest']}",
        f"add: median {r['add_median_s']} s, max {r['add_max_s']} s over "
        f"{len(r['add_runs_s'])} runs (bare python start {r['python_startup_s']} s)",
    ]


def parse(argv: Sequence[str] | None) -> Options:
    parser = argparse.ArgumentParser(description="Measure cockpit against its budgets.")
    parser.add_argument("--fresh", action="store_true", help="regenerate the workspace")
    parser.add_argument("--quick", action="store_true", help="smaller workspace, fewer runs")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a budget is missed")
    parser.add_argument(
        "--profile", action="store_true", help="also print where the time goes (slower)"
    )
    args = parser.parse_args(argv)
    return Options(
        fresh=args.fresh,
        quick=args.quick,
        strict=args.strict,
        profile=args.profile,
        start_runs=3 if args.quick else 5,
        add_runs=5 if args.quick else 15,
        triage_ops=100 if args.quick else 200,
        find_rounds=1 if args.quick else 3,
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run every benchmark; print the table; write bench/results.json."""
    opts = parse(argv)
    shape = lw.Shape.quick() if opts.quick else lw.Shape.full()
    root = WORK / ("quick" if opts.quick else "large")
    began = time.perf_counter()
    say(f"workspace: {root}")
    if lw.ensure(root, shape, fresh=opts.fresh):
        say(f"  generated in {lw.stats_of(root).get('generate_s')} s")
    results: dict[str, Any] = {}
    for name, fn in (
        ("start + memory", bench_start),
        ("cockpit add", bench_add),
        ("triage", bench_triage),
        ("find", bench_find),
        ("feeds refresh", feeds_bench.bench_feeds),
        ("keys during a feed refresh", feeds_ui.bench_feeds_ui),
    ):
        say(f"measuring {name} ...")
        results.update(fn(root, opts))
    results["mode"] = "quick" if opts.quick else "full"
    results["workspace"] = lw.stats_of(root)
    results["now"] = lw.NOW_ISO
    results["cpus"] = os.cpu_count()
    results["loadavg_1m"] = round(os.getloadavg()[0], 2)
    results["bench_s"] = round(time.perf_counter() - began, 1)
    lines, failed = table(results)
    results["failed"] = failed
    RESULTS.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    ws = results["workspace"]
    print(
        f"\ncockpit bench ({results['mode']}): {ws.get('items_open')} open / "
        f"{ws.get('items_hot')} hot / {ws.get('items_archived')} archived items, "
        f"{ws.get('customers')} customers, {ws.get('touches')} touches, "
        f"{ws.get('entries')} entries; load {results['loadavg_1m']} on {results['cpus']} cpus"
    )
    print("\n".join(lines))
    print()
    print("\n".join(extras(results)))
    print(f"\n{len(failed)} of {len(BUDGETS)} budgets missed" if failed else "\nall budgets met")
    print(f"wrote {RESULTS.relative_to(BENCH.parent)} in {results['bench_s']} s")
    return 1 if opts.strict and failed else 0


if __name__ == "__main__":
    sys.exit(main())
