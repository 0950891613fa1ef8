"""The command line in Chinese (`language = "zh"` in config.toml), line by line: what
each command prints and every refusal, with Chinese values and dates typed as input.
The clock is frozen at Wednesday 2026-11-18 (2026-W47) by the conftest."""

from __future__ import annotations

from pathlib import Path

import pytest

from cockpit.cli.main import main
from tests.unit.test_cli_planning import Result, Run


@pytest.fixture
def zh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    config = tmp_path / "config.toml"
    config.write_text('language = "zh"\ntimezone = "Asia/Shanghai"\n', encoding="utf-8")
    monkeypatch.setenv("COCKPIT_CONFIG", str(config))
    root = tmp_path / "ws"

    def run(*args: str) -> Result:
        capsys.readouterr()
        try:
            code = main(["--data-dir", str(root), *args])
        except SystemExit as exc:  # argparse's usage errors
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return run


def out(result: Result) -> str:
    assert result.code == 0, result.err
    return result.out


def err(result: Result, status: int = 1) -> str:
    assert result.code == status, result.out
    return result.err.strip()


def test_items_in_chinese(zh: Run) -> None:
    assert out(zh("add", "准备", "瀚海银行", "复盘", "--list", "重点", "--due", "周五")) == (
        "已添加 #1 到 2026-W47 重点：准备 瀚海银行 复盘\n"
    )
    assert out(zh("add", "梳理需求池", "--week", "下周", "--due", "2026/11/27")) == (
        "已添加 #2 到 2026-W48 计划：梳理需求池\n"
    )
    assert out(zh("add", "运营周会", "--list", "运营")) == "已添加 #3 到 2026-W47 运营：运营周会\n"
    assert out(zh("ls")).splitlines() == [
        "    1 !  2026-W47 重点 准备 瀚海银行 复盘" + " " * 31 + "2026-11-20到期",
        "    3    2026-W47 运营 运营周会",
    ]
    assert out(zh("done", "1")) == "已完成 #1：准备 瀚海银行 复盘\n"
    assert out(zh("defer", "3")) == "已推迟 #3 到 2026-W48：运营周会\n"
    assert err(zh("done", "1")) == "cockpit：事项 1 已经完成。"
    assert err(zh("done", "x1")) == "cockpit：'x1' 不是事项编号（编号是数字，见 `cockpit ls`）。"
    assert err(zh("add", "x", "--due", "周八")) == (
        "cockpit：无法识别日期 '周八'：请用 2026-12-15、2026/12/15、2026年12月15日、12月15日、"
        "今天、明天、后天、+3、周五或下周一。"
    )
    assert err(zh("defer", "2", "--to", "上周")) == (
        "cockpit：2026-W46 已经过去：请推迟到 2026-W47 或之后的一周。"
    )


def test_empty_listings_in_chinese(zh: Run) -> None:
    assert out(zh("ls")) == "本周没有未完成事项。添加一项：cockpit add 标题\n"
    assert out(zh("customers", "ls")) == (
        "还没有客户。添加一个：cockpit customers add 名称 --tier 重点\n"
    )
    assert out(zh("req", "ls")) == "这里没有需求。收集一个：cockpit req add 标题 --customer 客户\n"
    assert out(zh("launch", "ls")) == (
        "还没有上线计划。新建一个：cockpit launch new 名称 --date 2026-12-15\n"
    )


def test_customers_in_chinese(zh: Run) -> None:
    assert out(zh("customers", "add", "瀚海银行", "--tier", "战略", "--source", "渠道",
                  "--next", "明天")) == "已添加客户 #1：瀚海银行（重点）\n"  # fmt: skip
    assert out(zh("customers", "add", "北辰证券", "--tier", "核心", "--stage", "商机")) == (
        "已添加客户 #2：北辰证券（关键、商机）\n"
    )
    assert err(zh("customers", "add", "瀚海银行")) == "cockpit：已有名为 '瀚海银行' 的客户。"
    lines = out(zh("customers", "ls")).splitlines()
    assert lines[0].startswith("   1 待跟进 瀚海银行 ")  # a top customer never touched
    assert "重点" in lines[0] and "下次 2026-11-19" in lines[0] and "上次 -" in lines[0]
    assert lines[1].split()[2:4] == ["关键", "商机"]
    assert out(zh("customers", "touch", "瀚海银行", "--note", "电话沟通", "--channel", "微信")) == (
        "已记录 2026-11-18 与 瀚海银行 的聊天联系；下次跟进 2026-11-19\n"
    )
    assert err(zh("customers", "touch", "瀚海", "--note", "x")) == (
        "cockpit：没有名为 '瀚海' 的客户；是否指 瀚海银行？"
    )
    usage = err(zh("customers", "add", "X", "--tier", "钻石"), status=2)
    assert usage.splitlines()[-1] == (
        "cockpit customers add：错误：参数 --tier："
        "级别只能是 重点、关键、普通 之一，不能是 '钻石'。"
    )


