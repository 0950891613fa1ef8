"""`/`: fuzzy find over items (archived too), customers and feed entries."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input
from textual.widgets.option_list import Option

from cockpit.core.i18n import t
from cockpit.find.index import build_index
from cockpit.find.search import Hit, SearchIndex
from cockpit.screens.keys import localise
from cockpit.screens.safe import OptionList

if TYPE_CHECKING:
    from cockpit.items.workspace import Workspace

KIND_STYLE = {
    "item": "cyan",
    "archived": "dim",
    "customer": "magenta",
    "entry": "green",
    "requirement": "yellow",
    "launch": "red",
}


class FinderScreen(ModalScreen[Hit | None]):
    """Type to search; enter jumps to the highlighted hit."""

    BINDINGS = [
        Binding("escape", "cancel", "key.cancel", id="find_cancel"),
        Binding("down,ctrl+n", "move(1)", "key.down", id="find_down", show=False),
        Binding("up,ctrl+p", "move(-1)", "key.up", id="find_up", show=False),
    ]

    def __init__(self, ws: Workspace, index: SearchIndex | None = None) -> None:
        super().__init__(classes="form-screen")
        localise(self)
        self.ws = ws
        self.index = index or build_index(ws)
        self.hits: list[Hit] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="form finder"):
            yield Input(placeholder=t("find.placeholder"), id="find-input")
            yield OptionList(id="find-results")

    def on_mount(self) -> None:
        self.query_one("#find-input", Input).focus()

    @on(Input.Changed, "#find-input")
    def _search(self, event: Input.Changed) -> None:
        self.hits = self.index.search(event.value, limit=30)
        results = self.query_one("#find-results", OptionList)
        results.clear_options()
        results.add_options(self._option(hit) for hit in self.hits)
        if self.hits:
            results.highlighted = 0

    def _option(self, hit: Hit) -> Option:
        label = Text(f"{t('find.kind.' + hit.kind):<6} ", style=KIND_STYLE.get(hit.kind, ""))
        label.append(hit.text)
        if hit.detail:
            label.append(f"  {hit.detail}", style="dim")
        return Option(label)

    def action_move(self, step: int) -> None:
        results = self.query_one("#find-results", OptionList)
        if self.hits:
            current = results.highlighted or 0
            results.highlighted = max(0, min(len(self.hits) - 1, current + step))

    @on(Input.Submitted, "#find-input")
    def _submit(self, event: Input.Submitted) -> None:
        event.stop()
        index = self.query_one("#find-results", OptionList).highlighted
        self.dismiss(self.hits[index] if self.hits and index is not None else None)

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.hits[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
