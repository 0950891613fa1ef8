"""What the daily screen redraws after a change, and only where something changed.

A keypress used to rebuild the whole screen: every item of the hot file parsed again,
split into panels, every row compared, the agenda recomputed from every item, the
customers and metrics parsed again, and the one-line strips re-laid out. Now:

- items come from the workspace's cache and the panel split is kept current item by
  item (`cockpit.items.views.PanelSplit`): a panel is redrawn only when one of its items
  changed, and its rows are built lazily, only those on screen;
- everything else (customers due, the agenda, the metrics line, overdue launch items)
  is recomputed only when what it reads changed: the stamps of its files, the day, the
  language, and for the agenda the open items with a due date;
- text strips are updated only when their text changed, without a layout pass when
  their height cannot change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, TypeVar

from rich.text import Text

from cockpit.core.i18n import language, t
from cockpit.core.model import Item
from cockpit.items.predict import Prediction
from cockpit.items.rules import customers_due
from cockpit.items.views import PanelSplit
from cockpit.screens.daily import sections
from cockpit.screens.daily.agenda_rows import agenda_rows
from cockpit.screens.daily.rows import ITEM_PANELS, customer_row, item_row
from cockpit.screens.safe import Static
from cockpit.screens.widgets.rowline import Row

if TYPE_CHECKING:
    from cockpit.find.views import View
    from cockpit.items.workspace import Workspace
    from cockpit.screens.daily.screen import DailyScreen

V = TypeVar("V")
ROW_CACHE = 20_000  # rows kept for items no longer shown before the cache starts over


class Redraw:
    """The daily screen's derived state, kept between reloads."""

    def __init__(self) -> None:
        self.split = PanelSplit()
        self._rows: dict[tuple[object, ...], Row] = {}
        self._context: tuple[object, ...] = ()
        self._memo: dict[str, tuple[Hashable, object]] = {}
        self._launch: dict[int, Row] = {}
        self._predicted: set[int] = set()  # items shown as a change will leave them
        self._lines: dict[str, str] = {}
        self._view: View | None = None

    def memo(self, name: str, key: Hashable, compute: Callable[[], V]) -> tuple[V, bool]:
        """`compute()` when `key` differs from last time's; (value, whether new)."""
        hit = self._memo.get(name)
        if hit is not None and hit[0] == key:
            return hit[1], False  # type: ignore[return-value]
        value = compute()
        self._memo[name] = (key, value)
        return value, True

    def reload(self, screen: DailyScreen) -> None:
        """Bring every panel of `screen` up to date with the workspace."""
        ws = screen.ws
        today, week = ws.clock.today(), ws.week
        context = (today, week, language())
        fresh = context != self._context
        if fresh:
            self._rows, self._context = {}, context
        elif len(self._rows) > ROW_CACHE:
            self._rows = {}
        ws.sync_items()  # what changed only: no list of every item on a keypress
        touched = self.split.sync(ws.item_cache, ws.hot_items, week)
        if self._predicted and not screen.cockpit.pending:
            touched |= self._unpredict(ws)  # every write is done: what is stored shows
        launch, launch_new = self.memo(
            "launch", (stamps(ws, "planning"), context), lambda: sections.launch_rows(ws, today)
        )
        if launch_new:
            self._launch = {row.ref: row for row in launch}
        view, new_view = screen.view, screen.view is not self._view
        self._view = view
        for name in ITEM_PANELS:
            if fresh or new_view or name in touched or (name == "key" and launch_new):
                self._show(screen, name)
        self._side_panels(screen, ws, context)
        self._hint(screen, ws, today, week)

    def predict(self, screen: DailyScreen, prediction: Prediction) -> None:
        """Show what a change will do before it is written (`cockpit.items.predict`):
        its items re-filed in the panels, the panels they leave or join redrawn now.
        The next reload once no write is pending files them as stored again."""
        if not self._context:
            return
        self._predicted |= prediction.ids
        for name in self.split.apply(prediction.changed, prediction.removed):
            self._show(screen, name)

    def _unpredict(self, ws: Workspace) -> set[str]:
        cache = ws.item_cache
        ids, self._predicted = self._predicted, set()
        stored = {i: item for i in ids if (item := cache.get(i)) is not None}
        return self.split.apply(list(stored.values()), [i for i in ids if i not in stored])

    def _show(self, screen: DailyScreen, name: str) -> None:
        """Hand panel `name` its items as filed now, through the screen's view."""
        today, week = self._context[0], self._context[1]
        assert isinstance(today, dt.date) and isinstance(week, str)
        view = self._view
        if view is None:
            refs = self.split.ids(name)
        else:  # only the shown panels' items are looked at: no scan of the file
            refs = [item.id for item in view.apply(self.split.items(name))]
        if name == "key" and (view is None or not view.filter):
            refs += list(self._launch)  # launch tasks have no tags, customer
        subtitle = t("view.border", label=view.label()) if view is not None else ""
        screen.panel(name).set_lazy(refs, self._row_factory(today, week), subtitle=subtitle)

    def _row_factory(self, today: dt.date, week: str) -> Callable[[int], Row]:
        def row(ref: int) -> Row:
            if ref < 0:  # an overdue launch item shown with the key items
                return self._launch[ref]
            item = self.split.item(ref)
            key = _shown(item)
            found = self._rows.get(key)
            if found is None:
                found = self._rows[key] = item_row(item, today, week)
            return found

        return row

    def _side_panels(self, screen: DailyScreen, ws: Workspace, context: tuple[object, ...]) -> None:
        today = context[0]
        assert isinstance(today, dt.date)
        lines, new = self.memo(
            "metrics",
            (stamps(ws, "metrics"), context, ws.config.metrics.threshold),
            lambda: sections.metrics_lines(ws),
        )
        # The quarter's goals lead the line; linked items count, so items are watched too.
        goals, new_goals = self.memo(
            "goals",
            (stamps(ws, "planning", "metrics", "items"), context),
            lambda: sections.goals_line(ws),
        )
        if new or new_goals:
            parts = [goals, *lines] if goals else lines
            self.show_line(screen, "metrics-line", "  ·  ".join(parts), "dim")
        top_days = ws.config.customers.top_untouched_days
        due, new = self.memo(
            "customers",
            (stamps(ws, "customers"), context, top_days),
            lambda: customers_due(ws.customers.all(), today, top_days),
        )
        if new:
            screen.panel("customers").set_rows([customer_row(d, today) for d in due])
        days = ws.config.calendar.days
        # The agenda shows the open items due in its window: an index lookup, not a
        # scan; a keypress on undated work (or work due elsewhere) leaves it alone.
        dated = ws.due_between(today, today + dt.timedelta(days=max(days, 1) - 1))
        shown = tuple((i.id, i.title, i.due) for i in dated)
        key = (shown, stamps(ws, "calendar", "customers"), _calendars_stamp(ws), context, days)
        rows, new = self.memo("agenda", key, lambda: agenda_rows(ws, today, days))
        if new:
            panel = screen.panel("agenda")
            if [_plain(r) for r in rows] != [_plain(r) for r in panel.rows_data]:
                panel.set_rows(rows)

    def show_line(
        self, screen: DailyScreen, name: str, text: str, style: str, *, layout: bool = False
    ) -> None:
        """Show `text` in the one-line strip `#name` (hidden when empty), touching it only
        when the text changed; `layout` for strips whose height follows their text."""
        if self._lines.get(name) == text:
            return
        self._lines[name] = text
        strip = screen.query_one(f"#{name}", Static)
        strip.update(Text(text, style=style), layout=layout)
        if strip.display != bool(text):
            strip.display = bool(text)

    def _hint(self, screen: DailyScreen, ws: Workspace, today: dt.date, week: str) -> None:
        text = ""
        if not ws.hot_count() and not ws.customers.all():
            text = t("hint.empty")
        elif today.weekday() == 0:
            keyed = self.split.items("key")
            carried = self.split.count("carry") + sum(1 for i in keyed if i.week < week)
            if carried:
                text = t("header.review_hint", n=carried)
        self.show_line(screen, "hint", text, "", layout=True)


def stamps(ws: Workspace, *names: str) -> tuple[object, ...]:
    """What the named files hold now, as stamps that change with every write."""
    out = []
    for name in names:
        ws.files.raw(name)  # reads the file again if another process changed it
        out.append(ws.files.storage(name).stamp)
    return tuple(out)


def _calendars_stamp(ws: Workspace) -> int:
    # Subscribed calendars are cached as files in `calendars/`; replacing one changes
    # the folder's modification time.
    try:
        return (ws.root / "calendars").stat().st_mtime_ns
    except OSError:
        return 0


def _plain(row: Row) -> tuple[int, str, str]:
    return (row.ref, row.title.plain, row.meta.plain)


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
