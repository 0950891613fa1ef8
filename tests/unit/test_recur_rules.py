"""Recurrence rules: what a user types (English, Chinese, RRULE, taskwarrior), and the
dates they give across month ends, leap years and daylight-saving changes."""

from __future__ import annotations

import datetime as dt

import pytest

from cockpit.core import i18n
from cockpit.core.errors import InvalidError
from cockpit.items.recurrence.dates import next_due, pinned
from cockpit.items.recurrence.parse import parse_rule
from cockpit.items.recurrence.rule import Rule, read_stored
from cockpit.items.recurrence.words import describe, to_input

TODAY = dt.date(2026, 11, 18)  # a Wednesday


def series(rule: Rule, due: dt.date, n: int) -> list[dt.date]:
    """The next `n` due dates, each finished on its own due date."""
    out = []
    for _ in range(n):
        nxt = next_due(rule, due, due)
        assert nxt is not None
        out.append(nxt)
        due = nxt
    return out


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("daily", "FREQ=DAILY"),
        ("weekly", "FREQ=WEEKLY"),
        ("biweekly", "FREQ=WEEKLY;INTERVAL=2"),
        ("every 2 weeks on thu", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH"),
        ("every mon, thu", "FREQ=WEEKLY;BYDAY=MO,TH"),
        ("weekdays", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
        ("monthly", "FREQ=MONTHLY"),
        ("every month on the 15th", "FREQ=MONTHLY;BYMONTHDAY=15"),
        ("every month on the last fri", "FREQ=MONTHLY;BYDAY=-1FR"),
        ("every month on the last day", "FREQ=MONTHLY;BYMONTHDAY=-1"),
        ("the last friday of the quarter", "FREQ=MONTHLY;BYMONTH=3,6,9,12;BYDAY=-1FR"),
        ("the 1st of each quarter", "FREQ=MONTHLY;BYMONTH=1,4,7,10;BYMONTHDAY=1"),
        ("quarterly", "FREQ=MONTHLY;INTERVAL=3"),
        ("every year on dec 24", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24"),
        (".+3d", ".+3d"),
        ("3 days after done", ".+3d"),
        ("2wks", "FREQ=WEEKLY;INTERVAL=2"),  # taskwarrior
        ("P1M", "FREQ=MONTHLY"),  # taskwarrior 3 (ISO 8601)
        ("每天", "FREQ=DAILY"),
        ("每两周周四", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH"),
        ("每月15日", "FREQ=MONTHLY;BYMONTHDAY=15"),
        ("每月最后一个周五", "FREQ=MONTHLY;BYDAY=-1FR"),
        ("每季度最后一个周五", "FREQ=MONTHLY;BYMONTH=3,6,9,12;BYDAY=-1FR"),
        ("每年12月24日", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24"),
        ("完成后3天", ".+3d"),
        ("weekly until 2026-12-31", "FREQ=WEEKLY;UNTIL=20261231"),
        ("FREQ=MONTHLY;BYDAY=-1FR", "FREQ=MONTHLY;BYDAY=-1FR"),
    ],
)
def test_what_a_user_types_is_the_rule_stored(text: str, stored: str) -> None:
    rule = parse_rule(text, TODAY)
    assert rule.stored() == stored
    assert read_stored(stored) == rule  # and the stored form reads back the same


@pytest.mark.parametrize(
    "text",
    ["every full moon", "FREQ=HOURLY", "FREQ=MONTHLY;BYHOUR=9", "every 0 days", "none", ""],
)
def test_an_unreadable_rule_is_one_sentence(text: str) -> None:
    with pytest.raises(InvalidError) as caught:
        parse_rule(text, TODAY)
    sentence = str(caught.value)
    assert "\n" not in sentence and sentence


def test_a_rule_that_never_gives_a_date_is_refused_before_dateutil_searches_for_ever() -> None:
    with pytest.raises(InvalidError, match="never falls on a date"):
        next_due(read_stored("FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=31"), TODAY, TODAY)


def test_monthly_from_the_31st_keeps_the_month_end_and_comes_back_to_the_31st() -> None:
    rule = pinned(parse_rule("monthly", TODAY), d("2027-01-31"))
    assert rule.stored() == "FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1"
    assert series(rule, d("2027-01-31"), 5) == [
        d("2027-02-28"),
        d("2027-03-31"),
        d("2027-04-30"),
        d("2027-05-31"),
        d("2027-06-30"),
    ]
    # The form shows the words it was pinned from, not the RRULE.
    assert to_input(rule) == "every month"


def test_monthly_from_the_30th_in_a_leap_year_february() -> None:
    rule = pinned(parse_rule("monthly", TODAY), d("2028-01-30"))
    assert series(rule, d("2028-01-30"), 3) == [d("2028-02-29"), d("2028-03-30"), d("2028-04-30")]


def test_yearly_from_february_29th_falls_on_the_28th_until_the_next_leap_year() -> None:
    rule = pinned(parse_rule("yearly", TODAY), d("2028-02-29"))
    assert series(rule, d("2028-02-29"), 4) == [
        d("2029-02-28"),
        d("2030-02-28"),
        d("2031-02-28"),
        d("2032-02-29"),
    ]


def test_an_explicit_31st_skips_the_months_without_one_as_icalendar_does() -> None:
    rule = parse_rule("every month on the 31st", TODAY)
    assert series(rule, d("2027-01-31"), 2) == [d("2027-03-31"), d("2027-05-31")]


def test_last_friday_of_the_quarter_across_the_year_end() -> None:
    rule = parse_rule("the last friday of the quarter", TODAY)
    assert series(rule, d("2026-12-25"), 4) == [
        d("2027-03-26"),
        d("2027-06-25"),
        d("2027-09-24"),
        d("2027-12-31"),
    ]


def test_every_two_weeks_on_thursday_over_the_new_year() -> None:
    rule = parse_rule("every 2 weeks on thu", TODAY)
    assert series(rule, d("2026-12-24"), 3) == [d("2027-01-07"), d("2027-01-21"), d("2027-02-04")]


def test_a_late_finish_does_not_make_the_missed_ones_and_an_early_one_does_not_repeat() -> None:
    rule = parse_rule("weekly", TODAY)
    # Due Monday Nov 2, finished on Wednesday Nov 18: next is the Monday after that.
    assert next_due(rule, d("2026-11-02"), d("2026-11-18")) == d("2026-11-23")
    # Due Friday Nov 20, finished early on the Wednesday: the next is a week after the due.
    assert next_due(rule, d("2026-11-20"), d("2026-11-18")) == d("2026-11-27")


def test_a_repeat_after_done_counts_from_the_finishing_day_with_month_end_clamping() -> None:
    three_days = parse_rule(".+3d", TODAY)
    assert next_due(three_days, d("2026-11-01"), d("2026-11-18")) == d("2026-11-21")
    month = parse_rule(".+1m", TODAY)
    assert next_due(month, None, d("2027-01-31")) == d("2027-02-28")
    assert next_due(month, None, d("2028-01-31")) == d("2028-02-29")


def test_until_and_count_end_the_series() -> None:
    until = parse_rule("weekly until 2026-12-01", TODAY)
    assert next_due(until, d("2026-11-23"), d("2026-11-23")) == d("2026-11-30")
    assert next_due(until, d("2026-11-30"), d("2026-11-30")) is None
    twice = parse_rule("weekly 2 more times", TODAY)
    assert next_due(twice, d("2026-11-23"), d("2026-11-23")) == d("2026-11-30")
    assert next_due(read_stored("FREQ=WEEKLY;COUNT=1"), d("2026-11-30"), d("2026-11-30")) is None


@pytest.mark.parametrize(
    "text",
    [
        "weekly",
        "every 2 weeks on thu",
        "every month on the last fri",
        "the last friday of the quarter",
        "every year on dec 24",
        ".+3d",
        "weekdays",
        "every month on the 1st, 15th",
    ],
)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_words_shown_for_a_rule_read_back_as_the_same_rule(text: str, lang: str) -> None:
    rule = parse_rule(text, TODAY)
    shown = describe(rule, lang)
    assert parse_rule(shown, TODAY) == rule, shown


def test_refusals_are_worded_in_chinese_too() -> None:
    with pytest.raises(InvalidError) as caught:
        parse_rule("每逢初一", TODAY)
    i18n.set_language("zh")
    assert "无法识别重复规则" in str(caught.value)
