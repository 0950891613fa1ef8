"""Where one keypress's time goes, end to end, in the real TUI under the pty harness.

    .venv/bin/python bench/keyprofile.py [DIR] [--presses N]

Starts `tui_wrapper.py` (cockpit's main with profiling switches) on a scratch copy of
the workspace, presses `x` / `u` on a key item a few times to warm up, then, between
SIGUSR1 and SIGUSR2, `presses` more timed presses. Prints:

- the key-to-screen times of the profiled presses (profiling slows them down);
- inclusive wall time per press of the named functions (`product.KEY_BREAKDOWN`), by
  thread: the writer thread's change and its write, the UI thread's reload and its
  parts, Textual's styles / layout / compositor / output;
- pyinstrument's view of the UI thread: time per press by function (inclusive and own),
  idle time (waiting in `select`) left out.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sys
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

from common import WORK, bench_env, say, scratch_copy  # noqa: E402
from keys_bench import PAIRS, open_session, time_pair  # noqa: E402

WRAPPER = BENCH / "tui_wrapper.py"


def profile_keypress(root: Path, name: str, presses: int = 20, pair: str = "x") -> dict[str, Any]:
    """Profile the key pair `pair` (`x` / `u` by default, see `keys_bench.PAIRS`) on a
    key item of a scratch copy of `root`, twice: with the function timers alone (little
    overhead: their ms are close to the real ones), then with pyinstrument as well
    (every call is seen, and slowed down)."""
    timers = _session(root, name, presses, "timers", pair)
    full = _session(root, name, presses, "full", pair)
    return {"name": name, "pair": pair, "timers": timers, "full": full}


def _session(root: Path, name: str, presses: int, mode: str, pair: str) -> dict[str, Any]:
    ws = scratch_copy(root, f"scratch-profile-{name}")
    out = WORK / f"profile-{name}-{mode}"
    shutil.rmtree(out, ignore_errors=True)
    env = bench_env() | {"BENCH_PROFILE_DIR": str(out), "BENCH_PROFILE_MODE": mode}
    term = open_session([sys.executable, str(WRAPPER), "--data-dir", str(ws)], env)
    try:
        time_pair(term, pair, 4)  # warm-up: first calls, caches
        os.kill(term.proc.pid, signal.SIGUSR1)
        timed = time_pair(term, pair, presses)
        os.kill(term.proc.pid, signal.SIGUSR2)
        deadline = time.perf_counter() + 30
        while not (out / "done").exists() and time.perf_counter() < deadline:
            term.settle(0.05, timeout=0.2)
    finally:
        term.close("q")
    shutil.rmtree(ws, ignore_errors=True)
    if not (out / "done").exists():
        raise RuntimeError(f"profile of {name}: the app wrote no profile")
    data = json.loads((out / "timings.json").read_text("utf-8"))
    return {"keys": timed.summary(), "timings": data, "dir": str(out)}


def _presses(calls: list[list[Any]]) -> int:
    """Keypresses in the profiled window: the writer's item changes and undos."""
    changes = ("Workspace.done", "Workspace.toggle_key", "Workspace.undo")
    return sum(n for label, _t, n, _s in calls if label in changes)


def report(result: dict[str, Any], top: int = 18) -> list[str]:
    """Human lines for one `profile_keypress` result."""
    timers, full = result["timers"], result["full"]
    calls = timers["timings"]["calls"]
    presses = max(_presses(calls), 1)
    keys = timers["keys"]
    lines = [
        f"--- keypress profile: {' / '.join(PAIRS[result.get('pair', 'x')][:2])} on a key "
        f"item, {result['name']} ---",
        f"  {presses} presses with function timers (key to screen meanwhile: median "
        f"{keys['median_ms']} ms, p95 {keys['p95_ms']} ms); inclusive ms per press "
        "(calls per press), by thread:",
    ]
    for label, thread, n, seconds in sorted(calls, key=lambda c: -c[3]):
        where = "writer" if "writer" in thread else ("ui" if thread == "MainThread" else thread)
        lines.append(
            f"  {seconds * 1000 / presses:8.2f} ms  {n / presses:6.1f}x  {where:<7} {label}"
        )
    if timers["timings"].get("missing"):
        lines.append(f"  (not found, so not timed: {', '.join(timers['timings']['missing'])})")
    fkeys = full["keys"]
    fpresses = max(_presses(full["timings"]["calls"]), 1)
    lines.append(
        f"  pyinstrument, {fpresses} more presses (slowed by it to median {fkeys['median_ms']}"
        f" ms; {Path(full['dir']).relative_to(BENCH.parent)}/main.html):"
    )
    lines += _pyinstrument_lines(Path(full["dir"]) / "main.pyisession", fpresses, top)
    return lines


def _pyinstrument_lines(path: Path, presses: int, top: int) -> list[str]:
    """UI thread by function: inclusive and own ms per press, idle waiting left out."""
    from pyinstrument.session import Session

    session = Session.load(str(path))
    root = session.root_frame()
    if root is None:
        return ["  (pyinstrument recorded nothing)"]
    inclusive: dict[str, float] = {}
    own: dict[str, float] = {}
    idle = 0.0

    def name_of(frame: Any) -> str:
        file = Path(frame.file_path or "?")
        where = file.name
        if "cockpit" in str(file) or str(BENCH.parent) in str(file):
            where = "/".join(file.parts[-2:])
        return f"{frame.function} ({where}:{frame.line_no})"

    def walk(frame: Any, path: frozenset[str]) -> None:
        nonlocal idle
        if frame.function == "select" and "selectors" in (frame.file_path or ""):
            idle += frame.time  # the event loop waiting for the next key
            return
        name = name_of(frame)
        if name not in path:  # a recursive call is inside its first call's time
            inclusive[name] = inclusive.get(name, 0.0) + frame.time
        # pyinstrument keeps a function's own time in synthetic "[self]" children
        own[name] = own.get(name, 0.0) + sum(c.time for c in frame.children if c.is_synthetic)
        for child in frame.children:
            if not child.is_synthetic:
                walk(child, path | {name})

    walk(root, frozenset())
    total = root.time
    busy = total - idle
    lines = [
        f"  UI thread (pyinstrument): {total * 1000 / presses:.1f} ms per press in all, "
        f"{busy * 1000 / presses:.1f} ms busy, the rest idle in select",
        "  by inclusive time (ms per press; callers of nearly everything left out):",
    ]
    shown = 0
    for name, seconds in sorted(inclusive.items(), key=lambda kv: -kv[1]):
        if seconds > 0.9 * busy:
            continue
        lines.append(f"  {seconds * 1000 / presses:8.2f} ms  {name}")
        shown += 1
        if shown == top:
            break
    lines.append("  by own time (ms per press):")
    for name, seconds in sorted(own.items(), key=lambda kv: -kv[1])[:12]:
        lines.append(f"  {seconds * 1000 / presses:8.2f} ms  {name}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, nargs="?", default=WORK / "large")
    parser.add_argument("--presses", type=int, default=20)
    parser.add_argument("--pair", choices=sorted(PAIRS), default="x")
    args = parser.parse_args()
    result = profile_keypress(args.root, args.root.name, args.presses, args.pair)
    for line in report(result):
        say(line)


if __name__ == "__main__":
    main()
