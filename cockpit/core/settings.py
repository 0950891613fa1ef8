"""Typed settings: one dataclass per table of config.toml, a docstring under every field.

A field's metadata carries its bounds (`low`, `high`) or its `choices`. `read_table`
checks one TOML table against its class and says exactly what is wrong, in one
sentence: a key that is not a setting (with the closest one: "did you mean"), a value
of the wrong type (`true` is not a number), a number outside its bounds. Nothing in a
config file is silently ignored.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from typing import Any, TypeVar

from cockpit.core.errors import CockpitError
from cockpit.core.i18n import Message, msg

LANGUAGES = ("en", "zh")

T = TypeVar("T")


def setting(
    default: Any,
    *,
    low: float | None = None,
    high: float | None = None,
    choices: tuple[str, ...] = (),
) -> Any:
    """A field with its checks (defaults are immutable: a list is a `field` of its own)."""
    return field(default=default, metadata={"low": low, "high": high, "choices": choices})


@dataclass(slots=True)
class CustomerSettings:
    """`[customers]`: who is due a call."""

    top_untouched_days: int = setting(14, low=1, high=365)
    """A top-tier customer with no touch for this many days shows as due."""


@dataclass(slots=True)
class StorageSettings:
    """`[storage]`: the hot file, the archive and the daily backups."""

    archive_after_weeks: int = setting(4, low=1, high=520)
    """Finished items older than this many weeks move from the hot file to the archive."""

    backups_keep: int = setting(7, low=1, high=365)
    """How many daily backups to keep."""


@dataclass(slots=True)
class FeedSettings:
    """`[feeds]`: the background refresh and what one refresh may cost."""

    refresh_minutes: int = setting(30, low=0, high=24 * 60)
    """Background refresh interval in the TUI, in minutes (0: only when `r` is pressed)."""

    concurrency: int = setting(16, low=1, high=64)
    """Feeds fetched at once."""

    per_host: int = setting(4, low=1, high=16)
    """Feeds fetched at once from one host."""

    keep: int = setting(200, low=1, high=10_000)
    """Newest entries kept per feed (starred ones are always kept)."""

    max_bytes: int = setting(10_000_000, low=10_000, high=500_000_000)
    """Cap on a feed's decoded size in bytes, enforced while downloading."""

    timeout: float = setting(10.0, low=0.5, high=300.0)
    """Connect and read timeout, in seconds."""

    parse_processes: int = setting(-1, low=-1, high=16)
    """Processes parsing feeds: -1 auto (2 on 2+ cores), 0 one background thread."""


@dataclass(slots=True)
class CalendarSettings:
    """`[calendar]`: subscribed calendars and the agenda."""

    subscribe: list[str] = field(default_factory=list)
    """.ics files or URLs whose events join today's agenda."""

    days: int = setting(3, low=1, high=14)
    """How many days the agenda shows (today first)."""


@dataclass(slots=True)
class CaldavSettings:
    """`[caldav]`: the server `cockpit ical sync` talks to."""

    url: str | None = setting(None)
    """The calendar collection's URL."""

    username: str | None = setting(None)
    """The account on that server."""

    password_command: str | None = setting(None)
    """A command whose first output line is the password (it is never stored)."""


@dataclass(slots=True)
class MetricsSettings:
    """`[metrics]`: the monthly tables' trends."""

    threshold: float = setting(0.2, low=0.001, high=10.0)
    """A month-over-month move beyond this share (0.2 = 20%) is an inflection."""


@dataclass(slots=True)
class ReportSettings:
    """`[report]`: the weekly report (周报)."""

    language: str | None = setting(None, choices=LANGUAGES)
    """Headings of the weekly report: `en` or `zh` (default: the UI's language)."""


@dataclass(slots=True)
class UiSettings:
    """`[ui]`: how the TUI reaches the rest of the desktop."""

    browser: list[str] | None = field(default=None)
    """The command that opens links: an argv list, or a string split like a shell does;
    the URL is appended and no shell runs it. Unset: the system's graphical browser."""


# checking -----------------------------------------------------------------------------
class SettingError(CockpitError, ValueError):
    """What is wrong with one table, as the end of a sentence ("[feeds] ...")."""


def names_of(cls: type) -> list[str]:
    """The settings of an area class, in order."""
    return [f.name for f in dataclasses.fields(cls)]


def closest(name: str, known: list[str]) -> Message | str:
    """ " (did you mean "x"?)" for the nearest known name, or "" when none is near."""
    # Imported on a mistake only, for start-up time: every command reads the config.
    import difflib

    match = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return msg("err.setting.mean", name=match[0]) if match else ""


def read_table(cls: type[T], table: dict[str, Any], where: str) -> T:
    """An instance of `cls` from a TOML table, every key and value checked.

    Args:
        cls: one of the area classes above.
        table: the parsed TOML table.
        where: how the table is named in a sentence ("[feeds]").

    Raises:
        SettingError: an unknown key, a wrong type or a value out of bounds.
    """
    fields = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    hints = typing.get_type_hints(cls)
    values: dict[str, Any] = {}
    for key, value in table.items():
        spec = fields.get(key)
        if spec is None:
            known = list(fields)
            raise SettingError(
                "err.setting.unknown", where=where, key=key, mean=closest(key, known), known=known
            )
        values[key] = _checked(f"{where} {key}", value, hints[key], spec.metadata)
    return cls(**values)


def _checked(name: str, value: Any, hint: Any, meta: Any) -> Any:
    args = typing.get_args(hint)
    base = next((a for a in args if a is not type(None)), hint) if _is_union(hint) else hint
    if typing.get_origin(base) is list:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise SettingError("err.setting.list", name=name, value=_shown(value))
        return list(value)
    if base is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise SettingError("err.setting.whole", name=name, value=_shown(value))
    elif base is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise SettingError("err.setting.number", name=name, value=_shown(value))
        value = float(value)
    elif base is str:
        if not isinstance(value, str):
            raise SettingError("err.setting.text", name=name, value=_shown(value))
        choices = meta.get("choices") or ()
        if choices and value not in choices:
            raise SettingError(
                "err.setting.choices", name=name, choices=list(choices), value=_shown(value)
            )
    low, high = meta.get("low"), meta.get("high")
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if number and ((low is not None and value < low) or (high is not None and value > high)):
        raise SettingError(
            "err.setting.range", name=name, low=_num(low), high=_num(high), value=_num(value)
        )
    return value


def _is_union(hint: Any) -> bool:
    return isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union


def _num(value: float | None) -> str:
    if value is None:
        return "any"
    return f"{value:,}".replace(",", "_") if isinstance(value, int) else f"{value:g}"


def _shown(value: Any) -> str:
    """A value as it is written in TOML (true, 3, "text", [1, 2])."""
    # Imported on a mistake only, for start-up time: every command reads the config.
    import json

    try:
        text = json.dumps(value, ensure_ascii=False, default=str)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"