def test_requirements_and_launches_in_chinese(zh: Run) -> None:
    assert out(zh("req", "add", "pgvector", "HNSW", "--kano", "魅力", "--priority", "1")) == (
        "已添加需求 #1（已收集，P1）：pgvector HNSW\n"
    )
    assert out(zh("req", "ls")).rstrip("\n").split() == [
        "1",
        "P1",
        "已收集",
        "魅力型",
        "pgvector",
        "HNSW",
    ]
    assert out(zh("req", "move", "1", "评审", "--reason", "客户要")) == (
        "已将 #1 从已收集改为已评审：pgvector HNSW\n"
    )
    assert err(zh("req", "move", "1", "已发布", "--reason", "x")) == (
        "cockpit：需求 1 不能从已评审改为已发布；只能改为 已规划、已收集、已拒绝。"
    )
    show = out(zh("req", "show", "1")).splitlines()
    assert show[1] == "  已评审 · P1 · Kano 魅力型 · 来源 内部"
    assert show[2] == "  2026-11-18 创建（内部）"  # where it came from, in Chinese
    assert show[-1] == "  2026-11-18 状态：已收集 -> 已评审（客户要）"
    assert out(zh("launch", "new", "PG18", "上线", "--date", "12月15日")).startswith(
        "已新建上线 #1 PG18 上线：上线日期 2026-12-15，共 "
    )
    assert "上线 2026-12-15  已完成 0/" in out(zh("launch", "ls"))


def test_metrics_in_chinese_and_months_in_json(zh: Run) -> None:
    for month, cash in (("2026-07", "100"), ("2026-08", "120"), ("2026-09", "110"),
                        ("2026-10", "100")):  # fmt: skip
        out(zh("metrics", "set", "--table", "revenue", "--month", month, f"cash={cash}万"))
    shown = out(zh("metrics", "show", "--table", "revenue")).splitlines()
    assert shown[0] == "营收："
    assert shown[1].split()[:3] == ["月份", "现金", "GAAP"]
    assert shown[-1] == "  = 营收 2026-10 环比 -9%，连续第2个月下降"
    cash = next(line for line in shown if line.startswith("  现金"))
    assert "环比   -9%  同比     -" in cash
    data = Result(0, out(zh("metrics", "show", "--table", "revenue", "--json")), "").json()
    months = {m["month"]: m["columns"]["cash"] for m in data["revenue"]["months"]}
    # The turning point two months ago shows, not only the latest month's flags.
    assert months["2026-09"]["flags"] == ["turn"]
    assert months["2026-10"]["flags"] == []
    assert data["revenue"]["summary"] == "营收 2026-10 环比 -9%，连续第2个月下降"


def test_imports_and_report_file_in_chinese(zh: Run, tmp_path: Path) -> None:
    sheet = tmp_path / "事项.csv"
    sheet.write_bytes("标题,截止日期,来源\r\n准备复盘,2026/11/20,邮件\r\n".encode("gbk"))
    assert out(zh("import", "csv", str(sheet), "--kind", "items")) == (
        "已导入 1 项（其中已完成 0 项）；列 '来源' 未识别，已存入备注\n"
    )
    target = tmp_path / "周报.md"
    assert out(zh("report", "week", "-o", str(target))) == f"已将 2026-W47 周报写入 {target}\n"
    assert err(zh("import", "csv", str(tmp_path / "missing.csv"), "--kind", "items")).startswith(
        "cockpit：无法读取 "
    )


def test_usage_errors_in_chinese(zh: Run) -> None:
    """argparse refuses before any config is read; the refusal still reads in Chinese."""
    refused = err(zh("add"), 2).splitlines()
    assert refused[0].startswith("用法：cockpit add [-h]")
    assert refused[-1] == "cockpit add：错误：缺少必需的参数：标题。"
    assert err(zh("add", "x", "--list", "乱"), 2).splitlines()[-1] == (
        "cockpit add：错误：参数 --list：列表只能是 重点、计划、运营 之一，不能是 '乱'。"
    )
    unknown = err(zh("ls", "--bogus"), 2).splitlines()[-1]
    assert unknown == "cockpit：错误：无法识别的参数：--bogus。"
    assert err(zh("add", "x", "--week"), 2).splitlines()[-1] == (
        "cockpit add：错误：参数 --week：需要一个值。"
    )
    assert err(zh("report", "week", "--format", "pdf"), 2).splitlines()[-1] == (
        "cockpit report week：错误：参数 --format：无效的选择 'pdf'（可选：md、text）。"
    )
    assert (
        err(zh("nope"), 2)
        .splitlines()[-1]
        .startswith("cockpit：错误：参数 命令：无效的选择 'nope'（可选：add、ls、done、")
    )


