"""Routines from config.toml: change a default routine by its key, add new ones, or
switch one off — applied to the workspace once each time the config's routines change.

```toml
[[routines]]
key = "mon_meeting"             # a default's key changes that routine; a new key adds one
title = "Product weekly meeting"
title_zh = "产品项目周会"
weekdays = ["mon"]              # mon..sun, or 1..7 with 1 = Monday
start = "10:30"
minutes = 90
checklist = ["Features: owner, progress, risk", "Bugs | Bug 分布"]   # "English | 中文"

[[routines]]
key = "fri_reading"
enabled = false                 # removes it
```
Edits made in the routines screen stay until the config's routine entries change again.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from tinydb.table import Document

from cockpit.routine_model import validate

if TYPE_CHECKING:
    from cockpit.routines import RoutineBook

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
FIELDS = {"key", "title", "title_zh", "weekdays", "start", "minutes", "checklist", "enabled"}


class RoutineConfigError(ValueError):
    """A [[routines]] entry that cannot be used; `str()` names the entry and the field."""


def parse_entries(raw: object) -> list[dict[str, Any]]:
    """Check the [[routines]] array's shape and turn entries into routine fields.

    Raises:
        RoutineConfigError: one sentence naming the entry (its key) and the problem.
    """
    if not isinstance(raw, list):
        raise RoutineConfigError("[[routines]] must be an array of tables")
    out = []
    for n, entry in enumerate(raw, 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("key"), str):
            raise RoutineConfigError(f'routine entry {n} needs a key = "…"')
        name = entry["key"]
        unknown = set(entry) - FIELDS
        if unknown:
            raise RoutineConfigError(f"routine {name!r}: unknown field {sorted(unknown)[0]!r}")
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
            raise RoutineConfigError(f"routine {name!r}: {exc}") from None
        out.append(fields)
    return out


def apply(book: RoutineBook, entries: list[dict[str, Any]]) -> bool:
    """Bring the workspace's routines in line with `entries` if they changed since the
    last time; returns True when it wrote. Not an undo step: it is configuration."""
    stamp = hashlib.sha256(json.dumps(entries, sort_keys=True).encode()).hexdigest()[:16]
    files = book.ws.files
    meta = files.raw("calendar").get("meta", {}).get("2", {})
    if meta.get("routines_config") == stamp:
        return False
    undo_depth = len(book.ws.undo_stack)
    by_key = {r.key: r for r in book.all() if r.key}
    for fields in entries:
        fields = dict(fields)
        enabled = fields.pop("enabled")
        current = by_key.get(fields["key"])
        if not enabled:
            if current is not None:
                book.remove(current.id)
            continue
        if current is not None:
            changes = {k: v for k, v in fields.items() if k != "key"}
            if changes:
                book.edit(current.id, **changes)
        elif "weekdays" in fields and "start" in fields:
            key = fields.pop("key")
            book.add(
                fields.pop("title_en", "") or key,
                fields.pop("title_zh", ""),
                key=key,
                weekdays=fields.pop("weekdays"),
                start=fields.pop("start"),
                **fields,
            )
    del book.ws.undo_stack[undo_depth:]
    with files.transaction("calendar"):
        files.table("calendar", "meta").upsert(Document({"routines_config": stamp}, doc_id=2))
    return True


def _list(name: str, value: object) -> list[Any]:
    if isinstance(value, str):
        return [part for part in value.replace(";", ",").split(",") if part.strip()]
    if isinstance(value, list):
        return value
    raise RoutineConfigError(f"routine {name!r}: expected a list")


def _day(name: str, value: object) -> int:
    text = str(value).strip().lower()[:3]
    if text in DAYS:
        return DAYS.index(text)
    if text.isdigit() and 1 <= int(text) <= 7:
        return int(text) - 1
    raise RoutineConfigError(f"routine {name!r}: {value!r} is not a weekday (mon..sun or 1..7)")


def _line(text: str) -> tuple[str, str]:
    en, _, zh = text.partition("|")
    return (en.strip(), (zh or en).strip())
