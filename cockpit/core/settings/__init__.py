"""Typed settings: one dataclass per table of config.toml, a docstring under every field.

A field's metadata carries its bounds (`low`, `high`) or its `choices`. `read_table`
(`settings.read`) checks one TOML table against its class and says exactly what is
wrong, in one sentence: a key that is not a setting (with the closest one: "did you
mean"), a value of the wrong type (`true` is not a number), a number outside its
bounds. Nothing in a config file is silently ignored. Tables of one's own
(`[[metrics.tables]]`) are in `settings.metric_tables`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from cockpit.core.settings.read import (
    SORT_KEYS,
    SettingError,
    closest,
    names_of,
    parse_sort,
    read_table,
    setting,
)
from cockpit.core.settings.storage import StorageSettings

LANGUAGES = ("en", "zh")

if TYPE_CHECKING:
    from cockpit.core.settings.areas import (
        TERMINAL_NOTICES,
        CaldavSettings,
        CalendarSettings,
        CustomerSettings,
        FeedSettings,
        NotifySettings,
        ReportSettings,
        UiSettings,
        ViewSettings,
    )
    from cockpit.core.settings.metric_tables import (
        BUILTIN_TABLES,
        COLUMN_TYPES,
        RESERVED_NAMES,
        MetricColumnSettings,
        MetricsSettings,
        MetricTableSettings,
        read_metric_tables,
    )

# The other areas are defined on first use (PEP 562): making a dataclass costs ~0.5 ms,
# and a command that reads only `[storage]` (`cockpit add`) would make all twelve.
_LAZY = {
    **dict.fromkeys(
        (
            "TERMINAL_NOTICES",
            "CaldavSettings",
            "CalendarSettings",
            "CustomerSettings",
            "FeedSettings",
            "NotifySettings",
            "ReportSettings",
            "UiSettings",
            "ViewSettings",
        ),
        "areas",
    ),
    **dict.fromkeys(
        (
            "BUILTIN_TABLES",
            "COLUMN_TYPES",
            "RESERVED_NAMES",
            "MetricColumnSettings",
            "MetricsSettings",
            "MetricTableSettings",
            "read_metric_tables",
        ),
        "metric_tables",
    ),
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "BUILTIN_TABLES",
    "COLUMN_TYPES",
    "LANGUAGES",
    "RESERVED_NAMES",
    "SORT_KEYS",
    "TERMINAL_NOTICES",
    "CaldavSettings",
    "CalendarSettings",
    "CustomerSettings",
    "FeedSettings",
    "MetricColumnSettings",
    "MetricTableSettings",
    "MetricsSettings",
    "NotifySettings",
    "ReportSettings",
    "SettingError",
    "StorageSettings",
    "UiSettings",
    "ViewSettings",
    "closest",
    "names_of",
    "parse_sort",
    "read_metric_tables",
    "read_table",
    "setting",
]
