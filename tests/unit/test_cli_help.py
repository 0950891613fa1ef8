"""`cockpit --help` and every command's help in the configured language.

Chinese help reads Chinese throughout: argparse's own words, the help texts, the
metavars and the vocabularies' choices; what stays ASCII is what is typed as is
(command names, option flags, literal values, file and product names). English help
is argparse's own, character for character.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from cockpit.cli.main import WHOLE, build_parser, main
from cockpit.cli.usage import helptext
from cockpit.core import i18n
from cockpit.core.i18n import CATALOG
from cockpit.core.textwidth import cell_width
from cockpit.importers.csvfile import CUSTOMER_COLUMNS
from cockpit.planning import requirements

WIDTH = 80


def parsers(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """Every parser of the tree with the words that reach it (`("customers", "add")`)."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from parsers(child, (*path, name))


def command_names() -> set[str]:
    return {word for path, _p in parsers(build_parser(WHOLE)) for word in path}


@pytest.fixture
def columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", str(WIDTH))  # argparse's width: the terminal's


@pytest.fixture
def zh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, columns: None) -> None:
    config = tmp_path / "config.toml"
    config.write_text('language = "zh"\n', encoding="utf-8")
    monkeypatch.setenv("COCKPIT_CONFIG", str(config))


def shown_help(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as done:
        main([*argv, "--help"])
    assert done.value.code == 0
    return capsys.readouterr().out


def test_every_help_text_is_a_catalog_key() -> None:
    """No English sentence sits in the tree: each would stay English in Chinese."""
    missing = []
    for path, parser in parsers(build_parser(WHOLE)):
        texts = [parser.description, parser.epilog]
        for action in parser._actions:
            if isinstance(action, argparse._HelpAction | argparse._VersionAction):
                continue
            texts.append(action.help)
            if isinstance(action, argparse._SubParsersAction):
                texts += [choice.help for choice in action._choices_actions]
        for text in texts:
            if text is not None and not (text.startswith("help.") and text in CATALOG):
                missing.append((" ".join(path), text))
    assert missing == []


def test_lists_in_help_are_the_domains_values() -> None:
    en = {key: CATALOG[key][0] for key in ("help.req.add.kano", "help.req.move.status")}
    assert en["help.req.add.kano"] == ", ".join(requirements.KANO)
    assert en["help.req.move.status"] == ", ".join(requirements.STATUSES)


# The ASCII a Chinese help may keep besides command names and flags: typed values,
# formats, file and product names, and examples of input.
TYPED = {
    "bash", "zsh", "fish", "md", "text", "en", "zh", "items", "customers", "stage", "risk",
    "default", "TOML", "JSON", "CSV", "OPML", "Markdown", "CalDAV", "RRULE", "PostgreSQL",
    "taskwarrior", "task", "export", "annotate", "shell", "cockpit", "YYYY", "MM", "DD",
    "this", "next", "views", "due", "week", "list", "key", "tag", "customer", "age", "title",
    "none", "low", "high", "seq", "show", "json", "weekly", "every", "month", "on", "the",
    "last", "fri", "revenue", "opportunities", "ops", "projects", "tickets", "table",
    "calendar", "days", "caldav", "report", "language", "webcal", "http", "https", "ics",
    "must", "be", "performance", "attractive", "indifferent", "reverse", "collected",
    "reviewed", "planned", "in", "development", "released", "closed", "rejected",
    # the CSV columns of `customers import --help` and their values
    *(w for c in CUSTOMER_COLUMNS for w in c.split("_")), "churn", "churned", "lead",
    "opportunity", "top", "normal", "direct", "sales", "channel", "partner", "GBK", "BOM",
    "UTF", "Excel", "Windows", "ISO", "Next", "Followup", "compinit", "fpath",
}  # fmt: skip


def untranslated(text: str) -> set[str]:
    """English words left in `text` once flags, command names and {choices} are out."""
    text = re.sub(r"(?<![\w-])--?[\w-]+", " ", text)  # -h, --data-dir, --no-next
    text = re.sub(r"\S*[/~._=+]\S*", " ", text)  # paths, ids, examples: ~/.zfunc, .+3d
    text = re.sub(r"\{[\x00-\x7f]*?\}", " ", text)  # {md,text}: typed as is
    names = command_names()
    return {w for w in re.findall(r"[A-Za-z]{3,}", text) if w not in names and w not in TYPED}


@pytest.mark.parametrize(
    "argv",
    [(), ("ls",), ("add",), ("customers",), ("customers", "touch"), ("customers", "import"),
     ("report", "week"), ("req", "move"), ("restore",), ("edit",), ("metrics", "set"),
     ("completion",)],
)  # fmt: skip
def test_chinese_help_reads_chinese(
    zh: None, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    shown = shown_help(capsys, *argv)
    assert shown.startswith(f"用法：cockpit{''.join(' ' + a for a in argv)} [-h]")
    assert "选项：\n" in shown and "  -h, --help" in shown and "显示此帮助并退出" in shown
    for english in ("usage:", "options:", "positional arguments", "show this help"):
        assert english not in shown
    assert untranslated(shown) == set()
    # (a shell command of the completion epilog cannot be broken)
    assert all(cell_width(line) <= WIDTH for line in shown.splitlines() if not line.isascii())


def test_chinese_help_names_values_in_chinese(zh: None, capsys: pytest.CaptureFixture[str]) -> None:
    top = shown_help(capsys)
    assert "[--data-dir 目录] [--config 配置文件]" in top
    assert "位置参数：\n  命令\n    add " in top
    assert "添加事项（默认：本周计划）" in top and "导出工作区" in top
    add = shown_help(capsys, "add")
    assert "[--list {重点,计划,运营}] [--week 周] [--due 日期]" in add
    assert re.search(r"\n  --week 周 +本周、下周", add)
    touch = shown_help(capsys, "customers", "touch")
    assert "--channel {电话,拜访,聊天,邮件,会议}" in touch
    assert "名称 [名称 ...]" in touch
    assert "CSV 列（" in shown_help(capsys, "customers", "import")


def test_chinese_help_lines_up_by_cells(zh: None, capsys: pytest.CaptureFixture[str]) -> None:
    """The help column starts at one cell for every option (a Chinese metavar is two
    cells a character), and wrapped lines continue under it."""
    shown = shown_help(capsys, "add")
    options = shown.split("选项：\n", 1)[1].splitlines()
    starts = set()
    for line in options:
        found = re.match(r"^(  -\S.*?  +)(\S.*)$", line)
        if found:
            starts.add(cell_width(found[1]))
        elif line.startswith(" " * 10):
            starts.add(len(line) - len(line.lstrip(" ")))
    assert len(starts) == 1, options
    usage = shown.split("\n\n", 1)[0].splitlines()
    indent = cell_width("用法：cockpit add ")
    assert all(line[:indent].isspace() and line[indent] != " " for line in usage[1:]), usage


def test_chinese_usage_errors_name_arguments_in_chinese(
    zh: None, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main(["customers"])
    refused = capsys.readouterr().err.splitlines()
    assert refused == [
        "用法：cockpit customers [-h] 操作 ...",
        "cockpit customers：错误：缺少必需的参数：操作。",
    ]


def test_english_help_is_argparses_own(columns: None, capsys: pytest.CaptureFixture[str]) -> None:
    """Each parser's help equals what argparse's own formatter prints for the same
    English texts: the catalog and the formatter change nothing in English."""
    tree = build_parser(WHOLE)
    helptext.resolve(tree)  # the keys worded in English, in place
    for path, parser in parsers(tree):
        ours = parser.format_help()
        raw = issubclass(parser.formatter_class, helptext.RawHelp)
        parser.formatter_class = (
            argparse.RawDescriptionHelpFormatter if raw else argparse.HelpFormatter
        )
        assert ours == parser.format_help(), " ".join(path)
    top = shown_help(capsys)
    assert top.startswith("usage: cockpit [-h] [--data-dir DATA_DIR] [--config CONFIG]")
    assert "\noptions:\n  -h, --help" in top and "add an item (default: this week's plan)" in top


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [("添加事项（默认：本周计划）", 10, ["添加事项", "（默认：本", "周计划）"]),
     ("按 due（截止）、tag（标签）排序", 12, ["按 due（截", "止）、tag", "（标签）排序"]),
     ("或 none（清除）", 8, ["或 none", "（清除）"]),
     ("short words wrap at spaces", 11, ["short words", "wrap at", "spaces"]),
     ("", 10, [])],
)  # fmt: skip
def test_wrap_by_cells(text: str, width: int, lines: list[str]) -> None:
    assert helptext.wrap(text, width) == lines
    assert all(cell_width(line) <= width for line in lines)


def test_no_line_starts_with_closing_punctuation() -> None:
    for width in range(8, 40):
        for line in helptext.wrap(CATALOG["help.edit.about"][1], width):
            assert not line.startswith(("，", "。", "、", "；", "：", "）"))
            assert not line.endswith(("（", "「"))


def test_completion_scripts_describe_in_chinese(
    zh: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["completion", "zsh"]) == 0
    script = capsys.readouterr().out
    assert "添加事项（默认：本周计划）" in script and "help." not in script
    i18n.set_language("en")
