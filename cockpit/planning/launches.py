"""Launch checklists (seed 003) in `planning.json`, table `launches`: one document per
launch with its items; each change is one transaction and one undo step.

Records and templates are in `cockpit.planning.checklists` (re-exported here). Overdue open items
feed the daily screen's key panel through `overdue(ws, today)`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from cockpit.core.errors import InvalidError, NotFoundError
from cockpit.core.i18n import CATALOG, msg
from cockpit.core.model import iso
from cockpit.core.text import clean_block, clean_line
from cockpit.planning.checklists import (
    STATES,
    TEMPLATES,
    Launch,
    LaunchItem,
    LaunchTask,
    TemplateItem,
)

if TYPE_CHECKING:
    from cockpit.items.workspace import Workspace

__all__ = [
    "STATES",
    "TEMPLATES",
    "Launch",
    "LaunchItem",
    "LaunchTask",
    "TemplateItem",
    "all_launches",
    "check",
    "delete",
    "find",
    "new",
    "overdue",
    "reschedule",
    "tasks",
    "upcoming",
    "update_item",
]

FILE = "planning"
TABLE = "launches"


# reading ------------------------------------------------------------------------------
def all_launches(ws: Workspace) -> list[Launch]:
    """Every launch, by go-live date then name."""
    raw = ws.files.raw(FILE).get(TABLE, {})
    out = [Launch.from_doc(int(k), v) for k, v in raw.items()]
    out.sort(key=lambda la: (la.golive, la.name.casefold()))
    return out


def find(ws: Workspace, name: str) -> Launch:
    """The launch called `name` (case-insensitive), the only one it starts, or `#id`."""
    wanted = clean_line(name).casefold()
    launches = all_launches(ws)
    if wanted.lstrip("#").isdigit():
        by_id = [la for la in launches if la.id == int(wanted.lstrip("#"))]
        if by_id and not any(la.name.casefold() == wanted for la in launches):
            return by_id[0]
    exact = [la for la in launches if la.name.casefold() == wanted]
    prefix = [la for la in launches if la.name.casefold().startswith(wanted)]
    if exact or len(prefix) == 1:
        return (exact or prefix)[0]
    if prefix:
        names = sorted(la.name for la in prefix)[:5]
        raise NotFoundError("err.launch.several", name=name, names=names)
    raise NotFoundError("err.launch.none", name=name)


def tasks(ws: Workspace, today: dt.date, until: dt.date) -> list[LaunchTask]:
    """Open items due on or before `until`, most overdue first."""
    out = []
    for launch in all_launches(ws):
        golive = launch.golive_date
        for it in launch.items:
            due = it.deadline(golive)
            if it.state == "open" and due <= until:
                late = (today - due).days
                out.append(LaunchTask(launch.id, launch.name, it.no, it.title, due, it.owner, late))
    out.sort(key=lambda t: (t.due, t.launch.casefold(), t.no))
    return out


def overdue(ws: Workspace, today: dt.date) -> list[LaunchTask]:
    """Open items whose deadline has passed (due before `today`)."""
    return tasks(ws, today, today - dt.timedelta(days=1))


def upcoming(ws: Workspace, today: dt.date, days: int = 7) -> list[LaunchTask]:
    """Open items due from today to `days` ahead."""
    return [t for t in tasks(ws, today, today + dt.timedelta(days)) if t.due >= today]


# changing -----------------------------------------------------------------------------
def new(
    ws: Workspace, name: str, golive: dt.date, template: str = "default", lang: str | None = None
) -> Launch:
    """Create a launch from `template`, item titles in `lang` (default: the config's)."""
    name = clean_line(name)
    if not name:
        raise InvalidError("err.launch.name")
    if template not in TEMPLATES:
        raise InvalidError("err.launch.template", template=template, choices=list(TEMPLATES))
    pick = 1 if (lang or ws.config.language) == "zh" else 0
    items = [
        LaunchItem(n, CATALOG[f"launch.item.{t.key}"][pick], t.offset)
        for n, t in enumerate(TEMPLATES[template], 1)
    ]
    launch = Launch(0, name, golive.isoformat(), template, iso(ws.clock.now()), items)
    with ws.changing(FILE, label=msg("undo.launch_new", name=name)) as changes:
        if any(la.name.casefold() == name.casefold() for la in all_launches(ws)):
            raise InvalidError("err.launch.exists", name=name)
        launch.id = ws.next_id(FILE, "next_launch")
        changes.insert_new(FILE, TABLE, {launch.id: launch.to_doc()})
    return launch


def _change(ws: Workspace, name: str, label: str, fn: Callable[[Launch], None]) -> Launch:
    # `label`: undo.launch_<label>, worded when the undo is shown
    with ws.changing(FILE) as changes:
        launch = find(ws, name)
        changes.snapshot(FILE, TABLE, launch.id)
        fn(launch)
        changes.label = msg(f"undo.launch_{label}", name=launch.name)
        changes.insert(FILE, TABLE, launch.id, launch.to_doc())
    return launch


def check(ws: Workspace, name: str, no: int, done: bool = True) -> LaunchItem:
    """Tick item `no` done (or, with `done=False`, open again)."""

    def apply(launch: Launch) -> None:
        it = launch.item(no)
        it.state = "done" if done else "open"
        it.done_at = iso(ws.clock.now()) if done else None

    return _change(ws, name, "check" if done else "uncheck", apply).item(no)


def update_item(ws: Workspace, name: str, no: int, **fields: Any) -> LaunchItem:
    """Set an item's title, owner, note, state or due (a date; None: back to the offset)."""
    unknown = set(fields) - {"title", "owner", "note", "state", "due"}
    if unknown:
        raise InvalidError("err.launch.item_field", fields=sorted(unknown))
    if fields.get("state", "open") not in STATES:
        raise InvalidError("err.launch.state", choices=list(STATES))

    def apply(launch: Launch) -> None:
        it = launch.item(no)
        for key, value in fields.items():
            if key == "due":
                value = value.isoformat() if value else None
            elif isinstance(value, str):
                value = clean_block(value) if key == "note" else clean_line(value)
            setattr(it, key, value)
        if not it.title:
            raise InvalidError("err.launch.item_title")
        it.done_at = (it.done_at or iso(ws.clock.now())) if it.state == "done" else None

    return _change(ws, name, "edit", apply).item(no)


def reschedule(ws: Workspace, name: str, golive: dt.date) -> Launch:
    """Move go-live; deadlines follow unless set by hand."""

    def apply(launch: Launch) -> None:
        launch.golive = golive.isoformat()

    return _change(ws, name, "reschedule", apply)


def delete(ws: Workspace, name: str) -> Launch:
    """Remove a launch and its checklist (undo brings it back)."""
    with ws.changing(FILE) as changes:
        launch = find(ws, name)
        changes.remove(FILE, TABLE, launch.id, f"delete launch {launch.name}")
    return launch
