"""`cockpit edit|note|show|undo`, run in-process on a frozen clock: only the fields given
change; every bad input is one sentence, a non-zero status and nothing written; a stale
`--seq` and an undo over a newer change are refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from cockpit.core.clock import FrozenClock
from cockpit.items.workspace import Workspace
from tests.unit.cli_helpers import Result, Run, runner
from tests.unit.storage_helpers import NOW_ISO, THIS_WEEK, one_line, snapshot, use_cli_env


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "ws"


@pytest.fixture
def cockpit(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Run:
    use_cli_env(monkeypatch, tmp_path)
    return runner(root, capsys)


def ok(result: Result) -> Result:
    assert result.code == 0, result.err
    return result


def sentence(err: str) -> str:
    """The one stderr sentence (a question, "did you mean …?", ends in its own mark)."""
    if err.rstrip().endswith("?"):
        (line,) = err.splitlines()
        return line
    return one_line(err)


def shown(cockpit: Run, item_id: int = 1) -> dict[str, Any]:
    data: dict[str, Any] = ok(cockpit("show", str(item_id), "--json")).json()
    return data


@pytest.fixture
def seeded(cockpit: Run) -> Run:
    ok(cockpit("customers", "add", "招商银行", "--tier", "top"))
    ok(cockpit("add", "Review failover PRD", "--tag", "pg", "--tag", "prd", "--due", "fri"))
    return cockpit


def test_edit_changes_only_the_fields_given_and_says_what_changed(seeded: Run) -> None:
    before = shown(seeded)
    result = ok(
        seeded(
            "edit", "1", "--due", "2026-11-27", "--customer", "招商银行", "--tag", "+ha",
            "--tag=-prd", "--key", "--week", "next",
        )
    )  # fmt: skip
    assert result.out.splitlines() == [
        "Edited #1: Review failover PRD",
        "  list: plan → key",
        "  week: 2026-W47 → 2026-W48",
        "  due: 2026-11-20 → 2026-11-27",
        "  customer: none → 招商银行",
        "  tags: +pg +prd → +pg +ha",
    ]
    after = shown(seeded)
    assert after["title"] == before["title"] and after["notes"] == before["notes"]
    assert (after["key"], after["tags"], after["customer"]) == (True, ["pg", "ha"], "招商银行")
    assert after["seq"] == before["seq"] + 1

    ok(seeded("edit", "#1", "--no-key", "--due", "none", "--customer", "none", "--recur", "weekly"))
    after = shown(seeded)
    assert (after["key"], after["list"], after["due"], after["customer"]) == (
        False, "plan", "2026-11-18", None,  # a rule without a date: due on its first date
    )  # fmt: skip
    assert after["recur"] == "FREQ=WEEKLY" and after["repeats"] == "every week"


@pytest.mark.parametrize(
    ("args", "status", "says"),
    [
        (["edit", "9", "--title", "x"], 1, "no item with id 9"),
        (["edit", "abc", "--title", "x"], 1, "abc"),
        (["edit", "1"], 2, "nothing to change"),
        (["edit", "1", "--title", "  "], 1, "an item needs a title"),
        (["edit", "1", "--due", "someday"], 1, "cannot read date 'someday'"),
        (["edit", "1", "--week", "W99"], 1, "W99"),
        (["edit", "1", "--customer", "招商"], 1, "招商银行"),
        (["edit", "1", "--tag", "+"], 1, "--tag needs a tag name"),
        (["edit", "1", "--recur", "every full moon"], 1, "cannot read the recurrence"),
        (["edit", "1", "--title", "new", "--seq", "5"], 1, "was changed since it was read"),
        (["note", "1", " "], 1, "a note needs some text"),
        (["note", "7", "hello"], 1, "no item with id 7"),
        (["show", "8"], 1, "no item with id 8"),
    ],
)
def test_bad_input_is_one_sentence_and_writes_nothing(
    seeded: Run, root: Path, args: list[str], status: int, says: str
) -> None:
    before = snapshot(root)
    result = seeded(*args)
    assert result.code == status
    assert says in sentence(result.err)
    assert result.out == ""
    assert snapshot(root) == before


def test_seq_as_read_lets_the_edit_through(seeded: Run) -> None:
    seq = shown(seeded)["seq"]
    ok(seeded("edit", "1", "--title", "Review the failover PRD", "--seq", str(seq)))
    assert shown(seeded)["title"] == "Review the failover PRD"


def test_note_adds_dated_annotations_that_show_lists(seeded: Run) -> None:
    result = ok(seeded("note", "1", "called", "the", "DBA"))
    assert result.out == "Noted #1 (2026-11-18): called the DBA\n"
    ok(seeded("note", "1", "second thought"))
    data = shown(seeded)
    assert [a[1] for a in data["annotations"]] == ["called the DBA", "second thought"]
    text = ok(seeded("show", "1")).out
    assert "annotations:\n  2026-11-18 12:00  called the DBA\n" in text
    assert "history:" in text and "noted" in text


def test_show_prints_every_field(seeded: Run) -> None:
    lines = ok(seeded("show", "1")).out.splitlines()
    assert lines[0] == "#1 Review failover PRD"
    fields = {line.split()[0]: line.split(None, 1)[1] for line in lines[1:14]}
    assert fields["status"] == "open"
    assert fields["week"] == f"{THIS_WEEK} (this week)"
    assert fields["due"] == "2026-11-20"
    assert fields["tags"] == "+pg +prd"
    assert fields["repeats"] == "never"
    assert fields["seq"] == "0"  # never changed since it was added


def test_show_in_chinese(seeded: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "zh.toml"
    config.write_text('language = "zh"\n', encoding="utf-8")
    monkeypatch.setenv("COCKPIT_CONFIG", str(config))
    text = ok(seeded("show", "1")).out
    assert "状态      进行中" in text
    assert "重复      不重复" in text


def test_undo_takes_back_the_command_lines_last_change_one_by_one(seeded: Run) -> None:
    ok(seeded("edit", "1", "--title", "Renamed"))
    ok(seeded("done", "1"))
    assert ok(seeded("undo")).out == "Undone: done Renamed (from 2026-11-18 12:00)\n"
    assert shown(seeded)["status"] == "open"
    assert ok(seeded("undo")).out.startswith("Undone: edited Renamed")
    assert shown(seeded)["title"] == "Review failover PRD"
    ok(seeded("undo"))  # the add
    assert seeded("show", "1").code == 1
    ok(seeded("undo"))  # the customer
    result = seeded("undo")
    assert result.code == 1
    assert "nothing to undo" in one_line(result.err)


def test_undo_is_refused_when_the_record_changed_since(seeded: Run, root: Path) -> None:
    ok(seeded("edit", "1", "--title", "Renamed"))
    # The open TUI (another process) changes the item afterwards.
    ws = Workspace(root, FrozenClock(dt.datetime.fromisoformat(NOW_ISO)))
    ws.edit(1, notes="from the app")
    before = snapshot(root)
    result = seeded("undo")
    assert result.code == 1
    sentence = one_line(result.err)
    assert "cannot undo 'edited Renamed': item 1 was changed again since" in sentence
    assert snapshot(root) == before
    assert shown(seeded)["title"] == "Renamed"


def test_the_finder_finds_an_item_by_its_annotation(seeded: Run, root: Path) -> None:
    from cockpit.find.records import item_records
    from cockpit.find.search import SearchIndex

    ok(seeded("note", "1", "pgvector benchmark from 瀚海"))
    ws = Workspace(root, FrozenClock(dt.datetime.fromisoformat(NOW_ISO)))
    index = SearchIndex(item_records(ws.items()))
    assert [hit.ref for hit in index.search("瀚海")] == [1]
