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
COLUMN_TYPES = ("int", "money", "text", "date")
BUILTIN_TABLES = ("revenue", "opportunities", "ops", "projects", "tickets")
"""The tables built into `cockpit.metrics.specs` (a test keeps the two in step): a table
of one's own may not take their names."""
RESERVED_NAMES = ("month", "table", "id", "seq", "meta")
"""Names a custom table or column may not take: the month column, the export's table
column, the JSON id, storage's edit counter and id counters."""

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

    concurrency: int = setting(32, low=1, high=64)
    """Feeds fetched at once: a list of 60 feeds takes two rounds of requests, not four
    (each round waits for the slowest server; `per_host` keeps each host at 4)."""

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

    watch: list[str] = field(default_factory=list)
    """Watch words (competitors, products: `"pgvector"`, `"PostgreSQL 18"`, `"国产数据库"`):
    entries naming one are highlighted and counted, and a new one raises a toast. Any
    case; Latin words match whole words, Chinese ones anywhere in the text."""


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
class MetricColumnSettings:
    """One entry of a table's `columns` in `[[metrics.tables]]`."""

    name: str = setting("")
    """The column's key: lower-case letters, digits and `_` (also a CSV header)."""

    type: str = setting("int", choices=COLUMN_TYPES)
    """`int` (a count), `money`, `text` or `date`; the month column is always there."""

    en: str | None = setting(None)
    """The English label (screen, CSV header); default: the name."""

    zh: str | None = setting(None)
    """The Chinese label (screen, CSV header, e.g. 使用实例数); default: the English one."""

    aliases: list[str] = field(default_factory=list)
    """Further CSV headers this column answers to (e.g. a spreadsheet's own wording)."""


@dataclass(slots=True)
class MetricTableSettings:
    """`[[metrics.tables]]`: a monthly table of your own, beside the five built in."""

    name: str = setting("")
    """The table's key (`cockpit metrics show --table NAME`): lower-case letters, digits, `_`."""

    en: str | None = setting(None)
    """The English name shown on screen; default: the key."""

    zh: str | None = setting(None)
    """The Chinese name (e.g. 插件使用); default: the English one."""

    key: str | None = setting(None)
    """A text column that names a row within a month (e.g. `extension`): several rows a
    month, their numbers summed for the trends and compared as shares. None: one row a month."""

    headline: str | None = setting(None)
    """The numeric column of the daily summary line; default: the first numeric one."""

    columns: list[MetricColumnSettings] = field(default_factory=list)
    """The columns after the month, in order (`{ name = "calls", type = "int" }`)."""


@dataclass(slots=True)
class MetricsSettings:
    """`[metrics]`: the monthly tables' trends, and tables of your own."""

    threshold: float = setting(0.2, low=0.001, high=10.0)
    """A month-over-month move beyond this share (0.2 = 20%) is an inflection."""

    tables: list[MetricTableSettings] = field(default_factory=list)
    """`[[metrics.tables]]`: further monthly tables (see `read_metric_tables`)."""


@dataclass(slots=True)
class ReportSettings:
    """`[report]`: the weekly report (周报)."""

    language: str | None = setting(None, choices=LANGUAGES)
    """Headings of the weekly report: `en` or `zh` (default: the UI's language)."""


@dataclass(slots=True)
class UiSettings:
    """`[ui]`: how the TUI looks and reaches the rest of the desktop."""

    browser: list[str] | None = field(default=None)
    """The command that opens links: an argv list, or a string split like a shell does;
    the URL is appended and no shell runs it. Unset: the system's graphical browser."""

    theme: str | None = None
    """The colour theme (a name from the palette's "app: change theme", which saves the
    one picked here). Unset: Textual's default, textual-dark. Checked when the TUI starts."""


TERMINAL_NOTICES = ("auto", "osc9", "osc777", "off")


@dataclass(slots=True)
class NotifySettings:
    """`[notify]`: reminders of the open app (`cockpit.reminders`), each at most once a
    day per item, whichever cockpit (or `cockpit remind --mark`) raised it."""

    toast: bool = setting(True)
    """A toast in the app."""

    terminal: str = setting("auto", choices=TERMINAL_NOTICES)
    """The terminal's own notification: `osc9` (iTerm2, kitty, WezTerm, Ghostty),
    `osc777` (foot, VTE terminals, urxvt), `auto` (told from the terminal; inside tmux
    only with `allow-passthrough`) or `off`."""

    bell: bool = setting(True)
    """The bell, when no terminal notification went out."""

    lead_minutes: int = setting(10, low=0, high=24 * 60)
    """A routine (or a timed calendar event) is announced this many minutes before it starts."""

    days_ahead: int = setting(0, low=0, high=30)
    """A dated item or follow-up is announced this many days before its date (0: on the day)."""

    at: str = setting("09:00")
    """From what time of day (HH:MM) dated items and follow-ups are announced."""


