"""Handing a link to a browser, and knowing when there is none to hand it to.

`o` on a feed entry opens its link. Over SSH, or on a machine without a desktop, Python's
`webbrowser` either finds nothing or picks a text browser (lynx, w3m) that would fight
the running TUI for the terminal; both used to end in "Opening …" and nothing. So:

1. a `[ui] browser` command from the config wins: an argv list (or a string split like a
   shell would, with `shlex`), the URL appended as one more argument — never run
   through a shell, so no character of a URL can become a command;
2. else the system's browser, but only a graphical one: on Linux that needs a display
   (`DISPLAY` or `WAYLAND_DISPLAY`) unless `$BROWSER` names one explicitly, and never a
   text browser;
3. else nothing opens, and the caller says so (the TUI copies the link instead).

Callers pass only http(s) links (`cockpit.feeds.sanitize.safe_link`). Launching can
block for a moment: the TUI calls `open_link` off the event loop.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Browsers that draw in the terminal: started under a TUI they take over its screen.
TEXT_BROWSERS = frozenset(
    {"www-browser", "lynx", "w3m", "links", "links2", "elinks", "browsh", "carbonyl"}
)
START_WAIT = 1.0  # seconds to wait for a configured command that fails at once


@dataclass(frozen=True)
class Opened:
    """What became of a link: `ok`, the browser used, and when none could open it why:
    `reason` is a code the UI words ("no-display", "remote-mac", "none", "text-only",
    "failed") and `detail` the program's name or the system's own message."""

    ok: bool
    via: str = ""
    reason: str = ""
    detail: str = ""


def parse_command(value: object) -> list[str] | None:
    """The `[ui] browser` setting as an argv: a list of strings, or one string split
    with shlex ("firefox --new-tab"); None when unset or empty.

    Raises:
        ValueError: not a string or a list of strings, or a string shlex cannot split.
    """
    if value is None:
        return None
    if isinstance(value, str):
        # Imported here, for start-up time: every command reads the config.
        import shlex

        argv = shlex.split(value)  # ValueError on an unclosed quote
    elif isinstance(value, list) and all(isinstance(part, str) for part in value):
        argv = list(value)
    else:
        raise ValueError("browser is a command: a string or a list of strings")
    return argv or None


def open_link(
    url: str,
    command: list[str] | None = None,
    *,
    env: Mapping[str, str] | None = None,
    platform: str = sys.platform,
) -> Opened:
    """Open `url` with the configured `command`, else the system's graphical browser."""
    if command:
        return _run_command([*command, url])
    controller, found = _system_browser(os.environ if env is None else env, platform)
    if controller is None:
        return found
    name = found.via
    try:
        opened = controller.open(url)
    except OSError as exc:
        return Opened(False, via=name, reason="failed", detail=str(exc.strerror or exc))
    return Opened(True, via=name) if opened else Opened(False, via=name, reason="failed")


def find_browser(
    command: list[str] | None = None,
    *,
    env: Mapping[str, str] | None = None,
    platform: str = sys.platform,
) -> Opened:
    """What `open_link` would use, found without opening anything (for `cockpit
    doctor`): `ok` with `via` the program, or the reason code why nothing would open."""
    if command:
        # Imported here, for start-up time: only doctor asks.
        import shutil

        if shutil.which(command[0]) is None:
            return Opened(False, via=command[0], reason="failed", detail="not found")
        return Opened(True, via=command[0])
    return _system_browser(os.environ if env is None else env, platform)[1]


def _system_browser(env: Mapping[str, str], platform: str) -> tuple[Any, Opened]:
    """The system's graphical browser controller and `Opened(True, via=name)`, or None
    and why there is none."""
    missing = no_system_browser(env, platform)
    if missing:
        return None, Opened(False, reason=missing)
    # Imported on first use, for start-up time: most sessions never open a link.
    import webbrowser

    try:
        controller = webbrowser.get()
    except webbrowser.Error:
        return None, Opened(False, reason="none")
    name = Path(str(getattr(controller, "name", "") or "")).name
    if name in TEXT_BROWSERS:
        return None, Opened(False, reason="text-only", detail=name)
    return controller, Opened(True, via=name)


def no_system_browser(env: Mapping[str, str], platform: str) -> str:
    """Why the system cannot show a graphical browser here, as a reason code ("" when
    it may)."""
    over_ssh = bool(env.get("SSH_CONNECTION") or env.get("SSH_TTY"))
    if platform.startswith("linux") or "bsd" in platform:
        if env.get("BROWSER"):
            return ""  # the user named one; webbrowser uses it (a text one is refused)
        if not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
            return "no-display"
    elif platform == "darwin" and over_ssh:
        return "remote-mac"  # `open` would show it on the Mac's own screen, not here
    return ""


def _run_command(argv: list[str]) -> Opened:
    """Start `argv` detached (no shell, no terminal); a command that is missing or
    fails within a second is a failure, one still running or done is a success."""
    # Imported here, for start-up time: only opening a link needs them.
    import subprocess
    import threading

    try:
        # An argv list from the user's own config, never a shell.
        proc = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError as exc:
        return Opened(False, via=argv[0], reason="failed", detail=str(exc.strerror or exc))
    try:
        status = proc.wait(timeout=START_WAIT)
    except subprocess.TimeoutExpired:
        # Still running: a browser window, most likely. Reap it when it ends.
        threading.Thread(target=proc.wait, daemon=True, name="browser-reaper").start()
        return Opened(True, via=argv[0])
    if status != 0:
        return Opened(False, via=argv[0], reason="failed", detail=f"exit status {status}")
    return Opened(True, via=argv[0])
