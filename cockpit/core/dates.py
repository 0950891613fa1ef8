"""Reading dates the way a user types them (`today`, `fri`, `+3`, `2026-12-01`)."""

from __future__ import annotations

import datetime as dt

from cockpit.core.errors import DateError

_WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def parse_date(text: str, today: dt.date) -> dt.date:
    """Read `today`, `tomorrow`, `+N` (days), a weekday name (the next one), or ISO.

    Raises:
        DateError: with a sentence naming what was expected.
    """
    raw = text.strip().lower()
    if raw in ("today", "tod"):
        return today
    if raw in ("tomorrow", "tom"):
        return today + dt.timedelta(days=1)
    if raw.startswith("+") and raw[1:].isdigit():
        return today + dt.timedelta(days=int(raw[1:]))
    if raw[:3] in _WEEKDAYS and len(raw) >= 3:
        ahead = (_WEEKDAYS.index(raw[:3]) - today.weekday()) % 7 or 7
        return today + dt.timedelta(days=ahead)
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise DateError(
            f"cannot read date {text.strip()!r}; use YYYY-MM-DD, today, tomorrow, +N or a weekday"
        ) from None
