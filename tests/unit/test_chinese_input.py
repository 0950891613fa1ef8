"""Chinese input, as a PM in China types it: dates, weeks, the closed vocabularies, and
spreadsheet headers (GBK and UTF-8 with a BOM, as Excel saves them), with the refusals
said in Chinese, word for word."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cockpit.core import i18n
from cockpit.core.clock import FrozenClock
from cockpit.core.dates import parse_date
from cockpit.core.errors import DateError, InvalidError, WeekError
from cockpit.core.labels import vocab
from cockpit.core.weeks import parse_week
from cockpit.importers.csvfile import import_csv
from cockpit.items.workspace import Workspace
from cockpit.metrics import book as metrics
from cockpit.metrics.tables_csv import import_csv as import_metrics

TUESDAY = dt.date(2026, 12, 1)  # ISO week 2026-W49


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    clock = FrozenClock(dt.datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai")))
    return Workspace(tmp_path / "ws", clock)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026/12/15", "2026-12-15"),  # Excel's default on Chinese Windows
        ("2026.12.15", "2026-12-15"),
        ("2026年12月15日", "2026-12-15"),
        ("2026 年 12 月 15 号", "2026-12-15"),
        ("12月15日", "2026-12-15"),
        ("12-15", "2026-12-15"),
        ("12/15", "2026-12-15"),
        ("1-5", "2027-01-05"),  # in December: next January, the nearest one
        ("11月28日", "2026-11-28"),  # last Saturday, not next year's
        ("今天", "2026-12-01"),
        ("明天", "2026-12-02"),
        ("后天", "2026-12-03"),
        ("大后天", "2026-12-04"),
        ("昨天", "2026-11-30"),
        ("3天后", "2026-12-04"),
        ("周五", "2026-12-04"),
        ("星期五", "2026-12-04"),
        ("礼拜五", "2026-12-04"),
        ("周二", "2026-12-08"),  # today is Tuesday: the next one, as `tue`
        ("周日", "2026-12-06"),
        ("星期天", "2026-12-06"),
        ("本周五", "2026-12-04"),
        ("下周一", "2026-12-07"),
        ("下周五", "2026-12-11"),
        ("下下周三", "2026-12-16"),
        ("上周五", "2026-11-27"),
        ("fri", "2026-12-04"),  # English still works
        ("2026-12-15", "2026-12-15"),
    ],
)
def test_chinese_dates(text: str, day: str) -> None:
    assert parse_date(text, TUESDAY).isoformat() == day


@pytest.mark.parametrize(
    ("text", "week"),
    [
        ("本周", "2026-W49"),
        ("这周", "2026-W49"),
        ("下周", "2026-W50"),
        ("下个星期", "2026-W50"),
        ("下下周", "2026-W51"),
        ("上周", "2026-W48"),
        ("上上周", "2026-W47"),
        ("3周后", "2026-W52"),
        ("第50周", "2026-W50"),
        ("2027年第2周", "2027-W02"),
        ("12月15日", "2026-W51"),  # a date: the week holding it
        ("下周五", "2026-W50"),
        ("next", "2026-W50"),
    ],
)
def test_chinese_weeks(text: str, week: str) -> None:
    assert parse_week(text, TUESDAY) == week


def test_date_and_week_refusals_are_chinese_sentences() -> None:
    i18n.set_language("zh")
    with pytest.raises(DateError) as date:
        parse_date("周八", TUESDAY)
    assert str(date.value) == (
        "无法识别日期 '周八'：请用 2026-12-15、2026/12/15、2026年12月15日、12月15日、"
        "今天、明天、后天、+3、周五或下周一"
    )
    with pytest.raises(DateError) as day:
        parse_date("2026/2/30", TUESDAY)
    assert str(day.value) == "'2026/2/30' 不是日历上的日期"
    with pytest.raises(WeekError) as week:
        parse_week("大下周", TUESDAY)
    assert str(week.value) == (
        "无法识别周 '大下周'：请用 本周、下周、下下周、上周、+2、W48、2026-W48 或日期"
    )
    # The same refusal, read by an English user.
    assert week.value.render("en") == (
        "cannot read week '大下周'; use this, next, last, +N, W48, 2026-W48 or a date"
    )


@pytest.mark.parametrize(
    ("kind", "text", "value"),
    [
        ("list", "重点", "key"),
        ("list", "计划", "plan"),
        ("list", "运营", "ops"),
        ("status", "完成", "done"),
        ("status", "进行中", "open"),
        ("status", "放弃", "dropped"),
        ("tier", "重点", "top"),
        ("tier", "关键", "key"),
        ("tier", "普通", "normal"),
        ("tier", "战略", "top"),
        ("tier", "核心", "key"),
        ("kano", "必备", "must-be"),
        ("kano", "期望", "performance"),
        ("kano", "魅力", "attractive"),
        ("kano", "无差异", "indifferent"),
        ("kano", "反向", "reverse"),
        ("kano", "必备型", "must-be"),
        ("channel", "电话", "call"),
        ("channel", "拜访", "visit"),
        ("channel", "微信", "chat"),
        ("channel", "钉钉", "chat"),
        ("channel", "邮件", "mail"),
        ("channel", "会议", "meeting"),
        ("source", "直销", "direct"),
        ("source", "销售", "sales"),
        ("source", "渠道", "channel"),
        ("source", "合作伙伴", "partner"),
        ("req_status", "开发中", "in-development"),
        ("req_status", "In Development", "in-development"),
    ],
)
def test_values_in_chinese(kind: str, text: str, value: str) -> None:
    assert vocab.parse(kind, text) == value


def test_a_value_refused_lists_the_choices_in_the_readers_language() -> None:
    i18n.set_language("zh")
    with pytest.raises(InvalidError) as err:
        vocab.parse("channel", "飞鸽")
    assert str(err.value) == "联系方式只能是 电话、拜访、聊天、邮件、会议 之一，不能是 '飞鸽'"
    assert err.value.render("en") == (
        "channel must be one of call, visit, chat, mail, meeting, not '飞鸽'"
    )


def test_the_domain_takes_chinese_values(ws: Workspace) -> None:
    item = ws.add("整理复盘材料", list_name="运营")
    assert item.list == "ops"
    cust = ws.customers.add("瀚海银行", tier="战略", source="渠道", stage="商机")
    assert (cust.tier, cust.source, cust.stage) == ("top", "channel", "opportunity")
    touch = ws.customers.touch("瀚海银行", "电话沟通迁移方案", channel="钉钉")
    assert touch.channel == "chat"


def test_mixed_message_is_all_chinese(ws: Workspace) -> None:
    """`错误：a customer named … already exists` was half English."""
    ws.customers.add("瀚海银行")
    i18n.set_language("zh")
    with pytest.raises(InvalidError) as err:
        ws.customers.add("瀚海银行")
    assert i18n.t("note.error", message=err.value) == "错误：已有名为 '瀚海银行' 的客户"


def _sheet(tmp_path: Path, name: str, lines: list[str], encoding: str) -> Path:
    path = tmp_path / name
    text = "\r\n".join(lines) + "\r\n"
    path.write_bytes(text.encode(encoding))
    return path


def test_items_sheet_with_chinese_headers_in_gbk(ws: Workspace, tmp_path: Path) -> None:
    """The items CSV used to refuse every Chinese header."""
    i18n.set_language("zh")
    path = _sheet(
        tmp_path,
        "事项.csv",
        [
            "标题,列表,周,状态,重点,截止日期,负责人,标签,备注,优先级",
            "准备瀚海银行季度复盘,重点,下周,进行中,是,2026/12/15,李娜,复盘 客户,带上迁移数据,高",
            "PG18 新特性梳理,计划,本周,完成,否,12月4日,,社区,,",
            "整理运营周报,运营,,,,,,,,低",
        ],
        "gbk",
    )
    report = import_csv(ws, path, "items")
    assert report == "已导入 3 项（其中已完成 1 项）；列 '优先级' 未识别，已存入备注"
    items = {i.title: i for i in ws.items()}
    review = items["准备瀚海银行季度复盘"]
    assert (review.list, review.week, review.status, review.key) == (
        "key",
        "2026-W50",
        "open",
        True,
    )
    assert (review.due, review.owner, review.tags) == ("2026-12-15", "李娜", ["复盘", "客户"])
    assert review.notes == "带上迁移数据\n优先级: 高"
    assert items["PG18 新特性梳理"].status == "done"
    assert items["整理运营周报"].list == "ops"


def test_customer_sheet_with_bom_and_natural_headers(ws: Workspace, tmp_path: Path) -> None:
    i18n.set_language("zh")
    path = _sheet(
        tmp_path,
        "客户.csv",
        [
            "客户名称,客户等级,行业,来源,销售,下次跟进,联系人",
            "瀚海银行,战略,金融,直销,李娜,下周一,张行长",
            "北辰证券,核心,证券,合作伙伴,王磊,12月20日,",
            "星河零售,普通,零售,渠道,,,",
        ],
        "utf-8-sig",
    )
    report = import_csv(ws, path, "customers")
    assert report == "已导入 3 个客户；列 '联系人' 未识别，已存入备注"
    book = {c.name: c for c in ws.customers.all()}
    assert (book["瀚海银行"].tier, book["瀚海银行"].source) == ("top", "direct")
    assert book["瀚海银行"].next_followup == "2026-12-07"  # next Monday
    assert book["瀚海银行"].notes == "联系人: 张行长"
    assert (book["北辰证券"].tier, book["北辰证券"].source) == ("key", "partner")
    assert book["星河零售"].source == "channel"


def test_a_bad_value_in_a_sheet_is_one_chinese_sentence(ws: Workspace, tmp_path: Path) -> None:
    i18n.set_language("zh")
    path = _sheet(tmp_path, "c.csv", ["客户名称,等级", "瀚海银行,钻石"], "gbk")
    with pytest.raises(InvalidError) as err:
        import_csv(ws, path, "customers")
    assert str(err.value) == (f"{path} 第 2 行：级别只能是 重点、关键、普通 之一，不能是 '钻石'")
    assert ws.customers.all() == []


def test_metrics_headers_with_units(ws: Workspace, tmp_path: Path) -> None:
    path = _sheet(
        tmp_path,
        "营收.csv",
        [
            "月份,现金（万元）,GAAP收入,用户数",
            "2026-10,120.5,980000,12",
            "2026年11月,130,1000000,13",
        ],
        "gbk",
    )
    i18n.set_language("zh")
    assert import_metrics(ws, path, "revenue") == "已导入营收 2 行（新增 2，更新 0）"
    rows = {r.month: r for r in metrics.rows(ws, "revenue")}
    assert rows["2026-10"].cell("cash") == 1_205_000
    assert rows["2026-11"].cell("cash") == 1_300_000
    assert rows["2026-11"].cell("gaap") == 1_000_000
    assert rows["2026-10"].cell("users") == 12


def test_metrics_header_problem_is_said_once_in_chinese(ws: Workspace, tmp_path: Path) -> None:
    path = _sheet(tmp_path, "m.csv", ["月份,现金,利润", "2026-10,1,2", "2026-11,3,4"], "utf-8")
    i18n.set_language("zh")
    with pytest.raises(InvalidError) as err:
        import_metrics(ws, path, "revenue")
    assert str(err.value) == (
        f"{path}：利润（1 列）不是营收的列（可用的列：月份（month）、现金（cash）、GAAP（gaap）、"
        "用户数（users）、实例数（instances）、预测（forecast）、变化说明（change_note）、"
        "拉动营收的行动（actions））；未导入任何内容"
    )
