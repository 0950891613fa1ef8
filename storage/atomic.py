"""Crash-safe file replacement.

A reader (another process, or this one after a crash) sees either the whole old file or
the whole new one: we write a temp file in the same directory, flush and fsync it,
`os.replace` it over the target, then fsync the directory so the rename itself is durable.
"""

from __future__ import annotations

import os
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700


def fsync_dir(path: Path) -> None:
    """Make a rename or create inside `path` durable."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` atomically and durably; the file ends up 0600."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        tmp.unlink(missing_ok=True)
        raise
    os.close(fd)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)  # e.g. `path` is a directory: leave no temp behind
        raise
    fsync_dir(path.parent)


def ensure_dir(path: Path) -> None:
    """Create `path` (and parents) private to the user if it does not exist."""
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
