"""The dashboard at scale (issue 17): five years of monthly rows in ten tables — the five
built-in ones and five of one's own from `[[metrics.tables]]` (keyed ones among them, so
the shares are computed too) — on the metrics screen and through `cockpit metrics show`.

    .venv/bin/python bench/metrics_bench.py [--runs N] [--presses N]

- `metrics show` (every table's trend) and `metrics show --shares` as whole processes,
  each against `task next` on the 10k history in the same run (the CLI budget:
  <= 4x taskwarrior), or against the budget of `cockpit ls` alone when taskwarrior is
  missing;
- the metrics screen: `M` (open it) / `q` (back) on the daily screen, key to visibly
  changed screen in a real terminal (pty + pyte), against the bare Textual list move of
  the same run (the triage-key budget: median <= 2.5x the floor, p95 <= 50 ms); the
  first `M` of a session (the screen composed and filled) on its own;
- `M` / `escape`, for the record: `escape` is `q` plus Textual's wait for the rest of
  an escape sequence (ESCDELAY, 100 ms, in every Textual app: a lone ESC byte may be
  the start of an arrow key's sequence), which no screen can take back; terminals that
  speak the kitty keyboard protocol (Textual asks for it) send escape unambiguously.

Run alone it prints its rows; `bench/run.py` runs it as one step of `make bench`.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
from pathlib import Path
from typing import Any

from common import WORK, bench_env, cockpit_cmd, p95, say, time_cmd

ROOT = WORK / "metrics10"
CONFIG = ROOT.parent / "metrics10.toml"
MONTHS = 60
VERSION = 1  # bump when the shape below changes: the workspace is rebuilt

# Five tables of one's own: extension usage and users/revenue by version, architecture,
# region and delivery form (seed 000's Monday points, seed 001's 数据大盘), as a PM
# would write them in config.toml.
CUSTOM = """
[[metrics.tables]]
name = "extensions"
en = "Extension usage"
zh = "插件使用"
key = "extension"
columns = [
  { name = "extension", type = "text", en = "extension", zh = "插件" },
  { name = "instances", type = "int", en = "instances using it", zh = "使用实例数" },
]

[[metrics.tables]]
name = "versions"
en = "Users by version"
zh = "版本分布"
key = "version"
columns = [
  { name = "version", type = "text", en = "version", zh = "版本" },
  { name = "users", type = "int", en = "users", zh = "用户数" },
  { name = "revenue", type = "money", en = "revenue", zh = "营收" },
]

[[metrics.tables]]
name = "architecture"
en = "By architecture"
zh = "架构分布"
key = "arch"
columns = [
  { name = "arch", type = "text", en = "architecture", zh = "架构" },
  { name = "users", type = "int", en = "users", zh = "用户数" },
]

[[metrics.tables]]
name = "regions"
en = "By region"
zh = "区域分布"
key = "region"
columns = [
  { name = "region", type = "text", en = "region", zh = "区域" },
  { name = "revenue", type = "money", en = "revenue", zh = "营收" },
]

