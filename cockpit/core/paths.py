"""Where the workspace and the config live (resolved lazily, never at import time).

Each is found by the first of: the command-line flag, the cockpit environment variable,
the platform's user directory (on Linux and the BSDs that honours `XDG_CONFIG_HOME` /
`XDG_DATA_HOME`, an easy thing to inherit without knowing). `locate_*` also say which
rule gave the answer, so `cockpit doctor` can tell the user why a file is (not) read.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NamedTuple

CONFIG_ENV = "COCKPIT_CONFIG"
DATA_ENV = "COCKPIT_DATA_DIR"


class Located(NamedTuple):
    """A path and the rule that chose it.

    (A NamedTuple: every command makes its records' classes, and a dataclass costs ~0.5 ms
    at start-up, a NamedTuple a fifth of that.)
    """

    path: Path
    source: str
    """`flag`, `env`, `xdg` or `default` (the platform's own directory)."""
    detail: str
    """The flag or variable that decided, as the user would type it (`--config`,
    `COCKPIT_CONFIG`, `XDG_CONFIG_HOME=/x`), or `platformdirs` for the default."""


def _xdg(var: str) -> str | None:
    """The XDG variable platformdirs follows on this platform, when it is set."""
    if sys.platform in ("darwin", "win32"):
        return None
    value = os.environ.get(var, "").strip()
    return value or None


def locate_config(flag: Path | None = None) -> Located:
    """The config file: `--config`, else `COCKPIT_CONFIG`, else the user config dir."""
    if flag is not None:
        return Located(flag, "flag", "--config")
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Located(Path(env).expanduser(), "env", CONFIG_ENV)
    import platformdirs

    path = platformdirs.user_config_path("cockpit") / "config.toml"
    xdg = _xdg("XDG_CONFIG_HOME")
    if xdg is not None:
        return Located(path, "xdg", f"XDG_CONFIG_HOME={xdg}")
    return Located(path, "default", "platformdirs")


def locate_data_dir(flag: Path | None = None) -> Located:
    """The workspace: `--data-dir`, else `COCKPIT_DATA_DIR`, else the user data dir."""
    if flag is not None:
        return Located(flag, "flag", "--data-dir")
    env = os.environ.get(DATA_ENV)
    if env:
        return Located(Path(env).expanduser(), "env", DATA_ENV)
    import platformdirs

    path = platformdirs.user_data_path("cockpit")
    xdg = _xdg("XDG_DATA_HOME")
    if xdg is not None:
        return Located(path, "xdg", f"XDG_DATA_HOME={xdg}")
    return Located(path, "default", "platformdirs")


def shadowed_config() -> Path | None:
    """`~/.config/cockpit/config.toml` when an `XDG_CONFIG_HOME` elsewhere hides it."""
    if _xdg("XDG_CONFIG_HOME") is None:
        return None
    return Path.home() / ".config" / "cockpit" / "config.toml"


def shadowed_data_dir() -> Path | None:
    """`~/.local/share/cockpit` when an `XDG_DATA_HOME` elsewhere hides it."""
    if _xdg("XDG_DATA_HOME") is None:
        return None
    return Path.home() / ".local" / "share" / "cockpit"


def default_data_dir() -> Path:
    """`COCKPIT_DATA_DIR`, else the platform's user data directory for cockpit."""
    return locate_data_dir().path


def default_config_file() -> Path:
    """`COCKPIT_CONFIG`, else `config.toml` in the platform's user config directory."""
    return locate_config().path
