"""History (`H`): what was finished or dropped, the archive included, by the week it was
closed, newest first, searchable as you type — "what did I close last month" for the
report and the review. `cockpit ls --done --since …` prints the same."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Header, Input
from textual.widgets.option_list import Option

from cockpit.core.i18n import t
from cockpit.items.history import Closed, by_week, closed
from cockpit.screens.base import CockpitScreen
from cockpit.screens.keys import localise
from cockpit.screens.safe import OptionList, Static
from cockpit.screens.widgets.keybar import KeyBar

HISTORY: list[BindingType] = [
    Binding("j,down", "cursor_down", "key.down", id="history_down", show=False),
    Binding("k,up", "cursor_up", "key.up", id="history_up", show=False),
    Binding("slash", "search", "key.find", id="history_find", key_display="/"),
    Binding("question_mark", "help", "key.help", id="history_help", key_display="?"),
    Binding("escape,q", "back", "key.back", id="history_back"),
]
SHOWN = 2000
"""Rows drawn at most (newest first): years of history stay a keypress away by search."""


class HistoryScreen(CockpitScreen):
    """The closed items by week; `/` searches title, customer, tags, owner and notes."""

    AREA = "history"  # its name in the palette, the help and [keys] sentences
    BINDINGS = HISTORY
    SUBTITLE = "history.title"

    def __init__(self) -> None:
        super().__init__(id="history")
        localise(self)
        self.rows: list[Closed] = []

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="◆")
        yield Input(placeholder=t("history.search"), id="history-search", compact=True)
        yield Static("", id="history-status")
        yield OptionList(id="history-list")
        yield KeyBar()

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#history-list", OptionList).focus()

    def reload(self) -> None:
        words = self.query_one("#history-search", Input).value
        self.rows = closed(self.ws, words=words)
        listing = self.query_one("#history-list", OptionList)
        listing.clear_options()
        options: list[Option] = []
        for week, rows in by_week(self.rows[:SHOWN]):
            done = sum(1 for r in rows if r.item.status == "done")
            head = t("history.week", week=week, done=done, dropped=len(rows) - done)
            options.append(Option(Text(head, style="bold"), disabled=True))
            options.extend(Option(_row(r), id=str(r.item.id)) for r in rows)
        listing.add_options(options)
        status = t("history.count", n=len(self.rows))
        if words.strip():
            status = t("history.found", n=len(self.rows), words=words.strip())
        self.query_one("#history-status", Static).update(Text(status, style="dim"))

    @on(Input.Changed, "#history-search")
    def _searched(self) -> None:
        self.reload()

    @on(Input.Submitted, "#history-search")
    def _to_list(self) -> None:
        self.query_one("#history-list", OptionList).focus()

    def action_search(self) -> None:
        self.query_one("#history-search", Input).focus()

    def action_cursor_down(self) -> None:
        self.query_one("#history-list", OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one("#history-list", OptionList).action_cursor_up()

    def action_back(self) -> None:
        search = self.query_one("#history-search", Input)
        if search.has_focus and search.value:
            search.value = ""  # the first escape clears the search, the second leaves
            return
        self.dismiss(None)


def _row(row: Closed) -> Text:
    """`✓ Tue 11-17  title  @customer +tag`: a dropped item is ✗ and dim."""
    item = row.item
    dropped = item.status == "dropped"
    # One line a row (the list's CSS cuts it with an ellipsis on a narrow terminal: a
    # wrapped tag list read as another row).
    text = Text("✗ " if dropped else "✓ ", style="dim" if dropped else "green")
    text.append(f"{t(f'weekday.{row.day.weekday()}')} {row.day:%m-%d}  ", style="dim")
    text.append(item.title, style="dim" if dropped else "")
    if item.customer:
        text.append(f"  @{item.customer}", style="magenta")
    if item.tags:
        text.append("  " + " ".join(f"+{tag}" for tag in item.tags), style="dim")
    return text
