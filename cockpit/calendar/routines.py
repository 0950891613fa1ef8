"""Routines: the PM's weekly cadence (seed 000), their skipped days and daily checklists.

Routines live in `calendar.json` (tables `routines`, `checks`, `meta`). Every change is
one transaction and one undo step, like items; editing bumps the routine's `seq`, which
the calendar export uses as SEQUENCE.

Checklist ticks are stored per date (`checks`, one document per day whose id is the
date's ordinal, so undo restores it like any other document) and never touch the
routine itself: ticking a box does not change the exported calendar.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from tinydb.table import Document

from cockpit.calendar.routine_config import apply
from cockpit.core.errors import InvalidError, NotFoundError
from cockpit.core.i18n import Message, Pair, msg
from cockpit.core.model import iso
from cockpit.core.routine import (
    DEFAULTS,
    EDITABLE,
    FILE,
    Routine,
    default_routines,
    validate,
)
from cockpit.storage import StorageError

if TYPE_CHECKING:  # books take the workspace that holds them; for annotations only
    from cockpit.items.workspace import Workspace

__all__ = [
    "DEFAULTS",
    "EDITABLE",
    "FILE",
    "Routine",
    "RoutineBook",
    "calendar_id",
    "default_routines",
    "existing_calendar_id",
    "validate",
]


class RoutineBook:
    """Routine operations of one workspace (defaults installed on first use)."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self._applying = False  # config routines are being applied (all() re-enters)

    # reading --------------------------------------------------------------------------
    def all(self) -> list[Routine]:
        """Every routine, in week order (first weekday, then start time).

        Setting up (the defaults on first use, the config's entries when they changed)
        writes; when that cannot be done (a full disk, a read-only file) the routines are
        still shown - the defaults unsaved - and the next read tries again.
        """
        raw = self.ws.files.raw(FILE)
        try:
            if "routines" not in raw:
                self.install_defaults()
                raw = self.ws.files.raw(FILE)
            if self.ws.config.routines and not self._applying:
                self._applying = True
                try:
                    if apply(self, self.ws.config.routines):
                        raw = self.ws.files.raw(FILE)
                finally:
                    self._applying = False
        except StorageError:
            if "routines" not in raw:
                return _unsaved_defaults(self.ws.clock.today())
        rows = [Routine.from_doc(int(k), v) for k, v in raw.get("routines", {}).items()]
        rows.sort(key=lambda r: (min(r.weekdays, default=7), r.start, r.id))
        return rows

    def get(self, routine_id: int) -> Routine:
        for routine in self.all():
            if routine.id == routine_id:
                return routine
        raise NotFoundError("err.routine.none", id=routine_id)

    def for_day(self, day: dt.date) -> list[Routine]:
        """The routines happening on `day`, by start time."""
        rows = [r for r in self.all() if r.occurs_on(day)]
        rows.sort(key=lambda r: (r.start, r.id))
        return rows

    def checks(self, day: dt.date) -> dict[int, list[bool]]:
        """Checklist ticks of `day` per routine id, one bool per checklist line."""
        stored = self.ws.files.raw(FILE).get("checks", {}).get(str(day.toordinal()), {})
        done = stored.get("done", {})
        out: dict[int, list[bool]] = {}
        for routine in self.for_day(day):
            ticks = [bool(x) for x in done.get(str(routine.id), [])]
            size = len(routine.checklist)
            out[routine.id] = (ticks + [False] * size)[:size]
        return out

    def installed(self) -> bool:
        """True once the defaults were installed (even if the user deleted them since)."""
        return "routines" in self.ws.files.raw(FILE)

    # changing -------------------------------------------------------------------------
    def install_defaults(self) -> list[Routine]:
        """Add seed 000's routines whose key is not present yet; returns those added."""

        added: list[Routine] = []
        with self.ws.files.transaction(FILE):
            table = self.ws.files.table(FILE, "routines")
            keys = {str(doc.get("key", "")) for doc in table.all()}
            now = iso(self.ws.clock.now())
            for routine in default_routines(self.ws.clock.today()):
                if routine.key in keys:
                    continue
                routine.id = self.ws.next_id(FILE, "next_routine")
                routine.updated = now
                added.append(routine)
            # Runs even when nothing is new: the (maybe empty) table marks "installed",
            # so a user who deleted every routine does not get them back on next start.
            table.insert_multiple(Document(r.to_doc(), doc_id=r.id) for r in added)
        # Not an undo step: the defaults are set-up, not something the user did.
        return added

    def add(
        self,
        title_en: str,
        title_zh: str = "",
        *,
        weekdays: Sequence[int],
        start: str,
        minutes: int = 60,
        checklist: Iterable[Any] = (),
        key: str = "",
        since: dt.date | None = None,
    ) -> Routine:
        """Store a new routine (titles: at least one language)."""
        fields = validate(
            {
                "key": key,
                "title_en": title_en,
                "title_zh": title_zh,
                "weekdays": list(weekdays),
                "start": start,
                "minutes": minutes,
                "checklist": list(checklist),
                "since": since or self.ws.clock.today(),
            }
        )
        if not (fields["title_en"] or fields["title_zh"]):
            raise InvalidError("err.routine.title")
        self.all()  # first use installs the defaults before the user's own routine
        routine = Routine(**fields, updated=iso(self.ws.clock.now()))
        with self.ws.changing(
            FILE, label=msg("undo.routine_add", title=Pair(routine.title_en, routine.title_zh))
        ) as changes:
            routine.id = self.ws.next_id(FILE, "next_routine")
            changes.insert_new(FILE, "routines", {routine.id: routine.to_doc()})
        return routine

    def edit(self, routine_id: int, **fields: Any) -> Routine:
        """Change any of EDITABLE; bumps the edit counter (SEQUENCE) and `updated`."""
        clean = validate(fields)

        def apply(routine: Routine) -> None:
            for name, value in clean.items():
                setattr(routine, name, value)
            if not (routine.title_en or routine.title_zh):
                raise InvalidError("err.routine.title")

        return self._change(routine_id, msg("undo.routine_edit"), apply)

    def skip(self, routine_id: int, day: dt.date) -> Routine:
        """Skip one occurrence (exported as EXDATE)."""

        def apply(routine: Routine) -> None:
            if not routine.scheduled_on(day):
                raise InvalidError(
                    "err.routine.not_on",
                    title=Pair(routine.title_en, routine.title_zh),
                    day=day.isoformat(),
                )
            if day.isoformat() in routine.skipped:
                raise InvalidError(
                    "err.routine.skipped",
                    title=Pair(routine.title_en, routine.title_zh),
                    day=day.isoformat(),
                )
            routine.skipped = sorted([*routine.skipped, day.isoformat()])

        return self._change(routine_id, msg("undo.routine_skip", day=day.isoformat()), apply)

    def unskip(self, routine_id: int, day: dt.date) -> Routine:
        """Bring back a skipped occurrence."""

        def apply(routine: Routine) -> None:
            if day.isoformat() not in routine.skipped:
                raise InvalidError(
                    "err.routine.not_skipped",
                    title=Pair(routine.title_en, routine.title_zh),
                    day=day.isoformat(),
                )
            routine.skipped = [d for d in routine.skipped if d != day.isoformat()]

        return self._change(routine_id, msg("undo.routine_unskip", day=day.isoformat()), apply)

    def remove(self, routine_id: int) -> Routine:
        """Delete a routine (undo brings it back)."""
        with self.ws.changing(FILE) as changes:
            before = changes.remove(FILE, "routines", routine_id)
            if before is None:
                raise NotFoundError("err.routine.none", id=routine_id)
            routine = Routine.from_doc(routine_id, before)
            changes.label = msg(
                "undo.routine_delete", title=Pair(routine.title_en, routine.title_zh)
            )
        return routine

    def check(self, routine_id: int, day: dt.date, index: int, done: bool) -> list[bool]:
        """Tick (or untick) checklist line `index` of a routine on `day`; returns its ticks."""
        routine = self.get(routine_id)
        if not 0 <= index < len(routine.checklist):
            raise InvalidError(
                "err.routine.no_line", title=Pair(routine.title_en, routine.title_zh), n=index + 1
            )
        doc_id = day.toordinal()
        line = Pair(routine.checklist_in("en")[index], routine.checklist_in("zh")[index])
        label = msg("undo.checked" if done else "undo.unchecked", line=line)
        with self.ws.changing(FILE, label=label) as changes:
            before = changes.snapshot(FILE, "checks", doc_id)
            data: dict[str, Any] = before or {"date": day.isoformat(), "done": {}}
            ticks = [bool(x) for x in data["done"].get(str(routine_id), [])]
            ticks += [False] * (len(routine.checklist) - len(ticks))
            ticks[index] = done
            data["done"][str(routine_id)] = ticks[: len(routine.checklist)]
            changes.insert(FILE, "checks", doc_id, data)
        return ticks[: len(routine.checklist)]

    def _change(self, routine_id: int, label: Message, fn: Callable[[Routine], None]) -> Routine:
        self.all()
        with self.ws.changing(FILE) as changes:
            before = changes.snapshot(FILE, "routines", routine_id)
            if before is None:
                raise NotFoundError("err.routine.none", id=routine_id)
            routine = Routine.from_doc(routine_id, before)
            fn(routine)
            routine.seq += 1
            routine.updated = iso(self.ws.clock.now())
            changes.label = msg(
                "undo.routine", what=label, title=Pair(routine.title_en, routine.title_zh)
            )
            changes.replace(FILE, "routines", routine_id, routine.to_doc())
        return routine


