"""The command line's undo journal: what the last few `cockpit` commands changed, so
`cockpit undo` can take the newest back.

Each command that changed something leaves one step (all its changes together) in a
file of its own under `cli-undo/` in the workspace (0600, written atomically; the newest
`KEEP` are kept): every document's state before the command, and a digest of the state
it left. A step is taken back only when every document is still exactly as the command
left it: if anything changed it since (the open TUI, another command, a restore), the
undo is refused with the record's name and nothing is written. Steps are small files
so that a large import does not make every later command rewrite it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import orjson

from cockpit.core.changes import Change, Label, revert
from cockpit.core.errors import InvalidError, NotFoundError
from cockpit.core.i18n import Pair, msg
from cockpit.storage.atomic import atomic_write, ensure_dir

try:
    # CPython's own BLAKE2: `hashlib` would first load OpenSSL (~2.5 ms of every command
    # that changes something) for algorithms the journal never uses. The same digests.
    from _blake2 import blake2b
except ImportError:  # an interpreter built without it
    from hashlib import blake2b

if TYPE_CHECKING:
    from cockpit.items.workspace import Workspace

FOLDER = "cli-undo"
KEEP = 10
_NAME = "{:08d}.json"
_RECORDS = {"items": "item", "customers": "customer", "touches": "touch", "feeds": "feed"}


class Step(NamedTuple):
    """One command's changes, as the journal keeps them (a NamedTuple: a dataclass
    costs ~0.5 ms at start-up)."""

    label: dict[str, str]
    """What the command did, worded in English and Chinese (`en`, `zh`)."""
    at: str
    changes: list[dict[str, Any]]

    def label_in(self, lang: str) -> str:
        return self.label.get(lang) or self.label.get("en", "")


def _worded(label: Label) -> dict[str, str]:
    """An undo step's label in both languages (a `Message` is worded when shown)."""
    if isinstance(label, str):
        return {"en": label, "zh": label}
    return {"en": label.render("en"), "zh": label.render("zh")}


def digest(doc: dict[str, Any] | None) -> str | None:
    """A short fingerprint of a stored document's content (None for no document).

    The edit counter is left out: taking a later command back puts its records back
    as they were with the counter moved on, and the step before it must still be
    recognised as the state that command left.
    """
    if doc is None:
        return None
    doc = {k: v for k, v in doc.items() if k != "seq"}
    body = orjson.dumps(doc, option=orjson.OPT_SORT_KEYS)
    return blake2b(body, digest_size=16).hexdigest()


def folder(ws: Workspace) -> Path:
    return ws.root / FOLDER


def record(ws: Workspace) -> None:
    """Journal what this process changed (its undo stack) as one step, then forget it.

    Called by the command line when a command ends; a command that changed nothing
    writes nothing.
    """
    steps = [s for s in ws.undo_stack if s]
    if not steps:
        return
    merged: dict[tuple[str, str, int], tuple[Change, Change]] = {}
    for step in steps:
        for change in step:
            key = (change.file, change.table, change.doc_id)
            first = merged.get(key, (change, change))[0]
            merged[key] = (first, change)
    changes = [
        {
            "file": first.file,
            "table": first.table,
            "id": first.doc_id,
            "before": first.before,
            "after": digest(last.after),
        }
        for first, last in merged.values()
        if first.before != last.after
    ]
    ws.undo_stack.clear()
    if not changes:
        return
    label = _worded(steps[-1][0].label)
    if len(steps) > 1:  # `done 3 4 5`: named by its first change
        label = {lang: f"{text} …" for lang, text in _worded(steps[0][0].label).items()}
    body = {"label": label, "at": ws.clock.now().isoformat(), "changes": changes}
    where = folder(ws)
    with ws.files.lock.hold():
        ensure_dir(where)
        names = _names(where)
        number = int(names[-1][:8]) + 1 if names else 1
        atomic_write(where / _NAME.format(number), orjson.dumps(body))
        for old in names[: max(len(names) + 1 - KEEP, 0)]:
            (where / old).unlink(missing_ok=True)


def _names(where: Path) -> list[str]:
    try:
        found = os.listdir(where)
    except FileNotFoundError:
        return []
    return sorted(n for n in found if len(n) == 13 and n[:8].isdigit() and n.endswith(".json"))


def _load(path: Path) -> Step:
    try:
        data = orjson.loads(path.read_bytes())
        label = data["label"]
        if not isinstance(label, dict) or not all(isinstance(v, str) for v in label.values()):
            raise TypeError("label")
        return Step(label, str(data["at"]), list(data["changes"]))
    except (OSError, ValueError, KeyError, TypeError):
        path.unlink(missing_ok=True)  # a damaged step cannot be trusted: it is dropped
        raise InvalidError("journal.damaged", path=str(path)) from None


def undo_last(ws: Workspace) -> Step:
    """Take the newest journaled command back, if nothing changed its records since.

    Raises:
        NotFoundError: the command line has nothing left to undo.
        InvalidError: a record the command changed was changed again since (named in
            the sentence); nothing is written and the step stays.
    """
    where = folder(ws)
    with ws.files.lock.hold():
        names = _names(where)
        if not names:
            raise NotFoundError("journal.empty")
        path = where / names[-1]
        step = _load(path)
        reverted: list[Change] = []
        label = Pair(step.label_in("en"), step.label_in("zh")).render()
        for entry in step.changes:
            file, table, doc_id = str(entry["file"]), str(entry["table"]), int(entry["id"])
            current = ws.files.raw(file).get(table, {}).get(str(doc_id))
            if digest(current) != entry["after"]:
                what = _RECORDS.get(table, "record")
                raise InvalidError(
                    "journal.changed",
                    label=Pair(step.label_in("en"), step.label_in("zh")),
                    what=msg(f"journal.what.{what}"),
                    id=doc_id,
                )
            reverted.append(Change(file, table, doc_id, entry["before"], label, current))
        # Every record is as the command left it: a plain revert puts back each one.
        revert(ws.files, reverted)
        path.unlink(missing_ok=True)
    return step
