"""Every refusal the domain can give, in one leaf module (it imports nothing of ours).

`str()` of each is the one sentence shown to the user. The CLI turns them into exit
statuses (`cockpit.cli.exits`), the TUI into a notification. Storage failures have their
own base, `cockpit.storage.StorageError`, because storage sits below the domain.
"""

from __future__ import annotations


class CockpitError(Exception):
    """Base of every domain refusal; `str()` is the sentence for the user."""


class NotFoundError(CockpitError, LookupError):
    """No record with that id or name."""


class InvalidError(CockpitError, ValueError):
    """A value the user gave that the domain refuses."""


class ConflictError(CockpitError):
    """A record was changed elsewhere (another window, a CLI run from cron) in the same
    fields since the user saw it; nothing was written. `what` is the refused change."""

    def __init__(self, what: str = "") -> None:
        self.what = what
        prefix = f"{what}: " if what else ""
        super().__init__(f"{prefix}changed in another window - reloaded")


class ConfigError(CockpitError, ValueError):
    """The config file exists but says something we cannot use."""


class ImportFileError(InvalidError):
    """A file to import (CSV, taskwarrior export, metrics sheet) that cannot be used;
    the sentence names the file and, where there is one, the line."""


class DateError(InvalidError):
    """Text that is not a date we understand."""


class WeekError(InvalidError):
    """Text that is not a week we understand."""


class RoutineConfigError(InvalidError):
    """A [[routines]] entry of the config that cannot be used; names the entry and field."""
