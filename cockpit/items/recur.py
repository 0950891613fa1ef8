"""Recurring items: the rule an item repeats by, as stored, and the date its next
occurrence falls on.

Two kinds of rule, as org-mode and taskwarrior users know them:
- a calendar rule (every 2 weeks on Thursday, the 15th of every month, the last
  Friday of each quarter): stored as the body of an iCalendar RRULE
  (`FREQ=MONTHLY;BYMONTH=3,6,9,12;BYDAY=-1FR`), so the calendar export carries it as
  it is; the dates come from `dateutil.rrule`, from the item's due date;
- a repeater counted from the day the item is finished (org's `.+3d`): stored as
  `.+3d` (`;UNTIL=20261230` may follow).

What a rule may say is kept to what always gives a date: dateutil searches a rule that
never matches (the 31st of every April) up to the year 9999, so `check_gives_dates`
proves, with calendar arithmetic over a bounded number of periods, that one does, and
the combinations that can miss for ever (an interval with a month filter, say) are
refused when the rule is read (`cockpit.items.recur_text`).
"""

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
_PERIODS_CHECKED = 400  # periods searched for a date: covers the 28-year weekday cycle


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


# the dates ----------------------------------------------------------------------------
def next_due(rule: Rule, due: dt.date | None, finished: dt.date) -> dt.date | None:
    """The due date of the occurrence after the one finished on `finished`.

    A calendar rule gives its first date after the later of the due date and the
    finishing day: occurrences missed while the item was overdue are not made one by
    one (org's `++`), and one finished early does not come back the same week. A
    repeater counts from the finishing day. None when the series has ended (UNTIL
    passed, COUNT used up).
    """
    if rule.count is not None and rule.count <= 1:
        return None
    found: dt.date | None
    if rule.after_done:
        found = _add(finished, rule.interval, rule.unit)
    else:
        anchor = due or finished
        found = _after(rule, anchor, max(anchor, finished), inclusive=False)
    if found is None or (rule.until is not None and found > rule.until):
        return None
    return found


def first_due(rule: Rule, today: dt.date) -> dt.date | None:
    """The first date of a calendar rule from `today` on (an item given a rule without
    a due date is due then); None when the series ends before it."""
    if rule.after_done:
        return None
    found = _after(rule, today, today, inclusive=True)
    if found is None or (rule.until is not None and found > rule.until):
        return None
    return found


def pinned(rule: Rule, due: dt.date) -> Rule:
    """`rule` as an item due on `due` keeps it: a monthly or yearly rule without days
    repeats on the due date's day, and from the 29th to the 31st on that day or the
    month's last one (`Rule.setpos`); yearly from February 29th, on the 28th in the
    other years. Any other rule is returned as it is."""
    if rule.after_done or rule.freq not in ("MONTHLY", "YEARLY") or due.day <= 28:
        return rule
    if rule.monthdays or rule.weekdays or rule.setpos:
        return rule
    months = rule.months or ((due.month,) if rule.freq == "YEARLY" else ())
    return replace(rule, monthdays=tuple(range(28, due.day + 1)), months=months, setpos=-1)


def following(rule: Rule) -> Rule:
    """The rule the next occurrence carries (COUNT counted down)."""
    return rule if rule.count is None else replace(rule, count=rule.count - 1)


def month_length(year: int, month: int) -> int:
    """Days in the month (stdlib `calendar` is not imported: it costs start-up time)."""
    if month == 12:
        return 31
    return (dt.date(year, month + 1, 1) - dt.timedelta(days=1)).day


def _add(day: dt.date, amount: int, unit: str) -> dt.date:
    if unit == "d":
        return day + dt.timedelta(days=amount)
    if unit == "w":
        return day + dt.timedelta(weeks=amount)
    months = amount * (12 if unit == "y" else 1)
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    # The 31st plus a month is the month's last day, as org and taskwarrior count.
    return dt.date(year, month, min(day.day, month_length(year, month)))


def _after(rule: Rule, anchor: dt.date, after: dt.date, *, inclusive: bool) -> dt.date | None:
    """The first date of `rule` (started on `anchor`) after (or on) `after`."""
    # Imported here, for start-up time: only finishing a recurring item needs dateutil.
    from dateutil import rrule as du

    check_gives_dates(rule, anchor)
    weekday = {n: getattr(du, code) for n, code in enumerate(BYDAY)}
    byday = [weekday[w](rule.nth) if rule.nth else weekday[w] for w in rule.weekdays]
    series = du.rrule(
        getattr(du, rule.freq),
        dtstart=dt.datetime.combine(anchor, dt.time()),
        interval=rule.interval,
        wkst=du.MO,
        byweekday=byday or None,
        bymonthday=rule.monthdays or None,
        bymonth=rule.months or None,
        bysetpos=rule.setpos or None,
        until=dt.datetime.combine(rule.until, dt.time()) if rule.until else None,
    )
    found = series.after(dt.datetime.combine(after, dt.time()), inc=inclusive)
    return found.date() if found is not None else None


def check_gives_dates(rule: Rule, anchor: dt.date) -> None:
    """Refuse a rule that gives no date from `anchor` on (dateutil would search it up to
    the year 9999): the 31st of every April, the fifth Friday of each February of an
    interval that meets no leap year. Daily and weekly rules always give dates.

    Raises:
        InvalidError: no period of the first few hundred has a date of the rule.
    """
    if rule.after_done or rule.freq in ("DAILY", "WEEKLY"):
        return
    if rule.freq == "YEARLY" and rule.weekdays and not rule.months:
        return  # the nth weekday of the year: every year has a fifth one of each
    # As dateutil reads a rule without days: on the due date's day (and month, yearly).
    eff = rule
    if not rule.monthdays and not rule.weekdays:
        eff = replace(eff, monthdays=(anchor.day,))
    if rule.freq == "YEARLY" and not rule.months:
        eff = replace(eff, months=(anchor.month,))
    if not _may_miss(eff):
        return
    for n in range(_PERIODS_CHECKED):
        if eff.freq == "MONTHLY":
            index = anchor.month - 1 + n * eff.interval
            year, month = anchor.year + index // 12, index % 12 + 1
            candidates = [(year, month)] if not eff.months or month in eff.months else []
        else:
            year = anchor.year + n * eff.interval
            candidates = [(year, month) for month in eff.months]
        if year > dt.MAXYEAR:
            break
        if any(_month_has(eff, y, m) for y, m in candidates):
            return
    raise invalid("recur.err.never", since=anchor.isoformat())


def _may_miss(rule: Rule) -> bool:
    """Only day 29-31 (or -29..-31) and a fifth weekday can be missing from a month."""
    if rule.monthdays:
        return any(abs(d) > 28 for d in rule.monthdays)
    return abs(rule.nth) == 5


def _month_has(rule: Rule, year: int, month: int) -> bool:
    length = month_length(year, month)
    if rule.monthdays:
        return any(abs(d) <= length for d in rule.monthdays)
    first = dt.date(year, month, 1).weekday()
    for weekday in rule.weekdays:
        days = len(range((weekday - first) % 7 + 1, length + 1, 7))
        if rule.nth == 0 or abs(rule.nth) <= days:
            return True
    return False
