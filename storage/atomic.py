"""Crash-safe file replacement.

A reader (another process, or this one after a crash) sees either the whole old file or
the whole new one: we write a temp file in the same directory, flush and fsync it,
`os.replace` it over the target, then fsync the directory so the rename itself is durable.

What the user set up is respected, never silently replaced:
- a file without the owner's write bit (`chmod 444 items.json`) is refused with a
  sentence, not swapped for a writable copy;
- a file ends up 0600 (workspace data is private), and one root rewrites keeps its owner;
- a symbolic link is written *through*: the file it points to is replaced (atomically,
  in that file's own directory) and the link stays. A link to nothing is refused.

Every OS failure becomes a `FileAccessError` naming the file, and no temp file is left.
"""

from __future__ import annotations

import contextlib
import os
import stat
import threading
from pathlib import Path

from cockpit.storage.errors import FileAccessError, ReadOnlyFileError, os_failure

FILE_MODE = 0o600
DIR_MODE = 0o700


def fsync_dir(path: Path) -> None:
    """Make a rename or create inside `path` durable."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_target(path: Path) -> Path:
    """The file a write of `path` replaces: `path` itself, or what its link points to.

    Raises:
        FileAccessError: `path` is a link to nothing.
    """
    if not path.is_symlink():
        return path
    target = Path(os.path.realpath(path))
    if not target.exists():
        raise FileAccessError(
            path,
            f"cannot save {path}: it is a link to {target}, which does not exist - "
            "fix or remove the link",
        )
    return target


def check_writable(path: Path) -> os.stat_result | None:
    """The current status of `path` (None when it does not exist yet).

    Raises:
        ReadOnlyFileError: the owner's write bit is off; it must not be replaced.
        FileAccessError: the status cannot be read.
    """
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise os_failure(path, exc) from None
    if stat.S_ISREG(st.st_mode) and not st.st_mode & stat.S_IWUSR:
        mode = stat.S_IMODE(st.st_mode)
        raise ReadOnlyFileError(
            path,
            f"cannot save {path}: it is read-only (mode {mode:04o}) and cockpit will not "
            f"replace it - make it writable (chmod u+w {path}) to save changes again",
        )
    return st


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` atomically and durably.

    The file ends up 0600 (keeping its owner when root rewrites it); a link is written
    through; a read-only file is refused (see the module docstring).

    Raises:
        FileAccessError: one sentence (full disk, permission denied, read-only file or
            file system, ...); the old file is intact and no temp file is left.
    """
    target = write_target(path)
    before = check_writable(target)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_native_id()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    except OSError as exc:
        raise os_failure(path, exc) from None
    try:
        if before is not None:
            _keep_owner(fd, before)
        write_all(fd, data)
        os.fsync(fd)
        os.close(fd)
        fd = -1
        os.replace(tmp, target)
    except BaseException as exc:
        if fd >= 0:
            os.close(fd)
        tmp.unlink(missing_ok=True)  # e.g. `path` is a directory: leave no temp behind
        if isinstance(exc, OSError):
            raise os_failure(path, exc) from None
        raise
    # The rename happened: the new content is what every reader sees now. A directory
    # that refuses fsync only leaves its durability across a power cut in doubt, which
    # is no reason to tell the user the save failed.
    with contextlib.suppress(OSError):
        fsync_dir(target.parent)


def write_all(fd: int, data: bytes) -> None:
    """Write every byte of `data` to `fd` (a short write is continued)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _keep_owner(fd: int, before: os.stat_result) -> None:
    if os.geteuid() == 0 and (before.st_uid, before.st_gid) != (0, 0):
        # root (sudo, a container) must not leave the user's files owned by root
        with contextlib.suppress(OSError):
            os.fchown(fd, before.st_uid, before.st_gid)


def ensure_dir(path: Path) -> None:
    """Create `path` (and parents) private to the user if it does not exist.

    Raises:
        FileAccessError: it cannot be created.
    """
    try:
        path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    except FileExistsError:
        raise FileAccessError(
            path, f"cannot use {path}: it is a file, not a folder - move it away"
        ) from None
    except OSError as exc:
        raise os_failure(path, exc, "create") from None
