"""The roadmap (seed 004): the requirement pool's committed work by target release,
each release with what is planned, in development and released, and the highlighted
requirement below. `e` edits the requirement (its target release included) with the
pool's own form, so a scope change of committed work still asks for a reason."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.binding import Binding, BindingType

from cockpit.core.i18n import t
from cockpit.goals import words
from cockpit.planning import requirements
from cockpit.planning.requirement_rules import Requirement
from cockpit.planning.roadmap import STAGES, roadmap
from cockpit.screens.keys import NAV
from cockpit.screens.planning.forms import RequirementForm
from cockpit.screens.planning.listing import ListScreen
from cockpit.screens.planning.req_text import RISK_STYLE, STATUS_STYLE, progress_text
from cockpit.screens.safe import plain, say
from cockpit.screens.widgets.rowline import Row

ROADMAP: list[BindingType] = [
    *NAV,
    Binding("e,enter", "edit", "key.edit", id="roadmap_edit"),
    Binding("u", "undo", "key.undo", id="roadmap_undo"),
    Binding("ctrl+r", "redo", "key.redo", id="roadmap_redo", show=False),
    Binding("question_mark", "help", "key.help", id="roadmap_help", key_display="?"),
    Binding("escape,q", "back", "key.back", id="roadmap_back"),
]
STAGE_STYLE = {"planned": "blue", "in-development": "yellow", "released": "green"}
HEADER_BASE = 10_000_000  # refs of release and stage lines: never a requirement's id


class RoadmapScreen(ListScreen):
    """Releases in order, each with its requirements by stage."""

    AREA = "roadmap"  # its name in the palette, the help and [keys] sentences
    BINDINGS = ROADMAP
    SUBTITLE = "roadmap.title"
    PREFIX, KIND, LIST_TITLE, EMPTY = "roadmap", "roadmap", "roadmap.title", "roadmap.none"

    def __init__(self) -> None:
        super().__init__(id="roadmap")
        self.reqs: dict[int, Requirement] = {}

    def reload(self) -> None:
        """Re-read the pool and lay it out by release and stage."""
        pool = requirements.all_requirements(self.ws)
        releases = roadmap(pool)
        self.reqs = {r.id: r for r in pool}
        rows: list[Row] = []
        header = HEADER_BASE
        for rel in releases:
            header += 1
            name = Text(rel.name or t("roadmap.unscheduled"), style="bold")
            meta = Text(t("roadmap.count", n=rel.count), style="dim")
            meta.append(f"  {t('roadmap.released', share=words.share(rel.released_share))}",
                        style="green" if rel.released_share == 1 else "dim")  # fmt: skip
            rows.append(Row(header, Text("▌ ", style="cyan") + name, meta))
            for stage in STAGES:
                if not rel.stages[stage]:
                    continue
                header += 1
                label = Text(f"  {t(f'roadmap.stage.{stage}')}", style=STAGE_STYLE[stage])
                rows.append(Row(header, label, Text("")))
                rows += [self._row(r) for r in rel.stages[stage]]
        self.listing.set_rows(rows)
        if self._select is None and self.listing.current_ref() not in self.reqs:
            # First look (or the cursor on a heading): the first requirement, in full.
            self._select = next((r.ref for r in rows if r.ref in self.reqs), None)
        self.select_pending()
        count = sum(r.count for r in releases)
        late = sum(1 for rel in releases for reqs in rel.stages.values() for r in reqs
                   if r.risk == "high")  # fmt: skip
        line = Text(t("roadmap.status", n=len(releases), count=count, late=late), style="dim")
        self.show_status(line)
        self.show_detail()

    def _row(self, req: Requirement) -> Row:
        title = Text(f"    #{req.id:<4} ", style="dim")
        title.append(f"{req.priority} ", style="bold red" if req.priority == "P0" else "")
        title.append(req.title, style="dim" if req.status == "closed" else "")
        meta = Text(t("meta.customer", name=req.customer) if req.customer else "", "magenta")
        if req.status in ("planned", "in-development") and (req.progress or req.risk):
            meta = progress_text(req) + (Text(" ") + meta if meta else Text(""))
        return Row(req.id, title, meta)

    def current(self) -> Requirement | None:
        ref = self.listing.current_ref()
        return None if ref is None else self.reqs.get(ref)

    def show_detail(self) -> None:
        pane = self.detail
        req = self.current()
        if req is None:
            self.show_hint("roadmap.detail", "roadmap.hint")
            return
        pane.border_title = plain(f"{t('roadmap.detail')} #{req.id}")
        status = Text(t(f"req.status.{req.status}"), style=STATUS_STYLE.get(req.status, ""))
        facts = [
            (t("req.col.release"), req.release or t("roadmap.unscheduled")),
            (t("req.col.priority"), req.priority),
            (t("req.col.customer"), req.customer),
            (t("req.col.owner"), req.owner),
        ]
        line = status + Text(" · ") + Text(" · ").join(Text(f"{k} {v}") for k, v in facts if v)
        lines = [Text(req.title, style="bold"), line]
        if req.status in ("planned", "in-development"):
            risk = t(f"req.risk.{req.risk or 'unset'}")
            card = t("req.card.progress", progress=f"{req.progress}%",
                     expected=req.expected or "-", risk=risk)  # fmt: skip
            text = Text(card, style=RISK_STYLE["high"] if req.risk == "high" else "")
            if req.risk_reason:
                text.append(f"  {req.risk_reason}", style="italic")
            lines.append(text)
        pane.update(Text("\n").join(lines))

    def action_edit(self) -> None:
        req = self.current()
        if req is None:
            say(self, t("roadmap.pick"), severity="warning")
            return
        self.open_form(RequirementForm(req), self._save)

    def _save(self, values: dict[str, Any] | None) -> None:
        if not values:
            return
        ws, fields, reason, req_id = self.ws, values["fields"], values["reason"], values["id"]

        def saved(req: Requirement) -> str:
            self._select = req.id
            return t("note.saved", title=req.title)

        self.change(lambda: requirements.edit(ws, req_id, reason, **fields), saved)
