"""The [[routines]] entries of config.toml, checked when the config is read.

Only the shape and values are checked here (so a bad entry stops start-up with one
sentence naming it); `cockpit.calendar.routine_config` applies them to the workspace.
"""

from __future__ import annotations

import re
from typing import Any

from cockpit.core.errors import RoutineConfigError
from cockpit.core.routine import validate

__all__ = ["DAYS", "FIELDS", "RoutineConfigError", "parse_entries"]

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
FIELDS = {"key", "title", "title_zh", "weekdays", "start", "minutes", "checklist", "enabled"}


def parse_entries(raw: object) -> list[dict[str, Any]]:
    """Check the [[routines]] array's shape and turn entries into routine fields.

    Raises:
        RoutineConfigError: one sentence naming the entry (its key) and the problem.
    """
    if not isinstance(raw, list):
        raise RoutineConfigError("err.routines.array")
    out = []
    for n, entry in enumerate(raw, 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("key"), str):
            raise RoutineConfigError("err.routines.key", n=n)
        name = entry["key"]
        unknown = set(entry) - FIELDS
        if unknown:
            raise RoutineConfigError("err.routines.unknown", name=name, field=sorted(unknown)[0])
        fields: dict[str, Any] = {"key": name, "enabled": entry.get("enabled", True) is not False}
        if "title" in entry:
            fields["title_en"] = str(entry["title"])
        if "title_zh" in entry:
            fields["title_zh"] = str(entry["title_zh"])
        if "weekdays" in entry:
            fields["weekdays"] = [_day(name, d) for d in _list(name, entry["weekdays"])]
        for plain in ("start", "minutes"):
            if plain in entry:
                fields[plain] = entry[plain]
        if "checklist" in entry:
            fields["checklist"] = [_line(str(x)) for x in _list(name, entry["checklist"])]
        try:
            validate({k: v for k, v in fields.items() if k != "enabled"})
        except ValueError as exc:
            raise RoutineConfigError("err.routines.entry", name=name, problem=exc) from None
        out.append(fields)
    return out


def _list(name: str, value: object) -> list[Any]:
    if isinstance(value, str):
        return [part for part in value.replace(";", ",").split(",") if part.strip()]
    if isinstance(value, list):
        return value
    raise RoutineConfigError("err.routines.list", name=name)


_ZH_DAY = re.compile(r"^(?:周|星期|礼拜)([一二三四五六日天七])$")
_ZH_DAYS = "一二三四五六"


def _day(name: str, value: object) -> int:
    raw = str(value).strip()
    zh = _ZH_DAY.match(raw)
    if zh:  # 周一 … 周日 (星期天, 礼拜七 too), as a Chinese config is written
        return _ZH_DAYS.index(zh[1]) if zh[1] in _ZH_DAYS else 6
    text = raw.lower()[:3]
    if text in DAYS:
        return DAYS.index(text)
    if text.isdigit() and 1 <= int(text) <= 7:
        return int(text) - 1
    raise RoutineConfigError("err.routines.weekday", name=name, value=value)


def _line(text: str) -> tuple[str, str]:
    en, _, zh = text.partition("|")
    return (en.strip(), (zh or en).strip())
