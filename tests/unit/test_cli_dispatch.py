"""The command line registers only the command group it runs (start-up time), and that
parser reads every command line exactly as the whole tree does."""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cockpit import __version__
from cockpit.cli.main import GROUPS, NONE, OWNER, WHOLE, build_parser, command_in, main


def _commands(parser: argparse.ArgumentParser) -> list[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return list(action.choices)
    return []


@pytest.mark.parametrize("module", list(GROUPS))
def test_each_group_registers_the_commands_the_table_lists(module: str) -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command")
    getattr(importlib.import_module(f"cockpit.cli.{module}"), f"register_{module}")(sub)
    assert _commands(parser) == list(GROUPS[module])


def test_the_whole_tree_is_the_table() -> None:
    listed = [c for commands in GROUPS.values() for c in commands]
    assert _commands(build_parser()) == listed
    assert len(set(listed)) == len(listed)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], NONE),
        (["--version"], NONE),
        (["--demo"], NONE),
        (["--data-dir", "ls", "add", "x"], "add"),  # the value of --data-dir is no command
        (["--data", "d", "ls"], "ls"),  # a prefix, as argparse allows
        (["--data-dir=d", "--config=c", "feeds", "ls"], "feeds"),
        (["--config", "c", "customers", "add", "ACME"], "customers"),
        (["routines", "ls"], "routines"),
        (["-h"], WHOLE),
        (["--help"], WHOLE),
        (["--he"], WHOLE),
        (["--d", "x", "ls"], WHOLE),  # ambiguous: --data-dir or --demo
        (["--nosuch", "ls"], WHOLE),
        (["nosuch"], WHOLE),
        (["--", "ls"], WHOLE),
    ],
)
def test_command_in_reads_top_level_options_like_argparse(
    argv: list[str], expected: str | None
) -> None:
    assert command_in(argv) == expected


SAMPLES = [
    ["add", "write", "the", "PRD", "--list", "key", "--tag", "a", "--tag", "b", "--due", "+3"],
    ["--data-dir", "/tmp/w", "ls", "--json", "--list", "ops"],
    ["--data", "/tmp/w", "--config=/tmp/c.toml", "done", "3", "4"],
    ["defer", "7", "--to", "next", "--shift-due"],
    ["customers", "touch", "ACME", "--note", "call"],
    ["import", "taskwarrior", "export.json"],
    ["feeds", "entries", "--unread", "--json"],
    ["ical", "agenda", "--days", "3"],
    ["routines", "ls"],
    ["req", "ls"],
    ["report", "week", "--lang", "zh"],
    ["metrics", "show", "--table", "revenue", "--json"],
    ["backup"],
    [],
    ["--demo"],
]


def _parsed(parser: argparse.ArgumentParser, argv: list[str]) -> dict[str, Any]:
    return vars(parser.parse_args(argv))


@pytest.mark.parametrize("argv", SAMPLES, ids=lambda a: " ".join(a) or "(none)")
def test_the_lazy_parser_reads_a_command_line_as_the_whole_tree_does(argv: list[str]) -> None:
    assert _parsed(build_parser(command_in(argv)), argv) == _parsed(build_parser(), argv)


