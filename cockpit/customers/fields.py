"""The customer vocabulary (channels, sources, stages) and the checks every way in
(form, command line, CSV import) shares, so each refuses the same values the same way."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from cockpit.core.errors import InvalidError
from cockpit.core.labels import vocab
from cockpit.core.model import TIERS, Customer
from cockpit.core.text import clean_block, clean_line

CHANNELS = ("call", "visit", "chat", "mail", "meeting")
SOURCES = ("", "direct", "sales", "channel", "partner")
STAGES = ("lead", "opportunity", "customer", "churn-risk", "churned")
CHURN_STAGES = ("churn-risk", "churned")
# What `edit` may change; id, created and last_touch follow from other actions.
EDITABLE = frozenset(
    {"name", "tier", "industry", "region", "source", "owner", "next_followup", "notes"}
    | {"stage", "deal_value", "churn_reason"}
)


def _line(value: Any) -> str:
    # One line, single spaces, no escapes or invisible characters: what a CSV round
    # trip or a table cell would make of it.
    return clean_line(value)


def clean_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Check and normalise customer fields as given to `prepare` or `edit`.

    Raises:
        InvalidError: a value the book refuses (the message names the field).
    """

    out: dict[str, Any] = {}
    for name, value in fields.items():
        if name in ("name", "industry", "region", "owner", "churn_reason"):
            value = _line(value)
            if name == "name" and not value:
                raise InvalidError("err.customer.name")
        elif name == "notes":
            value = clean_block(value)
        elif name == "tier" and value not in TIERS:
            value = vocab.parse("tier", str(value))  # 重点, 战略, 核心: what a user types
        elif name == "stage" and value not in STAGES:
            value = vocab.parse("stage", str(value))
        elif name == "source" and value not in SOURCES:
            value = vocab.parse("source", str(value))
        elif name == "deal_value" and value is not None:
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise InvalidError("err.customer.deal_number", value=value)
            if not math.isfinite(value) or value < 0:
                raise InvalidError("err.customer.deal_negative", value=value)
            value = float(value) or None  # no deal and a deal of 0 read the same
        elif name == "next_followup" and isinstance(value, dt.date):
            value = value.isoformat()
        out[name] = value
    return out


def check_churn(cust: Customer) -> None:

    if cust.stage == "churn-risk" and not cust.churn_reason:
        raise InvalidError("err.customer.churn_reason", name=cust.name)
    if cust.churn_reason and cust.stage not in CHURN_STAGES:
        raise InvalidError("err.customer.churn_stage")


# Units a spreadsheet cell may carry: 万 and 亿 as Chinese sheets write amounts, k and M.
_UNITS = {"万": 1e4, "w": 1e4, "亿": 1e8, "k": 1e3, "m": 1e6}
_NOISE = str.maketrans("", "", " ,_，¥￥$€")


def parse_deal(text: str) -> float | None:
    """A deal value as typed or as a spreadsheet holds it: 1200000, 1,200,000, 120万,
    1.2M, ¥35k. Empty means none.

    Raises:
        InvalidError: not a number of that shape.
    """

    raw = text.strip()
    value = raw.translate(_NOISE).lower()
    if not value:
        return None
    factor = 1.0
    if value[-1] in _UNITS:
        factor, value = _UNITS[value[-1]], value[:-1]
    try:
        number = float(value) * factor
    except ValueError:
        number = math.nan
    if not math.isfinite(number) or number < 0:
        raise InvalidError("err.customer.deal", value=raw)
    return round(number, 2) or None


def plain_number(value: float) -> str:
    """`1200000`, `12.5`: a number as a spreadsheet reads it back, no float noise."""
    return str(int(value)) if value == int(value) else f"{value:.2f}".rstrip("0")


def short_deal(value: float, lang: str) -> str:
    """A deal for a narrow column: 1.2M / 350k in English, 120万 / 3.5亿 in Chinese."""
    steps = ((1e8, "亿"), (1e4, "万")) if lang == "zh" else ((1e9, "B"), (1e6, "M"), (1e3, "k"))
    for size, unit in steps:
        if value >= size:
            scaled = value / size
            digits = 0 if scaled >= 100 or scaled == int(scaled) else 1
            text = f"{scaled:.{digits}f}"
            return (text.rstrip("0").rstrip(".") if "." in text else text) + unit
    return plain_number(value)
