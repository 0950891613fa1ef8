"""Exit statuses of the command line and the error that carries one.

1 bad input (a domain refusal), 2 usage (argparse's own), 3 a workspace that cannot be
used (storage). Domain code never raises `CliError`: it raises `cockpit.core.errors`,
and `cockpit.cli.main` turns those into a sentence and a status.
"""

from __future__ import annotations

from cockpit.core.i18n import render

EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_STORAGE = 3


class CliError(Exception):
    """A failure to report as one sentence with an exit status: a catalog key and its
    arguments, worded in the configured language when printed."""

    def __init__(self, key: str, status: int = EXIT_INPUT, /, **args: object) -> None:
        super().__init__(key)
        self.key = key
        self.fields = args
        self.status = status

    def __str__(self) -> str:
        return render(self.key, self.fields)
