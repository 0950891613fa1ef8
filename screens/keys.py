"""Key bindings, each with an id (remappable from `[keys]` in config.toml).

Descriptions are catalog keys; `localise()` turns them into labels of the active
language when a screen is created, so one process can show English and Chinese screens.
"""

from __future__ import annotations

import dataclasses

from textual.binding import Binding, BindingType
from textual.dom import DOMNode

from cockpit.core.i18n import CATALOG, language, t

APP: list[BindingType] = [
    # Priority: the palette opens from every screen, forms and the finder included.
    Binding(
        "ctrl+p", "command_palette", "key.palette", id="command_palette", show=False, priority=True
    ),
]

NAV: list[BindingType] = [
    Binding("j,down", "cursor_down", "key.down", id="cursor_down", show=False),
    Binding("k,up", "cursor_up", "key.up", id="cursor_up", show=False),
    Binding("g,home", "cursor_top", "key.top", id="cursor_top", show=False),
    Binding("G,end", "cursor_bottom", "key.bottom", id="cursor_bottom", show=False),
    Binding("tab", "next_panel", "key.next_panel", id="next_panel", show=False),
    Binding("shift+tab", "prev_panel", "key.prev_panel", id="prev_panel", show=False),
]

DAILY: list[BindingType] = [
    *NAV,
    Binding("a", "add", "key.add", id="add"),
    Binding("e,enter", "edit", "key.edit", id="edit"),
    Binding("x,space", "done", "key.done", id="done"),
    Binding("greater_than_sign", "defer", "key.defer", id="defer", key_display=">"),
    Binding("exclamation_mark", "toggle_key", "key.toggle_key", id="toggle_key", key_display="!"),
    Binding("d", "delete", "key.delete", id="delete"),
    Binding("u", "undo", "key.undo", id="undo"),
    Binding("ctrl+r", "redo", "key.redo", id="redo", show=False),
    Binding("slash", "find", "key.find", id="find", key_display="/"),
    Binding("F", "view", "key.view", id="daily_view", show=False),
    # The other screens: shown in the key bar after the triage keys, as far as it fits.
    Binding("v", "review", "key.review", id="review"),
    Binding("f", "reading", "key.reading", id="reading"),
    Binding("C", "customers", "key.customers", id="open_customers"),
    Binding("W", "report", "key.report", id="open_report"),
    Binding("n", "notes", "key.notes", id="open_notes"),
    Binding("w", "routines", "routines.title", id="open_routines"),
    Binding("M", "metrics", "key.metrics", id="open_metrics"),
    Binding("P", "requirements", "key.requirements", id="open_requirements"),
    Binding("L", "launches", "key.launches", id="open_launches"),
    Binding("O", "goals", "key.goals", id="open_goals"),
    Binding("R", "roadmap", "key.roadmap", id="open_roadmap", show=False),
    Binding("H", "history", "key.history", id="open_history", show=False),
    Binding("r", "refresh", "key.refresh", id="refresh_feeds", show=False),
    Binding("o", "open_link", "key.open", id="open_link", show=False),
    Binding("s", "star", "key.star", id="star", show=False),
    Binding("m", "toggle_read", "key.read", id="toggle_read", show=False),
    Binding("question_mark", "help", "key.help", id="help", key_display="?"),
    Binding("q", "quit", "key.quit", id="quit"),
]

REVIEW: list[BindingType] = [
    Binding("c", "keep", "key.keep", id="review_keep"),
    Binding("p", "replan", "key.replan", id="review_replan"),
    Binding("x,space", "done", "key.done", id="review_done"),
    Binding("d", "drop", "key.drop", id="review_drop"),
    Binding("n,j,down", "skip", "key.skip", id="review_skip"),
    Binding("b,k,up", "previous", "key.up", id="review_previous", show=False),
    Binding("u", "undo", "key.undo", id="review_undo"),
    Binding("question_mark", "help", "key.help", id="review_help", key_display="?"),
    Binding("escape,q", "back", "key.back", id="review_back"),
]

READING: list[BindingType] = [
    *NAV,
    Binding("r", "refresh_feed", "key.refresh_feed", id="reading_refresh"),
    Binding("R", "refresh_all", "key.refresh_all", id="reading_refresh_all"),
    Binding("o,enter", "open_link", "key.open", id="reading_open"),
    Binding("s", "star", "key.star", id="reading_star"),
    Binding("m", "toggle_read", "key.read", id="reading_read"),
    Binding("n", "next_unread", "key.next_unread", id="reading_next_unread"),
    Binding("space", "page(1)", "key.page", id="reading_page"),
    Binding("b", "page(-1)", "key.page_back", id="reading_page_back", show=False),
    Binding("A", "category_read", "key.category_read", id="reading_category_read"),
    Binding("t", "turn", "key.turn", id="reading_turn"),
    Binding("a", "add_feed", "key.add_feed", id="reading_add_feed"),
    Binding("d", "remove_feed", "key.remove_feed", id="reading_remove_feed", show=False),
    Binding("x", "toggle_feed", "key.toggle_feed", id="reading_toggle_feed", show=False),
    Binding("I", "import_defaults", "key.import_defaults", id="reading_import_defaults"),
    Binding("u", "undo", "key.undo", id="reading_undo"),
    Binding("slash", "find", "key.find", id="reading_find", key_display="/"),
    Binding("question_mark", "help", "key.help", id="reading_help", key_display="?"),
    Binding("escape,q", "back", "key.back", id="reading_back"),
]

ALL_IDS = frozenset(b.id for b in [*DAILY, *REVIEW, *READING] if isinstance(b, Binding) and b.id)


def localise(node: DOMNode) -> None:
    """Swap catalog keys in `node`'s binding descriptions for translated labels."""
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [
            dataclasses.replace(b, description=t(b.description)) if b.description in CATALOG else b
            for b in bindings
        ]


_SHORT: dict[str, dict[str, str]] = {}


def short_label(label: str) -> str:
    """The key bar's form of a (translated) binding label: its `.short` catalog entry
    where there is one ("Defer to next week" -> "Defer"), else the label itself."""
    lang = language()
    table = _SHORT.get(lang)
    if table is None:
        table = _SHORT[lang] = {
            t(key[: -len(".short")]): t(key)
            for key in CATALOG
            if key.endswith(".short") and key[: -len(".short")] in CATALOG
        }
    return table.get(label, label)
