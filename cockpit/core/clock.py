"""The one injectable clock.

Everything that needs "now" or "today" asks a `Clock`. Tests hand in a `FrozenClock`
and move it explicitly; nothing patches `datetime` globally.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol
from zoneinfo import ZoneInfo


def local_zone(name: str | None = None) -> dt.tzinfo:
    """The configured zone, or the system's own when none is configured."""
    if name:
        return ZoneInfo(name)
    tz = dt.datetime.now().astimezone().tzinfo
    assert tz is not None
    return tz


class Clock(Protocol):
    """Source of the current time, always timezone-aware in the configured zone."""

    @property
    def tz(self) -> dt.tzinfo: ...

    @property
    def preview(self) -> bool:
        """True for a look at a day ahead of the real one: nothing is maintained then."""
        ...

    def now(self) -> dt.datetime: ...

    def today(self) -> dt.date: ...


class SystemClock:
    """The real clock, in the configured time zone."""

    def __init__(self, tz: dt.tzinfo | None = None) -> None:
        self._tz = tz or local_zone()

    @property
    def tz(self) -> dt.tzinfo:
        return self._tz

    @property
    def preview(self) -> bool:
        return False

    def now(self) -> dt.datetime:
        return dt.datetime.now(self._tz)

    def today(self) -> dt.date:
        return self.now().date()


class FrozenClock:
    """A clock that only moves when told to; used by tests, the demo and benchmarks."""

    def __init__(
        self, when: dt.datetime, tz: dt.tzinfo | None = None, *, preview: bool = False
    ) -> None:
        if when.tzinfo is None:
            when = when.replace(tzinfo=tz or dt.UTC)
        self._now = when
        self._tz = tz or when.tzinfo or dt.UTC
        self._preview = preview

    @property
    def tz(self) -> dt.tzinfo:
        return self._tz

    @property
    def preview(self) -> bool:
        return self._preview

    def now(self) -> dt.datetime:
        return self._now.astimezone(self._tz)

    def today(self) -> dt.date:
        return self.now().date()

    def set(self, when: dt.datetime) -> None:
        """Jump to `when` (naive values are taken in the clock's zone)."""
        self._now = when if when.tzinfo else when.replace(tzinfo=self._tz)

    def advance(self, **delta: float) -> None:
        """Move forward by a `timedelta(**delta)`."""
        self._now = self._now + dt.timedelta(**delta)
