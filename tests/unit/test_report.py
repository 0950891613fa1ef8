"""The weekly report: a known week line by line in both languages and both forms
(golden files in tests/fixtures/report/), each item once, overdue marked, the month's
numbers, an empty week in one line, and the rules at the week's edges."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cockpit.core.clock import FrozenClock
from cockpit.core.config import Config, ReportSettings
from cockpit.feeds.store import EntryStore
from cockpit.items.workspace import Workspace
from cockpit.report.build import build_report, default_filename, report_language
from cockpit.report.notes import NoteBook
from tests.unit.report_helpers import (
    WEEK,
    at,
    moved,
    parts,
    planning_and_numbers,
    week_workspace,
    with_stages,
)

GOLDEN = Path(__file__).parent.parent / "fixtures" / "report"


@pytest.fixture
def ws(tmp_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    with_stages(monkeypatch)
    return week_workspace(tmp_path / "ws", clock)


@pytest.fixture
def full(ws: Workspace, clock: FrozenClock) -> Workspace:
    """The known week with monthly numbers, requirement moves, a launch, overdue work and
    a commented article: everything a real week's report holds."""
    planning_and_numbers(ws, clock)
    return ws


@pytest.mark.parametrize(
    ("lang", "form", "golden"),
    [
        ("zh", "md", "week-zh.md"),
        ("zh", "text", "week-zh.txt"),
        ("en", "md", "week-en.md"),
        ("en", "text", "week-en.txt"),
    ],
)
def test_the_known_week_line_by_line(full: Workspace, lang: str, form: str, golden: str) -> None:
    """Frozen clock (Wed 2026-11-18), both languages, both forms, against files read by a
    person: every line, in order (a diff names the first line that moved)."""
    want = (GOLDEN / golden).read_text(encoding="utf-8").splitlines()
    got = build_report(full, WEEK, lang, form).splitlines()
    for n, (line, expected) in enumerate(zip(got, want, strict=False), 1):
        assert line == expected, f"{golden} line {n}"
    assert len(got) == len(want)


def test_the_plain_text_has_no_markdown(full: Workspace) -> None:
    for lang in ("zh", "en"):
        text = build_report(full, WEEK, lang, "text")
        assert not any(line.startswith(("#", "- ", "  - ", "**")) for line in text.splitlines())
        assert "](" not in text and "**" not in text
        assert "Aurora Limitless GA · AWS Blog https://example.com/ga" in text  # a bare URL
        numbered = [line for line in text.splitlines() if line[:1].isdigit()]
        assert numbered[0].startswith("1. ") and numbered[1].startswith("2. ")


def test_each_item_shows_once(full: Workspace) -> None:
    for lang in ("zh", "en"):
        report = build_report(full, WEEK, lang)
        for title in ("Board prep", "Update SLA doc", "HA postmortem report", "Draft failover PRD"):
            assert sum(title in line for line in report.splitlines()) == 1, title


def test_status_only_where_it_says_something(full: Workspace) -> None:
    zh = build_report(full, WEEK, "zh")
    assert "[进行中]" not in zh and "进行中" not in zh
    assert "[open]" not in build_report(full, WEEK, "en")
    assert "- Sign off 17.x maintenance window（已完成）" in zh


def test_the_numbers_are_the_months_up_to_the_weeks_end(full: Workspace) -> None:
    """December's row (after the week) does not show; October's turning point does."""
    got = parts(build_report(full, WEEK, "zh"))[3]
    assert got[:5] == [
        "**本月数据**",
        "- 营收 2026-10 环比 -10%，由升转降",
        "- 商机与流失 2026-10 环比 +25%，连续第2个月增长（大幅变化）",
        "- 流失用户 2026-10 环比 +50%，由持平转为增长（大幅变化）",
        "- 工单 2026-10 环比 -11%，连续第2个月下降",
    ]


def test_filing_the_same_article_twice_files_it_once(full: Workspace) -> None:
    notes = [
        n for n in NoteBook(full).for_week(WEEK, "industry") if n.text == "Aurora Limitless GA"
    ]
    assert len(notes) == 1 and notes[0].comment == "Serverless 分片，盯紧定价"
    got = parts(build_report(full, WEEK, "zh"))[4]
    assert sum("Aurora Limitless GA" in line for line in got) == 1
    assert got[2] == "  - 点评：Serverless 分片，盯紧定价"


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "Nothing to report this week: no work, customers, notes or reading were recorded."),
        ("zh", "本周暂无可汇报的内容：没有记录事项、客户、笔记或阅读。"),
    ],
)
def test_an_empty_week_says_so_once(
    tmp_path: Path, clock: FrozenClock, lang: str, line: str
) -> None:
    ws = Workspace(tmp_path / "empty", clock)
    for form in ("md", "text"):
        report = build_report(ws, WEEK, lang, form)
        assert report.splitlines()[2:] == [line]
        assert "暂无。" not in report and "Nothing to report." not in report


def test_a_week_with_one_part_numbers_it_first(tmp_path: Path, clock: FrozenClock) -> None:
    ws = Workspace(tmp_path / "ws", clock)
    ws.customers.add("Acme")
    ws.customers.touch("Acme", "hello")
    report = build_report(ws, WEEK, "zh")
    assert [line for line in report.splitlines() if line.startswith("## ")] == ["## 1. 客户&业务"]
    assert build_report(ws, WEEK, "zh", "text").splitlines()[2] == "一、客户&业务"


