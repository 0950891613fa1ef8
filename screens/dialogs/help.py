"""`?`: every key of the screen underneath, with its label, in a modal table."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen

from cockpit.core.i18n import t
from cockpit.screens.keys import ALL_IDS
from cockpit.screens.safe import DataTable, Label


def _our_ids() -> frozenset[str]:
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


def key_table(screen: Screen[Any]) -> list[tuple[str, str]]:
    """(keys, label) for each binding of `screen` and the app, grouped by binding id.

    Read from the binding chain so user remaps from config show as they are; the
    focused widget's own bindings (a table's arrow keys) are left out.
    """
    grouped: dict[str, tuple[list[str], str]] = {}
    ours = _our_ids()
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
    return [(" ".join(keys), label) for keys, label in grouped.values()]


class HelpScreen(ModalScreen[None]):
    """The keys of the screen it was opened from."""

    BINDINGS = [Binding("escape,question_mark,q", "close", "Close", id="help_close")]

    def __init__(self, under: Screen[Any]) -> None:
        super().__init__(classes="form-screen")
        self.rows = key_table(under)

    def compose(self) -> ComposeResult:
        with Vertical(classes="form help"):
            yield Label(t("help.title"), classes="form-title")
            table: DataTable[Text] = DataTable(
                show_header=False, cursor_type="none", id="help-keys"
            )
            yield table
            yield Label(t("help.close"), classes="form-hint")

    def on_mount(self) -> None:
        table = self.query_one("#help-keys", DataTable)
        table.add_columns("keys", "action")
        for keys, label in self.rows:
            table.add_row(Text(keys, style="bold"), Text(label))

    def action_close(self) -> None:
        self.dismiss(None)
