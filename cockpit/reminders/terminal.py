"""How the terminal is told: its own notification (OSC 9 or OSC 777) where it has one,
wrapped for tmux's passthrough inside tmux, else nothing (the app rings the bell).

`[notify] terminal = "auto"` tells the terminal from its environment: `TERM_PROGRAM`,
`TERM`, `KITTY_WINDOW_ID`, `VTE_VERSION`. Inside tmux those name tmux, so tmux is asked
which terminal its client is (`client_termtype`, the terminal's own answer to XTVERSION,
and `client_termname`) and whether it passes sequences through (`allow-passthrough`):
without it tmux swallows them, and the bell (which tmux forwards) is the fallback. A
terminal that does not know a sequence ignores it; one that is not told of stays quiet.

Every text is made one safe line here: no control character can end the sequence early
or start another, a `;` cannot split OSC 777's title from its body, and OSC 9's text
never starts with a digit (ConEmu and Windows Terminal read `9;4;…` as commands).
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from cockpit.core.i18n import t

ESC = "\x1b"
BEL = "\x07"
MAX_TEXT = 240  # characters of a notification: a banner shows one or two lines

# (what a terminal is called in TERM_PROGRAM, TERM or tmux's client_termtype/-name,
# the sequence it shows), first match wins.
KNOWN: tuple[tuple[str, str], ...] = (
    ("iterm", "osc9"),
    ("kitty", "osc9"),
    ("wezterm", "osc777"),
    ("ghostty", "osc777"),
    ("foot", "osc777"),
    ("rxvt-unicode", "osc777"),
    ("urxvt", "osc777"),
    ("vte", "osc777"),
)

Ask = Callable[[list[str]], str | None]
"""Runs `tmux ARGS` and returns its output (None when tmux cannot say)."""


@dataclass(frozen=True, slots=True)
class Notice:
    """How this terminal is told of a reminder."""

    kind: str | None
    """`osc9`, `osc777`, or None: no notification of its own (the bell then)."""
    tmux: bool
    """Wrapped in tmux's passthrough."""
    why: str = ""
    """What decided it, for `cockpit doctor`: `off`, `set`, `unknown`, `known` or
    `no_passthrough` (worded by `reason`, in the language of the moment)."""
    names: str = ""
    """The terminal's names as found (`iterm.app/xterm-256color`), or the setting."""

    @property
    def reason(self) -> str:
        """`why` in words, e.g. "iterm.app shows osc9, through tmux"."""
        if not self.why:
            return ""
        names = self.names or t("remind.why.unnamed")
        text = t(f"remind.why.{self.why}", names=names, kind=self.kind or "", setting=names)
        return t("remind.why.tmux", reason=text) if self.tmux else text


def decide(setting: str, env: dict[str, str], ask: Ask | None = None) -> Notice:
    """The notification for `[notify] terminal = setting` under `env`.

    Args:
        setting: `auto`, `osc9`, `osc777` or `off`.
        env: the app's environment.
        ask: runs tmux (default: the `tmux` on PATH), only inside tmux.
    """
    if setting == "off":
        return Notice(None, False, "off")
    in_tmux = bool(env.get("TMUX"))
    ask = ask or _tmux(env)
    if setting in ("osc9", "osc777"):
        kind, why, shown = setting, "set", setting
    else:
        names = _names(env, ask) if in_tmux else _own_names(env)
        known = next((k for name, k in KNOWN if any(name in n for n in names)), None)
        if known is None:
            return Notice(None, False, "unknown", "/".join(names))
        kind, why, shown = known, "known", "/".join(names)
    if in_tmux:
        passing = (ask(["display", "-p", "#{allow-passthrough}"]) or "").strip()
        if passing not in ("1", "on", "all"):  # tmux 3.3 shows a flag as 1 or 0
            return Notice(None, False, "no_passthrough")
        return Notice(kind, True, why, shown)
    return Notice(kind, False, why, shown)


def sequence(notice: Notice, title: str, body: str) -> str:
    """The bytes that show `title` and `body` as the terminal's notification ("" when
    it has none)."""
    if notice.kind == "osc9":
        text = one_line(f"{title}: {body}" if body else title)
        if text[:1].isdigit():
            text = f"cockpit: {text}"
        seq = f"{ESC}]9;{text}{BEL}"
    elif notice.kind == "osc777":
        seq = f"{ESC}]777;notify;{one_line(title).replace(';', ',')};{one_line(body)}{BEL}"
    else:
        return ""
    return tmux_wrap(seq) if notice.tmux else seq


def tmux_wrap(seq: str) -> str:
    """`seq` for the terminal outside tmux: DCS passthrough, every ESC doubled."""
    return f"{ESC}Ptmux;{seq.replace(ESC, ESC + ESC)}{ESC}\\"


def one_line(text: str) -> str:
    """`text` without control or format characters (a line break becomes a space),
    cut to `MAX_TEXT` characters."""
    kept = []
    for ch in text:
        category = unicodedata.category(ch)
        if category in ("Cc", "Cf", "Zl", "Zp"):
            kept.append(" " if ch in "\n\r\t\u2028\u2029" else "")
        else:
            kept.append(ch)
    out = " ".join("".join(kept).split())
    return out if len(out) <= MAX_TEXT else out[: MAX_TEXT - 1] + "…"


def _own_names(env: dict[str, str]) -> list[str]:
    names = [env.get("TERM_PROGRAM", ""), env.get("TERM", "")]
    if env.get("KITTY_WINDOW_ID"):
        names.append("kitty")
    if env.get("VTE_VERSION"):
        names.append("vte")
    return [n.casefold() for n in names if n]


def _names(env: dict[str, str], ask: Ask) -> list[str]:
    """The terminal tmux's client runs in, as tmux knows it."""
    found = ask(["display", "-p", "#{client_termtype}\n#{client_termname}"]) or ""
    return [n.strip().casefold() for n in found.splitlines() if n.strip()]


def _tmux(env: dict[str, str]) -> Ask:
    def ask(args: list[str]) -> str | None:
        if shutil.which("tmux", path=env.get("PATH")) is None:
            return None
        target = ["-t", env["TMUX_PANE"]] if env.get("TMUX_PANE") else []
        argv = ["tmux", args[0], *target, *args[1:]]
        try:
            done = subprocess.run(
                argv, env=env, capture_output=True, text=True, timeout=3, check=False
            )
        except (OSError, subprocess.SubprocessError):
            return None
        return done.stdout if done.returncode == 0 else None

    return ask
