"""The customers screen: the whole book as a sortable, filterable table, and under it the
highlighted customer's card, touch log and linked items.

Customers due a call are marked with the daily screen's own rule
(`rules.customers_due`), so both screens always agree on who needs one. Every change
goes through the customer book on the writer thread and is one `u` away from undone.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Header

from cockpit.core.i18n import language, t
from cockpit.core.model import Customer, Item, Touch
from cockpit.customers.accounts import GROUP_KEYS, Group, big_deals, grouped, pipeline_total
from cockpit.customers.fields import short_deal
from cockpit.find.pinyin import sort_key
from cockpit.find.records import Hit, customer_records
from cockpit.find.search import SearchIndex
from cockpit.items.rules import Due, customers_due
from cockpit.screens.customers import detail, groups, table
from cockpit.screens.customers.forms import ChurnForm, CustomerForm, ItemPicker, TouchForm
from cockpit.screens.keys import NAV, localise
from cockpit.screens.planning.forms import PlanningScreen
from cockpit.screens.safe import Static, plain, say
from cockpit.screens.widgets.card import FitCard
from cockpit.screens.widgets.keybar import KeyBar
from cockpit.screens.widgets.panels import Panel
from cockpit.screens.widgets.rowline import Row

CUSTOMERS: list[BindingType] = [
    *NAV,
    Binding("a", "add", "key.add", id="customers_add"),
    Binding("e", "edit", "key.edit", id="customers_edit"),
    Binding("t", "touch", "key.touch", id="customers_touch"),
    Binding("l", "link", "customers.key.link", id="customers_link"),
    Binding("c", "churn", "customers.key.churn", id="customers_churn"),
    Binding("s", "sort", "customers.key.sort", id="customers_sort"),
    Binding("S", "reverse", "customers.key.reverse", id="customers_reverse", show=False),
    Binding("1", "filter('tier')", "customers.key.tier", id="customers_tier", show=False),
    Binding("2", "filter('industry')", "customers.key.industry", id="customers_industry",
            show=False),
    Binding("3", "filter('region')", "customers.key.region", id="customers_region", show=False),
    Binding("4", "filter('stage')", "customers.key.stage", id="customers_stage", show=False),
    Binding("5", "filter('source')", "customers.key.source", id="customers_source", show=False),
    Binding("b", "view", "customers.key.view", id="customers_view"),
    Binding("0", "clear_filters", "customers.key.clear", id="customers_clear", show=False),
    Binding("slash", "find", "key.find", id="customers_find", key_display="/"),
    Binding("u", "undo", "key.undo", id="customers_undo"),
    Binding("question_mark", "help", "key.help", id="customers_help", key_display="?"),
    Binding("escape,q", "back", "key.back", id="customers_back"),
]  # fmt: skip
CUSTOMER_IDS = frozenset(b.id for b in CUSTOMERS if isinstance(b, Binding) and b.id)
DESCENDING_FIRST = frozenset({"deal"})  # the biggest deal is the one to look at first
CHROME = 7  # margins, border, padding and scrollbar around the table rows, in cells
VIEWS = ("table", "deals", *GROUP_KEYS)  # what `b` cycles through


class CustomersScreen(PlanningScreen):
    """The customer book; `select` puts the cursor on that customer id."""

    AREA = "customers"  # its name in the palette, the help and [keys] sentences
    BINDINGS = CUSTOMERS
    SUBTITLE = "customers.title"

    def __init__(self, select: int | None = None) -> None:
        super().__init__(id="customers")
        localise(self)
        self.sort, self.reverse = "due", False
        self.filters: dict[str, str] = {}
        self.view = "table"
        self.groups: list[Group] = []
        self.customers: dict[int, Customer] = {}
        self.due: dict[int, Due] = {}
        self.rank: dict[int, int] = {}
        self.cells: dict[int, dict[str, str]] = {}
        self.touch_log: dict[int, list[Touch]] = {}
        self.links: dict[str, list[Item]] = {}
        self._select = select
        self._layout: tuple[int, list[tuple[table.Column, int]]] = (0, [])

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="◆")
        yield Static("", id="cust-status")
        with Vertical(id="cust-main"):
            yield Static("", id="cust-head")
            yield Panel("table", "customers", "customers.table", id="cust-table")
        with Horizontal(id="cust-detail"):
            yield FitCard("", id="cust-card")
            yield Panel("touches", "touches", "customers.touches", id="cust-touches")
            yield Panel("items", "items", "customers.items", id="cust-items")
        yield KeyBar()

    def on_mount(self) -> None:
        self.reload()
        self.table.focus()

    @property
    def table(self) -> Panel:
        return self.query_one("#cust-table", Panel)

    def current(self) -> Customer | None:
        """The customer under the cursor (None in a grouped view: a row is a group)."""
        ref = self.table.current_ref()
        if ref is None or self.view in GROUP_KEYS:
            return None
        return self.customers.get(ref)

    def current_group(self) -> Group | None:
        """The group under the cursor in a grouped view (rows are its index)."""
        ref = self.table.current_ref()
        if self.view not in GROUP_KEYS or ref is None or not 0 <= ref < len(self.groups):
            return None
        return self.groups[ref]

    # data ------------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the book, the touch log and the linked items, then redraw."""
        ws = self.cockpit.ws
        today = ws.clock.today()
        customers = ws.customers.all()
        due = customers_due(customers, today, ws.config.customers.top_untouched_days)
        self.customers = {c.id: c for c in customers}
        self.due = {d.customer.id: d for d in due}
        self.rank = {d.customer.id: n for n, d in enumerate(due)}
        self.cells = {c.id: table.cells(c, today) for c in customers}
        self.touch_log = ws.customers.touch_log()
        self.links = ws.customers.items_by_customer()
        self.show_table()

    def show_table(self) -> None:
        """Filter, sort and lay out the rows for the current width; keep the cursor."""
        width = max(self.app.size.width - CHROME, 20)
        shown = [c for c in self.customers.values() if table.matches(c, self.filters)]
        if self.view in GROUP_KEYS:
            self._show_groups(shown, width)
            return
        name_width, columns = self._layout = table.layout(width, self.cells.values())
        head = table.header(name_width, columns, self.sort, self.reverse)
        self.query_one("#cust-head", Static).update(head)
        if self.view == "deals":
            rows = big_deals(shown, sort_key)
        else:
            rows = table.sort_customers(shown, self.sort, self.reverse, self.rank)
        panel = self.table
        panel.empty_key = "customers.filtered_out" if self.customers else "customers.empty"
        if self.view == "deals" and not self.filters:
            panel.empty_key = "customers.deals.empty"
        panel.set_lazy([c.id for c in rows], self._row)
        if self._select is not None:
            panel.select_ref(self._select)
            self._select = None
        count = str(len(rows))
        if len(rows) != len(self.customers):
            count = t("customers.status.count", shown=len(rows), total=len(self.customers))
        title = f"{t('customers.table')} ({count})"
        if self.view == "deals":
            total = pipeline_total(rows)
            money = short_deal(total, language()) if total else "0"
            title = t("customers.deals.title", n=len(rows), total=money)
        self.query_one("#cust-main").border_title = plain(title)
        self.show_status()
        self.show_detail()

    def _show_groups(self, shown: list[Customer], width: int) -> None:
        """One row per value of the grouping key (ref = its index), the largest
        pipeline first."""
        by = self.view
        self.groups = grouped(shown, by, sort_key)
        total = pipeline_total(shown)
        self.query_one("#cust-head", Static).update(groups.header(by, width))
        panel = self.table
        panel.empty_key = "customers.filtered_out" if self.customers else "customers.group.empty"
        panel.set_rows(
            [Row(n, groups.row_text(g, total, width), Text("")) for n, g in enumerate(self.groups)]
        )
        view = t(f"customers.view.{by}")
        self.query_one("#cust-main").border_title = plain(
            t("customers.group.title", view=view, n=len(self.groups))
        )
        self.show_status()
        self.show_detail()

    def _row(self, ref: int) -> Row:
        name_width, columns = self._layout
        cust = self.customers[ref]
        line = table.row_text(cust, self.cells[ref], self.due.get(ref), name_width, columns)
        return Row(ref, line, Text(""))

    def show_status(self) -> None:
        line = table.status_line(
            self.sort, self.reverse, self.filters, self.app.size.width - 3, self.view
        )
        self.query_one("#cust-status", Static).update(line)

    def show_detail(self) -> None:
        """The card, touch log and linked items of the customer under the cursor (in a
        grouped view: the group's card)."""
        cust = self.current()
        card = self.query_one("#cust-card", FitCard)
        touches = self.query_one("#cust-touches", Panel)
        items = self.query_one("#cust-items", Panel)
        touches.empty_key, items.empty_key = "customers.no_touches", "customers.no_items"
        group = self.current_group()
        if group is not None:
            shown = [c for c in self.customers.values() if table.matches(c, self.filters)]
            card.border_title = plain(groups.group_name(group))
            card.show(groups.card(group, self.view, shown, pipeline_total(shown)))
            # A group has no touch log or items of its own: the panels say how to see them.
            touches.empty_key = items.empty_key = "customers.group.hint"
            touches.set_rows([])
            items.set_rows([])
            return
        if cust is None:
            card.border_title = plain(t("customers.card"))
            card.show("")
            touches.set_rows([])
            items.set_rows([])
            return
        today = self.cockpit.ws.clock.today()
        card.border_title = plain(cust.name)
        card.show(detail.card(cust, self.due.get(cust.id), today))
        touches.set_rows([detail.touch_row(x, today) for x in self.touch_log.get(cust.id, [])])
        linked = self.links.get(cust.name.casefold(), [])
        items.set_rows([detail.item_row(i) for i in linked])

    def on_resize(self, _event: events.Resize) -> None:
        if self.customers:
            self.show_table()

    # events ----------------------------------------------------------------------------
    @on(Panel.Highlighted)
    def _moved(self, event: Panel.Highlighted) -> None:
        if event.panel is self.table:
            self.show_detail()

    @on(Panel.Selected)
    def _selected(self, event: Panel.Selected) -> None:
        event.stop()
        if event.panel is not self.table:
            return
        group = self.current_group()
        if group is not None:  # a group opens as the table of its customers
            self.filters[self.view] = group.key
            self.view = "table"
            self.show_table()
            return
        if self.current() is not None:
            self.action_edit()

    # actions ---------------------------------------------------------------------------
    def _need(self) -> Customer | None:
        cust = self.current()
        if cust is None:
            say(self, t("customers.note.no_customer"), severity="warning")
        return cust

    def action_sort(self) -> None:
        self.sort = table.SORTS[(table.SORTS.index(self.sort) + 1) % len(table.SORTS)]
        self.reverse = self.sort in DESCENDING_FIRST
        self.show_table()

    def action_view(self) -> None:
        """Cycle the view: the table, the big deals, then grouped by industry, region
        and source (filters stay: top customers by region is filter 1, then b)."""
        self.view = VIEWS[(VIEWS.index(self.view) + 1) % len(VIEWS)]
        self.show_table()
        if self.view in GROUP_KEYS:  # rows are groups now: start at the largest
            self.table.select_ref(0)
            self.show_detail()

    def action_reverse(self) -> None:
        self.reverse = not self.reverse
        self.show_table()

    def action_filter(self, kind: str) -> None:
        """Cycle the `kind` filter: all, then each value, then all again."""
        values = table.filter_values(self.customers.values(), kind)
        current = self.filters.pop(kind, None)
        index = values.index(current) + 1 if current in values else 0
        if index < len(values):
            self.filters[kind] = values[index]
        self.show_table()

    def action_clear_filters(self) -> None:
        self.filters.clear()
        self.show_table()

    def action_find(self) -> None:
        # Imported on first use, for start-up time: the screen opens without it.
        from cockpit.screens.dialogs.finder import FinderScreen

        index = SearchIndex(customer_records(self.customers.values()))
        self.app.push_screen(FinderScreen(self.cockpit.ws, index), self.jump_to)

    def jump_to(self, hit: Hit | None) -> None:
        """Put the cursor on the customer found (clearing filters that hide it)."""
        if hit is None or hit.ref not in self.customers:
            return
        if not table.matches(self.customers[hit.ref], self.filters):
            self.filters.clear()
        if self.view in GROUP_KEYS or self.customers[hit.ref].stage != "opportunity":
            self.view = "table"
        self._select = hit.ref
        self.show_table()
        self.table.focus()

    def action_add(self) -> None:

        self.open_form(CustomerForm(), self._save)

    def action_edit(self) -> None:

        if (cust := self._need()) is not None:
            self.open_form(CustomerForm(cust), lambda v: self._save(v, cust.id))

    def _save(self, values: dict[str, Any] | None, cust_id: int | None = None) -> None:
        if not values:
            return
        book = self.cockpit.ws.customers
        if cust_id is None:
            name = values.pop("name")
            self.change(lambda: book.add(name, **values), self._added)
        else:
            self.change(
                lambda: book.edit(cust_id, **values),
                lambda c: t("customers.note.saved", name=c.name),
            )

    def _added(self, cust: Customer) -> str:
        self._select = cust.id
        return t("customers.note.added", name=cust.name)

    def action_touch(self) -> None:

        if (cust := self._need()) is None:
            return

        def save(values: dict[str, Any] | None) -> None:
            if values:
                book = self.cockpit.ws.customers
                note = values.pop("note")
                self.change(
                    lambda: book.touch(cust.id, note, **values),
                    lambda _touch: t("note.touched", name=cust.name),
                )

        self.open_form(TouchForm(cust.name), save)

    def action_link(self) -> None:

        if (cust := self._need()) is None:
            return
        ws = self.cockpit.ws
        items = [i for i in ws.items() if i.is_open]
        if not items:
            say(self, t("customers.note.no_items"), severity="warning")
            return

        def save(item_id: int | None) -> None:
            if item_id is not None:
                self.change(
                    lambda: ws.customers.link(item_id, cust.id),
                    lambda i: t("customers.note.linked", id=i.id, title=i.title, name=i.customer),
                )

        self.app.push_screen(ItemPicker(cust.name, items, ws.week), save)

    def action_churn(self) -> None:

        if (cust := self._need()) is None:
            return

        def save(values: dict[str, Any] | None) -> None:
            if values:
                book, reason = self.cockpit.ws.customers, values["reason"]
                self.change(
                    lambda: book.mark_churn_risk(cust.id, reason),
                    lambda c: t("customers.note.churn", name=c.name, reason=reason),
                )

        self.open_form(ChurnForm(cust), save)
