"""The stored form of a recurrence rule, as read back and checked (see the package
docstring for the two kinds of rule)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from cockpit.core.errors import InvalidError

FREQS = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
AFTER_DONE = "DONE"
"""`Rule.freq` of a repeater counted from the day the item is finished."""
BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
UNITS = {"d": "DAILY", "w": "WEEKLY", "m": "MONTHLY", "y": "YEARLY"}
MAX_INTERVAL = {"DAILY": 366, "WEEKLY": 104, "MONTHLY": 60, "YEARLY": 10}
MAX_COUNT = 1000
QUARTER_ENDS = (3, 6, 9, 12)
QUARTER_STARTS = (1, 4, 7, 10)


@dataclass(frozen=True)
class Rule:
    """How an item repeats (see the module docstring)."""

    freq: str
    """DAILY, WEEKLY, MONTHLY, YEARLY, or AFTER_DONE (counted from the finishing day)."""
    interval: int = 1
    weekdays: tuple[int, ...] = ()
    """Days of the week (Monday = 0): every one of them (WEEKLY), or the `nth` one of
    the month (MONTHLY, YEARLY with `months`) or of the year (YEARLY)."""
    nth: int = 0
    """With `weekdays`: 1..5 first to fifth, -1..-5 last to fifth-last; 0 every."""
    monthdays: tuple[int, ...] = ()
    """Days of the month, 1..31 or -1 (the last day) to -31; a month without that day
    is skipped, as in iCalendar."""
    months: tuple[int, ...] = ()
    """Only these months (1..12); with MONTHLY only at an interval of 1."""
    until: dt.date | None = None
    """No occurrence after this day."""
    count: int | None = None
    """Occurrences left, this one included (an RRULE's COUNT, counted down)."""
    unit: str = ""
    """AFTER_DONE's unit: d, w, m or y (the amount is `interval`)."""
    setpos: int = 0
    """-1: only the last of the month's `monthdays` (BYSETPOS=-1). "Every month" from
    the 31st is pinned as the 28th-31st, the last that exists (`pinned`): the 31st, or
    the month's last day, as taskwarrior and org users expect, where a plain
    BYMONTHDAY=31 would skip the shorter months."""

    @property
    def after_done(self) -> bool:
        return self.freq == AFTER_DONE

    def stored(self) -> str:
        """The rule as an item stores it (an RRULE body, or `.+3d`)."""
        tail = []
        if self.until is not None:
            tail.append(f"UNTIL={self.until:%Y%m%d}")
        if self.count is not None:
            tail.append(f"COUNT={self.count}")
        if self.after_done:
            return ";".join([f".+{self.interval}{self.unit}", *tail])
        parts = [f"FREQ={self.freq}"]
        if self.interval != 1:
            parts.append(f"INTERVAL={self.interval}")
        if self.months:
            parts.append("BYMONTH=" + ",".join(str(m) for m in self.months))
        if self.monthdays:
            parts.append("BYMONTHDAY=" + ",".join(str(d) for d in self.monthdays))
        if self.weekdays:
            prefix = str(self.nth) if self.nth else ""
            parts.append("BYDAY=" + ",".join(prefix + BYDAY[w] for w in self.weekdays))
        if self.setpos:
            parts.append(f"BYSETPOS={self.setpos}")
        return ";".join(parts + tail)

    def ical(self) -> dict[str, object]:
        """The rule as icalendar's `vRecur` takes it (calendar rules only).

        UNTIL is a DATE: the exported events are all-day ones.
        """
        assert not self.after_done
        out: dict[str, object] = {"FREQ": self.freq}
        if self.interval != 1:
            out["INTERVAL"] = self.interval
        if self.months:
            out["BYMONTH"] = list(self.months)
        if self.monthdays:
            out["BYMONTHDAY"] = list(self.monthdays)
        if self.weekdays:
            prefix = str(self.nth) if self.nth else ""
            out["BYDAY"] = [prefix + BYDAY[w] for w in self.weekdays]
        if self.setpos:
            out["BYSETPOS"] = self.setpos
        if self.until is not None:
            out["UNTIL"] = self.until
        if self.count is not None:
            out["COUNT"] = self.count
        return out


# reading the stored form ----------------------------------------------------------------
def invalid(key: str, **args: object) -> InvalidError:
    """A refusal keyed by a recurrence label (`cockpit.core.labels.items`)."""
    return InvalidError(key, **args)


def read_stored(text: str) -> Rule:
    """The rule of an item's stored `recur` text (an RRULE body or `.+3d`).

    Raises:
        InvalidError: text that is not a rule cockpit can follow, in one sentence.
    """
    raw = text.strip()
    if raw.upper().startswith("RRULE:"):
        raw = raw[6:]
    head, _, rest = raw.partition(";")
    if head.startswith(".+"):
        amount, unit = head[2:-1], head[-1:].lower()
        if not amount.isdigit() or unit not in UNITS:
            raise invalid("recur.err.unreadable", text=text)
        fields = _fields(rest, text)
        rule = Rule(AFTER_DONE, int(amount), unit=unit)
        return checked(_tail(rule, fields, text, allowed=("UNTIL", "COUNT")))
    fields = _fields(raw, text)
    freq = fields.pop("FREQ", "")
    if freq not in FREQS:
        raise invalid("recur.err.freq", text=text)
    rule = Rule(
        freq,
        interval=_number(fields.pop("INTERVAL", "1"), text),
        months=tuple(_number(m, text) for m in _list(fields.pop("BYMONTH", ""))),
        monthdays=tuple(_number(d, text) for d in _list(fields.pop("BYMONTHDAY", ""))),
    )
    byday = _list(fields.pop("BYDAY", ""))
    if byday:
        weekdays, nth = _byday(byday, text)
        rule = replace(rule, weekdays=weekdays, nth=nth)
    if "BYSETPOS" in fields:
        rule = replace(rule, setpos=_number(fields.pop("BYSETPOS"), text))
    fields.pop("WKST", None)  # weeks start on Monday here, as in ISO weeks
    return checked(_tail(rule, fields, text, allowed=("UNTIL", "COUNT")))


def _fields(text: str, whole: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in text.split(";"))):
        key, eq, value = part.partition("=")
        if not eq or not value:
            raise invalid("recur.err.unreadable", text=whole)
        out[key.strip().upper()] = value.strip().upper()
    return out


