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

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any

Check = Callable[[Any], str | None]
"""A field's rule: None when the value fits, else what is wrong ("a number (12)")."""

_WEEK = re.compile(r"\d{4}-W\d{2}")


def _what(value: Any) -> str:
    """The value as the sentence names it: its kind and a short view of it."""
    kind = {
        bool: "true/false",
        int: "a number",
        float: "a number",
        str: "text",
        list: "a list",
        dict: "a table",
        type(None): "empty (null)",
    }.get(type(value), type(value).__name__)
    shown = repr(value)
    return f"{kind} ({shown[:30]}{'…' if len(shown) > 30 else ''})" if value is not None else kind


class _Kind:
    """A rule that is only a JSON type: checked by exact type (so true is not a number),
    which `problem` does inline for speed."""

    def __init__(self, types: tuple[type, ...], expected: str, optional: bool = False) -> None:
        self.types = (*types, type(None)) if optional else types
        self.expected = expected

    def __call__(self, value: Any) -> str | None:
        if type(value) in self.types:
            return None
        return f"{_what(value)} where {self.expected} belongs"


def _kind(types: tuple[type, ...], expected: str, optional: bool = False) -> Check:
    return _Kind(types, expected, optional)


TEXT = _kind((str,), "text")
TEXT_OR_NONE = _kind((str,), "text", optional=True)
INT = _kind((int,), "a whole number")
BOOL = _kind((bool,), "true or false")
NUMBER = _kind((int, float), "a number")
NUMBER_OR_NONE = _kind((int, float), "a number", optional=True)


def _date(optional: bool) -> Check:
    def check(value: Any) -> str | None:
        if value is None and optional:
            return None
        if isinstance(value, str):
            try:
                dt.date.fromisoformat(value)
                return None
            except ValueError:
                pass
        return f"{_what(value)} where a date like 2026-11-20 belongs"

    return check


DATE = _date(False)
DATE_OR_NONE = _date(True)


def _date_or_empty(value: Any) -> str | None:
    return None if value == "" else DATE(value)  # "" = not given (a requirement's expected)


def _week(value: Any) -> str | None:
    if isinstance(value, str) and _WEEK.fullmatch(value):
        return None
    return f"{_what(value)} where a week like 2026-W47 belongs"


class _OneOf:
    """A rule that the value is one of a vocabulary (a list name, a tier …)."""

    def __init__(self, *choices: str) -> None:
        self.choices = choices

    def __call__(self, value: Any) -> str | None:
        if value in self.choices and type(value) is str:
            return None
        return f"{_what(value)} where one of {', '.join(self.choices)} belongs"


def _one_of(*choices: str) -> Check:
    return _OneOf(*choices)


def _list_of(inner: Check, expected: str) -> Check:
    def check(value: Any) -> str | None:
        if not isinstance(value, list):
            return f"{_what(value)} where a list of {expected} belongs"
        for element in value:
            if inner(element) is not None:
                return f"a list holding {_what(element)} where {expected} belongs"
        return None

    return check


def _history(value: Any) -> str | None:
    """An item's history (the review shows the last ones) or its annotations: [time,
    text] pairs."""
    if type(value) is list and all(
        type(e) is list and len(e) == 2 and type(e[0]) is str and type(e[1]) is str for e in value
    ):
        return None
    return f"{_what(value)} where a list of [time, change] pairs belongs"


def _pair(value: Any) -> str | None:
    if isinstance(value, list) and len(value) == 2 and all(isinstance(x, str) for x in value):
        return None
    return "not a pair of texts"


def _text_map(value: Any) -> str | None:
    if isinstance(value, dict) and all(isinstance(v, str | None) for v in value.values()):
        return None
    return "not a table of texts"


Shape = Mapping[str, Check]

