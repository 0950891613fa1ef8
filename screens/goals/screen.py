"""The goals screen (seed 004's OKR, seed 001's KPI completion): a quarter's objectives
with their key results, each with its progress bar and the quarter's straight line on
it, and the highlighted one in full below. Objectives and key results are added,
edited and deleted here; each change is one undo step, made from what the screen
showed (`seq`-checked), like every change."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.binding import Binding, BindingType

from cockpit.core.i18n import language, t
from cockpit.goals import book, measure, words
from cockpit.goals.model import Objective
from cockpit.goals.progress import KrState, ObjectiveState
from cockpit.goals.quarters import Quarter, parse_quarter, quarter_of
from cockpit.metrics import book as metrics
from cockpit.screens.goals.forms import KeyResultForm, ObjectiveForm
from cockpit.screens.goals.rows import STATUS_STYLE, kr_ref, kr_row, objective_row, split_ref
from cockpit.screens.keys import NAV
from cockpit.screens.planning.listing import ListScreen
from cockpit.screens.safe import plain, say
from cockpit.screens.widgets.rowline import Row

GOALS: list[BindingType] = [
    *NAV,
    Binding("a", "add", "key.goal_add", id="goal_add"),
    Binding("K", "add_kr", "key.goal_add_kr", id="goal_add_kr"),
    Binding("e,enter", "edit", "key.edit", id="goal_edit"),
    Binding("d", "delete", "key.delete", id="goal_delete"),
    Binding("left_square_bracket", "quarter(-1)", "key.goal_prev", id="goal_prev", key_display="["),
    Binding("right_square_bracket", "quarter(1)", "key.goal_next", id="goal_next", key_display="]"),
    Binding("R", "roadmap", "key.roadmap", id="goal_roadmap"),
    Binding("u", "undo", "key.undo", id="goal_undo"),
    Binding("ctrl+r", "redo", "key.redo", id="goal_redo", show=False),
    Binding("question_mark", "help", "key.help", id="goal_help", key_display="?"),
    Binding("escape,q", "back", "key.back", id="goal_back"),
]


class GoalsScreen(ListScreen):
    """The status line (the quarter and how far into it), the objectives with their
    key results, and the highlighted one in full."""

    AREA = "goals"  # its name in the palette, the help and [keys] sentences
    BINDINGS = GOALS
    SUBTITLE = "goals.title"
    PREFIX, KIND, LIST_TITLE, EMPTY = "goals", "goals", "goals.list", "goals.empty"

    def __init__(self, quarter: Quarter | None = None) -> None:
        super().__init__(id="goals")
        self.quarter = quarter
        self.states: dict[int, ObjectiveState] = {}

    # data ------------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the objectives of the quarter shown and measure them today."""
        ws = self.ws
        today = ws.clock.today()
        if self.quarter is None:
            self.quarter = quarter_of(today)
        objectives = book.in_quarter(book.all_objectives(ws), self.quarter.key)
        states = measure.assess(ws, objectives, today)
        self.states = {s.objective.id: s for s in states}
        rows: list[Row] = []
        for state in states:
            rows.append(objective_row(state))
            rows += [kr_row(state.objective.id, k) for k in state.krs]
        self.listing.set_rows(rows, subtitle=self.quarter.key)
        self.select_pending()
        behind = sum(1 for s in states for k in s.krs if k.behind)
        line = Text(words.quarter_line(self.quarter, today, language()), style="bold")
        if behind:  # before the counts: what is cut on a narrow terminal matters less
            line.append("  ·  ").append(t("goals.behind", n=behind), style="bold red")
        counts = t("goals.counts", n=len(states), krs=sum(len(s.krs) for s in states))
        line.append(f"  ·  {counts}", style="dim")
        self.show_status(line)
        self.show_detail()

    def current(self) -> tuple[ObjectiveState, KrState | None] | None:
        """The highlighted objective, and its key result when a key result's row is."""
        ref = self.listing.current_ref()
        if ref is None:
            return None
        goal_id, number = split_ref(ref)
        state = self.states.get(goal_id)
        if state is None:
            return None
        kr = next((k for k in state.krs if k.number == number), None) if number else None
        return state, kr

    def show_detail(self) -> None:
        """The highlighted objective or key result in full."""
        pane = self.detail
        picked = self.current()
        if picked is None:
            self.show_hint("goals.detail", "goals.hint")
            return
        state, kr = picked
        lang = language()
        if kr is None:
            o = state.objective
            pane.border_title = plain(f"{t('goals.detail')} #{o.id}")
            style = STATUS_STYLE.get(state.status, "")
            summary = t(
                "goals.detail.objective",
                share=words.share(state.fraction),
                line=words.share(state.expected),
                n=len(state.krs),
            )
            lines = [
                Text(o.title, style="bold"),
                Text(summary)
                + Text("  ")
                + Text(words.status_word(state.status, lang), style=style),
            ]
            if o.owner:
                lines.append(Text(t("goal.owner", owner=o.owner), style="magenta"))
            pane.update(Text("\n").join(lines))
            return
        pane.border_title = plain(f"{t('goals.detail')} {state.objective.id}.{kr.number}")
        pane.update(self._kr_detail(kr, lang))

    def _kr_detail(self, k: KrState, lang: str) -> Text:
        spec = metrics.tables(self.ws).get(k.kr.table)
        table = spec.title(lang) if spec else k.kr.table
        column = k.kr.column
        if spec is not None:
            column = next((c.title(lang) for c in spec.columns if c.name == column), column)
        style = STATUS_STYLE.get(k.status, "")
        summary = t(
            "goals.detail.kr",
            progress=words.kr_progress(k, lang),
            share=words.share(k.fraction),
            line=words.share(k.expected),
        )
        lines = [
            Text(k.kr.title, style="bold"),
            Text(words.kr_source(k, table, column, lang), style="dim"),
            Text(summary) + Text("  ") + Text(words.status_word(k.status, lang), style=style),
        ]
        if k.missing:
            gone = t("goal.missing", ids=" ".join(f"#{x}" for x in k.missing))
            lines.append(Text(gone, style="yellow"))
        return Text("\n").join(lines)

    # actions ---------------------------------------------------------------------------
    def action_quarter(self, step: int) -> None:
        """`[` / `]`: the quarter before or after."""
        assert self.quarter is not None
        self.quarter = self.quarter.shift(step)
        self.listing.cursor_row = 0
        self.reload()

    def action_roadmap(self) -> None:
        # Imported on first use, for start-up time.
        from cockpit.screens.goals.roadmap import RoadmapScreen

        self.app.push_screen(RoadmapScreen())

    def _need(self) -> tuple[ObjectiveState, KrState | None] | None:
        picked = self.current()
        if picked is None:
            say(self, t("goals.none_here"), severity="warning")
        return picked

    def action_add(self) -> None:
        assert self.quarter is not None
        self.open_form(
            ObjectiveForm(None, self.quarter.key), lambda v: self._save_objective(None, v)
        )

    def action_add_kr(self) -> None:
        if (picked := self._need()) is None:
            return
        objective = picked[0].objective
        self.open_form(KeyResultForm(self.ws, objective), lambda v: self._save_kr(objective, v))

    def action_edit(self) -> None:
        if (picked := self._need()) is None:
            return
        state, kr = picked
        objective = state.objective
        if kr is None:
            edit = ObjectiveForm(objective, objective.quarter)
            self.open_form(edit, lambda v: self._save_objective(objective, v))
            return
        form = KeyResultForm(self.ws, objective, kr.number)
        self.open_form(form, lambda v: self._save_kr(objective, v))

    def action_delete(self) -> None:
        """Delete the highlighted key result, or the objective with its key results
        (undo brings either back)."""
        if (picked := self._need()) is None:
            return
        state, kr = picked
        ws, goal_id = self.ws, state.objective.id
        if kr is None:
            self.change(
                lambda: book.remove(ws, goal_id),
                lambda o: t("goals.deleted", title=o.title, n=len(o.krs)),
            )
            return
        number = kr.number
        self.change(
            lambda: book.remove_kr(ws, goal_id, number),
            lambda done: t("goals.kr_deleted", ref=f"{goal_id}.{number}", title=done[1].title),
        )

    # saving ----------------------------------------------------------------------------
    def _save_objective(self, objective: Objective | None, values: dict[str, Any] | None) -> None:
        if not values:
            return
        ws, title, quarter, owner = self.ws, values["title"], values["quarter"], values["owner"]
        if objective is None:
            self.change(lambda: book.add(ws, title, quarter, owner), self._added)
            return
        goal_id = objective.id
        self.change(
            lambda: book.edit(ws, goal_id, title=title, quarter=quarter, owner=owner),
            self._edited,
        )

    def _added(self, objective: Objective) -> str:
        self._show_quarter_of(objective)
        self._select = kr_ref(objective.id, 0)
        return t("goals.added", id=objective.id, title=objective.title, quarter=objective.quarter)

    def _edited(self, objective: Objective) -> str:
        self._show_quarter_of(objective)
        self._select = kr_ref(objective.id, 0)
        return t("note.saved", title=objective.title)

    def _show_quarter_of(self, objective: Objective) -> None:
        self.quarter = parse_quarter(objective.quarter, self.ws.clock.today())

    def _save_kr(self, objective: Objective, values: dict[str, Any] | None) -> None:
        if not values:
            return
        ws, goal_id, number = self.ws, objective.id, values["number"]
        if number is None:
            kr = values["kr"]

            def added(o: Objective) -> str:
                self._select = kr_ref(o.id, len(o.krs))
                return t("goals.kr_added", ref=f"{o.id}.{len(o.krs)}", title=kr.title)

            self.change(lambda: book.add_kr(ws, goal_id, kr), added)
            return
        texts = dict(values["texts"])

        def edited(o: Objective) -> str:
            self._select = kr_ref(o.id, number)
            return t("note.saved", title=texts["title"])

        self.change(lambda: book.edit_kr(ws, goal_id, number, **texts), edited)
