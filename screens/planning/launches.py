"""Launch checklists (seed 003): the launches with their progress, the picked launch's
checklist split at go-live, and the highlighted item in full; overdue items in red."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Header

from cockpit.core.i18n import relative_day, t
from cockpit.planning import launches
from cockpit.planning.checklists import Launch, LaunchItem
from cockpit.screens.keys import NAV, localise
from cockpit.screens.planning.forms import LaunchForm, LaunchItemForm, PlanningScreen
from cockpit.screens.safe import Static, plain, say
from cockpit.screens.widgets.keybar import KeyBar
from cockpit.screens.widgets.panels import Panel
from cockpit.screens.widgets.rowline import Row

LAUNCHES: list[BindingType] = [
    *NAV,
    Binding("a", "new", "key.launch_new", id="launch_new"),
    Binding("x,space", "check", "key.launch_check", id="launch_check"),
    Binding("e,enter", "edit", "key.edit", id="launch_edit"),
    Binding("u", "undo", "key.undo", id="launch_undo"),
    Binding("question_mark", "help", "key.help", id="launch_help", key_display="?"),
    Binding("escape,q", "back", "key.back", id="launch_back"),
]
LAUNCHES_IDS = frozenset(b.id for b in LAUNCHES if isinstance(b, Binding) and b.id)
GOLIVE = 0  # the ref of the go-live line between the items before and after it
MARKS = {"open": ("[ ]", ""), "done": ("[✓]", "green"), "skipped": ("[-]", "dim")}


class LaunchesScreen(PlanningScreen):
    """Launches on top, the picked one's checklist below, the highlighted item last."""

    AREA = "launches"  # its name in the palette, the help and [keys] sentences
    BINDINGS = LAUNCHES
    SUBTITLE = "launch.title"

    def __init__(self) -> None:
        super().__init__(id="launches")
        localise(self)
        self.launches: dict[int, Launch] = {}
        self._select: int | None = None  # the launch to show after a save

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="◆")
        yield Static("", id="launch-status")
        yield Panel("launches", "launches", "launch.title", id="launch-list")
        yield Panel("items", "launch-items", "launch.checklist", id="launch-items")
        yield Static("", id="launch-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        self.reload()
        self.panel("items").focus()

    def panel(self, name: str) -> Panel:
        return self.query_one(f"#launch-{name}", Panel)

    @property
    def today(self) -> dt.date:
        return self.cockpit.ws.clock.today()

    # data ------------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the launches; keep the picked launch and item where they still are."""
        ws = self.cockpit.ws
        self.launches = {la.id: la for la in launches.all_launches(ws)}
        listing = self.panel("list")
        listing.set_rows([self._launch_row(la) for la in self.launches.values()])
        if self._select is not None:
            listing.select_ref(self._select)
            self._select = None
        late = len(launches.overdue(ws, self.today))
        status = t("launch.status", n=len(self.launches), late=late)
        self.query_one("#launch-status", Static).update(
            Text(status if self.launches else t("launch.none"), style="dim")
        )
        self.show_items()

    def _launch_row(self, launch: Launch) -> Row:
        info = launch.public(self.today)
        when = relative_day(launch.golive_date, self.today)
        title = Text(launch.name, style="bold")
        title.append(f"  {t('launch.golive_row', date=launch.golive, when=when)}", style="dim")
        meta = Text(t("launch.progress", done=info["done"], total=info["total"]))
        if info["overdue"]:
            meta.append(" · ").append(t("launch.overdue_n", n=info["overdue"]), style="bold red")
        return Row(launch.id, title, meta)

    def current_launch(self) -> Launch | None:
        ref = self.panel("list").current_ref()
        return None if ref is None else self.launches.get(ref)

    def current_item(self) -> LaunchItem | None:
        launch, ref = self.current_launch(), self.panel("items").current_ref()
        if launch is None or not ref:
            return None
        return next((it for it in launch.items if it.no == ref), None)

    def show_items(self) -> None:
        """The checklist in its order, with the go-live line where "after" items begin."""
        launch = self.current_launch()
        rows: list[Row] = []
        if launch is not None:
            golive = launch.golive_date
            for it in launch.items:
                if it.phase == "after" and all(r.ref != GOLIVE for r in rows):
                    rows.append(self._golive_row(launch))
                rows.append(self._item_row(it, it.deadline(golive)))
        items = self.panel("items")
        if launch is None:
            items.set_rows(rows)
        else:
            # Named after its launch; the go-live line is no item, so no row count.
            done = sum(1 for it in launch.items if it.state != "open")
            items.set_rows(rows, subtitle=t("launch.progress", done=done, total=len(launch.items)))
            items.border_title = plain(f"{t('launch.checklist')} · {launch.name}")
        self.show_detail()

    def _golive_row(self, launch: Launch) -> Row:
        when = relative_day(launch.golive_date, self.today)
        label = t("launch.golive_row", date=launch.golive, when=when)
        return Row(GOLIVE, Text(f"── {label} ──", style="bold cyan"), Text())

    def _item_row(self, it: LaunchItem, due: dt.date) -> Row:
        late = it.state == "open" and due < self.today
        mark, style = MARKS.get(it.state, MARKS["open"])
        title = Text(f"{mark} ", style=style or ("bold red" if late else ""))
        title.append(f"{it.no:>2} ", style="dim")
        title.append(it.title, style="bold red" if late else "dim" if it.state != "open" else "")
        if it.note:
            title.append(f"  {' '.join(it.note.split())}", style="dim italic")
        parts = [Text(it.owner, style="magenta")] if it.owner else []
        when = relative_day(due, self.today)
        if it.state == "open":
            parts.append(Text(t("meta.due", when=when), style="bold red" if late else "cyan"))
        else:
            parts.append(Text(t(f"launch.state.{it.state}"), style=style))
        return Row(it.no, title, Text(" · ").join(parts))

    def show_detail(self) -> None:
        """The highlighted item in full (its note unabridged), else the launch's summary."""
        pane = self.query_one("#launch-detail", Static)
        launch, item = self.current_launch(), self.current_item()
        pane.border_title = plain(t("launch.detail", no=item.no) if item else "")
        if launch is None:
            pane.update(Text(t("launch.none"), style="dim"))
            return
        if item is None:
            pane.update(self._launch_row(launch).title)
            return
        due = item.deadline(launch.golive_date)
        late = item.state == "open" and due < self.today
        rule = t("launch.by_hand") if item.due else t("launch.offset", days=item.offset)
        deadline = t("launch.deadline", date=due.isoformat(), when=relative_day(due, self.today))
        facts = [Text(f"{deadline} · {rule}", style="bold red" if late else "")]
        if item.owner:
            facts.append(Text(f"{t('launch.col.owner')} {item.owner}", style="magenta"))
        state = t(f"launch.state.{item.state}")
        if item.state == "done" and item.done_at:  # "done 2026-11-18" says both
            state = t("launch.done_at", date=item.done_at[:10])
        facts.append(Text(state))
        lines = [Text(f"{item.no}. {item.title}", style="bold"), Text(" · ").join(facts)]
        if item.note:
            lines.append(Text(item.note, style="italic"))
        pane.update(Text("\n").join(lines))

    # events ----------------------------------------------------------------------------
    @on(Panel.Highlighted)
    def _moved(self, event: Panel.Highlighted) -> None:
        if event.panel is self.panel("list"):
            self.show_items()
        else:
            self.show_detail()

    @on(Panel.Selected)
    def _chosen(self, event: Panel.Selected) -> None:
        event.stop()
        if event.panel is self.panel("list"):
            self.panel("items").focus()
        else:
            self.action_edit()

    # actions ---------------------------------------------------------------------------
    def action_new(self) -> None:
        self.open_form(LaunchForm(None), self._save_launch)

    def _save_launch(self, values: dict[str, Any] | None) -> None:
        if not values:
            return
        ws, name, golive = self.cockpit.ws, values["name"], values["golive"]
        if values.get("reschedule"):
            self.change(
                lambda: launches.reschedule(ws, name, golive),
                lambda la: t("launch.rescheduled", name=la.name, date=la.golive),
            )
            return

        def created(launch: Launch) -> str:
            self._select = launch.id
            return t("launch.created", name=launch.name, n=len(launch.items))

        self.change(lambda: launches.new(ws, name, golive), created)

    def _need_item(self) -> tuple[Launch, LaunchItem] | None:
        launch, item = self.current_launch(), self.current_item()
        if launch is None or item is None:
            say(self, t("launch.no_item"), severity="warning")
            return None
        return launch, item

    def action_check(self) -> None:
        """Tick the highlighted item done, or open it again."""
        if (picked := self._need_item()) is None:
            return
        launch, item = picked
        ws, done = self.cockpit.ws, item.state != "done"
        self.change(
            lambda: launches.check(ws, launch.name, item.no, done=done),
            lambda it: t("launch.checked" if done else "launch.reopened", title=it.title),
        )

    def action_edit(self) -> None:
        """On the launch list: move its go-live; on the checklist: edit the item."""
        if self.focused is self.panel("list"):
            if (launch := self.current_launch()) is not None:
                self.open_form(LaunchForm(launch), self._save_launch)
            return
        if (picked := self._need_item()) is None:
            return
        launch, item = picked

        def save(values: dict[str, Any] | None) -> None:
            if values:
                ws = self.cockpit.ws
                self.change(
                    lambda: launches.update_item(ws, launch.name, item.no, **values),
                    lambda it: t("note.saved", title=it.title),
                )

        self.open_form(LaunchItemForm(launch, item), save)