ITEM: Shape = {
    "title": TEXT,
    "list": _one_of("key", "plan", "ops"),
    "week": _week,
    "status": _one_of("open", "done", "dropped"),
    "key": BOOL,
    "due": DATE_OR_NONE,
    "owner": TEXT,
    "customer": TEXT,
    "tags": _list_of(TEXT, "texts"),
    "notes": TEXT,
    "created": TEXT,
    "updated": TEXT,
    "done_at": TEXT_OR_NONE,
    "carried": INT,
    "seq": INT,
    "source": TEXT,
    "history": _history,
    "recur": TEXT,
    "annotations": _history,
}
CUSTOMER: Shape = {
    "name": TEXT,
    "tier": _one_of("top", "key", "normal"),
    "industry": TEXT,
    "region": TEXT,
    "source": _one_of("", "direct", "sales", "channel", "partner"),
    "owner": TEXT,
    "next_followup": DATE_OR_NONE,
    "last_touch": DATE_OR_NONE,
    "notes": TEXT,
    "created": TEXT,
    "stage": _one_of("lead", "opportunity", "customer", "churn-risk", "churned"),
    "stage_since": DATE_OR_NONE,
    "stage_from": _one_of("", "lead", "opportunity", "customer", "churn-risk", "churned"),
    "deal_value": NUMBER_OR_NONE,
    "churn_reason": TEXT,
}
TOUCH: Shape = {
    "customer_id": INT,
    "date": DATE,
    "channel": _one_of("call", "visit", "chat", "mail", "meeting"),
    "note": TEXT,
}
REQUIREMENT: Shape = {
    "title": TEXT,
    "status": _one_of(
        "collected", "reviewed", "planned", "in-development", "released", "closed", "rejected"
    ),
    "source": _one_of("customer", "ticket", "sales", "internal"),
    "customer": TEXT,
    "ref": TEXT,
    "kano": _one_of("", "must-be", "performance", "attractive", "indifferent", "reverse"),
    "priority": _one_of("P0", "P1", "P2", "P3"),
    "owner": TEXT,
    "release": TEXT,
    "notes": TEXT,
    "created": TEXT,
    "updated": TEXT,
    "log": _list_of(_text_map, "tables of texts"),
    "progress": INT,
    "expected": _date_or_empty,
    "risk": _one_of("", "none", "low", "high"),
    "risk_reason": TEXT,
}
LAUNCH_ITEM: Shape = {
    "no": INT,
    "title": TEXT,
    "offset": INT,
    "owner": TEXT,
    "note": TEXT,
    "state": _one_of("open", "done", "skipped"),
    "due": DATE_OR_NONE,
    "done_at": TEXT_OR_NONE,
}
NOTE: Shape = {
    "week": _week,
    "section": TEXT,
    "text": TEXT,
    "link": TEXT,
    "entry_id": INT,
    "created": TEXT,
    "comment": TEXT,
}
WEEK_NOTES: Shape = {"week": _week, "highlights": _list_of(TEXT, "texts"), "thoughts": TEXT}
ROUTINE: Shape = {
    "key": TEXT,
    "title_en": TEXT,
    "title_zh": TEXT,
    "weekdays": _list_of(INT, "weekday numbers"),
    "start": TEXT,
    "minutes": INT,
    "checklist": _list_of(_pair, "pairs of texts"),
    "skipped": _list_of(TEXT, "dates"),
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
    "feed_id": _kind((int,), "a feed id", optional=True),
}
MARKS: Shape = {"read": BOOL, "starred": BOOL}


def _launch(doc: dict[str, Any]) -> str | None:
    items = doc.get("items", [])
    if not isinstance(items, list):
        return f"items is {_what(items)} where a list of checklist items belongs"
    for n, item in enumerate(items, 1):
        problem = _record(item, LAUNCH_ITEM, "item", str(n))
        if problem:
            return problem
    return None


def _counters(doc: dict[str, Any]) -> str | None:
    for name, value in doc.items():
        if name.startswith("next_") and (wrong := INT(value)) is not None:
            return f"{name} is {wrong}"
    return None


def _metric_row(doc: dict[str, Any]) -> str | None:
    for name, value in doc.items():
        if not isinstance(value, str | int | float | None) or isinstance(value, bool):
            return f"{name} is {_what(value)} where a number or text belongs"
    return None


# file -> table -> (what one record is called, its fields, a check of the whole record)
Table = tuple[str, Shape, Callable[[dict[str, Any]], str | None] | None]
_REQUIRED = {"item": ("title",), "customer": ("name",), "launch": ("name", "golive", "items")}
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
    },
    "notes": {"notes": ("note", NOTE, None), "weeks": ("week's notes", WEEK_NOTES, None)},
    "calendar": {"routines": ("routine", ROUTINE, None)},
    "feeds": {"feeds": ("feed", FEED, None)},
    "entries": {"entries": ("entry", ENTRY, None)},
    "entry_state": {"state": ("entry mark", MARKS, None)},
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
        rules = _rules(shape)
        for key, doc in docs.items():
            if not key.isdigit():
                return f"table {table!r} has a record under {key!r}, which is not a number"
            found = _record(doc, shape, what, key, required, rules)
            if found is None and whole is not None and isinstance(doc, dict):
                inner = whole(doc)
                found = f"{what} {key}: {inner}" if inner else None
            if found:
                return found
    return None


Rules = dict[str, tuple[tuple[type, ...], Check, set[Any] | None]]


def _record(
    doc: Any,
    shape: Shape,
    what: str,
    key: str,
    required: tuple[str, ...] = (),
    rules: Rules | None = None,
) -> str | None:
    # One pass per record of a file read from disk (a 20k-item hot file at every CLI
    # run): plain types are checked inline, and a value another record already passed
    # with (a week, a status, a due date) is not checked again.
    if type(doc) is not dict:
        return f"{what} {key} is {_what(doc)}, not a record"
    for field in required:
        if field not in doc:
            return f"{what} {key} has no {field}"
    for field, value in doc.items():
        rule = (rules or _rules(shape)).get(field)
        if rule is None:
            continue
        types, check, passed = rule
        if type(value) in types:
            continue
        # Only texts are remembered: no rule that is not a plain type passes a number,
        # and True == 1 must never stand in for one another.
        text = passed is not None and type(value) is str
        if text and value in passed:  # type: ignore[operator]  # passed is a set
            continue
        if (wrong := check(value)) is not None:
            return f"{what} {key}: {field} is {wrong}"
        if text and len(passed) < _PASSED_MAX:  # type: ignore[arg-type]
            passed.add(value)  # type: ignore[union-attr]
    return None


_PASSED_MAX = 4096  # values remembered per rule (weeks, dates, names: a few hundred)
_RULES: dict[int, Rules] = {}


def _rules(shape: Shape) -> Rules:
    """Per field: the types that pass at once, the full check, and the texts seen to
    pass it (None for a plain type rule, which has nothing more to check). Cached."""
    found = _RULES.get(id(shape))
    if found is None:
        found = {}
        for field, check in shape.items():
            if isinstance(check, _Kind):
                found[field] = (check.types, check, None)
            else:
                found[field] = ((), check, set())
        _RULES[id(shape)] = found
    return found
