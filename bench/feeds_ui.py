"""UI keypress latency while 60 feeds refresh in the real TUI (`feeds_ui_p95_ms`).

The app is the one the CLI builds, driven headless by Textual's Pilot on a workspace
subscribed to the bench feed servers (60 feeds x 100 entries, 200 ms latency, in a
child process). While `R`'s refresh runs, j/k are pressed every 30 ms (a fast typist);
each is timed from the moment the key reaches the app (the driver's queue, where real
terminal input arrives) until the daily screen's cursor action has run. The same
presses with no refresh running give the baseline.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

import feeds_bench  # noqa: E402


async def _presses(app: Any, until: Any, limit: int) -> list[float]:
    from product import DailyScreen
    from textual import events

    handled: list[float] = []
    screen = app.screen
    assert isinstance(screen, DailyScreen)
    down, up = screen.action_cursor_down, screen.action_cursor_up

    def timed(action: Any) -> Any:
        def run() -> None:
            action()
            handled.append(time.perf_counter())

        return run

    screen.action_cursor_down = timed(down)  # type: ignore[method-assign]
    screen.action_cursor_up = timed(up)  # type: ignore[method-assign]
    times: list[float] = []
    n = 0
    while not until() and n < limit:
        key = "j" if n % 2 == 0 else "k"
        before = len(handled)
        event = events.Key(key, key)
        event.set_sender(app)
        began = time.perf_counter()
        app._driver.send_message(event)
        while len(handled) == before:
            await asyncio.sleep(0.0005)
        times.append((handled[-1] - began) * 1000)
        n += 1
        await asyncio.sleep(0.03)
    return times


async def measure(root: Path, urls: list[str]) -> dict[str, Any]:
    """Baseline and during-refresh key times on a fresh subscribed workspace."""
    from product import FrozenClock, Workspace, make_app

    feeds_bench.subscribe(root, urls)
    ws = Workspace(root, FrozenClock(dt.datetime(2026, 11, 18, 10, tzinfo=dt.UTC)))
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.screen.query_one("#panel-feeds").focus()
        idle = await _presses(app, lambda: False, 60)
        began = time.perf_counter()
        app.refresh_feeds()
        busy = await _presses(app, lambda: app.feed_progress is None, 10_000)
        await app.workers.wait_for_complete()
        elapsed = time.perf_counter() - began
        shown = len(app.screen.query_one("#panel-feeds").refs)
    return {
        "feeds_ui_p95_ms": round(feeds_bench.p95(busy), 1),
        "feeds_ui_median_ms": round(statistics.median(busy), 1) if busy else None,
        "feeds_ui_presses": len(busy),
        "feeds_ui_idle_p95_ms": round(feeds_bench.p95(idle), 1),
        "feeds_ui_refresh_s": round(elapsed, 3),
        "feeds_ui_rows_after": shown,
    }


def bench_feeds_ui(root: Path | None = None, opts: Any = None) -> dict[str, Any]:
    """For bench/run.py: serve the feeds, run the TUI, press keys during the refresh."""
    os.environ.setdefault("COCKPIT_CONFIG", "/nonexistent/cockpit.toml")
    with feeds_bench.serve() as urls, tempfile.TemporaryDirectory() as tmp:
        result = asyncio.run(measure(Path(tmp) / "ws", urls))
    print(
        f"feeds ui: key p95 {result['feeds_ui_p95_ms']} ms over {result['feeds_ui_presses']} "
        f"presses during a {result['feeds_ui_refresh_s']} s refresh "
        f"(idle p95 {result['feeds_ui_idle_p95_ms']} ms)",
        file=sys.stderr,
    )
    return result


if __name__ == "__main__":
    print(bench_feeds_ui())