def test_the_same_data_gives_the_same_text(ws: Workspace) -> None:
    assert build_report(ws, WEEK, "en") == build_report(ws, WEEK, "en")


def test_last_week_shows_its_own_work(ws: Workspace) -> None:
    got = parts(build_report(ws, "2026-W46", "en"))
    assert "- Last week's key win (done)" in got[1]
    assert "- Sunday cleanup" in got[2]  # done Sunday 23:30: the week before this one
    assert got[3][:3] == [
        "**Customers touched**",
        "- 招商银行 (top customer)",
        "  - Nov 10 call: last week's call",
    ]
    assert got[4] == [
        "**Starred reading**",
        "- [Old starred](https://example.com/starred) · Planet PostgreSQL",
        "**Notes**",
        "- Last week's industry note",
    ]


def test_future_week_counts_only_its_own_open_work(ws: Workspace) -> None:
    got = parts(build_report(ws, "2026-W48", "en"))
    # Carry-over of earlier weeks is open "now", not in a week that has not started; the
    # week's own open work would roll over into the one after it.
    assert 2 not in got
    assert got[1] == ["**Key items**", "- Board prep"]
    assert got[5] == [
        "**Planned for 2026-W49**",
        "- Far future",
        "**Carried over from this week**",
        "- Plan Q1 roadmap (王磊)",
        "- Webinar dry run (ops, due Nov 25)",
    ]


def test_a_customer_without_stage_fields_shows_in_touches_only(
    tmp_path: Path, clock: FrozenClock
) -> None:
    """Stored as before stages existed (or with the default stage): touched, no more."""
    ws = Workspace(tmp_path / "ws", clock)
    ws.customers.add("Acme")
    ws.customers.touch("Acme", "hello")
    got = parts(build_report(ws, WEEK, "en"))
    assert got[3] == ["**Customers touched**", "- Acme", "  - Nov 18 call: hello"]


def test_an_opportunity_moved_this_week_counts_when_the_record_says_so(
    tmp_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.unit.report_helpers import set_stage

    with_stages(monkeypatch)
    ws = Workspace(tmp_path / "ws", clock)
    with moved(clock, at(1)):
        ws.customers.add("Moved")
        ws.customers.add("Moved earlier")
    set_stage(ws, "Moved", stage="opportunity", stage_since="2026-11-17", deal_value=2.5)
    set_stage(ws, "Moved earlier", stage="opportunity", stage_since="2026-11-02")
    assert parts(build_report(ws, WEEK, "en"))[3] == [
        "**New opportunities**",
        "- Moved (deal 2.5)",
    ]


def test_text_from_users_and_feeds_stays_one_markdown_line(
    tmp_path: Path, clock: FrozenClock
) -> None:
    ws = Workspace(tmp_path / "ws", clock)
    ws.customers.add("Acme")
    ws.customers.touch("Acme", "line one\n## not a heading")
    ids = EntryStore(ws.files).add(
        [
            {
                "title": "Odd (link)",
                "published": "2026-11-17T00:00:00+00:00",
                "link": "https://example.com/a(b)",
                "guid": "x",
            }
        ]
    )
    EntryStore(ws.files).set_marks(ids, "starred", True)
    got = parts(build_report(ws, WEEK, "en"))
    assert got[3][-1] == "  - Nov 18 call: line one ## not a heading"
    assert got[4] == ["**Starred reading**", "- [Odd (link)](<https://example.com/a(b)>)"]


def test_an_unknown_language_is_refused(ws: Workspace) -> None:
    with pytest.raises(ValueError, match="en, zh"):
        build_report(ws, WEEK, "fr")


def test_language_and_file_name_defaults() -> None:
    assert report_language(Config(language="zh")) == "zh"
    assert report_language(Config(language="zh", report=ReportSettings(language="en"))) == "en"
    assert default_filename(WEEK, "zh") == "周报-2026-W47.md"
    assert default_filename(WEEK, "en") == "report-2026-W47.md"


def test_old_weeks_read_the_archive(tmp_path: Path, clock: FrozenClock) -> None:
    ws = Workspace(tmp_path / "ws", clock)
    with moved(clock, dt.datetime(2026, 8, 5, 10, tzinfo=clock.tz)):
        item = ws.add("Summer release")
        ws.done(item.id)
    assert ws.archive_old() == 1
    assert "- Summer release" in parts(build_report(ws, "2026-W32", "en"))[2]


def test_week_notes_feed_part_one(tmp_path: Path, clock: FrozenClock) -> None:
    ws = Workspace(tmp_path / "ws", clock)
    NoteBook(ws).set_week_notes(thoughts="Only thoughts")
    assert parts(build_report(ws, WEEK, "en"))[1] == ["**Thoughts**", "Only thoughts"]


def test_a_reason_given_for_several_moves_is_said_once(ws: Workspace, clock: FrozenClock) -> None:
    from cockpit.planning import requirements

    req = requirements.add(ws, "审计日志导出", kano="must-be")
    requirements.move(ws, req.id, "reviewed", "产品周会")
    requirements.move(ws, req.id, "planned", "产品周会")
    requirements.move(ws, req.id, "in-development", "客户催")
    line = next(x for x in build_report(ws, WEEK, "zh").splitlines() if "审计日志导出" in x)
    moves = "已收集 → 已评审 → 已规划 → 开发中"
    assert line == f"- #{req.id} 审计日志导出：{moves}（产品周会；客户催）"
