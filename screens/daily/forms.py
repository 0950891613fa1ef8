"""The daily screen's add and edit keys: which form opens depends on the focused panel
(items, customers, news), and what the form returns is saved off the event loop."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cockpit.core.i18n import t
from cockpit.feeds.store import EntryStore
from cockpit.screens.daily import opening
from cockpit.screens.daily.agenda_rows import followup_ref, linked_view, risk_ref
from cockpit.screens.safe import say

if TYPE_CHECKING:
    from cockpit.screens.daily.screen import DailyScreen


def add(daily: DailyScreen) -> None:
    """`a`: a new item (in the focused list; from a news entry), or a customer."""
    # Imported on first use, for start-up time: the screen opens without it.
    from cockpit.screens.dialogs.forms import CustomerForm, ItemForm

    panel = daily.focused_panel()
    if panel is not None and panel.kind == "customers":
        daily.open_form(CustomerForm(), lambda values: _save_customer(daily, values))
        return
    preset: dict[str, Any] = {}
    if panel is not None and panel.panel in ("plan", "ops", "key"):
        preset["list"] = panel.panel
    if panel is not None and panel.kind == "entries" and (ref := panel.current_ref()):
        entry = EntryStore(daily.ws.files).get(ref)
        if entry is not None:
            preset.update(title=entry.title, notes=entry.link or "", tags="news")
    daily.open_form(ItemForm(daily.ws, None, preset), daily.save_item)


def edit(daily: DailyScreen) -> None:
    """`e`/`enter`: edit the item, log a touch with the customer, or open the entry."""
    # Imported on first use, for start-up time: the screen opens without it.
    from cockpit.screens.dialogs.forms import ItemForm

    panel = daily.focused_panel()
    if panel is not None and panel.kind == "customers":
        if (ref := panel.current_ref()) is not None:
            log_touch(daily, ref)
        return
    if panel is not None and panel.kind == "agenda":
        ref = panel.current_ref()
        if ref is not None and (customer_id := followup_ref(ref)) is not None:
            log_touch(daily, customer_id)
        elif ref is not None and (view := linked_view(daily.ws, ref)) is not None:
            opening.open_view(daily, view)  # a checklist line that names its screen
        else:
            say(daily, t("note.not_here"), severity="warning")
        return
    ref = panel.current_ref() if panel is not None and panel.panel == "key" else None
    if ref is not None and (req_id := risk_ref(ref)) is not None:
        opening.open_view(daily, "requirements:risk", select=req_id)
        return
    if panel is not None and panel.kind == "entries":
        daily.action_open_link()
        return
    item = daily.need_item()
    if item is not None:
        daily.open_form(ItemForm(daily.ws, item, {}), daily.save_item)


def log_touch(daily: DailyScreen, customer_id: int) -> None:
    """The touch form for a customer (customers panel, or a follow-up on the agenda)."""
    # Imported on first use, for start-up time: the screen opens without it.
    from cockpit.screens.dialogs.forms import TouchForm

    try:
        cust = daily.ws.customers.get(customer_id)
    except LookupError:
        say(daily, t("note.not_here"), severity="warning")
        return
    daily.open_form(TouchForm(daily.ws, cust.name), lambda values: _save_touch(daily, values))


def save_item(daily: DailyScreen, values: dict[str, Any] | None) -> None:
    """Store a new item, or the fields the user changed in an existing one (the form
    returns only those; an edit that changed nothing writes nothing)."""
    if not values:
        return
    item_id = values.pop("id", None)
    if item_id is not None and not values:
        return
    ws = daily.ws
    if item_id is None:
        daily.change(
            lambda: ws.add(values.pop("title"), **values),
            lambda item: t("note.added", id=item.id, title=item.title),
        )
        return
    fields = dict(values)
    if "list_name" in fields:
        fields["list"] = fields.pop("list_name")
    fields.pop("status", None)
    daily.change(
        lambda: ws.edit(item_id, **fields),
        lambda item: t("note.saved", title=item.title),
    )


def _save_customer(daily: DailyScreen, values: dict[str, Any] | None) -> None:
    if values:
        name = values.pop("name")
        daily.change(
            lambda: daily.ws.customers.add(name, **values),
            lambda cust: t("note.added", id=cust.id, title=cust.name),
        )


def _save_touch(daily: DailyScreen, values: dict[str, Any] | None) -> None:
    if values:
        name = values.pop("name")
        note = values.pop("note")
        daily.change(
            lambda: daily.ws.customers.touch(name, note, **values),
            lambda _touch: t("note.touched", name=name),
        )
