"""ISO weeks (Monday first), written as `2026-W47`.

Weeks are the unit of planning: an item is planned for a week, and an open item planned
for an earlier week than the current one is carry-over.
"""

from __future__ import annotations

import datetime as dt
import re

from cockpit.core.dates import parse_date
from cockpit.core.errors import WeekError

_WEEK = re.compile(r"^(?:(\d{4})-?)?[Ww](\d{1,2})$")
_WEEK_ZH = re.compile(r"^(?:(\d{4})年)?第?(\d{1,2})周$")
_RELATIVE_ZH = re.compile(r"^(本|这|下下|下|上上|上)(?:个)?(?:周|星期|礼拜)$")
_AHEAD_ZH = re.compile(r"^(\d{1,2})周[以之]?([后前])$")
_OFFSETS = {"本": 0, "这": 0, "下": 1, "下下": 2, "上": -1, "上上": -2}


def week_of(day: dt.date) -> str:
    """The ISO week containing `day`, e.g. `2026-W47`."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def monday(week: str) -> dt.date:
    """The Monday that starts `week`."""
    year, num = _split(week)
    return dt.date.fromisocalendar(year, num, 1)


def shift(week: str, weeks: int) -> str:
    """The week `weeks` after (or before, when negative) `week`."""
    return week_of(monday(week) + dt.timedelta(weeks=weeks))


def weeks_between(week: str, other: str) -> int:
    """How many weeks `other` is after `week` (negative when before)."""
    return (monday(other) - monday(week)).days // 7


def is_before(week: str, other: str) -> bool:
    """True when `week` starts before `other` (zero-padded ISO strings sort by time)."""
    return week < other


def parse_week(text: str, today: dt.date) -> str:
    """Read a week as a user types it.

    Accepts `this`, `next`, `last`, `+N`/`-N` (weeks from now), `W48`, `2026-W48`,
    `2026W48`, or a date (`2026-11-30`, `fri`, `12月15日`: see `cockpit.core.dates`)
    meaning the week that contains it; in Chinese `本周` / `这周`, `下周`, `下下周`,
    `上周`, `上上周`, `3周后`, `第48周`, `2026年第48周`.

    Raises:
        WeekError: with a sentence that says what was expected.
    """
    raw = text.strip()
    current = week_of(today)
    low = raw.lower()
    if low in ("", "this", "now"):
        return current
    if low == "next":
        return shift(current, 1)
    if low in ("last", "prev", "previous"):
        return shift(current, -1)
    if re.fullmatch(r"[+-]\d{1,2}", raw):
        return shift(current, int(raw))
    compact = raw.replace(" ", "")
    if match := _RELATIVE_ZH.match(compact):
        return shift(current, _OFFSETS[match.group(1)])
    if match := _AHEAD_ZH.match(compact):
        return shift(current, int(match.group(1)) * (1 if match.group(2) == "后" else -1))
    match = _WEEK.match(raw) or _WEEK_ZH.match(compact)
    if match:
        year = int(match.group(1)) if match.group(1) else today.isocalendar()[0]
        num = int(match.group(2))
        try:
            return week_of(dt.date.fromisocalendar(year, num, 1))
        except ValueError:
            raise WeekError("err.week_no_such", text=raw, year=year) from None
    try:
        return week_of(parse_date(raw, today))
    except ValueError:
        pass
    raise WeekError("err.week", text=raw)


def _split(week: str) -> tuple[int, int]:
    match = _WEEK.match(week)
    if not match or not match.group(1):
        raise WeekError("err.week_not_iso", text=week)
    return int(match.group(1)), int(match.group(2))
