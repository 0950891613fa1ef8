"""Feeds bench: refresh 60 feeds x 100 entries served with 200 ms latency per response.

    .venv/bin/python bench/feeds_bench.py [--no-newsboat] [--runs N]

The feeds are spread over 20 loopback hosts as a real subscription list is (issue 13):
8 feeds on one host (127.0.0.1, as a blog platform or planet would be) and the other 52
over 19 hosts (127.0.0.2 .. 127.0.0.20, two or three each). With the product's 64
downloads at once and 8 per host, that is one wave of requests, 0.2 s of pure latency,
for either pass (with 32 at once it was two, 0.4 s; with 16, four). Measures, on a
fresh workspace:

- `feeds_first_s`: first refresh (every feed new: download, parse, store 6,000 entries);
- `feeds_second_s`: unchanged second refresh (every feed answers 304);
- `feeds_loop_lag_p95_ms`: how late a 10 ms timer fires on the refreshing event loop;
- `feeds_key_p95_ms`: a synthetic keypress (2 ms of Python on the loop every 30 ms)
  from due to done while refreshing (`feeds_key_idle_p95_ms`: the same, idle);
- the same two passes with parsing in a 2-process pool started beforehand, and with
  32 downloads at once (two waves: what the old default cost);
- if newsboat is installed, `newsboat -x reload` with `reload-threads 8` on the same
  server, from a cold cache (`newsboat_first_s`) and again on that cache
  (`newsboat_second_s`; conditional requests, every feed answers 304), in a private
  config, urls and cache file; and the ratio of our first pass to newsboat's.

`serve(...)` and `subscribe(...)` are reusable (the TUI keypress bench can use them).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import email.utils
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))  # tests.feedserver

if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

from product import (  # noqa: E402
    Config,
    FeedList,
    FetchSettings,
    OpmlFeed,
    WorkspaceFiles,
    parse_executor,
    refresh_feeds,
)
from product import shutdown_parse_workers as shutdown  # noqa: E402

from tests.feedserver import FeedServer  # noqa: E402

FEEDS, ENTRIES, HOSTS, LATENCY = 60, 100, 20, 0.2
BUSY_HOST_FEEDS = 8
"""Feeds on the first host; the others go round-robin over the remaining hosts."""
NOW = dt.datetime(2026, 11, 18, 2, 0, tzinfo=dt.UTC)
LAST_MODIFIED = "Tue, 17 Nov 2026 12:00:00 GMT"
WORDS = (
    "replication", "failover", "vacuum", "planner", "index", "partition", "logical", "slot",
    "upgrade", "backup", "extension", "pgvector", "PostGIS", "connection", "pooling",
    "latency", "throughput", "WAL", "checkpoint",
)  # fmt: skip


def feed_body(n: int) -> bytes:
    """RSS 2.0 with `ENTRIES` items, HTML descriptions of ~400 characters."""
    items = []
    for m in range(ENTRIES):
        when = NOW - dt.timedelta(hours=m * 3 + n)
        words = " ".join(WORDS[(n + m + k) % len(WORDS)] for k in range(40))
        items.append(
            f"<item><title>Feed {n} post {m}: {WORDS[m % len(WORDS)]} in practice</title>"
            f"<link>https://blog{n}.example/posts/{m}</link>"
            f'<guid isPermaLink="false">feed-{n}-post-{m}</guid>'
            f"<pubDate>{email.utils.format_datetime(when)}</pubDate>"
            f"<description>&lt;p&gt;{words} &lt;b&gt;bold&lt;/b&gt; &amp;amp; "
            f"&lt;a href='https://x.example/'&gt;link&lt;/a&gt;.&lt;/p&gt;</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Bench feed {n}</title><link>https://blog{n}.example/</link>"
        f"<description>bench</description>{''.join(items)}</channel></rss>"
    ).encode()


def host_of(n: int, hosts: int = HOSTS) -> int:
    """Which host serves feed `n`: the first `BUSY_HOST_FEEDS` share host 0."""
    if hosts == 1:
        return 0
    if n < BUSY_HOST_FEEDS:
        return 0
    return 1 + (n - BUSY_HOST_FEEDS) % (hosts - 1)


@contextmanager
def serve_here(
    feeds: int = FEEDS, hosts: int = HOSTS, latency: float = LATENCY
) -> Iterator[list[str]]:
    """Start `hosts` servers on 127.0.0.1.. in this process; yields the feed URLs."""
    with ExitStack() as stack:
        servers = [
            stack.enter_context(FeedServer(f"127.0.0.{h + 1}", latency)) for h in range(hosts)
        ]
        urls = []
        for n in range(feeds):
            server = servers[host_of(n, hosts)]
            urls.append(
                server.route(
                    f"/feed{n}.xml",
                    body=feed_body(n),
                    etag=f'"bench-{n}"',
                    last_modified=LAST_MODIFIED,
                )
            )
        yield urls


@contextmanager
def serve(feeds: int = FEEDS, hosts: int = HOSTS, latency: float = LATENCY) -> Iterator[list[str]]:
    """The servers in a child process (as remote servers, they must not compete with
    the refresh for this process's GIL); yields the feed URLs."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--serve"]
    cmd += [str(feeds), str(hosts), str(latency)]
    child = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        if not line:
            raise RuntimeError("the feed server did not start")
        yield json.loads(line)
    finally:
        if child.stdin is not None:
            child.stdin.close()  # the child exits when its stdin closes
        child.wait(timeout=10)


def _serve_until_stdin_closes(feeds: int, hosts: int, latency: float) -> None:
    with serve_here(feeds, hosts, latency) as urls:
        print(json.dumps(urls), flush=True)
        sys.stdin.read()


def subscribe(root: Path, urls: list[str]) -> WorkspaceFiles:
    """A fresh workspace at `root` subscribed to `urls`."""
    if root.exists():
        shutil.rmtree(root)
    files = WorkspaceFiles(root).open()
    wanted = [OpmlFeed(url, f"Bench feed {n}", "bench") for n, url in enumerate(urls)]
    FeedList(files).add_many(wanted)
    return files


_CPU: list[float] = []


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(0.95 * len(ordered) + 0.999) - 1)] if ordered else 0.0


