"""Pure rules: weeks, dates, carry-over, panels, customers due, relative times, search."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cockpit.core import i18n
from cockpit.core.clock import FrozenClock
from cockpit.core.dates import parse_date
from cockpit.core.errors import DateError, WeekError
from cockpit.core.model import Customer, Item
from cockpit.core.textwidth import cell_width, fit
from cockpit.core.weeks import monday, parse_week, shift, week_of
from cockpit.find.records import customer_records, item_records
from cockpit.find.search import SearchIndex
from cockpit.items.rules import carry_over, customers_due, panels, this_week
from cockpit.items.workspace import Workspace

WED = dt.date(2026, 11, 18)


def test_iso_weeks_across_the_year_boundary() -> None:
    assert week_of(WED) == "2026-W47"
    assert week_of(dt.date(2026, 12, 31)) == "2026-W53"
    assert week_of(dt.date(2027, 1, 3)) == "2026-W53"  # Sunday still in 2026's last week
    assert week_of(dt.date(2027, 1, 4)) == "2027-W01"
    assert shift("2026-W53", 1) == "2027-W01"
    assert monday("2026-W47") == dt.date(2026, 11, 16)


@pytest.mark.parametrize(
    ("text", "week"),
    [
        ("this", "2026-W47"),
        ("next", "2026-W48"),
        ("last", "2026-W46"),
        ("+3", "2026-W50"),
        ("-1", "2026-W46"),
        ("W2", "2026-W02"),
        ("2027-W01", "2027-W01"),
        ("2027w1", "2027-W01"),
        ("2026-12-31", "2026-W53"),
    ],
)
def test_parse_week(text: str, week: str) -> None:
    assert parse_week(text, WED) == week


@pytest.mark.parametrize("text", ["someday", "W54", "2025-W53", "13/11"])
def test_parse_week_refuses_with_a_sentence(text: str) -> None:
    with pytest.raises(WeekError, match="week"):
        parse_week(text, WED)


def test_parse_date() -> None:
    assert parse_date("today", WED) == WED
    assert parse_date("tomorrow", WED) == dt.date(2026, 11, 19)
    assert parse_date("+10", WED) == dt.date(2026, 11, 28)
    assert parse_date("fri", WED) == dt.date(2026, 11, 20)
    assert parse_date("wed", WED) == dt.date(2026, 11, 25)  # the next one, not today
    assert parse_date("2026-12-01", WED) == dt.date(2026, 12, 1)
    with pytest.raises(DateError, match="YYYY-MM-DD"):
        parse_date("31.12.2026", WED)


def item(n: int, week: str, **kw: object) -> Item:
    return Item(id=n, title=f"item {n}", week=week, **kw)  # type: ignore[arg-type]


def test_carry_over_is_derived_from_open_items_of_earlier_weeks() -> None:
    items = [
        item(1, "2026-W47"),
        item(2, "2026-W46", carried=1),
        item(3, "2026-W45", status="done"),
        item(4, "2026-W44"),
        item(5, "2026-W48"),
        item(6, "2026-W46", key=True),
        item(7, "2026-W47", list="ops"),
        item(8, "2026-W47", list="key"),
    ]
    assert [i.id for i in carry_over(items, "2026-W47")] == [4, 2, 6]
    split = panels(items, "2026-W47")
    assert [i.id for i in split["key"]] == [6, 8]  # a carried key item stays a key item
    assert [i.id for i in split["carry"]] == [4, 2]
    assert [i.id for i in split["plan"]] == [1]
    assert [i.id for i in split["ops"]] == [7]
    assert [i.id for i in this_week(items, "2026-W47")] == [4, 2, 6, 1, 7, 8]
    # A week later, this week's open work has become carry-over itself.
    assert {i.id for i in carry_over(items, "2026-W48")} == {1, 2, 4, 6, 7, 8}


def test_due_items_sort_first_in_a_panel() -> None:
    items = [
        item(1, "2026-W47"),
        item(2, "2026-W47", due="2026-11-30"),
        item(3, "2026-W47", due="2026-11-19"),
    ]
    assert [i.id for i in panels(items, "2026-W47")["plan"]] == [3, 2, 1]


def test_customers_due() -> None:
    customers = [
        Customer(id=1, name="A", tier="top", last_touch="2026-11-10"),  # 8 days: fine
        Customer(id=2, name="B", tier="top", last_touch="2026-11-01"),  # 17 days: due
        Customer(id=3, name="C", tier="top"),  # never touched: due
        Customer(id=4, name="D", tier="normal"),  # never touched but not top: fine
        Customer(id=5, name="E", tier="key", next_followup="2026-11-18"),  # today: due
        Customer(id=6, name="F", tier="key", next_followup="2026-11-19"),  # tomorrow: fine
    ]
    due = customers_due(customers, WED, 14)
    assert [(d.customer.name, d.reason) for d in due] == [
        ("C", "never"),
        ("B", "untouched"),
        ("E", "followup"),
    ]
    assert [d.customer.name for d in customers_due(customers, WED, 7)] == ["C", "B", "A", "E"]


def test_relative_days_in_both_languages() -> None:
    assert i18n.relative_day(dt.date(2026, 11, 20), WED) == "in 2 days"
    assert i18n.relative_day(dt.date(2026, 10, 28), WED) == "3 weeks ago"
    assert i18n.relative_day(WED, WED) == "today"
    i18n.set_language("zh")
    assert i18n.relative_day(dt.date(2026, 11, 20), WED) == "2天后"
    assert i18n.relative_day(dt.date(2026, 10, 28), WED) == "3周前"
    assert i18n.t("panel.carry") == "上周未完成"


def test_catalog_is_complete_in_both_languages() -> None:
    import string

    def names(text: str) -> set[str]:
        text = i18n.PLURAL.sub(r"{\1}", text)  # {n|item|items} names n
        return {f for _, f, _, _ in string.Formatter().parse(text) if f}

    # Keys whose languages word a value differently on purpose (English ordinals).
    worded_apart = {"trend.growth_n", "trend.decline_n"}
    for key, (en, zh) in i18n.CATALOG.items():
        assert en and zh, key
        every = dict.fromkeys(names(en) | names(zh), 1)
        i18n.fill(en, every), i18n.fill(zh, every)  # both are valid format strings
        if key not in worded_apart:
            # Same placeholders, unless one language words it without any.
            assert names(zh) == names(en) or not names(zh) or not names(en), key


def test_english_counts_agree_with_their_nouns() -> None:
    """ "1 launches", "1 follow-ups": a count before a plural noun must use the plural
    form `{n|launch|launches}`, so one is singular."""
    import re

    # {what} names a thing ("{what} columns must be…"), never a count.
    bare = re.compile(r"\{(?!what\})\w+\} (?:new |dated )?(\w+s)\b")
    verbs = {
        "is",
        "has",
        "was",
        "does",
        "goes",
        "shows",
        "stays",
        "declares",
        "starts",
        "mixes",
        "needs",
    }
    for key, (en, _zh) in i18n.CATALOG.items():
        found = [w for w in bare.findall(en) if w not in verbs]
        assert not found, (key, en)
    assert i18n.fill("{n} {n|launch|launches} · {late} {late|item|items}", {"n": 1, "late": 3}) == (
        "1 launch · 3 items"
    )
    i18n.set_language("zh")
    assert i18n.t("launch.status", n=1, late=1).startswith("1 个上线 · 1 项逾期")


def test_cli_columns_align_chinese() -> None:
    assert cell_width("周报ab") == 6
    assert cell_width(fit("准备产品周会材料", 10)) == 10
    assert fit("准备产品周会材料", 10).endswith("…  ") or fit("准备产品周会材料", 10).endswith("… ")
    assert cell_width(fit("abc", 10)) == 10


def test_search_finds_items_and_customers_with_typos() -> None:
    items = [Item(id=1, title="Draft logical replication failover PRD", week="2026-W47")]
    index = SearchIndex(
        item_records(items) + customer_records([Customer(id=9, name="招商银行", tier="top")])
    )
    assert index.search("replicaton")[0].ref == 1
    assert index.search("招商")[0].kind == "customer"
    assert index.search("") == []


def test_workspace_rollover_with_the_frozen_clock(tmp_path: Path, clock: FrozenClock) -> None:
    ws = Workspace(tmp_path / "ws", clock)
    a = ws.add("Write the weekly report")
    assert ws.week == "2026-W47" and not carry_over(ws.items(), ws.week)
    clock.set(dt.datetime(2026, 11, 22, 23, 59))  # Sunday night: still W47
    assert not carry_over(ws.items(), ws.week)
    clock.advance(minutes=2)  # Monday 00:01
    assert ws.week == "2026-W48"
    assert [i.id for i in carry_over(ws.items(), ws.week)] == [a.id]
    kept = ws.keep(a.id)
    assert kept.week == "2026-W48" and kept.carried == 1
    assert not carry_over(ws.items(), ws.week)


def test_cell_widths_count_wide_and_combining_characters() -> None:
    def reference(text: str) -> int:  # the rule, one character at a time
        import unicodedata

        return sum(
            0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
            for c in text
        )

    samples = ["plain ascii", "周报ab", "e\u0301te\u0301", "ｆｕｌｌ", "mixed 中文 and …", ""]
    for text in samples:
        assert cell_width(text) == reference(text), text
        for width in (1, 5, 12):
            cut = fit(text, width)
            assert cell_width(cut) == width
            assert cut.rstrip(" ").removesuffix("…") in text
