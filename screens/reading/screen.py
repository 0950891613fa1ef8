"""Friday reading: feeds by category, their entries, a preview; read, star, file for the
report, refresh — all from the keyboard, while refreshes run in the background."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Header

from cockpit.core.i18n import relative_time, short_age, t
from cockpit.feeds.categories import in_order
from cockpit.feeds.categories import shown as shown_category
from cockpit.feeds.store import EntryStore, set_marks_undoable
from cockpit.feeds.subscriptions import Feed, FeedList
from cockpit.feeds.watch import Matches, watch_of
from cockpit.find.index import entries_index
from cockpit.screens.base import CockpitScreen
from cockpit.screens.keys import READING, localise
from cockpit.screens.reading import entry_actions, feed_actions, paging
from cockpit.screens.reading.turn import TurnScreen
from cockpit.screens.reading.watched import highlight, marked
from cockpit.screens.safe import Static, plain
from cockpit.screens.widgets.keybar import KeyBar
from cockpit.screens.widgets.panels import Panel
from cockpit.screens.widgets.rowline import Row
from cockpit.screens.widgets.textfit import clip

if TYPE_CHECKING:
    from cockpit.feeds.refresh import Progress
    from cockpit.find.records import Hit

ALL = 0


class ReadingScreen(CockpitScreen):
    """The left list picks what the entry list shows: everything, a category or a feed."""

    AREA = "reading"  # its name in the palette, the help and [keys] sentences
    BINDINGS = READING
    SUBTITLE = "reading.title"

    def __init__(self) -> None:
        super().__init__(id="reading")
        localise(self)
        self.feeds: dict[int, Feed] = {}
        self.categories: list[str] = []
        self._index: list[tuple[str, int, int, str]] = []  # published, id, feed id, category
        self._index_stamp: object = None
        self._matches = Matches()
        self.watched: frozenset[int] = frozenset()
        """Ids of the entries naming a watch word (`[feeds] watch`)."""

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="◆")
        yield Static("", id="reading-status")
        with Horizontal(id="reading-body"):
            yield Panel("feedlist", "feeds", "reading.feeds")
            with Vertical(id="reading-right"):
                yield Panel("entries", "entries", "reading.entries")
                with VerticalScroll(id="reading-preview", can_focus=False):
                    yield Static("", id="preview")
        yield KeyBar()

    def on_mount(self) -> None:
        self.reload()
        self.panel("entries").focus()
        self.show_progress(self.cockpit.feed_progress)

    def panel(self, name: str) -> Panel:
        return self.query_one(f"#panel-{name}", Panel)

    # data ------------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read subscriptions, counts and entries (after a refresh or a mark)."""
        ws = self.cockpit.ws
        self.feeds = {f.id: f for f in FeedList(ws.files).all()}
        store = EntryStore(ws.files)
        unread = store.unread_counts_by_feed()
        seen = {f.category for f in self.feeds.values()}
        self.categories = in_order(seen)
        rows = [Row(ALL, Text(t("reading.all"), style="bold"), Text(str(sum(unread.values()))))]
        for n, category in enumerate(self.categories):
            feeds = sorted(
                (f for f in self.feeds.values() if f.category == category),
                key=lambda f: f.title.casefold(),
            )
            count = sum(unread.get(f.id, 0) for f in feeds)
            name = Text(shown_category(category), style="bold")
            rows.append(Row(-(n + 1), name, Text(str(count))))
            for feed in feeds:
                title = Text("  " + (feed.title or feed.url))
                meta = Text(str(unread.get(feed.id, 0)) if unread.get(feed.id) else "")
                if not feed.enabled:
                    title.stylize("dim")
                    meta = Text(t("reading.disabled"), style="dim italic")
                if feed.status == "error":
                    meta = Text("⚠ ", style="bold red") + meta
                rows.append(Row(feed.id, title, meta))
        feedlist = self.panel("feedlist")
        feedlist.set_rows(rows)
        # The list also holds "All" and a row per category: the title counts feeds.
        count = len(self.feeds)
        feedlist.border_title = plain(
            f"{t('reading.feeds')} ({count})" if count else t("reading.feeds")
        )
        self._reindex()
        self.show_entries()

    def _reindex(self) -> None:
        store = EntryStore(self.cockpit.ws.files)
        stamp = store.stamp()
        if stamp == self._index_stamp:
            return
        self._index, self._index_stamp = store.index(), stamp
        self.watched = self._matches.of(self.watch, store.docs(), store.entries_stamp())

    @property
    def watch(self) -> Any:
        """The watch words of the config, compiled."""
        return watch_of(self.cockpit.ws.config.feeds.watch)

    @property
    def entry_index(self) -> list[tuple[str, int, int, str]]:
        """(published, id, feed id, category) of every entry, newest first."""
        return self._index

    def selection(self) -> tuple[str, Any]:
        """What the left list points at: ("all", None), ("category", name), ("feed", id)."""
        ref = self.panel("feedlist").current_ref()
        if ref is None or ref == ALL:
            return "all", None
        if ref < 0:
            return "category", self.categories[-ref - 1]
        return "feed", ref

    def show_entries(self) -> None:
        kind, value = self.selection()
        if kind == "category":
            refs = [ref for _p, ref, _f, cat in self._index if cat == value]
        elif kind == "feed":
            refs = [ref for _p, ref, feed, _c in self._index if feed == value]
        else:
            refs = [ref for _p, ref, _f, _c in self._index]
        shown = len(self.watched.intersection(refs)) if self.watched else 0
        subtitle = t("watch.reading", n=shown) if shown else ""
        self.panel("entries").set_lazy(refs, self._entry_row, subtitle=subtitle)
        self.show_preview()
        self._feed_status()

    def _entry_row(self, ref: int) -> Row:
        entry = EntryStore(self.cockpit.ws.files).get(ref)
        if entry is None:
            return Row(ref, Text("?"), Text(""))
        title = Text(entry.title, style="dim" if entry.read else "bold")
        title = marked(title, self.watch, ref in self.watched)
        if entry.starred:
            title = Text("★ ", style="yellow") + title
        meta = Text(entry.feed, style="dim")
        meta = clip(meta, 18)
        moment = _moment(entry.published)
        if moment is not None:
            meta.append(f" · {short_age(moment, self.cockpit.ws.clock.now())}", style="dim")
        return Row(ref, title, meta)

    def show_preview(self) -> None:
        ref = self.panel("entries").current_ref()
        entry = None if ref is None else EntryStore(self.cockpit.ws.files).get(ref)
        preview = self.query_one("#preview", Static)
        self.query_one("#reading-preview", VerticalScroll).scroll_home(animate=False)
        if entry is None:
            preview.update(Text(t("reading.nothing"), style="dim"))
            return
        moment = _moment(entry.published)
        when = relative_time(moment, self.cockpit.ws.clock.now()) if moment else ""
        watch = self.watch
        head = marked(Text(entry.title, style="bold"), watch, ref in self.watched)
        if entry.starred:
            head = Text("★ ", style="yellow") + head
        parts = [
            head,
            Text(f"{entry.feed} · {shown_category(entry.category)} · {when}", style="dim"),
            Text(entry.link or "", style="underline cyan"),
            Text(""),
            highlight(Text(entry.text), watch),  # the full text where the feed sends it
        ]
        preview.update(Text("\n").join(parts))

    def _feed_status(self) -> None:
        kind, value = self.selection()
        status = self.query_one("#reading-status", Static)
        if not self.feeds:
            status.update(Text(t("reading.no_feeds"), style="yellow"))
            return
        if kind != "feed" or value not in self.feeds:
            self.show_progress(self.cockpit.feed_progress)
            return
        feed = self.feeds[value]
        if feed.status == "error":
            status.update(
                Text(t("reading.feed_error", title=feed.title, error=feed.error), style="red")
            )
            return
        moment = _moment(feed.last_fetch or "")
        if moment is None:  # not "fetched never fetched"
            status.update(Text(t("reading.feed_new", title=feed.title)))
            return
        when = relative_time(moment, self.cockpit.ws.clock.now())
        status.update(Text(t("reading.feed_ok", title=feed.title, entries=feed.entries, when=when)))

    def show_progress(self, progress: Progress | None) -> None:
        """The app calls this while a refresh runs (and once when it ends)."""
        status = self.query_one("#reading-status", Static)
        if progress is None or progress.done >= progress.total:
            on_feeds = self.focused is self.panel("feedlist")
            status.update(Text(t("reading.feed_keys" if on_feeds else "reading.keys"), style="dim"))
            return
        text = t("refresh.running", done=progress.done, total=progress.total)
        if progress.failures:
            text += " · " + t("refresh.failures", n=progress.failures)
        status.update(Text(text, style="bold cyan"))

    # events ----------------------------------------------------------------------------
    def on_descendant_focus(self) -> None:
        """The status line names the keys of the focused list (feeds or entries)."""
        if self.is_mounted:
            self._feed_status()

    @on(Panel.Highlighted)
    def _moved(self, event: Panel.Highlighted) -> None:
        if event.panel.panel == "feedlist":
            self.show_entries()
        elif event.panel.panel == "entries":
            self.show_preview()

    @on(Panel.Selected)
    def _selected(self, event: Panel.Selected) -> None:
        event.stop()
        if event.panel.panel == "entries":
            self.action_open_link()
        else:
            self.panel("entries").focus()

    # actions ---------------------------------------------------------------------------
    def focused_entry_id(self) -> int | None:
        return self.panel("entries").current_ref()

    def action_refresh_feed(self) -> None:
        kind, value = self.selection()
        if self.focused is self.panel("entries") and (ref := self.focused_entry_id()):
            entry = EntryStore(self.cockpit.ws.files).get(ref)
            kind, value = ("feed", entry.feed_id) if entry else (kind, value)
        if kind == "feed":
            ids = [value]
        elif kind == "category":
            ids = [f.id for f in self.feeds.values() if f.category == value]
        else:
            ids = list(self.feeds)
        self.cockpit.refresh_feeds(ids, force=True)

    def action_refresh_all(self) -> None:
        self.cockpit.refresh_feeds(None, force=False)

    def action_open_link(self) -> None:
        entry_actions.open_link(self, self.focused_entry_id())

    def action_next_unread(self) -> None:
        """`n`: the next unread entry, across feeds (newsboat's `n`)."""
        paging.next_unread(self)

    def action_page(self, step: int) -> None:
        """`space` / `b`: page the preview (at its end, `space` goes to the next unread)."""
        paging.page(self, step)

    def action_star(self) -> None:
        entry_actions.toggle_mark(self, "starred", self.focused_entry_id())

    def action_toggle_read(self) -> None:
        entry_actions.toggle_mark(self, "read", self.focused_entry_id())

    def action_category_read(self) -> None:
        """Mark every entry of the category in view read (undoable with `u`).

        The category is the one picked on the left; with "All" picked, it is the
        category of the highlighted entry — never everything at once.
        """
        ws = self.cockpit.ws
        kind, value = self.selection()
        category = value if kind == "category" else None
        if kind == "feed":
            category = self.feeds[value].category
        if kind == "all" and (ref := self.focused_entry_id()) is not None:
            entry = EntryStore(ws.files).get(ref)
            category = entry.category if entry else None
        if category is None:
            return
        refs = [ref for _p, ref, _f, cat in self._index if cat == category]
        self.change(
            lambda: set_marks_undoable(ws, refs, "read", True),
            lambda _n: t("note.category_read", n=len(refs)),
        )

    # feeds -----------------------------------------------------------------------------
    def action_add_feed(self) -> None:
        feed_actions.add(self)

    def action_remove_feed(self) -> None:
        feed_actions.remove(self)

    def action_toggle_feed(self) -> None:
        feed_actions.toggle(self)

    def action_import_defaults(self) -> None:
        feed_actions.import_defaults(self)

    def action_turn(self) -> None:

        ref = self.focused_entry_id()
        if ref is not None:
            self.app.push_screen(TurnScreen(ref), lambda _r: self.reload())

    def action_find(self) -> None:
        # Imported on first use, for start-up time: the screen opens without it.
        from cockpit.screens.dialogs.finder import FinderScreen

        self.app.push_screen(
            FinderScreen(self.cockpit.ws, entries_index(self.cockpit.ws)), self.jump_to
        )

    def jump_to(self, hit: Hit | None) -> None:
        if hit is None:
            return
        self.panel("feedlist").select_ref(ALL)
        self.show_entries()
        if self.panel("entries").select_ref(hit.ref):
            self.panel("entries").focus()
            self.show_preview()

    # shared with entry_actions ---------------------------------------------------------


def _moment(stamp: str) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
