"""`make bench`: cockpit against the budgets of issue 13 / DESIGN.md, yardsticks in the run.

    .venv/bin/python bench/run.py [--fresh] [--quick] [--strict] [--profile]

Builds (once, cached in bench/.work) the large workspace, a 10k-task taskwarrior history
imported through the CLI, and 1k / 100k-item workspaces; then measures what the user
feels, each figure next to its yardstick measured in the same run: key to visible change
and start to full paint in a real terminal (pty + pyte) against a bare Textual app, the
CLI against taskwarrior, feeds against newsboat. Prints ONE table, writes
`bench/results.json`. Exits 0 even when a budget is missed, unless `--strict`.
See bench/README.md for what each number means and how it is measured.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import calendar_bench
import cli_bench
import feeds_bench
import feeds_ui
import inprocess
import largeworkspace as lw
import metrics_bench
import profiles
import table
import taskhistory
import tui_bench
from common import BENCH, WORK, bench_env, cockpit_cmd, compile_sources, say
from keys_bench import open_session

RESULTS = BENCH / "results.json"


@dataclass
class Options:
    """What this run does."""

    fresh: bool
    quick: bool
    strict: bool
    profile: bool
    presses: int
    big_presses: int
    start_runs: int
    cli_runs: int
    triage_ops: int
    find_rounds: int


def parse(argv: Sequence[str] | None) -> Options:
    parser = argparse.ArgumentParser(description="Measure cockpit against its budgets.")
    parser.add_argument("--fresh", action="store_true", help="regenerate the workspaces")
    parser.add_argument("--quick", action="store_true", help="smaller workspace, fewer runs")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a budget is missed")
    parser.add_argument(
        "--profile", action="store_true", help="also print where the time goes (slower)"
    )
    args = parser.parse_args(argv)
    quick = args.quick
    return Options(
        fresh=args.fresh,
        quick=quick,
        strict=args.strict,
        profile=args.profile,
        presses=10 if quick else 40,
        big_presses=6 if quick else 20,
        start_runs=2 if quick else 5,
        cli_runs=5 if quick else 15,
        triage_ops=100 if quick else 200,
        find_rounds=1 if quick else 3,
    )


# workspaces ---------------------------------------------------------------------------
def prime(root: Path) -> None:
    """Start the TUI on a freshly generated workspace once and quit: the day's backup
    and the default routines are made then, so every copy starts like a normal day."""
    term = open_session([*cockpit_cmd(), "--data-dir", str(root)], bench_env())
    term.close("q", timeout=60)


def ensure_workspace(root: Path, shape: lw.Shape, fresh: bool) -> Path:
    if lw.ensure(root, shape, fresh=fresh):
        say(f"  generated {root.name} in {lw.stats_of(root).get('generate_s')} s")
        prime(root)
    return root


def workspaces(opts: Options) -> dict[str, Path | None]:
    """The workspaces of this run (None: not in this run), generated when missing."""
    say("workspaces ...")
    out: dict[str, Path | None] = {}
    large_shape = lw.Shape.quick() if opts.quick else lw.Shape.full()
    out["large"] = ensure_workspace(
        WORK / ("quick" if opts.quick else "large"), large_shape, opts.fresh
    )
    if taskhistory.available():
        stats = taskhistory.ensure(fresh=opts.fresh)
        say(f"  10k history: {stats.get('cockpit_import_report')}")
        out["tw10k"] = taskhistory.ROOT / "ws"
    else:
        out["tw10k"] = None
    if opts.quick:
        out["items1k"] = out["items100k"] = None
    else:
        out["items1k"] = ensure_workspace(WORK / "items1k", lw.Shape.scaled(1_000), opts.fresh)
        out["items100k"] = ensure_workspace(
            WORK / "items100k", lw.Shape.scaled(100_000), opts.fresh
        )
    return out


# measuring ----------------------------------------------------------------------------
def measure(opts: Options, ws: dict[str, Path | None]) -> dict[str, Any]:
    r: dict[str, Any] = {}
    large = ws["large"]
    assert large is not None
    r["large_label"] = "quick ws 2k" if opts.quick else "large ws 10k"
    no_tw = "taskwarrior not installed (apt-get install taskwarrior)"
    skipped = "skipped with --quick"

    def step(title: str, fn: Callable[[], dict[str, Any]], why_key: str = "") -> None:
        say(f"measuring {title} ...")
        began = time.perf_counter()
        try:
            r.update(fn())
        except Exception as exc:  # one broken measurement must not lose the others
            traceback.print_exc()
            if why_key:
                r[why_key] = f"failed: {type(exc).__name__}: {str(exc)[:80]}"
        say(f"  ({time.perf_counter() - began:.1f} s)")

    step("the floor: a bare Textual list, j/k", lambda: tui_bench.bench_floor_keys(opts.presses))
    # Pairs without toasts first: a pair learnt after one that raised toasts waits for them.
    every = ("tab", "j", "x", "bang")
    first = ("tab", "x", "bang") if opts.quick else every
    plans = [tui_bench.KeyPlan("large", large, first, opts.presses, finder=True)]
    if ws["tw10k"] is not None:
        labels = ("x",) if opts.quick else every
        plans.append(tui_bench.KeyPlan("tw10k", ws["tw10k"], labels, opts.presses))
    else:
        r["tw10k_why"] = no_tw
    if ws["items1k"] is not None:
        plans.append(tui_bench.KeyPlan("items1k", ws["items1k"], ("x",), opts.presses))
    else:
        r["items1k_why"] = skipped
    if ws["items100k"] is not None:
        plans.append(tui_bench.KeyPlan("items100k", ws["items100k"], ("x",),
                                       opts.big_presses, timeout=15.0))  # fmt: skip
    else:
        r["items100k_why"] = skipped
    for plan in plans:
        step(f"keys in the TUI, {plan.name}", lambda p=plan: tui_bench.bench_cockpit_keys(p),
             f"{plan.name}_why")  # fmt: skip
    if ws["tw10k"] is not None:
        tw = ws["tw10k"]
        step("TUI start, 10k history vs floor",
             lambda: tui_bench.bench_starts(tw, "tw10k", opts.start_runs))  # fmt: skip
        step("CLI vs taskwarrior, 10k history", lambda: cli_bench.bench_cli(opts.cli_runs),
             "cli_why")  # fmt: skip
    else:
        r["start_tw10k_s_why"] = r["cli_why"] = no_tw
        step("TUI start, floor", lambda: tui_bench.bench_starts(large, "large", opts.start_runs))
    if ws["items100k"] is not None:
        big = ws["items100k"]
        step("100k items: start, ls", lambda: tui_bench.bench_big(big, "items100k", 2, 3),
             "items100k_why")  # fmt: skip
    step("triage write (in process)",
         lambda: inprocess.bench_triage(large, opts.triage_ops, opts.profile))  # fmt: skip
    step("find (in process)",
         lambda: inprocess.bench_find(large, opts.find_rounds, opts.profile))  # fmt: skip
    if not shutil.which("newsboat"):
        r["newsboat_why"] = "newsboat not installed (apt-get install newsboat): no yardstick"
    step("feeds refresh vs newsboat", lambda: feeds_bench.bench_feeds(large, opts), "feeds_why")
    step("keys during a feed refresh", lambda: feeds_ui.bench_feeds_ui(large, opts))
    step("metrics screen and metrics show, 5 years x 10 tables",
         lambda: metrics_bench.bench_metrics(5 if opts.quick else 9, opts.presses // 2),
         "metrics10_why")  # fmt: skip
    cal_runs = 3 if opts.quick else 7
    step("calendars: pathological import, 1k daily, agenda on 50k events",
         lambda: calendar_bench.bench_calendars(cal_runs), "calendar_why")  # fmt: skip
    peaks = [r.get(k) for k in ("tui_items100k_rss_mb", "tui_start_items100k_rss_mb",
                                "ls_items100k_rss_mb")]  # fmt: skip
    if any(p is not None for p in peaks):
        r["peak_items100k_mb"] = max(p for p in peaks if p is not None)
    r["peak_large_mb"] = r.get("tui_large_rss_mb")
    if opts.profile:
        run_profiles(opts, ws)
    return r


def run_profiles(opts: Options, ws: dict[str, Path | None]) -> None:
    """--profile: keypress end to end, start, add / ls (printed on stderr)."""
    roots = {
        ("tw10k" if name == "tw10k" else path.name): path
        for name in ("large", "tw10k")
        if (path := ws[name]) is not None
    }
    say("\nprofiling a keypress in the TUI ...")
    profiles.profile_keys(roots, 10 if opts.quick else 20)
    for label, path in roots.items():
        profiles.profile_start(path, label)
    if ws["tw10k"] is not None:
        profiles.profile_cli(ws["tw10k"], "tw10k")


def main(argv: Sequence[str] | None = None) -> int:
    """Run every benchmark; print the table; write bench/results.json."""
    opts = parse(argv)
    began = time.perf_counter()
    compile_sources()
    ws = workspaces(opts)
    results = measure(opts, ws)
    results["mode"] = "quick" if opts.quick else "full"
    results["workspace"] = lw.stats_of(ws["large"]) if ws["large"] else {}
    results["tw10k"] = taskhistory.stats_of() if ws["tw10k"] else {}
    results["now"] = lw.NOW_ISO
    results["cpus"] = os.cpu_count()
    results["loadavg_1m"] = round(os.getloadavg()[0], 2)
    results["bench_s"] = round(time.perf_counter() - began, 1)
    rows = table.build_rows(results)
    failed = table.failed(rows)
    results["rows"] = table.as_json(rows)
    results["failed"] = failed
    RESULTS.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    w = results["workspace"]
    print(
        f"\ncockpit bench ({results['mode']}): {results['large_label']}: {w.get('items_open')} "
        f"open / {w.get('items_hot')} hot / {w.get('items_archived')} archived items; 10k "
        f"history: {results['tw10k'].get('cockpit_import_report', 'not built')}; load "
        f"{results['loadavg_1m']} on {results['cpus']} cpus"
    )
    print("\n".join(table.render(rows)))
    budgeted = sum(1 for row in rows if row.budget is not None)
    print(f"\n{len(failed)} of {budgeted} budgets missed" if failed else "\nall budgets met")
    print(f"wrote {RESULTS.relative_to(BENCH.parent)} in {results['bench_s']} s")
    return 1 if opts.strict and failed else 0


if __name__ == "__main__":
    sys.exit(main())
