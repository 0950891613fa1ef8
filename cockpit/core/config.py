"""User settings, read from TOML.

```toml
language = "zh"                 # "en" or "zh": UI labels and relative times
timezone = "Asia/Shanghai"      # IANA name; default: the system's zone

[customers]
top_untouched_days = 14         # a top customer untouched this long is due a call

[keys]                          # remap any binding by its id (see `?` in the app)
done = "x,space"
```
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cockpit.core.errors import ConfigError, RoutineConfigError
from cockpit.core.text import clean_text

__all__ = ["LANGUAGES", "Config", "ConfigError", "load_config"]

LANGUAGES = ("en", "zh")


@dataclass
class Config:
    """Everything the user can set; every field has a safe default."""

    language: str = "en"
    """UI language: `en` or `zh` (also switches humanize's relative times)."""

    timezone: str | None = None
    """IANA zone for weeks and "today"; None means the system's zone."""

    top_untouched_days: int = 14
    """A top-tier customer with no touch for this many days shows as due."""

    archive_after_weeks: int = 4
    """Finished items older than this move from the hot file to the archive."""

    backups_keep: int = 7
    """How many daily backups to keep."""

    keys: dict[str, str] = field(default_factory=dict)
    """Binding id -> comma-separated keys, applied with Textual's keymap."""

    feeds_refresh_minutes: int = 30
    """[feeds] refresh_minutes: background refresh interval in the TUI (0 = only on `R`)."""

    feeds_concurrency: int = 16
    """[feeds] concurrency: feeds fetched at once."""

    feeds_per_host: int = 4
    """[feeds] per_host: feeds fetched at once from one host."""

    feeds_keep: int = 200
    """[feeds] keep: newest entries kept per feed (starred ones are always kept)."""

    feeds_max_bytes: int = 10_000_000
    """[feeds] max_bytes: cap on a feed's decoded size, enforced while downloading."""

    feeds_timeout: float = 10.0
    """[feeds] timeout: connect and read timeout in seconds."""

    feeds_parse_processes: int = -1
    """[feeds] parse_processes: processes parsing feeds (-1 auto: 2 on 2+ cores, 0 a thread)."""

    calendar_subscribe: list[str] = field(default_factory=list)
    """[calendar] subscribe: .ics files or URLs whose events join today's agenda."""

    calendar_days: int = 3
    """[calendar] days: how many days the agenda shows (today first)."""

    caldav_url: str | None = None
    """[caldav] url: the calendar collection's URL for `cockpit ical sync`."""

    caldav_username: str | None = None
    """[caldav] username."""

    caldav_password_command: str | None = None
    """[caldav] password_command: its first output line is the password (never stored)."""

    metrics_threshold: float = 0.2
    """[metrics] threshold: a month-over-month move beyond this share is an inflection."""

    routines: list[dict[str, Any]] = field(default_factory=list)
    """[[routines]]: changes to the default routines and new ones (see routine_config)."""

    report_language: str | None = None
    """[report] language: headings of the weekly report; default: `language`."""

    ui_browser: list[str] | None = None
    """[ui] browser: the command that opens links (argv list, or a string split like a
    shell does); the URL is appended; never run through a shell. None: the system's."""

    path: Path | None = None
    """The file this was read from, if any."""


def load_config(path: Path | None) -> Config:
    """Read `path` (missing file = defaults).

    Raises:
        ConfigError: one sentence naming the file and the problem.
    """
    cfg = Config(path=path)
    if path is None or not path.exists():
        return cfg
    try:
        # utf-8-sig: Notepad and some editors start a UTF-8 file with a byte-order mark.
        raw: dict[str, Any] = _clean(tomllib.loads(path.read_text(encoding="utf-8-sig")))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read config {path}: {clean_text(str(exc))}") from None
    lang = raw.get("language", cfg.language)
    if lang not in LANGUAGES:
        raise ConfigError(f"config {path}: language must be one of {', '.join(LANGUAGES)}")
    cfg.language = lang
    tz = raw.get("timezone")
    if tz is not None:
        _check_zone(path, tz)
        cfg.timezone = tz
    customers = raw.get("customers", {})
    cfg.top_untouched_days = _positive(path, customers, "top_untouched_days", 14)
    storage = raw.get("storage", {})
    cfg.archive_after_weeks = _positive(path, storage, "archive_after_weeks", 4)
    cfg.backups_keep = _positive(path, storage, "backups_keep", 7)
    _load_areas(path, raw, cfg)
    keys = raw.get("keys", {})
    if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
        raise ConfigError(f'config {path}: [keys] maps binding ids to strings like "x,space"')
    cfg.keys = dict(keys)
    return cfg


def _load_areas(path: Path, raw: dict[str, Any], cfg: Config) -> None:
    """The [feeds], [calendar], [caldav], [metrics] and [report] tables."""
    feeds = _table(path, raw, "feeds")
    minutes = feeds.get("refresh_minutes", cfg.feeds_refresh_minutes)
    if not isinstance(minutes, int) or minutes < 0:
        raise ConfigError(f"config {path}: refresh_minutes must be 0 or more")
    cfg.feeds_refresh_minutes = minutes
    cfg.feeds_concurrency = _positive(path, feeds, "concurrency", cfg.feeds_concurrency)
    cfg.feeds_per_host = _positive(path, feeds, "per_host", cfg.feeds_per_host)
    cfg.feeds_keep = _positive(path, feeds, "keep", cfg.feeds_keep)
    cfg.feeds_max_bytes = _positive(path, feeds, "max_bytes", cfg.feeds_max_bytes)
    timeout = feeds.get("timeout", cfg.feeds_timeout)
    if not isinstance(timeout, int | float) or timeout <= 0:
        raise ConfigError(f"config {path}: timeout must be a positive number of seconds")
    cfg.feeds_timeout = float(timeout)
    processes = feeds.get("parse_processes", cfg.feeds_parse_processes)
    if not isinstance(processes, int) or processes < -1:
        raise ConfigError(f"config {path}: parse_processes must be -1 (auto), 0 or more")
    cfg.feeds_parse_processes = processes

    calendar = _table(path, raw, "calendar")
    subscribe = calendar.get("subscribe", [])
    if not isinstance(subscribe, list) or not all(isinstance(x, str) for x in subscribe):
        raise ConfigError(f"config {path}: [calendar] subscribe is a list of files or URLs")
    cfg.calendar_subscribe = list(subscribe)
    cfg.calendar_days = _positive(path, calendar, "days", cfg.calendar_days)

    caldav = _table(path, raw, "caldav")
    for name in ("url", "username", "password_command"):
        value = caldav.get(name)
        if value is not None and not isinstance(value, str):
            raise ConfigError(f"config {path}: [caldav] {name} must be a string")
        setattr(cfg, f"caldav_{name}", value)

    metrics = _table(path, raw, "metrics")
    threshold = metrics.get("threshold", cfg.metrics_threshold)
    if not isinstance(threshold, int | float) or not 0 < threshold < 10:
        raise ConfigError(f"config {path}: [metrics] threshold is a share like 0.2")
    cfg.metrics_threshold = float(threshold)

    if "routines" in raw:
        # Imported only when there are entries, for start-up time (the routine model
        # and its labels are not needed to read a config without them).
        from cockpit.core.routine_entries import parse_entries

        try:
            cfg.routines = parse_entries(raw["routines"])
        except RoutineConfigError as exc:
            raise ConfigError(f"config {path}: {exc}") from None

    ui = _table(path, raw, "ui")
    if "browser" in ui:
        # Imported only when set, for start-up time (every command reads the config).
        from cockpit.core.browser import parse_command

        try:
            cfg.ui_browser = parse_command(ui["browser"])
        except ValueError as exc:
            raise ConfigError(f"config {path}: [ui] browser: {exc}") from None

    report = _table(path, raw, "report")
    lang = report.get("language")
    if lang is not None and lang not in LANGUAGES:
        raise ConfigError(f"config {path}: [report] language must be one of en, zh")
    cfg.report_language = lang


def _clean(value: Any) -> Any:
    """Every string of the config without escape sequences or invisible characters:
    names, titles and paths from it reach the screen and the workspace."""
    if isinstance(value, str):
        return clean_text(value, multiline=True)
    if isinstance(value, dict):
        return {clean_text(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def _table(path: Path, raw: dict[str, Any], name: str) -> dict[str, Any]:
    table = raw.get(name, {})
    if not isinstance(table, dict):
        raise ConfigError(f"config {path}: [{name}] must be a table")
    return table


def _positive(path: Path, table: dict[str, Any], name: str, default: int) -> int:
    value = table.get(name, default)
    if not isinstance(value, int) or value < 1:
        raise ConfigError(f"config {path}: {name} must be a positive whole number")
    return value


def _check_zone(path: Path, name: object) -> None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(str(name))
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"config {path}: unknown timezone {name!r}") from None
