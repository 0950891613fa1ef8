"""Terminal facts that change how the TUI behaves: colours, tmux and its clipboard
setting, SSH, and whether `o` has a browser to open links with.

The colour depth follows the rules Textual (through Rich) applies to the same
environment, so what is reported is what the app will draw with.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass

COLOR_OVERRIDES = {"truecolor": "truecolor", "256": "256", "standard": "16", "windows": "16"}


@dataclass
class TerminalFacts:
    colors: str
    """truecolor, 256, 16 or none (no colours at all)."""
    colors_reason: str
    """The variable that decided, e.g. `COLORTERM=truecolor` or `TERM=xterm-256color`."""
    tmux: bool
    tmux_set_clipboard: str | None
    """tmux's `set-clipboard` (on, external, off): only `on` lets the report's copy
    (OSC 52) reach the system clipboard. None outside tmux or when tmux cannot say."""
    ssh: bool
    """Running over SSH: links open, and copies land, on the remote machine."""
    browser: str | None
    """What `o` opens links with (None: no browser, `o` cannot open links)."""


def color_depth(env: dict[str, str]) -> tuple[str, str]:
    """(depth, the variable that decided it), by Textual's and Rich's rules."""
    if "NO_COLOR" in env:  # Textual then draws in monochrome whatever else is set
        return "none", "NO_COLOR"
    forced = env.get("TEXTUAL_COLOR_SYSTEM", "auto").strip().lower()
    if forced in COLOR_OVERRIDES:
        return COLOR_OVERRIDES[forced], f"TEXTUAL_COLOR_SYSTEM={forced}"
    term = env.get("TERM", "").strip().lower()
    if term in ("dumb", "unknown"):
        return "none", f"TERM={term}"
    colorterm = env.get("COLORTERM", "").strip().lower()
    if colorterm in ("truecolor", "24bit"):
        return "truecolor", f"COLORTERM={colorterm}"
    suffix = term.rpartition("-")[2]
    if suffix in ("256color", "kitty"):
        return "256", f"TERM={term}"
    return "16", f"TERM={term}" if term else "TERM unset"


def tmux_set_clipboard(env: dict[str, str]) -> str | None:
    """`tmux show -gv set-clipboard` of the tmux server we run in (None if not in one)."""
    if not env.get("TMUX") or shutil.which("tmux", path=env.get("PATH")) is None:
        return None
    try:
        done = subprocess.run(
            ["tmux", "show", "-gv", "set-clipboard"],
            env=env,
            capture_output=True,
            text=True,
            timeout=3,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    value = done.stdout.strip()
    return value if done.returncode == 0 and value else None


def browser_name() -> str | None:
    """The browser Python's webbrowser module (which `o` uses) would start, if any."""
    # Imported here, for start-up time: only `doctor` and the TUI's about need it.
    import webbrowser

    try:
        found = webbrowser.get()
    except webbrowser.Error:
        return None
    return str(getattr(found, "name", "") or type(found).__name__)


def terminal_facts(env: dict[str, str]) -> TerminalFacts:
    """The terminal as the TUI would meet it under `env`."""
    depth, reason = color_depth(env)
    return TerminalFacts(
        colors=depth,
        colors_reason=reason,
        tmux=bool(env.get("TMUX")),
        tmux_set_clipboard=tmux_set_clipboard(env),
        ssh=bool(env.get("SSH_CONNECTION") or env.get("SSH_TTY")),
        browser=browser_name(),
    )
