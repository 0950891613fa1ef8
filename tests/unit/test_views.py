"""Views of the daily panels: the finder's filter words and a sort, named in config
(`[views.NAME]`, checked like every table), applied by the TUI and `cockpit ls --view`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from cockpit.cli.main import main
from cockpit.core.config import load_config
from cockpit.core.errors import ConfigError, InvalidError
from cockpit.core.model import Item
from cockpit.find.query import parse_query
from cockpit.find.records import item_records
from cockpit.find.search import SearchIndex
from cockpit.find.views import item_matches, make_view, named_view
from tests.unit.test_cli import use_cli_env

WED = dt.date(2026, 11, 18)  # 2026-W47


def item(n: int, title: str, **kw: object) -> Item:
    kw.setdefault("week", "2026-W47")
    kw.setdefault("created", f"2026-11-{n:02d}T09:00:00+08:00")
    return Item(id=n, title=title, **kw)  # type: ignore[arg-type]


ITEMS = [
    item(1, "准备瀚海银行季度汇报", customer="瀚海银行", due="2026-11-20", tags=["qbr"]),
    item(2, "HA postmortem", customer="瀚海银行", due="2026-11-10", tags=["ha", "pg"]),
    item(3, "瀚海 upgrade plan to PG 17", customer="瀚海银行", tags=["pg", "upgrade"]),
    item(4, "招商 POC", customer="招商银行", due="2026-11-19", tags=["poc"]),
    item(5, "Draft failover PRD", list="key", key=True, due="2026-11-27"),
    item(6, "Sign off 17.x window", customer="瀚海银行", status="done", due="2026-11-17"),
    item(7, "Meetup venue", list="ops", tags=["pgday"], owner="小王"),
    item(8, "瀚海 contract renewal", customer="瀚海银行", due="2026-12-15"),
]


def titles(items: list[Item]) -> list[int]:
    return [i.id for i in items]


def test_a_customer_week_view_keeps_this_weeks_work_for_the_customer() -> None:
    view = make_view("customer-week", "@瀚海银行 due:week", "due", WED)
    # due:week is the daily screen's rule: open, due by Sunday (overdue included).
    assert titles(view.apply(ITEMS)) == [2, 1]
    assert view.label() == "customer-week · @瀚海银行 due:week · ↑due"


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("+pg", [2, 3, 7]),  # a tag by its start, as the finder: pgday too
        ("+pg +upgrade", [3]),
        ("@瀚海", [1, 2, 3, 6, 8]),  # part of the name
        ("@招商 due:today", []),
        ("due:overdue", [2]),  # the done one is not overdue
        ("list:key", [5]),
        ("list:ops", [7]),
        ("status:done", [6]),
        ("upgrade 17", [3]),  # free words: all of them, anywhere
        ("小王", [7]),  # the owner
        ("due:2026-11-19", [4]),
    ],
)
def test_the_filter_keeps_what_the_finders_filters_keep(words: str, expected: list[int]) -> None:
    query = parse_query(words, WED)
    assert [i.id for i in ITEMS if item_matches(query, i)] == expected
    if not query.words:  # the finder itself, over the same items, agrees
        hits = SearchIndex(item_records(ITEMS)).search(query, limit=50, today=WED)
        assert sorted(h.ref for h in hits) == expected


def test_sorts_keep_ties_in_the_panels_order_and_missing_values_last() -> None:
    by = lambda sort: titles(make_view("", "", sort, WED).apply(ITEMS))  # noqa: E731
    assert by("due") == [2, 6, 4, 1, 5, 8, 3, 7]
    assert by("-due") == [8, 5, 1, 4, 6, 2, 3, 7]  # undated still last
    assert by("customer,due") == [4, 2, 6, 1, 8, 3, 5, 7]
    assert by("-age") == [8, 7, 6, 5, 4, 3, 2, 1]
    assert by("tag") == [2, 3, 7, 4, 1, 5, 6, 8]  # ha, pg, pgday, poc, qbr; untagged
    assert by("title")[:2] == [5, 2]


def test_bad_words_are_one_sentence() -> None:
    with pytest.raises(InvalidError) as bad:
        make_view("mine", "due:someday", "", WED)
    assert str(bad.value).startswith("view mine: due: takes today, week, overdue")
    with pytest.raises(InvalidError) as bad:
        make_view("", "", "customr", WED)
    assert "'customr' is not a sort key (did you mean 'customer'?)" in str(bad.value)
    assert bad.value.fields["part"] == "sort"


def _config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_views_in_config_are_typed_and_checked(tmp_path: Path) -> None:
    cfg = load_config(
        _config(
            tmp_path,
            '[views.customer-week]\nfilter = "@瀚海银行 due:week"\nsort = "due"\n'
            '[views.pg]\nfilter = "+pg"\n',
        )
    )
    assert list(cfg.views) == ["customer-week", "pg"]
    assert cfg.views["customer-week"].filter == "@瀚海银行 due:week"
    assert named_view(cfg.views, "PG", WED).name == "pg"  # any case
    for text, sentence in [
        ('[views.x]\nfiltr = "+pg"\n', "[views.x] has no setting 'filtr' (did you mean 'filter'?)"),
        ('[views.x]\nsort = "dew"\n', "[views.x] sort: 'dew' is not a sort key (did you mean"),
        ("[views.x]\nfilter = 3\n", "[views.x] filter must be text in quotes"),
        ("[views]\nx = 1\n", "[views] must hold tables"),
        ('[veiws.x]\nsort = "due"\n', "there is no table [veiws] (did you mean 'views'?)"),
    ]:
        with pytest.raises(ConfigError) as bad:
            load_config(_config(tmp_path, text))
        assert sentence in str(bad.value)
    with pytest.raises(InvalidError) as bad:
        named_view(cfg.views, "customer-wek", WED)
    assert "no view 'customer-wek' (did you mean 'customer-week'?)" in str(bad.value)


def test_ls_view_from_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    use_cli_env(monkeypatch, tmp_path)
    cfg = _config(
        tmp_path,
        '[views.customer-week]\nfilter = "@瀚海银行 due:week"\nsort = "due"\n'
        '[views.broken]\nfilter = "due:someday"\n',
    )
    root = str(tmp_path / "ws")

    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(["--data-dir", root, "--config", str(cfg), *args])
        out, err = capsys.readouterr()
        return code, out, err

    run("customers", "add", "瀚海银行")
    run("add", "准备瀚海银行季度汇报", "--customer", "瀚海银行", "--due", "2026-11-20")
    run("add", "HA postmortem", "--customer", "瀚海银行", "--due", "2026-11-19", "--tag", "ha")
    run("add", "瀚海 contract renewal", "--customer", "瀚海银行", "--due", "2026-12-15")
    run("add", "Unrelated", "--due", "2026-11-19")
    code, out, err = run("ls", "--view", "customer-week", "--json")
    assert (code, err) == (0, "")
    assert [i["title"] for i in json.loads(out)] == ["HA postmortem", "准备瀚海银行季度汇报"]
    code, out, _err = run("ls", "--view", "customer-week", "--filter", "+ha")
    assert code == 0 and "HA postmortem" in out and "季度汇报" not in out
    code, out, _err = run("ls", "--filter", "@瀚海", "--sort=-due", "--json")
    assert next(i["title"] for i in json.loads(out)) == "瀚海 contract renewal"
    for args, sentence in [
        (("--view", "nope"), "there is no view 'nope'"),
        (("--view", "broken"), "view broken: due: takes today"),
        (("--sort", "size"), "'size' is not a sort key"),
    ]:
        code, out, err = run("ls", *args)
        assert code == 1 and out == ""
        assert sentence in err and len(err.strip().splitlines()) == 1
