"""The bytes of a workspace file: compact UTF-8 JSON holding an object of tables.

A leaf module (nothing of ours is imported), so the error sentences can check a
backup's copy of a file with the same rule as every read.
"""

from __future__ import annotations

from typing import Any

import orjson

Tables = dict[str, dict[str, Any]]


def encode(data: Tables) -> bytes:
    """Compact UTF-8 JSON (Chinese stays readable and small).

    orjson rather than the json module: encoding the hot file is most of a keypress's
    cost, and orjson does it about ten times faster (the bench's triage p95 depends on it).
    """
    return orjson.dumps(data)


def parse(raw: bytes) -> Tables:
    """The tables in `raw`.

    Raises:
        ValueError: the problem in a few words ("the file is empty", "invalid JSON at
            line 3 column 7", "not UTF-8 text", "not a table of records").
    """
    if not raw.strip():
        raise ValueError("the file is empty")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        if "utf-8" in str(exc).lower():
            raise ValueError("not UTF-8 text") from None
        raise ValueError(f"invalid JSON at line {exc.lineno} column {exc.colno}") from None
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise ValueError("not a table of records")
    return data
