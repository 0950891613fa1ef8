"""The frame the list screens share (goals, roadmap, the requirement pool): a status
line, one list, the highlighted record in full below it, and the key bar.

Textual runs the `on_mount` and the message handlers of every class along the MRO, a
base's beside the subclass's own. So the handlers live here only (`on_mount`, the
cursor moving, Enter on a row), and a screen says what differs through plain methods
it overrides: `reload`, `compose_detail`, `show_detail`, `action_edit`. A screen that
defined its own `on_mount` would be read twice on opening, and an `@on(Panel.Selected)`
of its own would open two forms on one Enter.
"""

from __future__ import annotations

from abc import abstractmethod
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Header

from cockpit.core.i18n import t
from cockpit.screens.keys import localise
from cockpit.screens.planning.forms import PlanningScreen
from cockpit.screens.safe import Static, plain
from cockpit.screens.widgets.keybar import KeyBar
from cockpit.screens.widgets.panels import Panel


class ListScreen(PlanningScreen):
    """A list screen; its widgets' ids are `<PREFIX>-status`, `-list` and `-detail`."""

    PREFIX: ClassVar[str]
    """What the ids of the screen's widgets start with (the stylesheet places them)."""
    KIND: ClassVar[str]
    """What the list's rows are (the panel's `kind`)."""
    LIST_TITLE: ClassVar[str]
    """Catalog key of the list's border title."""
    EMPTY: ClassVar[str | None] = None
    """Catalog key of what an empty list says (None: the panel's own)."""

    def __init__(self, *, id: str, select: int | None = None) -> None:
        super().__init__(id=id)
        localise(self)
        self._select = select  # the record the cursor goes to when next listed

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="◆")
        yield Static("", id=f"{self.PREFIX}-status")
        listing = Panel("list", self.KIND, self.LIST_TITLE, id=f"{self.PREFIX}-list")
        if self.EMPTY is not None:
            listing.empty_key = self.EMPTY
        yield listing
        yield from self.compose_detail()
        yield KeyBar()

    def compose_detail(self) -> ComposeResult:
        """What is below the list: one pane, the highlighted record in full."""
        yield Static("", id=f"{self.PREFIX}-detail")

    def on_mount(self) -> None:
        self.reload()
        self.listing.focus()

    @property
    def listing(self) -> Panel:
        return self.query_one(f"#{self.PREFIX}-list", Panel)

    @property
    def detail(self) -> Static:
        """The pane `compose_detail` yields by default."""
        return self.query_one(f"#{self.PREFIX}-detail", Static)

    def show_hint(self, title_key: str, hint_key: str) -> None:
        """Nothing highlighted (an empty list, or a heading): the detail pane's bare
        title and, dim, what it would show."""
        self.detail.border_title = plain(t(title_key))
        self.detail.update(Text(t(hint_key), style="dim"))

    def show_status(self, line: Text) -> None:
        """The status line above the list says `line`."""
        self.query_one(f"#{self.PREFIX}-status", Static).update(line)

    def select_pending(self) -> None:
        """Put the cursor on the record a change (or the opener) asked for, once; called
        after each listing, so the record a form just saved is the one highlighted."""
        if self._select is not None:
            self.listing.select_ref(self._select)
            self._select = None

    # Each list screen draws and edits its own kind of record. (Abstract in intent:
    # Textual's screens have a metaclass of their own, so abc's cannot be mixed in;
    # mypy refuses to make a screen that leaves either out.)
    @abstractmethod
    def show_detail(self) -> None:
        """Draw the highlighted record in full (each screen its own way)."""

    @abstractmethod
    def action_edit(self) -> None:
        """Edit the highlighted record (Enter on a row does the same)."""

    @on(Panel.Highlighted)
    def _moved(self, _event: Panel.Highlighted) -> None:
        self.show_detail()

    @on(Panel.Selected)
    def _chosen(self, event: Panel.Selected) -> None:
        event.stop()
        self.action_edit()
