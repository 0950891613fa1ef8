"""Usage errors in the user's language.

argparse refuses a command line before any config is read (`cockpit add` without a
title, `--list 乱`, an unknown option), so its sentences were always English. `Parser`
words them in the configured language: the language is looked up only when a refusal
is about to be written (a run that parses never reads the config twice), from the
`--config` of the command line being parsed, else `COCKPIT_CONFIG` or the user's config
file. argparse's own sentences are matched by their English templates (argparse 3.11
and later) and reworded; anything else passes as argparse wrote it.

English output stays argparse's own (`usage: …` then `cockpit add: error: …`, status 2);
Chinese reads `用法：…` then `cockpit add：错误：…。`.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from cockpit.cli.usage.helptext import Help, metavar
from cockpit.core import i18n
from cockpit.core.i18n import t

_config_flag: list[Path | None] = [None]
"""The `--config` of the command line being parsed (set by `expect`)."""
_settled = [False]


def expect(argv: Sequence[str]) -> None:
    """Remember the command line about to be parsed: its `--config` names the file
    whose language a refusal is worded in (read only if there is a refusal)."""
    _settled[0] = False
    _config_flag[0] = None
    # The top-level options come before the command (a later `--c…` is a command's own
    # option, `add --cust` say); argparse takes unambiguous prefixes (`--conf`).
    n = 0
    while n < len(argv) and argv[n].startswith("--") and argv[n] != "--":
        name, eq, value = argv[n].partition("=")
        valued = name.startswith("--da") or name.startswith("--c")
        if name.startswith("--c") and "--config".startswith(name):
            if eq:
                _config_flag[0] = Path(value)
            elif n + 1 < len(argv):
                _config_flag[0] = Path(argv[n + 1])
        n += 2 if valued and not eq else 1


def speak() -> None:
    """Switch to the configured language, once, before a refusal is worded.

    A config that cannot be read leaves the language as it is: the command itself will
    say what is wrong with it once the command line is right.
    """
    if _settled[0] or i18n.language() == "zh":
        return
    _settled[0] = True
    # Imported here: only a refusal needs them.
    from cockpit.core.config import load_config
    from cockpit.core.errors import CockpitError
    from cockpit.core.paths import locate_config

    try:
        i18n.set_language(load_config(locate_config(_config_flag[0]).path).language)
    except (CockpitError, OSError, ValueError):
        return


def _choices(text: str) -> str:
    return t("sep.names").join(c.strip().strip("'") for c in text.split(","))


def _type_name(name: str) -> str:
    """argparse names a value's type by its converter (int, float, Path)."""
    key = f"usage.type.{name}"
    return t(key) if key in i18n.CATALOG else name


def _name(name: str) -> str:
    """An argument as argparse names it: its flags as they are, a metavar worded."""
    return name if name.startswith("-") else metavar(name)


def _quoted(value: str) -> str:
    return value if value.startswith(("'", '"')) else f"'{value}'"


# argparse's English sentences and their keys: (pattern, key, how the groups are named).
# Patterns as text, compiled (and cached by `re`) when a refusal is reworded: a run that
# parses never needs them.
_TEMPLATES: list[tuple[str, str, Callable[[re.Match[str]], dict[str, str]]]] = [
    (
        r"^the following arguments are required: (?P<names>.+)$",
        "usage.required",
        lambda m: {"names": t("sep.names").join(_name(n) for n in m["names"].split(", "))},
    ),
    (
        r"^unrecognized arguments: (?P<args>.+)$",
        "usage.unrecognized",
        lambda m: {"args": m["args"]},
    ),
    (
        r"^one of the arguments (?P<names>.+) is required$",
        "usage.one_of",
        lambda m: {"names": m["names"].replace(" ", t("sep.names"))},
    ),
    (
        r"^ambiguous option: (?P<option>\S+) could match (?P<matches>.+)$",
        "usage.ambiguous",
        lambda m: {"option": m["option"], "matches": m["matches"].replace(", ", t("sep.names"))},
    ),
    (
        r"^invalid choice: (?P<value>.+) \(choose from (?P<choices>.+)\)$",
        "usage.choice",
        lambda m: {"value": _quoted(m["value"]), "choices": _choices(m["choices"])},
    ),
    (r"^expected one argument$", "usage.one_value", lambda m: {}),
    (r"^expected at most one argument$", "usage.at_most_one", lambda m: {}),
    (r"^expected at least one argument$", "usage.at_least_one", lambda m: {}),
    (
        r"^expected (?P<n>\d+) arguments?$",
        "usage.n_values",
        lambda m: {"n": m["n"]},
    ),
    (
        r"^not allowed with argument (?P<other>.+)$",
        "usage.not_with",
        lambda m: {"other": m["other"]},
    ),
    (
        r"^ignored explicit argument (?P<value>.+)$",
        "usage.ignored",
        lambda m: {"value": _quoted(m["value"])},
    ),
    (
        r"^invalid (?P<type>\w+) value: (?P<value>.+)$",
        "usage.invalid",
        lambda m: {"value": _quoted(m["value"]), "type": _type_name(m["type"])},
    ),
]
_ARGUMENT = r"^argument (?P<name>[^:]+): (?P<rest>.+)$"


def reworded(message: str) -> str:
    """argparse's `message` in the active language (English: unchanged)."""
    if i18n.language() != "zh":
        return message
    head = ""
    match = re.match(_ARGUMENT, message, re.DOTALL)
    if match:
        head = t("usage.argument", name=_name(match["name"]))
        message = match["rest"]
    for pattern, key, named in _TEMPLATES:
        found = re.match(pattern, message)
        if found:
            message = t(key, **named(found))
            break
    return head + message


_CHECKER: list[argparse.HelpFormatter] = []


def _checker() -> argparse.HelpFormatter:
    """argparse's plain formatter, for checking arguments as they are added (a fixed
    width: no terminal is asked; nothing it formats is shown)."""
    if not _CHECKER:
        _CHECKER.append(argparse.HelpFormatter("cockpit", width=80))
    return _CHECKER[0]


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose help and refusals read in the user's language (its
    help texts are catalog keys, worded by `cockpit.cli.usage.helptext.Help`)."""

    _checking = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", Help)
        super().__init__(*args, **kwargs)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        # argparse checks each new argument's metavar with a formatter of its own; ours
        # would ask the terminal for its size every time (most of building a parser).
        self._checking = True
        try:
            return super().add_argument(*args, **kwargs)
        finally:
            self._checking = False

    def _get_formatter(self) -> argparse.HelpFormatter:
        if self._checking:
            return _checker()
        return super()._get_formatter()

    def format_usage(self) -> str:
        speak()
        return super().format_usage()

    def format_help(self) -> str:
        speak()
        return super().format_help()

    def error(self, message: str) -> NoReturn:
        speak()
        if i18n.language() != "zh":
            super().error(message)
        sys.stderr.write(self.format_usage().rstrip("\n") + "\n")
        sentence = reworded(message).rstrip(".。")
        self.exit(2, t("usage.error", prog=self.prog, message=sentence) + "\n")
