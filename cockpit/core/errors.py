"""Every refusal the domain can give, in one leaf module (it imports only the label
catalog, `cockpit.core.i18n`, which imports nothing else of ours).

A refusal carries a message key of the catalog and its arguments, not a sentence:
`str()` words it in the language active where it is shown, so the same error reads in
English or Chinese (`render(lang)` picks one). The CLI turns them into exit statuses
(`cockpit.cli.exits`), the TUI into a notification. Storage failures have their own
base, `cockpit.storage.StorageError`, because storage sits below the domain.
"""

from __future__ import annotations

from cockpit.core.i18n import Message, render


class CockpitError(Exception):
    """Base of every domain refusal: a catalog key and its arguments (`str()` is the
    sentence for the user, in the active language)."""

    def __init__(self, key: str, /, **args: object) -> None:
        super().__init__(key)
        self.key = key
        self.fields: dict[str, object] = args

    @property
    def message(self) -> Message:
        """The refusal as a `Message`, to be worded later (a toast, an undo step)."""
        return Message(self.key, self.fields)

    def render(self, lang: str | None = None) -> str:
        """The sentence in `lang` (default: the active language)."""
        return render(self.key, self.fields, lang)

    def __str__(self) -> str:
        return self.render()


class NotFoundError(CockpitError, LookupError):
    """No record with that id or name."""

    def __str__(self) -> str:  # LookupError's own __str__ would quote the key
        return self.render()


class InvalidError(CockpitError, ValueError):
    """A value the user gave that the domain refuses."""


class ConflictError(CockpitError):
    """A record was changed elsewhere (another window, a CLI run from cron) in the same
    fields since the user saw it; nothing was written. `what` is the refused change."""

    def __init__(self, what: object = "") -> None:
        self.what = what  # the step's label: a Message, worded with the sentence
        super().__init__("err.conflict.what" if what else "err.conflict", what=what)


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
