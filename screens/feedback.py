"""The toast that says what a change did ("Done: Write the PRD"), one at a time.

Triage is fast: ten `x` in a few seconds raised ten toasts, stacked over the panels,
and every new toast laid out the whole stack again (a toast costs a layout of the
screen; thirty live toasts made each keypress several times slower). A change's toast
now replaces the previous change's toast; warnings and errors keep their own toasts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.notifications import Notification, Notify

if TYPE_CHECKING:
    from cockpit.app import CockpitApp

TIMEOUT = 3.0


def tell(app: CockpitApp, message: str) -> None:
    """Show `message` (plain text, never markup) as the latest change's toast."""
    previous = app.feedback_note
    if previous is not None:
        app._unnotify(previous, refresh=False)  # its toast goes when the new one shows
    note = Notification(message, "", "information", TIMEOUT, markup=False)
    app.feedback_note = note
    app.post_message(Notify(note))
