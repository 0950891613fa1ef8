"""Daily rotating backups and restore (whole, or one file).

A backup is a folder `backups/NAME/` holding copies of every workspace file, made under
the workspace lock so it is one consistent moment. Daily ones are named by date and the
newest N are kept; ones made by `cockpit backup` carry a time as well and are kept until
the user removes them. Restoring first saves the files it replaces as `pre-restore-…`,
so a restore can itself be undone; restoring one file (`files=`) replaces that file
only, so one corrupt file does not roll back the rest of the workspace.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import NamedTuple

from cockpit.storage.atomic import atomic_write, ensure_dir, fsync_dir
from cockpit.storage.catalog import DAILY, SAVED_PREFIX, backups_dir, list_backups
from cockpit.storage.codec import parse
from cockpit.storage.errors import CorruptFileError, FileAccessError, StorageError, os_failure
from cockpit.storage.jsonstore import decode
from cockpit.storage.lock import WorkspaceLock

__all__ = [
    "DAILY",
    "FileRestore",
    "backups_dir",
    "daily_backup",
    "list_backups",
    "make_backup",
    "plan_restore",
    "restore_backup",
]

FILES_GLOB = "*.json"


def make_backup(root: Path, name: str, lock: WorkspaceLock, only: tuple[str, ...] = ()) -> Path:
    """Copy every workspace file (or the `only` ones) into `backups/NAME/` atomically:
    a temp folder renamed into place, removed again if anything fails.

    Raises:
        FileAccessError: the copy cannot be made (full disk, ...); no temp folder stays.
    """
    folder = backups_dir(root)
    ensure_dir(folder)
    target = folder / name
    tmp = folder / f".{name}.tmp"
    with lock.hold():
        try:
            if tmp.exists():
                shutil.rmtree(tmp)
            ensure_dir(tmp)
            for src in sorted(root.glob(FILES_GLOB)):
                if only and src.name not in only:
                    continue
                try:
                    body = src.read_bytes()
                except OSError as exc:
                    raise os_failure(src, exc, "read") from None
                atomic_write(tmp / src.name, body)
            if target.exists():
                shutil.rmtree(target)
            tmp.rename(target)
            fsync_dir(folder)
        except OSError as exc:
            shutil.rmtree(tmp, ignore_errors=True)
            raise os_failure(target, exc, "back up into") from None
        except FileAccessError as exc:  # a copy could not be written: say so of the backup
            shutil.rmtree(tmp, ignore_errors=True)
            if exc.errno is None:
                raise
            raise os_failure(target, OSError(exc.errno, ""), "back up into") from None
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
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


class FileRestore(NamedTuple):
    """What restoring one file does: its records now and in the backup.

    (A NamedTuple: every command makes its records' classes, and a dataclass costs ~0.5 ms
    at start-up, a NamedTuple a fifth of that.)
    """

    name: str
    now: int | None  # records in the current file (None: missing or unreadable)
    then: int
    same: bool  # the backup's copy is byte for byte the current file

    def describe(self) -> str:
        """One line for the confirmation: "items.json  142 records now, 139 in the backup"."""
        now = "unreadable or missing now" if self.now is None else f"{self.now} records now"
        return f"{self.name:<18} {now}, {self.then} in the backup"


def _records(body: bytes) -> int:
    tables = parse(body)
    return sum(len(rows) for name, rows in tables.items() if name != "meta")


def _source(root: Path, name: str | Path | None) -> tuple[str, Path]:
    """The backup to read: one of the workspace's own, by name (never a path: a name
    like "/tmp/x" or "../x" must not reach outside `backups/`), or a folder given as a
    `Path` (`restore --from DIR`, which the command line confirms first)."""
    if isinstance(name, Path):
        folder = name.expanduser().resolve()
        if not folder.is_dir():
            raise StorageError(f"{name} is not a folder to restore from")
        if not any(folder.glob(FILES_GLOB)):
            raise StorageError(f"{name} holds no workspace files (items.json, …) to restore")
        return str(folder), folder
    names = [n for n in list_backups(root) if not n.startswith(SAVED_PREFIX)]
    if name is None:
        if not names:
            raise StorageError(f"{root} has no backups to restore")
        name = names[0]
    if name not in list_backups(root):
        known = ", ".join(list_backups(root)[:8]) or "none"
        raise StorageError(
            f"{name!r} is not a backup of this workspace (have: {known}); see "
            "`cockpit restore --list`, or restore from another folder with "
            "`cockpit restore --from DIR`, which asks first"
        )
    return name, backups_dir(root) / name


def _read_checked(
    root: Path, name: str | Path | None, files: tuple[str, ...]
) -> tuple[str, dict[str, bytes]]:
    """The backup's name and the bytes of the files to bring back, each checked."""
    name, source = _source(root, name)
    try:
        present = {p.name: p for p in sorted(source.glob(FILES_GLOB))}
        wanted = files or tuple(present)
        missing = [f for f in wanted if f not in present]
        if missing:
            have = ", ".join(present) or "no files"
            raise StorageError(f"backup {name} has no {missing[0]} (it holds {have})")
        bodies = {f: present[f].read_bytes() for f in wanted}
    except OSError as exc:
        raise os_failure(source, exc, "read") from None
    for file_name, body in bodies.items():
        if file_name == "workspace.json":
            continue
        try:
            decode(source / file_name, body)
        except CorruptFileError as exc:
            raise StorageError(
                f"backup {name} is damaged too: {exc.problem} in {source / file_name}"
            ) from None
    return name, bodies


def plan_restore(
    root: Path, name: str | Path | None, files: tuple[str, ...] = ()
) -> tuple[str, list[FileRestore]]:
    """What `restore_backup` would replace, without touching anything.

    Raises:
        StorageError: no such backup or file in it, or the backup is damaged.
    """
    name, bodies = _read_checked(root, name, files)
    out = []
    for file_name, body in bodies.items():
        if file_name == "workspace.json":
            continue
        current = root / file_name
        try:
            now_body: bytes | None = current.read_bytes()
        except OSError:
            now_body = None
        try:
            now = None if now_body is None else _records(now_body)
        except ValueError:
            now = None
        out.append(FileRestore(file_name, now, _records(body), now_body == body))
    return name, out


def restore_backup(
    root: Path,
    name: str | Path | None,
    stamp: str,
    lock: WorkspaceLock,
    files: tuple[str, ...] = (),
) -> tuple[str, str]:
    """Bring back backup `name` (default: the newest), whole or only `files`
    (file names such as "items.json"). `name` is one of the workspace's backups, or a
    `Path` to a folder of workspace files (`restore --from`).

    Returns:
        The name restored and the name of the folder holding the replaced files.

    The backup's files are checked before anything is replaced; the files about to be
    replaced are saved as `pre-restore-STAMP` first (even when they are corrupt).

    Raises:
        StorageError: no such backup (or file in it), or the backup itself is unreadable.
    """
    # Read once: what was checked is what gets written, even if `pre-restore-…` below
    # lands on the same name as the source.
    name, bodies = _read_checked(root, name, files)
    with lock.hold():
        # Never overwrite an earlier pre-restore folder (two restores in one second).
        saved, n = f"{SAVED_PREFIX}{stamp}", 1
        while (backups_dir(root) / saved).exists():
            n += 1
            saved = f"{SAVED_PREFIX}{stamp}-{n}"
        make_backup(root, saved, lock, only=tuple(files))
        for file_name, body in bodies.items():
            atomic_write(root / file_name, body)
    return name, saved
