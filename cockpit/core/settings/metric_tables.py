"""`[[metrics.tables]]`: monthly tables of one's own beside the five built in, their
columns, and the checks of their names and columns (`read_metric_tables`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cockpit.core.settings.read import SettingError, closest, read_table, setting

COLUMN_TYPES = ("int", "money", "text", "date")
BUILTIN_TABLES = ("revenue", "opportunities", "ops", "projects", "tickets")
"""The tables built into `cockpit.metrics.specs` (a test keeps the two in step): a table
of one's own may not take their names."""
RESERVED_NAMES = ("month", "table", "id", "seq", "meta")
"""Names a custom table or column may not take: the month column, the export's table
column, the JSON id, storage's edit counter and id counters."""


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
