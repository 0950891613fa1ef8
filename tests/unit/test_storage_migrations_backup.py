"""Schema migrations, daily rotating backups, restore, and the archive of old items."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cockpit.cli.main import main
from cockpit.core.config import Config, StorageSettings
from cockpit.core.errors import InvalidError
from cockpit.items.workspace import Workspace
from cockpit.storage.backup import list_backups, make_backup
from cockpit.storage.jsonstore import file_stamp
from cockpit.storage.migrations import CURRENT_SCHEMA
from tests.unit.storage_helpers import (
    frozen,
    one_line,
    open_ws,
    read_json,
    snapshot,
    use_cli_env,
    write_json,
)

V1_ITEMS = {
    "items": {
        "1": {
            "title": "write the 17.2 release notes",
            "list": "plan",
            "week": "2026-W45",
            "created": "2026-11-02T09:00:00+00:00",
            "history": [["2026-11-02T09:00:00+00:00", "created"]],
        },
        "2": {
            "title": "call the bank",
            "list": "key",
            "key": True,
            "week": "2026-W46",
            "status": "done",
            "created": "2026-11-09T09:00:00+00:00",
            "done_at": "2026-11-10T15:00:00+00:00",
        },
    },
    "meta": {"1": {"next_item": 4}},
}
V1_ARCHIVE = {
    "items": {
        "3": {
            "title": "an old one",
            "week": "2026-W30",
            "status": "done",
            "created": "2026-07-20T09:00:00+00:00",
            "done_at": "2026-07-21T09:00:00+00:00",
        }
    }
}


def daily(root: Path) -> list[str]:
    return sorted(n for n in list_backups(root) if len(n) == 10)


def cli(*args: str) -> int:
    return main(list(args))


# migrations ---------------------------------------------------------------------------
def test_schema_1_workspace_is_migrated_on_open(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    root.mkdir(mode=0o700)
    write_json(root / "workspace.json", {"schema": 1})
    write_json(root / "items.json", V1_ITEMS)
    write_json(root / "archive.json", V1_ARCHIVE)
    original = (root / "items.json").read_bytes()

    ws = Workspace(root, frozen())

    assert read_json(root / "workspace.json")["schema"] == CURRENT_SCHEMA == 2
    for name, source in (("items", V1_ITEMS), ("archive", V1_ARCHIVE)):
        docs = read_json(root / f"{name}.json")["items"]
        assert set(docs) == set(source["items"])
        for doc_id, doc in docs.items():
            assert doc["updated"] == source["items"][doc_id]["created"]
            assert doc["seq"] == 0
            assert doc["title"] == source["items"][doc_id]["title"]  # nothing else lost
    # Files the first layout did not have are created.
    assert read_json(root / "customers.json") == {}

    saved = [n for n in list_backups(root) if n.startswith("pre-migrate-")]
    assert len(saved) == 1
    backup = root / "backups" / saved[0]
    assert read_json(backup / "workspace.json") == {"schema": 1}
    assert (backup / "items.json").read_bytes() == original

    # The migrated workspace works: counters kept, edits count from 0.
    assert ws.get(1).updated == "2026-11-02T09:00:00+00:00"
    assert ws.get(3).title == "an old one"
    assert ws.add("new").id == 4
    assert ws.done(1).seq == 1

    # Opening again migrates nothing more.
    Workspace(root, frozen())
    assert len([n for n in list_backups(root) if n.startswith("pre-migrate-")]) == 1


def test_unknown_old_schema_is_refused(tmp_path: Path) -> None:
    from cockpit.storage import SchemaError

    root = tmp_path / "ws"
    root.mkdir()
    write_json(root / "workspace.json", {"schema": 0})
    write_json(root / "items.json", V1_ITEMS)
    with pytest.raises(SchemaError, match="no migration from schema 0"):
        Workspace(root, frozen())
    assert read_json(root / "items.json") == V1_ITEMS


# daily backups ------------------------------------------------------------------------
def test_daily_backup_once_a_day_keeps_seven_and_leaves_manual_ones(tmp_path: Path) -> None:
    clock = frozen(dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.UTC))
    ws = Workspace(tmp_path / "ws", clock)
    root = ws.root
    ws.add("day 0")
    ws.maintain()
    assert daily(root) == ["2026-11-01"]
    first = root / "backups" / "2026-11-01"
    stamp = file_stamp(first / "items.json")

    ws.add("later on day 0")
    clock.advance(hours=10)
    ws.maintain()  # same day: no new backup, the morning one is not rewritten
    assert daily(root) == ["2026-11-01"]
    assert file_stamp(first / "items.json") == stamp
    assert "later on day 0" not in (first / "items.json").read_text(encoding="utf-8")

    make_backup(root, clock.now().strftime("%Y-%m-%dT%H%M%S"), ws.files.lock)  # `cockpit backup`
    for day in range(1, 11):
        clock.advance(days=1)
        ws.add(f"day {day}")
        ws.maintain()
        ws.maintain()

    kept = [f"2026-11-{d:02d}" for d in range(5, 12)]
    assert daily(root) == kept
    assert "2026-11-01T190000" in list_backups(root)  # the manual one is left alone
    # Each daily backup is the state of that morning: everything added before it.
    for d in range(5, 12):
        items = read_json(root / "backups" / f"2026-11-{d:02d}" / "items.json")["items"]
        assert len(items) == 2 + (d - 1)


def test_daily_backup_keep_follows_config(tmp_path: Path) -> None:
    clock = frozen(dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.UTC))
    ws = Workspace(tmp_path / "ws", clock, Config(storage=StorageSettings(backups_keep=2)))
    for _ in range(5):
        ws.maintain()
        clock.advance(days=1)
    assert daily(ws.root) == ["2026-11-04", "2026-11-05"]


# restore ------------------------------------------------------------------------------
@pytest.fixture
def backed_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A workspace with the daily backup (one item) and a manual one (two items)."""
    use_cli_env(monkeypatch, tmp_path)
    root = tmp_path / "ws"
    assert cli("--data-dir", str(root), "add", "one") == 0  # daily backup: empty
    assert cli("--data-dir", str(root), "add", "two") == 0
    assert cli("--data-dir", str(root), "backup") == 0  # manual: one, two
    assert cli("--data-dir", str(root), "add", "three") == 0
    assert list_backups(root) == ["2026-11-18T120000", "2026-11-18"]
    return root


