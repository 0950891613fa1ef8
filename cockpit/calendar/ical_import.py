"""Subscribed calendars: read a file or URL, keep a sanitised copy for the agenda.

Each subscription is a record in `calendar.json` (table `subscriptions`) plus a cached
copy `calendars/<hash>.ics` in the workspace, written atomically and only after a read
that gave something usable: a failed refresh keeps the last good copy, so the agenda
keeps working offline. Sources come from `cockpit ical import` (origin "import"), from
`[calendar] subscribe` in the config (origin "config") and from CalDAV sync's pull
(origin "caldav").
"""

from __future__ import annotations

import datetime as dt
import hashlib
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from tinydb import Query
from tinydb.table import Document

from cockpit.calendar import calendar_index
from cockpit.calendar.ical_fetch import SourceError, fetch, is_url, normalise
from cockpit.calendar.ical_zone import user_zone
from cockpit.core.errors import NotFoundError
from cockpit.core.model import iso
from cockpit.storage.atomic import atomic_write, ensure_dir

if TYPE_CHECKING:
    from cockpit.calendar.ical_parse import Parsed
    from cockpit.items.workspace import Workspace

FILE = "calendar"
TABLE = "subscriptions"
CACHE_DIR = "calendars"
KEEP_DAYS = 31  # events over longer ago than this stay out of the cached copy

__all__ = [
    "ImportReport",
    "SourceError",
    "cache_path",
    "cached_calendars",
    "import_calendar",
    "refresh_subscriptions",
    "remove_subscription",
    "store_calendar",
    "subscriptions",
]


@dataclass
class ImportReport:
    """What one read of a calendar gave."""

    source: str
    name: str = ""
    events: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (component, reason)
    old: int = 0  # past events left out of the copy
    error: str | None = None  # the read failed; the last good copy (if any) is kept
    unchanged: bool = False  # the server said "not modified"


def cache_path(ws: Workspace, source: str) -> Path:
    """Where the cached copy of `source` lives."""
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]
    return ws.root / CACHE_DIR / f"{digest}.ics"


def _default_name(source: str) -> str:
    if is_url(source):
        parts = urlsplit(source)
        tail = Path(parts.path).stem
        return f"{parts.hostname or 'calendar'}{'/' + tail if tail else ''}"
    return Path(source).stem or source


def subscriptions(ws: Workspace) -> list[dict[str, Any]]:
    """Subscription records (source, origin, name, fetched, events, skipped, error …)."""
    raw = ws.files.raw(FILE).get(TABLE, {})
    return [dict(v, id=int(k)) for k, v in sorted(raw.items(), key=lambda kv: int(kv[0]))]


def _record(ws: Workspace, source: str) -> dict[str, Any] | None:
    for rec in subscriptions(ws):
        if rec.get("source") == source:
            return rec
    return None


def _save_record(ws: Workspace, source: str, fields: dict[str, Any]) -> None:
    with ws.files.transaction(FILE):
        table = ws.files.table(FILE, TABLE)
        found = table.get(Query().source == source)
        if isinstance(found, Document):
            table.update(fields, doc_ids=[found.doc_id])
        else:
            table.insert(dict(fields, source=source))


def store_calendar(
    ws: Workspace,
    source: str,
    raw: bytes,
    origin: str,
    etag: str | None = None,
    last_modified: str | None = None,
    name: str = "",
) -> ImportReport:
    """Parse `raw`, write the cached copy and the record; keeps the old copy when unusable.

    A read with no usable event and a file-level problem (an HTML error page, say) counts
    as a failed refresh: the previous copy stays.
    """
    # Imported here, for start-up time: the agenda reads this module's `cached_calendars`
    # and must not pay for icalendar and x-wr-timezone.
    from cockpit.calendar.ical_parse import parse_calendar

    keep_from = ws.clock.today() - dt.timedelta(days=KEEP_DAYS)
    with warnings.catch_warnings():
        # icalendar warns (e.g. about guessed vendor TZIDs) on stderr; the report says enough.
        warnings.simplefilter("ignore")
        parsed: Parsed = parse_calendar(raw, keep_from)
    name = parsed.name or name or _default_name(source)
    path = cache_path(ws, source)
    unusable = parsed.events == 0 and any(c == "file" for c, _ in parsed.skipped)
    if unusable and path.exists():
        report = ImportReport(source, name, parsed.events, parsed.skipped, parsed.old)
        report.error = "; ".join(r for c, r in parsed.skipped if c == "file")
        _save_record(ws, source, {"origin": origin, "error": report.error, "checked": _now(ws)})
        return report
    # The agenda's index: recurrences expanded for the coming days, within bounds; a
    # series that cannot be is left out of the copy too, with its reason.
    index, left_out, dropped = calendar_index.build(parsed.calendar, ws.clock.today(), _zone(ws))
    kept = [c for c in parsed.calendar.subcomponents if str(c.get("UID", "")) not in dropped]
    events = parsed.events - (len(parsed.calendar.subcomponents) - len(kept))
    parsed.calendar.subcomponents = kept
    report = ImportReport(source, name, events, parsed.skipped + left_out, parsed.old)
    ensure_dir(path.parent)
    body = parsed.calendar.to_ical()
    if not path.exists() or path.read_bytes() != body:
        atomic_write(path, body)
    calendar_index.write(path, index)
    _save_record(
        ws,
        source,
        {
            "origin": origin,
            "name": name,
            "cache": path.name,
            "fetched": _now(ws),
            "checked": _now(ws),
            "events": events,
            "skipped": len(report.skipped),
            "old": parsed.old,
            "error": None,
            "etag": etag,
            "last_modified": last_modified,
        },
    )
    return report


