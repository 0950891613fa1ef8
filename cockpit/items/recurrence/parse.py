"""Recurrence rules as people write them, in English and Chinese, and back.

`parse_rule` reads what a user types in `--recur` or the item form:

    daily · weekly · monthly · quarterly · yearly · weekdays · biweekly
    every 2 weeks on thu · every mon, thu · every other week
    every month on the 15th · every month on the last fri · every 3 months
    the last friday of the quarter · the 1st of each quarter · every year on dec 24
    .+3d (org: 3 days after done) · +1w · 3 days after done
    FREQ=MONTHLY;BYDAY=-1FR (an RRULE) · 2wks, P1M (taskwarrior)
    每天 · 每个工作日 · 每两周周四 · 每月15日 · 每月最后一个周五 · 每季度最后一个周五
    每年12月24日 · 完成后3天
    ... until 2026-12-31 / ...直到2026-12-31 · ... 5 more times

`cockpit.items.recurrence.words` words a rule back so that `parse_rule` reads it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

from cockpit.core.dates import parse_date
from cockpit.core.errors import DateError, InvalidError
from cockpit.items.recurrence.rule import (
    AFTER_DONE,
    QUARTER_ENDS,
    QUARTER_STARTS,
    Rule,
    checked,
    invalid,
    read_stored,
)

OFF = ("", "none", "no", "off", "never", "无", "不重复")
"""What clears an item's recurrence."""

_DAYS = {
    "mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "weds": 2,
    "wednesday": 2, "thu": 3, "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4,
    "sat": 5, "saturday": 5, "sun": 6, "sunday": 6,
}  # fmt: skip
_MONTHS = {
    name: n
    for n, names in enumerate(
        (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")),
        1,
    )
    for name in names
}  # fmt: skip
_ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
    "4th": 4, "fifth": 5, "5th": 5, "last": -1, "second last": -2, "2nd last": -2,
    "second-to-last": -2, "third last": -3, "3rd last": -3,
}  # fmt: skip
_UNITS = {
    "d": "d", "day": "d", "days": "d", "w": "w", "wk": "w", "wks": "w", "week": "w",
    "weeks": "w", "m": "m", "mo": "m", "mos": "m", "month": "m", "months": "m", "q": "q",
    "qtr": "q", "qtrs": "q", "quarter": "q", "quarters": "q", "y": "y", "yr": "y",
    "yrs": "y", "year": "y", "years": "y",
}  # fmt: skip
_WORDS: dict[str, tuple[str, int]] = {
    "daily": ("DAILY", 1), "every day": ("DAILY", 1), "weekly": ("WEEKLY", 1),
    "every week": ("WEEKLY", 1), "biweekly": ("WEEKLY", 2), "fortnightly": ("WEEKLY", 2),
    "fortnight": ("WEEKLY", 2), "every fortnight": ("WEEKLY", 2),
    "every other week": ("WEEKLY", 2),
    "monthly": ("MONTHLY", 1), "every month": ("MONTHLY", 1), "bimonthly": ("MONTHLY", 2),
    "quarterly": ("MONTHLY", 3), "every quarter": ("MONTHLY", 3),
    "semiannual": ("MONTHLY", 6), "semiannually": ("MONTHLY", 6), "yearly": ("YEARLY", 1),
    "annual": ("YEARLY", 1), "annually": ("YEARLY", 1), "every year": ("YEARLY", 1),
    "biannual": ("YEARLY", 2), "biyearly": ("YEARLY", 2),
}  # fmt: skip
_LAST_DAYS = {None: -1, "second": -2, "2nd": -2, "third": -3, "3rd": -3}
_FREQ_OF = {"d": "DAILY", "w": "WEEKLY", "m": "MONTHLY", "q": "MONTHLY", "y": "YEARLY"}
WORKDAYS = (0, 1, 2, 3, 4)
ZH_DAYS = "一二三四五六日"
_ZH_NUM = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


# reading ------------------------------------------------------------------------------
def parse_rule(text: str, today: dt.date) -> Rule:
    """The rule `text` says (see the module docstring for the forms it reads).

    Raises:
        InvalidError: one sentence saying what was not understood and what is.
    """
    raw = " ".join(text.replace("，", ",").split()).strip()
    if not raw or raw.casefold() in OFF:
        raise invalid("recur.err.empty")
    if "=" in raw:  # an RRULE (or a stored rule)
        return read_stored(raw)
    raw, count = _split_count(raw)
    raw, until = _split_until(raw, today)
    rule = _zh(raw) if _is_chinese(raw) else _en(raw.casefold())
    if rule is None:
        raise invalid("recur.err.unknown", text=text.strip())
    if until is not None:
        rule = replace(rule, until=until)
    if count is not None:
        rule = replace(rule, count=count)
    return checked(rule)


