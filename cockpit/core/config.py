"""User settings, read from TOML and checked: one typed area per table
(`cockpit.core.settings`), unknown keys and tables named with a "did you mean".

```toml
language = "zh"                 # "en" or "zh": UI labels and relative times
timezone = "Asia/Shanghai"      # IANA name; default: the system's zone

[customers]
top_untouched_days = 14         # a top customer untouched this long is due a call

[[metrics.tables]]              # a monthly table of your own (README: "Tables of your own")
name = "extensions"
key = "extension"
columns = [{ name = "extension", type = "text" }, { name = "instances", type = "int" }]

[keys]                          # remap any binding by its id (see `?` in the app)
done = "x,space"
```
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from cockpit.core.errors import ConfigError, RoutineConfigError
from cockpit.core.settings import (
    LANGUAGES,
    SettingError,
    StorageSettings,
    closest,
    parse_sort,
    read_table,
)
from cockpit.core.text import clean_text

if TYPE_CHECKING:
    from cockpit.core.settings import (
        CaldavSettings,
        CalendarSettings,
        CustomerSettings,
        FeedSettings,
        MetricsSettings,
        NotifySettings,
        ReportSettings,
        UiSettings,
        ViewSettings,
    )

__all__ = [
    "AREAS",
    "LANGUAGES",
    "CaldavSettings",
    "CalendarSettings",
    "Config",
    "ConfigError",
    "CustomerSettings",
    "FeedSettings",
    "MetricsSettings",
    "NotifySettings",
    "ReportSettings",
    "StorageSettings",
    "UiSettings",
    "ViewSettings",
    "area_class",
    "load_config",
]


def __getattr__(name: str) -> Any:
    # The area classes, as `cockpit.core.settings` defines them: on first use (PEP 562).
    if name in __all__:
        from cockpit.core import settings

        value = getattr(settings, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


AREAS: dict[str, tuple[str, str]] = {
    "customers": ("areas", "CustomerSettings"),
    "storage": ("storage", "StorageSettings"),
    "feeds": ("areas", "FeedSettings"),
    "calendar": ("areas", "CalendarSettings"),
    "caldav": ("areas", "CaldavSettings"),
    "metrics": ("metric_tables", "MetricsSettings"),
    "report": ("areas", "ReportSettings"),
    "ui": ("areas", "UiSettings"),
    "notify": ("areas", "NotifySettings"),
}
"""Each table of the file and the typed settings it holds (also a `Config` attribute):
the module of `cockpit.core.settings` defining its class, and the class."""

TOP = ("language", "timezone")
OTHER_TABLES = ("keys", "routines", "views")

T = TypeVar("T")


def area_class(name: str) -> type[Any]:
    """The settings class of the table `name` (one of `AREAS`), imported on first use."""
    module, cls = AREAS[name]
    found: type[Any] = getattr(importlib.import_module(f"cockpit.core.settings.{module}"), cls)
    return found


class Area(Generic[T]):
    """One settings area of `Config` (`config.feeds`): its defaults are made, and its
    class defined, when it is first read. A command reads one or two of the nine;
    making all of them (twelve dataclasses with the metric tables') was two thirds
    of reading a config, ~5 ms of every `cockpit` run."""

    name = ""

    def __set_name__(self, owner: type[Any], name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type[Any]) -> Area[T]: ...

    @overload
    def __get__(self, obj: Config, owner: type[Any]) -> T: ...

    def __get__(self, obj: Config | None, owner: type[Any]) -> Area[T] | T:
        if obj is None:
            return self
        found = obj._areas.get(self.name)
        if found is None:  # setdefault: two threads reading it first get the same one
            found = obj._areas.setdefault(self.name, area_class(self.name)())
        return found  # type: ignore[no-any-return]

    def __set__(self, obj: Config, value: T) -> None:
        obj._areas[self.name] = value


class Config:
    """Everything the user can set; every field has a safe default.

    Written out rather than a dataclass so that each area (`Area`) is made only when
    read; it compares, copies (`replace`) and shows itself as the dataclass did.
    """

    __slots__ = ("_areas", "keys", "language", "path", "routines", "timezone", "views")

    language: str
    """UI language: `en` or `zh` (also switches humanize's relative times)."""

    timezone: str | None
    """IANA zone for weeks and "today"; None means the system's zone."""

    keys: dict[str, str]
    """`[keys]`: binding id -> comma-separated keys, applied with Textual's keymap."""

    routines: list[dict[str, Any]]
    """`[[routines]]`: changes to the default routines and new ones (routine_config)."""

    views: dict[str, ViewSettings]
    """`[views.NAME]`: named filters and sorts of the daily panels, in file order."""

    path: Path | None
    """The file this was read from, if any."""

    customers: Area[CustomerSettings] = Area()
    storage: Area[StorageSettings] = Area()
    feeds: Area[FeedSettings] = Area()
    calendar: Area[CalendarSettings] = Area()
    caldav: Area[CaldavSettings] = Area()
    metrics: Area[MetricsSettings] = Area()
    report: Area[ReportSettings] = Area()
    ui: Area[UiSettings] = Area()
    notify: Area[NotifySettings] = Area()

    def __init__(
        self,
        language: str = "en",
        timezone: str | None = None,
        keys: dict[str, str] | None = None,
        routines: list[dict[str, Any]] | None = None,
        views: dict[str, ViewSettings] | None = None,
        *,
        path: Path | None = None,
        **areas: Any,
    ) -> None:
        unknown = set(areas) - set(AREAS)
        if unknown:  # a misspelt area is an error, not a silent new field
            raise TypeError(f"Config has no area {sorted(unknown)[0]!r}")
        self.language = language
        self.timezone = timezone
        self.keys = {} if keys is None else keys
        self.routines = [] if routines is None else routines
        self.views = {} if views is None else views
        self.path = path
        self._areas: dict[str, Any] = dict(areas)

    def _fields(self) -> dict[str, Any]:
        fields = {n: getattr(self, n) for n in ("language", "timezone", "keys", "routines")}
        fields["views"] = self.views
        fields.update((name, getattr(self, name)) for name in AREAS)
        fields["path"] = self.path
        return fields

    def replace(self, **changes: Any) -> Config:
        """A copy with `changes` (as `dataclasses.replace`); areas not changed are shared."""
        fields = {n: getattr(self, n) for n in ("language", "timezone", "keys", "routines")}
        fields.update(views=self.views, path=self.path, **self._areas)
        fields.update(changes)
        return Config(**fields)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Config):
            return NotImplemented
        return self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]  # mutable, as the dataclass was

    def __repr__(self) -> str:
        return "Config(" + ", ".join(f"{k}={v!r}" for k, v in self._fields().items()) + ")"


