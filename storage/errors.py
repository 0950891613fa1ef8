"""Storage failures, each rendered as one sentence the user can act on: which file, what
went wrong, what to do. Every `OSError` of the storage layer becomes one of these
(`os_failure`), so neither the CLI nor the TUI ever shows a raw errno or a traceback."""

from __future__ import annotations

import errno
from pathlib import Path

from cockpit.storage.catalog import good_copy


class StorageError(Exception):
    """Base of every storage failure; `str()` is the sentence shown to the user."""


class CorruptFileError(StorageError):
    """A data file that cannot be read; it is left exactly as it is.

    The sentence names the one command that brings back this file alone from the newest
    backup holding a good copy of it (the other files are not touched by that command).
    """

    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        self.problem = problem
        root = path.parent
        source = good_copy(root, path.name)
        if source is None:
            advice = (
                f"no backup holds a readable copy of it (`cockpit --data-dir {root} restore "
                "--list` shows the backups) - repair it by hand, or move it away to start "
                "that file empty"
            )
        else:
            advice = (
                f"run `cockpit --data-dir {root} restore {source} --file {path.name}` "
                "to bring back that file from the newest good backup"
            )
        super().__init__(f"{path} cannot be read ({problem}); it was left untouched - {advice}")


class SchemaError(StorageError):
    """The workspace was written by a newer cockpit, or a migration failed."""


class LockTimeoutError(StorageError):
    """Another process held the workspace lock for too long."""


class FileAccessError(StorageError):
    """The operating system refused an operation on a workspace file (full disk,
    permission denied, read-only file system, ...). Nothing was half-written."""

    def __init__(self, path: Path, message: str, code: int | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.errno = code


class ReadOnlyFileError(FileAccessError):
    """A file the user made read-only: cockpit refuses to replace it."""


# What to do, by errno: the advice half of the sentence.
_ADVICE = {
    errno.ENOSPC: ("the disk is full", "free some space and try again"),
    errno.EDQUOT: ("the disk quota is used up", "free some space and try again"),
    errno.EACCES: ("permission denied", "make {where} writable by you and try again"),
    errno.EPERM: ("the operation is not permitted", "make {where} writable by you"),
    errno.EROFS: (
        "the file system is read-only",
        "remount it writable or use another --data-dir",
    ),
    errno.EFBIG: ("the file is larger than allowed", "raise the file-size limit (ulimit -f)"),
    errno.EIO: ("an input/output error", "check the disk (it may be failing)"),
    errno.ENOENT: ("it does not exist", "check that the folder was not moved or deleted"),
    errno.ENOTDIR: ("a part of the path is not a folder", "check the path"),
    errno.EISDIR: ("it is a folder", "move that folder away"),
    errno.ELOOP: ("it is a loop of links", "fix the links"),
    errno.EMFILE: ("too many files are open", "close some programs and try again"),
    errno.ENOLCK: ("the system has no locks left", "try again later"),
}


def os_failure(path: Path, exc: OSError, doing: str = "save") -> FileAccessError:
    """One sentence for an OS error met while `doing` ("save", "read", "lock", "back up
    into", "create") `path`: which file, what went wrong, what to do."""
    code = exc.errno
    what, advice = _ADVICE.get(code or -1, (exc.strerror or str(exc), "check the disk"))
    if code == errno.ENOENT and doing in ("save", "back up into"):
        what, advice = "its folder does not exist", "create the folder or choose another path"
    where = path.parent if doing in ("save", "create", "back up into") else path
    advice = advice.format(where=where)
    return FileAccessError(path, f"cannot {doing} {path}: {what} - {advice}", code)