SORT_KEYS = ("due", "customer", "tag", "age", "title", "week")
"""What a view may sort the daily panels by (`age`: oldest first, `-age` newest first)."""


@dataclass(slots=True)
class ViewSettings:
    """`[views.NAME]`: a named view of the daily panels (palette "view: NAME",
    `cockpit ls --view NAME`)."""

    filter: str = setting("")
    """What the panels keep, in the finder's words: `@瀚海银行 due:week +pg list:key status:`
    and free words (all must hold)."""

    sort: str = setting("")
    """Order within each panel: keys from `SORT_KEYS`, comma-separated, `-` first for
    descending (`"customer,due"`, `"-age"`); empty: the panels' own order."""


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
    if base is bool:
        if not isinstance(value, bool):
            raise SettingError("err.setting.bool", name=name, value=_shown(value))
    elif base is int:
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


def parse_sort(text: str, where: str = "sort") -> tuple[tuple[str, bool], ...]:
    """`"customer,-age"` as ((key, descending), ...); empty text: no sort of its own.

    Raises:
        SettingError: a key that is not in `SORT_KEYS` (with the closest one).
    """
    out = []
    for part in text.replace(" ", ",").split(","):
        key = part.strip().casefold()
        if not key:
            continue
        descending = key.startswith("-")
        key = key.lstrip("+-")
        if key not in SORT_KEYS:
            raise SettingError(
                "err.view.sort", name=where, key=part.strip(), keys=list(SORT_KEYS),
                mean=closest(key, list(SORT_KEYS)),
            )  # fmt: skip
        out.append((key, descending))
    return tuple(out)


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


# tables of one's own ------------------------------------------------------------------
_NAME = "abcdefghijklmnopqrstuvwxyz0123456789_"


def _check_name(name: str, what: str) -> None:
    if not name:
        raise SettingError("err.tables.no_name", what=what)
    if len(name) > 32 or not name[0].isalpha() or any(c not in _NAME for c in name):
        raise SettingError("err.tables.bad_name", what=what, name=name)
    if name in RESERVED_NAMES:
        raise SettingError("err.tables.reserved", what=what, name=name)


def read_metric_tables(value: Any, where: str = "[[metrics.tables]]") -> list[MetricTableSettings]:
    """The tables of one's own, each key and value checked, and the table as a whole:
    a unique name that no built-in table has, unique column names, at least one number
    column, a `key` that names a text column and a `headline` that names a number one.

    Raises:
        SettingError: one sentence naming the table (by its name, or its position).
    """
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise SettingError("err.tables.shape", where=where)
    out: list[MetricTableSettings] = []
    for n, entry in enumerate(value, 1):
        name = entry.get("name")
        here = f"{where} {name!r}" if isinstance(name, str) and name else f"{where} #{n}"
        columns = entry.get("columns", [])
        table = read_table(
            MetricTableSettings, {k: v for k, v in entry.items() if k != "columns"}, here
        )
        _check_name(table.name, here)
        if table.name in BUILTIN_TABLES:
            raise SettingError("err.tables.builtin", what=here, name=table.name)
        if any(t.name == table.name for t in out):
            raise SettingError("err.tables.twice", what=here)
        if not isinstance(columns, list) or not all(isinstance(c, dict) for c in columns):
            raise SettingError("err.tables.columns", what=here)
        for m, raw in enumerate(columns, 1):
            col = read_table(MetricColumnSettings, raw, f"{here} column #{m}")
            _check_name(col.name, f"{here} column #{m}")
            if any(c.name == col.name for c in table.columns):
                raise SettingError("err.tables.column_twice", what=here, name=col.name)
            table.columns.append(col)
        _check_table(table, here)
        out.append(table)
    return out


def _check_table(table: MetricTableSettings, here: str) -> None:
    names = [c.name for c in table.columns]
    numbers = [c.name for c in table.columns if c.type in ("int", "money")]
    if not numbers:
        raise SettingError("err.tables.no_numbers", what=here)
    if table.key is not None:
        col = next((c for c in table.columns if c.name == table.key), None)
        if col is None or col.type != "text":
            texts = [c.name for c in table.columns if c.type == "text"]
            raise SettingError(
                "err.tables.key",
                what=here,
                name=table.key,
                choices=texts or ["-"],
                mean=closest(table.key, names),
            )
    if table.headline is None:
        table.headline = numbers[0]
    elif table.headline not in numbers:
        raise SettingError(
            "err.tables.headline",
            what=here,
            name=table.headline,
            choices=numbers,
            mean=closest(table.headline, numbers),
        )
