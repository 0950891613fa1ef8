"""The floor: a bare Textual app with a 40-row list whose cursor `j` / `k` move.

Nothing but Textual, a header, an `OptionList` of 40 rows and a footer: the least any
Textual app on this machine can cost per key and per start. The bench runs it under the
same pty harness as cockpit (`python bench/floor_app.py`); `q` quits.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, OptionList

ROWS = 40


class Floor(App[None]):
    """A list and two cursor keys."""

    BINDINGS = [
        Binding("j", "down", "Down"),
        Binding("k", "up", "Up"),
        Binding("q", "quit", "Quit"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield OptionList(*(f"row {n:02d}  " + "lorem ipsum dolor " * 5 for n in range(ROWS)))
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self.query_one(OptionList).highlighted = 0

    def action_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()


if __name__ == "__main__":
    Floor().run()