def _busy(ms: float) -> None:
    end = time.perf_counter() + ms / 1000
    x = 0
    while time.perf_counter() < end:
        x += 1


async def _probe(stop: asyncio.Event, lags: list[float], keys: list[float]) -> None:
    """Timer lateness and synthetic keypress latency on this loop until `stop`."""
    n = 0
    while not stop.is_set():
        due = time.perf_counter() + 0.01
        await asyncio.sleep(0.01)
        lags.append((time.perf_counter() - due) * 1000)
        n += 1
        if n % 3 == 0:  # every 30 ms a "key": 2 ms of Python, timed from due to done
            _busy(2.0)
            keys.append((time.perf_counter() - due) * 1000)


async def _timed_refresh(
    files: WorkspaceFiles, settings: FetchSettings, now: dt.datetime
) -> tuple[float, list[float], list[float], list[Any]]:
    stop = asyncio.Event()
    lags: list[float] = []
    keys: list[float] = []
    probe = asyncio.create_task(_probe(stop, lags, keys))
    await asyncio.sleep(0.05)
    lags.clear()
    keys.clear()
    began, cpu = time.perf_counter(), time.process_time()
    results = await refresh_feeds(files, settings, now)
    elapsed = time.perf_counter() - began
    stop.set()
    await probe
    _CPU.append(time.process_time() - cpu)  # every thread of this process
    return elapsed, lags, keys, results


