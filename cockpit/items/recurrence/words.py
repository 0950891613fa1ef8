"""A rule in words, in English or Chinese, as `parse_rule` reads it back: the form shows
it and the user edits it; `to_input` falls back to the RRULE when a rule has no such
wording."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from cockpit.core.errors import InvalidError
from cockpit.items.recurrence.parse import WORKDAYS, ZH_DAYS, parse_rule
from cockpit.items.recurrence.rule import QUARTER_ENDS, QUARTER_STARTS, Rule

_EN_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_EN_UNITS = {"d": "day", "w": "week", "m": "month", "y": "year"}
_ZH_UNITS = {"d": "天", "w": "周", "m": "个月", "y": "年"}


def describe(rule: Rule, lang: str = "en") -> str:
    """The rule in words of `lang` ("en" or "zh"), as `parse_rule` reads it back."""
    text = _describe_zh(rule) if lang == "zh" else _describe_en(rule)
    if rule.until is not None:
        text += f"，直到{rule.until.isoformat()}" if lang == "zh" else f" until {rule.until}"
    if rule.count is not None:
        text += f"，还剩{rule.count}次" if lang == "zh" else f" {rule.count} more times"
    return text


def to_input(rule: Rule, lang: str = "en") -> str:
    """What an input shows for `rule`: its wording when that reads back as the same
    rule, else the stored RRULE (always readable). A rule pinned to a day from the
    29th (`cockpit.items.recurrence.dates.pinned`) shows as the words it was pinned from (every
    month), which pin it again on the same item."""
    if rule.setpos:
        yearly = rule.freq == "YEARLY" and len(rule.months) == 1
        rule = replace(rule, monthdays=(), setpos=0, months=() if yearly else rule.months)
    for candidate in (describe(rule, lang), describe(rule, "en")):
        try:
            if parse_rule(candidate, rule.until or dt.date(2000, 1, 1)) == rule:
                return candidate
        except InvalidError:
            continue
    return rule.stored()


def _en_ordinal(n: int) -> str:
    if n < 0:
        return "last" if n == -1 else f"{_en_ordinal(-n)} last"
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(n if n < 20 else n % 10, "th")
    return f"{n}{suffix}"


def _en_days(rule: Rule) -> str:
    if rule.weekdays:
        names = ", ".join(_EN_DAYS[w] for w in rule.weekdays)
        return f"the {_en_ordinal(rule.nth)} {names}" if rule.nth else names
    if rule.monthdays == (-1,):
        return "the last day"
    if rule.monthdays and all(d < 0 for d in rule.monthdays) and len(rule.monthdays) == 1:
        return f"the {_en_ordinal(rule.monthdays[0])} day"
    return "the " + ", ".join(_en_ordinal(d) for d in rule.monthdays)


def _describe_en(rule: Rule) -> str:
    n = rule.interval
    if rule.setpos:
        every = "every month" if rule.freq == "MONTHLY" else "every year"
        if n != 1:
            every = f"every {n} {'month' if rule.freq == 'MONTHLY' else 'year'}s"
        day = _en_ordinal(max(rule.monthdays))
        months = ", ".join(_EN_MONTHS[m - 1] for m in rule.months)
        where = f" in {months}" if months else ""
        return f"{every}{where} on the {day}, or the month's last day"
    if rule.after_done:
        unit = _EN_UNITS[rule.unit] + ("s" if n != 1 else "")
        return f"{n} {unit} after done"
    unit = {"DAILY": "day", "WEEKLY": "week", "MONTHLY": "month", "YEARLY": "year"}[rule.freq]
    every = f"every {unit}" if n == 1 else f"every {n} {unit}s"
    if rule.freq == "WEEKLY" and rule.weekdays:
        if n == 1 and rule.weekdays == WORKDAYS:
            return "every weekday"
        return f"{every} on {', '.join(_EN_DAYS[w] for w in rule.weekdays)}"
    if not rule.weekdays and not rule.monthdays:
        if rule.months:
            return f"{every} in {', '.join(_EN_MONTHS[m - 1] for m in rule.months)}"
        return every
    quarter = _quarter_kind(rule)
    if quarter:
        return f"{_en_days(rule)} of each quarter"
    one_day = len(rule.months) == 1 and len(rule.monthdays) == 1
    if rule.freq == "YEARLY" and one_day and rule.monthdays[0] > 0:
        return f"{every} on {_EN_MONTHS[rule.months[0] - 1]} {rule.monthdays[0]}"
    text = f"{every} on {_en_days(rule)}"
    if rule.months:
        text += f" in {', '.join(_EN_MONTHS[m - 1] for m in rule.months)}"
    return text


def _quarter_kind(rule: Rule) -> bool:
    """A rule that reads as "… of each quarter" (see `_every_on`)."""
    if rule.freq != "MONTHLY" or rule.interval != 1:
        return False
    ends = rule.nth < 0 or any(d < 0 for d in rule.monthdays)
    return rule.months == (QUARTER_ENDS if ends else QUARTER_STARTS)


def _zh_days(rule: Rule) -> str:
    if rule.weekdays:
        names = "、".join("周" + ZH_DAYS[w] for w in rule.weekdays)
        if rule.nth == -1:
            return f"最后一个{names}"
        if rule.nth < 0:
            return f"倒数第{-rule.nth}个{names}"
        return f"第{rule.nth}个{names}" if rule.nth else names
    if rule.monthdays == (-1,):
        return "最后一天"
    if len(rule.monthdays) == 1 and rule.monthdays[0] < 0:
        return f"倒数第{-rule.monthdays[0]}天"
    return "、".join(f"{d}日" for d in rule.monthdays)


def _describe_zh(rule: Rule) -> str:
    n = rule.interval
    if rule.setpos:
        unit = "月" if rule.freq == "MONTHLY" else "年"
        every = f"每{unit}" if n == 1 else f"每{n}{'个月' if unit == '月' else '年'}"
        months = "、".join(f"{m}月" for m in rule.months)
        return f"{every}{months}{max(rule.monthdays)}日（无此日则为月末）"
    if rule.after_done:
        return f"完成后{n}{_ZH_UNITS[rule.unit]}"
    unit = {"DAILY": "天", "WEEKLY": "周", "MONTHLY": "个月", "YEARLY": "年"}[rule.freq]
    every = "每" + ({"个月": "月"}.get(unit, unit) if n == 1 else f"{n}{unit}")
    months = "、".join(f"{m}月" for m in rule.months)
    if rule.freq == "WEEKLY" and rule.weekdays:
        if n == 1 and rule.weekdays == WORKDAYS:
            return "每个工作日"
        names = "、".join("周" + ZH_DAYS[w] for w in rule.weekdays)
        return f"{every}{names[1:]}" if n == 1 else f"{every}的{names}"
    if not rule.weekdays and not rule.monthdays:
        return f"{every}（{months}）" if months else every
    if _quarter_kind(rule):
        return f"每季度{_zh_days(rule)}"
    joint = "" if n == 1 else "的"
    if rule.freq == "YEARLY" and len(rule.months) == 1:
        return f"{every}{joint}{rule.months[0]}月{_zh_days(rule)}"
    text = f"{every}{joint}{_zh_days(rule)}"
    return f"{text}（{months}）" if months else text
