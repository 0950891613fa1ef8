"""Atomic, private, batched writes and reads that notice other processes' writes."""

from __future__ import annotations

import errno
import os
import resource
import signal
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from cockpit.core.errors import InvalidError
from cockpit.storage.atomic import atomic_write
from cockpit.storage.backup import make_backup
from cockpit.storage.errors import FileAccessError
from cockpit.storage.jsonstore import file_stamp
from tests.unit.storage_helpers import (
    NOW,
    cli_env,
    open_ws,
    read_json,
    run_cockpit,
    temp_files,
)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def loose_umask() -> Iterator[None]:
    """Umask 000: the modes must come from the code, not from the user's umask."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


# modes --------------------------------------------------------------------------------
@pytest.mark.usefixtures("loose_umask")
def test_workspace_files_are_0600_and_dirs_0700(tmp_path: Path) -> None:
    root = tmp_path / "nested" / "ws"
    ws = open_ws(root)
    ws.add("first item")
    ws.customers.add("ACME", tier="top")
    ws.maintain()  # the daily backup
    make_backup(root, "manual", ws.files.lock)

    assert mode(root) == 0o700
    files = [p for p in root.iterdir() if p.is_file()]
    assert {p.name for p in files} >= {"workspace.json", "items.json", "customers.json", ".lock"}
    for path in files:
        assert mode(path) == 0o600, path
    backups = root / "backups"
    assert mode(backups) == 0o700
    folders = [p for p in backups.iterdir()]
    assert {p.name for p in folders} == {"2026-11-18", "manual"}
    for folder in folders:
        assert mode(folder) == 0o700, folder
        copies = list(folder.iterdir())
        assert copies
        for path in copies:
            assert mode(path) == 0o600, path


@pytest.mark.usefixtures("loose_umask")
def test_rewritten_file_ends_up_0600_even_if_it_was_looser(tmp_path: Path) -> None:
    target = tmp_path / "data.json"
    target.write_bytes(b"old")
    target.chmod(0o644)
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert mode(target) == 0o600


# temp files ---------------------------------------------------------------------------
def test_atomic_write_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "data.json"
    atomic_write(target, b"one")
    atomic_write(target, b"two" * 100_000)
    assert target.read_bytes() == b"two" * 100_000
    assert [p.name for p in tmp_path.iterdir()] == ["data.json"]


def test_workspace_operations_leave_no_temp_files(tmp_path: Path) -> None:
    ws = open_ws(tmp_path / "ws")
    item = ws.add("a")
    ws.toggle_key(item.id)
    ws.done(item.id)
    ws.undo()
    ws.customers.add("ACME")
    ws.customers.touch("ACME", "call")
    ws.maintain()
    assert temp_files(ws.root) == []
    # No half-made backup folder (`.NAME.tmp`) either.
    assert sorted(p.name for p in (ws.root / "backups").iterdir()) == ["2026-11-18"]


def test_failed_replace_removes_its_temp_file(tmp_path: Path) -> None:
    # os.replace fails when the target is a non-empty directory.
    target = tmp_path / "items.json"
    target.mkdir()
    (target / "inside").write_bytes(b"keep")
    with pytest.raises(FileAccessError, match=r"cannot save .*items.json: it is a folder"):
        atomic_write(target, b"data")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["items.json"]
    assert (target / "inside").read_bytes() == b"keep"


# failed writes ------------------------------------------------------------------------
def test_write_failing_midway_keeps_old_file_and_snapshot(tmp_path: Path) -> None:
    ws = open_ws(tmp_path / "ws")
    ws.add("survivor")
    hot = ws.files.path("items")
    old = hot.read_bytes()
    old_stamp = file_stamp(hot)
    big = [ws.new_item(f"big item {n} " + "x" * 200) for n in range(50)]

    # The file-size limit makes the temp file's write fail part-way through (EFBIG):
    # a real "disk full in the middle of a write".
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (len(old) + 512, hard))
    try:
        with pytest.raises(FileAccessError) as info:
            ws.add_many(big)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)

    assert info.value.errno == errno.EFBIG
    assert hot.read_bytes() == old
    assert file_stamp(hot) == old_stamp
    assert temp_files(ws.root) == []
    storage = ws.files.storage("items")
    assert storage.stamp == old_stamp  # the snapshot is still the committed file
    assert "cannot save" in str(info.value) and str(hot) in str(info.value)
    assert [i.title for i in ws.items()] == ["survivor"]
    # The id counter came back from disk too: no id was burnt by the failed write.
    assert ws.add("next").id == 2


def test_unencodable_write_keeps_old_file_and_snapshot(tmp_path: Path) -> None:
    ws = open_ws(tmp_path / "ws")
    ws.add("survivor")
    hot = ws.files.path("items")
    old = hot.read_bytes()
    table = ws.files.table("items", "items")

    # Outside a transaction nothing may be written at all (no lock is held).
    with pytest.raises(RuntimeError, match="inside a transaction"):
        table.insert({"title": "bad", "tags": {"a", "b"}})
    assert hot.read_bytes() == old
    assert [i.title for i in ws.items()] == ["survivor"]

    with pytest.raises(TypeError), ws.files.transaction("items"):
        table.insert({"title": "bad in a batch", "tags": {"a"}})
    assert hot.read_bytes() == old
    assert [i.title for i in ws.items()] == ["survivor"]
    assert temp_files(ws.root) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only directories")
def test_read_only_directory_keeps_old_file(tmp_path: Path) -> None:
    ws = open_ws(tmp_path / "ws")
    ws.add("survivor")
    hot = ws.files.path("items")
    old = hot.read_bytes()
    ws.root.chmod(0o500)
    try:
        with pytest.raises(FileAccessError, match="permission denied"):
            ws.add("never stored")
        assert [i.title for i in ws.items()] == ["survivor"]
    finally:
        ws.root.chmod(0o700)
    assert hot.read_bytes() == old
    assert temp_files(ws.root) == []


# transactions -------------------------------------------------------------------------
def test_transaction_batches_changes_into_one_write(tmp_path: Path) -> None:
    ws = open_ws(tmp_path / "ws")
    first = ws.add("first")
    hot = ws.files.path("items")
    before = file_stamp(hot)
    old = hot.read_bytes()

    with ws.files.transaction("items"):
        table = ws.files.table("items", "items")
        for n in range(3):
            table.insert({"title": f"batched {n}", "week": "x"})
            # Every atomic write makes a new inode: an unchanged stamp means no write yet.
            assert file_stamp(hot) == before
        table.update({"notes": "edited"}, doc_ids=[first.id])
        with ws.files.transaction("items"):  # nested: still no write at its end
            table.remove(doc_ids=[first.id])
        assert file_stamp(hot) == before
        assert hot.read_bytes() == old
        # Reads inside the batch see the pending changes.
        assert sorted(i.title for i in ws.items()) == ["batched 0", "batched 1", "batched 2"]

    after = file_stamp(hot)
    assert after is not None and before is not None and after[0] != before[0]
    stored = read_json(hot)["items"]
    assert sorted(d["title"] for d in stored.values()) == ["batched 0", "batched 1", "batched 2"]


def test_read_only_transaction_writes_nothing(tmp_path: Path) -> None:
    ws = open_ws(tmp_path / "ws")
    ws.add("a")
    hot = ws.files.path("items")
    before = file_stamp(hot)
    with ws.files.transaction("items", "customers"):
        assert len(ws.items()) == 1
        assert ws.customers.all() == []
    assert file_stamp(hot) == before


def test_transaction_writes_nothing_on_exception(tmp_path: Path) -> None:
    ws = open_ws(tmp_path / "ws")
    ws.add("kept")
    ws.customers.add("ACME")
    paths = [ws.files.path("items"), ws.files.path("customers")]
    before = {p: (p.read_bytes(), file_stamp(p)) for p in paths}

    with pytest.raises(RuntimeError, match="boom"), ws.files.transaction("items", "customers"):
        ws.files.table("items", "items").insert({"title": "phantom"})
        ws.files.table("customers", "customers").insert({"name": "Phantom Corp"})
        raise RuntimeError("boom")

    assert {p: (p.read_bytes(), file_stamp(p)) for p in paths} == before
    assert [i.title for i in ws.items()] == ["kept"]
    assert [c.name for c in ws.customers.all()] == ["ACME"]


def test_refused_domain_change_writes_nothing(tmp_path: Path) -> None:
    ws = open_ws(tmp_path / "ws")
    item = ws.add("a")
    ws.done(item.id)
    hot = ws.files.path("items")
    before = (hot.read_bytes(), file_stamp(hot))
    with pytest.raises(InvalidError):
        ws.done(item.id)
    with pytest.raises(InvalidError):
        ws.defer(item.id)
    assert (hot.read_bytes(), file_stamp(hot)) == before


# other processes ----------------------------------------------------------------------
def test_reads_notice_another_workspace_instance(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    mine, other = open_ws(root), open_ws(root)
    first = mine.add("mine")
    assert [i.title for i in other.items()] == ["mine"]
    assert not mine.outside_changes()

    second = other.add("theirs")
    assert mine.outside_changes()
    assert sorted(i.title for i in mine.items()) == ["mine", "theirs"]
    assert not mine.outside_changes()

    # Interleaved changes to one item: each transaction starts from the latest file.
    other.toggle_key(first.id)
    mine.done(first.id)
    other.defer(second.id, "2026-W50")
    mine.toggle_key(second.id)
    check = open_ws(root)
    a, b = check.get(first.id), check.get(second.id)
    assert (a.key, a.status, a.seq) == (True, "done", 2)
    assert (b.key, b.week, b.seq) == (True, "2026-W50", 2)
    # And neither instance's id counter reused an id.
    assert {mine.add("x").id, other.add("y").id} == {3, 4}


def test_reads_notice_a_cli_process(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    ws = open_ws(root)
    ws.add("from the tui")
    ws.customers.add("ACME")
    assert not ws.outside_changes()

    env = cli_env(tmp_path)
    done = run_cockpit(root, "add", "from", "cron", env=env)
    assert done.returncode == 0, done.stderr
    assert ws.outside_changes()
    assert sorted(i.title for i in ws.items()) == ["from cron", "from the tui"]

    done = run_cockpit(root, "customers", "touch", "ACME", "--note", "weekly call", env=env)
    assert done.returncode == 0, done.stderr
    assert ws.outside_changes()
    assert ws.customers.find("ACME").last_touch == NOW.date().isoformat()
    assert [t.note for t in ws.customers.touches()] == ["weekly call"]

    # Our next change keeps theirs.
    ws.add("after cron")
    titles = sorted(d["title"] for d in read_json(ws.files.path("items"))["items"].values())
    assert titles == ["after cron", "from cron", "from the tui"]
