"""The daily screen: everything the PM needs at a glance, triaged from the keyboard."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.widgets import Header

from cockpit.core.i18n import t
from cockpit.core.model import Item
from cockpit.feeds.categories import in_order
from cockpit.feeds.categories import shown as shown_category
from cockpit.feeds.store import EntryStore
from cockpit.feeds.watch import Matches, watch_of
from cockpit.items.rules import defer_target
from cockpit.reminders.due import watch_reminders
from cockpit.screens.base import CockpitScreen, set_header
from cockpit.screens.daily import forms as daily_forms
from cockpit.screens.daily import opening, sections
from cockpit.screens.daily.redraw import Redraw
from cockpit.screens.daily.rows import entry_row
from cockpit.screens.dialogs.defer import ask_defer, deferred_note
from cockpit.screens.keys import DAILY, localise
from cockpit.screens.reading import entry_actions
from cockpit.screens.safe import Static, say
from cockpit.screens.widgets.keybar import KeyBar
from cockpit.screens.widgets.panels import Panel

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from cockpit.find.records import Hit
    from cockpit.find.views import View

FEED_ROWS = 40


class DailyScreen(CockpitScreen):
    """Key items, carry-over, plan, ops, customers due and news, in one grid."""

    AREA = "daily"  # its name in the palette, the help and [keys] sentences
    BINDINGS = DAILY

    def __init__(self) -> None:
        super().__init__(id="daily")
        localise(self)
        self.day: dt.date | None = None
        self._redraw = Redraw()
        self._feeds_stamp: object = None
        self.view: View | None = None
        self._watched = Matches()
        self._watch_seen: int | None = None  # the newest entry id looked at
        """The filter and sort of the item panels (`F`, the palette's views), if any."""

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
        yield KeyBar()

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#panel-key", Panel).focus()

    # data ------------------------------------------------------------------------------
    def panel(self, name: str) -> Panel:
        return self.query_one(f"#panel-{name}", Panel)

    def reload(self) -> None:
        """Bring every panel up to date with the workspace: only what changed is
        recomputed and redrawn (see `cockpit.screens.daily.redraw`)."""
        ws = self.ws
        today, now = ws.clock.today(), ws.clock.now()
        self.day = today
        self._redraw.reload(self)
        self._reload_feeds(now)
        set_header(self, self.header_subtitle())

    def header_subtitle(self) -> str:
        today = self.ws.clock.today()
        weekday = t(f"weekday.{today.weekday()}")
        return t("header.week", week=self.ws.week, date=f"{weekday} {today.isoformat()}")

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
        store = EntryStore(self.ws.files)
        entries, counts = store.unread_summary(FEED_ROWS)
        watch = watch_of(self.ws.config.feeds.watch)
        parts = [f"{shown_category(cat)} {counts[cat]}" for cat in in_order(counts)]
        watched: frozenset[int] = frozenset()
        if watch:
            watched = self._watched.of(watch, store.docs(), store.entries_stamp())
            unread = len(store.unread_among(watched))
            parts.insert(0, t("watch.count", n=unread))  # first: kept when the border is cut
            self._tell_watched(store, watched)
        rows = [entry_row(e, now, watch, e.id in watched) for e in entries]
        self.panel("feeds").set_rows(rows, subtitle=" · ".join(parts))

    def _tell_watched(self, store: EntryStore, watched: frozenset[int]) -> None:
        """A toast for entries naming a watch word that arrived since the last look
        (entry ids only grow: each entry is told once; those there at start are not)."""
        newest = self._watched.newest
        seen, self._watch_seen = self._watch_seen, max(newest, self._watch_seen or 0)
        if seen is None:
            return
        fresh = sorted(ref for ref in watched if ref > seen)
        if not fresh:
            return
        entries = [e for e in map(store.get, fresh[:20]) if e is not None and not e.read]
        if not entries:
            return
        watch = watch_of(self.ws.config.feeds.watch)
        texts = [text for e in entries for text in (e.title, e.summary, e.content)]
        words = ", ".join(watch.found(*texts))
        toast = t("watch.new", n=len(entries), words=words, title=entries[0].title)
        # A reminder as the dated ones are: once per entry, whichever cockpit saw it first.
        self.cockpit.reminders.watched(watch_reminders(entries, self.ws.clock.today()), toast)

    def show_prediction(self, predict: tuple[Any, ...]) -> bool:
        """Move the item at once (see `cockpit.items.predict`): only while no other
        write is under way, so the prediction starts from what will be written over."""
        if self.cockpit.pending:
            return False
        name, *args = predict
        kwargs = args.pop() if args and isinstance(args[-1], dict) else {}
        prediction = self.ws.predict(name, *args, **kwargs)
        if prediction is None:
            return False
        self._redraw.predict(self, prediction)
        return True

    def show_progress(self, progress: Any) -> None:
        """The app calls this while feeds refresh: progress in the news panel's footer."""
        panel = self.panel("feeds")
        if progress is None or progress.done >= progress.total:
            self._feeds_stamp = None  # counts changed: recompute them
            panel.border_note(None)  # the counts again, even where none changed
            self._reload_feeds(self.ws.clock.now())
            return
        text = t("refresh.running", done=progress.done, total=progress.total)
        if progress.failures:
            text += " · " + t("refresh.failures", n=progress.failures)
        panel.border_note(text)

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
            self.change(
                lambda: ws.finish(item.id, "done"),
                lambda pair: done_note(*pair),
                predict=("finish", item.id, "done"),
            )

    def action_defer(self) -> None:
        """`>`: next week; an item with a due date asks whether the due date moves too."""
        if item := self.need_item():
            ws = self.ws
            target = defer_target(item, ws.week)

            def defer(shift_due: bool) -> None:
                self.change(
                    lambda: ws.defer(item.id, target, shift_due=shift_due),
                    lambda it: deferred_note(it, item),
                    predict=("defer", item.id, target, {"shift_due": shift_due}),
                )

            ask_defer(self, item, target, defer)

    def action_toggle_key(self) -> None:
        if item := self.need_item():
            ws = self.ws
            self.change(
                lambda: ws.toggle_key(item.id),
                lambda it: t("note.key_on" if it.key else "note.key_off", title=it.title),
                predict=("toggle_key", item.id),
            )

    def action_delete(self) -> None:
        if item := self.need_item():
            ws = self.ws
            self.change(
                lambda: ws.delete(item.id),
                lambda it: t("note.deleted", title=it.title),
                predict=("delete", item.id),
            )

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

    def action_view(self) -> None:
        """`F`: filter and sort the item panels (see `cockpit.screens.daily.views`)."""
        # Imported on first use, for start-up time: the screen opens without it.
        from cockpit.screens.daily import views

        views.ask(self)

    def palette_commands(self) -> Iterator[tuple[str, str, Callable[[], object]]]:
        """The palette's entries of this screen beyond its keys: the named views."""
        # Imported on first use, for start-up time: the screen opens without it.
        from cockpit.screens.daily import views

        yield from views.commands(self)

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

    def action_history(self) -> None:
        opening.push(self, "history")

    def action_goals(self) -> None:
        opening.push(self, "goals")

    def action_roadmap(self) -> None:
        opening.push(self, "roadmap")

    async def action_quit(self) -> None:
        await self.cockpit.action_quit()


def done_note(item: Item, following: Item | None) -> str:
    """`Done: …`, and the next occurrence's due date when the item repeats."""
    note = t("note.done", title=item.title)
    if following is not None:
        note += t("note.next", id=following.id, due=following.due or "")
    return note
