"""Which version of a workspace file passed the record-shape check, so that the next
process to read it need not check every record again.

Checking each record's shape (`shapes`) cost as much as parsing the file: ~3 ms for the
1,700 items of a hot file, paid by every `cockpit` command and every TUI start. Yet a
file cockpit wrote was checked when it was read, and a write changes only the records
it names: those are checked as they are written (`vouch`), and the file's stamp (inode,
size, mtime) goes into a mark beside it (`.items.checked`). A read of the file at that
stamp parses without checking again (`vouched`); any other version of the file (a hand
edit, a restore, an older cockpit's write, a copy from elsewhere) is checked in full, as
before. The mark is only a hint: a missing, torn or stale one means a full check, never
a skipped one.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from cockpit.storage import shapes
from cockpit.storage.delta import changes_from

Stamp = tuple[int, int, int]


def mark_of(path: Path) -> Path:
    """The mark beside workspace file `path` (`items.json` -> `.items.checked`)."""
    return path.with_name(f".{path.stem}.checked")


def _text(stamp: Stamp) -> str:
    return "{} {} {}\n".format(*stamp)


def vouched(path: Path, stamp: Stamp) -> bool:
    """True when `path` at `stamp` is the version cockpit wrote and checked."""
    try:
        with open(mark_of(path), "rb") as mark:
            return mark.read(64) == _text(stamp).encode("ascii")
    except OSError:
        return False


def changed_records(data: Mapping[str, Any], base: Mapping[str, Any]) -> dict[str, Any]:
    """The tables of `data` holding only the records that differ from `base` (a table
    whose changes are not known is there whole)."""
    out: dict[str, Any] = {}
    for name, table in data.items():
        before = base.get(name)
        if table is before:
            continue
        keys = changes_from(table, before)
        out[name] = table if keys is None else {k: table[k] for k in keys if k in table}
    return out


def vouch(path: Path, stamp: Stamp | None, data: Mapping[str, Any], base: Any) -> bool:
    """Mark `path`, just written with `data` at `stamp`, as checked: when `base` (the
    checked version it was made from, None when there is none) and every record that
    differs from it pass the check. Returns whether `data` is known to be checked.

    A mark that cannot be written is no failure: the next read checks in full.
    """
    if stamp is None or base is None:
        return False
    if shapes.problem(path.stem, changed_records(data, base)) is not None:
        return False  # the next read says what is wrong (CorruptFileError), as before
    try:
        fd = os.open(mark_of(path), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, _text(stamp).encode("ascii"))
        finally:
            os.close(fd)
    except OSError:
        pass
    return True
