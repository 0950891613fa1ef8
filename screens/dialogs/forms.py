"""Modal forms: add/edit an item, add a customer, log a touch, pick a week.

Each returns a dict of checked values (or None when cancelled); the calling screen saves.
Enter in any field saves, escape cancels. Values are validated here so a mistake is shown
next to the form instead of failing later in a worker.
"""

from __future__ import annotations

import datetime as dt
from abc import abstractmethod
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input

from cockpit.core.dates import parse_date
from cockpit.core.errors import DateError, InvalidError, NotFoundError, WeekError
from cockpit.core.i18n import t
from cockpit.core.model import LISTS, TIERS, Item
from cockpit.core.text import clean_block
from cockpit.core.weeks import parse_week
from cockpit.customers.book import CHANNELS, name_candidates
from cockpit.screens.dialogs.text_fields import TextFields
from cockpit.screens.keys import localise
from cockpit.screens.safe import Label, Select, say

if TYPE_CHECKING:
    from cockpit.items.workspace import Workspace

LABEL_CELLS = 28  # the widest a field's label may be (a third of a 72-cell form, and some)

FORM_KEYS: list[BindingType] = [
    Binding("escape", "cancel", "key.cancel", id="form_cancel"),
    Binding("ctrl+s", "save", "key.save", id="form_save"),
    # Priority, or the focused text area's own ctrl+e (end of line) would take it; in a
    # one-line input the action steps aside (`check_action`) and ctrl+e ends the line.
    Binding("ctrl+e", "edit_in_editor", "key.editor", id="form_editor", priority=True),
]