@pytest.mark.parametrize(
    "argv", [["add"], ["ls", "--list", "nope"], ["customers"], ["feeds", "nope"]]
)
def test_usage_errors_read_the_same(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    errors = []
    for parser in (build_parser(command_in(argv)), build_parser()):
        with pytest.raises(SystemExit) as stop:
            parser.parse_args(argv)
        assert stop.value.code == 2
        errors.append(capsys.readouterr().err)
    assert errors[0] == errors[1]
    assert "usage: cockpit" in errors[0]


def _modules_after(argv: list[str]) -> set[str]:
    probe = (
        "import sys\n"
        "from cockpit.cli.main import main\n"
        "try:\n"
        f"    main({argv!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    return set(done.stdout.split()[-1:] and done.stdout.splitlines()[-1].split())


def test_version_loads_no_command_and_no_storage() -> None:
    loaded = _modules_after(["--version"])
    assert not {"tinydb", "orjson", "cockpit.storage", "cockpit.cli.items"} & loaded
    assert not [m for m in loaded if m.startswith(("cockpit.items", "cockpit.cli.feeds"))]


def test_ls_loads_only_its_own_group(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COCKPIT_CONFIG", str(tmp_path / "none.toml"))
    loaded = _modules_after(["--data-dir", str(tmp_path / "ws"), "ls"])
    assert "cockpit.cli.items" in loaded
    others = [f"cockpit.cli.{m}" for m in GROUPS if m != "items"]
    heavy = ["cockpit.planning", "cockpit.metrics", "cockpit.feeds", "cockpit.report", "textual"]
    assert not [m for m in loaded if m in others or m.startswith(tuple(heavy))]


# What `cockpit add` must not import: the TUI, the network, feed and calendar parsing, the
# help texts and forms' words, the other command groups and domain areas, the settings
# areas it does not read, OpenSSL (hashlib), platformdirs with --data-dir given.
ADD_NEVER = (
    "textual", "rich", "httpx", "feedparser", "icalendar", "caldav", "niquests", "plotext",
    "pypinyin", "rapidfuzz", "humanize", "platformdirs", "tomllib", "hashlib", "_hashlib",
    "difflib", "cockpit.tui", "cockpit.app", "cockpit.screens", "cockpit.feeds",
    "cockpit.calendar", "cockpit.planning", "cockpit.metrics", "cockpit.report",
    "cockpit.goals", "cockpit.find", "cockpit.importers", "cockpit.customers",
    "cockpit.items.series", "cockpit.items.recurrence", "cockpit.core.labels.help",
    "cockpit.core.labels.inputs", "cockpit.core.labels.report", "cockpit.core.labels.metrics",
    "cockpit.core.settings.areas", "cockpit.core.settings.metric_tables",
)  # fmt: skip


def test_add_loads_only_what_adding_needs(tmp_path: Path) -> None:
    """`cockpit add` is what scripts and cron run most: its start-up is its cost."""
    env = dict(os.environ, COCKPIT_CONFIG=str(tmp_path / "none.toml"))
    root = tmp_path / "ws"
    probe = (
        "import sys\n"
        "from cockpit.cli.main import main\n"
        f"code = main(['--data-dir', {str(root)!r}, 'add', 'write', 'the', 'PRD'])\n"
        "print(code, ' '.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    said, last = done.stdout.splitlines()[0], done.stdout.splitlines()[-1].split()
    assert said.startswith("Added #1 to ") and said.endswith(": write the PRD")
    code, loaded = last[0], set(last[1:])
    assert code == "0" and "cockpit.items.workspace" in loaded  # the probe really added
    assert not [m for m in loaded if m.startswith(ADD_NEVER)], "add imported what it never needs"
    others = [f"cockpit.cli.{m}" for m in GROUPS if m != "items"]
    assert not set(others) & loaded


def test_one_command_s_parser_builds_for_every_command() -> None:
    """A run builds only its own command's parser (`OneCommand`): every command's."""
    for command, module in OWNER.items():
        parser = build_parser(command)
        assert _commands(parser) == [command], (command, module)


def test_a_command_leaves_the_garbage_collector_as_it_found_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COCKPIT_CONFIG", str(tmp_path / "none.toml"))
    before = gc.get_threshold()
    assert main(["--data-dir", str(tmp_path / "ws"), "ls"]) == 0
    assert gc.get_threshold() == before


def test_the_console_script_prints_everything_before_its_quick_exit(tmp_path: Path) -> None:
    """`run` ends the process with os._exit: what the command wrote must all be out."""
    env = dict(os.environ, COCKPIT_CONFIG=str(tmp_path / "none.toml"))
    root = str(tmp_path / "ws")
    script = (
        "import sys\n"
        "from cockpit.items.workspace import Workspace\n"
        "from cockpit.items.context import make_clock\n"
        "from cockpit.core.config import Config\n"
        f"ws = Workspace(__import__('pathlib').Path({root!r}), make_clock(Config()))\n"
        "ws.add_many([ws.new_item(f'item {n} ' + 'x' * 40) for n in range(3000)])\n"
    )
    subprocess.run([sys.executable, "-c", script], env=env, check=True, timeout=120)
    for cmd in ([sys.executable, "-m", "cockpit"], [str(Path(sys.executable).parent / "cockpit")]):
        done = subprocess.run(
            [*cmd, "--data-dir", root, "ls"], env=env, capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stderr
        lines = done.stdout.splitlines()
        assert len(lines) == 3000 and lines[-1].split()[0] == "3000"
        failed = subprocess.run(
            [*cmd, "--data-dir", root, "done", "999999"], env=env, capture_output=True, text=True
        )
        assert failed.returncode == 1 and failed.stderr.startswith("cockpit: no item")


def test_the_console_script_answers_version_before_the_parser() -> None:
    # `cockpit --version` was mostly argparse, typing and the label catalog being imported.
    probe = (
        "import sys\n"
        "sys.argv = ['cockpit', '--version']\n"
        "from cockpit.cli import run\n"
        "try:\n"
        "    run()\n"
        "except SystemExit as stop:\n"
        "    assert stop.code == 0, stop.code\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    said, loaded = done.stdout.splitlines()[0], set(done.stdout.splitlines()[-1].split())
    assert not {"argparse", "typing", "cockpit.core.i18n", "cockpit.cli.main"} & loaded
    whole = subprocess.run(
        [sys.executable, "-c", "from cockpit.cli.main import main; main(['--version'])"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert said == whole.stdout.strip() == f"cockpit {__version__}"
