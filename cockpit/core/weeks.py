"""ISO weeks (Monday first), written as `2026-W47`.

Weeks are the unit of planning: an item is planned for a week, and an open item planned
for an earlier week than the current one is carry-over.
"""

from __future__ import annotations

import datetime as dt
import re

from cockpit.core.errors import WeekError

_WEEK = re.compile(r"^(?:(\d{4})-?)?[Ww](\d{1,2})$")


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
    `2026W48`, or a date (`2026-11-30`) meaning the week that contains it.

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
    match = _WEEK.match(raw)
    if match:
        year = int(match.group(1)) if match.group(1) else today.isocalendar()[0]
        num = int(match.group(2))
        try:
            return week_of(dt.date.fromisocalendar(year, num, 1))
        except ValueError:
            raise WeekError(f"week {raw!r} does not exist in {year}") from None
    try:
        return week_of(dt.date.fromisoformat(raw))
    except ValueError:
        pass
    raise WeekError(f"cannot read week {raw!r}; use this, next, +N, W48, 2026-W48 or a date")


def _split(week: str) -> tuple[int, int]:
    match = _WEEK.match(week)
    if not match or not match.group(1):
        raise WeekError(f"not an ISO week: {week!r}")
    return int(match.group(1)), int(match.group(2))