def uid_domain(cal_id: str) -> str:
    """The UID suffix every object of this workspace carries (exported calendars)."""
    return f"@{cal_id}.cockpit"


def _unsaved_defaults(today: dt.date) -> list[Routine]:
    """Seed 000's routines with ids, as shown while they cannot be stored."""
    rows = default_routines(today)
    for n, routine in enumerate(rows, 1):
        routine.id = n
    rows.sort(key=lambda r: (min(r.weekdays, default=7), r.start, r.id))
    return rows


def existing_calendar_id(ws: Workspace) -> str | None:
    """The calendar id if one was made (reading only: nothing is written)."""
    meta = ws.files.raw(FILE).get("meta", {}).get("1", {})
    value = meta.get("calendar_id") if isinstance(meta, dict) else None
    return value if isinstance(value, str) and value else None


def calendar_id(ws: Workspace) -> str:
    """This workspace's calendar identity (made once), the domain part of every UID.

    Two workspaces exporting item #1 must not collide in one calendar app, and a CalDAV
    sync only ever deletes objects carrying this id.
    """
    value = existing_calendar_id(ws)
    if value:
        return value
    with ws.files.transaction(FILE):
        table = ws.files.table(FILE, "meta")
        doc = table.get(doc_id=1)
        current = dict(doc) if isinstance(doc, dict) else {}
        if not current.get("calendar_id"):
            current["calendar_id"] = uuid.uuid4().hex[:16]
            table.upsert(Document(current, doc_id=1))
        return str(current["calendar_id"])
