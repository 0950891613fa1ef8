"""TinyDB files of a cockpit workspace: atomic writes, locking, schema, backups.

Nothing here imports textual or the rest of cockpit; it deals in plain dicts.
"""

from cockpit.storage.errors import CorruptFileError, LockTimeoutError, SchemaError, StorageError
from cockpit.storage.files import WorkspaceFiles

__all__ = [
    "CorruptFileError",
    "LockTimeoutError",
    "SchemaError",
    "StorageError",
    "WorkspaceFiles",
]
