"""Key to visible change, and start to full paint, in a real terminal (a pty + pyte).

The same harness (`term.Term`) runs the floor (`floor_app.py`, a bare Textual list) and
cockpit (the installed `cockpit` console script on a scratch copy of a workspace):

- **start**: spawn to the first moment the emulated screen shows what it shows once
  the program has gone quiet (its full first screen); see `time_starts`.
- **a key pair** such as `x` / `u`: the two settled screens are learnt first (press
  each key once and wait for quiet); the cells that differ between them, and that come
  back when the second key undoes the first, are the change. Then each timed press is
  the time from writing the key bytes until every one of those cells shows its new
  content; after that the harness waits for 50 ms of quiet before the next key, so
  each change has completed first. Toasts and other cells that do not flip back and
  forth with the keys are ignored.

    .venv/bin/python bench/keys_bench.py [--presses N] [DIR ...]   # floor + DIRs
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

from common import bench_env, cockpit_cmd, p95  # noqa: E402
from term import Cell, Snapshot, Term, diff  # noqa: E402

FLOOR_CMD = [sys.executable, str(BENCH / "floor_app.py")]

# label -> the key pressed, the key that takes it back, and an untimed key that puts the
# cursor back where it was ("" for none): undo restores the item, but the panel keeps
# its cursor on the row it moved to, so without `g` the next `x` would hit another item.
PAIRS: dict[str, tuple[str, str, str]] = {
    "j": ("j", "k", ""),
    "tab": ("tab", "shift+tab", ""),
    "x": ("x", "u", "g"),
    "bang": ("!", "u", "g"),
}


@dataclass
class KeyTimes:
    """Timed presses of one key pair."""

    label: str
    keys: tuple[str, str]
    ms: list[float] = field(default_factory=list)
    first_output_ms: list[float] = field(default_factory=list)
    missed: int = 0
    cells: int = 0
    note: str = ""

    def summary(self) -> dict[str, Any]:
        return {
            "keys": list(self.keys),
            "median_ms": round(statistics.median(self.ms), 1) if self.ms else None,
            "p95_ms": round(p95(self.ms), 1) if self.ms else None,
            "max_ms": round(max(self.ms), 1) if self.ms else None,
            "first_output_median_ms": (
                round(statistics.median(self.first_output_ms), 1) if self.first_output_ms else None
            ),
            "presses": len(self.ms),
            "missed": self.missed,
            "changed_cells": self.cells,
            "note": self.note,
        }


def screen_ready(term: Term) -> bool:
    """The first and the last row (header and footer) both show something."""
    display = term.screen.display
    return bool(display[0].strip()) and bool(display[-1].strip())


def open_session(cmd: list[str], env: dict[str, str], timeout: float = 120.0) -> Term:
    """Spawn `cmd` on a pty and wait until its screen is up and quiet."""
    term = Term(cmd, env=env, record=True)
    if term.wait_for(lambda: screen_ready(term), timeout) is None:
        text = term.text()
        term.close()
        raise RuntimeError(f"{cmd[-1]}: no screen within {timeout:.0f} s:\n{text}")
    term.settle(0.5, timeout)
    return term


def time_starts(cmd: list[str], env: dict[str, str], runs: int, warm: bool = True) -> list[float]:
    """Seconds from spawn to the first full paint, `runs` times (after one warm-up start
    unless `warm` is False). Each start is quit with `q` once its screen is quiet."""
    out = []
    for n in range(runs + (1 if warm else 0)):
        term = open_session(cmd, env)
        paint = term.first_full_paint()
        term.close("q", timeout=30)
        if (n or not warm) and paint is not None:
            out.append(paint - term.spawned)
    return out


def _press_and_settle(term: Term, key: str, timeout: float) -> None:
    """Press `key`, wait for the program to answer (or `timeout`), then for quiet."""
    term.write(key)
    term.wait_for(lambda: term.first_output is not None, timeout)
    term.settle(0.3, timeout=timeout + 2.0)


Change = dict[tuple[int, int], tuple[Cell, Cell]]
"""Cell -> (what it shows before the key, what it shows once the key's change is on)."""


TOAST_S = 3.3
"""Longer than cockpit's toasts stay up (3 s): learning waits at least this long after
the keys of an earlier pair, then until no toast is on screen (`toast_shown`)."""

TOAST_WAIT_S = 10.0
"""How long learning waits for the last toast to go (a toast is timed from when it is
drawn, and a change's toast is raised once its write is done: under load, later)."""


def toast_cells(snapshot: Snapshot) -> set[tuple[int, int]]:
    """The cells Textual toasts cover: a toast's rows each start with a `▌` on the
    toast's own background, drawn over something of another background, and go on to
    the right as long as that background does."""
    out: set[tuple[int, int]] = set()
    for y, row in enumerate(snapshot):
        for x in range(1, len(row) - 1):
            cell = row[x]
            if cell[0] == "▌" and row[x + 1][2] == cell[2] != row[x - 1][2]:
                end = x
                while end < len(row) and row[end][2] == cell[2]:
                    out.add((y, end))
                    end += 1
    return out


def _learn(term: Term, keys: tuple[str, str, str], timeout: float) -> tuple[Change, Change] | None:
    """The cells the first key changes and the second changes back (None: no such
    cell). Learning starts on a screen without toasts: one still up from an earlier
    pair (or going away meanwhile) could make its cells look like part of the change.
    The cells of the toasts the pair raises are left out (`toast_cells`)."""
    if term.last_key is not None:
        term.drain(term.last_key + TOAST_S - time.perf_counter())
    deadline = time.perf_counter() + TOAST_WAIT_S
    while toast_cells(term.snapshot()) and time.perf_counter() < deadline:
        term.drain(0.1)
    term.settle(0.3)
    before = term.snapshot()
    _press_and_settle(term, keys[0], timeout)
    after = term.snapshot()
    _press_and_settle(term, keys[1], timeout)
    _reset(term, keys[2])
    back = term.snapshot()
    # A toast's cells could show what was there before once the stack has moved
    # (a taller toast pushed it up): they are no part of the change either.
    toasts = toast_cells(after) | toast_cells(back)
    forward = {
        (y, x): (before[y][x], after[y][x])
        for y, x in diff(before, after) - toasts
        if back[y][x] == before[y][x]
    }
    if not forward:
        return None
    return forward, {cell: (new, old) for cell, (old, new) in forward.items()}


def shows(term: Term, change: Change) -> bool:
    """True once the change is on screen: no cell of it still shows its old content, and
    at least one shows the new. A cell showing neither is covered (by a toast, say)."""
    buffer = term.screen.buffer
    seen = 0
    for (y, x), (old, new) in change.items():
        c = buffer[y][x]
        now = (c.data, c.fg, c.bg, c.bold, c.reverse, c.strikethrough)
        if now == new:
            seen += 1
        elif now == old:
            return False
    return seen > 0


def _reset(term: Term, key: str) -> None:
    # Untimed; the app handles keys in order, so the next timed key waits behind it.
    if key:
        term.write(key)
        term.settle(0.05, timeout=2.0)


def time_pair(
    term: Term, label: str, presses: int, timeout: float = 3.0, quiet: float = 0.05
) -> KeyTimes:
    """Press the pair `label` alternately `presses` times (even: ends where it began).

    Each press starts from the screen its key changes: before writing it, the screen
    must show what the other key left (waited for up to `timeout`, as a change still
    being completed would be). A press whose change already showed before its key was
    written would be "seen" at once (the 10k history's `x`/`u` once read 0.5 ms, its
    `u` presses missed); a pair found out of step stops there, says so in its note and
    keeps only the presses timed in step.
    """
    keys = PAIRS[label]
    targets = _learn(term, keys, timeout)
    if targets is None:
        return KeyTimes(label, keys[:2], note="no visible change")
    result = KeyTimes(label, keys[:2], cells=len(targets[0]))
    for n in range(presses + presses % 2):
        target, start = targets[n % 2], targets[(n + 1) % 2]
        if (
            not shows(term, start)
            and term.wait_for(lambda t=start: shows(term, t), timeout) is None
        ):
            result.note = (
                f"out of step after {n} presses: the screen did not show where {keys[n % 2]} starts"
            )
            break
        began = term.write(keys[n % 2])
        hit = term.wait_for(lambda t=target: shows(term, t), timeout)
        if hit is None:
            result.missed += 1
        else:
            result.ms.append((hit - began) * 1000)
            if term.first_output is not None:
                result.first_output_ms.append((term.first_output - began) * 1000)
        term.settle(quiet, timeout=2.0)
        if n % 2:
            _reset(term, keys[2])
    return result


def run_keys(
    cmd: list[str],
    env: dict[str, str],
    labels: Sequence[str],
    presses: int,
    timeout: float = 3.0,
) -> tuple[dict[str, KeyTimes], Term]:
    """One session of `cmd`: every pair in `labels`, in turn. The session is left open
    (the caller may do more, then `close` it for its peak memory)."""
    term = open_session(cmd, env)
    term.record = False
    term.chunks.clear()
    try:
        out = {label: time_pair(term, label, presses, timeout) for label in labels}
    except BaseException:
        term.close()
        raise
    return out, term


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", type=Path)
    parser.add_argument("--presses", type=int, default=40)
    parser.add_argument("--keys", default="j,tab,x,bang")
    args = parser.parse_args()
    env = bench_env()
    began = time.perf_counter()
    floor, term = run_keys(FLOOR_CMD, env, ["j"], args.presses)
    term.close("q")
    print("floor", floor["j"].summary(), f"rss {term.max_rss_mb} MB")
    for root in args.dirs:
        times, term = run_keys(
            [*cockpit_cmd(), "--data-dir", str(root)], env, args.keys.split(","), args.presses
        )
        term.close("q")
        for label, kt in times.items():
            print(root.name, label, kt.summary())
        print(f"rss {term.max_rss_mb} MB")
    print(f"{time.perf_counter() - began:.1f} s")


if __name__ == "__main__":
    main()