def load_config(path: Path | None) -> Config:
    """Read `path` (missing file = defaults), checking every key and value.

    Raises:
        ConfigError: one sentence naming the file and the problem (an unknown key or
            table with the closest known name, a wrong type, a value out of bounds).
    """
    cfg = Config(path=path)
    if path is None or not path.exists():
        return cfg
    # Imported here, for start-up time: most runs have no config file to parse.
    import tomllib

    try:
        # utf-8-sig: Notepad and some editors start a UTF-8 file with a byte-order mark.
        raw: dict[str, Any] = _clean(tomllib.loads(path.read_text(encoding="utf-8-sig")))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError("err.config.read", path=path, problem=clean_text(str(exc))) from None
    try:
        _read(raw, cfg)
    except SettingError as exc:
        raise ConfigError("err.config", path=path, problem=exc.message) from None
    return cfg


def _read(raw: dict[str, Any], cfg: Config) -> None:
    known = [*TOP, *AREAS, *OTHER_TABLES]
    for key in raw:
        if key not in known:
            what = "err.setting.no_table" if isinstance(raw[key], dict) else "err.setting.no_key"
            raise SettingError(what, name=key, mean=closest(key, known))
    lang = raw.get("language", cfg.language)
    if lang not in LANGUAGES:
        raise SettingError("err.setting.language", choices=list(LANGUAGES), value=lang)
    cfg.language = lang
    tz = raw.get("timezone")
    if tz is not None:
        _check_zone(tz)
        cfg.timezone = tz
    for name in AREAS:
        cls = area_class(name)
        table = raw.get(name, {})
        if not isinstance(table, dict):
            raise SettingError("err.setting.table", name=name)
        if name == "ui" and "browser" in table:
            table = {**table, "browser": _browser(table["browser"])}
        own_tables = table.get("tables") if name == "metrics" else None
        if own_tables is not None:
            table = {k: v for k, v in table.items() if k != "tables"}
        setattr(cfg, name, read_table(cls, table, f"[{name}]"))
        if own_tables is not None:
            from cockpit.core.settings.metric_tables import read_metric_tables

            cfg.metrics.tables = read_metric_tables(own_tables)
    cfg.notify.at = _clock_time(cfg.notify.at, "[notify] at")
    keys = raw.get("keys", {})
    if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
        raise SettingError("err.config.keys")
    cfg.keys = dict(keys)
    cfg.views = read_views(raw.get("views", {}))
    if "routines" in raw:
        # Imported only when there are entries, for start-up time (the routine model
        # and its labels are not needed to read a config without them).
        from cockpit.core.routine_entries import parse_entries

        try:
            cfg.routines = parse_entries(raw["routines"])
        except RoutineConfigError as exc:
            raise SettingError(exc.key, **exc.fields) from None


def read_views(raw: Any) -> dict[str, ViewSettings]:
    """`[views.NAME]` tables, each checked like an area (unknown keys, types) and its
    sort keys named; the filter's words are the finder's and are checked where it runs
    (`cockpit.find.views`), which knows today's date for `due:`."""
    from cockpit.core.settings.areas import ViewSettings  # imported here, for start-up time

    if not isinstance(raw, dict) or not all(isinstance(v, dict) for v in raw.values()):
        raise SettingError("err.view.shape")
    views = {}
    for name, table in raw.items():
        where = f"[views.{name}]"
        if not name.strip():
            raise SettingError("err.view.no_name")
        view = read_table(ViewSettings, table, where)
        parse_sort(view.sort, f"{where} sort")
        views[name.strip()] = view
    return views


def _browser(value: Any) -> list[str] | None:
    # Imported only when set, for start-up time (every command reads the config).
    from cockpit.core.browser import parse_command

    try:
        return parse_command(value)
    except ValueError as exc:
        raise SettingError("err.config.browser", problem=str(exc)) from None


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


# Patterns as text, compiled (and cached by `re`) on first use: only a config file with
# `[notify] at`, or a theme being saved, needs them.
_CLOCK = r"([01]?\d|2[0-3]):([0-5]\d)"


def _clock_time(value: str, name: str) -> str:
    """A time of day as `HH:MM` (`9:00` is `09:00`)."""
    found = re.fullmatch(_CLOCK, value.strip())
    if found is None:
        raise SettingError("err.setting.clock", name=name, value=f'"{value}"')
    return f"{int(found.group(1)):02d}:{found.group(2)}"


def _check_zone(name: object) -> None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    if not isinstance(name, str):
        raise SettingError("err.setting.zone_text", value=name)
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingError("err.config.zone", name=name) from None
