"""The field checks a record shape is made of (a text, a date, one of a few words, a
list of them) and the pass that checks one record against its shape. The shapes
themselves, one per kind of record, are in `storage.shapes`.

Reading costs one pass over the records, only when the file changed on disk.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any

Check = Callable[[Any], str | None]
"""A field's rule: None when the value fits, else what is wrong ("a number (12)")."""

_WEEK = re.compile(r"\d{4}-W\d{2}")


def described(value: Any) -> str:
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


class Kind:
    """A rule that is only a JSON type: checked by exact type (so true is not a number),
    which `problem` does inline for speed."""

    def __init__(self, types: tuple[type, ...], expected: str, optional: bool = False) -> None:
        self.types = (*types, type(None)) if optional else types
        self.expected = expected

    def __call__(self, value: Any) -> str | None:
        if type(value) in self.types:
            return None
        return f"{described(value)} where {self.expected} belongs"


def kind(types: tuple[type, ...], expected: str, optional: bool = False) -> Check:
    return Kind(types, expected, optional)


TEXT = kind((str,), "text")
TEXT_OR_NONE = kind((str,), "text", optional=True)
INT = kind((int,), "a whole number")
BOOL = kind((bool,), "true or false")
NUMBER = kind((int, float), "a number")
NUMBER_OR_NONE = kind((int, float), "a number", optional=True)


def date_check(optional: bool) -> Check:
    def check(value: Any) -> str | None:
        if value is None and optional:
            return None
        if isinstance(value, str):
            try:
                dt.date.fromisoformat(value)
                return None
            except ValueError:
                pass
        return f"{described(value)} where a date like 2026-11-20 belongs"

    return check


DATE = date_check(False)
DATE_OR_NONE = date_check(True)


def date_or_empty(value: Any) -> str | None:
    return None if value == "" else DATE(value)  # "" = not given (a requirement's expected)


def week(value: Any) -> str | None:
    if isinstance(value, str) and _WEEK.fullmatch(value):
        return None
    return f"{described(value)} where a week like 2026-W47 belongs"


class OneOf:
    """A rule that the value is one of a vocabulary (a list name, a tier …)."""

    def __init__(self, *choices: str) -> None:
        self.choices = choices

    def __call__(self, value: Any) -> str | None:
        if value in self.choices and type(value) is str:
            return None
        return f"{described(value)} where one of {', '.join(self.choices)} belongs"


def one_of(*choices: str) -> Check:
    return OneOf(*choices)


def list_of(inner: Check, expected: str) -> Check:
    def check(value: Any) -> str | None:
        if not isinstance(value, list):
            return f"{described(value)} where a list of {expected} belongs"
        for element in value:
            if inner(element) is not None:
                return f"a list holding {described(element)} where {expected} belongs"
        return None

    return check


def history(value: Any) -> str | None:
    """An item's history (the review shows the last ones) or its annotations: [time,
    text] pairs."""
    if type(value) is list and all(
        type(e) is list and len(e) == 2 and type(e[0]) is str and type(e[1]) is str for e in value
    ):
        return None
    return f"{described(value)} where a list of [time, change] pairs belongs"


def pair(value: Any) -> str | None:
    if isinstance(value, list) and len(value) == 2 and all(isinstance(x, str) for x in value):
        return None
    return "not a pair of texts"


def text_map(value: Any) -> str | None:
    if isinstance(value, dict) and all(isinstance(v, str | None) for v in value.values()):
        return None
    return "not a table of texts"


Shape = Mapping[str, Check]

Rules = dict[str, tuple[tuple[type, ...], Check, set[Any] | None]]


def record(
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
        return f"{what} {key} is {described(doc)}, not a record"
    for field in required:
        if field not in doc:
            return f"{what} {key} has no {field}"
    for field, value in doc.items():
        rule = (rules or rules_of(shape)).get(field)
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


def rules_of(shape: Shape) -> Rules:
    """Per field: the types that pass at once, the full check, and the texts seen to
    pass it (None for a plain type rule, which has nothing more to check). Cached."""
    found = _RULES.get(id(shape))
    if found is None:
        found = {}
        for field, check in shape.items():
            if isinstance(check, Kind):
                found[field] = (check.types, check, None)
            else:
                found[field] = ((), check, set())
        _RULES[id(shape)] = found
    return found
