"""Driving a real cockpit in a real terminal: tmux on a private socket.

Each `Terminal` is its own tmux server (`tmux -L <unique>` with an empty config), so
tests never see the user's tmux or each other's. The app runs under `sh -c`, which
prints a marker with the exit status when it ends, so a crash or an unexpected exit is
visible in the capture (a traceback stays on screen).

Typical use (see `conftest.py` for the fixture that builds the workspace and config):

    term.send("j")                       # tmux key names: "Enter", "Tab", "C-p", "Escape"
    grid = term.wait_change(before)      # the screen reacted...
    grid = term.settle()                 # ...and stopped changing
"""

from __future__ import annotations

import itertools
import os
import shlex
import shutil
import subprocess
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from tests.terminal.cells import Grid, parse

EXITED = "COCKPIT-EXITED"
_ids = itertools.count()


def tmux_available() -> bool:
    return shutil.which("tmux") is not None


class TerminalError(AssertionError):
    """The app did not reach the expected state; the message carries the screen."""


class Terminal:
    """One program in a `width` x `height` tmux pane on a private server."""

    def __init__(self, workdir: Path, width: int = 120, height: int = 40) -> None:
        self.width, self.height = width, height
        self.socket = f"cockpit-test-{os.getpid()}-{next(_ids)}"
        self.workdir = workdir
        self.conf = workdir / "tmux.conf"
        # No status line (the pane is the whole window), no escape delay in tmux, and
        # the terminal type a user's tmux has.
        self.conf.write_text(
            "set -g status off\nset -g escape-time 0\nset -g default-terminal tmux-256color\n"
        )
        self.started = False

    # tmux --------------------------------------------------------------------------
    def tmux(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, "-f", str(self.conf), *args],
            capture_output=True,
            text=True,
            timeout=30,
        )
        if check and done.returncode != 0:
            raise TerminalError(f"tmux {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def start(self, argv: Sequence[str], env: dict[str, str], cwd: Path | None = None) -> None:
        """Run `argv` in a fresh pane with exactly `env` added to a clean environment."""
        command = " ".join(shlex.quote(a) for a in argv)
        # COLUMNS / LINES from the test process (pytest sets them) would fix the app's
        # size at 80x24 whatever the pane's size: the pane's own size must win.
        # The status is kept before `echo` runs (which would report its own, always 0).
        script = f'unset COLUMNS LINES; {command}; rc=$?; echo; echo "{EXITED} $rc"; sleep 3600'
        args = ["new-session", "-d", "-s", "t", "-x", str(self.width), "-y", str(self.height)]
        if cwd is not None:
            args += ["-c", str(cwd)]
        for key, value in env.items():
            args += ["-e", f"{key}={value}"]
        self.tmux(*args, "sh", "-c", script)
        self.started = True

    def close(self) -> None:
        """Stop this private server (and the app in it)."""
        if self.started:
            self.tmux("kill-server", check=False)
            self.started = False

    # input -------------------------------------------------------------------------
    def send(self, *keys: str) -> None:
        """Press keys by tmux name (`"j"`, `"Enter"`, `"Tab"`, `"C-p"`, `"Escape"`).

        All keys of one call reach the program in one write, as fast as typing can be.
        """
        self.tmux("send-keys", "-t", "t", *keys)

    def type(self, text: str) -> None:
        """Type `text` literally (no key-name lookup), in one write."""
        self.tmux("send-keys", "-t", "t", "-l", text)

    def paste(self, text: str, after: Sequence[str] = ()) -> None:
        """Paste `text` as a terminal paste (bracketed when the program asked for it),
        right after the keys `after` — in the same write when there are some."""
        self.tmux("set-buffer", "-b", "p", text)
        keys = ["send-keys", "-t", "t", *after, ";"] if after else []
        self.tmux(*keys, "paste-buffer", "-p", "-b", "p", "-t", "t")

    # output ------------------------------------------------------------------------
    def capture(self, colours: bool = True) -> str:
        return self.tmux("capture-pane", "-p", "-N", *(["-e"] if colours else []), "-t", "t")

    def grid(self) -> Grid:
        return parse(self.capture(), self.width, self.height)

    def text(self) -> str:
        return self.capture(colours=False)

    def exit_status(self) -> int | None:
        """The program's exit status once it ended, else None."""
        for line in self.text().splitlines():
            if line.startswith(EXITED):
                return int(line.split()[1])
        return None

    def check_alive(self, grid: Grid | None = None) -> None:
        text = (grid.text if grid is not None else self.text()).replace("\n", " ")
        if EXITED in text or "Traceback" in text:
            raise TerminalError(f"the app ended or crashed:\n{self.text()}")

    # waiting -----------------------------------------------------------------------
    def settle(self, quiet: float = 0.3, timeout: float = 10.0) -> Grid:
        """The screen once it stayed the same for `quiet` seconds.

        A blinking text cursor changes the screen every half second; `quiet` is
        shorter than that, so a form with a focused input still settles.
        """
        end = time.monotonic() + timeout
        last = self.capture()
        since = time.monotonic()
        while time.monotonic() < end:
            time.sleep(0.04)
            now = self.capture()
            if now != last:
                last, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet:
                break
        return parse(last, self.width, self.height)

    def wait_for(
        self, what: str | Callable[[Grid], object], timeout: float = 15.0, quiet: float = 0.2
    ) -> Grid:
        """Wait until the screen shows `what` (text, or a test on the grid), then settle."""

        def ok(grid: Grid) -> bool:
            return what in grid.text if isinstance(what, str) else bool(what(grid))

        end = time.monotonic() + timeout
        while time.monotonic() < end:
            grid = self.grid()
            if ok(grid):
                settled = self.settle(quiet=quiet)
                if ok(settled):
                    return settled
            elif EXITED in grid.text:
                break
            time.sleep(0.04)
        raise TerminalError(f"waited {timeout}s for {what!r}; the screen shows:\n{self.text()}")

    def wait_change(self, before: Grid, timeout: float = 10.0, quiet: float = 0.25) -> Grid:
        """Wait until the screen differs from `before`, then settle."""
        return self.wait_for(lambda g: bool(g.differs(before)), timeout=timeout, quiet=quiet)

    def press(self, *keys: str, quiet: float = 0.3) -> Grid:
        """Press keys and return the screen once it changed and settled (or, when it
        did not change, once it stayed the same for a second)."""
        before = self.grid()
        self.send(*keys)
        try:
            return self.wait_change(before, timeout=2.0, quiet=quiet)
        except TerminalError:
            return self.settle(quiet=1.0)
