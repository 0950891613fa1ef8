"""The command line: `main` builds the parser, one module per command group; turns
domain errors into one sentence and an exit status. Imports textual only to start the TUI.

`run` is the console script. `cockpit --version` is answered here, before the parser,
the label catalog and typing are imported: they were three quarters of its time
(~30 ms, as long as the interpreter's own start).
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # `typing` itself is one of the imports --version does without
if TYPE_CHECKING:
    from typing import NoReturn


def run() -> NoReturn:
    """The `cockpit` console script (and `python -m cockpit`): see `main.run`."""
    if sys.argv[1:] == ["--version"]:  # what argparse's version action prints
        from cockpit import __version__

        sys.stdout.write(f"cockpit {__version__}\n")
        sys.stdout.flush()
        raise SystemExit(0)
    import gc

    # Importing the command line allocates thousands of objects that live to the end:
    # the collector is held off from here, as `main` does for the command (~2 ms of every
    # start); `main` puts `thresholds` back (for the TUI, and when it returns).
    thresholds = gc.get_threshold()
    gc.set_threshold(50_000, *thresholds[1:])
    from cockpit.cli.main import run as run_main

    run_main(thresholds)
