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

if TYPE_CHECKING:  # the book calls in here; the type is for annotations only
    from cockpit.calendar.routines import RoutineBook


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
