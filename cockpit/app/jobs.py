"""The app's background work: feed refreshes, subscribed calendars, the .ics export and
CalDAV sync. Each runs as a worker with `exit_on_error=False` (a failure is a
notification, never the end of the app) and reads with its own file handles or on the
writer thread, so the screens never see a file half-written; the screens are reloaded
when it brought something."""

from __future__ import annotations

import asyncio
import threading
from typing import TYPE_CHECKING, Any

from cockpit.core.i18n import t
from cockpit.screens.safe import say
from cockpit.storage import StorageError

if TYPE_CHECKING:
    from cockpit.app import CockpitApp


# feeds -----------------------------------------------------------------------------------
def refresh_feeds(app: CockpitApp, feed_ids: list[int] | None, force: bool, *, asked: bool) -> None:
    """Refresh in the background; progress shows on the screens, keys keep working.

    `asked` is False for the timer's own refreshes: those stay quiet unless they brought
    news or a feed failed (no "nothing to refresh" toast every half hour).
    """
    if app.feed_progress is not None:
        if asked:
            say(app, t("refresh.busy"), severity="warning", timeout=2)
        return
    # Imported on first use, for start-up time.
    from cockpit.feeds.refresh import Progress

    app.feed_progress = Progress(0, 0, 0, "")  # busy from now, not from the worker start
    app.run_worker(
        _refresh(app, feed_ids, force, asked), group="feeds", exclusive=True, exit_on_error=False
    )


async def _refresh(app: CockpitApp, feed_ids: list[int] | None, force: bool, asked: bool) -> None:
    # Imported on first use, for start-up time.
    from cockpit.feeds.refresh import FetchSettings, Progress
    from cockpit.feeds.refresh import refresh_feeds as refresh

    def progress(p: Progress) -> None:
        if threading.current_thread() is threading.main_thread():
            show_progress(app, p)
        else:
            app.call_from_thread(show_progress, app, p)

    try:
        results = await refresh(
            app.ws.files,
            FetchSettings.from_config(app.ws.config),
            app.ws.clock.now(),
            feed_ids=feed_ids,
            force=force,
            on_progress=progress,
        )
    except StorageError as exc:
        say(app, str(exc), severity="error", timeout=10)
        return
    finally:
        app.feed_progress = None
        show_progress(app, None)
    new = sum(r.new_entries for r in results)
    failed = sum(1 for r in results if r.status == "error")
    if not results:
        if asked:
            say(app, t("refresh.none"), timeout=2)
    elif asked or new or failed:
        say(app, t("refresh.done", new=new, failed=failed), timeout=4)
    app.reload_screens()


def show_progress(app: CockpitApp, progress: Any) -> None:
    """Hand a refresh's progress (None: finished) to every screen that shows it."""
    if progress is not None:
        app.feed_progress = progress
    for screen in app.screen_stack:
        show = getattr(screen, "show_progress", None)
        if callable(show):
            show(progress)


# calendars -------------------------------------------------------------------------------
def refresh_calendars(app: CockpitApp) -> None:
    """Re-read subscribed calendars in a thread; a broken one keeps its last copy."""
    app.run_worker(_refresh_calendars(app), group="calendars", exclusive=True, exit_on_error=False)


async def _refresh_calendars(app: CockpitApp) -> None:
    # Imported on first use, for start-up time.
    from cockpit.calendar.ical_import import refresh_subscriptions

    # Its own file handles: the UI's cached copies are never seen half-written.
    try:
        reports = await asyncio.to_thread(refresh_subscriptions, app.ws.detached())
    except StorageError as exc:  # e.g. the lock held too long by a CLI run
        say(app, str(exc), severity="warning", timeout=8)
        return
    for report in reports:
        if report.error:
            say(app, report.error, severity="warning", timeout=6)
    if reports:
        app.reload_screens()


def export_calendar(app: CockpitApp, path: str) -> None:
    """Write the .ics export (routines and dated work) to `path`, on the writer thread."""

    def write() -> str:
        from pathlib import Path

        # Imported on first use, for start-up time.
        from cockpit.calendar.ical_export import export_calendar as exported
        from cockpit.storage.atomic import atomic_write

        target = Path(path).expanduser()
        atomic_write(target, exported(app.ws))
        return str(target)

    app.persist(write, on_done=lambda where: say(app, t("cal.written", path=where)))


def sync_calendar(app: CockpitApp) -> None:
    """`ical sync` from the palette: CalDAV push and pull in a thread."""
    app.run_worker(_sync_calendar(app), group="caldav", exclusive=True, exit_on_error=False)


async def _sync_calendar(app: CockpitApp) -> None:
    # Imported on first use, for start-up time.
    from cockpit.calendar.caldav_client import SyncError
    from cockpit.calendar.caldav_sync import sync

    try:
        report = await asyncio.to_thread(sync, app.ws.detached())  # own file handles
    except (SyncError, StorageError) as exc:
        say(app, str(exc), severity="error", timeout=10)
        return
    say(app, " ".join(report.describe()), timeout=8)
    app.reload_screens()
