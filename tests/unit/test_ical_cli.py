"""`cockpit ical …` and `cockpit routines …` run in-process, plus the import contract."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import icalendar
import pytest

from cockpit.cli.main import main
from tests.unit.storage_helpers import PYTHON, use_cli_env

Run = Callable[..., tuple[int, str, str]]
MY_MODULES = [
    "cockpit.calendar.routines",
    "cockpit.calendar.agenda",
    "cockpit.calendar.ical_export",
    "cockpit.calendar.ical_import",
    "cockpit.calendar.caldav_sync",
    "cockpit.calendar.caldav_client",
    "cockpit.cli.ical",
]


@pytest.fixture
def cockpit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Run:
    use_cli_env(monkeypatch, tmp_path)  # Wednesday 2026-11-18, no user config

    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(["--data-dir", str(tmp_path / "ws"), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_export_to_file(cockpit: Run, tmp_path: Path) -> None:
    assert cockpit("add", "Send the PRD", "--due", "fri")[0] == 0
    target = tmp_path / "cockpit.ics"
    code, out, err = cockpit("ical", "export", "-o", str(target))
    assert (code, err) == (0, "")
    assert out == f"Exported 8 routines, 1 dated item and 0 follow-ups to {target}\n"
    cal = icalendar.Calendar.from_ical(target.read_bytes())
    assert len(cal.walk("VEVENT")) == 9
    assert target.stat().st_mode & 0o777 == 0o600


def test_export_to_stdout_is_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    use_cli_env(monkeypatch, tmp_path)
    ws = str(tmp_path / "ws")
    target = tmp_path / "a.ics"
    assert main(["--data-dir", ws, "ical", "export", "-o", str(target)]) == 0
    capfdbinary.readouterr()
    assert main(["--data-dir", ws, "ical", "export"]) == 0
    assert capfdbinary.readouterr().out == target.read_bytes()


def test_import_ls_agenda_and_rm(cockpit: Run, tmp_path: Path) -> None:
    source = tmp_path / "team.ics"
    source.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:Team\r\nBEGIN:VEVENT\r\nUID:a@t\r\n"
        "DTSTART:20261118T080000Z\r\nDTEND:20261118T090000Z\r\nSUMMARY:Pricing review\r\n"
        "END:VEVENT\r\nBEGIN:VEVENT\r\nUID:b@t\r\nSUMMARY:No start\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n",
        encoding="utf-8",
    )
    code, out, _ = cockpit("ical", "import", str(source))
    assert code == 0
    assert out.splitlines() == [
        "Calendar 'Team': 1 event kept, 1 skipped",
        "  skipped VEVENT 2 'No start': no start time (DTSTART)",
    ]
    code, out, _ = cockpit("ical", "ls")
    assert "Team" in out and "1 event " in out
    code, out, _ = cockpit("ical", "agenda", "--days", "1", "--json")
    rows = json.loads(out)
    assert {"day": "2026-11-18", "title": "Pricing review", "source": "Team"}.items() <= next(
        r for r in rows if r["source"] == "Team"
    ).items()
    assert rows[0]["start"] is not None
    code, out, _ = cockpit("ical", "agenda", "--days", "2")
    assert out.splitlines()[0] == "2026-11-18 Wed"
    assert any("Pricing review" in line and "[Team]" in line for line in out.splitlines())
    assert cockpit("ical", "rm", "Team")[0] == 0
    assert cockpit("ical", "ls")[1].startswith("No subscribed calendars")


def test_import_errors_are_one_sentence(cockpit: Run, tmp_path: Path) -> None:
    code, out, err = cockpit("ical", "import", str(tmp_path / "missing.ics"))
    assert (code, out) == (1, "")
    assert err == f"cockpit: {tmp_path / 'missing.ics'} does not exist.\n"


def test_routines_ls_skip_and_reset(cockpit: Run, tmp_path: Path) -> None:
    code, out, _ = cockpit("routines", "ls", "--json")
    routines = json.loads(out)
    assert [r["key"] for r in routines][:2] == ["mon_review", "mon_meeting"]
    planning = next(r for r in routines if r["key"] == "planning")
    code, out, err = cockpit("routines", "skip", str(planning["id"]), "today")
    assert (code, out) == (0, "Skipped Product and ops planning on 2026-11-18\n")
    code, _, err = cockpit("routines", "skip", str(planning["id"]), "tomorrow")
    assert code == 1 and "does not happen on 2026-11-19" in err
    target = tmp_path / "x.ics"
    cockpit("ical", "export", "-o", str(target))
    assert b"EXDATE" in target.read_bytes()
    assert cockpit("routines", "reset")[1] == "Every default routine is there\n"
    code, out, _ = cockpit("routines", "ls")
    assert "Tue,Wed" in out and "10:00" in out


def test_sync_without_config_fails_cleanly(cockpit: Run) -> None:
    code, out, err = cockpit("ical", "sync")
    assert (code, out) == (1, "")
    assert err == "cockpit: no CalDAV calendar configured: set url under [caldav] in config.toml.\n"


@pytest.mark.parametrize("module", MY_MODULES)
def test_calendar_modules_never_import_textual(module: str, tmp_path: Path) -> None:
    probe = (
        "import importlib, sys; importlib.import_module(sys.argv[1]); "
        "print('textual' in sys.modules)"
    )
    done = subprocess.run(
        [PYTHON, "-c", probe, module], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "False"


def test_building_the_parser_loads_no_calendar_library() -> None:
    probe = (
        "import sys; from cockpit.cli.main import build_parser; build_parser(); "
        "print(sorted(m for m in ('icalendar', 'caldav', 'recurring_ical_events', 'httpx') "
        "if m in sys.modules))"
    )
    done = subprocess.run(
        [PYTHON, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "[]"