[[metrics.tables]]
name = "openapi"
en = "OpenAPI calls"
zh = "OpenAPI 调用"
columns = [
  { name = "calls", type = "int", en = "calls", zh = "调用量" },
  { name = "callers", type = "int", en = "callers", zh = "调用方" },
]
"""
KEYS = {
    "extensions": ("extension", ["pgvector", "PostGIS", "TimescaleDB", "pg_stat_statements",
                                 "pg_cron", "Citus", "pg_partman", "orafce"]),
    "versions": ("version", ["PG 13", "PG 14", "PG 15", "PG 16", "PG 17"]),
    "architecture": ("arch", ["single 单机", "HA pair 主备", "multi-replica 多副本"]),
    "regions": ("region", ["华东", "华北", "华南", "西南", "海外"]),
    "ops": ("activity", ["webinar", "meetup", "双 11", "docs", "直播"]),
    "projects": ("customer", ["瀚海银行", "星河电信", "明湖政务云", "云图地理"]),
}  # fmt: skip


def months() -> list[str]:
    out, year, month = [], 2026, 10
    for _ in range(MONTHS):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return out[::-1]


def rows_of(table: str, rng: random.Random) -> list[dict[str, Any]]:
    """Sixty months of `table` (one row a month, or one per key value)."""
    out: list[dict[str, Any]] = []
    for m in months():
        if table == "revenue":
            cash = rng.randint(800_000, 4_000_000)
            out.append(
                {
                    "month": m,
                    "cash": cash,
                    "gaap": int(cash * 0.93),
                    "users": rng.randint(100, 900),
                    "instances": rng.randint(300, 3000),
                }
            )
        elif table == "opportunities":
            total = rng.randint(5, 60)
            out.append(
                {
                    "month": m,
                    "total": total,
                    "valuable": rng.randint(0, total),
                    "lost": rng.randint(0, 8),
                    "churned": rng.randint(0, 4),
                }
            )
        elif table == "tickets":
            out.append({"month": m, "count": rng.randint(20, 200)})
        elif table == "openapi":
            out.append(
                {"month": m, "calls": rng.randint(10**5, 10**7), "callers": rng.randint(10, 900)}
            )
        else:
            key, values = KEYS[table]
            for value in values:
                row: dict[str, Any] = {"month": m, key: value}
                if table == "ops":
                    row |= {"follows": rng.randint(10, 900), "conversions": rng.randint(0, 90)}
                elif table == "projects":
                    row |= {"revenue_target": rng.randint(10**5, 5 * 10**6)}
                elif table == "extensions":
                    row |= {"instances": rng.randint(10, 3000)}
                elif table == "versions":
                    row |= {"users": rng.randint(5, 400), "revenue": rng.randint(10**4, 10**6)}
                elif table == "architecture":
                    row |= {"users": rng.randint(5, 400)}
                else:
                    row |= {"revenue": rng.randint(10**4, 10**6)}
                out.append(row)
    return out  # fmt: skip


TABLES = ("revenue", "opportunities", "ops", "projects", "tickets",
          "extensions", "versions", "architecture", "regions", "openapi")  # fmt: skip


def ensure(fresh: bool = False) -> dict[str, Any]:
    """The workspace (built once, in process through `product`), then primed by one TUI
    start so the day's backup and the routines exist."""
    stamp = ROOT / ".bench-metrics10.json"
    if not fresh and stamp.exists() and json.loads(stamp.read_text())["version"] == VERSION:
        return json.loads(stamp.read_text())
    from product import Config, FrozenClock, Workspace, load_config, metrics

    shutil.rmtree(ROOT, ignore_errors=True)
    CONFIG.parent.mkdir(parents=True, exist_ok=True)
    CONFIG.write_text(CUSTOM, encoding="utf-8")
    import datetime as dt
    from zoneinfo import ZoneInfo

    zone = ZoneInfo("Asia/Shanghai")
    clock = FrozenClock(dt.datetime(2026, 11, 18, 10, 0, tzinfo=zone), zone)
    config = load_config(CONFIG)  # the tables of one's own, as cockpit reads them
    assert isinstance(config, Config)
    ws = Workspace(ROOT, clock, config)
    rng = random.Random(17)
    count = 0
    for table in TABLES:
        rows = rows_of(table, rng)
        count += len(rows)
        metrics.put_rows(ws, table, rows)
    info = {"version": VERSION, "tables": len(TABLES), "months": MONTHS, "rows": count}
    stamp.write_text(json.dumps(info))
    from keys_bench import open_session

    term = open_session([*cockpit_cmd(), "--config", str(CONFIG), "--data-dir", str(ROOT)],
                        bench_env())  # fmt: skip
    term.close("q", timeout=60)
    return info


def _median_ms(cmd: list[str], runs: int) -> tuple[float, float]:
    env = bench_env()
    time_cmd(cmd, env)  # warm the page cache and bytecode
    walls = []
    for _ in range(runs):
        run = time_cmd(cmd, env)
        if run.status != 0:
            raise RuntimeError(f"{' '.join(cmd[-3:])} exited {run.status}")
        walls.append(run.wall_s * 1000)
    return round(statistics.median(walls), 1), round(p95(walls), 1)


