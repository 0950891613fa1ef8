"""The user's time zone as calendars need it: an IANA name, not just an offset.

The clock of a workspace without `timezone` in its config is the system's zone, which
Python gives as a fixed offset (no name, no daylight-saving rules). A weekly routine needs
the rules, so we look the name up the way the system does (TZ, /etc/timezone,
/etc/localtime) and fall back to UTC times only when nothing names a zone.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

if TYPE_CHECKING:
    import icalendar

# VTIMEZONE rules are written for this many years from the first routine; calendar apps
# use their own zone database for IANA names, the rules are for those that do not.
ZONE_YEARS = 15


def _valid(name: str | None) -> ZoneInfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        return None


def system_zone_name() -> str | None:
    """The system zone's IANA name, if anything names it."""
    tz_env = os.environ.get("TZ", "").lstrip(":")
    if _valid(tz_env):
        return tz_env.strip()
    try:
        name = Path("/etc/timezone").read_text(encoding="utf-8").strip()
        if _valid(name):
            return name
    except OSError:
        pass
    try:
        target = str(Path("/etc/localtime").resolve())
    except OSError:
        return None
    if "zoneinfo/" in target:
        name = target.split("zoneinfo/", 1)[1]
        if name.startswith(("posix/", "right/")):
            name = name.split("/", 1)[1]
        if _valid(name):
            return name
    return None


def user_zone(tz: dt.tzinfo, configured: str | None) -> ZoneInfo | None:
    """The named zone routines are written in, or None when only an offset is known.

    Args:
        tz: the workspace clock's zone.
        configured: `timezone` from the config, if set.
    """
    if isinstance(tz, ZoneInfo):
        return tz
    named = _valid(configured)
    if named is not None:
        return named
    system = _valid(system_zone_name())
    if system is not None:
        # Only trust the system's name when it agrees with the clock right now.
        now = dt.datetime.now(dt.UTC)
        if now.astimezone(system).utcoffset() == now.astimezone(tz).utcoffset():
            return system
    return None


UTC_NAMES = frozenset(
    {"UTC", "Etc/UTC", "Etc/UCT", "UCT", "Universal", "Etc/Universal", "Zulu", "Etc/Zulu"}
)


def needs_vtimezone(zone: ZoneInfo) -> bool:
    """False for UTC under any name: icalendar writes those times with Z, no TZID."""
    return zone.key not in UTC_NAMES


def vtimezone(zone: ZoneInfo, first: dt.date) -> icalendar.Timezone:
    """A VTIMEZONE for `zone` from the start of `first`'s year, for ZONE_YEARS years.

    Bounded by the first routine's year, not by today, so exports stay byte-identical.
    """
    start = dt.date(first.year, 1, 1)
    end = dt.date(first.year + ZONE_YEARS, 1, 1)
    import icalendar  # for start-up time: the agenda asks this module only for the zone

    return icalendar.Timezone.from_tzinfo(zone, tzid=zone.key, first_date=start, last_date=end)
