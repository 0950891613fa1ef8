"""The record shapes storage checks (`cockpit/storage/shapes.py`, built from the field
checks of `checks.py`) are the records' own:
every dataclass field has a rule that accepts its default, and every vocabulary is the
domain's. Storage may not import the domain, so this test is what keeps them together."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from cockpit.core.model import LISTS, STATUSES, TIERS, Customer, Item, Touch
from cockpit.core.routine import Routine
from cockpit.customers import fields as customer_fields
from cockpit.feeds.model import Feed
from cockpit.feeds.store import Entry
from cockpit.planning import checklists, requirement_rules
from cockpit.report.notes import Note
from cockpit.storage import checks, shapes

RECORDS: list[tuple[type, shapes.Shape, set[str]]] = [
    (Item, shapes.ITEM, set()),
    (Customer, shapes.CUSTOMER, set()),
    (Touch, shapes.TOUCH, set()),
    (requirement_rules.Requirement, shapes.REQUIREMENT, set()),
    (checklists.LaunchItem, shapes.LAUNCH_ITEM, set()),
    (Note, shapes.NOTE, set()),
    (Routine, shapes.ROUTINE, set()),
    (Feed, shapes.FEED, set()),
    (Entry, shapes.ENTRY, {"read", "starred"}),  # marks live in entry_state
]


def stored(value: Any) -> Any:
    """A default as JSON stores it (tuples are lists)."""
    if isinstance(value, tuple | list):
        return [stored(v) for v in value]
    return value


@pytest.mark.parametrize(
    ("cls", "shape", "elsewhere"), RECORDS, ids=lambda x: getattr(x, "__name__", "")
)
def test_every_field_has_a_rule_that_takes_its_default(
    cls: type, shape: shapes.Shape, elsewhere: set[str]
) -> None:
    for field in dataclasses.fields(cls):
        if field.name in ("id", *elsewhere):
            continue
        assert field.name in shape, f"{cls.__name__}.{field.name} has no rule in shapes"
        if field.default is not dataclasses.MISSING:
            default = field.default
        elif field.default_factory is not dataclasses.MISSING:
            default = field.default_factory()
        else:
            continue
        if field.name in ("week", "date", "golive") and default == "":
            continue  # always set when stored
        if isinstance(shape[field.name], checks.OneOf) and default == "":
            continue
        assert shape[field.name](stored(default)) is None, (cls.__name__, field.name, default)
    extra = set(shape) - {f.name for f in dataclasses.fields(cls)}
    assert not extra, f"rules for fields {cls.__name__} does not have: {extra}"


def choices(shape: shapes.Shape, field: str) -> tuple[str, ...]:
    rule = shape[field]
    assert isinstance(rule, checks.OneOf)
    return rule.choices


def test_vocabularies_are_the_domains() -> None:
    assert choices(shapes.ITEM, "list") == LISTS
    assert choices(shapes.ITEM, "status") == STATUSES
    assert choices(shapes.CUSTOMER, "tier") == TIERS
    assert choices(shapes.CUSTOMER, "source") == customer_fields.SOURCES
    assert choices(shapes.CUSTOMER, "stage") == customer_fields.STAGES
    assert choices(shapes.TOUCH, "channel") == customer_fields.CHANNELS
    assert choices(shapes.REQUIREMENT, "status") == requirement_rules.STATUSES
    assert choices(shapes.REQUIREMENT, "source") == requirement_rules.SOURCES
    assert choices(shapes.REQUIREMENT, "kano") == ("", *requirement_rules.KANO)
    assert choices(shapes.REQUIREMENT, "priority") == requirement_rules.PRIORITIES
    assert choices(shapes.LAUNCH_ITEM, "state") == checklists.STATES


def test_a_true_is_not_a_number_and_a_number_is_not_text() -> None:
    assert shapes.INT(True) is not None and shapes.INT(3) is None
    assert shapes.TEXT(12) == "a number (12) where text belongs"
    assert shapes.NUMBER(1.5) is None and shapes.NUMBER("1.5") is not None
    assert shapes.problem("items", {"items": {"1": {"title": "x", "key": 1}}}) == (
        "item 1: key is a number (1) where true or false belongs"
    )
