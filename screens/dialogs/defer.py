"""`>` on an item with a due date: move the due date with it, or keep it.

Deferring never hides a deadline: kept, the due date stays and the item keeps showing
in the week it is due. The dialog says which, and one key picks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen

from cockpit.core.i18n import relative_day, t
from cockpit.core.weeks import week_of, weeks_between
from cockpit.items.rules import week_end
from cockpit.screens.keys import localise
from cockpit.screens.safe import Label, Static

if TYPE_CHECKING:
    from cockpit.core.model import Item

DEFER_KEYS: list[BindingType] = [
    Binding("m", "move", "key.defer_move_due", id="defer_move_due"),
    Binding("k", "keep", "key.defer_keep_due", id="defer_keep_due"),
    Binding("escape,q", "cancel", "key.cancel", id="defer_cancel"),
]


def shifted_due(item: Item, target: str, current: str) -> dt.date | None:
    """The due date moved by as many weeks as the item moves to `target`."""
    due = item.due_date()
    if due is None:
        return None
    return due + dt.timedelta(weeks=weeks_between(item.week or current, target))


class DeferScreen(ModalScreen[bool | None]):
    """Returns True (move the due date too), False (keep it) or None (cancel)."""

    AREA = "defer"  # its name in the palette, the help and [keys] sentences
    BINDINGS = DEFER_KEYS

    def __init__(self, item: Item, target: str, today: dt.date) -> None:
        super().__init__(classes="form-screen", id="defer-dialog")
        localise(self)
        self.item = item
        self.target = target
        self.today = today

    def compose(self) -> ComposeResult:
        item, today = self.item, self.today
        due = item.due_date()
        assert due is not None
        moved = shifted_due(item, self.target, week_of(today))
        with Vertical(classes="form form-small defer"):
            yield Label(t("defer.title", week=self.target), classes="form-title")
            yield Static(Text(item.title, style="bold"))
            yield Static(Text(t("defer.due", date=due.isoformat(), when=relative_day(due, today))))
            yield Static(Text(t("defer.move", date=moved.isoformat() if moved else "")))
            if due.isoformat() <= week_end(week_of(today)):
                yield Static(Text(t("defer.keep")))
            else:
                yield Static(Text(t("defer.keep_later", date=due.isoformat())))
            yield Label(t("defer.cancel"), classes="form-hint")

    def action_move(self) -> None:
        self.dismiss(True)

    def action_keep(self) -> None:
        self.dismiss(False)

    def action_cancel(self) -> None:
        self.dismiss(None)


def ask_defer(screen: Screen[Any], item: Item, target: str, then: Callable[[bool], None]) -> None:
    """Call `then(shift_due)`: at once for an item without a due date, else after the
    dialog (nothing happens when it is cancelled)."""
    if item.due_date() is None:
        then(False)
        return
    today: dt.date = screen.app.ws.clock.today()  # type: ignore[attr-defined]

    def chosen(shift_due: bool | None) -> None:
        if shift_due is not None:
            then(shift_due)

    screen.app.push_screen(DeferScreen(item, target, today), chosen)


def deferred_note(after: Item, before: Item) -> str:
    """ "Deferred to W48: title · due date moved to …" (or "stays …")."""
    text = t("note.deferred", week=after.week, title=after.title)
    if after.due and after.due != before.due:
        text += " · " + t("note.due_moved", date=after.due)
    elif after.due:
        text += " · " + t("note.due_stays", date=after.due)
    return text
