"""Forms of the customers screen: add or edit a customer, log a touch, flag a churn risk,
and a small fuzzy picker of open items to link.

Each form checks its values with the book's own rules before it closes (a mistake shows
inside the form, next to its field) and returns them; the screen persists.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input
from textual.widgets.option_list import Option

from cockpit.core.errors import InvalidError
from cockpit.core.i18n import t
from cockpit.core.model import TIERS, Customer, Item
from cockpit.core.text import clean_block
from cockpit.customers.fields import CHANNELS, CHURN_STAGES, SOURCES, STAGES, parse_deal
from cockpit.customers.fields import plain_number as _plain
from cockpit.find.records import item_records
from cockpit.find.search import SearchIndex
from cockpit.screens.dialogs.forms import FormError
from cockpit.screens.keys import localise
from cockpit.screens.planning.forms import PlanningForm
from cockpit.screens.safe import Label, OptionList


def _options(kind: str, values: tuple[str, ...]) -> list[tuple[str, str]]:
    prefix = "tier" if kind == "tier" else f"customers.{kind}"
    return [(t(f"{prefix}.{v}") if v else t("customers.source.none"), v) for v in values]


class CustomerForm(PlanningForm):
    """Add a customer, or edit `cust`: every field the book keeps but the touch log."""

    def __init__(self, cust: Customer | None = None) -> None:
        title = t("customers.form.edit", name=cust.name) if cust else t("form.add_customer")
        super().__init__(title)
        self.cust = cust

    def compose(self) -> ComposeResult:
        c = self.cust or Customer()
        with Vertical(classes="form", id="cust-form"):
            yield Label(self.form_title, classes="form-title")
            yield from self.field("form.name", "cust-name", c.name)
            yield from self.choice("form.tier", "cust-tier", _options("tier", TIERS), c.tier)
            yield from self.choice(
                "customers.form.stage", "cust-stage", _options("stage", STAGES), c.stage
            )
            deal = _plain(c.deal_value) if c.deal_value else ""
            yield from self.field("customers.form.deal", "cust-deal", deal)
            yield from self.field("form.industry", "cust-industry", c.industry)
            yield from self.field("form.region", "cust-region", c.region)
            sources = _options("source", SOURCES)
            yield from self.choice("customers.form.source", "cust-source", sources, c.source)
            yield from self.field("customers.form.owner", "cust-owner", c.owner)
            yield from self.field("form.next_followup", "cust-next", c.next_followup or "")
            yield from self.field("customers.form.reason", "cust-reason", c.churn_reason)
            yield from self.notes_field("form.notes", "cust-notes", c.notes)
            yield from self.error_line()
            yield Label(t("form.hint"), classes="form-hint")

    def collect(self) -> dict[str, Any]:
        name = self.text("cust-name")
        if not name:
            raise FormError("cust-name", t("customers.form.name_required"))
        try:
            deal = parse_deal(self.text("cust-deal"))
        except InvalidError as exc:
            raise FormError("cust-deal", str(exc)) from None
        stage = self.picked("cust-stage", "customer")
        reason = self.text("cust-reason")
        if stage == "churn-risk" and not reason:
            raise FormError("cust-reason", t("customers.form.reason_required"))
        notes = clean_block(self.block("cust-notes"))
        return {
            "name": name,
            "tier": self.picked("cust-tier", "normal"),
            "stage": stage,
            "deal_value": deal,
            "industry": self.text("cust-industry"),
            "region": self.text("cust-region"),
            "source": self.picked("cust-source", ""),
            "owner": self.text("cust-owner"),
            "next_followup": self.date_or_none("cust-next"),
            # A reason only goes with a churn stage; leaving one clears it.
            "churn_reason": reason if stage in CHURN_STAGES else "",
            "notes": notes,
        }


class TouchForm(PlanningForm):
    """Log a call, visit, chat, mail or meeting; optionally set the next follow-up."""

    def __init__(self, name: str) -> None:
        super().__init__(t("form.touch", name=name))
        self.customer_name = name

    def compose(self) -> ComposeResult:
        with Vertical(classes="form", id="cust-touch-form"):
            yield Label(self.form_title, classes="form-title")
            channels = _options("channel", CHANNELS)
            yield from self.choice("form.channel", "cust-channel", channels, "call")
            yield from self.field("form.note", "cust-note")
            yield from self.field("form.next_followup", "cust-touch-next")
            yield from self.field("customers.form.day", "cust-day")
            yield from self.error_line()
            yield Label(t("form.hint"), classes="form-hint")

    def on_mount(self) -> None:
        self.query_one("#cust-note", Input).focus()

    def collect(self) -> dict[str, Any]:
        return {
            "note": self.text("cust-note"),
            "channel": self.picked("cust-channel", "call"),
            "next_followup": self.date_or_none("cust-touch-next"),
            "day": self.date_or_none("cust-day"),
        }


class ChurnForm(PlanningForm):
    """Flag a churn risk: the reason is required (it goes into the weekly report)."""

    def __init__(self, cust: Customer) -> None:
        super().__init__(t("customers.form.churn", name=cust.name))
        self.cust = cust

    def compose(self) -> ComposeResult:
        with Vertical(classes="form", id="cust-churn-form"):
            yield Label(self.form_title, classes="form-title")
            yield from self.field(
                "customers.form.reason", "cust-churn-reason", self.cust.churn_reason
            )
            yield from self.error_line()
            yield Label(t("form.hint"), classes="form-hint")

    def collect(self) -> dict[str, Any]:
        reason = self.text("cust-churn-reason")
        if not reason:
            raise FormError("cust-churn-reason", t("customers.form.reason_required"))
        return {"reason": reason}


class ItemPicker(ModalScreen[int | None]):
    """Pick one open item, fuzzy-filtered as you type (rapidfuzz via cockpit.find.search)."""

    AREA = "item_picker"  # its name in the palette, the help and [keys] sentences
    BINDINGS = [
        Binding("escape", "cancel", "key.cancel", id="customers_pick_cancel"),
        Binding("down,ctrl+n", "move(1)", "key.down", id="customers_pick_down", show=False),
        Binding("up", "move(-1)", "key.up", id="customers_pick_up", show=False),
    ]
    LIMIT = 50

    def __init__(self, name: str, items: list[Item], week: str) -> None:
        super().__init__(classes="form-screen")
        localise(self)
        self.customer_name = name
        # This week's work first, then the carry-over (latest week first), then later
        # weeks: what is being discussed with the customer now comes on top.
        ordered = sorted(items, key=lambda i: (i.week, i.id))
        self.items = [i for i in ordered if i.week == week]
        self.items += [i for i in reversed(ordered) if i.week < week]
        self.items += [i for i in ordered if i.week > week]
        self.by_id = {i.id: i for i in self.items}
        self.index = SearchIndex(item_records(self.items))
        self.shown: list[int] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="form finder", id="cust-picker"):
            yield Label(t("customers.pick.title", name=self.customer_name), classes="form-title")
            yield Input(placeholder=t("customers.pick.placeholder"), id="cust-pick-input")
            yield OptionList(id="cust-pick-list")
            yield Label(t("customers.pick.hint"), classes="form-hint")

    def on_mount(self) -> None:
        self._show("")
        self.query_one("#cust-pick-input", Input).focus()

    @on(Input.Changed, "#cust-pick-input")
    def _typed(self, event: Input.Changed) -> None:
        self._show(event.value)

    def _show(self, query: str) -> None:
        if query.strip():
            today = self.app.ws.clock.today()  # type: ignore[attr-defined]
            hits = self.index.search(query, limit=self.LIMIT, today=today)
            self.shown = [h.ref for h in hits]
        else:
            self.shown = [i.id for i in self.items[: self.LIMIT]]
        options = self.query_one("#cust-pick-list", OptionList)
        options.clear_options()
        options.add_options(self._option(self.by_id[ref]) for ref in self.shown)
        if self.shown:
            options.highlighted = 0

    def _option(self, item: Item) -> Option:
        line = Text(f"#{item.id} ", style="dim")
        line.append(item.title)
        line.append(f"  {item.week}", style="dim")
        if item.customer:
            line.append(f"  {t('meta.customer', name=item.customer)}", style="magenta")
        return Option(line)

    def action_move(self, step: int) -> None:
        options = self.query_one("#cust-pick-list", OptionList)
        if self.shown:
            current = options.highlighted or 0
            options.highlighted = max(0, min(len(self.shown) - 1, current + step))

    @on(Input.Submitted, "#cust-pick-input")
    def _submit(self, event: Input.Submitted) -> None:
        event.stop()
        index = self.query_one("#cust-pick-list", OptionList).highlighted
        self.dismiss(self.shown[index] if self.shown and index is not None else None)

    @on(OptionList.OptionSelected, "#cust-pick-list")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.shown[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