class FormError(ValueError):
    """A field's value is wrong; carries the field id to focus."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class Form(TextFields, ModalScreen[dict[str, Any] | None]):
    """Shared layout and keys of the modal forms."""

    AREA = "form"  # its name in the palette, the help and [keys] sentences
    BINDINGS = FORM_KEYS

    def __init__(self, title: str) -> None:
        super().__init__(classes="form-screen")
        localise(self)
        self.form_title = title
        self.submit: Callable[[dict[str, Any]], None] | None = None
        """Set by `CockpitScreen.open_form`: saving hands the values over with the form
        still open (it closes once they are stored). Unset, saving dismisses with them."""

    def field(self, label_key: str, field_id: str, value: str = "", **kw: Any) -> ComposeResult:
        """A one-line input with its label on the left; a label's "(…)" hint becomes
        the placeholder, so the form fits on an 80x24 terminal."""
        label = t(label_key)
        short = label.split(" (")[0].split("（")[0]
        with Horizontal(classes="field"):
            yield Label(short, classes="field-label")
            yield Input(value=value, id=field_id, compact=True, placeholder=label, **kw)

    def choice(
        self, label_key: str, field_id: str, options: list[tuple[str, str]], value: str
    ) -> ComposeResult:
        """A compact drop-down with its label on the left."""
        with Horizontal(classes="field"):
            yield Label(t(label_key), classes="field-label")
            yield Select(options, value=value, allow_blank=False, id=field_id, compact=True)

    def on_mount(self) -> None:
        # Labels as wide as this form's widest (up to LABEL_CELLS): a fixed 12 or 16
        # cells cut `explanation of change` to `explanation of` and `拉动营收的行动`.
        labels = [
            label
            for label in self.query(".field-label").results(Label)
            if "routines-check-label" not in label.classes
        ]
        if labels:
            widest = max(cell_len(str(label.content)) for label in labels)
            for label in labels:
                label.styles.width = min(widest + 2, LABEL_CELLS)

    def on_resize(self) -> None:
        # Two rows a field (the field and a gap) do not fit a 24-line terminal.
        fields = len(self.query(".field"))
        self.set_class(self.size.height < 2 * fields + self.extra_rows() + 8, "-dense")

    def text(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", Input).value.strip()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        try:
            values = self.collect()
        except FormError as exc:
            self.show_error(str(exc))
            self.query_one(f"#{exc.field}").focus()
            return
        if self.submit is not None:
            self.submit(values)
        else:
            self.dismiss(values)

    def show_error(self, message: str) -> None:
        """A form with a `.form-error` label keeps the sentence inside it, next to the
        fields (a toast would cover them and fade while the user is still reading);
        other forms say it in a notification."""
        labels = self.query(".form-error").results(Label)
        error = next(labels, None)
        if error is None:
            say(self, message, severity="error", timeout=10)
            return
        error.update(Text(message))
        error.add_class("-shown")
        error.display = True

    @abstractmethod
    def collect(self) -> dict[str, Any]:
        """The checked values of the form (raise FormError on a bad one)."""

    def today(self) -> dt.date:
        ws: Workspace = self.app.ws  # type: ignore[attr-defined]
        return ws.clock.today()

    def date_or_none(self, field_id: str) -> dt.date | None:
        raw = self.text(field_id)
        if not raw:
            return None
        try:
            return parse_date(raw, self.today())
        except DateError as exc:
            raise FormError(field_id, str(exc)) from None


class ItemForm(Form):
    """Add a new item, or edit `item` (returning only the fields the user changed, so
    a save never writes back a value another window changed meanwhile)."""

    def __init__(self, ws: Workspace, item: Item | None, preset: dict[str, Any]) -> None:
        title = t("form.edit_item", id=item.id) if item else t("form.add_item")
        super().__init__(title)
        self.ws = ws
        self.item = item
        self.preset = preset

    def compose(self) -> ComposeResult:
        item, preset = self.item, self.preset
        current_list = item.list if item else preset.get("list", "plan")
        with Vertical(classes="form"):
            yield Label(self.form_title, classes="form-title")
            yield from self.field(
                "form.title", "f-title", item.title if item else preset.get("title", "")
            )
            options = [(t(f"list.{name}"), name) for name in LISTS]
            yield from self.choice("form.list", "f-list", options, current_list)
            yield from self.field("form.week", "f-week", item.week if item else t("form.week.this"))
            yield from self.field("form.due", "f-due", (item.due or "") if item else "")
            yield from self.field("form.customer", "f-customer", item.customer if item else "")
            yield from self.field("form.owner", "f-owner", item.owner if item else "")
            tags = " ".join(item.tags) if item else preset.get("tags", "")
            yield from self.field("form.tags", "f-tags", tags)
            yield from self.field("form.recur", "f-recur", self.shown_rule())
            yield from self.notes_field(
                "form.notes", "f-notes", item.notes if item else preset.get("notes", "")
            )
            yield Label(t("form.hint"), classes="form-hint")

    def collect(self) -> dict[str, Any]:
        title = self.text("f-title")
        if not title:
            raise FormError("f-title", t("form.title_required"))
        try:
            week = parse_week(self.text("f-week") or "this", self.today())
        except WeekError as exc:
            raise FormError("f-week", str(exc)) from None
        list_value = self.query_one("#f-list", Select).value
        values: dict[str, Any] = {
            "title": title,
            "list_name": str(list_value) if isinstance(list_value, str) else "plan",
            "week": week,
            "due": self.date_or_none("f-due"),
            "customer": self.customer(),
            "owner": self.text("f-owner"),
            "tags": self.text("f-tags").replace(",", " ").split(),
            "notes": clean_block(self.block("f-notes")),
        }
        if self.item is not None:
            values = {"id": self.item.id, **_changed_fields(self.item, values)}
        rule_text = self.text("f-recur")
        if rule_text != self.shown_rule():  # an unchanged rule is not read again
            values["recur"] = self.rule(rule_text)
        return values

    def shown_rule(self) -> str:
        """The item's rule as the repeats field shows it (in words where it has them)."""
        # Imported on first use, for start-up time: most forms never touch a rule.
        from cockpit.items.recurrence.words import to_input
        from cockpit.items.series import rule_of

        if self.item is None or not self.item.recur:
            return ""
        try:
            rule = rule_of(self.item)
        except InvalidError:
            return self.item.recur  # shown as stored, so the user can replace it
        return to_input(rule, self.ws.config.language) if rule else ""

    def rule(self, text: str) -> Any:
        """The repeats field read as a rule (None: empty or `none`, no repeat)."""
        from cockpit.items.recurrence.parse import OFF, parse_rule

        if text.casefold() in OFF:
            return None
        try:
            return parse_rule(text, self.today())
        except InvalidError as exc:
            raise FormError("f-recur", str(exc)) from None

    def customer(self) -> str:
        """The customer field: one customer of the book, named exactly (any case), as the
        book spells it; a part of a name or an unknown one is refused, naming the
        candidates. An item's customer that was never changed here stays as it is."""
        name = self.text("f-customer")
        if not name or (self.item is not None and name == self.item.customer):
            return name
        try:
            return self.ws.customers.find(name).name
        except NotFoundError:
            pass
        candidates = name_candidates(name.casefold(), [c.name for c in self.ws.customers.all()])
        if candidates:
            message = t("form.no_customer_like", name=name, names=t("sep.names").join(candidates))
        else:
            message = t("form.no_customer", name=name)
        raise FormError("f-customer", message)


