"""Triage keys in the real TUI on the large workspace: key press to redrawn screen.

Not one of DESIGN.md's budgets yet (that one, "UI keypress while feeds refresh", needs
the feeds module); it shows what the daily screen costs per key on a big backlog.
Run after `make bench` has built the workspace:

    .venv/bin/python bench/ui_keys.py            # median / p95 over 40 presses
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

LARGE = Path(__file__).with_name(".work") / "large"


async def measure(root: Path, presses: int, keys: tuple[str, str]) -> list[float]:
    """ms from each key press until its change is saved and the screen has redrawn."""
    from cockpit.app import make_app
    from cockpit.tui import open_for_tui

    ns = argparse.Namespace(data_dir=root, config=None, demo=False, command=None)
    ws, _ = open_for_tui(ns)
    app = make_app(ws, watch=False)
    times: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.screen.query_one("#panel-carry").focus()
        for n in range(presses):
            began = time.perf_counter()
            await pilot.press(keys[n % 2])
            while app.pending:
                await asyncio.sleep(0.0005)
            await pilot.pause()
            times.append((time.perf_counter() - began) * 1000)
    return times


def main() -> None:
    """Measure on a scratch copy of the large workspace."""
    os.environ.setdefault("COCKPIT_NOW", "2026-11-18T10:00:00+08:00")
    os.environ.setdefault("COCKPIT_CONFIG", "/nonexistent/cockpit.toml")
    if not LARGE.is_dir():
        raise SystemExit("run `make bench` first: it builds bench/.work/large")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "ws"
        shutil.copytree(LARGE, root)
        for label, keys in (
            ("triage (! then u)", ("exclamation_mark", "u")),
            ("move (j then k), the harness's own floor", ("j", "k")),
        ):
            times = sorted(asyncio.run(measure(root, 40, keys)))
            p95 = times[int(len(times) * 0.95) - 1]
            print(f"{label}: median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms")


if __name__ == "__main__":
    main()
