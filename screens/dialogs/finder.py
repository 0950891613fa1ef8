"""`/`: find over items (archived too), customers, news, requirements and launches, by
words and filters (`+tag @customer list: due: status:`, see `cockpit.find.query`).

Each hit is one line: its kind, the title and the details, cut to the list's width
with `…` (CJK characters count two cells, and no gap is left before the `…`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
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
from cockpit.find.query import parse_query
from cockpit.find.records import Hit
from cockpit.find.search import SearchIndex
from cockpit.screens.keys import localise
from cockpit.screens.safe import OptionList, Static

if TYPE_CHECKING:
    from cockpit.items.workspace import Workspace

HELP = ("find.help.what", "find.help.filters", "find.help.due", "find.help.example")
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

    AREA = "finder"  # its name in the palette, the help and [keys] sentences
    BINDINGS = [
        Binding("escape", "cancel", "key.cancel", id="find_cancel"),
        Binding("down,ctrl+n", "move(1)", "key.down", id="find_down", show=False),
        Binding("up", "move(-1)", "key.up", id="find_up", show=False),
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
            yield Static("", id="find-note")
            yield OptionList(id="find-results")

    def on_mount(self) -> None:
        self.query_one("#find-input", Input).focus()
        self._show("")
        # The word list typos need, built off the event loop while the user types.
        self.run_worker(self.index.prepare, thread=True, group="finder", exit_on_error=False)

    @on(Input.Changed, "#find-input")
    def _search(self, event: Input.Changed) -> None:
        self._show(event.value)

    def on_resize(self) -> None:
        self._show(self.query_one("#find-input", Input).value)

    def _show(self, text: str) -> None:
        """Search, then draw the hits (or, before any typing, how to search)."""
        query = parse_query(text, self.ws.clock.today())
        self.hits = self.index.search(query, limit=30) if text.strip() else []
        note = self.query_one("#find-note", Static)
        note.update(Text(" · ".join(query.problems), style="yellow"))
        note.display = bool(query.problems)
        results = self.query_one("#find-results", OptionList)
        width = max(results.scrollable_content_region.width, 20)
        results.clear_options()
        if not text.strip():
            results.add_options(
                Option(clip(Text(t(key), style="dim"), width), disabled=True)
                for key in (
                    "find.help.what",
                    "find.help.filters",
                    "find.help.due",
                    "find.help.example",
                )
            )
            return
        if not self.hits:
            results.add_option(Option(Text(t("find.nothing"), style="dim"), disabled=True))
            return
        results.add_options(Option(hit_line(hit, width)) for hit in self.hits)
        results.highlighted = 0

    def action_move(self, step: int) -> None:
        results = self.query_one("#find-results", OptionList)
        if self.hits:
            current = results.highlighted or 0
            results.highlighted = max(0, min(len(self.hits) - 1, current + step))

    @on(Input.Submitted, "#find-input")
    def _submit(self, event: Input.Submitted) -> None:
        event.stop()
        index = self.query_one("#find-results", OptionList).highlighted
        ok = self.hits and index is not None and index < len(self.hits)
        self.dismiss(self.hits[index] if ok and index is not None else None)

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        if event.option_index < len(self.hits):
            self.dismiss(self.hits[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)


def clip(text: Text, width: int) -> Text:
    """`text` cut to at most `width` cells, ending in `…` when cut. Unlike Rich's own
    ellipsis, a wide character that does not fit leaves no blank before the `…`."""
    if text.cell_len <= width:
        return text
    if width <= 1:
        return Text("…"[:width])
    used = cut = 0
    for n, ch in enumerate(text.plain):
        size = cell_len(ch)
        if used + size > width - 1:
            break
        used, cut = used + size, n + 1
    out = text[:cut]
    out.append("…")
    return out


def pad(text: str, cells: int) -> str:
    """`text` padded with spaces to `cells` terminal cells (CJK counts two)."""
    return text + " " * max(cells - cell_len(text), 0)


def hit_line(hit: Hit, width: int) -> Text:
    """One line for a hit: kind, title and (as room allows) its details, `width` cells."""
    kinds = [t(f"find.kind.{k}") for k in KIND_STYLE]
    kind_cells = max(cell_len(k) for k in kinds) + 1
    line = Text(pad(t(f"find.kind.{hit.kind}"), kind_cells), style=KIND_STYLE.get(hit.kind, ""))
    room = width - kind_cells
    title = Text(hit.text)
    detail = Text(hit.detail, style="dim")
    if hit.detail and title.cell_len + 2 + min(detail.cell_len, 12) <= room:
        line.append_text(title)
        line.append("  ")
        line.append_text(clip(detail, room - title.cell_len - 2))
    else:
        line.append_text(clip(title, room))
    return line
