"""Reminders of the open app: on the clock tick, what is coming due and not yet told by
any cockpit (`cockpit.reminders`) raises a toast, the terminal's own notification
(OSC 9 / OSC 777, through tmux's passthrough) or else the bell, as `[notify]` says.

The tick costs the due index and a file stamp while nothing is new; a keypress costs
nothing. Claiming what to tell writes `reminders.json` under the workspace lock, in a
thread (an fsync never waits on the event loop); a failure there (a full disk, the lock
held long by a CLI run) is tried again on a later tick and never ends the app.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from cockpit.core.i18n import t
from cockpit.reminders import words
from cockpit.reminders.due import DueFinder, Reminder
from cockpit.reminders.sent import SentLog
from cockpit.reminders.terminal import Notice, decide, sequence
from cockpit.screens.safe import say
from cockpit.storage import StorageError

if TYPE_CHECKING:
    from cockpit.app import CockpitApp

TOAST_SECONDS = 15.0


class Reminders:
    """The app's reminders: `check` on each tick, `watched` for watch-word entries."""

    def __init__(self, app: CockpitApp) -> None:
        self.app = app
        self.finder = DueFinder()
        self.log = SentLog(app.ws.files)
        self.notice: Notice | None = None
        """How this terminal is told (decided once, in the claiming thread)."""
        self.out: Callable[[str], None] = self._write
        """Where the terminal's sequences and the bell go: the app's driver."""
        self._claiming = False

    @property
    def enabled(self) -> bool:
        notify = self.app.ws.config.notify
        return notify.toast or notify.bell or notify.terminal != "off"

    def check(self) -> None:
        """The clock tick: tell what came due since the last one."""
        ws = self.app.ws
        if not self.enabled or self._claiming or ws.preview:
            return
        try:
            due = self.finder.due(ws, ws.config.notify, ws.clock.now())
            told = self.log.told()
        except StorageError:
            return  # a damaged file is the screens' to report; the next tick tries again
        fresh = [r for r in due if r.key not in told]
        if fresh:
            self._claim(fresh, lambda chosen: words.toast(chosen, ws.clock.now()))

    def show_due(self) -> None:
        """The palette's "app: what is due now": every reminder of this moment, told
        already or not, in one toast (nothing is recorded)."""
        ws = self.app.ws
        now = ws.clock.now()
        due = self.finder.due(ws, ws.config.notify, now)
        say(self.app, words.toast(due, now) if due else t("remind.none"), timeout=30)

    def watched(self, reminders: Sequence[Reminder], toast: str) -> None:
        """Entries naming a watch word arrived: tell them once (`toast` is their words)."""
        if self.enabled and reminders:
            self._claim(list(reminders), lambda _chosen: toast)

    # telling -----------------------------------------------------------------------
    def _claim(self, due: list[Reminder], toast: Callable[[list[Reminder]], str]) -> None:
        self._claiming = True
        app = self.app
        notify = app.ws.config.notify
        setting, env = notify.terminal, dict(os.environ)

        def claim() -> None:
            try:
                if self.notice is None:  # tmux is asked once, here, off the event loop
                    self.notice = decide(setting, env)
                if not (notify.toast or notify.bell or self.notice.kind):
                    return  # nothing here can show it: left for a window or a cron that can
                keys = set(self.log.claim([r.key for r in due], app.ws.clock.now()))
            except StorageError:
                keys = set()
            finally:
                self._claiming = False
            chosen = [r for r in due if r.key in keys]
            if chosen:
                app.call_from_thread(self._tell, chosen, toast(chosen))

        app.run_worker(claim, thread=True, group="reminders", exit_on_error=False)

    def _tell(self, chosen: list[Reminder], toast: str) -> None:
        notify = self.app.ws.config.notify
        if notify.toast:
            say(self.app, toast, timeout=TOAST_SECONDS)
        notice = self.notice or Notice(None, False, "")
        title, body = words.notice(chosen, self.app.ws.clock.now())
        if chosen[0].kind == "watch":
            title, body = "cockpit", toast
        seq = sequence(notice, title, body)
        if seq:
            self.out(seq)
        elif notify.bell:
            self.out("\a")

    def _write(self, data: str) -> None:
        driver = self.app._driver
        if driver is not None and not self.app.is_headless:
            driver.write(data)
            driver.flush()
