"""`--help` in the user's language.

Every help text, description and epilog of the command tree is a catalog key
(`help.*`, in `cockpit/core/labels/help.py`), worded only when help is printed: the
language is looked up then (`usage.speak`), so a run that only parses never reads the
config for it. `Help` also words argparse's own text (`usage:`, `positional
arguments`, `options`, `show this help message and exit`) and, in Chinese, the
metavars (`--week 周`, `标题`) and the choices of a vocabulary (`--list {重点,计划,运营}`,
which are accepted as typed); command names, option flags and literal values (`md`,
`zh`, `bash`) stay as they are typed.

argparse measures text with `len()`; a Chinese character takes two terminal cells.
`Help` lays out the help column, the wrapped help lines and the usage by cells, so a
Chinese help lines up and never runs past the terminal's width. English output is
argparse's own, byte for byte.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterable, Iterator
from typing import Any

from cockpit.core import i18n
from cockpit.core.i18n import t
from cockpit.core.textwidth import cell_width

# argparse's own words (Python 3.11+; "optional arguments" before 3.10) and their keys.
ARGPARSE_WORDS = {
    "positional arguments": "usage.positionals",
    "options": "usage.options",
    "optional arguments": "usage.options",
    "show this help message and exit": "usage.help",
    "show program's version number and exit": "usage.version",
}
# Patterns as text, compiled (and cached by `re`) on first use: only help needs them,
# and compiling them cost more than the rest of the module's import.
_PART = r"\(.*?\)+(?=\s|$)|\[.*?\]+(?=\s|$)|\S+"  # argparse's usage parts
# Breakable units of a help line: an ASCII word or one wide character, with the opening
# punctuation that must not end a line before it (（「) and the closing punctuation that
# must not start one after it (，。、；：）」).
_OPENING, _CLOSING = "（「『《", "，。、；：！？）」』》%"
_UNIT = rf"\s+|[{_OPENING}]*(?:[^\s\u2e80-\uffef]+|[\u2e80-\uffef])[{_CLOSING}]*"


def worded(text: str | None) -> str | None:
    """A help text as shown: a catalog key or argparse's own sentence in the active
    language; anything else (a user's table name, say) unchanged."""
    if text is None:
        return None
    if text.startswith("help.") and text in i18n.CATALOG:
        return t(text)
    key = ARGPARSE_WORDS.get(text)
    return t(key) if key is not None else text


def metavar(name: str) -> str:
    """A metavar (`WEEK`, `title`, `COMMAND`) as the active language names it."""
    if i18n.language() != "zh":
        return name
    key = f"usage.mv.{name.lower()}"
    return t(key) if key in i18n.CATALOG else name


def resolve(parser: argparse.ArgumentParser) -> None:
    """Word the help of `parser`'s whole tree in place, for readers of the tree other
    than argparse's formatter (the shell completion scripts' descriptions)."""
    parser.description = worded(parser.description)
    parser.epilog = worded(parser.epilog)
    for action in parser._actions:
        action.help = worded(action.help)
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                choice.help = worded(choice.help)
            for child in dict.fromkeys(action.choices.values()):
                resolve(child)


def wrap(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` cells, broken at spaces or between wide
    characters (never before closing punctuation); a longer word stands alone."""
    lines: list[str] = []
    line, used = "", 0
    for unit in re.findall(_UNIT, " ".join(text.split())):
        if unit.isspace():
            if line:
                line, used = line + " ", used + 1
            continue
        size = cell_width(unit)
        if line.strip() and used + size > width:
            lines.append(line.rstrip())
            line, used = "", 0
        line, used = line + unit, used + size
    if line.strip():
        lines.append(line.rstrip())
    return lines


class Help(argparse.HelpFormatter):
    """argparse's formatter, worded in the active language and laid out by cells."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = worded(action.help)
        if text is not None and text != action.help:
            text = text.replace("%", "%%")  # argparse fills `%(default)s` into help
        return text

    def start_section(self, heading: str | None) -> None:
        heading = worded(heading)
        if heading is not None:
            self._headings = [*getattr(self, "_headings", []), heading]
        super().start_section(heading)

    def format_help(self) -> str:
        text = super().format_help()
        if i18n.language() != "zh":
            return text
        # argparse ends a heading with an ASCII colon: 选项：, as Chinese writes it.
        for heading in getattr(self, "_headings", []):
            text = re.sub(rf"^(\s*){re.escape(heading)}:$", rf"\g<1>{heading}：", text, flags=re.M)
        return text

    def add_text(self, text: str | None) -> None:
        super().add_text(worded(text))

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[Any],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, t("usage.usage") if prefix is None else prefix)

    def _metavar_formatter(self, action: argparse.Action, default_metavar: str) -> Any:
        # A subcommand's line in its parent's help: its metavar is the command's name.
        pseudo = argparse._SubParsersAction._ChoicesPseudoAction
        if i18n.language() == "zh" and not isinstance(action, pseudo):
            kind = getattr(action.type, "__name__", "")
            if action.metavar is None and action.choices is not None:
                shown = "{" + ",".join(_choice(kind, str(c)) for c in action.choices) + "}"
                return lambda size: (shown,) * size
            if isinstance(action.metavar, str):
                return super()._metavar_formatter(_renamed(action), default_metavar)
            if default_metavar is not None:  # None: argparse checking a new argument
                default_metavar = metavar(default_metavar)
        return super()._metavar_formatter(action, default_metavar)

    def add_argument(self, action: argparse.Action) -> None:
        # argparse's own, measured in cells: the help column starts after the widest
        # invocation (`--week 周` is 10 cells, not 8 characters).
        if action.help is argparse.SUPPRESS:
            return
        invocations = [self._format_action_invocation(action)]
        invocations += [self._format_action_invocation(s) for s in self._subactions(action)]
        length = max(map(cell_width, invocations)) + self._current_indent
        self._action_max_length = max(self._action_max_length, length)
        self._add_item(self._format_action, [action])

    def _format_action(self, action: argparse.Action) -> str:
        # argparse's own layout, measured in cells and wrapped by `wrap`.
        help_position = min(self._action_max_length + 2, self._max_help_position)
        help_width = max(self._width - help_position, 11)
        action_width = help_position - self._current_indent - 2
        header = self._format_action_invocation(action)
        indent = " " * self._current_indent
        first = 0
        if not action.help:
            parts = [f"{indent}{header}\n"]
        elif cell_width(header) <= action_width:
            parts = [f"{indent}{header}{' ' * (action_width - cell_width(header))}  "]
        else:
            parts = [f"{indent}{header}\n"]
            first = help_position
        if action.help and action.help.strip():
            text = self._expand_help(action)
            if text:
                lines = self._split_lines(text, help_width)
                parts.append(f"{' ' * first}{lines[0]}\n")
                parts += [f"{' ' * help_position}{line}\n" for line in lines[1:]]
        elif not parts[0].endswith("\n"):
            parts.append("\n")
        parts += [self._format_action(s) for s in self._subactions(action)]
        return self._join_parts(parts)

    def _subactions(self, action: argparse.Action) -> Iterator[argparse.Action]:
        yield from self._iter_indented_subactions(action)

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(text, width) if not text.isascii() else super()._split_lines(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if text.isascii():
            return super()._fill_text(text, width, indent)
        return "\n".join(indent + line for line in wrap(text, width - len(indent)))

    def _format_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[Any],
        prefix: str | None,
    ) -> str:
        text = super()._format_usage(usage, actions, groups, prefix)
        if text.isascii():
            return text  # argparse's own wrapping is right for one-cell characters
        # Wide characters (the prefix 用法：, Chinese metavars): lay the usage out again
        # by cells, from argparse's one-line form, aligned after the program's name.
        width, self._width = self._width, 1 << 20
        try:
            line = super()._format_usage(usage, actions, groups, prefix).strip("\n")
        finally:
            self._width = width
        head = f"{prefix or ''}{self._prog}"
        if not line.startswith(head):
            return text
        parts = re.findall(_PART, line[len(head) :])
        room = self._width - self._current_indent
        indent = cell_width(head) + 1
        if indent > room * 3 // 4:
            indent = cell_width(prefix or "")
            lines = [head]
            current = " " * indent
        else:
            lines, current = [], head
        for part in parts:
            longer = f"{current} {part}" if current.strip() else current + part
            if cell_width(longer) > room and current.strip() and current != head:
                lines.append(current)
                longer = " " * indent + part
            current = longer
        lines.append(current)
        return "\n".join(lines) + "\n\n"


class RawHelp(Help):
    """`Help` keeping the line breaks of descriptions and epilogs (column tables)."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "".join(indent + line for line in text.splitlines(keepends=True))


def _choice(kind: str, value: str) -> str:
    """A choice as a Chinese user types it: a vocabulary's word (重点 for key)."""
    from cockpit.core.labels import vocab  # imported here, for start-up time: help only

    return str(vocab.word(kind, value)) if kind in vocab.KINDS else value


def _renamed(action: argparse.Action) -> argparse.Action:
    """`action` with its metavar in the active language (a copy: the tree is shared)."""
    copy = argparse.Action(action.option_strings, action.dest, nargs=action.nargs)
    copy.metavar = metavar(str(action.metavar))
    copy.choices, copy.type = action.choices, action.type
    return copy
