"""The finder's rules: what ranks first for a few typed letters, and the filters a
taskwarrior user types (+tag @customer list: due: status:), combined with words."""

from __future__ import annotations

import datetime as dt

import pytest

from cockpit.core.model import Customer, Item
from cockpit.find.query import parse_query
from cockpit.find.records import Record, customer_records, item_records
from cockpit.find.search import SearchIndex

WED = dt.date(2026, 11, 18)


def item(n: int, title: str, **kw: object) -> Item:
    kw.setdefault("week", "2026-W47")
    return Item(id=n, title=title, **kw)  # type: ignore[arg-type]


ITEMS = [
    item(1, "PGConf.Asia CFP submission", tags=["community", "talk"], week="2026-W48"),
    item(2, "Review extension usage stats (pgvector, PostGIS)", tags=["extension"]),
    item(3, "Vector tiles straight from PostGIS", tags=["gis"]),
    item(4, "升级 PG 17 方案评审", tags=["pg", "upgrade"], customer="北辰证券", due="2026-11-20"),
    item(5, "Draft logical replication failover PRD", list="key", key=True, due="2026-11-18"),
    item(6, "HA postmortem for 瀚海银行", customer="瀚海银行", due="2026-11-10", tags=["ha"]),
    item(7, "Sign off the 17.x maintenance window", status="done", tags=["pg"]),
    item(8, "Plan Q1 roadmap", due="2026-11-27", week="2026-W48"),
    item(9, "Ops: meetup venue", list="ops", tags=["pgday"]),
]
CUSTOMERS = [
    Customer(id=21, name="瀚海银行", tier="top", industry="finance"),
    Customer(id=22, name="北辰证券", tier="top"),
]


@pytest.fixture
def index() -> SearchIndex:
    records: list[Record] = item_records(ITEMS) + customer_records(CUSTOMERS)
    records.append(Record("requirement", 31, "pgvector HNSW builds in parallel", "#31"))
    return SearchIndex(records)


def refs(hits: list[object]) -> list[int]:
    return [h.ref for h in hits]  # type: ignore[attr-defined]


def test_word_starts_and_contiguous_matches_rank_first(index: SearchIndex) -> None:
    found = refs(index.search("pgvec", today=WED))
    assert found[:2] == [2, 31] or found[:2] == [31, 2]
    assert 1 not in found  # "PGConf" is no match for "pgvec"
    # A word that starts with the letters beats one that only contains them.
    assert refs(index.search("vector", today=WED))[0] == 3
    assert refs(index.search("vec", today=WED))[:1] == [3]
    # Every word counts, anywhere: both of these words are in item 5 only.
    assert refs(index.search("failover draft", today=WED)) == [5]


def test_a_typo_still_finds_but_only_when_the_words_are_not_there(index: SearchIndex) -> None:
    assert refs(index.search("replicaton", today=WED))[0] == 5
    assert refs(index.search("replication", today=WED)) == [5]  # no fuzzy extras


def test_filters_alone_and_with_words(index: SearchIndex) -> None:
    assert refs(index.search("+pg", today=WED)) == [4, 9, 7]  # open first, due first
    assert refs(index.search("+pg 升级", today=WED)) == [4]
    assert refs(index.search("+upgrade +pg", today=WED)) == [4]
    assert refs(index.search("@瀚海", today=WED)) == [6, 21]  # its items and itself
    assert refs(index.search("list:key", today=WED)) == [5]
    assert refs(index.search("list:ops +pgday", today=WED)) == [9]
    assert refs(index.search("status:done", today=WED)) == [7]
    assert refs(index.search("status:done +pg maintenance", today=WED)) == [7]


def test_due_filters_read_the_frozen_day(index: SearchIndex) -> None:
    assert refs(index.search("due:today", today=WED)) == [5]
    assert refs(index.search("due:overdue", today=WED)) == [6]
    assert refs(index.search("due:week", today=WED)) == [6, 5, 4]  # by Sunday, overdue too
    assert refs(index.search("due:fri", today=WED)) == [4]
    assert refs(index.search("due:2026-11-27", today=WED)) == [8]
    assert refs(index.search("due:week @北辰", today=WED)) == [4]


def test_bad_filter_values_are_said_and_left_out() -> None:
    query = parse_query("list:someday due:never failover", WED)
    assert query.words == ["failover"] and not query.lists and not query.due
    assert query.problems == [
        "list: takes key, plan, ops",
        "due: takes today, week, overdue or a date (fri, +3, 2026-11-20)",
    ]
    plain = parse_query("Q4: revenue + forecast @", WED)  # not operators: plain words
    assert plain.words == ["Q4:", "revenue", "+", "forecast", "@"]


def test_filters_read_chinese_values(index: SearchIndex) -> None:
    assert refs(index.search("list:重点", today=WED)) == [5]
    assert refs(index.search("list:运营 +pgday", today=WED)) == [9]
    assert refs(index.search("status:完成", today=WED)) == [7]
    assert refs(index.search("status:已完成 +pg", today=WED)) == [7]
    assert refs(index.search("due:今天", today=WED)) == [5]
    assert refs(index.search("due:逾期", today=WED)) == [6]
    assert refs(index.search("due:本周", today=WED)) == [6, 5, 4]
    assert refs(index.search("due:周五", today=WED)) == [4]
    assert refs(index.search("due:11月27日", today=WED)) == [8]


def test_bad_filter_values_are_said_in_chinese() -> None:
    from cockpit.core import i18n

    i18n.set_language("zh")
    query = parse_query("list:以后 due:从不 failover", WED)
    assert query.words == ["failover"] and not query.lists and not query.due
    assert query.problems == [
        "list: 可选 重点、计划、运营",
        "due: 可选 今天、本周、逾期 或日期（周五、+3、12月20日、2026-11-20）",
    ]
