"""The few CalDAV operations sync needs, over the caldav library, with plain errors.

The library raises its own errors, niquests' and sometimes OSError; sync wants one
sentence the user can act on (check the URL, the password, the network), so every call
goes through `_errors`, which turns whatever happened into a `SyncError`.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from cockpit.core.errors import CockpitError
from cockpit.core.text import redact_url


class SyncError(CockpitError):
    """A sync that could not finish; `str()` is one sentence for the user."""


_quiet = False


def _silence() -> None:
    """The library logs full tracebacks at ERROR for failures we report in one line."""
    global _quiet
    if not _quiet:
        logging.getLogger("caldav").setLevel(logging.CRITICAL)
        _quiet = True


@contextlib.contextmanager
def _errors(address: str, what: str, secret: str | None = None) -> Iterator[None]:
    """Turn whatever the library raises into one `SyncError` sentence, never showing a
    password (one in the URL's `user:password@`, or the password itself)."""
    try:
        yield
    except SyncError as exc:
        raise SyncError(_scrub(str(exc), address, secret)) from None
    except Exception as exc:
        sentence = _sentence(exc, redact_url(address), what)
        raise SyncError(_scrub(sentence, address, secret)) from None


def _scrub(text: str, address: str, secret: str | None) -> str:
    """`text` without the unredacted URL or the password anywhere in it."""
    text = text.replace(address, redact_url(address))
    try:
        in_url = urlsplit(address).password or ""
    except ValueError:
        in_url = ""
    for word in (secret or "", in_url):
        if len(word) >= 3:
            text = text.replace(word, "***")
    return text


def _sentence(exc: Exception, url: str, what: str) -> str:
    from caldav.lib import error

    if isinstance(exc, error.AuthorizationError):
        if exc.status == 403 and what != "read the calendar":
            return f"the CalDAV server at {url} refused to {what} (HTTP 403)"
        return (
            f"the CalDAV server at {url} refused the username or password "
            f"(HTTP {exc.status or 401}); check [caldav] username and the password"
        )
    if isinstance(exc, error.NotFoundError):
        return f"no CalDAV calendar at {url}; check [caldav] url"
    if isinstance(exc, error.DAVError):
        status = f"HTTP {exc.status}" if exc.status else _short(str(exc.reason))
        return f"the CalDAV server at {url} could not {what} ({status})"
    # niquests / socket failures: the server is not reachable
    return f"cannot reach the CalDAV server at {url} ({_why(exc)})"


def _why(exc: BaseException) -> str:
    """The network failure in a few words instead of urllib3's nested reprs."""
    text = str(exc)
    lower = text.lower()
    for needle, words in (
        ("refused", "connection refused"),
        ("timed out", "no answer in time"),
        ("timeout", "no answer in time"),
        ("name or service not known", "unknown host name"),
        ("nodename nor servname", "unknown host name"),
        ("getaddrinfo", "unknown host name"),
        ("certificate", "TLS certificate problem"),
        ("ssl", "TLS problem"),
    ):
        if needle in lower:
            return words
    return _short(text) or type(exc).__name__


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text[:120] + ("…" if len(text) > 120 else "")


class Remote:
    """One CalDAV calendar collection."""

    def __init__(self, client: Any, calendar: Any, url: str, secret: str | None = None) -> None:
        self.client = client
        self.calendar = calendar
        self.url = url
        self.secret = secret

    def list(self) -> list[tuple[str, str]]:
        """(href, iCalendar text) of every event object in the calendar."""
        with _errors(self.url, "read the calendar", self.secret):
            objects = self.calendar.search(event=True)
            return [(str(o.url), str(o.data)) for o in objects if o.data]

    def put(self, href: str | None, uid: str, body: bytes) -> str:
        """Store `body` at `href` (or a new object named after `uid`); returns its href."""
        from caldav.calendarobjectresource import Event

        summary = _summary(body)
        with _errors(self.url, f"store {summary!r}", self.secret):
            text = body.decode("utf-8")
            if href is None:
                obj = self.calendar.add_event(text, increase_seqno=False)
            else:
                obj = Event(client=self.client, url=href, data=text, parent=self.calendar)
                obj.save(increase_seqno=False)
            return str(obj.url)

    def delete(self, href: str) -> None:
        from caldav.calendarobjectresource import Event

        with _errors(self.url, "delete an event", self.secret):
            Event(client=self.client, url=href, parent=self.calendar).delete()

    def name(self) -> str:
        """The calendar's display name ("CalDAV" when it has none or cannot say)."""
        try:
            with _errors(self.url, "read the calendar name", self.secret):
                name = self.calendar.get_display_name()
        except SyncError:
            return "CalDAV"
        return str(name) if name else "CalDAV"


def _summary(body: bytes) -> str:
    for line in body.decode("utf-8", "replace").splitlines():
        if line.startswith("SUMMARY:"):
            return line[8:60]
    return "an event"


@contextlib.contextmanager
def connect(url: str, username: str | None, password: str | None, timeout: int) -> Iterator[Remote]:
    """A session with the calendar collection at `url` (checked before use)."""
    from caldav.davclient import DAVClient

    _silence()
    with _errors(url, "open the calendar", password):
        client = DAVClient(
            url=url,
            username=username or None,
            password=password,
            timeout=timeout,
            enable_rfc6764=False,  # the URL is the collection: no DNS discovery
        )
    try:
        calendar = client.calendar(url=url)  # type: ignore[no-untyped-call]
        yield Remote(client, calendar, url, password)
    finally:
        with contextlib.suppress(Exception):
            client.close()
