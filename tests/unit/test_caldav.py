"""CalDAV sync against a real Radicale on 127.0.0.1 (one server for the module)."""

from __future__ import annotations

import datetime as dt
import itertools
import shlex
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import icalendar
import pytest

from cockpit.calendar.agenda import agenda
from cockpit.calendar.caldav_client import SyncError
from cockpit.calendar.caldav_sync import PASSWORD_ENV, password, sync
from cockpit.calendar.routines import RoutineBook, calendar_id
from cockpit.cli.main import main
from cockpit.core.config import CaldavSettings, Config
from cockpit.items.workspace import Workspace
from tests.radicale_server import Radicale, radicale
from tests.unit.ical_helpers import SHANGHAI, make_ws
from tests.unit.storage_helpers import snapshot

WEDNESDAY = dt.datetime(2026, 11, 18, 10, 0, tzinfo=SHANGHAI)
TODAY = WEDNESDAY.date()
_names = itertools.count(1)
MAX_OBJECT = 64_000


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Radicale]:
    # Objects over 64 kB are refused, so a "rejected object" can be provoked.
    limit = ("--server-max-resource-size", str(MAX_OBJECT))
    with radicale(tmp_path_factory.mktemp("radicale"), *limit) as running:
        yield running


@pytest.fixture
def url(server: Radicale) -> str:
    return server.make_calendar(f"cal{next(_names)}")


@pytest.fixture
def ws(tmp_path: Path, server: Radicale, url: str, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    monkeypatch.setenv(PASSWORD_ENV, server.password)
    ws = make_ws(tmp_path / "ws", WEDNESDAY, SHANGHAI, caldav_url=url, caldav_username=server.user)
    ws.add("Send the PRD", due=TODAY + dt.timedelta(days=1))
    ws.add("Renew the benchmark", due=TODAY + dt.timedelta(days=2))
    ws.customers.add("China Mobile", tier="top", next_followup=TODAY + dt.timedelta(days=1))
    return ws


def uids(server: Radicale, url: str) -> dict[str, str]:
    """UID -> object text, as another client sees the calendar."""
    out = {}
    for data in server.objects(url).values():
        cal = icalendar.Calendar.from_ical(data)
        for event in cal.walk("VEVENT"):
            out[str(event["UID"])] = data
    return out


def test_first_sync_creates_everything_second_writes_nothing(
    ws: Workspace, server: Radicale, url: str
) -> None:
    first = sync(ws)
    assert (first.created, first.updated, first.deleted, first.unchanged) == (11, 0, 0, 0)
    remote = uids(server, url)
    cal_id = calendar_id(ws)
    assert f"item-1@{cal_id}.cockpit" in remote
    assert f"followup-1@{cal_id}.cockpit" in remote
    assert sum(uid.startswith("routine-") for uid in remote) == 8
    before = server.objects(url)
    second = sync(ws)
    assert second.writes == 0
    assert (second.unchanged, second.pulled) == (11, 0)
    assert server.objects(url) == before


def test_an_edit_updates_and_a_done_item_is_deleted(
    ws: Workspace, server: Radicale, url: str
) -> None:
    sync(ws)
    cal_id = calendar_id(ws)
    book = RoutineBook(ws)
    planning = book.for_day(TODAY)[0]
    book.edit(planning.id, start="10:30")
    ws.done(2)
    report = sync(ws)
    assert (report.created, report.updated, report.deleted, report.unchanged) == (0, 1, 1, 9)
    remote = uids(server, url)
    assert f"item-2@{cal_id}.cockpit" not in remote
    event = icalendar.Calendar.from_ical(remote[f"routine-{planning.id}@{cal_id}.cockpit"])
    vevent = event.walk("VEVENT")[0]
    assert vevent.decoded("DTSTART").strftime("%H:%M") == "10:30"
    assert int(vevent["SEQUENCE"]) == 1  # our counter, not bumped again by the library
    assert sync(ws).writes == 0


def test_remote_events_show_in_the_agenda_and_are_never_touched(
    ws: Workspace, server: Radicale, url: str
) -> None:
    foreign = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//phone//EN\r\nBEGIN:VEVENT\r\n"
        "UID:dentist@phone\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:20261118T060000Z\r\n"
        "DTEND:20261118T070000Z\r\nSUMMARY:Call with \x1b[31mCMCC\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n"
    )
    response = httpx.put(
        f"{url}dentist.ics",
        content=foreign.encode(),
        auth=(server.user, server.password),
        headers={"Content-Type": "text/calendar"},
    )
    assert response.status_code in (201, 204)
    report = sync(ws)
    assert report.pulled == 1
    entry = next(e for e in agenda(ws, TODAY, 1) if e.ref is None)
    assert entry.title.startswith("Call with ") and entry.title.endswith("CMCC")
    assert "\x1b" not in entry.title  # whatever the server kept, no escape reaches us
    assert entry.start is not None and entry.start.strftime("%H:%M") == "14:00"
    # Our own objects never come back as "events from the calendar".
    assert [e.source for e in agenda(ws, TODAY, 3)].count("routine") == 6
    for item_id in (1, 2):
        ws.done(item_id)
    sync(ws)
    assert "dentist@phone" in uids(server, url)


