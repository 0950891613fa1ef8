"""Storage failures, each rendered as one sentence the user can act on."""

from __future__ import annotations

from pathlib import Path


class StorageError(Exception):
    """Base of every storage failure; `str()` is the sentence shown to the user."""


class CorruptFileError(StorageError):
    """A data file that cannot be read; it is left exactly as it is."""

    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(
            f"{path} cannot be read ({problem}); it was left untouched - "
            f"run `cockpit --data-dir {path.parent} restore` to bring back the last backup"
        )


class SchemaError(StorageError):
    """The workspace was written by a newer cockpit, or a migration failed."""


class LockTimeoutError(StorageError):
    """Another process held the workspace lock for too long."""