def _changed_fields(item: Item, values: dict[str, Any]) -> dict[str, Any]:
    """The form's values that differ from what `item` showed."""
    shown: dict[str, Any] = {
        "title": item.title,
        "list_name": item.list,
        "week": item.week,
        "due": item.due_date(),
        "customer": item.customer,
        "owner": item.owner,
        "tags": list(item.tags),
        "notes": item.notes,
    }
    return {name: value for name, value in values.items() if shown.get(name) != value}


class CustomerForm(Form):
    """Add a customer."""

    def __init__(self) -> None:
        super().__init__(t("form.add_customer"))

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Label(self.form_title, classes="form-title")
            yield from self.field("form.name", "c-name")
            tiers = [(t(f"tier.{tier}"), tier) for tier in TIERS]
            yield from self.choice("form.tier", "c-tier", tiers, "normal")
            yield from self.field("form.industry", "c-industry")
            yield from self.field("form.region", "c-region")
            yield from self.field("form.owner", "c-owner")
            yield from self.field("form.next_followup", "c-next")
            yield Label(t("form.hint"), classes="form-hint")

    def collect(self) -> dict[str, Any]:
        name = self.text("c-name")
        if not name:
            raise FormError("c-name", t("form.title_required"))
        tier = self.query_one("#c-tier", Select).value
        return {
            "name": name,
            "tier": tier if isinstance(tier, str) else "normal",
            "industry": self.text("c-industry"),
            "region": self.text("c-region"),
            "owner": self.text("c-owner"),
            "next_followup": self.date_or_none("c-next"),
        }


class TouchForm(Form):
    """Log a call (or visit, chat…) with a customer and set the next follow-up."""

    def __init__(self, ws: Workspace, name: str) -> None:
        super().__init__(t("form.touch", name=name))
        self.ws = ws
        self.customer_name = name

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Label(self.form_title, classes="form-title")
            channels = [(c, c) for c in CHANNELS]
            yield from self.choice("form.channel", "t-channel", channels, "call")
            yield from self.field("form.note", "t-note")
            yield from self.field("form.next_followup", "t-next")
            yield Label(t("form.hint"), classes="form-hint")

    def on_mount(self) -> None:
        self.query_one("#t-note", Input).focus()

    def collect(self) -> dict[str, Any]:
        channel = self.query_one("#t-channel", Select).value
        return {
            "name": self.customer_name,
            "note": self.text("t-note"),
            "channel": channel if isinstance(channel, str) else "call",
            "next_followup": self.date_or_none("t-next"),
        }


class WeekPrompt(Form):
    """Ask for a week (re-planning in the Monday review); weeks before `earliest` (the
    current one) are refused with a sentence, as the CLI's `defer --to` refuses them."""

    def __init__(self, default: str = "next", earliest: str | None = None) -> None:
        super().__init__(t("form.replan"))
        self.default = default
        self.earliest = earliest

    def compose(self) -> ComposeResult:
        with Vertical(classes="form form-small"):
            yield Label(self.form_title, classes="form-title")
            # "this"/"next" shown as the UI's own word (本周/下周); both parse alike.
            default = self.default
            shown = t(f"form.week.{default}") if default in ("this", "next") else default
            yield from self.field("form.week", "w-week", shown)
            yield Label(t("form.hint"), classes="form-hint")

    def collect(self) -> dict[str, Any]:
        try:
            week = parse_week(self.text("w-week") or "next", self.today())
        except WeekError as exc:
            raise FormError("w-week", str(exc)) from None
        if self.earliest is not None and week < self.earliest:
            raise FormError("w-week", t("note.past_week", week=week, current=self.earliest))
        return {"week": week}


class PathPrompt(Form):
    """Ask for a file path (calendar export, report save)."""

    def __init__(self, title: str, default: str) -> None:
        super().__init__(title)
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Label(self.form_title, classes="form-title")
            yield from self.field("form.path", "p-path", self.default)
            yield Label(t("form.hint"), classes="form-hint")

    def collect(self) -> dict[str, Any]:
        path = self.text("p-path")
        if not path:
            raise FormError("p-path", t("form.path_required"))
        return {"path": path}
