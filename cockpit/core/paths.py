"""Where the workspace and the config live (resolved lazily, never at import time)."""

from __future__ import annotations

import os
from pathlib import Path


def default_data_dir() -> Path:
    """`COCKPIT_DATA_DIR`, else the platform's user data directory for cockpit."""
    env = os.environ.get("COCKPIT_DATA_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return platformdirs.user_data_path("cockpit")


def default_config_file() -> Path:
    """`COCKPIT_CONFIG`, else `config.toml` in the platform's user config directory."""
    env = os.environ.get("COCKPIT_CONFIG")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return platformdirs.user_config_path("cockpit") / "config.toml"
