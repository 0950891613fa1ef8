"""Reading dates the way a user types them, in English or in Chinese.

English: `today`, `tomorrow`, `fri`, `+3`, `2026-12-01`. Chinese, as typed in China:
`2026/12/15` (Excel's default on Chinese Windows), `2026.12.15`, `2026年12月15日`,
`12月15日` and `12-15` (the year that puts the day nearest today), `今天`, `明天`, `后天`,
`大后天`, `昨天`, `前天`, `3天后`, `周五` / `星期五` / `礼拜五` (the next one, as `fri`),
`本周五` (this week's), `下周一`, `下下周三`, `上周五`.
"""

from __future__ import annotations

import datetime as dt
import re

from cockpit.core.errors import DateError

_WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAY_ZH = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "七": 6}
"""The weekday digits of 周一 … 周日 (周天, 周七 as people also write them)."""

_RELATIVE_ZH = {"今天": 0, "今日": 0, "明天": 1, "明日": 1, "后天": 2, "大后天": 3,
                "昨天": -1, "昨日": -1, "前天": -2}  # fmt: skip
_FULL = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$")
_MONTH_DAY = re.compile(r"^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$")
_WEEKDAY = re.compile(r"^(本|这|下下|下|上上|上)?(?:个)?(?:周|星期|礼拜)([一二三四五六日天七1-7])$")
_DAYS_AHEAD = re.compile(r"^(\d{1,3})\s*天[以之]?后$")
WEEK_OFFSETS = {None: 0, "本": 0, "这": 0, "下": 1, "下下": 2, "上": -1, "上上": -2}
"""How many weeks from this one 本周 / 下周 / 下下周 / 上周 / 上上周 are."""


def parse_date(text: str, today: dt.date) -> dt.date:
    """Read a date as a user types it (see the module docstring for every form).

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
    if raw[:3] in _WEEKDAYS and len(raw) >= 3 and raw.isascii() and raw.isalpha():
        ahead = (_WEEKDAYS.index(raw[:3]) - today.weekday()) % 7 or 7
        return today + dt.timedelta(days=ahead)
    found = _chinese(raw, today)
    if found is not None:
        return found
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise DateError("err.date", text=text.strip()) from None


def _chinese(raw: str, today: dt.date) -> dt.date | None:
    """The Chinese and slash/dot forms; None when `raw` is none of them."""
    raw = raw.replace(" ", "")
    if raw in _RELATIVE_ZH:
        return today + dt.timedelta(days=_RELATIVE_ZH[raw])
    if match := _DAYS_AHEAD.match(raw):
        return today + dt.timedelta(days=int(match.group(1)))
    if match := _WEEKDAY.match(raw):
        digit = match.group(2)
        weekday = int(digit) - 1 if digit.isdigit() else WEEKDAY_ZH[digit]
        if match.group(1) is None:  # plain 周五: the next Friday, as `fri`
            ahead = (weekday - today.weekday()) % 7 or 7
            return today + dt.timedelta(days=ahead)
        start = today - dt.timedelta(days=today.weekday())
        return start + dt.timedelta(weeks=WEEK_OFFSETS[match.group(1)], days=weekday)
    if match := _FULL.match(raw):
        return _day(raw, int(match.group(1)), int(match.group(2)), int(match.group(3)))
    if match := _MONTH_DAY.match(raw):
        month, day = int(match.group(1)), int(match.group(2))
        _day(raw, today.year if (month, day) != (2, 29) else 2024, month, day)  # a real day?
        # The year that puts the day nearest today: 12-15 in November is this December,
        # 1-5 in December is next January, 11-28 in early December is last week.
        options = []
        for year in (today.year - 1, today.year, today.year + 1):
            try:
                options.append(dt.date(year, month, day))
            except ValueError:  # 2-29 outside a leap year
                continue
        return min(options, key=lambda d: abs((d - today).days))
    return None


def _day(raw: str, year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError("err.date_no_such_day", text=raw) from None
