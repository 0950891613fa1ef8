"""Schema versions of a workspace and the steps between them.

Each step upgrades the files in place, atomically per file, under the workspace lock
(the caller holds it) and after the daily backup, so a failed step loses nothing.

- 1: items without `seq` / `updated` (the first layout).
- 2: every item carries `updated` (last change, ISO time) and `seq` (edit counter),
  which calendar export uses for DTSTAMP and SEQUENCE.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from cockpit.storage.atomic import atomic_write
from cockpit.storage.errors import SchemaError
from cockpit.storage.jsonstore import decode, encode

CURRENT_SCHEMA = 2


def _v1_to_v2(root: Path) -> None:
    for name in ("items", "archive"):
        path = root / f"{name}.json"
        if not path.exists():
            continue
        data = decode(path, path.read_bytes())
        for doc in data.get("items", {}).values():
            doc.setdefault("updated", doc.get("created") or doc.get("done_at") or "")
            doc.setdefault("seq", 0)
        atomic_write(path, encode(data))


STEPS: dict[int, Callable[[Path], None]] = {1: _v1_to_v2}


def migrate(root: Path, version: int) -> None:
    """Run every step from `version` up to CURRENT_SCHEMA."""
    while version < CURRENT_SCHEMA:
        step = STEPS.get(version)
        if step is None:
            raise SchemaError(f"{root}: no migration from schema {version}")
        try:
            step(root)
        except (OSError, json.JSONDecodeError) as exc:
            raise SchemaError(f"{root}: migration from schema {version} failed: {exc}") from None
        version += 1
