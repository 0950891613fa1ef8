"""The workspace lock: one exclusive `flock` on `<workspace>/.lock`.

Every read-modify-write of any workspace file happens under it, so the open TUI, a CLI
run from cron and a second terminal never lose each other's changes. The lock is
re-entrant within a process (threads queue on an RLock) so nested transactions are fine.
`fcntl.flock` is POSIX-only; cockpit is a terminal program for POSIX systems.

The holder writes its pid into the lock file (no fsync: it only matters while the lock
is held), so a waiting process and `cockpit doctor` can say who holds it.
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cockpit.storage.atomic import FILE_MODE
from cockpit.storage.errors import LockTimeoutError, os_failure


class WorkspaceLock:
    """Re-entrant, cross-process exclusive lock."""

    def __init__(self, path: Path, timeout: float = 15.0) -> None:
        self.path = path
        self.timeout = timeout
        self._local = threading.RLock()
        self._depth = 0
        self._fd: int | None = None

    @contextmanager
    def hold(self) -> Iterator[None]:
        """Hold the lock for the duration of the block."""
        with self._local:
            if self._depth == 0:
                self._acquire()
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self._release()

    @property
    def held(self) -> bool:
        """True while this process holds the lock (in any thread)."""
        return self._depth > 0

    def _acquire(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        except OSError as exc:
            raise os_failure(self.path, exc, "lock") from None
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if not isinstance(exc, BlockingIOError):
                    os.close(fd)
                    raise os_failure(self.path, exc, "lock") from None
                if time.monotonic() > deadline:
                    os.close(fd)
                    pid = _recorded_pid(self.path)
                    who = f" (pid {pid})" if pid is not None else ""
                    raise LockTimeoutError(
                        f"{self.path.parent} is locked by another cockpit process{who} "
                        f"for more than {self.timeout:.0f} s; try again"
                    ) from None
                time.sleep(0.002)
        self._fd = fd
        _record_pid(fd)

    def _release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


def _record_pid(fd: int) -> None:
    # Best effort: a full disk must not stop the transaction the lock protects.
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
    except OSError:
        pass


def _recorded_pid(path: Path) -> int | None:
    try:
        text = path.read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


def lock_holder(path: Path) -> tuple[bool, int | None]:
    """Whether some process holds the lock file `path` right now, and its pid.

    Read-only: a missing lock file is not created (nobody holds it). The probe takes
    a shared lock for an instant and never waits.
    """
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False, None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True, _recorded_pid(path)
        except OSError:
            return False, None
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False, None
    finally:
        os.close(fd)