async def _idle_keys() -> list[float]:
    stop = asyncio.Event()
    lags: list[float] = []
    keys: list[float] = []
    probe = asyncio.create_task(_probe(stop, lags, keys))
    await asyncio.sleep(1.0)
    stop.set()
    await probe
    return keys


def passes(urls: list[str], settings: FetchSettings, work: Path) -> dict[str, Any]:
    """First and second pass on a fresh workspace with `settings`."""
    files = subscribe(work, urls)
    first, lags, keys, results = asyncio.run(_timed_refresh(files, settings, NOW))
    first_cpu = _CPU[-1]
    bad = [r for r in results if r.status != "ok"]
    if bad:
        raise RuntimeError(f"first pass: {len(bad)} feeds failed, e.g. {bad[0]}")
    later = NOW + dt.timedelta(minutes=30)
    second, lags2, keys2, results2 = asyncio.run(_timed_refresh(files, settings, later))
    if any(r.status != "not_modified" for r in results2):
        raise RuntimeError("second pass: not every feed answered 304")
    return {
        "first_s": round(first, 3),
        "second_s": round(second, 3),
        "first_cpu_s": round(first_cpu, 3),
        "second_cpu_s": round(_CPU[-1], 3),
        "loop_lag_p95_ms": round(p95(lags + lags2), 1),
        "loop_lag_max_ms": round(max(lags + lags2), 1),
        "key_p95_ms": round(p95(keys + keys2), 1),
        "entries": sum(r.new_entries for r in results),
        "bytes": sum(r.bytes for r in results),
        "entries_file_kb": round((work / "entries.json").stat().st_size / 1024),
    }


def newsboat(
    urls: list[str], threads: int | None, passes: int = 2
) -> tuple[float, float | None] | None:
    """Seconds for `newsboat -x reload` of `urls` from a cold cache, then (`passes` 2)
    again on that cache (None: newsboat is not installed). Private home, config, urls
    and cache."""
    exe = shutil.which("newsboat")
    if exe is None:
        return None
    with tempfile.TemporaryDirectory(prefix="cockpit-newsboat-") as tmp:
        home = Path(tmp)
        (home / "urls").write_text("\n".join(urls) + "\n", encoding="utf-8")
        config = home / "config"
        config.write_text(f"reload-threads {threads}\n" if threads else "", encoding="utf-8")
        cmd = [exe, "-x", "reload", "-u", str(home / "urls"), "-c", str(home / "cache.db")]
        cmd += ["-C", str(config)]
        env = {**os.environ, "HOME": tmp, "XDG_CONFIG_HOME": tmp, "XDG_DATA_HOME": tmp}
        times: list[float] = []
        for _ in range(passes):
            began = time.perf_counter()
            subprocess.run(cmd, env=env, check=True, capture_output=True, timeout=300)
            times.append(round(time.perf_counter() - began, 3))
        return times[0], (times[1] if passes > 1 else None)


