"""A cockpit whose terminal goes away (tmux killed, ssh dropped) exits instead of
spinning on end-of-file — checked with a real pseudo-terminal."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import time
from pathlib import Path


def test_app_exits_when_its_terminal_hangs_up(tmp_path: Path) -> None:
    master, slave = pty.openpty()
    env = dict(os.environ, TERM="xterm-256color", COLUMNS="100", LINES="30")
    proc = subprocess.Popen(
        [sys.executable, "-m", "cockpit", "--data-dir", str(tmp_path / "ws")],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,  # like a terminal's own session: no SIGHUP from us
    )
    os.close(slave)
    try:
        deadline = time.monotonic() + 20
        seen = b""
        while time.monotonic() < deadline and b"cockpit" not in seen:
            try:
                seen += os.read(master, 65536)
            except OSError:
                break
        assert b"cockpit" in seen, "the app never drew its screen"
        os.close(master)  # the terminal is gone
        assert proc.wait(timeout=10) is not None
    finally:
        if proc.poll() is None:
            proc.kill()
