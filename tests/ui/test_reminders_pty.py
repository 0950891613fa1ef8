"""The terminal's own notification, as a real terminal receives it: cockpit runs on a
pseudo-terminal and what it writes is read back. OSC 9 only when `[notify]` lets it
out, the bell otherwise, and nothing again after a restart the same day."""

from __future__ import annotations

import os
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.ui.test_terminal_hangup import start_in_pty

NOW = "2026-11-18T09:30:00"  # Wednesday 09:30 in Shanghai: after `[notify] at`
OSC = re.compile(rb"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")  # every OSC sequence, whole


def _setup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, notify: str) -> list[str]:
    config = tmp_path / "config.toml"
    config.write_text(f'timezone = "Asia/Shanghai"\n[notify]\n{notify}\n', encoding="utf-8")
    monkeypatch.setenv("COCKPIT_CONFIG", str(config))
    monkeypatch.setenv("COCKPIT_NOW", NOW)
    for name in ("TMUX", "TERM_PROGRAM", "KITTY_WINDOW_ID", "VTE_VERSION"):
        monkeypatch.delenv(name, raising=False)
    root = tmp_path / "ws"
    argv = [sys.executable, "-m", "cockpit", "--data-dir", str(root)]
    done = subprocess.run(
        [*argv, "add", "Renew 瀚海银行 contract", "--due", "today"],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return argv


def _read(master: int, seconds: float, until: bytes | None = None) -> bytes:
    seen = b""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if not select.select([master], [], [], 0.1)[0]:
            continue
        try:
            seen += os.read(master, 65536)
        except OSError:
            time.sleep(0.05)
        if until is not None and until in seen:
            break
    return seen


def _run(argv: list[str], seconds: float, until: bytes | None = None) -> bytes:
    proc, master = start_in_pty(argv)
    try:
        return _read(master, seconds, until)
    finally:
        proc.terminate()
        _read(master, 0.5)
        proc.wait(timeout=15)
        os.close(master)


def test_osc9_once_and_not_again_after_a_restart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    argv = _setup(tmp_path, monkeypatch, 'terminal = "osc9"')
    wanted = "\x1b]9;cockpit: Due today: Renew 瀚海银行 contract\x07".encode()
    first = _run(argv, 25, until=wanted)
    assert first.count(wanted) == 1, first[-2000:]
    again = _run(argv, 7)  # the first check comes 3 s after the start
    assert b"\x1b]9;" not in again
    assert b"Renew" in again  # the app drew its screen: it ran, and told nothing


def test_the_bell_without_a_terminal_notification(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    argv = _setup(tmp_path, monkeypatch, 'terminal = "auto"')  # xterm-256color: none known
    seen = OSC.sub(b"", _run(argv, 12))
    assert b"\x1b]9;" not in seen and b"\x1b]777;" not in seen
    assert seen.count(b"\x07") == 1, seen[-2000:]


def test_all_channels_off_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    argv = _setup(tmp_path, monkeypatch, 'terminal = "off"\nbell = false\ntoast = false')
    seen = OSC.sub(b"", _run(argv, 7))
    assert b"\x07" not in seen and b"Renew" in seen
    assert not (tmp_path / "ws" / "reminders.json").read_bytes().strip(b"{}")
