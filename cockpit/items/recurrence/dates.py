"""The dates a rule gives: the next occurrence, the first from a day, and the proof
that a rule gives a date at all (dateutil would search one that never matches up to
the year 9999)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from cockpit.items.recurrence.rule import BYDAY, Rule, invalid

_PERIODS_CHECKED = 400  # periods searched for a date: covers the 28-year weekday cycle


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