def titles(root: Path) -> list[str]:
    return sorted(d["title"] for d in read_json(root / "items.json").get("items", {}).values())


def test_restore_unknown_name_fails_cleanly_listing_known_ones(
    backed_up: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(backed_up)
    capsys.readouterr()
    assert cli("--data-dir", str(backed_up), "restore", "2025-01-01") != 0
    out, err = capsys.readouterr()
    assert out == ""
    line = one_line(err)
    assert "2025-01-01" in line
    assert "(have: 2026-11-18T120000, 2026-11-18)" in line
    assert snapshot(backed_up) == before


def test_restore_by_name_and_undo_it(backed_up: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert titles(backed_up) == ["one", "three", "two"]
    assert cli("--data-dir", str(backed_up), "restore", "2026-11-18", "--yes") == 0
    assert titles(backed_up) == []
    saved = [n for n in list_backups(backed_up) if n.startswith("pre-restore-")]
    assert saved == ["pre-restore-2026-11-18T120000"]
    # A restore can itself be undone by restoring what it saved - even within the same
    # second, when the second restore's own pre-restore folder must not overwrite it.
    assert cli("--data-dir", str(backed_up), "restore", saved[0], "--yes") == 0
    assert titles(backed_up) == ["one", "three", "two"]
    assert sorted(n for n in list_backups(backed_up) if n.startswith("pre-restore-")) == [
        "pre-restore-2026-11-18T120000",
        "pre-restore-2026-11-18T120000-2",
    ]
    first = read_json(backed_up / "backups" / saved[0] / "items.json")["items"]
    assert sorted(d["title"] for d in first.values()) == ["one", "three", "two"]
    # Without a name: the newest real backup, never a pre-restore one.
    assert cli("--data-dir", str(backed_up), "restore", "--yes") == 0
    assert titles(backed_up) == ["one", "two"]
    assert "from backup 2026-11-18T120000" in capsys.readouterr().out


@pytest.mark.parametrize("name", ["2026-11-18", None])
def test_damaged_backup_is_refused_before_anything_is_replaced(
    backed_up: Path, name: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    target = name or "2026-11-18T120000"  # default: the newest
    (backed_up / "backups" / target / "items.json").write_bytes(b'{"items": {"1": ')
    before = snapshot(backed_up)
    capsys.readouterr()
    assert cli("--data-dir", str(backed_up), "restore", *([name] if name else [])) == 3
    line = one_line(capsys.readouterr().err)
    assert "damaged" in line and target in line
    assert snapshot(backed_up) == before  # no file replaced, no pre-restore folder made


def test_restore_without_backups_or_workspace_fails_cleanly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    use_cli_env(monkeypatch, tmp_path)
    missing = tmp_path / "nowhere"
    assert cli("--data-dir", str(missing), "restore") == 1
    assert str(missing) in one_line(capsys.readouterr().err)
    assert not missing.exists()

    root = tmp_path / "ws"
    open_ws(root)
    assert cli("--data-dir", str(root), "restore") == 3
    assert "no backups" in one_line(capsys.readouterr().err)


# the archive --------------------------------------------------------------------------
def test_archive_old_moves_only_long_finished_items(tmp_path: Path) -> None:
    clock = frozen(dt.datetime(2026, 10, 7, 12, 0, tzinfo=dt.UTC))
    ws = Workspace(tmp_path / "ws", clock)
    old_done = ws.add("old done")
    ws.done(old_done.id)
    old_dropped = ws.add("old dropped")
    ws.drop(old_dropped.id)
    old_open = ws.add("old but open")

    clock.advance(weeks=4, days=1)  # 2026-11-05: the first two finished > 4 weeks ago
    recent = ws.add("recently done")
    ws.done(recent.id)
    fresh = ws.add("fresh")

    assert ws.archive_old() == 2
    hot = read_json(ws.files.path("items"))["items"]
    archive = read_json(ws.files.path("archive"))["items"]
    assert sorted(archive) == sorted(str(i.id) for i in (old_done, old_dropped))
    assert sorted(hot) == sorted(str(i.id) for i in (old_open, recent, fresh))
    assert archive[str(old_done.id)]["status"] == "done"

    # Archived items stay reachable, read-only, and their ids are never reused.
    assert ws.get(old_done.id).title == "old done"
    assert {i.id for i in ws.all_items()} == {1, 2, 3, 4, 5}
    assert ws.add("next").id == 6
    archive_path = ws.files.path("archive")
    stamp = file_stamp(archive_path)
    with pytest.raises(InvalidError, match="archived"):
        ws.reopen(old_done.id)

    # Keypress-sized changes rewrite only the hot file.
    ws.done(fresh.id)
    ws.toggle_key(old_open.id)
    ws.defer(old_open.id)
    ws.undo()
    ws.customers.add("ACME")
    assert ws.archive_old() == 0  # nothing new is old enough: no rewrite either
    assert file_stamp(archive_path) == stamp


def test_daily_maintenance_archives(tmp_path: Path) -> None:
    clock = frozen(dt.datetime(2026, 10, 7, 12, 0, tzinfo=dt.UTC))
    ws = Workspace(tmp_path / "ws", clock)
    ws.maintain()
    ws.done(ws.add("finished").id)
    ws.add("open")
    clock.advance(weeks=5)
    ws.maintain()
    assert [i.title for i in ws.items()] == ["open"]
    assert [i.title for i in ws.archived()] == ["finished"]
    # The backup of that morning was taken before the move: it still has both in the hot file.
    backup = root_backup_items(ws.root, clock.today().isoformat())
    assert sorted(backup) == ["finished", "open"]


def root_backup_items(root: Path, name: str) -> list[str]:
    docs = read_json(root / "backups" / name / "items.json")["items"]
    return sorted(d["title"] for d in docs.values())


def test_the_first_open_of_a_day_sweeps_even_when_its_backup_exists(tmp_path: Path) -> None:
    """A hot file holding years of finished work (an import or a start from before the
    sweep) is swept on the day's first open, not a day later; later opens do nothing."""
    clock = frozen(dt.datetime(2026, 10, 7, 12, 0, tzinfo=dt.UTC))
    ws = Workspace(tmp_path / "ws", clock)
    ws.done(ws.add("finished long ago").id)
    ws.add("open")
    clock.advance(weeks=5)
    make_backup(ws.root, clock.today().isoformat(), ws.files.lock)  # the day's backup exists
    again = Workspace(ws.root, clock)
    again.maintain()
    assert [i.title for i in again.items()] == ["open"]
    assert [i.title for i in again.archived()] == ["finished long ago"]
    hot = ws.files.path("items")
    stamp = file_stamp(hot)
    later = Workspace(ws.root, clock)
    assert not later.sweep_due()
    later.maintain()
    assert file_stamp(hot) == stamp  # swept once a day, not at every open


def test_no_sweep_without_the_days_backup(tmp_path: Path) -> None:
    clock = frozen(dt.datetime(2026, 10, 7, 12, 0, tzinfo=dt.UTC))
    ws = Workspace(tmp_path / "ws", clock)
    ws.done(ws.add("finished long ago").id)
    clock.advance(weeks=5)
    assert not ws.sweep_due()  # no backup of today (a damaged file skips it): no sweep
