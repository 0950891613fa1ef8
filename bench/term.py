"""A program under a pseudo-terminal, its screen kept by a terminal emulator (pyte).

The bench's way of seeing what a user sees: `Term(cmd)` starts `cmd` on a new pty of
120x40 and feeds everything it writes into a `pyte.Screen`. `press(keys)` writes the key
bytes and returns how long it took until the emulated screen showed the expected change.

Timing: a reader thread blocks on the pty and stamps every chunk with `perf_counter()`
the moment `read` returns it (the interpreter's thread switch interval is lowered to
0.2 ms while a Term is open, so the stamp is not held up by the parser holding the GIL).
Parsing (pyte is pure Python: 10-30 ms for a full frame) happens in the caller's thread,
chunk by chunk, so a change is dated by the arrival of the bytes that completed it, not
by when the emulator got round to them. The clock starts just before the key bytes are
written to the pty master.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import queue
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyte

if str(Path(__file__).resolve().parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import peak_rss_mb

COLS, ROWS = 120, 40
Cell = tuple[str, str, str, bool, bool, bool]
Snapshot = list[list[Cell]]

KEYS = {
    "tab": b"\t",
    "shift+tab": b"\x1b[Z",
    "enter": b"\r",
    "escape": b"\x1b",
    "down": b"\x1b[B",
    "up": b"\x1b[A",
}


def key_bytes(key: str) -> bytes:
    """What a terminal sends for `key` ("x", "!", "tab", "shift+tab", ...)."""
    return KEYS.get(key, key.encode())


@dataclass
class Press:
    """One timed key: ms from write to the change on screen (None: never seen)."""

    key: str
    ms: float | None
    first_output_ms: float | None


class Term:
    """`cmd` running on a pty of `cols` x `rows`, its output parsed by pyte."""

    def __init__(
        self,
        cmd: Sequence[str],
        env: dict[str, str] | None = None,
        cols: int = COLS,
        rows: int = ROWS,
        cwd: str | None = None,
        record: bool = False,
    ) -> None:
        self.cols, self.rows = cols, rows
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        full_env = dict(os.environ if env is None else env)
        # truecolor: with 256 colours the panel cursor and its row can map to one colour.
        full_env.update(TERM="xterm-256color", COLORTERM="truecolor")
        full_env.update(COLUMNS=str(cols), LINES=str(rows))
        full_env.pop("TEXTUAL", None)
        self.spawned = time.perf_counter()
        self.proc = subprocess.Popen(
            list(cmd),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=full_env,
            cwd=cwd,
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        self.fd = master
        self.bytes_read = 0
        self.last_output = self.spawned
        self.first_output: float | None = None  # first chunk after the last `write`
        self.last_key: float | None = None  # when the last `write` was made
        self.max_rss_mb: float | None = None  # the child's peak, once it has been closed
        self.record = record
        self.chunks: list[tuple[float, bytes]] = []  # everything read, when `record`
        self._pending: list[tuple[float, bytes]] = []
        self._queue: queue.Queue[tuple[float, bytes]] = queue.Queue()
        self._switch = sys.getswitchinterval()
        sys.setswitchinterval(0.0002)
        self._reader = threading.Thread(target=self._read_forever, daemon=True)
        self._reader.start()

    # reading ---------------------------------------------------------------------------
    def _read_forever(self) -> None:
        """The reader thread: stamp each chunk as `read` returns it; b"" at the end."""
        while True:
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:  # EIO: the child closed the terminal
                chunk = b""
            now = time.perf_counter()
            self._queue.put((now, chunk))
            if not chunk:
                return

    def _take(self, stamp: float, chunk: bytes) -> None:
        self._pending.append((stamp, chunk))
        if self.record:
            self.chunks.append((stamp, chunk))
        if self.first_output is None and self.last_key is not None and stamp >= self.last_key:
            self.first_output = stamp
        self.bytes_read += len(chunk)
        self.last_output = stamp

    def _read_burst(self, timeout: float) -> bool:
        """Take what arrives within `timeout`, then until output pauses for 2 ms.
        False when nothing came (or the terminal has closed)."""
        got = False
        wait = max(timeout, 0.0)
        while True:
            try:
                stamp, chunk = self._queue.get(timeout=wait) if wait else self._queue.get_nowait()
            except queue.Empty:
                return got
            if not chunk:
                self._queue.put((stamp, chunk))  # keep the end mark for later calls
                if not got:
                    time.sleep(min(wait, 0.01))
                return got
            self._take(stamp, chunk)
            got = True
            wait = 0.002

    def _feed(self, until: Callable[[], bool] | None = None) -> float | None:
        """Parse queued chunks in order; the arrival time of the first chunk after which
        `until()` holds (None if it never did)."""
        hit: float | None = None
        for stamp, chunk in self._pending:
            self.stream.feed(chunk)
            if hit is None and until is not None and until():
                hit = stamp
        self._pending.clear()
        return hit

    def wait_for(self, until: Callable[[], bool], timeout: float) -> float | None:
        """Arrival time of the output after which `until()` holds; None on timeout."""
        if until():
            return time.perf_counter()
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if self._read_burst(deadline - time.perf_counter()):
                hit = self._feed(until)
                if hit is not None:
                    return hit
            elif not self.alive():
                return None
        return None

    def settle(self, quiet: float = 0.3, timeout: float = 10.0) -> bool:
        """Read until no output came for `quiet` seconds (False: still busy at timeout)."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            got = self._read_burst(min(quiet, deadline - time.perf_counter()))
            self._feed()
            if not got and time.perf_counter() - self.last_output >= quiet:
                return True
        return False

    def drain(self, seconds: float) -> None:
        """Keep reading (and parsing) for `seconds`."""
        deadline = time.perf_counter() + seconds
        while (left := deadline - time.perf_counter()) > 0:
            self._read_burst(left)
            self._feed()

    # the screen ------------------------------------------------------------------------
    def snapshot(self) -> Snapshot:
        """Every cell: (char, fg, bg, bold, reverse, strikethrough)."""
        out = []
        buffer = self.screen.buffer
        for y in range(self.rows):
            line = buffer[y]
            out.append(
                [
                    (c.data, c.fg, c.bg, c.bold, c.reverse, c.strikethrough)
                    for c in (line[x] for x in range(self.cols))
                ]
            )
        return out

    def text(self) -> str:
        """The screen as text, one line per row."""
        return "\n".join(line.rstrip() for line in self.screen.display)

    def cells_equal(self, cells: dict[tuple[int, int], Cell]) -> bool:
        """True when every (y, x) in `cells` shows that cell."""
        buffer = self.screen.buffer
        for (y, x), want in cells.items():
            c = buffer[y][x]
            if (c.data, c.fg, c.bg, c.bold, c.reverse, c.strikethrough) != want:
                return False
        return True

    # keys ------------------------------------------------------------------------------
    def write(self, key: str) -> float:
        """Send `key`; returns the moment just before the bytes went to the pty."""
        data = key_bytes(key)
        self.first_output = None
        began = time.perf_counter()
        self.last_key = began
        os.write(self.fd, data)
        return began

    def first_full_paint(self) -> float | None:
        """Arrival time of the output after which the screen first showed what it shows
        now (its text); needs `record=True`. Used after `settle()` for start-up time."""
        final = self.screen.display
        screen = pyte.Screen(self.cols, self.rows)
        stream = pyte.ByteStream(screen)
        for stamp, chunk in self.chunks:
            stream.feed(chunk)
            if screen.display == final:
                return stamp
        return None

    def close(self, quit_keys: str | None = None, timeout: float = 5.0) -> int | None:
        """Quit with `quit_keys` (else SIGTERM), then reap; returns the exit status.

        The child's peak memory (`max_rss_mb`) is read just before: its own, where
        `wait4`'s would start from the bench's (see `common.peak_rss_mb`)."""
        if self.alive():
            self.max_rss_mb = peak_rss_mb(self.proc.pid)
        if self.alive() and quit_keys:
            with contextlib.suppress(OSError):
                os.write(self.fd, quit_keys.encode())
        if not self._reap(timeout if quit_keys else 0.0):
            os.killpg(self.proc.pid, signal.SIGTERM)
            if not self._reap(timeout):
                os.killpg(self.proc.pid, signal.SIGKILL)
                self._reap(None)
        self._reader.join(timeout=2.0)  # it ends on EIO once the child is gone
        os.close(self.fd)
        sys.setswitchinterval(self._switch)
        return self.proc.returncode

    def alive(self) -> bool:
        """True while the child runs (checked without reaping it)."""
        if self.proc.returncode is not None:
            return False
        try:
            info = os.waitid(os.P_PID, self.proc.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
        except ChildProcessError:
            return False
        return info is None

    def _reap(self, timeout: float | None) -> bool:
        """Wait for the child with wait4 (for its peak memory); False if still running."""
        if self.proc.returncode is not None:
            return True
        deadline = None if timeout is None else time.perf_counter() + timeout
        while True:
            pid, status, usage = os.wait4(self.proc.pid, os.WNOHANG if deadline else 0)
            if pid:
                self.proc.returncode = os.waitstatus_to_exitcode(status)
                if self.max_rss_mb is None:  # no /proc: the bench's peak may be in it
                    self.max_rss_mb = round(usage.ru_maxrss / 1024, 1)
                return True
            if deadline is None:
                continue
            if time.perf_counter() >= deadline:
                return False
            self._read_burst(0.02)  # keep draining: a full pty blocks the child
            self._pending.clear()


def diff(a: Snapshot, b: Snapshot) -> set[tuple[int, int]]:
    """Cells (y, x) that differ between two snapshots."""
    return {
        (y, x)
        for y, (ra, rb) in enumerate(zip(a, b, strict=True))
        if ra != rb
        for x, (ca, cb) in enumerate(zip(ra, rb, strict=True))
        if ca != cb
    }