def _is_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _split_until(raw: str, today: dt.date) -> tuple[str, dt.date | None]:
    found = re.match(r"^(.*?)\s+(?:until|till|through|thru)\s+(.+)$", raw, re.I) or re.match(
        r"^(.*?)[,]?\s*(?:直到|截至|截止到|截止)\s*(.+)$", raw
    )
    if not found:
        return raw, None
    try:
        return found.group(1).strip().rstrip(","), parse_date(found.group(2), today)
    except DateError as exc:
        raise InvalidError(str(exc)) from None


def _split_count(raw: str) -> tuple[str, int | None]:
    found = re.match(r"^(.*?)\s+(?:for\s+)?(\d+)\s+(?:more\s+)?times?$", raw, re.I) or re.match(
        r"^(.*?)[,]?\s*(?:还剩|共)(\d+)次$", raw
    )
    if not found:
        return raw, None
    return found.group(1).strip().rstrip(","), int(found.group(2))


def _en(raw: str) -> Rule | None:
    if raw in _WORDS:
        freq, interval = _WORDS[raw]
        return Rule(freq, interval)
    if raw in ("weekdays", "every weekday", "workdays", "every workday"):
        return Rule("WEEKLY", weekdays=WORKDAYS)
    if found := re.fullmatch(r"(\.\+|\+\+|\+)(\d+)([dwmy])", raw):
        sign, amount, unit = found.groups()
        if sign == ".+":
            return Rule(AFTER_DONE, int(amount), unit=unit)
        return Rule(_FREQ_OF[unit], int(amount))
    after = re.fullmatch(r"(\d+)\s*([a-z]+)\s+after\s+(?:done|finished|finishing|completion)", raw)
    if after and _UNITS.get(after.group(2)) in ("d", "w", "m", "y"):
        return Rule(AFTER_DONE, int(after.group(1)), unit=_UNITS[after.group(2)])
    if found := re.fullmatch(r"p(\d+)([dwmy])", raw):  # ISO 8601, as taskwarrior 3 writes
        return _every(int(found.group(1)), found.group(2))
    if (found := re.fullmatch(r"(\d+)?\s*([a-z]+)", raw)) and found.group(2) in _UNITS:
        return _every(int(found.group(1) or 1), _UNITS[found.group(2)])
    every = re.fullmatch(
        r"every\s+(?:(\d+|other)\s+)?(day|week|month|quarter|year)s?(?:\s+(?:on|in)\s+(.+))?",
        raw,
    )
    if every:
        amount, unit, spec = every.groups()
        interval = 2 if amount == "other" else int(amount or 1)
        return _every_on(interval, unit[0], spec)
    if found := re.fullmatch(r"every\s+(other\s+)?(.+)", raw):
        weekdays = _weekday_list(found.group(2))
        if weekdays:
            return Rule("WEEKLY", 2 if found.group(1) else 1, weekdays=weekdays)
    of = re.fullmatch(r"(?:the\s+)?(.+?)\s+of\s+(?:the|each|every)\s+(month|quarter|year)", raw)
    if of:
        return _every_on(1, of.group(2)[0], of.group(1))
    return None


def _every(amount: int, unit: str) -> Rule:
    if unit == "q":
        return Rule("MONTHLY", 3 * amount)
    return Rule(_FREQ_OF[unit], amount)


def _every_on(interval: int, unit: str, spec: str | None) -> Rule | None:
    """`every <interval> <unit> on <spec>`; a quarter with a day is a calendar quarter's
    (the last Friday: of March, June, September, December; the 1st: of January...)."""
    if not spec:
        return _every(interval, unit)
    spec = spec.strip()
    if unit == "d":
        return None
    if unit == "w":
        weekdays = _weekday_list(spec)
        return Rule("WEEKLY", interval, weekdays=weekdays) if weekdays else None
    spec, months = _split_months(spec)
    if months is None and (only := _month_list(spec)):
        return Rule("YEARLY" if unit == "y" else "MONTHLY", interval, months=only)
    days = _day_spec(spec)
    if days is None and unit == "y" and months is None:
        return _month_day(spec, interval)
    if days is None:
        return None
    if unit == "q":
        if interval != 1:
            raise invalid("recur.err.quarter_interval")
        ends = days.get("nth", 0) < 0 or any(d < 0 for d in days.get("monthdays", ()))
        return Rule("MONTHLY", months=QUARTER_ENDS if ends else QUARTER_STARTS, **days)
    freq = "YEARLY" if unit == "y" else "MONTHLY"
    return Rule(freq, interval, months=months or (), **days)