def bench_metrics(runs: int = 9, presses: int = 20, floor: bool = False) -> dict[str, Any]:
    """`metrics show` (and `--shares`) as processes, and the metrics screen's key, on
    five years of ten tables; `floor` also measures the bare Textual list (run alone)."""
    from keys_bench import PAIRS, run_keys
    from taskhistory import ROOT as TW
    from taskhistory import available

    info = ensure()
    say(f"  metrics10: {info['rows']} rows, {info['tables']} tables x {info['months']} months")
    base = [*cockpit_cmd(), "--config", str(CONFIG), "--data-dir", str(ROOT)]
    out: dict[str, Any] = {"metrics10_rows": info["rows"]}
    out["metrics_show_ms"], out["metrics_show_p95_ms"] = _median_ms(
        [*base, "metrics", "show"], runs
    )
    out["metrics_shares_ms"], out["metrics_shares_p95_ms"] = _median_ms(
        [*base, "metrics", "show", "--shares"], runs
    )
    if available() and (TW / "taskrc").exists():
        env = bench_env() | {"TASKRC": str(TW / "taskrc"), "TASKDATA": str(TW / "taskdata")}
        time_cmd(["task", "next"], env)
        walls = [time_cmd(["task", "next"], env).wall_s * 1000 for _ in range(runs)]
        out["metrics_task_next_ms"] = round(statistics.median(walls), 1)
    shares, task = out["metrics_shares_ms"], out.get("metrics_task_next_ms")
    say(f"  metrics show: median {out['metrics_show_ms']} ms; --shares {shares} ms; "
        f"task next {task} ms")  # fmt: skip
    out["metrics10_first_open_ms"] = _first_open(base)
    PAIRS.setdefault("metrics", ("M", "q", ""))
    PAIRS.setdefault("metrics_escape", ("M", "escape", ""))
    times, term = run_keys(base, bench_env(), ["metrics", "metrics_escape"], presses)
    term.close("q", timeout=30)
    summary = times["metrics"].summary()
    out["key_metrics10_M_median_ms"] = summary["median_ms"]
    out["key_metrics10_M_p95_ms"] = summary["p95_ms"]
    out["key_metrics10_M_presses"] = summary["presses"]
    out["key_metrics10_M_missed"] = summary["missed"]
    escape = times["metrics_escape"].summary()
    out["key_metrics10_M_escape_median_ms"] = escape["median_ms"]
    out["key_metrics10_M_escape_p95_ms"] = escape["p95_ms"]
    say(f"  metrics screen M/q: median {summary['median_ms']} ms, p95 {summary['p95_ms']}; "
        f"M/escape: median {escape['median_ms']} ms, p95 {escape['p95_ms']}; "
        f"first M {out['metrics10_first_open_ms']} ms")  # fmt: skip
    if floor:
        from tui_bench import bench_floor_keys

        out.update(bench_floor_keys(presses))
    return out


def _first_open(base: list[str]) -> float | None:
    """The session's first `M`: the screen composed and filled (later visits show it
    as it was left), key to the first quiet screen with the rows and trends drawn."""
    from keys_bench import open_session

    term = open_session(base, bench_env())
    try:
        began = term.write("M")
        shown = term.wait_for(lambda: "(60)" in term.text() and "2026-10" in term.text(), 15)
        term.settle(0.3, timeout=10)
        term.write("q")
        term.settle(0.3, timeout=10)
    finally:
        term.close("q", timeout=30)
    return None if shown is None else round((shown - began) * 1000, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--presses", type=int, default=20)
    parser.add_argument("--fresh", action="store_true")
    args = parser.parse_args()
    if args.fresh:
        ensure(fresh=True)
    result = bench_metrics(args.runs, args.presses, floor=True)
    json.dump(result, sys.stdout, indent=1, ensure_ascii=False)
    print()


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