def _list(value: str) -> list[str]:
    return [v for v in (p.strip() for p in value.split(",")) if v]


def _number(value: str, whole: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise invalid("recur.err.unreadable", text=whole) from None


def _byday(values: list[str], whole: str) -> tuple[tuple[int, ...], int]:
    """The weekdays of a BYDAY list and their one position (0: every one)."""
    ordinals, days = set(), []
    for value in values:
        code = value[-2:]
        if code not in BYDAY:
            raise invalid("recur.err.unreadable", text=whole)
        ordinals.add(_number(value[:-2], whole) if value[:-2] not in ("", "+") else 0)
        days.append(BYDAY.index(code))
    if len(ordinals) > 1:
        raise invalid("recur.err.mixed_ordinals", text=whole)
    return tuple(days), ordinals.pop()


def _tail(rule: Rule, fields: dict[str, str], whole: str, allowed: tuple[str, ...]) -> Rule:
    unknown = [k for k in fields if k not in allowed]
    if unknown:
        raise invalid("recur.err.part", part=unknown[0], text=whole)
    until = None
    if "UNTIL" in fields:
        value = fields["UNTIL"][:8]
        try:
            until = dt.date(int(value[:4]), int(value[4:6]), int(value[6:8]))
        except ValueError:
            raise invalid("recur.err.unreadable", text=whole) from None
    count = _number(fields["COUNT"], whole) if "COUNT" in fields else None
    return replace(rule, until=until, count=count)


def checked(rule: Rule) -> Rule:
    """`rule`, when it is one cockpit can follow (sorted, duplicates removed).

    Raises:
        InvalidError: a value out of range, or a combination that could miss for
            ever (see the module docstring).
    """
    limit = MAX_INTERVAL[UNITS[rule.unit] if rule.after_done else rule.freq]
    if not 1 <= rule.interval <= limit:
        raise invalid("recur.err.interval", high=limit)
    if rule.count is not None and not 1 <= rule.count <= MAX_COUNT:
        raise invalid("recur.err.count", high=MAX_COUNT)
    if any(not 1 <= m <= 12 for m in rule.months):
        raise invalid("recur.err.month")
    if any(d == 0 or not -31 <= d <= 31 for d in rule.monthdays):
        raise invalid("recur.err.monthday")
    if any(not 0 <= w <= 6 for w in rule.weekdays) or not -5 <= rule.nth <= 5:
        raise invalid("recur.err.weekday")
    if rule.after_done:
        if rule.weekdays or rule.monthdays or rule.months:
            raise invalid("recur.err.after_done_days")
        return rule
    if rule.freq in ("DAILY", "WEEKLY") and (rule.monthdays or rule.months or rule.nth):
        raise invalid("recur.err.days_of", freq=rule.freq.lower())
    if rule.freq == "DAILY" and rule.weekdays:
        if rule.interval != 1:
            raise invalid("recur.err.interval_filter")
        rule = replace(rule, freq="WEEKLY")  # every listed day, every week: the same dates
    if rule.monthdays and rule.weekdays:
        raise invalid("recur.err.day_and_weekday")
    if rule.freq == "MONTHLY" and rule.months and rule.interval != 1:
        raise invalid("recur.err.interval_filter")
    if rule.freq == "YEARLY" and rule.monthdays and not rule.months:
        raise invalid("recur.err.yearly_month")
    if rule.freq == "YEARLY" and rule.weekdays and not rule.nth:
        raise invalid("recur.err.yearly_nth")
    if rule.weekdays and rule.nth and len(rule.weekdays) > 1:
        raise invalid("recur.err.mixed_ordinals", text=rule.stored())
    if rule.setpos and (rule.setpos != -1 or not rule.monthdays or min(rule.monthdays) < 1):
        raise invalid("recur.err.setpos")
    return replace(
        rule,
        weekdays=tuple(sorted(set(rule.weekdays))),
        monthdays=tuple(sorted(set(rule.monthdays), key=lambda d: (d < 0, d))),
        months=tuple(sorted(set(rule.months))),
    )
