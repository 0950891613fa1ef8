"""Start the TUI like `cockpit --data-dir DIR` does, headless, and quit at its first frame.

Run by `bench/run.py --profile` (profiles.py) in a fresh subprocess, for the start-up
breakdown and cProfile; the timed start figure comes from the pty harness instead
(keys_bench.time_starts). Imports are cold, as for the user:

    python bench/start_probe.py --data-dir DIR [--index] [--profile OUT] [--breakdown] [--bare]

It opens the workspace exactly as cockpit's `start_tui` does (config, clock from
`COCKPIT_NOW`, daily maintenance, file check), builds the app as `make_app` does, runs it
headless at 120x40 and exits on the app's first `Ready` event (posted once the first
frame is on screen). With `--index` it then builds the finder's index once, as pressing
`/` would, before exiting. The last line of stdout is JSON:

    {"ready_s": ..., "ready_epoch": ..., "open_s": ..., "imports_s": ...,
     "rss_ready_mb": ..., "rss_mb": ..., "index_s": ..., "rows": {...}}

`ready_s` counts from the probe's first line (after interpreter start-up); `ready_epoch`
is the wall-clock moment of the first frame, for the parent to subtract its spawn time.

`rss_mb` is `ru_maxrss` of this process at exit: its peak resident memory. `--bare`
runs an empty Textual app the same way instead (the floor that start time is judged by).
"""

from __future__ import annotations

import time

T0 = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

BENCH = Path(__file__).resolve().parent
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

import product  # noqa: E402  (lazy: imports a cockpit module only when a name is used)
from common import peak_rss_mb  # noqa: E402

TIMINGS: dict[str, list[float]] = {}


def instrument(targets: tuple[str, ...] = product.START_BREAKDOWN) -> None:
    """Wrap each target so that its calls and total (inclusive) time are recorded
    (a target that no longer exists is skipped and reported as -1 calls)."""
    import functools

    for target in targets:
        module_name, _, path = target.partition(":")
        try:
            owner: Any = product.resolve(module_name + ":")
            *parents, attr = path.split(".")
            for name in parents:
                owner = getattr(owner, name)
            original = getattr(owner, attr)
        except (ImportError, AttributeError):
            TIMINGS[path] = [-1, 0.0]
            continue
        slot = TIMINGS.setdefault(path, [0, 0.0])

        def timed(*a: Any, _f: Any = original, _s: list[float] = slot, **k: Any) -> Any:
            began = time.perf_counter()
            try:
                return _f(*a, **k)
            finally:
                _s[0] += 1
                _s[1] += time.perf_counter() - began

        setattr(owner, attr, functools.wraps(original)(timed))


def max_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB: `VmHWM`, which starts
    over at exec (`ru_maxrss` would include the bench's peak from before the exec)."""
    own = peak_rss_mb()
    if own is not None:
        return own
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(kib / 1024, 1)


def run(data_dir: Path, with_index: bool, breakdown: bool = False) -> dict[str, Any]:
    """Open, paint once, optionally index, exit; returns the measurements."""
    if breakdown:
        instrument()
    from product import open_for_tui

    t_imports = time.perf_counter()
    args = argparse.Namespace(data_dir=data_dir, config=None, demo=False, command=None)
    ws, _demo = open_for_tui(args)  # exactly what `cockpit` does before the app starts
    t_open = time.perf_counter()

    from product import CockpitApp

    out: dict[str, Any] = {}

    class Probe(CockpitApp):
        """The real app; quits as soon as the first frame has been displayed."""

        def on_ready(self) -> None:  # CockpitApp.on_ready runs too (Textual walks the MRO)
            out["ready_s"] = round(time.perf_counter() - T0, 4)
            out["ready_epoch"] = time.time()
            out["rss_ready_mb"] = max_rss_mb()
            out["screen"] = type(self.screen).__name__
            out["rows"] = _panel_rows(self)
            if with_index:
                from product import build_index

                t = time.perf_counter()
                index = build_index(ws)
                out["index_s"] = round(time.perf_counter() - t, 4)
                out["index_records"] = len(index)
            self.exit()

    t_app = time.perf_counter()
    Probe(ws, watch=False).run(headless=True, size=(120, 40))
    out.update(
        imports_s=round(t_imports - T0, 4),
        open_s=round(t_open - t_imports, 4),
        app_import_s=round(t_app - t_open, 4),
        returned_s=round(time.perf_counter() - T0, 4),
        rss_mb=max_rss_mb(),
    )
    if breakdown:
        out["breakdown"] = {k: [int(n), round(s, 4)] for k, (n, s) in TIMINGS.items()}
    return out


def run_bare() -> dict[str, Any]:
    """The baseline: an empty Textual app, same driver and size, quit at first frame."""
    from textual.app import App

    out: dict[str, Any] = {}

    class Bare(App[None]):
        def on_ready(self) -> None:  # CockpitApp.on_ready runs too (Textual walks the MRO)
            out["ready_s"] = round(time.perf_counter() - T0, 4)
            self.exit()

    Bare().run(headless=True, size=(120, 40))
    out["rss_mb"] = max_rss_mb()
    return out


def _panel_rows(app: Any) -> dict[str, int]:
    """Rows shown per panel of the daily screen (proves the paint had real data)."""
    from product import Panel

    rows: dict[str, int] = {}
    try:
        for panel in app.screen.query(Panel):
            rows[str(panel.id)] = panel.row_count
    except Exception as exc:  # only diagnostics
        rows["error"] = -1
        print(f"probe: cannot count rows: {exc}", file=sys.stderr)
    return rows


def main() -> None:
    """Parse arguments, run the probe, print one JSON line."""
    parser = argparse.ArgumentParser(description="cockpit TUI start probe")
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--index", action="store_true", help="also build the finder index")
    parser.add_argument("--profile", type=Path, help="write cProfile stats here")
    parser.add_argument("--bare", action="store_true", help="an empty Textual app instead")
    parser.add_argument("--breakdown", action="store_true", help="time named functions")
    opts = parser.parse_args()
    if opts.bare:
        result = run_bare()
    elif opts.breakdown:
        result = run(opts.data_dir, opts.index, breakdown=True)
    elif opts.profile:
        import cProfile

        prof = cProfile.Profile()
        result = prof.runcall(run, opts.data_dir, opts.index)
        prof.dump_stats(opts.profile)
    else:
        result = run(opts.data_dir, opts.index)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
