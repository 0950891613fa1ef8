"""History: finished and dropped items, the archive included, by the week they were
closed (`cockpit ls --done --since`), and redo after undo."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cockpit.cli.main import main
from cockpit.core.clock import FrozenClock
from cockpit.core.errors import ConflictError
from cockpit.items.history import by_week, closed
from cockpit.items.workspace import Workspace
from tests.unit.storage_helpers import one_line, snapshot, use_cli_env

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = dt.datetime(2026, 11, 18, 10, 0, tzinfo=SHANGHAI)  # Wednesday of 2026-W47


def history_ws(root: Path) -> Workspace:
    """Items closed over two months; the oldest in the archive."""
    clock = FrozenClock(dt.datetime(2026, 9, 8, 9, 0, tzinfo=SHANGHAI), SHANGHAI)
    ws = Workspace(root, clock)
    old = ws.add("Q3 pricing review", customer="")
    ws.done(old.id)
    clock.set(dt.datetime(2026, 11, 10, 23, 30))  # late on Tuesday of W46, local time
    a = ws.add("Failover PRD", tags=["prd"])
    ws.done(a.id)
    b = ws.add("Old benchmark idea")
    ws.drop(b.id)
    clock.set(NOW.replace(tzinfo=None))
    c = ws.add("招商银行 HA 评估")
    ws.done(c.id)
    ws.add("still open")
    assert ws.archive_old() == 1  # September's is in the archive now
    return ws


def test_closed_items_by_week_newest_first_archive_included(tmp_path: Path) -> None:
    ws = history_ws(tmp_path / "ws")
    groups = by_week(closed(ws))
    assert [(week, [r.item.title for r in rows]) for week, rows in groups] == [
        ("2026-W47", ["招商银行 HA 评估"]),
        ("2026-W46", ["Old benchmark idea", "Failover PRD"]),
        ("2026-W37", ["Q3 pricing review"]),
    ]
    assert groups[1][1][1].day == dt.date(2026, 11, 10)  # the local day, not UTC's


def test_since_and_words_narrow_it(tmp_path: Path) -> None:
    ws = history_ws(tmp_path / "ws")
    assert [r.item.title for r in closed(ws, since=dt.date(2026, 11, 11))] == ["招商银行 HA 评估"]
    assert [r.item.title for r in closed(ws, words="+PRD")] == ["Failover PRD"]
    assert [r.item.title for r in closed(ws, words="招商")] == ["招商银行 HA 评估"]
    assert closed(ws, words="nothing like this") == []


def test_cli_ls_done_since(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "ws"
    history_ws(root)
    use_cli_env(monkeypatch, tmp_path, now=NOW.isoformat())
    assert main(["--data-dir", str(root), "ls", "--done", "--since", "2026-11-01"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "2026-W47 · 1 done, 0 dropped"
    assert "✓ Wed 11-18  招商银行 HA 评估" in out[1]
    assert out[2] == "2026-W46 · 1 done, 1 dropped"
    assert "✗ Tue 11-10  Old benchmark idea" in out[3]
    assert "Q3 pricing review" not in "\n".join(out)

    assert main(["--data-dir", str(root), "ls", "--done", "--since", "W37", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["title"], r["closed"], r["closed_week"]) for r in rows][-1] == (
        "Q3 pricing review",
        "2026-09-08",
        "2026-W37",
    )
    assert all(r["status"] in ("done", "dropped") for r in rows)


def test_cli_ls_since_needs_done_and_a_readable_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "ws"
    history_ws(root)
    use_cli_env(monkeypatch, tmp_path, now=NOW.isoformat())
    assert main(["--data-dir", str(root), "ls"]) == 0  # the day's backup and upgrades done
    capsys.readouterr()
    before = snapshot(root)
    assert main(["--data-dir", str(root), "ls", "--done", "--since", "whenever"]) == 1
    assert "whenever" in one_line(capsys.readouterr().err)
    assert main(["--data-dir", str(root), "ls", "--since", "W40"]) == 2
    assert "--since" in one_line(capsys.readouterr().err)
    assert snapshot(root) == before


# redo ---------------------------------------------------------------------------------
def test_redo_makes_the_undone_step_again_and_a_new_change_ends_redo(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "ws", FrozenClock(NOW, SHANGHAI))
    item = ws.add("review")
    ws.done(item.id)
    ws.undo()
    assert ws.get(item.id).status == "open"
    ws.redo()
    assert ws.get(item.id).status == "done"
    ws.undo()
    ws.undo()  # the add
    ws.redo()
    ws.redo()
    assert ws.get(item.id).status == "done"
    assert ws.redo() is None  # nothing left
    ws.undo()
    ws.add("something else")  # a new change: what was undone cannot be redone
    assert ws.redo() is None


def test_redo_over_a_newer_change_elsewhere_is_refused_and_writes_nothing(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    ws = Workspace(root, FrozenClock(NOW, SHANGHAI))
    item = ws.add("review")
    ws.edit(item.id, title="review the PRD")
    ws.undo()
    other = Workspace(root, FrozenClock(NOW, SHANGHAI))  # another window
    other.edit(item.id, title="reviewed elsewhere")
    before = snapshot(root)
    with pytest.raises(ConflictError):
        ws.redo()
    assert snapshot(root) == before
    assert ws.get(item.id).title == "reviewed elsewhere"
