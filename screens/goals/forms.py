"""The goals screen's forms: an objective (title, quarter, owner) and a key result
(how it is measured, then the metric and target, or the linked ids).

Each form checks its values with the domain's own parsers before it closes, so a
mistake shows inside the form next to its field, never later as a failed write.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical

from cockpit.core.errors import InvalidError, NotFoundError
from cockpit.core.i18n import t
from cockpit.goals import book
from cockpit.goals.model import AGGREGATES, MEASURES, KeyResult, Objective
from cockpit.goals.quarters import parse_quarter
from cockpit.screens.dialogs.forms import FormError
from cockpit.screens.planning.forms import PlanningForm
from cockpit.screens.safe import Label, Select

if TYPE_CHECKING:
    from cockpit.items.workspace import Workspace

METRIC_FIELDS = ("k-metric", "k-target", "k-start", "k-agg")


class ObjectiveForm(PlanningForm):
    """Add an objective for `quarter`, or edit `objective`."""

    def __init__(self, objective: Objective | None, quarter: str) -> None:
        title = t("goals.form.edit", id=objective.id) if objective else t("goals.form.add")
        super().__init__(title)
        self.objective, self.quarter = objective, quarter

    def compose(self) -> ComposeResult:
        o = self.objective
        with Vertical(classes="form form-small", id="goal-form"):
            yield Label(self.form_title, classes="form-title")
            yield from self.field("form.title", "o-title", o.title if o else "")
            yield from self.field(
                "goals.form.quarter", "o-quarter", o.quarter if o else self.quarter
            )
            yield from self.field("form.owner", "o-owner", o.owner if o else "")
            yield from self.error_line()
            yield Label(t("form.hint"), classes="form-hint")

    def collect(self) -> dict[str, Any]:
        title = self.text("o-title")
        if not title:
            raise FormError("o-title", t("form.title_required"))
        try:
            quarter = parse_quarter(self.text("o-quarter") or self.quarter, self.today()).key
        except InvalidError as exc:
            raise FormError("o-quarter", str(exc)) from None
        return {"title": title, "quarter": quarter, "owner": self.text("o-owner")}


class KeyResultForm(PlanningForm):
    """Add a key result to `objective`, or edit its key result number `number`.

    Adding, the first field picks the measure (a metric, linked items, linked
    requirements) and only that measure's fields show; editing keeps the measure.
    """

    def __init__(self, ws: Workspace, objective: Objective, number: int | None = None) -> None:
        krs = objective.key_results
        self.kr: KeyResult | None = krs[number - 1] if number else None
        ref = f"{objective.id}.{number}" if number else f"{objective.id}.{len(krs) + 1}"
        key = "goals.form.kr_edit" if number else "goals.form.kr_add"
        super().__init__(t(key, ref=ref, title=objective.title))
        self.ws, self.objective, self.number = ws, objective, number

    def compose(self) -> ComposeResult:
        kr = self.kr
        texts = book.kr_texts(kr) if kr else {}
        measure = kr.measure if kr else "metric"
        with Vertical(classes="form", id="kr-form"):
            yield Label(self.form_title, classes="form-title")
            if kr is None:
                options = [(t(f"goals.form.measure.{m}"), m) for m in MEASURES]
                yield from self.choice("goals.form.measure", "k-measure", options, measure)
            yield from self.field("form.title", "k-title", texts.get("title", ""))
            yield from self.field("goals.form.metric", "k-metric", texts.get("metric", ""))
            yield from self.field("goals.form.target", "k-target", texts.get("target", ""))
            yield from self.field("goals.form.start", "k-start", texts.get("start", ""))
            aggs = [(t(f"goal.agg.{a}"), a) for a in AGGREGATES]
            yield from self.choice("goals.form.agg", "k-agg", aggs, texts.get("agg", "sum"))
            yield from self.field("goals.form.links", "k-links", texts.get("links", ""))
            yield from self.error_line()
            yield Label(t("form.hint"), classes="form-hint")

    def on_mount(self) -> None:
        super().on_mount()
        self._show_fields(self.measure())

    def measure(self) -> str:
        """The measure picked (or the edited key result's)."""
        if self.kr is not None:
            return self.kr.measure
        return self.picked("k-measure", "metric")

    @on(Select.Changed, "#k-measure")
    def _measure_changed(self, _event: Select.Changed) -> None:
        self._show_fields(self.measure())

    def _show_fields(self, measure: str) -> None:
        for field_id in (*METRIC_FIELDS, "k-links"):
            row = self.query_one(f"#{field_id}").parent
            if row is not None:
                wanted = field_id == "k-links" if measure != "metric" else field_id != "k-links"
                row.display = wanted

    def collect(self) -> dict[str, Any]:
        measure = self.measure()
        title = self.text("k-title")
        if not title:
            raise FormError("k-title", t("form.title_required"))
        if measure == "metric":
            texts = {
                "metric": self.text("k-metric"),
                "target": self.text("k-target"),
                "start": self.text("k-start"),
                "agg": self.picked("k-agg", "sum"),
            }
        else:
            texts = {"links": self.text("k-links")}
        try:
            kr = book.make_kr(self.ws, title, measure, **texts)
        except (InvalidError, NotFoundError) as exc:
            raise FormError(_field_of(exc.key), str(exc)) from None
        return {"kr": kr, "texts": {"title": title, **texts}, "number": self.number}


def _field_of(key: str) -> str:
    """The field a refusal of `book.make_kr` is about."""
    if key in ("err.goal.metric", "err.goal.metric_many", "err.goal.column", "err.goal.no_metric"):
        return "k-metric"
    if key.startswith("err.metrics.") or key == "err.goal.target":
        return "k-target"
    if key == "err.goal.kr_title":
        return "k-title"
    return "k-links"
