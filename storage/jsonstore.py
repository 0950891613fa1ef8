"""A TinyDB storage that is atomic, stamp-cached and batchable.

- `read()` re-parses the file only when its stamp (inode, size, mtime) changed, so a
  keypress does not re-read the file, yet another process's write is always seen.
- `write()` replaces the file atomically. Inside a batch (a workspace transaction) it
  only marks the data dirty; `flush()` writes once at the end, so an operation that
  touches several documents costs one fsync.
- A file that does not parse raises `CorruptFileError` and is never written over: every
  write follows a successful read of the same file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from cockpit.storage import shapes
from cockpit.storage.atomic import atomic_write
from cockpit.storage.errors import CorruptFileError

Tables = dict[str, dict[str, Any]]
Stamp = tuple[int, int, int]


def file_stamp(path: Path) -> Stamp | None:
    """Identity of the file's current content; None when it does not exist."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def encode(data: Tables) -> bytes:
    """Compact UTF-8 JSON (Chinese stays readable and small).

    orjson rather than the json module: encoding the hot file is most of a keypress's
    cost, and orjson does it about ten times faster (the bench's triage p95 depends on it).
    """
    return orjson.dumps(data)


def decode(path: Path, raw: bytes) -> Tables:
    """Parse and sanity-check a workspace file.

    Raises:
        CorruptFileError: when the bytes are not a JSON object of tables, or a record
            has the wrong shape (`shapes`: a title that is a number, a record that is
            a list …).
    """
    if not raw.strip():
        raise CorruptFileError(path, "the file is empty")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        if "utf-8" in str(exc).lower():
            raise CorruptFileError(path, "not UTF-8 text") from None
        raise CorruptFileError(
            path, f"invalid JSON at line {exc.lineno} column {exc.colno}"
        ) from None
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise CorruptFileError(path, "not a table of records")
    if (wrong := shapes.problem(path.stem, data)) is not None:  # a title that is a number…
        raise CorruptFileError(path, wrong)
    return data


class AtomicJSONStorage(Storage):
    """TinyDB storage for one workspace file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._cache: Tables | None = None
        self._stamp: Stamp | None = None
        self._batch = 0
        self._dirty = False
        self._checked = False

    # TinyDB's interface -------------------------------------------------------------
    def read(self) -> Tables:
        if self._batch and self._checked and self._cache is not None:
            return self._cache  # checked once under the lock: our copy is the truth
        self._checked = bool(self._batch)
        stamp = file_stamp(self.path)
        if stamp is not None and stamp == self._stamp and self._cache is not None:
            return self._cache
        if stamp is None:
            self._cache, self._stamp = {}, None
            return self._cache
        try:
            raw = self.path.read_bytes()
        except OSError as exc:
            raise CorruptFileError(self.path, exc.strerror or str(exc)) from None
        self._cache = decode(self.path, raw)
        self._stamp = stamp
        return self._cache

    def write(self, data: Tables) -> None:
        self._cache = data
        if self._batch:
            self._dirty = True
            return
        self._write_now(data)

    def close(self) -> None:
        pass

    # batching -----------------------------------------------------------------------
    def begin(self) -> None:
        """Enter a batch (called with the workspace lock held)."""
        if self._batch == 0:
            self._dirty = False
            self._checked = False  # the first read under the lock checks the stamp
        self._batch += 1

    def end(self, commit: bool) -> None:
        """Leave a batch; the outermost end writes once if anything changed."""
        self._batch -= 1
        if self._batch:
            return
        if commit and self._dirty and self._cache is not None:
            self._write_now(self._cache)
        elif not commit and self._dirty:
            self.invalidate()
        self._dirty = False

    def invalidate(self) -> None:
        """Forget the cached copy; the next read parses the file."""
        self._cache, self._stamp = None, None

    @property
    def stamp(self) -> Stamp | None:
        """Stamp of the content we last read or wrote."""
        return self._stamp

    def _write_now(self, data: Tables) -> None:
        try:
            atomic_write(self.path, encode(data))
        except BaseException:
            self.invalidate()
            raise
        self._stamp = file_stamp(self.path)
