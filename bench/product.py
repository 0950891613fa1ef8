"""Every piece of cockpit the bench reaches into, in one place.

The bench drives the real `cockpit` console script wherever it can (key presses in a
pty, `cockpit add`, `cockpit ls`, `cockpit import`). What it still needs in process (to
generate workspaces fast, to refresh feeds without the TUI, to time named functions) is
named here and nowhere else, so moving a product module is a one-line change below.

Names are imported lazily, on first use (PEP 562): `from product import Workspace`
imports `cockpit.items.workspace` and nothing else, so a probe that imports one name does not
pay for the others at start-up.
"""

from __future__ import annotations

import importlib
from typing import Any

# name -> "module:attribute" ("module:" for the module itself)
NAMES: dict[str, str] = {
    # domain and storage (no textual)
    "ARCHIVE": "cockpit.items.workspace:ARCHIVE",
    "HOT": "cockpit.items.workspace:HOT",
    "Workspace": "cockpit.items.workspace:Workspace",
    "FrozenClock": "cockpit.core.clock:FrozenClock",
    "Config": "cockpit.core.config:Config",
    "load_config": "cockpit.core.config:load_config",
    "CHANNELS": "cockpit.customers.book:CHANNELS",
    "Item": "cockpit.core.model:Item",
    "Touch": "cockpit.core.model:Touch",
    "iso": "cockpit.core.model:iso",
    "monday": "cockpit.core.weeks:monday",
    "shift": "cockpit.core.weeks:shift",
    "week_of": "cockpit.core.weeks:week_of",
    "metrics": "cockpit.metrics.book:",
    "requirements": "cockpit.planning.requirements:",
    "SearchIndex": "cockpit.find.search:SearchIndex",
    "WorkspaceFiles": "cockpit.storage:WorkspaceFiles",
    "jsonstore": "cockpit.storage.jsonstore:",
    # feeds
    "EntryStore": "cockpit.feeds.store:EntryStore",
    "OpmlFeed": "cockpit.feeds.opml:OpmlFeed",
    "FetchSettings": "cockpit.feeds.refresh:FetchSettings",
    "refresh_feeds": "cockpit.feeds.refresh:refresh_feeds",
    "FeedList": "cockpit.feeds.subscriptions:FeedList",
    "parse_executor": "cockpit.feeds.workers:parse_executor",
    "shutdown_parse_workers": "cockpit.feeds.workers:shutdown",
    # the TUI (imports textual)
    "cli_main": "cockpit.cli.main:main",
    "open_for_tui": "cockpit.tui:open_for_tui",
    "CockpitApp": "cockpit.app:CockpitApp",
    "make_app": "cockpit.app:make_app",
    "DailyScreen": "cockpit.screens.daily.screen:DailyScreen",
    "Panel": "cockpit.screens.widgets.panels:Panel",
    "build_index": "cockpit.find.index:build_index",
}

# Functions timed by the start probe's `--breakdown` ("module:attribute path"). Names
# imported into a module (`cockpit.screens.daily.redraw`) are patched there, where it
# looks them up.
START_BREAKDOWN: tuple[str, ...] = (
    "cockpit.items.context:open_workspace",
    "cockpit.items.workspace:Workspace.maintain",
    "cockpit.storage.files:WorkspaceFiles.check",
    "cockpit.screens.daily.screen:DailyScreen.compose",
    "cockpit.screens.daily.screen:DailyScreen.reload",
    "cockpit.items.workspace:Workspace.items",
    "cockpit.items.cache:RecordCache._refresh",
    "cockpit.items.views:PanelSplit.sync",
    "cockpit.screens.daily.redraw:item_row",
    "cockpit.customers.book:CustomerBook.all",
    "cockpit.screens.daily.redraw:customers_due",
    "cockpit.screens.daily.screen:DailyScreen._reload_feeds",
    "cockpit.feeds.store:EntryStore.all",
    "cockpit.screens.widgets.panels:Panel.set_rows",
    "cockpit.screens.widgets.panels:Panel.render_line",
    "textual.screen:Screen._compositor_refresh",
    "textual.css.stylesheet:Stylesheet.update_nodes",
)

# Functions timed around a keypress in the real TUI (`bench/tui_wrapper.py`): what the
# writer thread runs, what the daily screen's reload does, and Textual's own rendering.
# A missing name is skipped (and reported), so a renamed product function shows up as a
# gap in the profile rather than a crash.
KEY_BREAKDOWN: tuple[str, ...] = (
    # the writer thread: the change itself, persisted
    "cockpit.items.edits:ItemEdits.done",
    "cockpit.items.workspace:Workspace.undo",
    "cockpit.items.edits:ItemEdits.toggle_key",
    "cockpit.storage.jsonstore:atomic_write",
    "cockpit.storage.jsonstore:encode",
    # the UI thread: reading back and rebuilding the daily screen
    "cockpit.screens.daily.screen:DailyScreen.reload",
    "cockpit.screens.daily.redraw:Redraw.reload",
    "cockpit.items.workspace:Workspace.items",
    "cockpit.items.workspace:Workspace.hot_items",
    "cockpit.items.cache:RecordCache._refresh",
    "cockpit.items.views:PanelSplit.sync",
    "cockpit.items.views:DueIndex.sync",
    "cockpit.items.workspace:Workspace.get",
    "cockpit.screens.daily.redraw:item_row",
    "cockpit.screens.daily.redraw:Redraw._side_panels",
    "cockpit.screens.daily.redraw:agenda_rows",
    "cockpit.screens.daily.redraw:Redraw.show_line",
    "cockpit.screens.daily.screen:DailyScreen._reload_feeds",
    "cockpit.feeds.store:EntryStore.unread_summary",
    "cockpit.screens.daily.sections:metrics_lines",
    "cockpit.screens.daily.sections:launch_rows",
    "cockpit.screens.daily.redraw:customers_due",
    "cockpit.customers.book:CustomerBook.all",
    "cockpit.screens.widgets.panels:Panel.set_rows",
    "cockpit.screens.widgets.panels:Panel.render_line",
    "cockpit.find.index:build_index",
    # Textual: styles, layout, compositing, writing the frame
    "textual.css.stylesheet:Stylesheet.update_nodes",
    "textual.screen:Screen._refresh_layout",
    "textual.screen:Screen._compositor_refresh",
    "textual.app:App._display",
    "textual.app:App.notify",
)


def resolve(target: str) -> Any:
    """The object named "module:attr" (or "module:" for the module)."""
    module_name, _, attr = target.partition(":")
    obj: Any = importlib.import_module(module_name)
    for part in attr.split(".") if attr else ():
        obj = getattr(obj, part)
    return obj


def __getattr__(name: str) -> Any:
    target = NAMES.get(name)
    if target is None:
        raise AttributeError(f"module 'product' has no attribute {name!r}")
    value = resolve(target)
    globals()[name] = value
    return value
