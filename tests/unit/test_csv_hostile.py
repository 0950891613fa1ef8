"""CSV exports hand Excel no live formula, and a file mixing encodings is refused
(issue 11, items 5 and 6), through the real command line.

Fixtures in `tests/fixtures/hostile/`: `formulas-customers.csv` and `formulas-ops.csv`
carry the eight payloads of OWASP's CSV-injection page (and a leading TAB and CR) as
names, industries, notes and activities; `negative-revenue.csv` plain negative amounts;
`mixed-*.csv` rows pasted between a UTF-8 and a GBK file.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest

from cockpit.cli.main import main
from cockpit.core.text import cell_text, inert_cell
from tests.unit.storage_helpers import one_line, snapshot, use_cli_env

HOSTILE = Path(__file__).parents[1] / "fixtures" / "hostile"
Run = Callable[..., tuple[int, str, str]]
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def cockpit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Run:
    use_cli_env(monkeypatch, tmp_path)

    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(["--data-dir", str(tmp_path / "ws"), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline="")))


def live(cell: str) -> bool:
    """Would a spreadsheet run this cell? (A number is a number, not a formula.)"""
    try:
        float(cell)
        return False
    except ValueError:
        return cell.startswith(TRIGGERS)


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("-2+3", "'-2+3"),
        ("\t=2+2", "'\t=2+2"),
        ("\r=1", "'\r=1"),
        ("-12.5", "-12.5"),
        ("+3", "+3"),
        ("-1e3", "-1e3"),
        ("plain", "plain"),
        ("", ""),
    ],
)
def test_inert_cell_follows_owasp_and_keeps_numbers(cell: str, written: str) -> None:
    assert inert_cell(cell) == written
    assert cell_text(inert_cell(cell)) == cell  # read back, it is the same text


def test_customers_export_has_no_live_formula(cockpit: Run, tmp_path: Path) -> None:
    code, out, err = cockpit("customers", "import", str(HOSTILE / "formulas-customers.csv"))
    assert code == 0, err
    for args in (("customers", "export"), ("customers", "export", "-o", str(tmp_path / "c.csv"))):
        code, out, err = cockpit(*args)
        assert code == 0, err
        text = out or (tmp_path / "c.csv").read_text("utf-8")
        exported = rows(text)
        cells = [cell for row in exported for cell in row.values()]
        assert not [c for c in cells if live(c)], [c for c in cells if live(c)]
        names = [row["name"] for row in exported]
        assert sum(n.startswith("'") for n in names) == 8  # all eight neutralised
        assert "'=2+2" in names  # the leading TAB did not revive "=2+2"
        regions = {row["name"]: row["region"] for row in exported}
        assert regions["Negative region"] == "-80" and regions["'=3+3"] == "-8"
        assert {row["industry"] for row in exported} >= {"-12.5"}


def test_an_export_imported_again_is_the_same_text(cockpit: Run, tmp_path: Path) -> None:
    assert cockpit("customers", "import", str(HOSTILE / "formulas-customers.csv"))[0] == 0
    first = tmp_path / "first.csv"
    assert cockpit("customers", "export", "-o", str(first))[0] == 0
    other = tmp_path / "other"
    code = main(["--data-dir", str(other), "customers", "import", str(first)])
    assert code == 0
    again = tmp_path / "again.csv"
    assert main(["--data-dir", str(other), "customers", "export", "-o", str(again)]) == 0
    strip = {"created", "stage_since"}
    before = [{k: v for k, v in r.items() if k not in strip} for r in rows(first.read_text())]
    after = [{k: v for k, v in r.items() if k not in strip} for r in rows(again.read_text())]
    assert before == after  # no '' growing at each round trip


def test_metrics_export_has_no_live_formula_and_keeps_negative_amounts(cockpit: Run) -> None:
    code, _, err = cockpit("metrics", "import", str(HOSTILE / "formulas-ops.csv"), "--table", "ops")
    assert code == 0, err
    code, _, err = cockpit(
        "metrics", "import", str(HOSTILE / "negative-revenue.csv"), "--table", "revenue"
    )
    assert code == 0, err
    for args in (("metrics", "export", "--table", "ops"), ("metrics", "export")):
        code, out, _ = cockpit(*args)
        exported = rows(out)
        cells = [cell for row in exported for cell in row.values()]
        assert not [c for c in cells if live(c)], args
    _, out, _ = cockpit("metrics", "export", "--table", "ops")
    activities = [row["activity"] for row in rows(out)]
    assert len(activities) == 8 and all(a.startswith("'") for a in activities)
    _, out, _ = cockpit("metrics", "export", "--table", "revenue")
    assert [(r["cash"], r["gaap"]) for r in rows(out)] == [("-80", "-12.5"), ("120", "-3")]


@pytest.mark.parametrize(
    ("fixture", "sentence"),
    [
        (
            "mixed-utf8-then-gbk.csv",
            "mixes text encodings: line 4 is not UTF-8 (GBK?) while line 3 is UTF-8",
        ),
        (
            "mixed-gbk-then-utf8.csv",
            "mixes text encodings: line 4 is UTF-8 while line 2 is not UTF-8 (GBK?)",
        ),
    ],
)
def test_a_file_mixing_encodings_is_refused_naming_the_line(
    cockpit: Run, tmp_path: Path, fixture: str, sentence: str
) -> None:
    assert cockpit("customers", "add", "Existing")[0] == 0
    before = snapshot(tmp_path / "ws")
    for args in (
        ("customers", "import", str(HOSTILE / fixture)),
        ("import", "csv", str(HOSTILE / fixture), "--kind", "customers"),
        ("metrics", "import", str(HOSTILE / fixture), "--table", "ops"),
    ):
        code, out, err = cockpit(*args)
        assert code == 1 and out == "", args
        assert sentence in one_line(err), err
    assert snapshot(tmp_path / "ws") == before  # nothing imported, nothing garbled