def bench_feeds(
    root: Path | None = None, opts: Any = None, *, with_newsboat: bool = True
) -> dict[str, Any]:
    """All feed measurements as `feeds_*` / `newsboat_*` keys for bench/results.json
    (`root` and `opts` are bench/run.py's; this bench builds its own workspace). With
    `opts.quick`: one run of the passes, no 2-process and 32-at-once variants."""
    work = BENCH / ".work" / "feeds"
    quick = bool(getattr(opts, "quick", False))
    out: dict[str, Any] = {"feeds_hosts": HOSTS, "feeds_busy_host_feeds": BUSY_HOST_FEEDS}
    with serve() as urls:
        asyncio.run(_idle_keys())  # warm-up
        idle = asyncio.run(_idle_keys())
        default = FetchSettings.from_config(Config())  # the product's defaults
        runs = [passes(urls, default, work) for _ in range(1 if quick else 3)]
        firsts = sorted(r["first_s"] for r in runs)
        seconds = sorted(r["second_s"] for r in runs)
        middle = sorted(runs, key=lambda r: r["first_s"])[len(runs) // 2]
        out.update({f"feeds_{k}": v for k, v in middle.items()})
        out["feeds_first_s"] = firsts[len(firsts) // 2]  # medians
        out["feeds_second_s"] = seconds[len(seconds) // 2]
        out["feeds_first_runs_s"] = [r["first_s"] for r in runs]
        out["feeds_second_runs_s"] = [r["second_s"] for r in runs]
        out["feeds_key_idle_p95_ms"] = round(p95(idle), 1)
        if not quick:
            started = time.perf_counter()
            list(parse_executor(2).map(int, range(8)))  # start the pool: the TUI keeps one
            pool_start = time.perf_counter() - started
            pool = passes(urls, replace(default, parse_processes=2), work)
            shutdown()
            narrow = passes(urls, replace(default, concurrency=32), work)
            out["feeds_first_s_2_processes"] = pool["first_s"]
            out["feeds_second_s_2_processes"] = pool["second_s"]
            out["feeds_key_p95_ms_2_processes"] = pool["key_p95_ms"]
            out["feeds_pool_start_s"] = round(pool_start, 3)
            out["feeds_first_s_32_at_once"] = narrow["first_s"]  # the old default
            out["feeds_second_s_32_at_once"] = narrow["second_s"]
        got = newsboat(urls, 8, 1 if quick else 2) if with_newsboat else None
        if got is not None:
            out["newsboat_first_s"], out["newsboat_second_s"] = got
            out["feeds_first_vs_newsboat"] = round(out["feeds_first_s"] / got[0], 3)
    shutil.rmtree(work, ignore_errors=True)
    for line in report(out):
        print(line, file=sys.stderr, flush=True)
    return out


def report(results: dict[str, Any]) -> list[str]:
    """Human lines about a `bench_feeds` result."""
    r = results
    lines = [
        f"feeds: first pass {r['feeds_first_s']} s (runs {r['feeds_first_runs_s']}), second "
        f"{r['feeds_second_s']} s (runs {r['feeds_second_runs_s']}); 64 at once, 8 per host, "
        f"{BUSY_HOST_FEEDS} feeds on one host: at least 1 wave x 0.2 s; CPU time of "
        f"the refresh process: first {r['feeds_first_cpu_s']} s, "
        f"second {r['feeds_second_cpu_s']} s",
        f"feeds: loop lag p95 {r['feeds_loop_lag_p95_ms']} ms (max {r['feeds_loop_lag_max_ms']}),"
        f" synthetic key p95 {r['feeds_key_p95_ms']} ms (idle {r['feeds_key_idle_p95_ms']} ms)",
    ]
    if "feeds_first_s_2_processes" in r:
        lines.append(
            f"feeds: parsing in 2 processes (pool started beforehand in "
            f"{r['feeds_pool_start_s']} s): first {r['feeds_first_s_2_processes']} s, second "
            f"{r['feeds_second_s_2_processes']} s, key p95 {r['feeds_key_p95_ms_2_processes']}"
            f" ms; 32 at once (the old default): first {r['feeds_first_s_32_at_once']} s, "
            f"second {r['feeds_second_s_32_at_once']} s"
        )
    if "newsboat_first_s" in r:
        again = r.get("newsboat_second_s")
        lines.append(
            f"feeds: newsboat -x reload, 8 threads: {r['newsboat_first_s']} s cold"
            + (f", {again} s on its cache" if again is not None else "")
            + f"; cockpit's first pass is {r['feeds_first_vs_newsboat']}x newsboat's"
        )
    else:
        lines.append("feeds: newsboat is not installed (apt-get install newsboat): no yardstick")
    return lines


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--serve"]:
        _serve_until_stdin_closes(int(argv[1]), int(argv[2]), float(argv[3]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-newsboat", action="store_true")
    args = parser.parse_args(argv)
    results = bench_feeds(with_newsboat=not args.no_newsboat)
    print(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
