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

LANGUAGES = ("en", "zh")


class ConfigError(ValueError):
    """The config file exists but says something we cannot use."""


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
        raw: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read config {path}: {exc}") from None
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
    keys = raw.get("keys", {})
    if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
        raise ConfigError(f'config {path}: [keys] maps binding ids to strings like "x,space"')
    cfg.keys = dict(keys)
    return cfg


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
