"""The daily screen: everything the PM needs at a glance, triaged from the keyboard."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.widgets import Footer, Header

from cockpit.core.i18n import language, t
from cockpit.core.model import Item
from cockpit.feeds.store import EntryStore
from cockpit.items.rules import customers_due, defer_target, panels
from cockpit.screens.base import CockpitScreen
from cockpit.screens.daily import forms as daily_forms
from cockpit.screens.daily import opening, sections
from cockpit.screens.daily.agenda_rows import agenda_rows
from cockpit.screens.daily.rows import ITEM_PANELS, customer_row, entry_row, item_row
from cockpit.screens.dialogs.defer import ask_defer, deferred_note
from cockpit.screens.keys import DAILY, localise
from cockpit.screens.reading import entry_actions
from cockpit.screens.safe import Static, plain, say
from cockpit.screens.widgets.panels import Panel, Row

if TYPE_CHECKING:
    from cockpit.find.search import Hit

FEED_ROWS = 40


class DailyScreen(CockpitScreen):
    """Key items, carry-over, plan, ops, customers due and news, in one grid."""

    BINDINGS = DAILY

    def __init__(self) -> None:
        super().__init__(id="daily")
        localise(self)
        self.day: dt.date | None = None
        # Rows are rebuilt only for items whose shown fields changed, and a panel whose
        # rows are all the same objects as before is not touched: on a large workspace a
        # keypress then redraws one panel instead of rebuilding a thousand lines.
        self._rows: dict[tuple[object, ...], Row] = {}
        self._rows_context: tuple[object, ...] = ()
        self._launch_cache: dict[tuple[object, ...], list[Row]] = {}
        self._feeds_stamp: object = None

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="◆")
        yield Static("", id="hint")
        yield Static("", id="metrics-line")
        with Vertical(id="daily-body"):
            with Grid(id="daily-grid"):
                yield Panel("key", "items", "panel.key")
                yield Panel("carry", "items", "panel.carry")
                yield Panel("plan", "items", "panel.plan")
                yield Panel("ops", "items", "panel.ops")
            with Horizontal(id="daily-bottom"):
                yield Panel("customers", "customers", "panel.customers")
                yield Panel("agenda", "agenda", "panel.agenda")
                yield Panel("feeds", "entries", "panel.feeds")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#panel-key", Panel).focus()

    # data ------------------------------------------------------------------------------
    def panel(self, name: str) -> Panel:
        return self.query_one(f"#panel-{name}", Panel)

    def reload(self) -> None:
        """Rebuild every panel from the workspace (cheap: the hot file is cached)."""
        ws = self.ws
        today, week, now = ws.clock.today(), ws.week, ws.clock.now()
        self.day = today
        items = ws.items()
        split = panels(items, week)
        context = (today, week, language())
        if context != self._rows_context:
            self._rows, self._rows_context = {}, context
        cache, fresh = self._rows, {}
        for name in ITEM_PANELS:
            rows = []
            for item in split[name]:
                key = _shown(item)
                row = cache.get(key) or item_row(item, today, week)
                fresh[key] = row
                rows.append(row)
            if name == "key":
                rows += self._launch_rows(today)
            self._update(name, rows)
        self._rows = fresh
        lines = sections.metrics_lines(self.ws)
        strip = self.query_one("#metrics-line", Static)
        strip.update(Text("  ·  ".join(lines), style="dim"))
        strip.display = bool(lines)
        due = customers_due(ws.customers.all(), today, ws.config.top_untouched_days)
        self.panel("customers").set_rows([customer_row(d, today) for d in due])
        self._reload_agenda(today)
        self._reload_feeds(now)
        self.app.title = t("title")
        self.app.sub_title = t(
            "header.week", week=week, date=f"{t(f'weekday.{today.weekday()}')} {today.isoformat()}"
        )
        carried = len(split["carry"]) + sum(1 for i in split["key"] if i.week < week)
        hint = self.query_one("#hint", Static)
        if not items and not ws.customers.all():
            hint.update(Text(t("hint.empty")))
            hint.display = True
        elif today.weekday() == 0 and carried:
            hint.update(Text(t("header.review_hint", n=carried)))
            hint.display = True
        else:
            hint.display = False

    def _launch_rows(self, today: dt.date) -> list[Row]:
        """Overdue launch items (same objects while unchanged, so the panel stays put)."""
        rows = sections.launch_rows(self.ws, today)
        key = tuple((r.ref, r.title.plain, r.meta.plain) for r in rows)
        cached = self._launch_cache.get(key)
        if cached is None:
            self._launch_cache = {key: rows}
            return rows
        return cached

    def _reload_agenda(self, today: dt.date) -> None:

        rows = agenda_rows(self.ws, today, self.ws.config.calendar_days)
        shown = [(r.ref, r.title.plain, r.meta.plain) for r in self.panel("agenda").rows_data]
        if [(r.ref, r.title.plain, r.meta.plain) for r in rows] != shown:
            self.panel("agenda").set_rows(rows)

    def _update(self, name: str, rows: list[Row]) -> None:
        panel = self.panel(name)
        shown = panel.rows_data
        if len(rows) != len(shown) or any(a is not b for a, b in zip(rows, shown, strict=True)):
            panel.set_rows(rows)

    def _reload_feeds(self, now: dt.datetime) -> None:
        # Without any subscription, the empty panel says which keys bring the defaults.
        subscribed = EntryStore(self.ws.files).has_feeds()
        stamp = (
            EntryStore(self.ws.files).stamp(),
            now.replace(second=0, microsecond=0),
            subscribed,
        )
        if stamp == self._feeds_stamp:
            return
        self._feeds_stamp = stamp
        panel = self.panel("feeds")
        panel.empty_key = "panel.feeds.empty" if subscribed else "panel.feeds.no_feeds"
        panel.refresh()
        entries, counts = EntryStore(self.ws.files).unread_summary(FEED_ROWS)
        subtitle = " · ".join(f"{cat} {n}" for cat, n in sorted(counts.items()))
        self.panel("feeds").set_rows([entry_row(e, now) for e in entries], subtitle=subtitle)

    def show_progress(self, progress: Any) -> None:
        """The app calls this while feeds refresh: progress in the news panel's footer."""
        panel = self.panel("feeds")
        if progress is None or progress.done >= progress.total:
            self._feeds_stamp = None  # counts changed: recompute them
            self._reload_feeds(self.ws.clock.now())
            return
        text = t("refresh.running", done=progress.done, total=progress.total)
        if progress.failures:
            text += " · " + t("refresh.failures", n=progress.failures)
        panel.border_subtitle = plain(text)

    def check_rollover(self) -> None:
        """Called on a timer: a new day (or Monday's new week) redraws without restart."""
        if self.ws.clock.today() != self.day:
            self.reload()

    # helpers ---------------------------------------------------------------------------
    def focused_panel(self) -> Panel | None:
        focused = self.focused
        return focused if isinstance(focused, Panel) else None

    def focused_item(self) -> Item | None:
        panel = self.focused_panel()
        if panel is None or panel.kind != "items":
            return None
        ref = panel.current_ref()
        if ref is None:
            return None
        try:
            return self.ws.get(ref)
        except LookupError:
            return None

    def need_item(self) -> Item | None:
        item = self.focused_item()
        if item is None:
            panel = self.focused_panel()
            key = "note.not_here" if panel and panel.kind != "items" else "note.no_item"
            say(self, t(key), severity="warning")
        return item

    # navigation ------------------------------------------------------------------------
    # item triage -----------------------------------------------------------------------
    def action_add(self) -> None:
        daily_forms.add(self)

    def action_edit(self) -> None:
        daily_forms.edit(self)

    @on(Panel.Selected)
    def _row_selected(self, event: Panel.Selected) -> None:
        event.stop()
        self.action_edit()

    def save_item(self, values: dict[str, Any] | None) -> None:
        """Store what the item form returned (new item or edit)."""
        daily_forms.save_item(self, values)

    def action_done(self) -> None:
        if sections.tick_checklist(self) or sections.launch_done(self):
            return
        panel = self.focused_panel()
        if panel is not None and panel.kind == "customers":
            self.action_edit()
            return
        if panel is not None and panel.kind == "entries":
            self.action_toggle_read()
            return
        if item := self.need_item():
            ws = self.ws
            self.change(lambda: ws.done(item.id), lambda it: t("note.done", title=it.title))

    def action_defer(self) -> None:
        """`>`: next week; an item with a due date asks whether the due date moves too."""
        if item := self.need_item():
            ws = self.ws
            target = defer_target(item, ws.week)

            def defer(shift_due: bool) -> None:
                self.change(
                    lambda: ws.defer(item.id, target, shift_due=shift_due),
                    lambda it: deferred_note(it, item),
                )

            ask_defer(self, item, target, defer)

    def action_toggle_key(self) -> None:
        if item := self.need_item():
            ws = self.ws
            self.change(
                lambda: ws.toggle_key(item.id),
                lambda it: t("note.key_on" if it.key else "note.key_off", title=it.title),
            )

    def action_delete(self) -> None:
        if item := self.need_item():
            ws = self.ws
            self.change(lambda: ws.delete(item.id), lambda it: t("note.deleted", title=it.title))

    # news ------------------------------------------------------------------------------
    def action_refresh(self) -> None:
        """`r`: refresh every feed in the background (progress in the news panel)."""
        self.cockpit.refresh_feeds()

    def _entry_id(self) -> int | None:
        panel = self.focused_panel()
        return panel.current_ref() if panel is not None and panel.kind == "entries" else None

    def action_open_link(self) -> None:
        entry_actions.open_link(self, self._entry_id())

    def action_star(self) -> None:
        entry_actions.toggle_mark(self, "starred", self._entry_id())

    def action_toggle_read(self) -> None:
        entry_actions.toggle_mark(self, "read", self._entry_id())

    # other screens ---------------------------------------------------------------------
    def action_find(self) -> None:
        # Imported on first use, for start-up time: the screen opens without it.
        from cockpit.screens.dialogs.finder import FinderScreen

        self.app.push_screen(FinderScreen(self.ws), self.jump_to)

    def jump_to(self, hit: Hit | None) -> None:
        """Show the record the finder picked (see daily_open.show_hit)."""
        if hit is not None:
            opening.show_hit(self, hit)

    def action_reading(self) -> None:
        opening.push(self, "reading")

    def action_review(self) -> None:
        opening.push(self, "review")

    def action_customers(self) -> None:
        opening.push(self, "customers")

    def action_report(self) -> None:
        opening.push(self, "report")

    def action_notes(self) -> None:
        # Imported on first use, for start-up time: the screen opens without it.
        from cockpit.screens.report.notes import edit_week_notes

        edit_week_notes(self)

    def action_routines(self) -> None:
        opening.push(self, "routines")

    def action_metrics(self) -> None:
        opening.push(self, "metrics")

    def action_requirements(self) -> None:
        opening.push(self, "requirements")

    def action_launches(self) -> None:
        opening.push(self, "launches")

    async def action_quit(self) -> None:
        await self.cockpit.action_quit()


def _shown(item: Item) -> tuple[object, ...]:
    """Everything an item's row shows: equal tuples give identical rows."""
    return (
        item.id,
        item.title,
        tuple(item.tags),
        item.due,
        item.week,
        item.carried,
        item.customer,
        item.status,
    )