def test_wrong_password_fails_cleanly(
    ws: Workspace, server: Radicale, url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COCKPIT_CALDAV_PASSWORD", "not-the-password")
    RoutineBook(ws).all()  # first-use writes (defaults, calendar id) happen before the snapshot
    calendar_id(ws)
    before = snapshot(ws.root)
    with pytest.raises(SyncError, match="refused the username or password"):
        sync(ws)
    assert snapshot(ws.root) == before
    assert server.objects(url) == {}


def test_a_rejected_object_is_one_sentence(ws: Workspace, server: Radicale, url: str) -> None:
    ws.edit(2, notes="benchmark numbers " * 5000)  # ~90 kB: over the server's limit
    with pytest.raises(SyncError) as failure:
        sync(ws)
    message = str(failure.value)
    assert "could not store 'Renew the benchmark'" in message
    assert "\n" not in message
    assert "item-2@" not in "".join(uids(server, url))


def test_unreachable_server_and_missing_calendar(ws: Workspace, server: Radicale) -> None:
    ws.config.caldav.url = "http://127.0.0.1:9/pm/cal/"
    with pytest.raises(
        SyncError, match=r"cannot reach the CalDAV server .* \(connection refused\)"
    ):
        sync(ws)
    ws.config.caldav.url = f"{server.base}/{server.user}/no-such-calendar/"
    with pytest.raises(SyncError, match="no CalDAV calendar at"):
        sync(ws)


def test_not_configured(tmp_path: Path) -> None:
    ws = make_ws(tmp_path / "ws", WEDNESDAY, SHANGHAI)
    with pytest.raises(SyncError, match=r"set url under \[caldav\]"):
        sync(ws)


def test_password_command_first_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    script = "import sys; print('line-one'); print('line-two')"
    command = f"{shlex.quote(sys.executable)} -c {shlex.quote(script)}"
    assert password(Config(caldav=CaldavSettings(password_command=command))) == "line-one"
    with pytest.raises(SyncError, match="exit status 3"):
        password(
            Config(
                caldav=CaldavSettings(
                    password_command=f"{shlex.quote(sys.executable)} -c 'exit(3)'"
                )
            )
        )
    with pytest.raises(SyncError, match="printed no password"):
        password(Config(caldav=CaldavSettings(password_command="true")))
    assert password(Config()) is None
    monkeypatch.setenv(PASSWORD_ENV, "from-env")
    assert password(Config()) == "from-env"


def test_cli_sync_says_what_it_did(
    server: Radicale,
    url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = tmp_path / "config.toml"
    secret = tmp_path / "secret"
    secret.write_text(server.password + "\n", encoding="utf-8")
    config.write_text(
        f'timezone = "Asia/Shanghai"\n[caldav]\nurl = "{url}"\nusername = "{server.user}"\n'
        f'password_command = "cat {secret}"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("COCKPIT_CONFIG", str(config))
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "ical", "sync"]) == 0
    out = capsys.readouterr().out
    assert "8 created" in out
    assert main(["--data-dir", data, "ical", "sync"]) == 0
    out = capsys.readouterr().out
    assert "0 created, 0 updated, 0 deleted, 8 unchanged" in out
    assert "nothing to write" in out
    secret.write_text("wrong\n", encoding="utf-8")
    assert main(["--data-dir", data, "ical", "sync"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("cockpit: the CalDAV server at ") and err.count("\n") == 1


def test_a_password_in_the_url_never_shows(
    ws: Workspace,
    server: Radicale,
    url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`[caldav] url = "https://pm:secret@host/…"`: errors, reports and listings say
    `pm:***@` (issue 11, item 8)."""
    secret = "hunter2-secret"
    ws.config.caldav.url = f"http://pm:{secret}@127.0.0.1:9/pm/cal/"  # nothing listens
    with pytest.raises(SyncError) as unreachable:
        sync(ws)
    assert secret not in str(unreachable.value)
    assert "http://pm:***@127.0.0.1:9/pm/cal/" in str(unreachable.value)
    # A wrong password in the URL of a real server: refused, and still not shown.
    monkeypatch.delenv(PASSWORD_ENV)
    ws.config.caldav.username = None
    ws.config.caldav.url = url.replace("://", f"://{server.user}:{secret}@")
    with pytest.raises(SyncError, match="refused the username or password") as refused:
        sync(ws)
    assert secret not in str(refused.value) and f"{server.user}:***@" in str(refused.value)
    # The right one: the sync works, and neither its report nor `ical ls` shows it.
    ws.config.caldav.url = url.replace("://", f"://{server.user}:{server.password}@")
    report = sync(ws)
    assert server.password not in " ".join(report.describe())
    root, config = ws.root, ws.root.parent / "config.toml"
    config.write_text(f'[caldav]\nurl = "{ws.config.caldav.url}"\n', "utf-8")
    capsys.readouterr()
    assert main(["--data-dir", str(root), "--config", str(config), "ical", "ls", "--json"]) == 0
    listed = capsys.readouterr().out
    assert "caldav" in listed and server.password not in listed
    assert f"{server.user}:***@" in listed
