"""Subscribed calendars: the real-world corpus, sanitising, URLs and the last good copy."""

from __future__ import annotations

import datetime as dt
import gzip
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import icalendar
import pytest

from cockpit.calendar.ical_fetch import MAX_BYTES, SourceError, normalise
from cockpit.calendar.ical_import import (
    cache_path,
    cached_calendars,
    import_calendar,
    refresh_subscriptions,
    remove_subscription,
    subscriptions,
)
from cockpit.calendar.ical_parse import parse_calendar
from cockpit.core.errors import NotFoundError
from cockpit.items.workspace import Workspace
from tests.unit.ical_helpers import CORPUS, SHANGHAI, make_ws

NOW = dt.datetime(2026, 11, 18, 10, 0, tzinfo=SHANGHAI)

EVENT = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//test//EN\r
X-WR-CALNAME:Team \x1b]8;;http://evil\x07calendar\r
BEGIN:VEVENT\r
UID:one@test\r
DTSTAMP:20261101T000000Z\r
DTSTART:20261118T020000Z\r
DTEND:20261118T030000Z\r
SUMMARY:Roadmap \x1b[2J\x1b[31mreview\u202e\r
DESCRIPTION:line one\\nline two\r
ATTACH;ENCODING=BASE64;VALUE=BINARY:{blob}\r
ATTENDEE:mailto:someone@example.com\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:two@test\r
DTSTAMP:20261101T000000Z\r
DTSTART:not-a-date\r
SUMMARY:Broken\r
END:VEVENT\r
BEGIN:VTODO\r
UID:three@test\r
SUMMARY:A task\r
END:VTODO\r
END:VCALENDAR\r
"""


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return make_ws(tmp_path / "ws", NOW, SHANGHAI)


def corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix != ".md")


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the shared corpus is absent ({CORPUS})")
def test_every_corpus_file_imports_without_an_exception(ws: Workspace) -> None:
    files = corpus_files()
    assert len(files) > 250
    events = skipped = old = 0
    for path in files:
        report = import_calendar(ws, str(path))
        assert report.error is None or report.events == 0, path
        events += report.events
        old += report.old
        skipped += len(report.skipped)
        for component, reason in report.skipped:
            assert component and reason, path
        cached = cache_path(ws, str(path))
        if cached.exists():  # what we keep must read back cleanly
            icalendar.Calendar.from_ical(cached.read_bytes())
    assert events > 200
    assert events + old > 1000  # history before last month stays out of the cache
    assert skipped > 50
    # The agenda copes with all of them at once.
    from cockpit.calendar.agenda import agenda

    agenda(ws, dt.date(2019, 3, 1), 7)
    agenda(ws, ws.clock.today(), 3)


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the shared corpus is absent ({CORPUS})")
def test_corpus_broken_cases_are_named(ws: Workspace) -> None:
    calendars = CORPUS / "icalendar" / "src" / "icalendar" / "tests" / "calendars"
    report = import_calendar(ws, str(calendars / "broken_dtstart.ics"))
    assert report.events == 0
    assert report.skipped == [
        ("VEVENT 1", "DTSTART: Expected datetime, date, or time. Got: 'INVALID-DATE'")
    ]
    report = import_calendar(ws, str(calendars / "issue_1081_invalid_rrule_freq.ics"))
    assert report.skipped[0][1].startswith("RRULE:")


def test_text_is_sanitised_and_only_events_kept(ws: Workspace, tmp_path: Path) -> None:
    source = tmp_path / "team.ics"
    source.write_text(EVENT.format(blob="QUFB" * 5000), encoding="utf-8")
    report = import_calendar(ws, str(source))
    assert report.name == "Team calendar"
    assert report.events == 1
    assert [c for c, _ in report.skipped] == ["VEVENT 2 'Broken'", "VTODO"]
    cached = cache_path(ws, str(source)).read_bytes()
    assert b"\x1b" not in cached and "\u202e".encode() not in cached
    assert b"ATTACH" not in cached and b"ATTENDEE" not in cached
    assert len(cached) < 1000
    event = icalendar.Calendar.from_ical(cached).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Roadmap review"
    assert str(event["DESCRIPTION"]) == "line one\nline two"
    assert (ws.root / "calendars").stat().st_mode & 0o777 == 0o700
    assert cache_path(ws, str(source)).stat().st_mode & 0o777 == 0o600


def test_google_x_wr_timezone_is_applied(ws: Workspace) -> None:
    raw = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-TIMEZONE:Europe/Berlin\r\n"
        b"BEGIN:VEVENT\r\nUID:g@test\r\nDTSTART:20261118T090000\r\nDTEND:20261118T100000\r\n"
        b"SUMMARY:Floating in Berlin\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    parsed = parse_calendar(raw)
    event = parsed.calendar.walk("VEVENT")[0]
    start = event.decoded("DTSTART")
    assert start.utcoffset() == dt.timedelta(hours=1)
    assert start.hour == 9


def test_truncated_file_keeps_the_complete_events() -> None:
    whole = EVENT.format(blob="QUFB")
    cut = whole[: whole.index("BEGIN:VEVENT\r\nUID:two") + 40]
    parsed = parse_calendar(cut.encode())
    assert parsed.events == 1
    assert ("VEVENT", "cut off before END:VEVENT (truncated file)") in parsed.skipped


def test_bad_inputs_never_raise() -> None:
    for raw in (
        b"",
        b"\x00\xff\xfe garbage",
        b"<html>502</html>",
        b"[not json",
        b"BEGIN:VCALENDAR",
    ):
        parsed = parse_calendar(raw)
        assert parsed.events == 0
        assert parsed.skipped


def test_old_events_stay_out_of_the_cache(ws: Workspace, tmp_path: Path) -> None:
    source = tmp_path / "history.ics"
    source.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
        "BEGIN:VEVENT\r\nUID:old@t\r\nDTSTART:20200101T100000Z\r\nSUMMARY:Old\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:weekly@t\r\nDTSTART:20200101T100000Z\r\nRRULE:FREQ=WEEKLY\r\n"
        "SUMMARY:Forever\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        encoding="utf-8",
    )
    report = import_calendar(ws, str(source))
    assert (report.events, report.old) == (1, 1)


def test_a_failed_refresh_keeps_the_last_good_copy(ws: Workspace, tmp_path: Path) -> None:
    source = tmp_path / "team.ics"
    source.write_text(EVENT.format(blob="QUFB"), encoding="utf-8")
    import_calendar(ws, str(source))
    good = cache_path(ws, str(source)).read_bytes()
    source.write_text("<html>Service unavailable</html>", encoding="utf-8")
    (report,) = refresh_subscriptions(ws)
    assert report.error and "not an iCalendar file" in report.error
    assert cache_path(ws, str(source)).read_bytes() == good
    source.unlink()
    (report,) = refresh_subscriptions(ws)
    assert report.error == f"{source} does not exist"
    assert cache_path(ws, str(source)).read_bytes() == good
    assert subscriptions(ws)[0]["error"] == report.error
    assert [name for name, _ in cached_calendars(ws)] == ["Team calendar"]


def test_missing_file_is_one_sentence(ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="does not exist"):
        import_calendar(ws, str(tmp_path / "nope.ics"))
    with pytest.raises(SourceError, match="is a folder"):
        import_calendar(ws, str(tmp_path))
    assert subscriptions(ws) == []


def test_config_subscriptions_and_removal(tmp_path: Path) -> None:
    source = tmp_path / "cal" / "team.ics"
    source.parent.mkdir()
    source.write_text(EVENT.format(blob="QUFB"), encoding="utf-8")
    config_file = tmp_path / "cal" / "config.toml"
    ws = make_ws(tmp_path / "ws", NOW, SHANGHAI, calendar_subscribe=["team.ics"], path=config_file)
    assert cached_calendars(ws) == []
    (report,) = refresh_subscriptions(ws)  # relative to the config file's folder
    assert report.source == str(source) and report.events == 1
    assert [name for name, _ in cached_calendars(ws)] == ["Team calendar"]
    ws.config.calendar.subscribe = []  # removed from the config: gone from the agenda
    assert cached_calendars(ws) == []
    other = tmp_path / "other.ics"
    other.write_text(EVENT.format(blob="QUFB").replace("Team", "Other"), encoding="utf-8")
    import_calendar(ws, str(other))
    removed = remove_subscription(ws, "Other calendar")  # by its (cleaned) name
    assert removed["source"] == str(other)
    assert not cache_path(ws, str(other)).exists()
    with pytest.raises(NotFoundError):
        remove_subscription(ws, "Other calendar")


def test_webcal_and_relative_sources_are_normalised(tmp_path: Path) -> None:
    assert normalise("webcal://example.com/a.ics") == "https://example.com/a.ics"
    assert normalise("a.ics", tmp_path) == str(tmp_path / "a.ics")


# http -------------------------------------------------------------------------------
class Calendars(BaseHTTPRequestHandler):
    """Serves `responses[path]` = (status, body, headers); counts requests."""

    responses: ClassVar[dict[str, tuple[int, bytes, dict[str, str]]]] = {}
    seen: ClassVar[list[dict[str, str]]] = []

    def do_GET(self) -> None:
        self.seen.append(dict(self.headers))
        status, body, headers = self.responses.get(self.path, (404, b"", {}))
        if headers.get("ETag") and self.headers.get("If-None-Match") == headers["ETag"]:
            status, body = 304, b""
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    Calendars.responses = {}
    Calendars.seen = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Calendars)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_url_with_gzip_and_conditional_get(ws: Workspace, server: str) -> None:
    body = gzip.compress(EVENT.format(blob="QUFB").encode())
    Calendars.responses["/team.ics"] = (
        200,
        body,
        {"Content-Encoding": "gzip", "ETag": '"v1"', "Content-Type": "text/calendar"},
    )
    report = import_calendar(ws, f"{server}/team.ics")
    assert (report.name, report.events) == ("Team calendar", 1)
    (again,) = refresh_subscriptions(ws)
    assert again.unchanged and again.events == 1
    assert Calendars.seen[-1].get("If-None-Match") == '"v1"'


def test_url_failures_are_sentences(ws: Workspace, server: str) -> None:
    Calendars.responses["/gone.ics"] = (410, b"", {})
    with pytest.raises(SourceError, match="answered HTTP 410"):
        import_calendar(ws, f"{server}/gone.ics")
    bomb = gzip.compress(b"A" * (MAX_BYTES + 10))
    Calendars.responses["/bomb.ics"] = (200, bomb, {"Content-Encoding": "gzip"})
    with pytest.raises(SourceError, match="larger than"):
        import_calendar(ws, f"{server}/bomb.ics")
    Calendars.responses["/loop.ics"] = (302, b"", {"Location": "/loop.ics"})
    with pytest.raises(SourceError, match=r"loop\.ics: redirect loop: /loop\.ics → /loop\.ics"):
        import_calendar(ws, f"{server}/loop.ics")
    Calendars.responses["/js.ics"] = (302, b"", {"Location": "javascript:alert(1)"})
    with pytest.raises(SourceError, match=r"redirected to 'javascript:alert\(1\)', which is not"):
        import_calendar(ws, f"{server}/js.ics")
    with pytest.raises(SourceError, match="cannot reach"):
        import_calendar(ws, "http://127.0.0.1:9/closed.ics")
