"""`cockpit import taskwarrior`: a real `task export` (taskwarrior 2.6.2) into a workspace.

`taskwarrior-export.json` was made with `task export` from tasks created in Asia/Shanghai
(pending with due/scheduled/tags/project/annotation/priority H, Chinese text, completed,
deleted, waiting, recurring). `taskwarrior-export-lines.json` is the same program's
`rc.json.array=off` output for four of them, with one status set to "waiting" as
taskwarrior before 2.6 wrote it.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cockpit.core.clock import FrozenClock
from cockpit.core.errors import ImportFileError
from cockpit.core.model import Item
from cockpit.importers.taskwarrior import import_taskwarrior
from cockpit.items.workspace import Workspace

FIXTURES = Path(__file__).parent.parent / "fixtures"
EXPORT = FIXTURES / "taskwarrior-export.json"
LINES = FIXTURES / "taskwarrior-export-lines.json"
SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return Workspace(tmp_path / "ws", FrozenClock(datetime(2026, 11, 18, 10, 0, tzinfo=SHANGHAI)))


def by_title(ws: Workspace) -> dict[str, Item]:
    return {i.title: i for i in ws.all_items()}


def test_real_export_imports_open_and_done_and_skips_the_rest(ws: Workspace) -> None:
    report = import_taskwarrior(ws, EXPORT)

    assert report == (
        "Imported 7 items (1 done), skipped 1 deleted, 1 later occurrence of a recurring task"
    )
    titles = sorted(i.title for i in ws.items())
    assert "Old idea: rewrite the docs site in Rust" not in titles  # deleted
    # The recurring template and its two pending instances are one recurring item (the
    # first instance, with the template's rule and uuid: finishing it makes the next).
    assert titles.count("Weekly metrics review") == 1
    assert "tw:1051b541-a930-4929-a001-2ba7d7d7a7f4" in {i.source for i in ws.items()}


def test_pending_task_keeps_every_field(ws: Workspace) -> None:
    import_taskwarrior(ws, EXPORT)
    item = by_title(ws)["Review pgvector roadmap with the DBA team"]

    assert item.status == "open"
    assert item.list == "plan"
    assert item.key is True  # priority:H
    assert item.due == "2026-11-20"
    assert item.week == "2026-W47"  # scheduled 2026-11-19 in Shanghai
    assert item.tags == ["dba", "roadmap", "project:pgvector"]
    assert item.notes == "2026-11-22: Bring the HNSW benchmark numbers from last sprint"
    assert item.created == "2026-11-09T10:15:00+08:00"
    assert item.source == "tw:8296af65-07de-4718-a866-9facd51bda7f"
    assert by_title(ws)["Draft launch checklist for PG 18 support"].key is False  # priority:M


def test_dates_are_taken_in_the_workspace_zone(ws: Workspace) -> None:
    import_taskwarrior(ws, EXPORT)
    item = by_title(ws)["整理 PostgreSQL 18 新特性，写进周报"]

    # due is 20261118T160000Z: midnight of the 19th in Shanghai, still the 18th in UTC.
    assert item.due == "2026-11-19"
    assert item.week == "2026-W47"
    assert item.tags == ["周报", "project:weekly-report"]


def test_week_comes_from_scheduled_then_due_then_today(ws: Workspace) -> None:
    import_taskwarrior(ws, EXPORT)
    items = by_title(ws)

    assert items["Draft launch checklist for PG 18 support"].week == "2026-W48"  # scheduled
    assert items["Follow up with 招商银行 on HA evaluation"].week == "2026-W49"  # due Dec 1
    assert items["Read Planet PostgreSQL backlog"].week == ws.week == "2026-W47"  # no dates
    instances = sorted(i.week for i in ws.items() if i.title == "Weekly metrics review")
    assert instances == ["2026-W47"]  # the first instance; the next comes when it is done


def test_completed_task_is_done_in_the_week_it_ended(ws: Workspace) -> None:
    import_taskwarrior(ws, EXPORT)
    item = by_title(ws)["Send Q4 revenue forecast to finance"]

    assert item.status == "done"
    assert item.done_at == "2026-11-13T17:45:00+08:00"
    assert item.week == "2026-W46"
    assert item.notes == "2026-11-22: Sent; finance asked for the gaap split"


def test_waiting_task_is_open_with_a_note(ws: Workspace) -> None:
    # taskwarrior 2.6 exports a waiting task as pending with a `wait` date.
    import_taskwarrior(ws, EXPORT)
    item = by_title(ws)["Follow up with 招商银行 on HA evaluation"]

    assert item.status == "open"
    assert item.due == "2026-12-01"
    assert item.notes == "waiting in taskwarrior until 2026-11-25"


def test_line_per_object_export_with_waiting_status(ws: Workspace) -> None:
    report = import_taskwarrior(ws, LINES)

    assert report == "Imported 3 items (1 done), skipped 1 deleted"
    items = by_title(ws)
    assert items["Follow up with 招商银行 on HA evaluation"].status == "open"
    assert items["Send Q4 revenue forecast to finance"].status == "done"


def test_reimport_adds_nothing(ws: Workspace) -> None:
    import_taskwarrior(ws, EXPORT)
    before = ws.files.path("items").read_bytes()

    report = import_taskwarrior(ws, EXPORT)

    assert report == (
        "Imported 0 items (0 done), skipped 1 deleted, 1 later occurrence of a recurring task, "
        "7 already imported"
    )
    assert len(ws.items()) == 7
    assert ws.files.path("items").read_bytes() == before
    # The other format of the same tasks is recognised by uuid too.
    assert import_taskwarrior(ws, LINES).endswith("skipped 1 deleted, 3 already imported")


def test_archived_items_still_count_as_imported(ws: Workspace) -> None:
    import_taskwarrior(ws, EXPORT)
    clock = ws.clock
    assert isinstance(clock, FrozenClock)
    clock.advance(weeks=6)
    assert ws.archive_old() == 1
    assert [i.title for i in ws.archived()] == ["Send Q4 revenue forecast to finance"]

    report = import_taskwarrior(ws, EXPORT)

    assert report.startswith("Imported 0 items")
    assert len(ws.all_items()) == 7


def test_same_uuid_twice_in_one_file_is_imported_once(ws: Workspace, tmp_path: Path) -> None:
    task = {"uuid": "AB-1", "description": "once", "status": "pending"}
    path = tmp_path / "dup.json"
    path.write_text(json.dumps([task, task]))

    assert import_taskwarrior(ws, path) == "Imported 1 item (0 done), skipped 1 already imported"
    assert ws.items()[0].source == "tw:ab-1"


def test_untrusted_text_is_cleaned(ws: Workspace, tmp_path: Path) -> None:
    task = {
        "uuid": "u1",
        "description": "\x1b[31mred\x1b[0m  title\x07",
        "status": "pending",
        "tags": ["ok", "\x1b]8;;http://x\x07bad"],
        "annotations": [{"entry": "20261117T020000Z", "description": "line\none\x1b[2J"}],
    }
    path = tmp_path / "evil.json"
    path.write_text(json.dumps([task]))

    import_taskwarrior(ws, path)
    item = ws.items()[0]

    assert item.title == "red title"
    assert item.tags == ["ok", "bad"]
    assert item.notes == "2026-11-17: line one"


BAD = [
    ("broken.json", '[{"uuid": "a", "description": "x"', "not valid JSON (line 1"),
    ("object.json", '{"tasks": []}', "line 1 in {path} has no description"),
    ("numbers.json", "[1, 2]", "task 1 in {path} is not a taskwarrior task object"),
    ("nolist.json", '["tasks", {"description": "x"}]', "task 1 in {path} is not a task"),
    (
        "nodesc.json",
        '[{"uuid": "a", "description": "fine"}, {"uuid": "b", "status": "pending"}]',
        "task 2 in {path} has no description",
    ),
    (
        "baddate.json",
        '[{"uuid": "a", "description": "fine", "due": "next tuesday"}]',
        "task 1 in {path} has a bad due date 'next tuesday'",
    ),
    (
        "lines.json",
        '{"uuid": "a", "description": "fine"}\n{"uuid": "b", "description": \n',
        "line 2 of {path} is not a JSON task object",
    ),
    (
        "status.json",
        '[{"uuid": "a", "description": "fine", "status": "someday"}]',
        "task 1 in {path} has an unknown status 'someday'",
    ),
]


@pytest.mark.parametrize(("name", "body", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_file_is_refused_and_nothing_is_written(
    ws: Workspace, tmp_path: Path, name: str, body: str, message: str
) -> None:
    ws.add("already here")
    before = ws.files.path("items").read_bytes()
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")

    with pytest.raises(ImportFileError) as err:
        import_taskwarrior(ws, path)

    assert message.format(path=path) in str(err.value)
    assert str(path) in str(err.value)
    assert "\n" not in str(err.value)
    assert ws.files.path("items").read_bytes() == before


def test_bad_task_after_good_ones_stores_nothing(ws: Workspace, tmp_path: Path) -> None:
    tasks = json.loads(EXPORT.read_text(encoding="utf-8"))
    tasks.append({"uuid": "zz", "description": "late", "entry": "yesterday"})
    path = tmp_path / "export.json"
    path.write_text(json.dumps(tasks))
    before = ws.files.path("items").read_bytes()

    with pytest.raises(ImportFileError, match=r"task 11 in .* has a bad entry date 'yesterday'"):
        import_taskwarrior(ws, path)

    assert ws.files.path("items").read_bytes() == before
    assert ws.all_items() == []


def test_unreadable_and_non_utf8_files_are_refused(ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match=r"cannot read .*missing\.json"):
        import_taskwarrior(ws, tmp_path / "missing.json")
    latin = tmp_path / "latin1.json"
    latin.write_bytes('[{"description": "café"}]'.encode("latin-1"))
    with pytest.raises(ImportFileError, match="is not UTF-8 text"):
        import_taskwarrior(ws, latin)


def test_epoch_and_iso_dates_of_other_versions(ws: Workspace, tmp_path: Path) -> None:
    epoch = int(datetime(2026, 11, 30, 1, tzinfo=UTC).timestamp())
    tasks = [
        {"uuid": "e", "description": "epoch", "due": str(epoch)},
        {"uuid": "i", "description": "iso", "due": "2026-11-30T23:30:00Z"},
    ]
    path = tmp_path / "other.json"
    path.write_text(json.dumps(tasks))

    import_taskwarrior(ws, path)
    items = by_title(ws)

    assert items["epoch"].due == "2026-11-30"
    assert items["iso"].due == "2026-12-01"  # 07:30 next morning in Shanghai
    assert items["iso"].week == "2026-W49"
