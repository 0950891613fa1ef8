"""The command palette: cockpit's own actions, named "area: verb" in the UI language.

Textual's palette lists its own English system commands (Theme, Quit, Keys,
Screenshot, Maximize) and says "Search for commands…" and "No matches found" in English
whatever the UI language is. Here it lists the actions of the screen it was opened
from (every binding with a cockpit id, moves left out), the app's own commands and a
theme switch, and words its placeholder and "no matches" in the UI language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from rich.align import Align
from rich.text import Text
from textual.app import SystemCommand
from textual.binding import Binding
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen
from textual.widgets.option_list import Option

from cockpit.core.i18n import t
from cockpit.screens.keys import NAV
from cockpit.screens.safe import palette_help

if TYPE_CHECKING:
    from textual.app import App

MOVES = frozenset(b.id for b in NAV if isinstance(b, Binding) and b.id)
"""Cursor and panel moves: keys to press, not actions to look up."""


class Palette(CommandPalette):
    """Textual's palette with its two sentences in the UI language."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own adds "No matches found" in English after a short wait; the same
        # wait, the same option (its id lets the palette remove it), our words.
        self._stop_no_matches_countdown()

        def show() -> None:
            if not search_value:
                self._list_visible = False
                return
            self.query_one(CommandList).add_option(
                Option(
                    Align.center(Text(t("palette.no_matches"), style="not bold")),
                    disabled=True,
                    id=self._NO_MATCHES,
                )
            )
            self._list_visible = True

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show)


def open_palette(app: App[Any]) -> None:
    """The palette of cockpit's commands (what `ctrl+p` opens)."""
    if not CommandPalette.is_open(app):
        app.push_screen(Palette(id="--command-palette", placeholder=t("palette.placeholder")))


def open_themes(app: App[Any], chosen: Callable[[str], None]) -> None:
    """The theme picker: every theme by name; `chosen(name)` once one is picked."""

    class Themes(Provider):
        """Every registered theme; picking one switches to it and says so."""

        def _commands(self) -> list[tuple[str, Callable[[], None]]]:
            themes = sorted(self.app.available_themes.values(), key=attrgetter("name"))
            return [(theme.name, _picker(chosen, theme.name)) for theme in themes]

        async def discover(self) -> Hits:
            for name, pick in self._commands():
                yield DiscoveryHit(Text(name), pick)

        async def search(self, query: str) -> Hits:
            matcher = self.matcher(query)
            for name, pick in self._commands():
                if (score := matcher.match(name)) > 0:
                    yield Hit(score, matcher.highlight(name), pick)

    app.push_screen(Palette(providers=[Themes], placeholder=t("palette.themes")))


def _picker(chosen: Callable[[str], None], name: str) -> Callable[[], None]:
    return lambda: chosen(name)


PROPER = ("Monday", "Friday")
"""Label starts that keep their capital ("daily: Friday reading")."""


def verb(label: str) -> str:
    """A binding's label as the verb of "area: verb" ("Defer to next week" -> "defer
    to next week"; an acronym or a day's name stays as it is)."""
    if label.startswith(PROPER):
        return label
    if len(label) > 1 and label[0].isupper() and not label[1].isupper():
        return label[0].lower() + label[1:]
    return label


def area_of(screen: Screen[Any]) -> str:
    """The screen's name in the UI language ("daily", "每日")."""
    area = getattr(screen, "AREA", "") or "app"
    return t(f"area.{area}")


def screen_commands(
    screen: Screen[Any], ours: frozenset[str], run: Callable[[str], Callable[[], Any]]
) -> Iterator[SystemCommand]:
    """One entry per cockpit binding of `screen` (and the app's): "area: verb", its
    keys and binding id as the help line; `run(action)` makes the callback."""
    area = area_of(screen)
    seen: set[str] = set()
    for active in screen.active_bindings.values():
        binding = active.binding
        ident = binding.id
        if ident is None or ident not in ours or ident in MOVES or ident == "command_palette":
            continue
        if ident in seen:
            continue
        seen.add(ident)
        keys = " ".join(_keys_of(screen, ident))
        yield SystemCommand(
            t("palette.entry", area=area, verb=verb(binding.description or binding.action)),
            palette_help(t("palette.entry.help", keys=keys, id=ident)),
            run(binding.action),
        )


def _keys_of(screen: Screen[Any], ident: str) -> Iterable[str]:
    """Every key of binding `ident` on `screen` as the key bar shows them."""
    shown: list[str] = []
    for active in screen.active_bindings.values():
        if active.binding.id == ident:
            display = screen.app.get_key_display(active.binding)
            if display not in shown:
                shown.append(display)
    return shown
