"""Import the output of taskwarrior's `task export` as items.

Every task is read and checked before anything is stored, then all items go in with
one `add_many`: a bad file leaves the workspace exactly as it was. Each item keeps the
task's uuid as its source (`tw:<uuid>`), so importing the same export again (or a newer
one) adds only the tasks that are new.

Recurring tasks become one recurring item (`cockpit.items.recurrence`): taskwarrior keeps a
template (status `recurring`, with `recur` and `until`) and makes pending instances
ahead of time; the earliest pending instance is imported with the template's rule, and
finishing it in cockpit makes the next one, so later pending instances are skipped
(they would come twice). A template with no pending instance is imported itself, due
on its next date from today. The series keeps the template's uuid as its source, so a
newer export (with newer instances) does not import it again.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cockpit.core.errors import ImportFileError, InvalidError
from cockpit.core.i18n import Message, msg, t
from cockpit.core.model import Item
from cockpit.core.text import clean_text
from cockpit.core.weeks import week_of
from cockpit.items.workspace import Workspace

if TYPE_CHECKING:
    from cockpit.items.recurrence.rule import Rule

PREFIX = "tw:"
OPEN_STATUSES = ("pending", "waiting")
# taskwarrior writes its timestamps as compact UTC: 20261120T093000Z.
_COMPACT = re.compile(r"^(\d{8})T(\d{6})Z$")


def import_taskwarrior(ws: Workspace, path: Path) -> str:
    """Import a `task export` file (a JSON array, or one JSON object per line).

    Deleted tasks, later instances of a recurring task (see the module docstring) and
    tasks imported before are skipped and counted.

    Args:
        ws: the workspace to add items to.
        path: the exported file.

    Returns:
        A one-line report, e.g. "Imported 12 items (3 done), skipped 2 deleted".

    Raises:
        ImportFileError: the file cannot be read or holds something that is not a task; one
            sentence naming the file and the task. Nothing is stored then.
    """
    tasks = _read_tasks(path)
    seen = {i.source for i in ws.all_items() if i.source.startswith(PREFIX)}
    items: list[Item] = []
    skipped = {"deleted": 0, "later occurrence": 0, "already imported": 0}
    templates = {
        str(task.get("uuid")).lower(): task
        for _, task in tasks
        if task.get("status") == "recurring"
    }
    first = _first_instances(tasks)
    for where, task in tasks:
        status = task.get("status", "pending")
        if status == "deleted":
            skipped["deleted"] += 1
            continue
        if status not in (*OPEN_STATUSES, "completed", "recurring"):
            raise ImportFileError("err.tw.status", where=where, path=path, status=status)
        parent = str(task.get("parent") or "").lower()
        series = ""
        if status == "recurring":
            series = _source(task, where, path)
            if series[len(PREFIX) :] in first:
                continue  # its rule goes onto its first pending instance
        elif status in OPEN_STATUSES and (parent or task.get("recur")):
            if parent and first.get(parent) is not task:
                skipped["later occurrence"] += 1
                continue
            series = PREFIX + parent if parent else _source(task, where, path)
        source = series or _source(task, where, path)
        if source and source in seen:
            skipped["already imported"] += 1
            continue
        rule = None
        if series:
            rule = _rule(ws, templates.get(parent, task), where, path)
        items.append(_to_item(ws, task, where, path, source, rule))
        if source:
            seen.add(source)  # the same uuid twice in one file is imported once
    if items:
        ws.add_many(items)
    done = sum(1 for i in items if i.status == "done")
    report = t("cli.tw.imported", n=len(items), done=done)
    parts = [
        t(f"cli.tw.skipped.{'_'.join(label.split())}", n=n) for label, n in skipped.items() if n
    ]
    return report + (t("cli.tw.skipped", what=parts) if parts else "")


def _first_instances(tasks: list[tuple[Message, dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    """Each recurring template's earliest open instance (by due date, then its place in
    the export), by the template's uuid."""
    first: dict[str, dict[str, Any]] = {}
    for _, task in tasks:
        parent = str(task.get("parent") or "").lower()
        if not parent or task.get("status") not in OPEN_STATUSES:
            continue
        if parent not in first or str(task.get("due", "")) < str(first[parent].get("due", "")):
            first[parent] = task
    return first


def _rule(ws: Workspace, task: dict[str, Any], where: Message, path: Path) -> Rule:
    """The cockpit rule of a taskwarrior `recur` (weekly, 2wks, P1M, quarterly…) and
    `until`; one cockpit cannot follow refuses the import, naming the task."""
    # Imported here, for start-up time: most imports hold no recurring task.
    from cockpit.items.recurrence.parse import parse_rule

    recur = task.get("recur")
    if not isinstance(recur, str) or not recur.strip():
        raise ImportFileError("err.tw.recur", where=where, path=path, value=recur)
    try:
        rule = parse_rule(recur, ws.clock.today())
    except InvalidError as exc:
        raise ImportFileError("err.tw.where", where=where, path=path, problem=exc.message) from None
    until = task.get("until")
    if until is not None:
        moment = _parse_time(until)
        if moment is None:
            raise ImportFileError("err.tw.date", where=where, path=path, name="until", value=until)
        rule = replace(rule, until=moment.astimezone(ws.clock.tz).date())
    return rule


