"""Forms of the planning screens (metrics, requirement pool, launches) and their base.

The forms check every value before they close, with the domain's own parsers, so a
mistake is shown inside the form next to the field it is about, never later as a failed
write. `PlanningScreen` holds what the three screens share: list navigation, undo, help
and back, and the one way to persist a change.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input

from cockpit.core.errors import InvalidError
from cockpit.core.i18n import language, t
from cockpit.core.text import clean_block
from cockpit.metrics import book as metrics
from cockpit.planning.checklists import STATES, Launch, LaunchItem
from cockpit.planning.requirement_rules import (
    COMMITTED,
    KANO,
    PRIORITIES,
    SCOPE,
    SOURCES,
    Requirement,
)
from cockpit.screens.base import CockpitScreen
from cockpit.screens.dialogs.forms import Form, FormError
from cockpit.screens.safe import DataTable, Label, Select

if TYPE_CHECKING:
    pass


class PlanningScreen(CockpitScreen):
    """The planning screens' base (kept as a name: metrics, requirements, launches)."""


def row_key(table: DataTable[Any]) -> int | None:
    """The record id of the DataTable row under the cursor (rows are keyed by id)."""
    if not table.row_count:
        return None
    key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
    return int(key) if key is not None else None


class PlanningForm(Form):
    """A form that shows what is wrong inside itself, under its fields."""

    def labelled(self, label: str, field_id: str, value: str | None) -> ComposeResult:
        """Like `Form.field`, for a label already formatted with values."""
        with Horizontal(classes="field"):
            yield Label(label.split(" (")[0].split("（")[0], classes="field-label")
            yield Input(value=value or "", id=field_id, compact=True, placeholder=label)

    def error_line(self) -> ComposeResult:
        """Where a refused value is explained; takes no room until then."""
        line = Label("", classes="form-error")
        line.display = False
        yield line

    def picked(self, field_id: str, default: str) -> str:
        value = self.query_one(f"#{field_id}", Select).value
        return value if isinstance(value, str) else default


# metrics ------------------------------------------------------------------------------
def edit_text(value: metrics.Value | None) -> str:
    """A stored value as a user would type it again (no thousands separators)."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(value)


class MetricRowForm(PlanningForm):
    """Add a month's row to a metric table, or edit `row`; every column is a field."""

    def __init__(
        self, spec: metrics.TableSpec, row: metrics.MetricRow | None, month: str, taken: set[Any]
    ) -> None:
        table = spec.title(language())
        title = t("metrics.form.edit", table=table, month=row.month) if row else None
        super().__init__(title or t("metrics.form.add", table=table))
        self.spec, self.row, self.month = spec, row, month
        self.taken = taken  # (month, key) of the other rows: a clash is refused here

    def compose(self) -> ComposeResult:
        with Vertical(classes="form", id="metrics-form"):
            yield Label(self.form_title, classes="form-title")
            for col in self.spec.columns:
                value = self.row.cell(col.name) if self.row else None
                text = self.month if col.name == "month" and not self.row else edit_text(value)
                label = col.title(language())
                yield from self.labelled(label, f"m-{col.name}", text)
            yield from self.error_line()
            yield Label(t("form.hint"), classes="form-hint")

    def collect(self) -> dict[str, Any]:
        texts = {c.name: self.text(f"m-{c.name}") for c in self.spec.columns}
        today = self.today()
        values: dict[str, metrics.Value] = {}
        for col in self.spec.columns:
            try:
                value = metrics.parse_value(col, texts[col.name], today)
            except InvalidError as exc:
                raise FormError(f"m-{col.name}", str(exc)) from None
            if value is not None:
                values[col.name] = value
        try:
            metrics.check_row(self.spec, values)
        except InvalidError as exc:
            missing = [n for n in ("month", self.spec.key) if n and n not in values]
            raise FormError(f"m-{(missing or ['valuable'])[0]}", str(exc)) from None
        ident = metrics.identity(self.spec, values)
        if ident in self.taken:
            what = " ".join(str(values.get(n, "")) for n in ("month", self.spec.key) if n)
            table = self.spec.title(language())
            raise FormError("m-month", t("metrics.taken", table=table, what=what))
        return {"texts": texts, "row_id": self.row.id if self.row else None}


# requirements -------------------------------------------------------------------------
def _options(prefix: str, keys: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(t(f"{prefix}.{key}"), key) for key in keys]


