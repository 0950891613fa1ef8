"""The weekly report: each of the five parts holds exactly the right lines (English and
Chinese), an empty week still has all five headings, and the rules at the week's edges."""

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
from tests.unit.report_helpers import WEEK, at, moved, parts, week_workspace, with_stages

HEADINGS_EN = [
    "## 1. Highlights & thoughts",
    "## 2. Product management",
    "## 3. Customers & business",
    "## 4. Industry & competitors",
    "## 5. Next week's plan",
]
HEADINGS_ZH = [
    "## 1. 重点&思考",
    "## 2. 产品管理",
    "## 3. 客户&业务",
    "## 4. 业界竞品",
    "## 5. 下周工作计划",
]


@pytest.fixture
def ws(tmp_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    with_stages(monkeypatch)
    return week_workspace(tmp_path / "ws", clock)


def test_english_report_part_by_part(ws: Workspace) -> None:
    report = build_report(ws, WEEK, "en")
    assert report.startswith("# Weekly report 2026-W47 (Nov 16 – Nov 22)\n\n## 1.")
    assert [line for line in report.splitlines() if line.startswith("## ")] == HEADINGS_EN
    got = parts(report)
    assert got[1] == [
        "**Highlights**",
        "- PG 17 migration plan approved",
        "- 招行 PoC kicked off",
        "- Team offsite booked",
        "**Thoughts**",
        "HA is still the top question.  ",  # a Markdown line break keeps the PM's lines
        "Roadmap next.",
        "Second paragraph.",
        "**Key items**",
        "- [open] Prepare weekly product meeting (李明, due Nov 19)",
        "- [done] Sign off 17.x maintenance window",
        "- [open] HA postmortem report",
    ]
    assert got[2] == [
        "**Finished this week**",
        "- Reply Aurora questionnaire",
        "- Kept and done",
        "- Release notice (ops)",
        "**Still open**",
        "- Draft failover PRD (张敏, due Nov 20)",
        "- GIS whitepaper",
        "- Update SLA doc (carried 1×)",
        "- Meetup venue (ops, 周婷)",
        "**Notes**",
        "- Pricing review moved to Dec",
    ]
    assert got[3] == [
        "**Customers touched**",
        "- 招商银行 (top customer)",
        "  - Nov 16 call: 讨论逻辑复制",
        "  - Nov 18 visit: 现场 PoC 启动",
        "- Acme Telecom (key customer)",
        "  - Nov 17 mail: Sent pricing",
        "**New opportunities**",
        "- 招商银行 (deal 1,200,000, 王磊)",
        "- Nova Fintech",
        "**Churn risks**",
        "- Acme Telecom: Evaluating Aurora",
        "- Quiet Co: no reason given",
        "**Notes**",
        "- Bank sector review next month",
    ]
    assert got[4] == [
        "**Starred reading**",
        "- [Aurora Limitless GA](https://example.com/ga) · AWS Blog",
        "- [\\[Release\\] PG 17.7](https://example.com/17.7) · PostgreSQL News",
        "- [Starred and filed](https://example.com/filed) · Planet PostgreSQL",
        "**Notes**",
        "- [Greenplum 7 roadmap](https://example.com/gp)",
        "- Competitor pricing changed",
    ]
    assert got[5] == [
        "**Planned for 2026-W48**",
        "- Board prep (key)",
        "- Plan Q1 roadmap (王磊)",
        "- Webinar dry run (ops, due Nov 25)",
        "**Carry-over kept**",
        "- Update SLA doc (carried 1×)",
        "- [done] Kept and done (carried 1×)",
        "**Notes**",
        "- Hire DBA intern",
    ]


def test_chinese_report_part_by_part(ws: Workspace) -> None:
    report = build_report(ws, WEEK, "zh")
    assert report.startswith("# 周报 2026-W47（11月16日–11月22日）\n")
    assert [line for line in report.splitlines() if line.startswith("## ")] == HEADINGS_ZH
    got = parts(report)
    assert got[1] == [
        "**重点**",
        "- PG 17 migration plan approved",
        "- 招行 PoC kicked off",
        "- Team offsite booked",
        "**思考**",
        "HA is still the top question.  ",
        "Roadmap next.",
        "Second paragraph.",
        "**重点事务**",
        "- [进行中] Prepare weekly product meeting（李明，11月19日到期）",
        "- [已完成] Sign off 17.x maintenance window",
        "- [进行中] HA postmortem report",
    ]
    assert got[2] == [
        "**本周完成**",
        "- Reply Aurora questionnaire",
        "- Kept and done",
        "- Release notice（运营）",
        "**进行中**",
        "- Draft failover PRD（张敏，11月20日到期）",
        "- GIS whitepaper",
        "- Update SLA doc（顺延1次）",
        "- Meetup venue（运营，周婷）",
        "**笔记**",
        "- Pricing review moved to Dec",
    ]
    assert got[3] == [
        "**客户跟进**",
        "- 招商银行（重点客户）",
        "  - 11月16日 电话：讨论逻辑复制",
        "  - 11月18日 拜访：现场 PoC 启动",
        "- Acme Telecom（关键客户）",
        "  - 11月17日 邮件：Sent pricing",
        "**新增商机**",
        "- 招商银行（金额 1,200,000，王磊）",
        "- Nova Fintech",
        "**流失风险**",
        "- Acme Telecom：Evaluating Aurora",
        "- Quiet Co：原因未填写",
        "**笔记**",
        "- Bank sector review next month",
    ]
    assert got[4] == [  # entries and notes keep their own words
        "**收藏文章**",
        "- [Aurora Limitless GA](https://example.com/ga) · AWS Blog",
        "- [\\[Release\\] PG 17.7](https://example.com/17.7) · PostgreSQL News",
        "- [Starred and filed](https://example.com/filed) · Planet PostgreSQL",
        "**笔记**",
        "- [Greenplum 7 roadmap](https://example.com/gp)",
        "- Competitor pricing changed",
    ]
    assert got[5] == [
        "**2026-W48 计划**",
        "- Board prep（重点）",
        "- Plan Q1 roadmap（王磊）",
        "- Webinar dry run（运营，11月25日到期）",
        "**上周未完成（保留）**",
        "- Update SLA doc（顺延1次）",
        "- [已完成] Kept and done（顺延1次）",
        "**笔记**",
        "- Hire DBA intern",
    ]


@pytest.mark.parametrize(("lang", "headings"), [("en", HEADINGS_EN), ("zh", HEADINGS_ZH)])
def test_an_empty_week_still_has_all_five_parts(
    tmp_path: Path, clock: FrozenClock, lang: str, headings: list[str]
) -> None:
    ws = Workspace(tmp_path / "empty", clock)
    report = build_report(ws, WEEK, lang)
    none = "Nothing to report." if lang == "en" else "暂无。"
    assert [line for line in report.splitlines() if line.startswith("## ")] == headings
    assert parts(report) == {n: [none] for n in range(1, 6)}
    assert report.endswith(f"{none}\n") and not report.endswith("\n\n")


def test_the_same_data_gives_the_same_text(ws: Workspace) -> None:
    assert build_report(ws, WEEK, "en") == build_report(ws, WEEK, "en")


def test_last_week_shows_its_own_work(ws: Workspace) -> None:
    got = parts(build_report(ws, "2026-W46", "en"))
    assert "- [done] Last week's key win" in got[1]
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
    # Carry-over of earlier weeks is open "now", not in a week that has not started.
    assert got[2] == [
        "**Still open**",
        "- Plan Q1 roadmap (王磊)",
        "- Webinar dry run (ops, due Nov 25)",
    ]
    assert got[1] == ["**Key items**", "- [open] Board prep"]
    assert got[5] == ["**Planned for 2026-W49**", "- Far future"]


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
