"""Tables of one's own (`[[metrics.tables]]`): defined in config, checked as config is,
and then treated as the built-in tables are: CSV in and out (Chinese headers, GBK or
UTF-8 with a BOM, bad rows refused by line), trends, the daily summary, the CLI."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cockpit.cli.main import main
from cockpit.core.clock import FrozenClock
from cockpit.core.config import Config, ConfigError, load_config
from cockpit.core.errors import ImportFileError, InvalidError
from cockpit.core.settings import BUILTIN_TABLES
from cockpit.demo import tables as demo_tables
from cockpit.items.workspace import Workspace
from cockpit.metrics import book as metrics
from cockpit.metrics import trends
from cockpit.metrics.tables_csv import export_csv, import_csv

CONFIG = """
[[metrics.tables]]
name = "extensions"
en = "Extension usage"
zh = "插件使用"
key = "extension"
columns = [
  { name = "extension", type = "text", en = "extension", zh = "插件" },
  { name = "instances", type = "int", en = "instances using it", zh = "使用实例数" },
  { name = "revenue", type = "money", en = "revenue", zh = "营收" },
  { name = "since", type = "date", en = "first used", zh = "首次使用", aliases = ["启用日期"] },
]
"""
README = Path(__file__).resolve().parents[2] / "README.md"


def config_at(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def ws(tmp_path: Path, clock: FrozenClock) -> Workspace:
    return Workspace(tmp_path / "ws", clock, load_config(config_at(tmp_path, CONFIG)))


def write(tmp_path: Path, text: str, encoding: str, name: str = "ext.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


SHEET = (
    "月份,插件,使用实例数,营收,启用日期\r\n"
    "2026年9月,pgvector,120,12.5万,2026-03-01\r\n"
    '2026年9月,PostGIS,300,"1,000,000",\r\n'
    "2026-10,pgvector,180,20万,2026/3/1\r\n"
    "2026-10,PostGIS,310,1100000,\r\n"
    "2026-10,TimescaleDB,30,,\r\n"
)


# config -------------------------------------------------------------------------------
def test_the_table_is_read_from_config_with_its_labels(ws: Workspace) -> None:
    spec = metrics.table_spec(ws, "extensions")
    assert spec.custom and spec.key == "extension" and spec.headline == "instances"
    assert [c.name for c in spec.columns] == ["month", "extension", "instances", "revenue", "since"]
    assert spec.title("zh") == "插件使用" and spec.column("instances").title("zh") == "使用实例数"
    assert list(metrics.tables(ws))[-1] == "extensions"  # after the built-in five


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ('[[metrics.tables]]\nname = "x"\ncolums = []',
         "no setting 'colums' (did you mean 'columns'?)"),
        ('[[metrics.tables]]\nname = "revenue"\ncolumns = [{ name = "a" }]', "built-in table"),
        ('[[metrics.tables]]\nname = "Bad Name"', "lower-case letters"),
        ('[[metrics.tables]]\nname = "x"\ncolumns = [{ name = "t", type = "text" }]',
         "at least one int or money column"),
        ('[[metrics.tables]]\nname = "x"\ncolumns = [{ name = "a", type = "float" }]',
         "must be one of int, money, text, date"),
        ('[[metrics.tables]]\nname = "x"\nkey = "a"\ncolumns = [{ name = "a" }]',
         "key 'a' must name one of its text columns"),
        ('[[metrics.tables]]\nname = "x"\nheadline = "b"\ncolumns = [{ name = "a" }, '
         '{ name = "b", type = "text" }]', "headline 'b' must name one of its number columns"),
        ('[[metrics.tables]]\nname = "x"\ncolumns = [{ name = "month" }]', "taken by the cockpit"),
        ('[[metrics.tables]]\nname = "x"\ncolumns = [{ name = "a" }, { name = "a" }]', "twice"),
        ('[[metrics.tables]]\nname = "x"\ncolumns = [{ name = "a" }]\n'
         '[[metrics.tables]]\nname = "x"\ncolumns = [{ name = "a" }]', "defined twice"),
        ('[[metrics.tables]]\nname = "x"\ncolumns = [{ nam = "a" }]', "did you mean 'name'"),
    ],
)  # fmt: skip
def test_a_wrong_table_definition_is_one_sentence(tmp_path: Path, text: str, said: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(config_at(tmp_path, text))
    assert said in str(caught.value)
    assert "\n" not in str(caught.value)


def test_builtin_names_in_settings_follow_the_specs() -> None:
    assert BUILTIN_TABLES == metrics.TABLE_NAMES


def test_the_readme_documents_the_demo_tables_word_for_word() -> None:
    assert demo_tables.CONFIG in README.read_text(encoding="utf-8")


def test_the_demo_adds_its_tables_without_replacing_the_users(tmp_path: Path) -> None:
    own = load_config(config_at(tmp_path, CONFIG))
    mine = demo_tables.with_tables(own)
    assert [t.name for t in mine.metrics.tables] == ["extensions", "delivery"]
    assert mine.metrics.tables[0].columns[1].name == "instances"  # the user's, not the demo's
    assert own.metrics.tables == mine.metrics.tables[:1]  # the user's config is left alone
    assert [t.name for t in demo_tables.with_tables(Config()).metrics.tables] == [
        "extensions",
        "delivery",
    ]


# CSV ----------------------------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig"])
def test_a_chinese_sheet_imports_and_round_trips(
    ws: Workspace, tmp_path: Path, clock: FrozenClock, encoding: str
) -> None:
    path = write(tmp_path, SHEET, encoding)
    said = import_csv(ws, path, "extensions")
    assert said == "Imported 5 rows into Extension usage (5 new, 0 updated)"
    got = {f"{r.month} {r.key}": r.values for r in metrics.rows(ws, "extensions")}
    assert got["2026-09 pgvector"] == {
        "extension": "pgvector", "instances": 120, "revenue": 125_000, "since": "2026-03-01",
    }  # fmt: skip
    assert got["2026-10 TimescaleDB"] == {"extension": "TimescaleDB", "instances": 30}
    exported = export_csv(ws, "extensions")
    assert exported.splitlines()[0] == "month,extension,instances,revenue,since"
    assert "2026-09,PostGIS,300,1000000," in exported
    again = Workspace(tmp_path / "other", clock, ws.config)
    back = write(tmp_path, exported, "utf-8", "back.csv")
    assert import_csv(again, back, "extensions").startswith("Imported 5 rows into")
    assert metrics.rows(again, "extensions") == metrics.rows(ws, "extensions")
    # An export of every table holds the custom one too, and imports back whole.
    whole = write(tmp_path, export_csv(ws, None), "utf-8", "all.csv")
    third = Workspace(tmp_path / "third", clock, ws.config)
    import_csv(third, whole, None)
    assert metrics.rows(third, "extensions") == metrics.rows(ws, "extensions")


def test_bad_rows_are_refused_naming_their_lines(ws: Workspace, tmp_path: Path) -> None:
    text = (
        "月份,插件,使用实例数,营收\n"
        "2026-09,pgvector,120,1000\n"
        "2026-09,PostGIS,many,1000\n"  # line 3: not a number
        "2026-13,PostGIS,5,1\n"  # line 4: not a month
        "2026-09,,5,1\n"  # line 5: no key
        "2026-09,PGVECTOR,7,1\n"  # line 6: the key of line 2 again (case does not count)
    )
    with pytest.raises(ImportFileError) as caught:
        import_csv(ws, write(tmp_path, text, "utf-8"), "extensions")
    said = str(caught.value)
    assert "nothing imported, 3 bad rows" in said
    assert "line 3: instances using it must be a number, not 'many'" in said
    assert "line 4: month '2026-13' is not a month" in said
    assert "line 5: every Extension usage row needs a extension" in said
    assert metrics.rows(ws, "extensions") == []
    fixed = (
        text.replace("many", "5").replace("2026-13", "2026-10").replace("2026-09,,", "2026-08,x,")
    )
    with pytest.raises(ImportFileError, match=r"line 6: 2026-09 PGVECTOR is already on line 2"):
        import_csv(ws, write(tmp_path, fixed, "utf-8"), "extensions")


def test_a_header_without_the_key_is_refused(ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="no 'extension' column"):
        import_csv(ws, write(tmp_path, "月份,使用实例数\n2026-09,3\n", "utf-8"), "extensions")


def test_an_unknown_table_names_the_workspaces_tables(ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="tickets, extensions"):
        import_csv(ws, write(tmp_path, "month\n", "utf-8"), "plugins")
    with pytest.raises(InvalidError, match="tickets, extensions"):
        metrics.set_row(ws, "plugins", {"month": "2026-09"})


# trends and the daily line --------------------------------------------------------------
def test_trends_and_the_summary_follow_the_months_sum(ws: Workspace, tmp_path: Path) -> None:
    import_csv(ws, write(tmp_path, SHEET, "utf-8-sig"), "extensions")
    rows = metrics.rows(ws, "extensions")
    spec = metrics.table_spec(ws, "extensions")
    by_column = {t.column: t for t in trends.table_trends(spec, rows, 0.2)}
    assert set(by_column) == {"instances", "revenue"}
    instances = by_column["instances"]
    assert (instances.month, instances.value) == ("2026-10", 520.0)  # 180 + 310 + 30
    assert instances.mom == pytest.approx(520 / 420 - 1)
    assert instances.spark[-2:] == [420.0, 520.0] and "jump" in instances.flags
    lines = trends.daily_lines(metrics.all_rows(ws), 0.2)
    assert lines == ["Extension usage 2026-10 +24% MoM (big move)"]
    assert trends.daily_lines(metrics.all_rows(ws), 0.2, "zh") == [
        "插件使用 2026-10 环比 +24%（大幅变化）"
    ]


# the command line ---------------------------------------------------------------------
def test_the_cli_sets_shows_and_exports_a_table_of_ones_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COCKPIT_CONFIG", str(config_at(tmp_path, CONFIG)))
    root = ["--data-dir", str(tmp_path / "cli")]
    for month, count in (("2026-09", "10"), ("2026-10", "15")):
        assert main([*root, "metrics", "set", "--table", "extensions", "--month", month,
                     "extension=pgvector", f"instances={count}"]) == 0  # fmt: skip
    capsys.readouterr()
    assert main([*root, "metrics", "show", "--table", "extensions", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)["extensions"]
    assert [r["instances"] for r in shown["rows"]] == [10, 15]
    assert shown["summary"] == "Extension usage 2026-10 +50% MoM (big move)"
    assert main([*root, "metrics", "show", "--table", "extensions"]) == 0
    text = capsys.readouterr().out
    assert re.search(r"instances usin…\s+MoM\s+\+50%", text)
    assert main([*root, "metrics", "show", "--table", "plugins"]) == 1
    assert "no metric table 'plugins'" in capsys.readouterr().err
