"""Reading one table of config.toml into its settings class: every key and value
checked (`read_table`), and the one-sentence error (`SettingError`) that names what is
wrong; `setting` declares a field's bounds or choices for it."""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import field
from typing import Any, TypeVar

from cockpit.core.errors import CockpitError
from cockpit.core.i18n import Message, msg

T = TypeVar("T")

SORT_KEYS = ("due", "customer", "tag", "age", "title", "week")
"""What a view may sort the daily panels by (`age`: oldest first, `-age` newest first)."""


def setting(
    default: Any,
    *,
    low: float | None = None,
    high: float | None = None,
    choices: tuple[str, ...] = (),
) -> Any:
    """A field with its checks (defaults are immutable: a list is a `field` of its own)."""
    return field(default=default, metadata={"low": low, "high": high, "choices": choices})


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
