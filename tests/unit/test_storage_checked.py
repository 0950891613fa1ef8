"""A file cockpit wrote is not checked record by record again by the next process to
read it (`storage.checked`); any other version of it is, whatever it looks like."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import orjson
import pytest

from cockpit.storage import CorruptFileError, WorkspaceFiles, shapes
from cockpit.storage.checked import mark_of
from tests.unit.storage_helpers import open_ws


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Every shape check made: (file, records checked)."""
    made: list[tuple[str, int]] = []
    real = shapes.problem

    def spy(name: str, data: Any) -> str | None:
        made.append((name, sum(len(t) for t in data.values())))
        return real(name, data)

    monkeypatch.setattr(shapes, "problem", spy)
    return made


def items_read_by_another_process(root: Path) -> dict[str, Any]:
    """The hot file's items as a process that never read it sees them."""
    return WorkspaceFiles(root).raw("items")["items"]


def test_a_file_cockpit_wrote_is_parsed_without_checking_every_record(
    tmp_path: Path, checks: list[tuple[str, int]]
) -> None:
    ws = open_ws(tmp_path / "ws")
    for n in range(30):
        ws.add(f"item {n}")
    assert mark_of(ws.files.path("items")).exists()
    checks.clear()
    assert len(items_read_by_another_process(ws.root)) == 30
    assert checks == []
    ws.add("one more")  # checks what it writes: the new item and the id counter
    assert checks == [("items", 2)]


def test_a_hand_edit_of_the_same_size_is_checked_in_full(
    tmp_path: Path, checks: list[tuple[str, int]]
) -> None:
    ws = open_ws(tmp_path / "ws")
    ws.add("abcde")
    path = ws.files.path("items")
    body = path.read_bytes()
    edited = body.replace(b'"abcde"', b"1234567")  # a title that is a number
    assert len(edited) == len(body)
    stat = os.stat(path)
    path.write_bytes(edited)  # in place: same inode, same size
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    with pytest.raises(CorruptFileError, match="title is a number"):
        items_read_by_another_process(ws.root)


@pytest.mark.parametrize("mark", [b"", b"garbage", b"1 2\n"])
def test_a_torn_or_foreign_mark_means_a_full_check(
    tmp_path: Path, checks: list[tuple[str, int]], mark: bytes
) -> None:
    ws = open_ws(tmp_path / "ws")
    ws.add("first")
    mark_of(ws.files.path("items")).write_bytes(mark)
    checks.clear()
    items_read_by_another_process(ws.root)
    assert checks == [("items", 2)]  # the item and the id counter


def test_a_restored_or_replaced_file_is_checked_in_full(tmp_path: Path) -> None:
    ws = open_ws(tmp_path / "ws")
    ws.add("first")
    path = ws.files.path("items")
    data = orjson.loads(path.read_bytes())
    data["items"]["1"]["tags"] = "not a list"
    tmp = path.with_name("other.json")
    tmp.write_bytes(orjson.dumps(data))
    os.replace(tmp, path)  # as a restore or a copy from another machine does
    with pytest.raises(CorruptFileError, match="tags is"):
        items_read_by_another_process(ws.root)


def test_a_wrong_record_written_leaves_no_mark_and_the_next_read_refuses_it(
    tmp_path: Path,
) -> None:
    ws = open_ws(tmp_path / "ws")
    ws.add("first")
    with ws.files.transaction("items"):
        ws.files.table("items", "items").insert({"title": 42})  # past the domain's checks
    with pytest.raises(CorruptFileError, match="title is a number"):
        items_read_by_another_process(ws.root)
