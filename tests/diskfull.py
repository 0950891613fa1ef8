"""A real full disk for the tests: a small tmpfs mounted under the test's tmp_path (when
the tests run as root, as in CI containers), filled to the last byte on demand.

Where mounting is not allowed the tests that need it skip; `inject_enospc` gives the
same failure in-process by making the write itself fail, as a full disk does.
"""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

SIZE = "2m"


@contextmanager
def small_disk(where: Path) -> Iterator[Path]:
    """Mount a tmpfs of `SIZE` at `where` (skips the test when that is not possible)."""
    where.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root (see inject_enospc)")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={SIZE},mode=0755", "tmpfs", str(where)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)


def fill(disk: Path) -> Path:
    """Take every free byte of `disk`; returns the filler (delete it to make room)."""
    filler = disk / "filler.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    chunk = b"\0" * 65536
    try:
        while True:
            try:
                os.write(fd, chunk)
            except OSError as exc:
                if exc.errno != errno.ENOSPC:
                    raise
                if len(chunk) == 1:
                    break
                chunk = chunk[: len(chunk) // 2]
    finally:
        os.close(fd)
    return filler


def inject_enospc(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every atomic write fails as on a full disk (for machines that cannot mount)."""
    import cockpit.storage.atomic as atomic

    def full(fd: int, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic, "write_all", full)