def test_usage_errors_read_the_config_named_on_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "zh.toml"
    config.write_text('language = "zh"\n', encoding="utf-8")
    monkeypatch.delenv("COCKPIT_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "none"))
    for argv in (["--conf", str(config), "add"], [f"--config={config}", "add"]):
        with pytest.raises(SystemExit):
            main(argv)
        refused = capsys.readouterr().err.splitlines()[-1]
        assert refused == "cockpit add：错误：缺少必需的参数：标题。"
    # No config: argparse's own English, as before.
    from cockpit.core import i18n

    i18n.set_language("en")
    with pytest.raises(SystemExit):
        main(["--data-dir", str(tmp_path / "ws"), "add"])
    assert capsys.readouterr().err.splitlines()[-1] == (
        "cockpit add: error: the following arguments are required: title"
    )


def test_csv_exports_speak_the_ui_language_and_import_back(zh: Run, tmp_path: Path) -> None:
    out(zh("customers", "add", "瀚海银行", "--tier", "重点", "--source", "渠道", "--stage", "商机"))
    lines = out(zh("customers", "export")).splitlines()
    assert lines[0].startswith("名称,级别,阶段,金额,行业,区域,来源,负责人,下次跟进,上次联系,")
    assert lines[1].startswith("瀚海银行,重点,商机,,,,渠道,")
    english = out(zh("customers", "export", "--lang", "en")).splitlines()
    assert english[0].startswith("name,tier,stage,") and english[1].startswith("瀚海银行,top,")
    out(zh("metrics", "set", "--table", "revenue", "--month", "2026-10", "cash=100万", "users=7"))
    out(zh("metrics", "set", "--table", "projects", "--month", "2026-10", "customer=瀚海银行"))
    assert out(zh("metrics", "export", "--table", "revenue")).splitlines()[:2] == [
        "月份,现金,GAAP,用户数,实例数,预测,变化说明,拉动营收的行动",
        "2026-10,1000000,,7,,,,",
    ]
    every = out(zh("metrics", "export")).splitlines()
    # 用户 would read as revenue's users too: projects' customer keeps its key.
    assert every[0].startswith("表,月份,现金,") and ",customer," in every[0]
    assert every[1].startswith("营收,2026-10,1000000,")
    assert (
        out(zh("metrics", "export", "--lang", "en"))
        .splitlines()[0]
        .startswith("table,month,cash,gaap,users,")
    )
    # Both Chinese files import into another workspace as they are.
    (tmp_path / "c.csv").write_text(out(zh("customers", "export")), encoding="utf-8")
    (tmp_path / "m.csv").write_text("\n".join(every) + "\n", encoding="utf-8")
    other = tmp_path / "other"
    assert main(["--data-dir", str(other), "customers", "import", str(tmp_path / "c.csv")]) == 0
    assert main(["--data-dir", str(other), "metrics", "import", str(tmp_path / "m.csv")]) == 0
    again = zh("--data-dir", str(other), "metrics", "export")
    assert out(again).splitlines() == every


def test_a_taskwarrior_history_with_chinese_tasks(zh: Run, tmp_path: Path) -> None:
    history = tmp_path / "tw.json"
    history.write_text(
        '[{"uuid":"a1","description":"准备瀚海银行复盘","status":"pending",'
        '"entry":"20261116T010000Z","due":"20261120T000000Z","tags":["客户"]},'
        '{"uuid":"a2","description":"写周报","status":"completed",'
        '"entry":"20261116T010000Z","end":"20261117T010000Z"},'
        '{"uuid":"a3","description":"删掉的","status":"deleted","entry":"20261116T010000Z"}]',
        encoding="utf-8",
    )
    assert out(zh("import", "taskwarrior", str(history))) == (
        "已导入 2 项（其中已完成 1 项），跳过已删除的 1 项\n"
    )
    assert out(zh("import", "taskwarrior", str(history))) == (
        "已导入 0 项（其中已完成 0 项），跳过已删除的 1 项、已导入过的 2 项\n"
    )
    assert "准备瀚海银行复盘" in out(zh("ls")) and "2026-11-20到期" in out(zh("ls"))


def test_the_agenda_names_its_sources_in_chinese(zh: Run) -> None:
    out(zh("add", "交付方案", "--due", "明天"))
    out(zh("customers", "add", "瀚海银行", "--next", "明天"))
    lines = out(zh("ical", "agenda", "--days", "2")).splitlines()
    assert lines[0] == "2026-11-18 周三"
    tomorrow = lines[lines.index("2026-11-19 周四") + 1 :]
    assert any(x.endswith("[到期]") and "交付方案" in x for x in tomorrow)
    assert any(x.endswith("[跟进]") and "瀚海银行" in x for x in tomorrow)
    assert not any(x.endswith(("[item]", "[followup]", "[routine]")) for x in lines)


def test_routines_list_their_days_the_chinese_way(zh: Run) -> None:
    zh("routines", "reset")  # the default cadence, if the workspace has none yet
    planning = next(line for line in out(zh("routines", "ls")).splitlines() if "规划" in line)
    assert "周二、周三" in planning and "周二,周三" not in planning
