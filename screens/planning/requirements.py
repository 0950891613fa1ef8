"""The requirement pool (seed 002): filter it, walk it, and move each requirement along
its lifecycle with a reason, the lifecycle and the change log in view.

The list is lazy (a pool of 2,000 costs a list of ids per filter change, not 2,000
formatted lines); its rows line up priority, status and Kano in fixed columns, measured
in terminal cells so Chinese labels align too.
"""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll

from cockpit.core.i18n import t
from cockpit.planning import progress, requirements
from cockpit.planning.requirement_rules import (
    KANO,
    STATUSES,
    Requirement,
    allowed_moves,
    next_status,
)
from cockpit.screens.keys import NAV
from cockpit.screens.planning.forms import MoveForm, RequirementForm
from cockpit.screens.planning.listing import ListScreen
from cockpit.screens.planning.progress_form import ProgressForm
from cockpit.screens.planning.req_text import (
    RISK_STYLE,
    STATUS_STYLE,
    lifecycle,
    log_line,
    progress_text,
    refusal,
)
from cockpit.screens.safe import Static, plain, say
from cockpit.screens.widgets.rowline import Row
from cockpit.screens.widgets.textfit import clip

REQUIREMENTS: list[BindingType] = [
    *NAV,
    Binding("1", "filter('status')", "key.filter_status", id="req_filter_status", show=False),
    Binding("2", "filter('kano')", "key.filter_kano", id="req_filter_kano", show=False),
    Binding("3", "filter('customer')", "key.filter_customer", id="req_filter_cust", show=False),
    Binding("0", "clear_filters", "key.filter_clear", id="req_filter_clear", show=False),
    Binding("a", "add", "key.add", id="req_add"),
    Binding("e,enter", "edit", "key.edit", id="req_edit"),
    Binding("greater_than_sign", "advance", "key.req_advance", id="req_advance", key_display=">"),
    Binding("m", "move", "key.req_move", id="req_move"),
    Binding("p", "progress", "req.key.progress", id="req_progress"),
    Binding("s", "sort", "req.key.sort", id="req_sort"),
    Binding("u", "undo", "key.undo", id="req_undo"),
    Binding("question_mark", "help", "key.help", id="req_help", key_display="?"),
    Binding("escape,q", "back", "key.back", id="req_back"),
]
REQUIREMENTS_IDS = frozenset(b.id for b in REQUIREMENTS if isinstance(b, Binding) and b.id)

PRIORITY_STYLE = {"P0": "bold red", "P1": "yellow", "P2": "", "P3": "dim"}
LOG_LINES = 40  # the newest entries; `cockpit req show` prints them all


