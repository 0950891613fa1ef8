"""About cockpit (palette: "app: about cockpit"): the facts of `cockpit doctor`, in a
modal — which config file and data folder this session uses and why, the workspace's
state and what the terminal allows.

The facts are gathered in a thread (it reads every workspace file and asks tmux and
the browser finder), then shown; the same `cockpit.doctor.describe.lines` word them
for the CLI, so the two never disagree.
"""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen

from cockpit.core.i18n import t
from cockpit.doctor.describe import Line, lines, problems
from cockpit.doctor.facts import Origin, gather
from cockpit.screens.keys import localise
from cockpit.screens.safe import Label, Static


class AboutScreen(ModalScreen[None]):
    """Version, files in use and why, workspace state, terminal facts."""

    AREA = "about"  # its name in the palette, the help and [keys] sentences
    BINDINGS = [Binding("escape,q", "close", "key.close", id="about_close")]

    def __init__(self, origin: Origin) -> None:
        super().__init__(classes="form-screen")
        localise(self)
        self.origin = origin

    def compose(self) -> ComposeResult:
        with Vertical(classes="form about"):
            yield Label(t("about.title"), classes="form-title")
            with VerticalScroll(id="about-scroll"):
                yield Static(Text(t("about.loading")), id="about-facts")
            yield Label(t("about.close"), classes="form-hint")

    def on_mount(self) -> None:
        self.query_one("#about-scroll", VerticalScroll).focus()
        self.collect()

    @work(thread=True, exit_on_error=False, exclusive=True)
    def collect(self) -> None:
        """Read the facts off the event loop, then show them."""
        facts = gather(self.origin)
        self.app.call_from_thread(self.show, lines(facts), problems(facts))

    def show(self, rows: list[Line], found: list[str]) -> None:
        """Lay the lines out as a two-column grid; values wrap under their column."""
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column(overflow="fold")
        for row in rows:
            # Paths, feed titles and errors come from outside: plain Text, never markup.
            grid.add_row(Text(row.label), Text(row.value, style="bold red" if row.warn else ""))
        if found:
            verdict = Text(t("doctor.problems"), style="bold red")
            for sentence in found:
                verdict.append(f"\n  - {sentence}", style="")
        else:
            verdict = Text(t("doctor.ok"))
        self.query_one("#about-facts", Static).update(Group(grid, Text(""), verdict))

    def action_close(self) -> None:
        self.dismiss(None)
