"""Opening a workspace for a command or the TUI: config, clock, files, maintenance."""

from __future__ import annotations

import datetime as dt
import os
from argparse import Namespace
from pathlib import Path

from cockpit.core import i18n
from cockpit.core.clock import Clock, FrozenClock, SystemClock, local_zone
from cockpit.core.config import Config, load_config
from cockpit.core.paths import locate_config, locate_data_dir
from cockpit.items.workspace import Workspace


def make_clock(config: Config) -> Clock:
    """The system clock in the configured zone.

    `COCKPIT_NOW` (an ISO time) freezes it: tests, benchmarks and the README's screen
    captures use it so that output does not depend on today's date. A frozen day after
    the real one (by the system clock, in the same zone) is a *preview*: the workspace
    is shown and changed as on that day, but no daily backup or archive sweep is made
    for a day that has not come (it would skip the real day's backup).
    """
    tz = local_zone(config.timezone)
    frozen = os.environ.get("COCKPIT_NOW")
    if frozen:
        when = dt.datetime.fromisoformat(frozen)
        when = when if when.tzinfo else when.replace(tzinfo=tz)
        ahead = when.astimezone(tz).date() > dt.datetime.now(tz).date()
        return FrozenClock(when, tz, preview=ahead)
    return SystemClock(tz)


def load_settings(args: Namespace) -> Config:
    """Config from `--config`, `COCKPIT_CONFIG` or the platform's config dir."""
    path: Path = locate_config(args.config).path
    config = load_config(path)
    i18n.set_language(config.language)
    return config


def open_workspace(args: Namespace, clock: Clock | None = None) -> Workspace:
    """The workspace of `--data-dir` (or the default), opened and maintained for today."""
    config = load_settings(args)
    root: Path = locate_data_dir(args.data_dir).path
    ws = Workspace(root, clock or getattr(args, "clock", None) or make_clock(config), config)
    ws.maintain()
    return ws
