"""The in-process figures: a triage keypress persisted, and fuzzy find per keystroke.

These call the workspace and the search index directly (through `product`), without the
TUI: they isolate the storage write and the search from everything a real keypress
also does (see keys_bench.py for that).

- `triage_p95_ms`: 200 operations cycling toggle_key / done / undo / defer / undo on
  random open items of a scratch copy; each call timed whole (one atomic write + fsync
  of the hot file). Then again after 8,500 more items were appended to the archive.
- `find_p95_ms`: `build_index(ws)` over items, customers, entries, ...; then
  `index.search(prefix)` for every prefix of 20 realistic queries.
"""

from __future__ import annotations

import cProfile
import os
import pstats
import random
import shutil
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import largeworkspace as lw
from common import BENCH, REPO, p95, say, scratch_copy

VENV = REPO / ".venv"
FIND_QUERIES = (
    "replication", "postgis", "招商", "aurora", "升级", "瀚海银行", "Nordwind", "北辰证券",
    "pgvector", "failover", "backup retention", "pricing", "Patroni", "autovacuum", "迁移",
    "upgrade runbook", "逻辑复制", "Sakura Games", "roadmap", "TDE key",
    # As Chinese users type them: full pinyin, initials, mixtures, words in any order.
    "zhaoshang", "hhyh", "ljfz", "sjfa 北辰", "瀚h", "qianyi zhinan",
)  # fmt: skip


# profiles -----------------------------------------------------------------------------
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


def bench_triage(root: Path, ops: int, profile: bool) -> dict[str, Any]:
    """triage_p95_ms on the large workspace, then again with the archive doubled."""
    work = scratch_copy(root, "scratch-triage")
    first = triage_ops(work, ops, 1)
    hot_kb = round((work / "items.json").stat().st_size / 1024)
    archived = len(lw.open_bench_workspace(work).files.raw("archive").get("items", {}))
    grown = lw.grow_archive(work, archived + archived // 16)  # about 8,500 on the full shape
    second = triage_ops(work, ops, 2)
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
    if profile:
        profile_triage(work, ops)
    shutil.rmtree(work, ignore_errors=True)
    return out


def profile_triage(root: Path, ops: int) -> None:
    """Print the split of one triage write (encode / write+fsync / rest) and cProfile."""
    from product import jsonstore

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


def bench_find(root: Path, rounds: int, profile: bool) -> dict[str, Any]:
    """find_p95_ms: one `SearchIndex.search` per keystroke prefix of realistic queries."""
    from product import build_index

    ws = lw.open_bench_workspace(root)
    began = time.perf_counter()
    index = build_index(ws)
    build_s = time.perf_counter() - began
    prefixes = find_prefixes()
    samples = time_searches(index, prefixes, rounds)
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
        "find_rounds": rounds,
        "find_no_hits": sum(1 for p in prefixes if not index.search(p)),
        "find_slowest": [[p, round(ms, 1)] for ms, p in slowest],
        "find_index_build_in_process_s": round(build_s, 3),
        "find_index_records_in_process": len(index),
    }
    if profile:
        profile_find(index, prefixes, samples)
    return out


def profile_find(index: Any, prefixes: list[str], samples: list[tuple[str, float]]) -> None:
    """Split search time by record kind and by query length (the work is all in C)."""
    from product import SearchIndex

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
