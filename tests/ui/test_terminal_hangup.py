"""A cockpit whose terminal goes away (tmux killed, ssh dropped) exits instead of
spinning on end-of-file — checked with a real pseudo-terminal."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path


def start_in_pty(argv: list[str]) -> tuple[subprocess.Popen[bytes], int]:
    """Start `argv` on a fresh pseudo-terminal; the master side and the process once
    the app has drawn its screen."""
    master, slave = pty.openpty()
    env = dict(os.environ, TERM="xterm-256color", COLUMNS="100", LINES="30")
    proc = subprocess.Popen(
        argv,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,  # like a terminal's own session: no SIGHUP from us
    )
    os.close(slave)
    deadline = time.monotonic() + 20
    seen = b""
    while time.monotonic() < deadline and b"cockpit" not in seen:
        try:
            seen += os.read(master, 65536)
        except OSError:
            break
    if b"cockpit" not in seen:
        proc.kill()
        os.close(master)
    assert b"cockpit" in seen, "the app never drew its screen"
    return proc, master


def test_app_exits_when_its_terminal_hangs_up(tmp_path: Path) -> None:
    proc, master = start_in_pty(
        [sys.executable, "-m", "cockpit", "--data-dir", str(tmp_path / "ws")]
    )
    try:
        os.close(master)  # the terminal is gone
        assert proc.wait(timeout=10) is not None
    finally:
        if proc.poll() is None:
            proc.kill()


# Textual's shutdown waiting for ever on its output thread, as once seen after a tmux
# server was killed (both threads asleep on the output queue): made certain here.
HANGING_SHUTDOWN = """
import sys, threading
from textual.drivers import _writer_thread
_writer_thread.WriterThread.stop = lambda self: threading.Event().wait()
from cockpit.cli import run
sys.argv = ["cockpit", "--data-dir", sys.argv[1]]
run()
"""


def test_sigterm_ends_the_app_even_when_its_shutdown_hangs(tmp_path: Path) -> None:
    proc, master = start_in_pty([sys.executable, "-c", HANGING_SHUTDOWN, str(tmp_path / "ws")])
    try:
        proc.terminate()
        # Drain the terminal meanwhile, so nothing but the hang can hold the app.
        end = time.monotonic() + 25
        while proc.poll() is None and time.monotonic() < end:
            if select.select([master], [], [], 0.2)[0]:
                try:
                    os.read(master, 65536)
                except OSError:
                    time.sleep(0.2)
        assert proc.poll() is not None, "SIGTERM did not end the app"
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
