"""The Textual app: holds the workspace, the ordered writer and the timers; screens do
the rest (see `screens/`)."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from cockpit.i18n import t
from cockpit.screens import STYLESHEET
from cockpit.storage import StorageError
from cockpit.workspace import InvalidError, NotFoundError, Workspace

WATCH_SECONDS = 1.0
ROLLOVER_SECONDS = 15.0


class CockpitApp(App[None]):
    """The cockpit TUI over one workspace."""

    CSS_PATH = str(STYLESHEET)
    TITLE = "cockpit"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+p",
            "command_palette",
            "key.palette",
            id="command_palette",
            show=False,
            priority=True,
        ),
    ]

    def __init__(self, ws: Workspace, *, watch: bool = True) -> None:
        from cockpit.screens.keys import localise

        super().__init__()
        localise(self)
        self.ws = ws
        self.watch_files = watch
        # One writer thread: changes persist in the order the keys were pressed, and
        # TinyDB / fsync never block the event loop.
        self.writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cockpit-writer")
        self.pending = 0

    def on_mount(self) -> None:
        from cockpit.screens.daily import DailyScreen

        if self.ws.config.keys:
            self.set_keymap(self.ws.config.keys)
        self.push_screen(DailyScreen())
        if self.watch_files:
            self.set_interval(WATCH_SECONDS, self.check_outside_changes)
            self.set_interval(ROLLOVER_SECONDS, self.check_rollover)

    def on_ready(self) -> None:
        """First frame is on screen: resume the garbage collector paused for loading, and
        move everything loaded so far out of its way (it lives as long as the app)."""
        gc.freeze()
        gc.enable()

    def on_unmount(self) -> None:
        self.writer.shutdown(wait=True)

    # persistence -----------------------------------------------------------------------
    def persist(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None) -> None:
        """Run `fn` on the writer thread; call `on_done(result)` back on the UI."""
        self.pending += 1

        async def run() -> None:
            loop = asyncio.get_running_loop()
            try:
                result = await loop.run_in_executor(self.writer, fn)
            except (InvalidError, NotFoundError, StorageError) as exc:
                self.notify(t("note.error", message=exc), severity="error", timeout=6)
                return
            finally:
                self.pending -= 1
            if on_done is not None:
                on_done(result)

        self.run_worker(run(), group="writes", exit_on_error=False)

    # timers ----------------------------------------------------------------------------
    def _daily(self) -> Any:
        from cockpit.screens.daily import DailyScreen

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
        if changed and (daily := self._daily()) is not None:
            try:
                daily.reload()
            except StorageError as exc:
                self.notify(str(exc), severity="error", timeout=10)
                return
            self.notify(t("hint.reloaded"), timeout=2)

    def check_rollover(self) -> None:
        """Midnight and Monday arrive without a restart."""
        if (daily := self._daily()) is not None:
            daily.check_rollover()

    # command palette -------------------------------------------------------------------
    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Every action of the current screen, named "area: verb", plus the app's own."""
        yield from super().get_system_commands(screen)
        area = screen.id or "app"
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if binding.action in seen or binding.system:
                continue
            seen.add(binding.action)
            key = self.get_key_display(binding)
            yield SystemCommand(
                f"{area}: {binding.description or binding.action}",
                f"key {key}",
                _runner(screen, binding.action),
            )


def _runner(screen: Screen[Any], action: str) -> Callable[[], Any]:
    async def run() -> None:
        await screen.run_action(action)

    return run


def make_app(ws: Workspace, *, watch: bool = True) -> CockpitApp:
    """The app as the CLI, the tests and the benchmarks build it."""
    return CockpitApp(ws, watch=watch)
