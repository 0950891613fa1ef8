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
from typing import Any, TextIO

from cockpit import __version__
from cockpit.cli.exits import EXIT_INPUT, EXIT_STORAGE, CliError
from cockpit.core.errors import CockpitError
from cockpit.core.text import clean_text, terminal_safe, undecodable

__all__ = ["EXIT_INPUT", "EXIT_STORAGE", "CliError", "build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    """The whole command tree: one module per command group registers its commands."""
    # For start-up time: `cockpit --version` never needs the command modules.
    from cockpit.cli.customers import register_customers
    from cockpit.cli.data import register_data
    from cockpit.cli.feeds import register_feeds
    from cockpit.cli.ical import register_ical
    from cockpit.cli.items import register_items
    from cockpit.cli.metrics import register_metrics
    from cockpit.cli.planning import register_planning
    from cockpit.cli.report import register_report

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
    for register_group in (
        register_items,
        register_customers,
        register_data,
        register_metrics,
        register_planning,
        register_ical,
        register_feeds,
        register_report,
    ):
        register_group(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `cockpit` console script."""
    # Imported here, not at the top, for start-up time: storage pulls in tinydb and orjson.
    from cockpit.storage import StorageError

    argv = list(sys.argv[1:] if argv is None else argv)
    for n, arg in enumerate(argv, 1):
        if (byte := undecodable(arg)) is not None:
            _fail(f"argument {n} is not UTF-8 text (it holds the byte {byte}); pass text as UTF-8")
            return EXIT_INPUT
    parser = build_parser()
    args = parser.parse_args(argv)
    out, err = sys.stdout, sys.stderr
    try:
        if args.command is None:
            from cockpit.tui import start_tui

            return start_tui(args)
        # Whatever a command prints passes through the sanitiser (see `SafeStream`).
        sys.stdout, sys.stderr = SafeStream(out), SafeStream(err)
        handler = args.handler
        result: int = handler(args)
        return result
    except CliError as exc:
        _fail(str(exc))
        return exc.status
    except StorageError as exc:
        _fail(str(exc))
        return EXIT_STORAGE
    except CockpitError as exc:  # a domain refusal that no command turned into a CliError
        _fail(str(exc))
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    finally:
        sys.stdout, sys.stderr = out, err


def _fail(message: str) -> None:
    # One sentence, ending in one full stop (or the question it asks).
    message = clean_text(message).rstrip(".")
    end = "" if message.endswith(("?", "!")) else "."
    print(f"cockpit: {message}{end}", file=sys.stderr)


class SafeStream:
    """A text stream that drops escape sequences and control characters on the way out.

    Records are sanitised when they enter the domain; this is the last guard for what
    was stored before that (or edited by hand): no listing, report or export printed
    by the command line can set the terminal's title or colours.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(terminal_safe(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)