class RequirementsScreen(ListScreen):
    """Filters on the status line, the pool, and the highlighted requirement below it;
    `sort="risk"` opens it sorted by risk (the Monday meeting's view), `select` with the
    cursor on that requirement."""

    AREA = "requirements"  # its name in the palette, the help and [keys] sentences
    BINDINGS = REQUIREMENTS
    SUBTITLE = "req.title"
    PREFIX, KIND, LIST_TITLE = "req", "requirements", "req.title"

    def __init__(self, sort: str = "stage", select: int | None = None) -> None:
        super().__init__(id="requirements", select=select)
        self.reqs: dict[int, Requirement] = {}
        # "open" hides closed and rejected ones: the pool's working set, as `req ls`.
        self.filters: dict[str, str] = {"status": "open", "kano": "all", "customer": ""}
        self.sort = sort  # "stage" (lifecycle, priority) or "risk" (high risk first)
        self._widths = (0, 0)  # cells of the status and Kano columns in this language

    def compose_detail(self) -> ComposeResult:
        """Below the list: the requirement's card, its lifecycle and its change log."""
        with Horizontal(id="req-detail"):
            with VerticalScroll(id="req-card-box"):
                yield Static("", id="req-card")
            yield Static("", id="req-life")
            with VerticalScroll(id="req-log-box"):
                yield Static("", id="req-log")

    # data ------------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the pool and apply the filters."""
        self.reqs = {r.id: r for r in requirements.all_requirements(self.cockpit.ws)}
        self.show_list()

    def show_list(self) -> None:
        status, kano, customer = (self.filters[k] for k in ("status", "kano", "customer"))
        pool = list(self.reqs.values())
        if status == "open":
            pool = [r for r in pool if r.is_open]
        chosen = requirements.select(
            pool,
            status=status if status in STATUSES else None,
            kano=None if kano == "all" else "" if kano == "none" else kano,
            customer=customer or None,
        )
        if self.sort == "risk":
            chosen = progress.by_risk(chosen)
        self._widths = (
            max(Text(t(f"req.status.{s}")).cell_len for s in STATUSES),
            max(Text(t(f"req.kano.{k}")).cell_len for k in KANO),
        )
        self.listing.set_lazy([r.id for r in chosen], self._row)
        self.select_pending()
        self._status_line()
        self.show_detail()

    def _row(self, ref: int) -> Row:
        req = self.reqs[ref]
        status_cells, kano_cells = self._widths
        line = Text(f"#{req.id:<4}", style="dim")
        line.append(f" {req.priority} ", style=PRIORITY_STYLE.get(req.priority, ""))
        status = t(f"req.status.{req.status}")
        line.append_text(_cell(status, status_cells, STATUS_STYLE[req.status]))
        line.append_text(_cell(t(f"req.kano.{req.kano}") if req.kano else "", kano_cells, "dim"))
        line.append(req.title, style="dim" if not req.is_open else "")
        meta = Text(t("meta.customer", name=req.customer) if req.customer else "", "magenta")
        if req.status in progress.TRACKED:
            meta = progress_text(req) + (Text(" ") + meta if meta else Text(""))
        return Row(req.id, line, meta)

    def _status_line(self) -> None:
        status, kano = self.filters["status"], self.filters["kano"]
        plain = status in ("open", "all")
        shown = {
            "status": t(f"req.filter.{status}") if plain else t(f"req.status.{status}"),
            "kano": t("req.filter.all") if kano == "all" else t(f"req.kano.{kano}"),
            "customer": self.filters["customer"] or t("req.filter.all"),
        }
        line = Text(t("req.filters", **shown), style="dim")
        sort = Text(f"s {t(f'req.sort.{self.sort}')}", "bold cyan" if self.sort == "risk" else "")
        self.show_status(sort + Text(" │ ", "dim") + line)

    def current(self) -> Requirement | None:
        ref = self.listing.current_ref()
        return None if ref is None else self.reqs.get(ref)

    def show_detail(self) -> None:
        """The highlighted requirement: fields, lifecycle, and its change log."""
        card, log = self.query_one("#req-card", Static), self.query_one("#req-log", Static)
        req = self.current()
        if req is None:
            card.update(Text(t("req.nothing"), style="dim"))
            log.update("")
            self.query_one("#req-life", Static).update("")
            return
        self.query_one("#req-card-box").border_title = plain(t("req.detail") + f" #{req.id}")
        facts = [
            (t("req.col.priority"), req.priority),
            (t("req.col.kano"), t(f"req.kano.{req.kano or 'none'}")),
            (t("req.col.source"), t(f"req.source.{req.source}")),
            (t("req.col.customer"), req.customer),
            (t("req.col.owner"), req.owner),
            (t("req.col.release"), req.release),
            (t("req.col.ref"), req.ref),
        ]
        line = Text(" · ").join(Text(f"{k} {v}") for k, v in facts if v)
        parts = [Text(req.title, style="bold"), line]
        if req.status in progress.TRACKED or req.progress or req.risk:
            risk = t(f"req.risk.{req.risk or 'unset'}")
            card_line = Text(
                t(
                    "req.card.progress",
                    progress=f"{req.progress}%",
                    expected=req.expected or "-",
                    risk=risk,
                ),
                style=RISK_STYLE["high"] if req.risk == "high" else "",
            )
            if req.risk_reason:
                card_line.append(f"  {req.risk_reason}", style="italic")
            parts.append(card_line)
        if req.notes:
            parts += [Text(""), Text(req.notes)]
        card.update(Group(*parts))
        life = self.query_one("#req-life", Static)
        life.border_title = plain(t("req.lifecycle"))
        life.update(lifecycle(req))
        box = self.query_one("#req-log-box")
        box.border_title = plain(f"{t('req.log.title')} ({len(req.log)})")
        log.update(Text("\n").join(log_line(e) for e in reversed(req.log[-LOG_LINES:])))

    # actions ---------------------------------------------------------------------------
    def action_filter(self, which: str) -> None:
        """Cycle one filter: status (open, all, each stage), Kano, customer."""
        if which == "status":
            choices = ["open", "all", *STATUSES]
        elif which == "kano":
            choices = ["all", *KANO, "none"]
        else:
            names = {r.customer for r in self.reqs.values() if r.customer}
            if not names:
                say(self, t("req.no_customers"), severity="warning")
                return
            choices = ["", *sorted(names, key=str.casefold)]
        now = self.filters[which]
        self.filters[which] = choices[(choices.index(now) + 1) % len(choices)]
        self.show_list()

    def action_sort(self) -> None:
        """By lifecycle stage, or by risk (high first, then the earliest expected)."""
        self.sort = "risk" if self.sort == "stage" else "stage"
        self.show_list()
        self.listing.cursor_row = 0

    def action_progress(self) -> None:
        """Progress, expected date and risk of a planned or in-development requirement."""
        if (req := self._need()) is None:
            return
        if req.status not in progress.TRACKED:
            status = t(f"req.status.{req.status}")
            say(self, t("req.progress.not_tracked", id=req.id, status=status), severity="warning")
            return
        self.open_form(ProgressForm(req), self._save_progress)

    def _save_progress(self, values: dict[str, Any] | None) -> None:
        if not values:
            return
        ws, req_id = self.cockpit.ws, values.pop("id")
        self.change(
            lambda: progress.set_progress(ws, req_id, **values),
            lambda req: t(
                "req.note.progress",
                id=req.id,
                title=req.title,
                progress=f"{req.progress}%",
                risk=t(f"req.risk.{req.risk or 'unset'}"),
            ),
        )

    def action_clear_filters(self) -> None:
        self.filters = {"status": "open", "kano": "all", "customer": ""}
        self.show_list()

    def _need(self) -> Requirement | None:
        req = self.current()
        if req is None:
            say(self, t("note.no_item"), severity="warning")
        return req

    def action_add(self) -> None:
        self.open_form(RequirementForm(None), self._save)

    def action_edit(self) -> None:
        if (req := self._need()) is not None:
            self.open_form(RequirementForm(req), self._save)

    def _save(self, values: dict[str, Any] | None) -> None:
        if not values:
            return
        ws, fields, reason = self.cockpit.ws, values["fields"], values["reason"]
        req_id = values.get("id")
        if req_id is not None:
            self.change(lambda: requirements.edit(ws, req_id, reason, **fields), self._saved)
        else:
            title = fields.pop("title")
            self.change(lambda: requirements.add(ws, title, **fields), self._added)

    def _added(self, req: Requirement) -> str:
        self._select = req.id
        return t("note.added", id=req.id, title=req.title)

    def _saved(self, req: Requirement) -> str:
        self._select = req.id
        return t("note.saved", title=req.title)

    def action_advance(self) -> None:
        """One step forward, with a reason; no next step explains where it can go."""
        if (req := self._need()) is None:
            return
        step = next_status(req.status)
        if step is None:
            say(self, refusal(req), severity="warning", timeout=6)
            return
        old, new = t(f"req.status.{req.status}"), t(f"req.status.{step}")
        form = MoveForm(t("req.form.advance", id=req.id, old=old, new=new), (step,))
        self.open_form(form, lambda values: self._move(req, values))

    def action_move(self) -> None:
        """Any move the lifecycle allows from here, picked from a list, with a reason."""
        if (req := self._need()) is None:
            return
        moves = allowed_moves(req.status)
        if not moves:
            say(self, refusal(req), severity="warning", timeout=6)
            return
        title = t("req.form.move", id=req.id, status=t(f"req.status.{req.status}"))
        self.open_form(MoveForm(title, moves), lambda values: self._move(req, values))

    def _move(self, req: Requirement, values: dict[str, Any] | None) -> None:
        if not values:
            return
        ws, status, reason = self.cockpit.ws, values["status"], values["reason"]
        # The domain checks the move again against the stored status: if another terminal
        # moved it meanwhile, its refusal (naming the allowed moves) is what the user sees.
        self.change(
            lambda: requirements.move(ws, req.id, status, reason),
            lambda moved: t(
                "req.moved", id=moved.id, status=t(f"req.status.{moved.status}"), title=moved.title
            ),
        )


def _cell(text: str, cells: int, style: str) -> Text:
    """`text` cut or padded to exactly `cells` terminal cells, then a space."""
    out = Text(text, style=style)
    out = clip(out, cells, pad=True)
    out.append(" ")
    return out
