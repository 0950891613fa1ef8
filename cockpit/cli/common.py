"""What every command group shares: opening the workspace, reading ids, weeks and
dates the way the user types them, turning domain refusals into `CliError`, and
writing output (stdout, or a file written atomically)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any, TextIO, cast

from cockpit.cli import usage
from cockpit.cli.exits import CliError
from cockpit.core.dates import parse_date
from cockpit.core.errors import DateError, InvalidError, NotFoundError, WeekError
from cockpit.core.i18n import t
from cockpit.core.labels import vocab
from cockpit.core.weeks import parse_week
from cockpit.items.context import open_workspace
from cockpit.items.workspace import Workspace

OPENED: list[Workspace] = []
"""The workspaces this run opened: what they changed goes into the undo journal when the
command ends (`cockpit.cli.main`, `cockpit undo`)."""


def word(kind: str) -> Any:
    """An argparse `type` reading a value of a vocabulary in either language (`--tier
    战略`, `--list 重点`, `--channel 微信`); the refusal lists the values, as the domain's."""

    def convert(text: str) -> str:
        if not text.strip():
            return text  # argparse passes string defaults through `type` too
        try:
            return vocab.parse(kind, text)
        except InvalidError as exc:
            usage.speak()  # argparse words the refusal now, before any config is read
            raise argparse.ArgumentTypeError(str(exc)) from None

    convert.__name__ = kind  # what argparse names in its own messages
    return convert


def workspace(args: argparse.Namespace) -> Workspace:
    """The workspace a command works on, opened and maintained for today; what the
    maintenance could not do (a full disk, say) is a warning on stderr, not a failure."""
    ws = open_workspace(args)
    OPENED.append(ws)
    for warning in ws.warnings:
        print(t("cli.warning", message=str(warning).rstrip(".")), file=sys.stderr)
    ws.warnings.clear()
    return ws


def read_week(text: str | None, ws: Workspace) -> str | None:
    if text is None:
        return None
    try:
        return parse_week(text, ws.clock.today())
    except WeekError as exc:
        raise CliError(exc.key, **exc.fields) from None


def read_date(text: str | None, ws: Workspace) -> dt.date | None:
    if text is None or not text.strip():
        return None
    try:
        return parse_date(text, ws.clock.today())
    except DateError as exc:
        raise CliError(exc.key, **exc.fields) from None


def read_ids(raw: list[str]) -> list[int]:
    ids: list[int] = []
    for text in raw:
        value = text.lstrip("#")
        if not value.isdigit():
            raise CliError("err.item.id", text=text)
        ids.append(int(value))
    return ids


def count(n: int, one: str, many: str) -> str:
    """`1 feed`, `3 feeds`: a number with its noun, singular for exactly one."""
    return f"{n} {one if n == 1 else many}"


def guard(fn: Any, *args: Any, **kwargs: Any) -> Any:
    """Turn domain refusals into CLI errors."""
    try:
        return fn(*args, **kwargs)
    except (NotFoundError, InvalidError) as exc:
        raise CliError(exc.key, **exc.fields) from None


def write_out(text: str, output: Path | None) -> None:
    """Print, or write a file atomically (never half-written)."""
    if output is None:
        sys.stdout.write(text)
        return
    # Imported here, for start-up time: a command loads only what it needs.
    from cockpit.storage.atomic import atomic_write

    atomic_write(output, text.encode("utf-8"))  # a FileAccessError is a storage error: exit 3


def group(sub: Any, name: str, text: str) -> Any:
    """A subcommand with its own required ACTION."""
    parser = sub.add_parser(name, help=text)
    return parser.add_subparsers(dest=f"{name}_command", metavar="ACTION", required=True)


def command(sub: Any, name: str, handler: Any, text: str) -> argparse.ArgumentParser:
    """An ACTION of a group, run by `handler`."""
    parser: argparse.ArgumentParser = sub.add_parser(name, help=text)
    parser.set_defaults(handler=handler)
    return parser


def terminal() -> TextIO:
    """stderr without the sanitiser (`main.SafeStream`), for the CLI's own control
    sequences (clearing a progress line); never for text from records."""
    return cast(TextIO, getattr(sys.stderr, "unfiltered", sys.stderr))


def dump(data: Any) -> None:
    """JSON to stdout, Chinese kept readable (written at once: `json.dump` to a stream
    writes each token separately, and every write passes the terminal sanitiser)."""
    import json  # imported here, for start-up time: most commands print text

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
