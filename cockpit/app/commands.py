"""The app's command palette, theme switch and "about": cockpit's own commands, each
named "area: verb" in the UI language (`screens/dialogs/palette.py`), instead of
Textual's English ones."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from textual.app import SystemCommand
from textual.markup import escape
from textual.screen import Screen

from cockpit.core.i18n import msg, t
from cockpit.screens.safe import palette_help, say
from cockpit.storage import StorageError

if TYPE_CHECKING:
    from cockpit.app import CockpitApp


def system_commands(app: CockpitApp, screen: Screen[Any]) -> Iterable[SystemCommand]:
    """The app's commands, the theme switch and every action of the screen."""
    # Imported on first use, for start-up time.
    from cockpit.screens.dialogs.help import cockpit_ids
    from cockpit.screens.dialogs.palette import screen_commands

    for name, callback in (
        ("cmd.ical_export", lambda: ask_export(app)),
        ("cmd.ical_sync", app.sync_calendar),
        ("cmd.ical_refresh", app.refresh_calendars),
        ("cmd.feeds_refresh", lambda: app.refresh_feeds()),
        ("cmd.reminders", app.reminders.show_due),
        ("cmd.about", app.show_about),
        ("cmd.theme", app.action_change_theme),
    ):
        yield SystemCommand(t(name), palette_help(t(f"{name}.help")), callback)
    # A screen's own entries beyond its keys (the daily screen's named views). The
    # palette reads a title as markup: a view's name from the config is escaped.
    for title, help_text, run in getattr(screen, "palette_commands", tuple)():
        yield SystemCommand(escape(title), palette_help(help_text), run)
    yield from screen_commands(screen, cockpit_ids(), lambda action: _runner(screen, action))


def open_command_palette(app: CockpitApp) -> None:
    """`ctrl+p`: the palette of cockpit's commands, worded in the UI language."""
    # Imported on first use, for start-up time.
    from cockpit.screens.dialogs.palette import open_palette

    open_palette(app)


def change_theme(app: CockpitApp) -> None:
    """The theme picker (the palette's "app: change theme")."""
    # Imported on first use, for start-up time.
    from cockpit.screens.dialogs.palette import open_themes

    open_themes(app, app.choose_theme)


def choose_theme(app: CockpitApp, name: str) -> None:
    """Switch to theme `name` and save it as `[ui] theme` in the config file (in a
    thread: the file is the user's, read and written whole; see `save_theme`)."""
    app.theme = name
    path = app.ws.config.path
    if path is None:
        return  # a session without a config file (tests, embedding): nothing to keep

    def save() -> None:
        # Imported here: only a theme switch writes the config.
        from cockpit.core.errors import ConfigError
        from cockpit.core.settings.theme_file import save_theme

        try:
            save_theme(path, name)
        except (ConfigError, StorageError) as exc:
            app.call_from_thread(say, app, str(exc), severity="warning", timeout=10)
        else:
            app.ws.config.ui.theme = name
            app.call_from_thread(say, app, t("theme.saved", name=name, path=path))

    app.run_worker(save, thread=True, group="config", exclusive=True, exit_on_error=False)


def check_theme(app: CockpitApp, name: str | None) -> None:
    """`[ui] theme` names one of Textual's themes, or the app does not start.

    Raises:
        ConfigError: an unknown theme, with the closest known one.
    """
    if name is None or name in app.available_themes:
        return
    # Imported on a mistake only.
    from cockpit.core.errors import ConfigError
    from cockpit.core.settings import closest

    mean = closest(name, sorted(app.available_themes))
    where = app.ws.config.path or "config.toml"
    problem = msg("err.config.theme", name=name, mean=mean)
    raise ConfigError("err.config", path=where, problem=problem)


def show_about(app: CockpitApp) -> None:
    """The facts of `cockpit doctor` for this session, in a modal."""
    # Imported on first use, for start-up time.
    from cockpit.doctor.facts import Origin
    from cockpit.screens.dialogs.about import AboutScreen

    origin = app.origin or Origin.of_files(app.ws.config.path, app.ws.root)
    app.push_screen(AboutScreen(origin))


def ask_export(app: CockpitApp) -> None:
    """Ask where the .ics export goes, then write it."""
    # Imported on first use, for start-up time.
    from cockpit.screens.dialogs.forms import PathPrompt

    def chosen(values: dict[str, Any] | None) -> None:
        if values:
            app.export_calendar(values["path"])

    app.push_screen(PathPrompt(t("cmd.ical_export"), "~/cockpit.ics"), chosen)


def _runner(screen: Screen[Any], action: str) -> Callable[[], Any]:
    async def run() -> None:
        await screen.run_action(action)

    return run