def _split_months(spec: str) -> tuple[str, tuple[int, ...] | None]:
    found = re.fullmatch(r"(.+?)\s+(?:in|of)\s+([a-z ,]+)", spec)
    if not found:
        return spec, None
    months = _month_list(found.group(2))
    return (found.group(1), months) if months else (spec, None)


def _month_list(text: str) -> tuple[int, ...]:
    names = [n for n in re.split(r"[\s,]+|\band\b", text) if n]
    if not names or any(n not in _MONTHS for n in names):
        return ()
    return tuple(_MONTHS[n] for n in names)


def _month_day(spec: str, interval: int) -> Rule | None:
    """`dec 24`, `24 dec`, `december 24th` (every year on that day)."""
    found = re.fullmatch(r"([a-z]+)\s+(\d+)(?:st|nd|rd|th)?", spec) or re.fullmatch(
        r"(\d+)(?:st|nd|rd|th)?\s+([a-z]+)", spec
    )
    if not found:
        return None
    a, b = found.groups()
    name, day = (a, b) if a.isalpha() else (b, a)
    if name not in _MONTHS:
        return None
    return Rule("YEARLY", interval, months=(_MONTHS[name],), monthdays=(int(day),))


def _day_spec(spec: str) -> dict[str, Any] | None:
    """`the 15th`, `1st and 15th`, `last day`, `the last fri`, `2nd tue`, `fri`."""
    spec = re.sub(r"^(?:the|day)\s+", "", spec.strip())
    if found := re.fullmatch(r"(?:(second|2nd|third|3rd)\s+)?last\s+day", spec):
        return {"monthdays": (_LAST_DAYS[found.group(1)],)}
    numbers = [n for n in re.split(r"\s*(?:,|\band\b|\s)\s*", spec) if n and n != "the"]
    if numbers and all(re.fullmatch(r"\d+(?:st|nd|rd|th)?", n) for n in numbers):
        return {"monthdays": tuple(int(re.sub(r"\D", "", n)) for n in numbers)}
    for word in sorted(_ORDINALS, key=len, reverse=True):
        if spec.startswith(word + " "):
            rest = spec[len(word) :].strip()
            weekday = _DAYS.get(rest)
            if weekday is not None:
                return {"weekdays": (weekday,), "nth": _ORDINALS[word]}
            return None
    weekdays = _weekday_list(spec)
    return {"weekdays": weekdays} if weekdays else None


def _weekday_list(spec: str) -> tuple[int, ...]:
    """`mon, thu`, `mon and thu`, `mon-fri`, `mon to fri`, `weekdays`, `weekend`."""
    spec = spec.strip()
    span = re.fullmatch(r"([a-z]+)\s*(?:-|to|through|thru)\s*([a-z]+)", spec)
    if span and span.group(1) in _DAYS and span.group(2) in _DAYS:
        first, last = _DAYS[span.group(1)], _DAYS[span.group(2)]
        return tuple(range(first, last + 1)) if first <= last else ()
    names = [n for n in re.split(r"\s*(?:,|\band\b|/|\s)\s*", spec) if n]
    out: list[int] = []
    for name in names:
        if name in ("weekday", "weekdays", "workdays"):
            out.extend(WORKDAYS)
        elif name in ("weekend", "weekends"):
            out.extend((5, 6))
        elif name.rstrip("s") in _DAYS and name.endswith("days"):
            out.append(_DAYS[name.rstrip("s")])
        elif name in _DAYS:
            out.append(_DAYS[name])
        else:
            return ()
    return tuple(out)


# Chinese ------------------------------------------------------------------------------
def _zh_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if len(text) == 2 and text[0] == "十" and text[1] in _ZH_NUM:
        return 10 + _ZH_NUM[text[1]]
    if len(text) == 2 and text[1] == "十" and text[0] in _ZH_NUM:
        return _ZH_NUM[text[0]] * 10
    if len(text) == 3 and text[1] == "十" and text[0] in _ZH_NUM and text[2] in _ZH_NUM:
        return _ZH_NUM[text[0]] * 10 + _ZH_NUM[text[2]]
    return _ZH_NUM.get(text)


_N = r"(\d+|[一二两三四五六七八九十]+)?"