def _read_tasks(path: Path) -> list[tuple[Message, dict[str, Any]]]:
    """The task objects of the file, each with where it is ("task 3" or "line 3")."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise ImportFileError("err.file.read", path=path, problem=exc.strerror or exc) from None
    except UnicodeDecodeError:
        raise ImportFileError("err.tw.utf8", path=path) from None
    if text.lstrip().startswith("["):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ImportFileError(
                "err.tw.json", path=path, line=exc.lineno, problem=exc.msg
            ) from None
        if not isinstance(data, list):
            raise ImportFileError("err.tw.list", path=path)
        found = [(msg("err.tw.task", n=n), task) for n, task in enumerate(data, 1)]
    else:
        # taskwarrior before 2.4 (and rc.json.array=off) prints one object per line,
        # sometimes with a trailing comma.
        found = []
        for n, line in enumerate(text.splitlines(), 1):
            line = line.strip().rstrip(",")
            if not line:
                continue
            try:
                found.append((msg("err.tw.line", n=n), json.loads(line)))
            except json.JSONDecodeError as exc:
                raise ImportFileError("err.tw.line_json", n=n, path=path, problem=exc.msg) from None
    for where, task in found:
        if not isinstance(task, dict):
            raise ImportFileError("err.tw.object", where=where, path=path)
    return found


def _source(task: dict[str, Any], where: Message, path: Path) -> str:
    uuid = task.get("uuid")
    if uuid is None:
        return ""
    cleaned: str = clean_text(uuid) if isinstance(uuid, str) else ""
    if not cleaned:
        raise ImportFileError("err.tw.uuid", where=where, path=path, uuid=uuid)
    return PREFIX + cleaned.lower()


def _to_item(
    ws: Workspace,
    task: dict[str, Any],
    where: Message,
    path: Path,
    source: str,
    rule: Rule | None = None,
) -> Item:
    """Map one task onto a new, validated (not yet stored) item; a template (no
    instance of its own) is due on its next date from today."""
    tz = ws.clock.tz

    def when(name: str) -> dt.datetime | None:
        value = task.get(name)
        if value is None:
            return None
        moment = _parse_time(value)
        if moment is None:
            raise ImportFileError("err.tw.date", where=where, path=path, name=name, value=value)
        return moment.astimezone(tz)

    title = task.get("description")
    if not isinstance(title, str) or not clean_text(title):
        raise ImportFileError("err.tw.description", where=where, path=path)
    tags = task.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise ImportFileError("err.tw.tags", where=where, path=path)
    tags = [clean_text(t) for t in tags]
    project = task.get("project")
    if isinstance(project, str) and clean_text(project):
        tags.append(f"project:{clean_text(project)}")

    created, due, scheduled = when("entry"), when("due"), when("scheduled")
    wait, end = when("wait"), when("end")
    notes = _annotations(task, where, path, tz)
    if wait is not None:
        notes.insert(0, t("cli.tw.waiting", date=wait.date().isoformat()))  # stored as worded
    done = task.get("status") == "completed"
    if rule is not None and task.get("status") == "recurring" and due is not None:
        from cockpit.items.recurrence.dates import next_due  # imported here, for start-up time

        today = ws.clock.today()
        if due.date() < today:
            later = next_due(rule, due.date(), today - dt.timedelta(days=1))
            if later is None:
                raise ImportFileError("err.tw.ended", where=where, path=path)
            due = dt.datetime.combine(later, dt.time(), tz)
    if done:
        finished = end or created or ws.clock.now()
        week = week_of(finished.date())
    else:
        finished = None
        planned = scheduled or due
        week = week_of(planned.date()) if planned else ws.week
    try:
        return ws.new_item(
            clean_text(title),
            week=week,
            status="done" if done else "open",
            due=due.date() if due else None,
            tags=tags,
            notes=clean_text("\n".join(notes), multiline=True),
            key=task.get("priority") == "H",
            source=source,
            created=created,
            done_at=finished,
            recur=rule,
        )
    except InvalidError as exc:
        raise ImportFileError("err.tw.where", where=where, path=path, problem=exc.message) from None


def _annotations(task: dict[str, Any], where: Message, path: Path, tz: dt.tzinfo) -> list[str]:
    """Annotations as note lines "YYYY-MM-DD: text", in the file's order."""
    raw = task.get("annotations", [])
    if not isinstance(raw, list):
        raise ImportFileError("err.tw.annotations", where=where, path=path)
    lines = []
    for note in raw:
        text = note.get("description") if isinstance(note, dict) else None
        if not isinstance(text, str):
            raise ImportFileError("err.tw.annotation_text", where=where, path=path)
        # One line per annotation: a newline inside would read as a second annotation.
        text = clean_text(text)
        if note.get("entry") is None:
            lines.append(text)
            continue
        moment = _parse_time(note["entry"])
        if moment is None:
            raise ImportFileError(
                "err.tw.annotation_date", where=where, path=path, value=note["entry"]
            )
        lines.append(f"{moment.astimezone(tz).date().isoformat()}: {text}")
    return lines


def _parse_time(value: object) -> dt.datetime | None:
    """An aware datetime from taskwarrior's forms; None when `value` is not a time."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    match = _COMPACT.match(value)
    try:
        if match:
            stamp = dt.datetime.strptime(match.group(1) + match.group(2), "%Y%m%d%H%M%S")
            return stamp.replace(tzinfo=dt.UTC)
        if value.isdigit():  # very old data files stored epoch seconds
            return dt.datetime.fromtimestamp(int(value), dt.UTC)
        moment = dt.datetime.fromisoformat(value)
    except (ValueError, OverflowError, OSError):
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
