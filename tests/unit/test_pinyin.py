"""Finding and sorting the way Chinese users do: full pinyin, initials and mixtures,
words in any order, notes/annotations/owners searched, names sorted by pinyin."""

from __future__ import annotations

import subprocess
import sys

import pytest

from cockpit.core.model import Customer, Item
from cockpit.find import pinyin
from cockpit.find.records import customer_records, item_records
from cockpit.find.search import SearchIndex

ITEMS = [
    Item(id=1, title="准备瀚海银行季度复盘", week="2026-W47", customer="瀚海银行"),
    Item(id=2, title="北辰证券逻辑复制方案评审", week="2026-W47", owner="李娜"),
    Item(id=3, title="Review pgvector roadmap", week="2026-W47"),
    Item(id=4, title="整理周报", week="2026-W47", notes="2026-11-17: 记得附上慢查询诊断截图"),
    Item(id=5, title="行业报告", week="2026-W47"),
]
CUSTOMERS = [Customer(id=1, name="瀚海银行", tier="top"), Customer(id=2, name="招商银行")]


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex(item_records(ITEMS) + customer_records(CUSTOMERS))


def found(index: SearchIndex, query: str) -> list[tuple[str, int]]:
    return [(h.kind, h.ref) for h in index.search(query)]


@pytest.mark.parametrize("query", ["hanhai", "hhyh", "瀚h", "hanhyh", "hanhaiyinhang", "HHYH"])
def test_full_pinyin_initials_and_mixtures_find_the_bank(index: SearchIndex, query: str) -> None:
    hits = found(index, query)
    assert ("customer", 1) in hits and ("item", 1) in hits
    assert ("customer", 2) not in hits  # 招商银行 has 银行 but not 瀚海


def test_a_match_starts_at_a_syllable(index: SearchIndex) -> None:
    assert ("customer", 1) not in found(index, "anhai")  # inside "hanhai"


def test_words_in_any_order(index: SearchIndex) -> None:
    assert found(index, "ha 复盘")[0] == ("item", 1)
    assert found(index, "复盘 ha")[0] == ("item", 1)
    assert found(index, "fp hhyh")[0] == ("item", 1)
    assert found(index, "zsyh") == [("customer", 2)]


def test_heteronyms_both_readings(index: SearchIndex) -> None:
    assert ("item", 5) in found(index, "hybg")  # 行业 read hang
    assert ("customer", 1) in found(index, "yinhang")  # 银行 read hang, not xing


def test_notes_annotations_and_owners_are_searched(index: SearchIndex) -> None:
    assert found(index, "慢查询") == [("item", 4)]  # a taskwarrior annotation, in the notes
    assert found(index, "李娜") == [("item", 2)]
    assert found(index, "lina") == [("item", 2)]


def test_a_title_match_outranks_one_in_the_details(index: SearchIndex) -> None:
    # Both titles hold 瀚海银行: they rank above 招商银行's item, whose details hold it.
    items = [*ITEMS, Item(id=9, title="季度复盘", week="2026-W47", customer="瀚海银行")]
    hits = found(SearchIndex(item_records(items) + customer_records(CUSTOMERS)), "hhyh")
    assert set(hits[:2]) == {("customer", 1), ("item", 1)}
    assert hits[2] == ("item", 9)


def test_latin_search_is_unchanged(index: SearchIndex) -> None:
    assert found(index, "pgvec") == [("item", 3)]
    assert found(index, "roadmap") == [("item", 3)]


def test_customer_names_sort_by_pinyin() -> None:
    names = ["招商银行", "ACME", "北辰证券", "瀚海银行", "阿里云", "重庆农商行", "zeta"]
    assert sorted(names, key=pinyin.sort_key) == [
        "ACME", "阿里云", "北辰证券", "重庆农商行", "瀚海银行", "zeta", "招商银行",
    ]  # fmt: skip


def test_pypinyin_is_not_imported_by_the_cli_or_the_finder_module() -> None:
    """Start-up stays as it was: only building an index with Chinese reads the table."""
    code = (
        "import sys; import cockpit.find.search, cockpit.cli.items, cockpit.tui;"
        "print('pypinyin' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
