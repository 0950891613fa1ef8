"""The command line: `cockpit [--data-dir D] [--config F] [COMMAND ...]`.

Without a command it starts the TUI; textual is imported only then, so scripted commands
(`cockpit add` from cron, say) stay fast. Errors are one sentence on stderr and a
non-zero status: 1 for bad input, 2 for usage, 3 for a workspace that cannot be used.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from cockpit import __version__
from cockpit.cli import usage
from cockpit.cli.exits import EXIT_INPUT, EXIT_STORAGE, CliError
from cockpit.core.errors import CockpitError
from cockpit.core.i18n import language, t
from cockpit.core.text import clean_text, terminal_safe, undecodable

__all__ = [
    "EXIT_INPUT",
    "EXIT_STORAGE",
    "GROUPS",
    "CliError",
    "build_parser",
    "command_in",
    "main",
    "run",
]


# The module of each command group (`cockpit.cli.<module>`, `register_<module>`) and the
# top-level commands it registers. A run registers only the group of the command it
# runs: importing every group pulls in the whole domain (planning, metrics, feeds,
# calendars), most of what `cockpit add` used to cost. `--help`, a command missing from
# this table and anything the scan below does not understand get the whole tree, so a
# new command works before it is listed; a test keeps the table true.
GROUPS: dict[str, tuple[str, ...]] = {
    "items": ("add", "ls", "done", "defer", "drop"),
    "editing": ("edit", "note", "show", "undo"),
    "customers": ("customers",),
    "data": ("import", "export", "backup", "restore"),
    "metrics": ("metrics",),
    "planning": ("req", "launch"),
    "goals": ("goals", "roadmap"),
    "ical": ("ical", "routines", "remind"),
    "feeds": ("feeds",),
    "report": ("report",),
    "doctor": ("doctor",),
    "completion": ("completion",),
}
OWNER = {command: module for module, commands in GROUPS.items() for command in commands}
_VALUED = ("--data-dir", "--config")  # the top-level options that take a value
_OPTIONS = (*_VALUED, "--demo", "--version", "--help")
COMMAND_GC_THRESHOLD = 50_000  # allocations between young collections while a command runs
WHOLE = None  # `build_parser(WHOLE)`: every command
NONE = ""  # `build_parser(NONE)`: the top-level options only (the TUI, `--version`)


def command_in(argv: Sequence[str]) -> str | None:
    """The command `argv` runs: a name of `OWNER`, `NONE` (the TUI or `--version`) or
    `WHOLE` when the whole tree is needed (help, an unknown word, a usage error).

    Reads the top-level options as argparse does (a value after `--data-dir` and
    `--config`, `--opt=value`, unambiguous prefixes such as `--data`).
    """
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg == "-h" or arg == "--":
            return WHOLE
        if not arg.startswith("--"):
            return arg if arg in OWNER else WHOLE
        name, eq, _value = arg.partition("=")
        matches = [name] if name in _OPTIONS else [o for o in _OPTIONS if o.startswith(name)]
        if len(matches) != 1 or matches[0] == "--help":
            return WHOLE
        skip = matches[0] in _VALUED and not eq
    return NONE


def build_parser(command: str | None = WHOLE) -> argparse.ArgumentParser:
    """The command tree: one module per command group registers its commands.

    Args:
        command: register only the group of this command (see `command_in`); `NONE`
            registers none, `WHOLE` (the default) every group.
    """
    parser = usage.Parser(
        prog="cockpit",
        description="help.about",
    )
    parser.add_argument("--data-dir", type=Path, help="help.data_dir")
    parser.add_argument("--config", type=Path, help="help.config")
    parser.add_argument("--demo", action="store_true", help="help.demo")
    parser.add_argument("--version", action="version", version=f"cockpit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    if command is WHOLE:
        modules: Sequence[str] = list(GROUPS)
    else:
        modules = [OWNER[command]] if command in OWNER else []
    for module in modules:  # imported only when registered, for start-up time (GROUPS)
        register_group = getattr(
            importlib.import_module(f"cockpit.cli.{module}"), f"register_{module}"
        )
        register_group(sub if command is WHOLE else OneCommand(sub, command))
    return parser


class OneCommand:
    """The top-level subparsers, as a group's `register_…` sees them when one command
    runs: only that command's parser is built. argparse looks up gettext's catalogs for
    every parser and asks the terminal's size for every argument it checks; the other
    commands of a group (`ls`, `done`, `defer`, `drop` for `add`) were half of building
    the parser."""

    def __init__(self, sub: Any, name: str | None) -> None:
        self._sub = sub
        self._name = name

    def add_parser(self, name: str, **kwargs: Any) -> Any:
        return self._sub.add_parser(name, **kwargs) if name == self._name else Unbuilt()


class Unbuilt:
    """What a command that does not run registers its arguments on: nothing is kept."""

    def _same(self, *_args: Any, **_kwargs: Any) -> Unbuilt:
        return self

    add_argument = add_argument_group = add_mutually_exclusive_group = _same
    add_subparsers = add_parser = set_defaults = _same


def main(argv: Sequence[str] | None = None, thresholds: tuple[int, int, int] | None = None) -> int:
    """Entry point of the `cockpit` console script.

    Args:
        thresholds: the collector's thresholds to run the TUI with and to leave behind
            (default: the ones in force; `cockpit.cli.run` raised them before importing).
    """
    # A command loads its modules, its parser and its workspace in one burst (a 20k-item
    # hot file is a million objects, all alive to the end): at the default threshold the
    # collector ran hundreds of times over them, a third of `cockpit ls` and ~2 ms of
    # every start. It still runs, rarely; the TUI gets the default back (`_main`).
    thresholds = thresholds or gc.get_threshold()
    gc.set_threshold(COMMAND_GC_THRESHOLD, *thresholds[1:])
    try:
        return _main(list(sys.argv[1:] if argv is None else argv), thresholds)
    finally:
        gc.set_threshold(*thresholds)


def _main(argv: list[str], thresholds: tuple[int, int, int]) -> int:
    usage.expect(argv)
    for n, arg in enumerate(argv, 1):
        if (byte := undecodable(arg)) is not None:
            usage.speak()
            _fail(t("usage.not_utf8", n=n, byte=byte))
            return EXIT_INPUT
    args = build_parser(command_in(argv)).parse_args(argv)
    # Imported here, not at the top, for start-up time: storage pulls in tinydb and orjson,
    # which `--version` and `--help` never need.
    from cockpit.storage import StorageError
    from cockpit.storage.errors import os_failure

    out, err = sys.stdout, sys.stderr
    try:
        if args.command is None:
            gc.set_threshold(*thresholds)  # an app runs for hours: the default collector
            from cockpit.tui import start_tui

            return start_tui(args)
        # Whatever a command prints passes through the sanitiser (see `SafeStream`).
        sys.stdout, sys.stderr = SafeStream(out), SafeStream(err)
        handler = args.handler
        try:
            result: int = handler(args)
        finally:
            _journal()  # even a command that failed half-way can be taken back
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
    except OSError as exc:  # one that no layer turned into a sentence: still one, status 3
        _fail(str(os_failure(Path(exc.filename or "."), exc, "use")))
        return EXIT_STORAGE
    finally:
        sys.stdout, sys.stderr = out, err


def run(thresholds: tuple[int, int, int] | None = None) -> NoReturn:
    """The `cockpit` console script (and `python -m cockpit`): `main`, then exit.

    A finished command's process ends at once: tearing down every object it loaded
    took longer than many commands themselves (a fifth of `cockpit ls` on a large
    workspace), and there is nothing left to do but flush the standard streams. A run
    that still has threads or child processes (none normally) exits the ordinary way.
    """
    code = main(thresholds=thresholds)
    # The default threshold is back, and the next allocation would start one collection
    # over everything the command loaded (~1.5 ms) just before the process ends.
    gc.disable()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe: the ordinary exit reports nothing more
        gc.enable()
        raise SystemExit(code) from None
    mp = sys.modules.get("multiprocessing")
    if threading.active_count() == 1 and not (mp is not None and mp.active_children()):
        os._exit(code)
    gc.enable()
    raise SystemExit(code)


def _journal() -> None:
    """Keep what the command changed in the undo journal, for `cockpit undo`.

    Only a command that opened a workspace (through `cockpit.cli.common.workspace`) and
    changed something pays for it; one that cannot be journaled (a full disk) is a
    warning, not a failure of the command, which is done.
    """
    common = sys.modules.get("cockpit.cli.common")
    opened = getattr(common, "OPENED", None)
    if not opened or not any(ws.undo_stack for ws in opened):
        return
    # Imported here, for start-up time: most runs change nothing.
    from cockpit.core.i18n import t
    from cockpit.items.journal import record
    from cockpit.storage import StorageError

    for ws in opened:
        try:
            record(ws)
        except (StorageError, OSError) as exc:
            warning = t("journal.not_kept", problem=str(exc))
            print(t("cli.warning", message=warning), file=sys.stderr)


def _fail(message: str) -> None:
    # One sentence, ending in one full stop (or the question it asks), the language's own.
    zh = language() == "zh"
    message = clean_text(message).rstrip(".。")
    end = "" if message.endswith(("?", "!", "？", "！")) else ("。" if zh else ".")
    print(f"cockpit{'：' if zh else ': '}{message}{end}", file=sys.stderr)


class SafeStream:
    """A text stream that drops escape sequences and control characters on the way out.

    Records are sanitised when they enter the domain; this is the last guard for what
    was stored before that (or edited by hand): no listing, report or export printed
    by the command line can set the terminal's title or colours.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self.unfiltered = stream
        """The stream itself, for the command line's own control sequences."""

    def write(self, text: str) -> int:
        return self._stream.write(terminal_safe(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)