def _zh(raw: str) -> Rule | None:
    text = raw.replace(" ", "").replace(",", "、").replace("，", "、")
    if text in ("每天", "每日", "天天"):
        return Rule("DAILY")
    if text in ("工作日", "每个工作日", "每工作日", "每周工作日"):
        return Rule("WEEKLY", weekdays=WORKDAYS)
    if text in ("双周", "隔周"):
        return Rule("WEEKLY", 2)
    if found := re.fullmatch(r"完成后" + _N + r"(天|日|周|星期|个月|月|年)", text):
        amount = _zh_number(found.group(1) or "1")
        unit = {"天": "d", "日": "d", "周": "w", "星期": "w", "年": "y"}.get(found.group(2), "m")
        return Rule(AFTER_DONE, amount, unit=unit) if amount else None
    found = re.fullmatch(r"每" + _N + r"(个)?(天|日|周|星期|礼拜|月|季度|季|年)(?:的)?(.*)", text)
    if not found:
        return None
    amount = _zh_number(found.group(1) or "1")
    unit = {"天": "d", "日": "d", "周": "w", "星期": "w", "礼拜": "w", "月": "m", "年": "y"}.get(
        found.group(3), "q"
    )
    rest = found.group(4)
    if amount is None:
        return None
    if not rest:
        return _every(amount, unit)
    if unit == "d":
        return None
    if unit == "w":
        weekdays = _zh_weekdays(rest)
        return Rule("WEEKLY", amount, weekdays=weekdays) if weekdays else None
    months: tuple[int, ...] = ()
    if paren := re.fullmatch(r"(.*?)[（(](.+)[）)]", rest):
        rest = paren.group(1)
        names = [n for n in re.split(r"[、和及]", paren.group(2)) if n]
        picked = [_zh_number(n.removesuffix("月")) for n in names]
        if not picked or any(m is None for m in picked):
            return None
        months = tuple(m for m in picked if m is not None)
    if (
        unit == "y"
        and not months
        and (md := re.match(r"(\d+|[一二三四五六七八九十]+)月(.+)", rest))
    ):
        month = _zh_number(md.group(1))
        if month is None:
            return None
        months, rest = (month,), md.group(2)
    if months and not rest:
        return Rule("YEARLY" if unit == "y" else "MONTHLY", amount, months=months)
    days = _zh_day_spec(rest)
    if days is None:
        return None
    if unit == "q":
        if amount != 1:
            raise invalid("recur.err.quarter_interval")
        ends = days.get("nth", 0) < 0 or any(d < 0 for d in days.get("monthdays", ()))
        return Rule("MONTHLY", months=QUARTER_ENDS if ends else QUARTER_STARTS, **days)
    freq = "YEARLY" if unit == "y" else "MONTHLY"
    return Rule(freq, amount, months=months, **days)


def _zh_weekdays(text: str) -> tuple[int, ...]:
    """`一、四`, `周一和周四`, `周一至周五` (a span), `周日`."""
    day = r"(?:周|星期|礼拜)?([一二三四五六日天])"
    if span := re.fullmatch(day + r"(?:至|到|~|-|－)" + day, text):
        first, last = (6 if d == "天" else ZH_DAYS.index(d) for d in span.groups())
        return tuple(range(first, last + 1)) if first <= last else ()
    out: list[int] = []
    for part in filter(None, re.split(r"[、和及与/]", text)):
        name = re.sub(r"^(周|星期|礼拜)", "", part)
        if name in ("天", "日"):
            out.append(6)
        elif len(name) == 1 and name in ZH_DAYS:
            out.append(ZH_DAYS.index(name))
        else:
            return ()
    return tuple(out)


def _zh_day_spec(text: str) -> dict[str, Any] | None:
    if text in ("最后一天", "月底", "月末", "季末", "季度末", "年底", "年末"):
        return {"monthdays": (-1,)}
    if found := re.fullmatch(r"倒数第" + _N + r"天", text):
        n = _zh_number(found.group(1) or "1")
        return {"monthdays": (-n,)} if n else None
    parts = [p for p in text.split("、") if p]
    if parts and all(re.fullmatch(r"(\d+|[一二三四五六七八九十]+)[日号]", p) for p in parts):
        days = [_zh_number(p[:-1]) for p in parts]
        return {"monthdays": tuple(d for d in days if d)} if all(days) else None
    found = re.fullmatch(
        r"(第|倒数第|最后)" + _N + r"个?(?:周|星期|礼拜)([一二三四五六日天])", text
    )
    if found:
        which, amount, day = found.groups()
        n = _zh_number(amount or "1") or 0
        nth = -1 if which == "最后" else (-n if which == "倒数第" else n)
        return {"weekdays": (ZH_DAYS.index(day) if day != "天" else 6,), "nth": nth}
    weekdays = _zh_weekdays(text)
    return {"weekdays": weekdays} if weekdays else None


# wording ------------------------------------------------------------------------------
