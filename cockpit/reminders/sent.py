"""What was told: `reminders.json`, one record per day of the keys told that day.

Every cockpit on the workspace (two terminals, the TUI and `cockpit remind --mark` from
cron) tells a reminder only after `claim` recorded it: under the workspace lock, from
the file as it is on disk then (never from a copy read earlier), the keys nobody told
yet are added and only those are returned, so a reminder is told once even when two
apps reach it in the same second, and not again after a restart. Each write bumps the
day's `seq`. Days older than `KEEP_DAYS` are dropped as new ones are written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from tinydb.table import Document

from cockpit.core.model import iso
from cockpit.storage import WorkspaceFiles

FILE = "reminders"
TABLE = "days"
KEEP_DAYS = 3
"""Days kept: today's keys and those of the days before, for a routine told before
midnight that starts after it (its key names its own day)."""


class SentLog:
    """The told keys of one workspace."""

    def __init__(self, files: WorkspaceFiles) -> None:
        self.files = files
        self._raw: object = None
        self._told: dict[str, str] = {}

    def told(self) -> dict[str, str]:
        """Key -> when it was told (ISO), over the kept days, as committed now. Costs a
        file stamp while the file is unchanged (the snapshot is replaced on change)."""
        raw = self.files.raw(FILE).get(TABLE, {})
        if raw is not self._raw:
            self._raw, self._told = raw, _told(raw.values())
        return self._told

    def claim(self, keys: Iterable[str], now: dt.datetime) -> list[str]:
        """Record `keys` as told at `now`; the ones no cockpit told before, in order.

        Read and written under the workspace lock: what another process told a moment
        ago is seen, and nothing it wrote is overwritten (keys are only ever added).
        """
        wanted = list(dict.fromkeys(keys))
        if not wanted:
            return []
        day = now.date()
        with self.files.transaction(FILE):
            docs: dict[str, Any] = self.files.raw(FILE).get(TABLE, {})  # fresh, under the lock
            told = _told(docs.values())
            fresh = [key for key in wanted if key not in told]
            if not fresh:
                return []
            table = self.files.table(FILE, TABLE)
            doc_id = day.toordinal()
            old = docs.get(str(doc_id)) or {}
            record = {
                "day": day.isoformat(),
                "seq": int(old.get("seq", 0)) + 1,
                "sent": {**old.get("sent", {}), **dict.fromkeys(fresh, iso(now))},
            }
            if str(doc_id) in docs:
                table.update(record, doc_ids=[doc_id])
            else:
                table.insert(Document(record, doc_id=doc_id))
            stale = [int(ref) for ref in docs if int(ref) <= doc_id - KEEP_DAYS]
            if stale:
                table.remove(doc_ids=stale)
        return fresh


def _told(days: Iterable[Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for doc in days:
        out.update(doc.get("sent", {}))
    return out
