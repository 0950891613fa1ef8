"""A TinyDB storage that is atomic, stamp-cached, batchable and safe to read from any
thread while another one writes.

- The *snapshot* is the file's committed content as last read or written. It is never
  changed in place: readers (the UI thread, a background refresh) may hold on to it
  and iterate it while a write is under way.
- `read()` re-parses the file only when its stamp (inode, size, mtime) changed, so a
  keypress does not re-read the file, yet another process's write is always seen.
- A *batch* (a workspace transaction) belongs to the thread that holds the workspace
  lock. That thread reads and changes a private working copy (a new top-level dict;
  `CopyOnWriteTable` never edits a stored document in place); every other thread
  keeps reading the snapshot, so nobody ever sees half a change. `end(commit=True)`
  writes once and publishes the working copy as the new snapshot; a rollback simply
  drops it.
- A file that does not parse raises `CorruptFileError` and is never written over: every
  write follows a successful read of the same file.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from tinydb.storages import Storage

from cockpit.storage import shapes
from cockpit.storage.atomic import atomic_write
from cockpit.storage.checked import vouch, vouched
from cockpit.storage.codec import Tables, encode, parse
from cockpit.storage.delta import published
from cockpit.storage.errors import CorruptFileError, os_failure

__all__ = ["AtomicJSONStorage", "Stamp", "Tables", "decode", "encode", "file_stamp"]

Stamp = tuple[int, int, int]


def file_stamp(path: Path) -> Stamp | None:
    """Identity of the file's current content; None when it does not exist.

    Raises:
        FileAccessError: the file's status cannot be read (e.g. permission denied).
    """
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise os_failure(path, exc, "read") from None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def decode(path: Path, raw: bytes, *, checked: bool = False) -> Tables:
    """Parse and sanity-check a workspace file (`checked`: this version of it passed
    the record-shape check already, see `storage.checked`; only parsed).

    Raises:
        CorruptFileError: when the bytes are not a JSON object of tables, or a record
            has the wrong shape (`shapes`: a title that is a number, a record that is
            a list …).
    """
    try:
        data = parse(raw)
    except ValueError as exc:
        raise CorruptFileError(path, str(exc)) from None
    if checked:
        return data
    if (wrong := shapes.problem(path.stem, data)) is not None:  # a title that is a number…
        raise CorruptFileError(path, wrong)
    return data


class AtomicJSONStorage(Storage):
    """TinyDB storage for one workspace file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._guard = threading.Lock()  # swaps of snapshot and stamp
        self._snapshot: Tables | None = None
        self._stamp: Stamp | None = None
        self._owner: int | None = None  # the thread running the batch
        self._batch = 0
        self._work: Tables | None = None
        self._dirty = False
        self._checked = False  # the snapshot passed the shape check (`storage.checked`)

    # TinyDB's interface -------------------------------------------------------------
    def read(self) -> Tables:
        if self._batch and self._owner == threading.get_ident():
            if self._work is None:
                # First read under the lock: check the stamp (another process may have
                # written), then work on a private top-level copy.
                self._work = dict(self.committed())
            return self._work
        return self.committed()

    def write(self, data: Tables) -> None:
        if not (self._batch and self._owner == threading.get_ident()):
            # Outside a transaction there is no lock, so another process's change
            # could be lost; and the snapshot must never change in place.
            raise RuntimeError(f"{self.path.name}: writes happen inside a transaction")
        self._work = data
        self._dirty = True

    def close(self) -> None:
        pass

    # snapshots ----------------------------------------------------------------------
    def committed(self) -> Tables:
        """The file's committed content (parsed again only when its stamp changed).

        The result is shared: callers read it and never change it.
        """
        stamp = file_stamp(self.path)
        with self._guard:
            if stamp == self._stamp and self._snapshot is not None:
                return self._snapshot
        if stamp is None:
            fresh: Tables = {}
        else:
            try:
                raw, stamp = _read(self.path)
            except FileNotFoundError:
                raw, stamp = b"{}", None  # replaced between stat and read: read again later
            except OSError as exc:
                raise os_failure(self.path, exc, "read") from None
            fresh = decode(self.path, raw, checked=stamp is not None and vouched(self.path, stamp))
        with self._guard:
            self._snapshot, self._stamp, self._checked = fresh, stamp, True
        return fresh

    def last_seen(self) -> Tables | None:
        """The snapshot as last read or written, without looking at the disk: what this
        process showed (None when the file was never read)."""
        with self._guard:
            return self._snapshot

    # batching -----------------------------------------------------------------------
    def begin(self) -> None:
        """Enter a batch (called with the workspace lock held, by the thread holding it)."""
        if self._batch == 0:
            self._owner = threading.get_ident()
            self._work = None
            self._dirty = False
        self._batch += 1

    def end(self, commit: bool) -> None:
        """Leave a batch; the outermost end writes once if anything changed."""
        self._batch -= 1
        if self._batch:
            return
        work, dirty = self._work, self._dirty
        self._work, self._dirty, self._owner = None, False, None
        if commit and dirty and work is not None:
            self._write_now(work)

    def invalidate(self) -> None:
        """Forget the snapshot; the next read parses the file."""
        with self._guard:
            self._snapshot, self._stamp, self._checked = None, None, False

    @property
    def stamp(self) -> Stamp | None:
        """Stamp of the content we last read or wrote."""
        return self._stamp

    def _write_now(self, data: Tables) -> None:
        base = self._snapshot if self._checked else None  # what `data` was made from
        atomic_write(self.path, encode(data))  # on failure the snapshot stays the truth
        stamp = file_stamp(self.path)
        published(data)
        checked = vouch(self.path, stamp, data, base)
        with self._guard:
            self._snapshot, self._stamp, self._checked = data, stamp, checked


def _read(path: Path) -> tuple[bytes, Stamp | None]:
    """The file's bytes and the stamp of exactly those bytes (taken from the open file,
    before and after reading: a file rewritten in place meanwhile has no stamp, so its
    content is checked in full and read again next time)."""
    with open(path, "rb") as file:
        before = os.fstat(file.fileno())
        raw = file.read()
        after = os.fstat(file.fileno())
    stamp = (before.st_ino, before.st_size, before.st_mtime_ns)
    same = stamp == (after.st_ino, after.st_size, after.st_mtime_ns)
    return raw, stamp if same and len(raw) == before.st_size else None
