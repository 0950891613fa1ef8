"""The command-line contract of DESIGN.md (the parts that exist), run in-process."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cockpit.cli.main import main
from cockpit.storage.atomic import FILE_MODE
from tests.unit.cli_helpers import Result, Run, runner
from tests.unit.storage_helpers import (
    LAST_WEEK,
    NEXT_WEEK,
    THIS_WEEK,
    TODAY,
    one_line,
    snapshot,
    use_cli_env,
)

LS_KEYS = {"id", "title", "list", "week", "status", "key", "due", "customer", "tags", "carried"}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "ws"


@pytest.fixture
def cockpit(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Run:
    """`cockpit --data-dir ROOT ARGS...` with a frozen clock (Wednesday of 2026-W47)."""
    use_cli_env(monkeypatch, tmp_path)
    return runner(root, capsys)


def ok(result: Result) -> Result:
    assert result.code == 0, result.err
    assert result.err == ""
    return result


def ls_all(cockpit: Run) -> dict[str, dict[str, Any]]:
    return {i["title"]: i for i in ok(cockpit("ls", "--all", "--json")).json()}


# add ----------------------------------------------------------------------------------
def test_add_defaults_to_this_weeks_plan(cockpit: Run) -> None:
    result = ok(cockpit("add", "review", "the", "17.2", "release", "notes"))
    assert result.out == f"Added #1 to {THIS_WEEK} plan: review the 17.2 release notes\n"
    item = ls_all(cockpit)["review the 17.2 release notes"]
    assert {k: item[k] for k in LS_KEYS} == {
        "id": 1,
        "title": "review the 17.2 release notes",
        "list": "plan",
        "week": THIS_WEEK,
        "status": "open",
        "key": False,
        "due": None,
        "customer": None,
        "tags": [],
        "carried": 0,
    }


def test_add_with_every_option(cockpit: Run) -> None:
    ok(cockpit("customers", "add", "招商银行", "--tier", "top"))
    result = ok(
        cockpit(
            "add",
            "升级 PG 17 方案评审",
            "--list",
            "key",
            "--week",
            "next",
            "--due",
            "2026-11-27",
            "--customer",
            "招商银行",  # the known customer, by its whole name
            "--tag",
            "upgrade",
            "--tag",
            "+pg17",
            "--tag",
            "upgrade",
        )
    )
    assert result.out == f"Added #1 to {NEXT_WEEK} key: 升级 PG 17 方案评审\n"
    item = ls_all(cockpit)["升级 PG 17 方案评审"]
    assert item["list"] == "key"
    assert item["key"] is True
    assert item["week"] == NEXT_WEEK
    assert item["due"] == "2026-11-27"
    assert item["customer"] == "招商银行"
    assert item["tags"] == ["upgrade", "pg17"]

    ok(cockpit("add", "ops task", "--list", "ops", "--week", "2026-W50", "--due", "fri"))
    items = ls_all(cockpit)
    assert (items["ops task"]["list"], items["ops task"]["week"]) == ("ops", "2026-W50")
    assert items["ops task"]["due"] == "2026-11-20"


@pytest.mark.parametrize(
    "args",
    [
        ("add", "x", "--due", "2026-02-30"),
        ("add", "x", "--due", "someday"),
        ("add", "x", "--week", "W60"),
        ("add", "x", "--week", "soon"),
        ("add", "   "),
        ("defer", "1", "--to", "2026-W99"),
        ("customers", "add", "ACME", "--next", "31/12/2026"),
        ("customers", "touch", "Initech", "--note", "hi", "--next", "never"),
    ],
)
def test_bad_input_fails_with_status_1_and_writes_nothing(
    cockpit: Run, root: Path, args: tuple[str, ...]
) -> None:
    ok(cockpit("add", "existing"))
    ok(cockpit("customers", "add", "Initech"))
    before = snapshot(root)
    result = cockpit(*args)
    assert result.code == 1
    assert result.out == ""
    one_line(result.err)
    assert snapshot(root) == before


# ls -----------------------------------------------------------------------------------
@pytest.fixture
def week_items(cockpit: Run) -> Run:
    """Items of every kind: this week, carry-over, future, finished, other lists."""
    ok(cockpit("add", "this week plan"))
    ok(cockpit("add", "this week ops", "--list", "ops"))
    ok(cockpit("add", "carried over", "--week", LAST_WEEK))
    ok(cockpit("add", "next week", "--week", "next"))
    ok(cockpit("add", "finished"))
    ok(cockpit("add", "abandoned", "--week", LAST_WEEK))
    ok(cockpit("add", "key item", "--list", "key", "--due", "2026-11-19"))
    ok(cockpit("done", "5"))
    ok(cockpit("drop", "6"))
    return cockpit


def test_ls_shows_this_week_and_carry_over_only(week_items: Run) -> None:
    out = ok(week_items("ls")).out
    for title in ("this week plan", "this week ops", "carried over", "key item"):
        assert title in out
    for title in ("next week", "finished", "abandoned"):
        assert title not in out
    carried = next(line for line in out.splitlines() if "carried over" in line)
    assert "carry-over" in carried
    assert "due 2026-11-19" in out

    listed = ok(week_items("ls", "--json")).json()
    assert sorted(i["id"] for i in listed) == [1, 2, 3, 7]
    assert listed[0]["title"] == "carried over"  # carry-over first
    assert {i["status"] for i in listed} == {"open"}

    ops = ok(week_items("ls", "--list", "ops", "--json")).json()
    assert [i["title"] for i in ops] == ["this week ops"]


def test_ls_all_shows_every_week_and_status(week_items: Run) -> None:
    listed = ok(week_items("ls", "--all", "--json")).json()
    assert sorted(i["id"] for i in listed) == [1, 2, 3, 4, 5, 6, 7]
    status = {i["title"]: i["status"] for i in listed}
    assert status["finished"] == "done"
    assert status["abandoned"] == "dropped"
    assert status["next week"] == "open"
    for item in listed:
        assert set(item) >= LS_KEYS, item
        assert item["status"] in ("open", "done", "dropped")
        assert isinstance(item["tags"], list) and isinstance(item["carried"], int)
    text = ok(week_items("ls", "--all")).out
    assert "next week" in text and "finished" in text and "abandoned" in text


def test_ls_on_an_empty_workspace(cockpit: Run) -> None:
    assert "No open items" in ok(cockpit("ls")).out
    assert ok(cockpit("ls", "--json")).json() == []


def test_default_workspace_comes_from_cockpit_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    use_cli_env(monkeypatch, tmp_path)
    other = tmp_path / "from-env"
    monkeypatch.setenv("COCKPIT_DATA_DIR", str(other))
    assert main(["add", "via env"]) == 0
    assert (other / "items.json").is_file()
    capsys.readouterr()
    assert main(["ls", "--json"]) == 0
    assert [i["title"] for i in json.loads(capsys.readouterr().out)] == ["via env"]


# done / defer / drop ------------------------------------------------------------------
def test_done_with_several_ids(week_items: Run) -> None:
    result = ok(week_items("done", "1", "#2", "3"))
    assert result.out.splitlines() == [
        "Done #1: this week plan",
        "Done #2: this week ops",
        "Done #3: carried over",
    ]
    status = {i["id"]: i["status"] for i in ls_all(week_items).values()}
    assert (status[1], status[2], status[3], status[7]) == ("done", "done", "done", "open")


@pytest.mark.parametrize(
    ("ids", "named"),
    [
        (("1", "99", "2"), "99"),  # unknown id in the middle
        (("1", "2", "5"), "5"),  # already done
        (("1", "two"), "two"),  # not a number
    ],
)
def test_done_with_one_bad_id_changes_none(
    week_items: Run, root: Path, ids: tuple[str, ...], named: str
) -> None:
    before = snapshot(root)
    result = week_items("done", *ids)
    assert result.code == 1
    assert result.out == ""
    assert named in one_line(result.err)
    assert snapshot(root) == before
    status = {i["id"]: i["status"] for i in ls_all(week_items).values()}
    assert (status[1], status[2]) == ("open", "open")


def test_defer(week_items: Run) -> None:
    assert ok(week_items("defer", "1")).out == f"Deferred #1 to {NEXT_WEEK}: this week plan\n"
    assert ok(week_items("defer", "2", "--to", "W50")).out.startswith("Deferred #2 to 2026-W50")
    assert ok(week_items("defer", "3", "--to", "2026-12-24")).out.startswith(
        "Deferred #3 to 2026-W52"
    )
    weeks = {i["id"]: i["week"] for i in ls_all(week_items).values()}
    assert (weeks[1], weeks[2], weeks[3]) == (NEXT_WEEK, "2026-W50", "2026-W52")
    assert sorted(i["id"] for i in ok(week_items("ls", "--json")).json()) == [7]

    result = week_items("defer", "5")  # done items do not move
    assert result.code == 1
    assert "only open items move" in one_line(result.err)
    assert week_items("defer", "99").code == 1


def test_drop(week_items: Run, root: Path) -> None:
    assert ok(week_items("drop", "1")).out == "Dropped #1: this week plan\n"
    assert ls_all(week_items)["this week plan"]["status"] == "dropped"
    assert 1 not in [i["id"] for i in ok(week_items("ls", "--json")).json()]
    before = snapshot(root)
    result = week_items("drop", "2", "1")
    assert result.code == 1
    assert "already dropped" in one_line(result.err)
    assert snapshot(root) == before


def test_done_with_an_archived_id_changes_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "ws"
    use_cli_env(monkeypatch, tmp_path, "2026-10-01T12:00:00")
    assert main(["--data-dir", str(root), "add", "old"]) == 0
    assert main(["--data-dir", str(root), "drop", "1"]) == 0
    assert main(["--data-dir", str(root), "add", "open one"]) == 0
    use_cli_env(monkeypatch, tmp_path)  # seven weeks later: item 1 is archived
    assert main(["--data-dir", str(root), "ls"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(root), "done", "2", "1"]) == 1
    one_line(capsys.readouterr().err)
    assert main(["--data-dir", str(root), "ls", "--json"]) == 0
    assert [i["status"] for i in json.loads(capsys.readouterr().out)] == ["open"]


# customers ----------------------------------------------------------------------------
def test_customers_add_ls_touch(cockpit: Run) -> None:
    result = ok(
        cockpit(
            "customers",
            "add",
            "ACME",
            "Bank",
            "--tier",
            "top",
            "--industry",
            "banking",
            "--region",
            "east",
            "--source",
            "sales",
            "--owner",
            "Li Lei",
        )
    )
    assert result.out == "Added customer #1: ACME Bank (top)\n"
    ok(cockpit("customers", "add", "Initech", "--next", "2026-11-30"))

    rows = ok(cockpit("customers", "ls", "--json")).json()
    assert [r["name"] for r in rows] == ["ACME Bank", "Initech"]  # due first
    acme, initech = rows
    assert {k: acme[k] for k in ("id", "tier", "industry", "region", "source", "owner")} == {
        "id": 1,
        "tier": "top",
        "industry": "banking",
        "region": "east",
        "source": "sales",
        "owner": "Li Lei",
    }
    assert acme["due"] is True  # a top customer never touched
    assert (acme["last_touch"], acme["next_followup"]) == (None, None)
    assert (initech["due"], initech["next_followup"]) == (False, "2026-11-30")

    result = ok(
        cockpit("customers", "touch", "acme bank", "--note", "PG 17 upgrade call", "--next", "+14")
    )
    assert result.out == f"Logged call with ACME Bank on {TODAY}; next follow-up 2026-12-02\n"
    acme = ok(cockpit("customers", "ls", "--json")).json()[0]
    assert acme["name"] == "ACME Bank"
    assert (acme["last_touch"], acme["next_followup"], acme["due"]) == (TODAY, "2026-12-02", False)

    text = ok(cockpit("customers", "ls")).out
    assert "ACME Bank" in text and "next 2026-12-02" in text


def test_customers_refusals(cockpit: Run, root: Path) -> None:
    ok(cockpit("customers", "add", "ACME"))
    before = snapshot(root)
    for args, words in (
        (("customers", "add", "acme"), "already exists"),
        (("customers", "touch", "Nobody", "--note", "x"), "no customer is named 'Nobody'"),
    ):
        result = cockpit(*args)
        assert result.code == 1
        assert words in one_line(result.err)
    assert snapshot(root) == before


# export, backup, restore --------------------------------------------------------------
def test_export_json(week_items: Run, tmp_path: Path) -> None:
    ok(week_items("customers", "add", "ACME"))
    ok(week_items("customers", "touch", "ACME", "--note", "call"))
    doc = ok(week_items("export", "json")).json()
    assert (doc["format"], doc["version"]) == ("cockpit-export", 1)
    assert [i["id"] for i in doc["items"]] == [1, 2, 3, 4, 5, 6, 7]  # archive included
    assert [c["name"] for c in doc["customers"]] == ["ACME"]
    assert doc["touches"] == [{"customer_id": 1, "date": TODAY, "channel": "call", "note": "call"}]

    target = tmp_path / "export.json"
    assert ok(week_items("export", "json", "-o", str(target))).out == ""
    assert json.loads(target.read_text(encoding="utf-8")) == doc
    assert target.stat().st_mode & 0o777 == FILE_MODE


def test_backup_and_restore_list(cockpit: Run, root: Path) -> None:
    ok(cockpit("add", "before the backup"))
    out = ok(cockpit("backup")).out
    assert out == f"Backed up to {root / 'backups' / '2026-11-18T120000'}\n"
    assert ok(cockpit("restore", "--list")).out.splitlines() == ["2026-11-18T120000", "2026-11-18"]

    ok(cockpit("add", "after the backup"))
    # Not on a terminal and without --yes, a whole restore refuses (nothing replaced).
    refused = cockpit("restore")
    assert refused.code == 1 and "pass --yes" in refused.err
    assert sorted(ls_all(cockpit)) == ["after the backup", "before the backup"]
    ok(cockpit("restore", "--yes"))
    assert list(ls_all(cockpit)) == ["before the backup"]
    names = ok(cockpit("restore", "--list")).out.splitlines()
    # Newest first; the two folders made at the same second may come in either order.
    assert names[-1] == "2026-11-18"
    assert set(names[:2]) == {"pre-restore-2026-11-18T120000", "2026-11-18T120000"}


def test_usage_errors_exit_2(cockpit: Run, capsys: pytest.CaptureFixture[str]) -> None:
    for args in (("frobnicate",), ("add",), ("ls", "--list", "nope")):
        with pytest.raises(SystemExit) as info:
            cockpit(*args)
        assert info.value.code == 2
