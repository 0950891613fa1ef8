"""Where feed parsing runs: one background thread, or a small process pool.

A thread is the default: it starts instantly and, being one, takes turns with the UI
thread for the GIL at most every switch interval. A process pool parses on other cores
(the refresh finishes sooner on a multi-core machine and the UI thread never waits for
the GIL) at the price of a start-up; it uses "forkserver" so workers are forked from a
clean single-threaded server, never from the TUI with its threads.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import sys
import threading
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from multiprocessing import forkserver, resource_tracker

_lock = threading.Lock()
_executors: dict[int, Executor] = {}


def parse_executor(processes: int = 0) -> Executor:
    """The shared executor for `processes` (0 = one thread), created on first use."""
    with _lock:
        executor = _executors.get(processes)
        if executor is None:
            executor = _thread() if processes <= 0 else _pool(processes) or _thread()
            _executors[processes] = executor
        return executor


def _thread() -> Executor:
    return ThreadPoolExecutor(1, thread_name_prefix="cockpit-feed-parse")


def _pool(processes: int) -> Executor | None:
    """A started process pool, or None when processes cannot be started here."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["cockpit.feeds.parse", "feedparser"])
    # Inside the TUI, Textual replaces sys.stderr with an object whose fileno() is not a
    # real descriptor, and multiprocessing hands that descriptor to its helper
    # processes. Start the helpers with the real stderr in place.
    saved = sys.stderr
    try:
        if _fileno(saved) < 0:
            sys.stderr = sys.__stderr__
        resource_tracker.ensure_running()
        forkserver.ensure_running()
    except (OSError, ValueError):
        return None
    finally:
        sys.stderr = saved
    return ProcessPoolExecutor(processes, mp_context=context, initializer=_quiet_worker)


def _fileno(stream: object) -> int:
    try:
        return int(stream.fileno())  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return -1


def discard(executor: Executor) -> None:
    """Forget a broken executor, so the next `parse_executor` call builds a new one."""
    with _lock:
        for key, known in list(_executors.items()):
            if known is executor:
                del _executors[key]
    executor.shutdown(wait=False, cancel_futures=True)


def _quiet_worker() -> None:
    """A worker must never write into the TUI's terminal."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os.close(devnull)


def shutdown() -> None:
    """Stop every executor (at exit, or in tests)."""
    with _lock:
        executors = list(_executors.values())
        _executors.clear()
    for executor in executors:
        executor.shutdown(wait=False, cancel_futures=True)


atexit.register(shutdown)
