"""Terminal facts that change how the TUI behaves: colours, tmux and its clipboard
setting, SSH, whether `o` has a browser to open links with (asked of the same
`cockpit.core.browser` that `o` uses), and how reminders reach the user (decided by the
same `cockpit.reminders.terminal` the app asks).

The colour depth follows the rules Textual (through Rich) applies to the same
environment, so what is reported is what the app will draw with.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass

from cockpit.core.browser import find_browser
from cockpit.reminders.terminal import Notice, decide

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
    """The program `o` opens links with (None: none, `o` copies the link instead)."""
    browser_from: str | None
    """config ([ui] browser) or system; None when there is no browser."""
    browser_problem: str | None
    """Why there is none: no-display, remote-mac, none, text-only or failed (the
    configured command is not found)."""
    browser_detail: str | None
    """The program the problem is about: the text browser found, or the configured
    command that is missing."""


@dataclass
class ReminderFacts:
    """How the open app tells of a reminder, by `[notify]` and this terminal."""

    toast: bool
    notification: str | None
    """The terminal's own notification (osc9, osc777) or None: the bell, if on."""
    through_tmux: bool
    bell: bool
    why: str
    """What decided the notification (`cockpit.reminders.terminal.Notice.why`)."""
    names: str
    """The terminal's names it was decided by, or the setting."""

    def reason(self) -> str:
        """`why` in the user's words."""
        return Notice(self.notification, self.through_tmux, self.why, self.names).reason


def reminder_facts(toast: bool, bell: bool, terminal: str, env: dict[str, str]) -> ReminderFacts:
    """`[notify] toast`, `bell` and `terminal` as the app would apply them under `env`."""
    notice = decide(terminal, env)
    return ReminderFacts(toast, notice.kind, notice.tmux, bell, notice.why, notice.names)


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


def terminal_facts(env: dict[str, str], browser: list[str] | None = None) -> TerminalFacts:
    """The terminal as the TUI would meet it under `env`, with `[ui] browser` set to
    `browser`."""
    depth, reason = color_depth(env)
    found = find_browser(browser, env=env)
    return TerminalFacts(
        colors=depth,
        colors_reason=reason,
        tmux=bool(env.get("TMUX")),
        tmux_set_clipboard=tmux_set_clipboard(env),
        ssh=bool(env.get("SSH_CONNECTION") or env.get("SSH_TTY")),
        browser=found.via if found.ok else None,
        browser_from=("config" if browser else "system") if found.ok else None,
        browser_problem=None if found.ok else found.reason,
        browser_detail=None
        if found.ok
        else (found.detail if found.reason == "text-only" else found.via) or None,
    )
