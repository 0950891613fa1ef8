"""Run the cockpit command line with profiling switched on and off by signals.

    BENCH_PROFILE_DIR=DIR python bench/tui_wrapper.py [cockpit arguments]

The bench starts this instead of the `cockpit` console script when it profiles
keypresses (`run.py --profile`). It is cockpit's own `main()`, plus:

- every function named in `product.KEY_BREAKDOWN` is wrapped to record its calls and
  inclusive wall time, per thread (the writer thread's `Workspace.done` as well as the
  UI thread's `DailyScreen.reload`), but only between the two signals;
- SIGUSR1 starts pyinstrument (unless BENCH_PROFILE_MODE=timers) on the main thread
  (the event loop: key dispatch, the reload, Textual's styles, layout, compositing and
  the write to the terminal);
- SIGUSR2 stops both and writes `DIR/timings.json` and `DIR/main.txt` (the pyinstrument
  tree), `DIR/main.html`, `DIR/main.pyisession`, then `DIR/done`.

Without BENCH_PROFILE_DIR it is just `cockpit`.
"""

from __future__ import annotations

import functools
import json
import os
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

import product  # noqa: E402

RECORDING = False
CALLS: dict[tuple[str, str], list[float]] = {}  # (label, thread) -> [calls, seconds]
MISSING: list[str] = []
_LOCK = threading.Lock()


def instrument(targets: tuple[str, ...]) -> None:
    """Wrap each "module:Class.attr" so that calls made while RECORDING are timed."""
    for target in targets:
        module_name, _, path = target.partition(":")
        try:
            owner: Any = product.resolve(module_name + ":")
            *parents, attr = path.split(".")
            for name in parents:
                owner = getattr(owner, name)
            original = getattr(owner, attr)
        except (ImportError, AttributeError):
            MISSING.append(target)
            continue
        label = path if module_name.startswith("cockpit") else f"textual {path}"

        def timed(*a: Any, _f: Any = original, _label: str = label, **k: Any) -> Any:
            if not RECORDING:
                return _f(*a, **k)
            began = time.perf_counter()
            try:
                return _f(*a, **k)
            finally:
                spent = time.perf_counter() - began
                key = (_label, threading.current_thread().name)
                with _LOCK:
                    slot = CALLS.setdefault(key, [0, 0.0])
                    slot[0] += 1
                    slot[1] += spent

        setattr(owner, attr, functools.wraps(original)(timed))


def main() -> int:
    """cockpit's main(), with the profiling switches installed first."""
    out_dir = os.environ.get("BENCH_PROFILE_DIR")
    if not out_dir:
        return int(product.cli_main(sys.argv[1:]))
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    instrument(product.KEY_BREAKDOWN)
    from pyinstrument import Profiler

    profiler = None
    if os.environ.get("BENCH_PROFILE_MODE", "full") == "full":
        profiler = Profiler(interval=0.0005, async_mode="disabled")
    state: dict[str, float] = {}

    def start(_sig: int, _frame: Any) -> None:
        global RECORDING
        CALLS.clear()
        state["began"] = time.perf_counter()
        if profiler is not None:
            profiler.start()
        RECORDING = True

    def stop(_sig: int, _frame: Any) -> None:
        global RECORDING
        RECORDING = False
        wall = time.perf_counter() - state.get("began", time.perf_counter())
        if profiler is not None:
            session = profiler.stop()
            (out / "main.txt").write_text(
                profiler.output_text(unicode=True, color=False, show_all=False), "utf-8"
            )
            (out / "main.html").write_text(profiler.output_html(), "utf-8")
            session.save(str(out / "main.pyisession"))
        with _LOCK:
            calls = [[label, thread, n, s] for (label, thread), (n, s) in CALLS.items()]
        data = {"wall_s": wall, "calls": calls, "missing": MISSING}
        (out / "timings.json").write_text(json.dumps(data), "utf-8")
        (out / "done").write_text("", "utf-8")

    signal.signal(signal.SIGUSR1, start)
    signal.signal(signal.SIGUSR2, stop)
    return int(product.cli_main(sys.argv[1:]))


if __name__ == "__main__":
    sys.exit(main())
