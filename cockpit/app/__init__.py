"""The Textual app: holds the workspace, the ordered writer and the timers; screens do
the rest (see `screens/`). Its background work (feeds, calendars, CalDAV) is in
`jobs`, its command palette, themes and "about" in `commands`."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import select
import signal
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on
from textual.app import App, SystemCommand
from textual.binding import BindingType
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from cockpit.app import commands, jobs
from cockpit.core.changes import View, based_on
from cockpit.core.errors import ConflictError, InvalidError, NotFoundError
from cockpit.core.i18n import t
from cockpit.items.workspace import Workspace
from cockpit.screens import STYLESHEET, overlays
from cockpit.screens.daily.screen import DailyScreen
from cockpit.screens.keys import APP, localise
from cockpit.screens.reminders import Reminders
from cockpit.screens.safe import say
from cockpit.screens.typeahead import TypeAhead, is_typed
from cockpit.storage import StorageError

if TYPE_CHECKING:
    from cockpit.doctor.facts import Origin

WATCH_SECONDS = 1.0
ROLLOVER_SECONDS = 15.0
FIRST_REFRESH_SECONDS = 3.0  # let the first paint and the first keys go first
CALENDAR_MINUTES = 30
REMIND_SECONDS = 15.0  # the reminders' clock tick ([notify])
# How long the app may take to end once its terminal is gone or SIGTERM/SIGHUP came.
# Textual's shutdown can wait for ever on its output thread then (seen: the main thread
# in WriterThread.stop and the output thread both asleep on the output queue, a later
# SIGTERM ignored, the process left behind for hours); every write of ours is atomic and
# long finished by then, so the process is ended outright.
LEAVE_GRACE_SECONDS = 10.0


class CockpitApp(App[None]):
    """The cockpit TUI over one workspace."""

    CSS_PATH = str(STYLESHEET)
    TITLE = "cockpit"
    BINDINGS: ClassVar[list[BindingType]] = APP

    def __init__(
        self, ws: Workspace, *, watch: bool = True, fetch: bool = True, origin: Origin | None = None
    ) -> None:
        overlays.install()  # toasts over the panels keep their Chinese characters
        super().__init__()
        localise(self)
        self.ws = ws
        self.origin = origin  # how the session was started, for "about"
        self.watch_files = watch
        self.fetch_feeds = fetch  # the demo and tests never touch the network by themselves
        self.feed_progress: Any = None
        self.on_tty = _stdin_is_tty()
        self._leave_timer: threading.Timer | None = None
        # One writer thread: changes persist in the order the keys were pressed, and
        # TinyDB / fsync never block the event loop.
        self.writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cockpit-writer")
        self.pending = 0
        self.failure: StorageError | None = None
        """A workspace file that could not be used: the app stopped because of it."""
        self.forms_saving = 0  # forms kept open until their save is stored (typeahead waits)
        self.maintained = ws.clock.today()  # the open workspace was maintained for today
        self.typeahead = TypeAhead(self, self._handle_event)
        self.reminders = Reminders(self)
        self.keymap: dict[str, str] = {}
        if ws.config.keys:
            # Imported only for a config with [keys]: checking them walks every screen.
            from cockpit.screens.keymap import keymap_of

            self.keymap = keymap_of(ws.config)  # a mistake: ConfigError, the app never runs
        commands.check_theme(self, ws.config.ui.theme)

    async def on_event(self, event: events.Event) -> None:
        # Keys typed ahead wait for the form or screen an earlier key opens (see
        # screens/typeahead.py) instead of going to whatever had the focus before.
        if self.typeahead.hold(event):
            return
        typed = is_typed(event)  # before handling: handing a key on marks it forwarded
        await self._handle_event(event)
        if typed:
            self.typeahead.handled()

    async def _handle_event(self, event: events.Event) -> None:
        await super().on_event(event)

    def on_mount(self) -> None:
        if self.keymap:
            self.set_keymap(self.keymap)
        if self.ws.config.ui.theme:
            self.theme = self.ws.config.ui.theme
        # A closed terminal (tmux killed, ssh dropped) must end the app: left running, its
        # input thread would spin on end-of-file. SIGTERM also restores the terminal.
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGHUP, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(sig, self.leave)
        self.push_screen(DailyScreen())
        self.typeahead.handled()  # keys typed during start-up wait for the daily screen
        if self.watch_files:
            self.set_interval(WATCH_SECONDS, self.check_outside_changes)
            self.set_interval(WATCH_SECONDS, self.check_terminal)
            self.set_interval(ROLLOVER_SECONDS, self.check_rollover)
            self.set_timer(FIRST_REFRESH_SECONDS, self.reminders.check)
            self.set_interval(REMIND_SECONDS, self.reminders.check)
        minutes = self.ws.config.feeds.refresh_minutes
        if self.fetch_feeds and minutes:
            self.set_timer(FIRST_REFRESH_SECONDS, self._timed_feed_refresh)
            self.set_interval(minutes * 60, self._timed_feed_refresh)
        if self.fetch_feeds:
            self.set_timer(FIRST_REFRESH_SECONDS, self.refresh_calendars)
            self.set_interval(CALENDAR_MINUTES * 60, self.refresh_calendars)
        self._tell_warnings()

    def on_ready(self) -> None:
        """First frame is on screen: resume the garbage collector paused for loading, and
        move everything loaded so far out of its way (it lives as long as the app)."""
        gc.freeze()
        gc.enable()

    def on_unmount(self) -> None:
        self.writer.shutdown(wait=True)

    def _handle_exception(self, error: Exception) -> None:
        """A workspace file found damaged while a screen reads it (a title that is a
        number, a record that is a list) stops the app the way it stops the CLI: the
        sentence naming the file, the problem and the restore command, and status 3
        (`cockpit.tui` raises it again once the terminal is restored). Anything else
        is a bug: Textual's own handling, traceback included."""
        found = _storage_error(error)
        if found is None:
            super()._handle_exception(error)
            return
        self.failure = found
        self.exit(return_code=3)

    # persistence -----------------------------------------------------------------------
    def persist(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None,
        *,
        basis: View | None = None,
        on_error: Callable[[Exception], bool] | None = None,
    ) -> None:
        """Run `fn` on the writer thread; call `on_done(result)` back on the UI.

        `basis` is what the user saw when deciding the change (`ws.files.view()`): a
        record changed elsewhere since is merged field by field or the change is
        refused (`cockpit.core.changes`). A refusal is one sentence: shown by
        `on_error` (a form keeps it next to its fields and returns True) or as a
        notification; a conflict or a failed save also reloads the screens from disk,
        so what is shown is what is stored.
        """
        self.pending += 1

        def write() -> Any:
            with based_on(basis):
                return fn()

        async def run() -> None:
            loop = asyncio.get_running_loop()
            try:
                result = await loop.run_in_executor(self.writer, write)
            except (ConflictError, InvalidError, NotFoundError, StorageError) as exc:
                if on_error is None or not on_error(exc):
                    self._refused(exc)
                if isinstance(exc, ConflictError | StorageError):
                    self._reload_after_failure()
                return
            except Exception as exc:  # a bug: the caller hears of it, the worker handler says it
                if on_error is not None:
                    on_error(exc)
                raise
            finally:
                self.pending -= 1
            if on_done is not None:
                on_done(result)

        self.run_worker(run(), group="writes", exit_on_error=False)

    def _refused(self, exc: Exception) -> None:
        if isinstance(exc, ConflictError):
            say(self, t("note.conflict", what=exc.what), severity="warning")
        else:
            say(self, t("note.error", message=exc), severity="error", timeout=8)

    def _reload_after_failure(self) -> None:
        """Show what is on disk after a refused or failed write (never raising: a file
        that cannot be read now is one more sentence)."""
        try:
            self.reload_screens()
        except StorageError as exc:
            say(self, str(exc), severity="error", timeout=10)

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        """Any worker that fails (every one runs with `exit_on_error=False`) becomes a
        notification: no background job can end the app."""
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        message = str(error) or type(error).__name__
        say(self, t("note.failed", message=message), severity="error", timeout=10)
        self._reload_after_failure()

    def _tell_warnings(self) -> None:
        """Say what maintenance could not do (a full disk at start or at midnight)."""
        while self.ws.warnings:
            warning = self.ws.warnings.pop(0)
            say(self, warning, severity="warning", timeout=12)

    # background work (`cockpit/app/jobs.py`) ---------------------------------------------
    def refresh_feeds(
        self, feed_ids: list[int] | None = None, force: bool = False, *, asked: bool = True
    ) -> None:
        """Refresh feeds in the background; progress shows on the screens, keys keep
        working (`asked` is False for the timer's own, quiet refreshes)."""
        jobs.refresh_feeds(self, feed_ids, force, asked=asked)

    def _timed_feed_refresh(self) -> None:
        jobs.refresh_feeds(self, None, False, asked=False)

    def refresh_calendars(self) -> None:
        """Re-read subscribed calendars in a thread; a broken one keeps its last copy."""
        jobs.refresh_calendars(self)

    def export_calendar(self, path: str) -> None:
        """Write the .ics export (routines and dated work) to `path`."""
        jobs.export_calendar(self, path)

    def sync_calendar(self) -> None:
        """`ical sync` from the palette: CalDAV push and pull in a thread."""
        jobs.sync_calendar(self)

    # timers ----------------------------------------------------------------------------
    def _daily(self) -> Any:
        for screen in self.screen_stack:
            if isinstance(screen, DailyScreen):
                return screen
        return None

    def check_outside_changes(self) -> None:
        """Reload when a CLI run or another terminal changed the workspace."""
        if self.pending:
            return
        try:
            changed = self.ws.outside_changes()
        except StorageError:
            return
        if changed:
            try:
                self.reload_screens()
            except StorageError as exc:
                say(self, str(exc), severity="error", timeout=10)
                return
            say(self, t("hint.reloaded"), timeout=2)

    def check_terminal(self) -> None:
        """Quit when our terminal hung up without a SIGHUP reaching us (seen under
        `make run` in a killed tmux): the input side then reports end of file for ever,
        and a hung-up pty stops being a tty at all."""
        if not self.on_tty:
            return
        try:
            poller = select.poll()
            poller.register(0, select.POLLHUP)
            gone = any(ev & (select.POLLHUP | select.POLLERR) for _fd, ev in poller.poll(0))
        except (OSError, ValueError):
            gone = True
        if gone or not os.isatty(0):
            self.leave()

    def leave(self) -> None:
        """End the app because its terminal is gone or it was told to (SIGHUP, SIGTERM),
        and make sure the process ends even when Textual's shutdown hangs."""
        if self.on_tty and self._leave_timer is None:  # a real terminal: a process of its own
            self._leave_timer = threading.Timer(LEAVE_GRACE_SECONDS, os._exit, args=(0,))
            self._leave_timer.daemon = True
            self._leave_timer.start()
        self.exit()

    def reload_screens(self) -> None:
        """Redraw every open screen that shows workspace data."""
        for screen in self.screen_stack:
            reload = getattr(screen, "reload", None)
            if callable(reload):
                reload()

    def check_rollover(self) -> None:
        """Midnight and Monday arrive without a restart; a new day also brings the daily
        backup and archive sweep (on the writer thread), as opening a workspace does."""
        today = self.ws.clock.today()
        if today != self.maintained:
            self.maintained = today
            self.persist(self.ws.maintain, on_done=lambda _made: self._maintained())
        if (daily := self._daily()) is not None:
            daily.check_rollover()

    def _maintained(self) -> None:
        self._tell_warnings()
        self.reload_screens()  # the sweep moved old finished items out of the hot file

    # command palette, themes, about (`cockpit/app/commands.py`) ---------------------------
    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """cockpit's own commands only, in the UI language (Textual's English ones left
        out)."""
        return commands.system_commands(self, screen)

    def action_command_palette(self) -> None:
        """`ctrl+p`: the palette of cockpit's commands, worded in the UI language."""
        commands.open_command_palette(self)

    def action_change_theme(self) -> None:
        """The theme picker (the palette's "app: change theme")."""
        commands.change_theme(self)

    def choose_theme(self, name: str) -> None:
        """Switch to theme `name` and save it as `[ui] theme` in the config file."""
        commands.choose_theme(self, name)

    def show_about(self) -> None:
        """The facts of `cockpit doctor` for this session, in a modal."""
        commands.show_about(self)


def _storage_error(error: BaseException) -> StorageError | None:
    """The storage failure behind `error` (Textual may wrap what a handler raised)."""
    seen: BaseException | None = error
    for _depth in range(8):
        if seen is None:
            return None
        if isinstance(seen, StorageError):
            return seen
        seen = getattr(seen, "error", None) or seen.__cause__ or seen.__context__
    return None


def _stdin_is_tty() -> bool:
    try:
        return os.isatty(0)
    except OSError:
        return False


def make_app(
    ws: Workspace, *, watch: bool = True, fetch: bool = True, origin: Origin | None = None
) -> CockpitApp:
    """The app as the CLI, the tests and the benchmarks build it.

    Args:
        ws: the workspace to show.
        watch: poll for outside changes and the date (off in tests that drive it).
        fetch: refresh feeds in the background on the configured interval.
        origin: the flags the session was started with (for "about"); default: told
            from the workspace's paths.
    """
    return CockpitApp(ws, watch=watch, fetch=fetch, origin=origin)
