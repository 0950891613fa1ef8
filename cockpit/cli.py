"""The command line: `cockpit [--data-dir D] [--config F] [COMMAND ...]`.

Without a command it starts the TUI; textual is imported only then, so scripted commands
(`cockpit add` from cron, say) stay fast. Errors are one sentence on stderr and a
non-zero status: 1 for bad input, 2 for usage, 3 for a workspace that cannot be used.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from cockpit import __version__

EXIT_INPUT = 1
EXIT_STORAGE = 3


class CliError(Exception):
    """A failure to report as one sentence with an exit status."""

    def __init__(self, message: str, status: int = EXIT_INPUT) -> None:
        super().__init__(message)
        self.status = status


def build_parser() -> argparse.ArgumentParser:
    """The whole command tree (subcommands live in `cockpit.commands`)."""
    from cockpit.commands import register

    parser = argparse.ArgumentParser(
        prog="cockpit",
        description="A keyboard-driven terminal cockpit for a product manager.",
    )
    parser.add_argument("--data-dir", type=Path, help="workspace directory")
    parser.add_argument("--config", type=Path, help="config file (TOML)")
    parser.add_argument(
        "--demo", action="store_true", help="open a fresh copy of the bundled demo workspace"
    )
    parser.add_argument("--version", action="version", version=f"cockpit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `cockpit` console script."""
    from cockpit.config import ConfigError
    from cockpit.storage import StorageError

    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            from cockpit.launch import start_tui

            return start_tui(args)
        handler = args.handler
        result: int = handler(args)
        return result
    except CliError as exc:
        _fail(str(exc))
        return exc.status
    except StorageError as exc:
        _fail(str(exc))
        return EXIT_STORAGE
    except ConfigError as exc:
        _fail(str(exc))
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def _fail(message: str) -> None:
    message = message.rstrip(".")
    print(f"cockpit: {message}.", file=sys.stderr)
