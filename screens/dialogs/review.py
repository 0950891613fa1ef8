"""Monday review: walk last week's carry-over one item at a time and decide each.

Decisions: keep for this week (bumps "carried"), re-plan to a later week, mark done,
drop; or skip to decide later. `u` undoes the last decision and steps back to it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.console import Group
from rich.padding import Padding
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Header

from cockpit.core.i18n import relative_day, t
from cockpit.core.labels import vocab
from cockpit.items.rules import carry_over
from cockpit.screens.base import set_header
from cockpit.screens.dialogs.defer import ask_defer
from cockpit.screens.dialogs.forms import WeekPrompt
from cockpit.screens.dialogs.help import HelpScreen
from cockpit.screens.keys import REVIEW, localise
from cockpit.screens.safe import Static, say
from cockpit.screens.widgets.keybar import KeyBar
from cockpit.screens.widgets.notes import notes_text

if TYPE_CHECKING:
    from cockpit.app import CockpitApp
    from cockpit.core.changes import View
    from cockpit.core.model import Item

NOTE_LINES = 6  # of an item's notes on the card (its history and the keys stay on 80x24)


class ReviewScreen(Screen[None]):
    """One carried item at a time, with its history, and the keys to decide it."""

    AREA = "review"  # its name in the palette, the help and [keys] sentences
    BINDINGS = REVIEW

    def __init__(self) -> None:
        super().__init__(id="review")
        localise(self)
        self.queue: list[int] = []
        self.pos = 0
        self.decided: list[tuple[int, str]] = []  # (position, decision), for undo and the end
        self.skipped: set[int] = set()  # item ids passed over with `n`
        self.shown: View | None = None  # the workspace as the card showed it

    @property
    def cockpit(self) -> CockpitApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="◆")
        with Vertical(id="review-body"):
            yield Static("", id="review-progress")
            yield Static("", id="review-card")
            yield Static(Text(t("review.keys"), style="dim"), id="review-keys")
        yield KeyBar()

    def on_mount(self) -> None:
        set_header(self, t("key.review"))
        ws = self.cockpit.ws
        self.queue = [i.id for i in carry_over(ws.items(), ws.week)]
        self.show()

    def current(self) -> Item | None:
        ws = self.cockpit.ws
        while self.pos < len(self.queue):
            try:
                item = ws.get(self.queue[self.pos])
            except LookupError:
                item = None
            if item is not None and item.is_open and item.week < ws.week:
                return item
            self.pos += 1  # decided elsewhere (another terminal, the CLI) meanwhile
        return None

    def reload(self) -> None:
        """The app calls this after outside changes (and a refused decision)."""
        self.show()

    def show(self) -> None:
        ws = self.cockpit.ws
        progress = self.query_one("#review-progress", Static)
        card = self.query_one("#review-card", Static)
        item = self.current()
        if item is None:
            self._show_end(progress, card)
            return
        progress.update(
            Text(t("review.title", pos=self.pos + 1, total=len(self.queue)), style="bold")
        )
        lines: list[Any] = [Text(item.title, style="bold")]
        planned = t("review.planned", week=item.week)
        if item.carried:  # "carried 0×" says nothing: only a real count is shown
            planned += t("review.sep") + t("review.carried", n=item.carried)
        lines.append(Text(planned, style="yellow"))
        if item.due:
            when = relative_day(item.due_date() or ws.clock.today(), ws.clock.today())
            lines.append(Text(t("meta.due", when=when)))
        if item.customer:
            lines.append(Text(t("meta.customer", name=item.customer), style="magenta"))
        if item.tags:
            lines.append(Text(" ".join(f"+{tag}" for tag in item.tags), style="dim"))
        if item.notes:
            # Indented under the item (wrapped lines too), and only the first lines: a
            # long note would push the history and the keys off an 80x24 screen.
            lines.append(Padding(notes_text(item.notes, NOTE_LINES), (0, 0, 0, 2)))
        for stamp, what in item.history[-5:]:
            # Stored as English words ("created", "deferred to 2026-W48"): worded here.
            lines.append(Text(f"{stamp[:10]}  {vocab.history(what)}", style="dim"))
        card.update(Group(*lines))
        self.shown = ws.files.view()  # a decision is made from this card

    def _show_end(self, progress: Static, card: Static) -> None:
        """What was decided, what was skipped and what is still open (named)."""
        ws = self.cockpit.ws
        still = carry_over(ws.items(), ws.week)
        if not self.queue and not still:
            progress.update(Text(t("review.nothing"), style="bold green"))
            card.update("")
            return
        counts: dict[str, int] = {}
        for _pos, verb in self.decided:
            counts[verb] = counts.get(verb, 0) + 1
        sep = t("review.sep")
        summary = t("review.count.decided", n=len(self.decided))
        if counts:
            verbs = ("keep", "replan", "done", "drop")
            detail = sep.join(t(f"review.count.{v}", n=counts[v]) for v in verbs if v in counts)
            summary = t("review.detail", summary=summary, detail=detail)
        open_ids = {i.id for i in still}
        skipped = len(self.skipped & open_ids)
        if skipped:
            summary += sep + t("review.count.skipped", n=skipped)
        if not still:
            summary += sep + t("review.all_decided")
            progress.update(Text(t("review.finished", summary=summary), style="bold green"))
            card.update("")
            return
        progress.update(Text(t("review.finished", summary=summary), style="bold yellow"))
        lines: list[Any] = [Text(t("review.still_open", n=len(still)), style="bold")]
        for carried in still:
            line = Text(f"• {carried.title}")
            line.append(f"  {carried.week}", style="dim")
            lines.append(line)
        lines.append(Text(""))
        lines.append(Text(t("review.back_hint"), style="dim"))
        card.update(Group(*lines))

    def _decide(self, fn: Any, verb: str) -> None:
        item = self.current()
        if item is None:
            return
        item_id = item.id
        self.decided.append((self.pos, verb))
        self.skipped.discard(item_id)

        def after(_result: object) -> None:
            self.pos += 1
            self.show()

        def refused(_exc: Exception) -> bool:
            self.decided.pop()  # nothing was decided: undo must not step back over it
            return False  # the app says why, and reloads this card

        self.cockpit.persist(lambda: fn(item_id), after, basis=self.shown, on_error=refused)

    def action_keep(self) -> None:
        self._decide(self.cockpit.ws.keep, "keep")

    def action_done(self) -> None:
        self._decide(self.cockpit.ws.done, "done")

    def action_drop(self) -> None:
        self._decide(self.cockpit.ws.drop, "drop")

    def action_replan(self) -> None:
        """`p`: a week (this one or later); an item with a due date asks whether the
        due date moves with it."""
        item = self.current()
        if item is None:
            return
        ws = self.cockpit.ws

        def chosen(values: dict[str, Any] | None) -> None:
            if not values:
                return
            week = values["week"]

            def replan(shift_due: bool) -> None:
                self._decide(lambda item_id: ws.defer(item_id, week, shift_due=shift_due), "replan")

            ask_defer(self, item, week, replan)

        self.app.push_screen(WeekPrompt("next", earliest=ws.week), chosen)

    def action_skip(self) -> None:
        if (item := self.current()) is not None:
            self.skipped.add(item.id)
            self.pos += 1
            self.show()

    def action_previous(self) -> None:
        """Back to the nearest earlier item that is still undecided (a skipped one)."""
        ws = self.cockpit.ws
        for pos in range(self.pos - 1, -1, -1):
            try:
                item = ws.get(self.queue[pos])
            except LookupError:
                continue
            if item.is_open and item.week < ws.week:
                self.pos = pos
                self.show()
                return

    def action_undo(self) -> None:
        ws = self.cockpit.ws
        if not ws.undo_stack or not self.decided:
            say(self, t("note.nothing_to_undo"), severity="warning")
            return
        back_to, _verb = self.decided.pop()

        def after(_result: object) -> None:
            self.pos = back_to
            self.show()

        self.cockpit.persist(ws.undo, on_done=after)

    def action_help(self) -> None:

        self.app.push_screen(HelpScreen(self))

    def action_back(self) -> None:
        self.dismiss(None)
