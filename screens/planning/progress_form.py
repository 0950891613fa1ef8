"""The requirement screen's progress form (`p`): progress, expected date, risk and its
one-line reason. Every value is checked with the domain's own parsers before the form
closes, so a mistake is shown next to its field, never later as a failed write."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input

from cockpit.core.errors import InvalidError
from cockpit.core.i18n import t
from cockpit.planning.progress import RISKS, parse_progress
from cockpit.planning.requirement_rules import Requirement
from cockpit.screens.dialogs.forms import FormError
from cockpit.screens.planning.forms import PlanningForm
from cockpit.screens.safe import Label


class ProgressForm(PlanningForm):
    """Progress and risk of `req` (planned or in development)."""

    def __init__(self, req: Requirement) -> None:
        super().__init__(t("req.form.progress", id=req.id))
        self.req = req

    def compose(self) -> ComposeResult:
        req = self.req
        with Vertical(classes="form form-small", id="req-progress"):
            yield Label(self.form_title, classes="form-title")
            yield from self.field("req.form.progress_value", "p-progress", str(req.progress))
            yield from self.field("req.form.expected", "p-expected", req.expected)
            risks = [(t("req.risk.unset"), ""), *[(t(f"req.risk.{r}"), r) for r in RISKS]]
            yield from self.choice("req.form.risk", "p-risk", risks, req.risk)
            yield from self.field("req.form.risk_reason", "p-reason", req.risk_reason)
            yield from self.error_line()
            yield Label(t("form.hint"), classes="form-hint")

    def on_mount(self) -> None:
        self.query_one("#p-progress", Input).focus()

    def collect(self) -> dict[str, Any]:
        try:
            progress = parse_progress(self.text("p-progress") or "0")
        except InvalidError as exc:
            raise FormError("p-progress", str(exc)) from None
        expected = self.date_or_none("p-expected")
        risk = self.picked("p-risk", self.req.risk)
        reason = self.text("p-reason")
        if risk in ("low", "high") and not reason:
            risk_word = t(f"req.risk.{risk}")
            raise FormError("p-reason", t("err.req.risk_reason", id=self.req.id, risk=risk_word))
        return {
            "id": self.req.id,
            "progress": progress,
            "expected": expected or "",
            "risk": risk,
            "risk_reason": reason,
        }
