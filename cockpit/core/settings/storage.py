"""`[storage]`, the one settings area every command reads (the archive window and the
daily backups), in a module of its own so that reading it defines no other area."""

from __future__ import annotations

from dataclasses import dataclass

from cockpit.core.settings.read import setting


@dataclass(slots=True)
class StorageSettings:
    """`[storage]`: the hot file, the archive and the daily backups."""

    archive_after_weeks: int = setting(4, low=1, high=520)
    """Finished items older than this many weeks move from the hot file to the archive."""

    backups_keep: int = setting(7, low=1, high=365)
    """How many daily backups to keep."""
