"""`cockpit ical sync`: push the export to a CalDAV calendar, pull its other events.

One object per exported UID (routines, dated items, follow-ups). What we pushed last
time is remembered in `calendar.json` (table `caldav`: the URL and, per UID, a hash of
the bytes we sent and where they live), so a second sync with no local change makes no
writes. Only objects whose UID carries this workspace's calendar id are ever updated or
deleted; every other event of the calendar is pulled into the agenda's cache.

The password comes from `[caldav] password_command` (first line of its output) or the
environment variable COCKPIT_CALDAV_PASSWORD, and is never stored. Every failure is
one `SyncError` sentence, raised before anything local changes.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tinydb.table import Document

from cockpit.calendar import caldav_client
from cockpit.calendar.caldav_client import SyncError
from cockpit.calendar.ical_export import export_objects
from cockpit.calendar.ical_import import store_calendar
from cockpit.calendar.routines import calendar_id, uid_domain
from cockpit.core.i18n import t
from cockpit.core.text import redact_url

if TYPE_CHECKING:
    from cockpit.core.config import Config
    from cockpit.items.workspace import Workspace

FILE = "calendar"
TABLE = "caldav"
PASSWORD_ENV = "COCKPIT_CALDAV_PASSWORD"
TIMEOUT = 20
_UID = re.compile(r"^UID:(.+?)\r?$", re.M)


@dataclass
class SyncReport:
    """What one sync did."""

    url: str
    created: int = 0
    updated: int = 0
    deleted: int = 0
    pulled: int = 0
    unchanged: int = 0

    @property
    def writes(self) -> int:
        """Objects written to or deleted from the server."""
        return self.created + self.updated + self.deleted

    def describe(self) -> list[str]:
        """What the sync did, as the CLI prints it and the TUI shows it (localised)."""
        lines = [
            t(
                "cal.synced",
                url=self.url,
                created=self.created,
                updated=self.updated,
                deleted=self.deleted,
                unchanged=self.unchanged,
                pulled=self.pulled,
            )
        ]
        if not self.writes:
            lines.append(t("cal.sync_nothing"))
        return lines


def password(config: Config) -> str | None:
    """The CalDAV password: password_command's first line, else the environment.

    Raises:
        SyncError: the command fails or prints nothing.
    """
    command = config.caldav.password_command
    if command:
        try:
            done = subprocess.run(
                command, shell=True, capture_output=True, text=True, timeout=60, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise SyncError("err.caldav.command", problem=type(exc).__name__) from None
        if done.returncode != 0:
            raise SyncError("err.caldav.command_status", status=done.returncode)
        lines = done.stdout.splitlines()
        if not lines or not lines[0]:
            raise SyncError("err.caldav.no_output")
        return lines[0]
    return os.environ.get(PASSWORD_ENV) or None


def _uid_of(data: str) -> str | None:
    match = _UID.search(data.replace("\r\n ", "").replace("\n ", ""))
    return match.group(1).strip() if match else None


def _state(ws: Workspace, url: str) -> dict[str, dict[str, str]]:
    doc = ws.files.raw(FILE).get(TABLE, {}).get("1", {})
    if not isinstance(doc, dict) or doc.get("url") != url:
        return {}  # another calendar: what we pushed there says nothing about this one
    objects = doc.get("objects", {})
    return objects if isinstance(objects, dict) else {}


def _save_state(ws: Workspace, url: str, objects: dict[str, dict[str, str]]) -> None:
    if _state(ws, url) == objects and ws.files.raw(FILE).get(TABLE):
        return
    with ws.files.transaction(FILE):
        ws.files.table(FILE, TABLE).upsert(Document({"url": url, "objects": objects}, doc_id=1))


def sync(ws: Workspace) -> SyncReport:
    """Push routines and dated work to `[caldav] url` and pull its other events.

    Raises:
        SyncError: not configured, unreachable, wrong password or a rejected object.
    """
    cfg = ws.config
    url = (cfg.caldav.url or "").strip()
    if not url:
        raise SyncError("err.caldav.no_url")
    secret = password(cfg)
    if cfg.caldav.username and secret is None:
        raise SyncError("err.caldav.no_password", env=PASSWORD_ENV)
    local = export_objects(ws)
    hashes = {uid: hashlib.sha256(body).hexdigest() for uid, body in local.items()}
    report = SyncReport(redact_url(url))  # what is printed never shows a password
    new_state: dict[str, dict[str, str]] = {}
    try:
        foreign, name = _push(ws, url, secret, local, hashes, report, new_state)
    except SyncError as exc:
        if report.writes:
            raise SyncError("err.caldav.partial", problem=exc.message, n=report.writes) from None
        raise
    _pull(ws, url, foreign, name, report)
    _save_state(ws, url, new_state)
    return report


def _push(
    ws: Workspace,
    url: str,
    secret: str | None,
    local: dict[str, bytes],
    hashes: dict[str, str],
    report: SyncReport,
    new_state: dict[str, dict[str, str]],
) -> tuple[list[str], str]:
    """Create, update and delete our objects; returns the other events and the name."""
    state = _state(ws, url)
    domain = uid_domain(calendar_id(ws))
    with caldav_client.connect(url, ws.config.caldav.username, secret, TIMEOUT) as remote:
        ours: dict[str, str] = {}
        foreign: list[str] = []
        for href, data in remote.list():
            uid = _uid_of(data)
            if uid and uid.endswith(domain):
                ours[uid] = href
            else:
                foreign.append(data)
        for uid, body in local.items():
            known = state.get(uid, {})
            if uid in ours and known.get("hash") == hashes[uid]:
                report.unchanged += 1
                new_state[uid] = {"hash": hashes[uid], "href": ours[uid]}
                continue
            href = remote.put(ours.get(uid), uid, body)
            new_state[uid] = {"hash": hashes[uid], "href": href}
            if uid in ours:
                report.updated += 1
            else:
                report.created += 1
        for uid, href in sorted(ours.items()):
            if uid not in local:
                remote.delete(href)
                report.deleted += 1
        return foreign, remote.name()


def _pull(ws: Workspace, url: str, foreign: list[str], name: str, report: SyncReport) -> None:
    body = "\r\n".join(foreign).encode("utf-8")
    if not foreign:
        body = (
            b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//cockpit//empty//EN\r\nEND:VCALENDAR\r\n"
        )
    pulled: Any = store_calendar(ws, url, body, "caldav", name=name)
    report.pulled = int(pulled.events)
