"""One-time upgrades of stored data that only the domain can make.

Text has been sanitised where it enters a book since the sanitiser of `cockpit.core.text`
exists; a workspace written by an earlier cockpit may still hold what that version let
through (a title added as `cockpit add $'\\e]0;PWNED\\a …'`, an imported name with a
zero-width space). The TUI draws stored text as it is, so that text could still drive
the terminal. `clean_stored_text` cleans every string of every record once, after the
day's backup, and `workspace.json` remembers that it ran.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cockpit.core.text import clean_text
from cockpit.storage import StorageError

if TYPE_CHECKING:  # the workspace calls in here; the type is for annotations only
    from cockpit.items.workspace import Workspace

TEXT_CLEAN = "clean-stored-text-1"
"""The upgrade's name, remembered in `workspace.json` once it ran."""

# Feed entries were sanitised when fetched from the first version on, and are the bulk.
_SKIP = {"entries"}


def _dirty(text: str) -> bool:
    """True when `text` holds a character the sanitiser would remove or change."""
    return not text.replace("\n", "").replace("\t", "").isprintable()


def _clean(value: Any) -> Any:
    """`value` with every string inside it cleaned (lists and tables walked)."""
    if isinstance(value, str):
        return clean_text(value, multiline="\n" in value) if _dirty(value) else value
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    return value


def clean_stored_text(ws: Workspace, files: tuple[str, ...]) -> int:
    """Clean the stored text of `files` once; returns how many records changed.

    Not an undo step and no `seq` bump: this is upkeep, not the user's change.
    """
    if TEXT_CLEAN in ws.files.upgrades():
        return 0
    if ws.files.created:  # a new workspace holds nothing written before
        ws.files.mark_upgrade(TEXT_CLEAN)
        return 0
    names = []
    for name in files:
        if name in _SKIP:
            continue
        try:
            ws.files.raw(name)
        except StorageError:
            # A damaged file is the command's to report (with its restore advice); the
            # upgrade waits until every file can be read.
            return 0
        names.append(name)
    changed = 0
    with ws.files.transaction(*names):
        for name in names:
            for table_name, docs in ws.files.raw(name).items():
                if table_name == "meta" or not isinstance(docs, dict):
                    continue
                table = ws.files.table(name, table_name)
                for key, doc in docs.items():
                    clean = _clean(doc)
                    if clean != doc:
                        table.update(clean, doc_ids=[int(key)])
                        changed += 1
    ws.files.mark_upgrade(TEXT_CLEAN)
    return changed
