"""What a record of each workspace file must look like, checked whenever a file is read
from disk, so a hand-edited or damaged file stops with the corrupt-file sentence (the
file, the problem, the restore command) instead of a traceback somewhere later.

A title that is a number, tags that are a string, a due date that is an int or not a
date, a record that is a list, an id that is not a number: each is named, with the
record ("item 3: title is a number (12) where text belongs"). Only the fields the
program reads are checked; a field a newer cockpit added is left alone. The shapes are
written out here because storage imports nothing of ours; `tests/unit/test_shapes.py`
proves they match the records' dataclasses and the domain's vocabularies.

Reading costs one pass over the records, only when the file changed on disk: a keypress
writes its own (valid) data and never re-reads it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from cockpit.storage.checks import (
    BOOL,
    DATE,
    DATE_OR_NONE,
    INT,
    NUMBER,
    NUMBER_OR_NONE,
    TEXT,
    TEXT_OR_NONE,
    Shape,
    date_or_empty,
    described,
    history,
    kind,
    list_of,
    one_of,
    pair,
    record,
    rules_of,
    text_map,
    week,
)

ITEM: Shape = {
    "title": TEXT,
    "list": one_of("key", "plan", "ops"),
    "week": week,
    "status": one_of("open", "done", "dropped"),
    "key": BOOL,
    "due": DATE_OR_NONE,
    "owner": TEXT,
    "customer": TEXT,
    "tags": list_of(TEXT, "texts"),
    "notes": TEXT,
    "created": TEXT,
    "updated": TEXT,
    "done_at": TEXT_OR_NONE,
    "carried": INT,
    "seq": INT,
    "source": TEXT,
    "history": history,
    "recur": TEXT,
    "annotations": history,
}
CUSTOMER: Shape = {
    "name": TEXT,
    "tier": one_of("top", "key", "normal"),
    "industry": TEXT,
    "region": TEXT,
    "source": one_of("", "direct", "sales", "channel", "partner"),
    "owner": TEXT,
    "next_followup": DATE_OR_NONE,
    "last_touch": DATE_OR_NONE,
    "notes": TEXT,
    "created": TEXT,
    "stage": one_of("lead", "opportunity", "customer", "churn-risk", "churned"),
    "stage_since": DATE_OR_NONE,
    "stage_from": one_of("", "lead", "opportunity", "customer", "churn-risk", "churned"),
    "deal_value": NUMBER_OR_NONE,
    "churn_reason": TEXT,
}
TOUCH: Shape = {
    "customer_id": INT,
    "date": DATE,
    "channel": one_of("call", "visit", "chat", "mail", "meeting"),
    "note": TEXT,
}
REQUIREMENT: Shape = {
    "title": TEXT,
    "status": one_of(
        "collected", "reviewed", "planned", "in-development", "released", "closed", "rejected"
    ),
    "source": one_of("customer", "ticket", "sales", "internal"),
    "customer": TEXT,
    "ref": TEXT,
    "kano": one_of("", "must-be", "performance", "attractive", "indifferent", "reverse"),
    "priority": one_of("P0", "P1", "P2", "P3"),
    "owner": TEXT,
    "release": TEXT,
    "notes": TEXT,
    "created": TEXT,
    "updated": TEXT,
    "log": list_of(text_map, "tables of texts"),
    "progress": INT,
    "expected": date_or_empty,
    "risk": one_of("", "none", "low", "high"),
    "risk_reason": TEXT,
}
KEY_RESULT: Shape = {
    "title": TEXT,
    "measure": one_of("metric", "items", "reqs"),
    "table": TEXT,
    "column": TEXT,
    "target": NUMBER,
    "start": NUMBER,
    "agg": one_of("sum", "last"),
    "links": list_of(INT, "ids"),
}
OBJECTIVE: Shape = {
    "title": TEXT,
    "quarter": TEXT,
    "owner": TEXT,
    "created": TEXT,
    "updated": TEXT,
}
LAUNCH_ITEM: Shape = {
    "no": INT,
    "title": TEXT,
    "offset": INT,
    "owner": TEXT,
    "note": TEXT,
    "state": one_of("open", "done", "skipped"),
    "due": DATE_OR_NONE,
    "done_at": TEXT_OR_NONE,
}
NOTE: Shape = {
    "week": week,
    "section": TEXT,
    "text": TEXT,
    "link": TEXT,
    "entry_id": INT,
    "created": TEXT,
    "comment": TEXT,
}
WEEK_NOTES: Shape = {"week": week, "highlights": list_of(TEXT, "texts"), "thoughts": TEXT}
ROUTINE: Shape = {
    "key": TEXT,
    "title_en": TEXT,
    "title_zh": TEXT,
    "weekdays": list_of(INT, "weekday numbers"),
    "start": TEXT,
    "minutes": INT,
    "checklist": list_of(pair, "pairs of texts"),
    "skipped": list_of(TEXT, "dates"),
    "updated": TEXT,
    "seq": INT,
    "since": TEXT,
}
FEED: Shape = {
    "url": TEXT,
    "title": TEXT,
    "category": TEXT,
    "html_url": TEXT_OR_NONE,
    "enabled": BOOL,
    "status": TEXT,
    "error": TEXT,
    "etag": TEXT_OR_NONE,
    "last_modified": TEXT_OR_NONE,
    "last_fetch": TEXT_OR_NONE,
    "failures": INT,
    "next_retry": TEXT_OR_NONE,
    "entries": INT,
    "last_new": INT,
    "last_bytes": INT,
    "last_elapsed": NUMBER,
    "last_ok": TEXT_OR_NONE,
    "body_hash": TEXT_OR_NONE,
    "auto_title": BOOL,
}
ENTRY: Shape = {
    "feed": TEXT,
    "category": TEXT,
    "title": TEXT,
    "link": TEXT_OR_NONE,
    "published": TEXT,
    "summary": TEXT,
    "content": TEXT,
    "feed_id": kind((int,), "a feed id", optional=True),
}
MARKS: Shape = {"read": BOOL, "starred": BOOL}


def _launch(doc: dict[str, Any]) -> str | None:
    items = doc.get("items", [])
    if not isinstance(items, list):
        return f"items is {described(items)} where a list of checklist items belongs"
    for n, item in enumerate(items, 1):
        problem = record(item, LAUNCH_ITEM, "item", str(n))
        if problem:
            return problem
    return None


def _objective(doc: dict[str, Any]) -> str | None:
    krs = doc.get("krs", [])
    if not isinstance(krs, list):
        return f"krs is {described(krs)} where a list of key results belongs"
    for n, kr in enumerate(krs, 1):
        problem = record(kr, KEY_RESULT, "key result", str(n), ("title",))
        if problem:
            return problem
    return None


def _sent(doc: dict[str, Any]) -> str | None:
    """A day of reminders: what was told (a key such as `item:12`) and when (ISO)."""
    sent = doc.get("sent", {})
    if type(sent) is not dict:
        return f"sent is {described(sent)} where a table of reminders belongs"
    for key, when in sent.items():
        if type(when) is not str:
            return f"sent {key!r} is {described(when)} where a time belongs"
    return None


def _counters(doc: dict[str, Any]) -> str | None:
    for name, value in doc.items():
        if name.startswith("next_") and (wrong := INT(value)) is not None:
            return f"{name} is {wrong}"
    return None


def _metric_row(doc: dict[str, Any]) -> str | None:
    for name, value in doc.items():
        if not isinstance(value, str | int | float | None) or isinstance(value, bool):
            return f"{name} is {described(value)} where a number or text belongs"
    return None


# file -> table -> (what one record is called, its fields, a check of the whole record)
Table = tuple[str, Shape, Callable[[dict[str, Any]], str | None] | None]
_REQUIRED = {
    "item": ("title",),
    "customer": ("name",),
    "launch": ("name", "golive", "items"),
    "objective": ("title", "quarter"),
}
SHAPES: dict[str, dict[str, Table]] = {
    "items": {"items": ("item", ITEM, None)},
    "archive": {"items": ("item", ITEM, None)},
    "customers": {
        "customers": ("customer", CUSTOMER, None),
        "touches": ("touch", TOUCH, None),
    },
    "planning": {
        "requirements": ("requirement", REQUIREMENT, None),
        "launches": ("launch", {"name": TEXT, "golive": DATE, "template": TEXT}, _launch),
        "objectives": ("objective", OBJECTIVE, _objective),
    },
    "notes": {"notes": ("note", NOTE, None), "weeks": ("week's notes", WEEK_NOTES, None)},
    "calendar": {"routines": ("routine", ROUTINE, None)},
    "feeds": {"feeds": ("feed", FEED, None)},
    "entries": {"entries": ("entry", ENTRY, None)},
    "entry_state": {"state": ("entry mark", MARKS, None)},
    "reminders": {"days": ("reminder day", {"day": DATE, "seq": INT}, _sent)},
}


def problem(name: str, data: Mapping[str, Any]) -> str | None:
    """What is wrong with the records of file `name` (None when nothing is), in words."""
    tables = dict(SHAPES.get(name, {}))
    if name == "metrics":
        tables = {t: ("row", {"month": TEXT}, _metric_row) for t in data if t != "meta"}
    if "meta" in data:  # id counters: `next_item` and the like
        tables["meta"] = ("counter record", {}, _counters)
    for table, (what, shape, whole) in tables.items():
        docs = data.get(table)
        if docs is None:
            continue
        required = _REQUIRED.get(what, ())
        rules = rules_of(shape)
        for key, doc in docs.items():
            if not key.isdigit():
                return f"table {table!r} has a record under {key!r}, which is not a number"
            found = record(doc, shape, what, key, required, rules)
            if found is None and whole is not None and isinstance(doc, dict):
                inner = whole(doc)
                found = f"{what} {key}: {inner}" if inner else None
            if found:
                return found
    return None