class RequirementForm(PlanningForm):
    """Collect a requirement, or edit `req` (a reason field, required for a scope
    change once the requirement is committed: seed 002's change review)."""

    def __init__(self, req: Requirement | None) -> None:
        super().__init__(t("req.form.edit", id=req.id) if req else t("req.form.add"))
        self.req = req

    def compose(self) -> ComposeResult:
        req = self.req or Requirement()
        with Vertical(classes="form", id="req-form"):
            yield Label(self.form_title, classes="form-title")
            yield from self.field("form.title", "r-title", req.title)
            yield from self.field("req.form.customer", "r-customer", req.customer)
            sources = _options("req.source", SOURCES)
            yield from self.choice("req.form.source", "r-source", sources, req.source)
            kano = [(t("req.kano.none"), ""), *_options("req.kano", KANO)]
            yield from self.choice("req.form.kano", "r-kano", kano, req.kano)
            priorities = [(p, p) for p in PRIORITIES]
            yield from self.choice("req.form.priority", "r-priority", priorities, req.priority)
            yield from self.field("form.owner", "r-owner", req.owner)
            yield from self.field("req.form.release", "r-release", req.release)
            yield from self.field("req.form.ref", "r-ref", req.ref)
            yield from self.notes_field("form.notes", "r-notes", req.notes)
            if self.req is not None:
                yield from self.field("req.form.scope_reason", "r-reason")
            yield from self.error_line()
            yield Label(t("form.hint"), classes="form-hint")

    def collect(self) -> dict[str, Any]:
        fields = {
            "title": self.text("r-title"),
            "customer": self.text("r-customer"),
            "source": self.picked("r-source", "internal"),
            "kano": self.picked("r-kano", ""),
            "priority": self.picked("r-priority", "P2"),
            "owner": self.text("r-owner"),
            "release": self.text("r-release"),
            "ref": self.text("r-ref"),
            "notes": clean_block(self.block("r-notes")),
        }
        if not fields["title"]:
            raise FormError("r-title", t("form.title_required"))
        if fields["source"] == "customer" and not fields["customer"]:
            raise FormError("r-customer", t("req.customer_required"))
        if self.req is None:
            return {"fields": fields, "reason": ""}
        reason = self.text("r-reason")
        req = self.req
        # The notes keep their line breaks (cleaned above, as stored); a one-line field
        # is compared with its spaces folded, as the book stores it.
        scope = [n for n in SCOPE if _shown(n, fields[n]) != str(getattr(req, n))]
        if req.status in COMMITTED and scope and not reason:
            status = t(f"req.status.{req.status}")
            raise FormError("r-reason", t("req.scope_reason_required", id=req.id, status=status))
        return {"fields": fields, "reason": reason, "id": req.id}


def _shown(name: str, value: str) -> str:
    """A requirement field's value as the book would store it."""
    return value if name == "notes" else " ".join(value.split())


class MoveForm(PlanningForm):
    """Pick a status among the allowed moves (or take the one given) and say why."""

    def __init__(self, title: str, moves: tuple[str, ...]) -> None:
        super().__init__(title)
        self.moves = moves

    def compose(self) -> ComposeResult:
        with Vertical(classes="form form-small", id="req-move"):
            yield Label(self.form_title, classes="form-title")
            if len(self.moves) > 1:
                options = _options("req.status", self.moves)
                yield from self.choice("req.form.to", "r-to", options, self.moves[0])
            yield from self.field("req.form.reason", "r-why")
            yield from self.error_line()
            yield Label(t("form.hint"), classes="form-hint")

    def on_mount(self) -> None:
        self.query_one("#r-why", Input).focus()

    def collect(self) -> dict[str, Any]:
        status = self.picked("r-to", self.moves[0]) if len(self.moves) > 1 else self.moves[0]
        reason = self.text("r-why")
        if not reason:
            raise FormError("r-why", t("req.reason_required"))
        return {"status": status, "reason": reason}


# launches -----------------------------------------------------------------------------
class LaunchForm(PlanningForm):
    """A new launch (name and go-live), or a new go-live date for `launch`."""

    def __init__(self, launch: Launch | None) -> None:
        title = t("launch.form.reschedule", name=launch.name) if launch else None
        super().__init__(title or t("launch.form.new"))
        self.launch = launch

    def compose(self) -> ComposeResult:
        launch = self.launch
        with Vertical(classes="form form-small", id="launch-form"):
            yield Label(self.form_title, classes="form-title")
            if launch is None:
                yield from self.field("form.name", "l-name")
            golive = launch.golive if launch else ""
            yield from self.field("launch.form.golive", "l-golive", golive)
            yield from self.error_line()
            yield Label(t("form.hint"), classes="form-hint")

    def collect(self) -> dict[str, Any]:
        name = self.launch.name if self.launch else self.text("l-name")
        if not name:
            raise FormError("l-name", t("form.title_required"))
        golive = self.date_or_none("l-golive")
        if golive is None:
            raise FormError("l-golive", t("launch.form.golive_required"))
        return {"name": name, "golive": golive, "reschedule": self.launch is not None}


class LaunchItemForm(PlanningForm):
    """Owner, note, deadline (empty: back to the template's) and state of an item."""

    def __init__(self, launch: Launch, item: LaunchItem) -> None:
        super().__init__(t("launch.form.item", no=item.no, title=item.title))
        self.launch, self.item = launch, item

    def compose(self) -> ComposeResult:
        item = self.item
        with Vertical(classes="form", id="launch-item-form"):
            yield Label(self.form_title, classes="form-title")
            yield from self.field("form.owner", "i-owner", item.owner)
            yield from self.field("launch.form.note", "i-note", item.note)
            # The label names the template's offset, the deadline an empty field means.
            yield from self.labelled(t("launch.form.due", days=item.offset), "i-due", item.due)
            states = _options("launch.state", STATES)
            yield from self.choice("launch.form.state", "i-state", states, item.state)
            yield from self.error_line()
            yield Label(t("form.hint"), classes="form-hint")

    def collect(self) -> dict[str, Any]:
        due: dt.date | None = self.date_or_none("i-due")
        return {
            "owner": self.text("i-owner"),
            "note": self.text("i-note"),
            "due": due,
            "state": self.picked("i-state", self.item.state),
        }
