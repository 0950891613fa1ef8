"""Daily rotating backups and restore.

A backup is a folder `backups/NAME/` holding copies of every workspace file, made under
the workspace lock so it is one consistent moment. Daily ones are named by date and the
newest N are kept; ones made by `cockpit backup` carry a time as well and are kept until
the user removes them. Restoring first saves the current files as `pre-restore-…`, so a
restore can itself be undone.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from cockpit.storage.atomic import atomic_write, ensure_dir, fsync_dir
from cockpit.storage.errors import CorruptFileError, StorageError
from cockpit.storage.jsonstore import decode
from cockpit.storage.lock import WorkspaceLock

DAILY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FILES_GLOB = "*.json"


def backups_dir(root: Path) -> Path:
    """Where backups of workspace `root` live."""
    return root / "backups"


def list_backups(root: Path) -> list[str]:
    """Backup names, newest first (names sort by time)."""
    folder = backups_dir(root)
    if not folder.is_dir():
        return []
    names = [p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")]
    return sorted(names, key=_sort_key, reverse=True)


def _sort_key(name: str) -> str:
    # "pre-restore-2026-11-22T101010" sorts by its time part too.
    match = re.search(r"\d{4}-\d{2}-\d{2}(T\d{6})?", name)
    return match.group(0) if match else name


def make_backup(root: Path, name: str, lock: WorkspaceLock) -> Path:
    """Copy every workspace file into `backups/NAME/` (atomically: temp folder + rename)."""
    folder = backups_dir(root)
    ensure_dir(folder)
    target = folder / name
    tmp = folder / f".{name}.tmp"
    with lock.hold():
        if tmp.exists():
            shutil.rmtree(tmp)
        ensure_dir(tmp)
        for src in sorted(root.glob(FILES_GLOB)):
            atomic_write(tmp / src.name, src.read_bytes())
        if target.exists():
            shutil.rmtree(target)
        tmp.rename(target)
        fsync_dir(folder)
    return target


def daily_backup(root: Path, day: str, keep: int, lock: WorkspaceLock) -> Path | None:
    """Make today's backup unless it exists; prune daily backups beyond `keep`.

    Skipped (None) while a workspace file is corrupt: rotating copies of a damaged file
    in would push the last good backups out.
    """
    if (backups_dir(root) / day).is_dir() or _damaged(root):
        return None
    made = make_backup(root, day, lock)
    daily = [n for n in list_backups(root) if DAILY.match(n)]
    for old in daily[keep:]:
        shutil.rmtree(backups_dir(root) / old, ignore_errors=True)
    return made


def _damaged(root: Path) -> bool:
    for path in root.glob(FILES_GLOB):
        if path.name == "workspace.json":
            continue
        try:
            decode(path, path.read_bytes())
        except (CorruptFileError, OSError):
            return True
    return False


def restore_backup(
    root: Path, name: str | None, stamp: str, lock: WorkspaceLock
) -> tuple[str, str]:
    """Bring back backup `name` (default: the newest).

    Returns:
        The name restored and the name of the folder holding the replaced files.

    The backup's files are checked before anything is replaced; the current files are
    saved as `pre-restore-STAMP` first (even when they are corrupt).

    Raises:
        StorageError: no such backup, or the backup itself is unreadable.
    """
    names = [n for n in list_backups(root) if not n.startswith("pre-restore-")]
    if name is None:
        if not names:
            raise StorageError(f"{root} has no backups to restore")
        name = names[0]
    source = backups_dir(root) / name
    if not source.is_dir():
        known = ", ".join(list_backups(root)[:8]) or "none"
        raise StorageError(f"no backup named {name!r} in {backups_dir(root)} (have: {known})")
    # Read once: what was checked is what gets written, even if `pre-restore-…` below
    # lands on the same name as the source.
    files = {path.name: path.read_bytes() for path in sorted(source.glob(FILES_GLOB))}
    for file_name, body in files.items():
        if file_name == "workspace.json":
            continue
        try:
            decode(source / file_name, body)
        except CorruptFileError as exc:
            raise StorageError(
                f"backup {name} is damaged too: {exc.problem} in {source / file_name}"
            ) from None
    with lock.hold():
        # Never overwrite an earlier pre-restore folder (two restores in one second).
        saved, n = f"pre-restore-{stamp}", 1
        while (backups_dir(root) / saved).exists():
            n += 1
            saved = f"pre-restore-{stamp}-{n}"
        make_backup(root, saved, lock)
        for file_name, body in files.items():
            atomic_write(root / file_name, body)
    return name, saved