def _now(ws: Workspace) -> str:
    return iso(ws.clock.now())


def _zone(ws: Workspace) -> dt.tzinfo:
    """The user's zone (its name when one is known: recurrences need the rules)."""
    return user_zone(ws.clock.tz, ws.config.timezone) or ws.clock.tz


def _read(ws: Workspace, source: str, origin: str, conditional: bool) -> ImportReport:
    rec = _record(ws, source) if conditional else None
    has_copy = cache_path(ws, source).exists()
    etag = rec.get("etag") if rec and has_copy else None
    modified = rec.get("last_modified") if rec and has_copy else None
    fetched = fetch(source, etag, modified)
    if fetched.body is None and rec is not None:
        # Unchanged, but days went by: the index's expanded window moves with today.
        calendar_index.refresh_window(cache_path(ws, source), ws.clock.today(), _zone(ws))
        _save_record(ws, source, {"origin": origin, "checked": _now(ws), "error": None})
        return ImportReport(
            source,
            str(rec.get("name", "")),
            int(rec.get("events", 0)),
            [],
            int(rec.get("old", 0)),
            unchanged=True,
        )
    return store_calendar(
        ws, source, fetched.body or b"", origin, fetched.etag, fetched.last_modified
    )


def import_calendar(ws: Workspace, source: str) -> ImportReport:
    """Subscribe to a file or URL and cache its events for the agenda.

    Broken components are skipped and counted in the report; this never raises for
    what a calendar contains.

    Raises:
        SourceError: the file or URL cannot be read (one sentence).
    """
    return _read(ws, normalise(source), "import", conditional=False)


def _config_sources(ws: Workspace) -> list[str]:
    base = ws.config.path.parent if ws.config.path else None
    return [normalise(s, base) for s in ws.config.calendar.subscribe if s.strip()]


def refresh_subscriptions(ws: Workspace) -> list[ImportReport]:
    """Re-read every subscribed calendar (config list and imports); never raises for one.

    A source that fails keeps its last good copy; its report carries the error. Meant
    for a thread worker: it blocks on the network.
    """
    sources: dict[str, str] = {s: "config" for s in _config_sources(ws)}
    for rec in subscriptions(ws):
        if rec.get("origin") == "import":
            sources.setdefault(str(rec["source"]), "import")
    reports = []
    for source, origin in sources.items():
        try:
            reports.append(_read(ws, source, origin, conditional=True))
        except SourceError as exc:
            _save_record(ws, source, {"origin": origin, "error": str(exc), "checked": _now(ws)})
            rec = _record(ws, source) or {}
            reports.append(ImportReport(source, str(rec.get("name", "")), error=str(exc)))
    return reports


def remove_subscription(ws: Workspace, source_or_name: str) -> dict[str, Any]:
    """Forget an imported calendar (by source or name) and delete its cached copy.

    Raises:
        NotFoundError: no imported calendar matches.
    """

    wanted = source_or_name.strip()
    candidates = {wanted, normalise(wanted)} if wanted else set()
    for rec in subscriptions(ws):
        if rec.get("source") in candidates or rec.get("name") == wanted:
            with ws.files.transaction(FILE):
                ws.files.table(FILE, TABLE).remove(doc_ids=[rec["id"]])
            cached = cache_path(ws, str(rec["source"]))
            cached.unlink(missing_ok=True)
            calendar_index.index_path(cached).unlink(missing_ok=True)
            return rec
    raise NotFoundError("err.cal.no_subscription", name=source_or_name)


def cached_calendars(ws: Workspace) -> list[tuple[str, Path]]:
    """(name, cached copy) of every calendar the agenda shows right now.

    Config subscriptions count only while they are in the config, and the CalDAV copy
    only for the configured calendar, so editing the config takes effect at once.
    """
    configured = set(_config_sources(ws))
    out = []
    for rec in subscriptions(ws):
        source, origin = str(rec.get("source", "")), rec.get("origin")
        if origin == "config" and source not in configured:
            continue
        if origin == "caldav" and source != (ws.config.caldav.url or ""):
            continue
        path = cache_path(ws, source)
        if path.exists():
            out.append((str(rec.get("name") or _default_name(source)), path))
    return out
