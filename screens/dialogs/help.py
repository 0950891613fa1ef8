"""`?`: every key of the screen underneath, with its label and binding id, in a modal
table that scrolls (`j`/`k`, `g`/`G`, page keys), so every key is reachable at 80x24."""

from __future__ import annotations

from typing import Any, NamedTuple

from rich.text import Text
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen

from cockpit.core.i18n import t
from cockpit.screens.keys import ALL_IDS, localise
from cockpit.screens.safe import DataTable, Label

# Lines around the table inside the help box: border, title and its margin, the hint
# and its margin, and the screen's own margin.
CHROME = 8


class KeyRow(NamedTuple):
    """One line of the help: the keys, what they do, the id to remap them by."""

    keys: str
    label: str
    id: str


def cockpit_ids() -> frozenset[str]:
    """cockpit's binding ids: the shared ones and those every loaded cockpit screen (and
    the app) declares. Textual's own bindings (copy text, …) are not cockpit's keys."""
    ids = set(ALL_IDS) | {"command_palette"}
    todo: list[type] = [Screen, App]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.startswith("cockpit."):
            bindings = cls.__dict__.get("BINDINGS", ())
            ids.update(b.id for b in bindings if isinstance(b, Binding) and b.id)
    return frozenset(ids)


def key_table(screen: Screen[Any]) -> list[KeyRow]:
    """One row per binding id of `screen` and the app.

    Read from the binding chain so user remaps from config show as they are; the
    focused widget's own bindings (a table's arrow keys) are left out.
    """
    grouped: dict[str, tuple[list[str], str]] = {}
    ours = cockpit_ids()
    for node, bindings in screen._binding_chain:
        if node is not screen and node is not screen.app:
            continue
        for _key, binding in bindings:
            if binding.id not in ours:
                continue  # Textual's own (copy text, …) are not part of cockpit's keys
            ident = binding.id or binding.action
            display = screen.app.get_key_display(binding)
            keys, _label = grouped.setdefault(ident, ([], binding.description or binding.action))
            if display not in keys:
                keys.append(display)
    return [KeyRow(" ".join(keys), label, ident) for ident, (keys, label) in grouped.items()]


class HelpScreen(ModalScreen[None]):
    """The keys of the screen it was opened from."""

    AREA = "help"  # its name in the palette, the help and [keys] sentences
    BINDINGS = [
        Binding("escape,question_mark,q", "close", "key.close", id="help_close"),
        Binding("j", "move(1)", "key.down", id="help_down", show=False),
        Binding("k", "move(-1)", "key.up", id="help_up", show=False),
        Binding("g", "edge(0)", "key.top", id="help_top", show=False),
        Binding("G", "edge(1)", "key.bottom", id="help_bottom", show=False),
    ]

    def __init__(self, under: Screen[Any]) -> None:
        super().__init__(classes="form-screen")
        localise(self)
        self.rows = key_table(under)

    def compose(self) -> ComposeResult:
        with Vertical(classes="form help"):
            yield Label(t("help.title"), classes="form-title")
            table: DataTable[Text] = DataTable(show_header=False, cursor_type="row", id="help-keys")
            yield table
            yield Label(t("help.close"), classes="form-hint")

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#help-keys", DataTable)

    def on_mount(self) -> None:
        table = self.table
        table.add_columns("keys", "action", "id")
        for row in self.rows:
            table.add_row(Text(row.keys, style="bold"), Text(row.label), Text(row.id, style="dim"))
        self._fit(self.app.size.height)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.height)

    def _fit(self, height: int) -> None:
        # The table scrolls inside a box that fits the terminal: on 80x24 the whole
        # daily screen's keys do not fit at once, and the last ones must stay reachable.
        self.table.styles.max_height = max(3, min(len(self.rows), height - CHROME))

    def action_move(self, step: int) -> None:
        table = self.table
        table.move_cursor(row=max(0, min(table.cursor_row + step, table.row_count - 1)))

    def action_edge(self, bottom: int) -> None:
        self.table.move_cursor(row=self.table.row_count - 1 if bottom else 0)

    def action_close(self) -> None:
        self.dismiss(None)
