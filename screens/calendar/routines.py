"""The routines screen: this week's cadence day by day, the picked routine's detail, and
keys to add, edit, delete, skip an occurrence and tick today's checklist.

A routine on Tuesday and Wednesday is listed under both days, so the left list reads
as the week it is; each of its rows knows its weekday, which `s` and `S` act on.
Every change goes through the app's writer thread and is one undo step.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Header

from cockpit.calendar.routines import Routine, RoutineBook
from cockpit.core.i18n import language, t
from cockpit.core.weeks import week_of
from cockpit.screens.base import CockpitScreen
from cockpit.screens.calendar.forms import (
    RoutineForm,
    by_time,
    changed_fields,
    day_card,
    day_label,
    duration,
    first_on,
    next_occurrence,
    next_skipped,
    routine_card,
)
from cockpit.screens.keys import NAV, localise
from cockpit.screens.safe import Static, plain, say
from cockpit.screens.widgets.keybar import KeyBar
from cockpit.screens.widgets.panels import Panel
from cockpit.screens.widgets.rowline import Row

if TYPE_CHECKING:
    pass

ROUTINES: list[BindingType] = [
    *NAV,
    Binding("a", "add", "key.add", id="routines_add"),
    Binding("e,enter", "edit", "key.edit", id="routines_edit"),
    Binding("d", "delete", "key.delete", id="routines_delete"),
    Binding("s", "skip", "routines.key.skip", id="routines_skip"),
    Binding("S", "unskip", "routines.key.unskip", id="routines_unskip"),
    Binding("x,space", "tick", "routines.key.tick", id="routines_tick"),
    Binding("u", "undo", "key.undo", id="routines_undo"),
    Binding("question_mark", "help", "key.help", id="routines_help", key_display="?"),
    Binding("escape,q", "back", "key.back", id="routines_back"),
]
ROUTINE_IDS = frozenset(b.id for b in ROUTINES if isinstance(b, Binding) and b.id)

# Row refs: a routine's row under weekday w is `id * DAYS + w`; a day's header is -(w + 1).
DAYS = 10


class RoutinesScreen(CockpitScreen):
    """This week's routines grouped by weekday (left) and the picked one's detail."""

    AREA = "routines"  # its name in the palette, the help and [keys] sentences
    BINDINGS = ROUTINES
    SUBTITLE = "routines.title"

    def __init__(self) -> None:
        super().__init__(id="routines")
        localise(self)
        self.routines: dict[int, Routine] = {}
        self.ticks: dict[int, list[bool]] = {}
        self.today = dt.date.min
        self._select: int | None = None  # the row to put the cursor on after a save
        self._installing = False
        self._placed = False  # the cursor was put on today once

    @property
    def week_list(self) -> Panel:
        return self.query_one("#routines-list", Panel)

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="◆")
        yield Static(Text(t("routines.keys"), style="dim"), id="routines-status")
        with Horizontal(id="routines-body"):
            yield Panel("routines", "routines", "routines.title", id="routines-list")
            with VerticalScroll(id="routines-detail"):
                yield Static("", id="routines-card")
        yield KeyBar()

    def on_mount(self) -> None:
        self.reload()
        self.week_list.focus()

    # data ------------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read routines and today's ticks, redraw (the app calls it after outside
        changes, the screen after each of its own)."""
        ws = self.cockpit.ws
        book = RoutineBook(ws)
        if not book.installed() and not self._installing:
            # First use installs seed 000's cadence: a write, so on the writer thread.
            self._installing = True
            # Not an undo step: opening a screen is not the user's change.
            self.cockpit.persist(book.install_defaults, lambda _added: self.reload())
            return
        self.today = ws.clock.today()
        ordered = book.all() if book.installed() else []
        self.routines = {r.id: r for r in ordered}
        self.ticks = book.checks(self.today) if ordered else {}
        panel = self.week_list
        weekly = duration(sum(r.minutes * len(r.weekdays) for r in ordered))
        subtitle = t("routines.week_total", n=len(ordered), total=weekly)
        panel.set_rows(self._rows(ordered), subtitle=subtitle)
        panel.border_title = plain(t("routines.week", week=week_of(self.today)))
        if self._select is None and not self._placed:
            # Open on today: its first routine, else its header.
            todays = [r for r in ordered if self.today.weekday() in r.weekdays]
            first = min(todays, key=by_time) if todays else None
            day = self.today.weekday()
            self._select = first.id * DAYS + day if first else -(day + 1)
        if self._select is not None:
            self._placed = panel.select_ref(self._select) or self._placed
            self._select = None
        self.show_detail()

    def _rows(self, ordered: list[Routine]) -> list[Row]:
        monday = self.today - dt.timedelta(days=self.today.weekday())
        lang = language()
        rows: list[Row] = []
        for weekday in range(7):
            day = monday + dt.timedelta(days=weekday)
            on_day = sorted((r for r in ordered if weekday in r.weekdays), key=by_time)
            head = Text(day_label(day), style="bold")
            if day == self.today:
                head.append(f"  ◀ {t('routines.today')}", style="bold yellow")
            total = sum(r.minutes for r in on_day)
            meta = Text(duration(total) if on_day else t("routines.free"), style="dim")
            rows.append(Row(-(weekday + 1), head, meta))
            for routine in on_day:
                rows.append(self._routine_row(routine, day, lang))
        return rows

    def _routine_row(self, routine: Routine, day: dt.date, lang: str) -> Row:
        past = day < self.today
        # Start and duration are enough to scan the week; the detail shows the range.
        title = Text("  ") + Text(routine.start, style="dim" if past else "cyan")
        title.append("  ")
        title.append_text(Text(routine.title(lang), style="dim" if past else ""))
        meta = Text(duration(routine.minutes), style="dim")
        later = day + dt.timedelta(days=7)  # a past day's `s` skips next week's
        if day.isoformat() in routine.skipped:
            title.stylize("strike", 2)
            meta = Text(t("routines.skipped_mark"), style="yellow")
        elif past and later.isoformat() in routine.skipped:
            meta = Text(t("routines.skipped_next", date=f"{later:%m-%d}"), style="yellow")
        elif not routine.scheduled_on(day):
            meta = Text(t("routines.from", date=f"{first_on(routine, day.weekday()):%m-%d}"))
            meta.stylize("dim")
        elif day == self.today and routine.checklist:
            done = self.ticks.get(routine.id, [])
            style = "green" if all(done) else "bold"
            meta = Text(f"{sum(done)}/{len(done)} ", style=style) + meta
        return Row(routine.id * DAYS + day.weekday(), title, meta)

    def current(self) -> tuple[Routine | None, int]:
        """The routine under the cursor (None on a day's header) and the row's weekday."""
        ref = self.week_list.current_ref()
        if ref is None:
            return None, self.today.weekday()
        if ref < 0:
            return None, -ref - 1
        return self.routines.get(ref // DAYS), ref % DAYS

    # detail ----------------------------------------------------------------------------
    def show_detail(self) -> None:
        routine, weekday = self.current()
        card = self.query_one("#routines-card", Static)
        pane = self.query_one("#routines-detail", VerticalScroll)
        if not self.routines:
            pane.border_title = plain(t("routines.title"))
            card.update(Text(t("routines.none_at_all"), style="dim"))
        elif routine is None:
            monday = self.today - dt.timedelta(days=self.today.weekday())
            day = monday + dt.timedelta(days=weekday)
            pane.border_title = plain(f"{t(f'weekday.{weekday}')} {day.isoformat()}")
            card.update(day_card(list(self.routines.values()), weekday))
        else:
            pane.border_title = plain(routine.title(language()))
            ticks = self.ticks.get(routine.id) if routine.occurs_on(self.today) else None
            card.update(routine_card(routine, weekday, self.today, ticks))

    # events ----------------------------------------------------------------------------
    @on(Panel.Highlighted)
    def _moved(self, _event: Panel.Highlighted) -> None:
        self.show_detail()

    @on(Panel.Selected)
    def _selected(self, event: Panel.Selected) -> None:
        event.stop()
        self.action_edit()

    # actions ---------------------------------------------------------------------------
    def _need(self) -> Routine | None:
        routine, _weekday = self.current()
        if routine is None:
            say(self, t("routines.pick"), severity="warning")
        return routine

    def action_add(self) -> None:
        _routine, weekday = self.current()
        self.open_form(RoutineForm(None, weekday), self._save)

    def action_edit(self) -> None:
        if routine := self._need():
            self.open_form(RoutineForm(routine), self._save)

    def _save(self, values: dict[str, Any] | None) -> None:
        if not values:
            return
        book = RoutineBook(self.cockpit.ws)
        routine_id = values.pop("id", None)
        if routine_id is None:
            self.change(lambda: book.add(**values), lambda r: self._saved(r, "routines.added"))
            return
        routine = self.routines.get(routine_id)
        fields = changed_fields(routine, values) if routine else values
        if not fields:
            say(self, t("routines.unchanged"), timeout=2)
            return
        self.change(lambda: book.edit(routine_id, **fields), lambda r: self._saved(r, "note.saved"))

    def _saved(self, routine: Routine, key: str) -> str:
        _old, weekday = self.current()
        day = weekday if weekday in routine.weekdays else routine.weekdays[0]
        self._select = routine.id * DAYS + day
        return t(key, title=routine.title(language()))

    def action_delete(self) -> None:
        if routine := self._need():
            book = RoutineBook(self.cockpit.ws)
            self.change(
                lambda: book.remove(routine.id),
                lambda r: t("note.deleted", title=r.title(language())),
            )

    def action_skip(self) -> None:
        if not (routine := self._need()):
            return
        day = next_occurrence(routine, self.current()[1], self.today)
        if day is None:
            return
        book = RoutineBook(self.cockpit.ws)
        self.change(
            lambda: book.skip(routine.id, day),
            lambda r: t("routines.skipped", title=r.title(language()), day=day_label(day)),
        )

    def action_unskip(self) -> None:
        if not (routine := self._need()):
            return
        day = next_skipped(routine, self.current()[1], self.today)
        title = routine.title(language())
        if day is None:
            say(self, t("routines.no_skip_ahead", title=title), severity="warning")
            return
        book = RoutineBook(self.cockpit.ws)
        self.change(
            lambda: book.unskip(routine.id, day),
            lambda _r: t("routines.unskipped", title=title, day=day_label(day)),
        )

    def action_tick(self) -> None:
        """Tick the first unticked checklist line of today's occurrence."""
        if not (routine := self._need()):
            return
        title, today = routine.title(language()), self.today
        if not routine.occurs_on(today):
            say(self, t("routines.not_today", title=title), severity="warning")
            return
        ticks = self.ticks.get(routine.id, [])
        if all(ticks):  # also true for a routine without a checklist
            say(self, t("routines.all_ticked", title=title), timeout=2)
            return
        index = ticks.index(False)
        line = routine.checklist_in(language())[index]
        book = RoutineBook(self.cockpit.ws)
        self.change(
            lambda: book.check(routine.id, today, index, True),
            lambda _r: t("note.ticked", line=line),
        )

    # navigation ------------------------------------------------------------------------
