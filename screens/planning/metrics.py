"""Monthly metrics: the five tables of seed 000 and the tables of one's own (config),
one month per line, and for each numeric column its growth, a year of sparkline and its
turning points (seed 001's dashboard read).

The left list picks a table (with its headline trend); the right shows the table's rows,
newest first, and under them the trends as of the highlighted month, so walking down
the rows replays how each number moved. A table with a per-month key (a dimension:
extension, architecture, region ...) also shows each key's share of the month and how
it moved against the month before, for one numeric column at a time (`c` cycles).
"""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Header

from cockpit.core.i18n import language, t
from cockpit.metrics import book as metrics
from cockpit.metrics import shares, trends
from cockpit.metrics.book import MetricRow, TableSpec
from cockpit.screens.keys import NAV, localise
from cockpit.screens.planning import metrics_cells as cells
from cockpit.screens.planning import metrics_chart, shares_pane
from cockpit.screens.planning.forms import MetricRowForm, PlanningScreen, row_key
from cockpit.screens.safe import DataTable, Static, plain, say
from cockpit.screens.widgets.keybar import KeyBar
from cockpit.screens.widgets.panels import Panel
from cockpit.screens.widgets.rowline import Row
from cockpit.screens.widgets.textfit import clip

METRICS: list[BindingType] = [
    *NAV,
    Binding("a", "add", "key.metrics_add", id="metrics_add"),
    Binding("e,enter", "edit", "key.edit", id="metrics_edit"),
    Binding("d", "delete", "key.delete", id="metrics_delete"),
    Binding("c", "share_column", "key.metrics_shares", id="metrics_shares"),
    Binding("p", "chart", "key.metrics_chart", id="metrics_chart"),
    Binding("l", "column(1)", "key.column_next", id="metrics_column_next"),
    Binding("h", "column(-1)", "key.column_previous", id="metrics_column_previous", show=False),
    Binding("u", "undo", "key.undo", id="metrics_undo"),
    Binding("question_mark", "help", "key.help", id="metrics_help", key_display="?"),
    Binding("escape,q", "back", "key.back", id="metrics_back"),
]
CHART_FITS = 34  # screen rows from which the chart shows by itself (120x40 yes, 80x24 no)
METRICS_IDS = frozenset(b.id for b in METRICS if isinstance(b, Binding) and b.id)


class MetricsScreen(PlanningScreen):
    """Tables on the left; the picked table's rows and trends on the right."""

    AREA = "metrics"  # its name in the palette, the help and [keys] sentences
    BINDINGS = METRICS
    SUBTITLE = "metrics.title"

    def __init__(self, table: str = "revenue") -> None:
        super().__init__(id="metrics")
        localise(self)
        self.table = table
        self.specs: dict[str, TableSpec] = {}
        self.share_column: dict[str, str] = {}  # table -> the column its shares are of
        self.rows: dict[str, list[MetricRow]] = {}
        self._select: int | None = None  # the row to put the cursor on after a save
        self._fitted_to = -1  # the grid width the columns were last fitted to
        self._stamp: object = None  # metrics.json as last drawn (see `data_stamp`)
        self.chart_columns: dict[str, str] = {}  # table -> the column its chart draws
        self.chart_on: bool | None = None  # `p` said; None: shown where it fits
        self._shown_row: int | None = None

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="◆")
        yield Static("", id="metrics-status")
        with Horizontal(id="metrics-body"):
            yield Panel("tables", "tables", "metrics.tables", id="metrics-tables")
            with Vertical(id="metrics-right"):
                yield DataTable(id="metrics-rows", cursor_type="row", zebra_stripes=True)
                yield metrics_chart.ChartPane(id="metrics-chart")
                yield Static("", id="metrics-trends")
                yield Static("", id="metrics-shares")
        yield KeyBar()

    def on_mount(self) -> None:
        self.specs = metrics.tables(self.cockpit.ws)
        self.table = metrics.spec_of(self.table, self.specs).name
        self.reload()
        self.grid.focus()

    def on_screen_resume(self) -> None:
        # The screen stays installed between visits (see `opening.KEPT`): shown again,
        # it redraws only when the tables changed meanwhile (a CLI import, a cron job).
        self.reload()

    @on(events.Resize)
    def _resized(self, _event: events.Resize) -> None:
        # Columns are fitted to the grid's width, known once it is laid out.
        self.call_after_refresh(self._refit)

    def _refit(self) -> None:
        if self.grid.scrollable_content_region.width != self._fitted_to:
            self.show_table()

    @property
    def grid(self) -> DataTable[Text]:
        return self.query_one("#metrics-rows", DataTable)

    @property
    def spec(self) -> TableSpec:
        return self.specs[self.table]

    @property
    def threshold(self) -> float:
        return self.cockpit.ws.config.metrics.threshold

    # data ------------------------------------------------------------------------------
    def data_stamp(self) -> object:
        """What metrics.json holds now: a stamp that changes with every write to it,
        ours or another process's (reading the file again if one changed it)."""
        files = self.cockpit.ws.files
        files.raw(metrics.FILE)
        return files.storage(metrics.FILE).stamp

    def reload(self) -> None:
        """Re-read every table and redraw, when they changed since last drawn."""
        stamp = self.data_stamp()
        if stamp == self._stamp:
            return
        self._stamp = stamp
        self.rows = metrics.all_rows(self.cockpit.ws)
        lang = language()
        tables = [
            Row(n, Text(spec.title(lang)), self._headline(spec))
            for n, spec in enumerate(self.specs.values())
        ]
        panel = self.query_one("#metrics-tables", Panel)
        panel.set_rows(tables)
        panel.select_ref(list(self.specs).index(self.table))
        pct = f"{self.threshold:.0%}"
        self.query_one("#metrics-status", Static).update(
            Text(t("metrics.status", pct=pct), style="dim")
        )
        self.show_table()

    def _headline(self, spec: TableSpec) -> Text:
        """The left list's one-line summary: headline MoM and the run it continues."""
        trend = trends.summary(spec, self.rows[spec.name], self.threshold)
        if trend is None:
            return Text(t("metrics.empty"), style="dim")
        if trend.mom is None:
            return Text(trends.format_number(trend.value or 0.0), style="dim")
        meta = cells.pct(trend.mom)
        if trend.streak:
            meta.append(f" {'↑' if trend.streak > 0 else '↓'}{abs(trend.streak)}", style="dim")
        if trend.flags:
            meta.append(" ").append_text(cells.marks(trend.flags))
        return meta

    def newest_first(self) -> list[MetricRow]:
        return sorted(self.rows[self.table], key=lambda r: r.month, reverse=True)

    def show_table(self) -> None:
        """Fill the grid with the picked table, keeping the cursor on the same row."""
        grid, spec = self.grid, self.spec
        if grid.scrollable_content_region.width <= 0:
            # Not laid out yet (the first open): the columns are fitted to the grid's
            # width, so the grid is filled once, when the resize gives it one.
            self._fitted_to = -1
            self.show_trends()
            return
        keep = self._select if self._select is not None else row_key(grid)
        self._select = None
        grid.clear(columns=True)
        rows = self.newest_first()
        texts = [[cells.cell(spec, row, c.name) for c in spec.columns] for row in rows]
        charting = self.chart_column()
        widths = cells.column_widths(spec, texts, grid.scrollable_content_region.width)
        for n, col in enumerate(spec.columns):
            width = widths[n] if widths else None
            charted = col.name == charting and self.chart_shown()
            grid.add_column(cells.header(col, width, charted), key=col.name, width=width)
        for row, line in zip(rows, texts, strict=True):
            shown = [clip(c, widths[n]) if widths else c for n, c in enumerate(line)]
            grid.add_row(*shown, key=str(row.id))
        room = grid.scrollable_content_region.width
        self._fitted_to = room
        # Fitted columns need no horizontal scrollbar (Textual would still show one
        # when the widths add up to the room exactly); too many for the room: scroll.
        fits = widths is not None and sum(widths) + cells.PAD * len(widths) <= room
        grid.styles.overflow_x = "hidden" if fits else "auto"
        count = f" ({len(rows)})" if rows else ""
        grid.border_title = plain(spec.title(language()) + count)
        ids = [r.id for r in rows]
        grid.move_cursor(row=ids.index(keep) if keep in ids else 0)
        self.show_trends()

    def current(self) -> MetricRow | None:
        ref = row_key(self.grid)
        return next((r for r in self.rows[self.table] if r.id == ref), None)

    def show_trends(self) -> None:
        """Per numeric column, as of the highlighted month: value, MoM, YoY, 12 months."""
        pane = self.query_one("#metrics-trends", Static)
        rows = self.rows[self.table]
        row = self.current()
        self._shown_row = row.id if row else None
        self.show_shares(row)
        if row is None:
            pane.border_title = plain(t("metrics.title"))
            pane.update(Text(t("metrics.no_trends"), style="dim"))
            return
        title = t("metrics.trends_title", month=row.month)
        pane.border_title = plain(t("metrics.summed", title=title) if self.spec.key else title)
        parts: list[RenderableType] = []
        headline = trends.summary(self.spec, rows, self.threshold)
        if headline is not None:
            line = trends.summary_line(self.spec, headline, language())
            parts.append(Text(line, style="bold"))
        column_trends = trends.table_trends(self.spec, rows, self.threshold, row.month)
        parts.append(cells.trend_table(self.spec, column_trends))
        pane.update(Group(*parts))
        self.show_chart()

    # the chart ---------------------------------------------------------------------------
    def chart_column(self) -> str:
        """The numeric column the chart draws: the one `h` / `l` picked, else the
        table's headline."""
        spec = self.spec
        name = self.chart_columns.get(spec.name, "")
        return name if name in spec.numeric else spec.headline

    def chart_shown(self) -> bool:
        """`p`'s choice, else whether the screen is tall enough (120x40 yes, 80x24 no)."""
        return self.chart_on if self.chart_on is not None else self.size.height >= CHART_FITS

    def _chart_rows(self) -> int:
        return max(5, min(10, (self.size.height - 20) // 2))

    def show_chart(self) -> None:
        """The chart of the chart column over the months, the highlighted month marked.

        Drawn on a thread (plotext takes tens of ms) after the rest is on screen, and
        kept by what it shows, so moving back to a month draws nothing again.
        """
        pane = self.query_one("#metrics-chart", metrics_chart.ChartPane)
        pane.display = shown = self.chart_shown()
        self.set_class(shown, "-chart")
        if not shown:
            return
        spec, row, lang = self.spec, self.current(), language()
        column = self.chart_column()
        values = trends.series(self.rows[self.table], column)
        data = metrics_chart.chart_data(values, row.month if row else None)
        title = t("metrics.chart_title", column=spec.column(column).title(lang))
        pane.border_title = plain(t("metrics.summed", title=title) if spec.key else title)
        month = data.cursor if data is not None else None
        legend = t("metrics.chart_legend", month=month) if month else t("metrics.chart_turns")
        pane.border_subtitle = plain(legend)
        key = (self._stamp, self.table, column, month)
        pane.show(data, key, self._chart_rows())

    def action_column(self, step: int) -> None:
        """`h` / `l`: the chart draws the previous / next numeric column (its header is
        underlined in the grid)."""
        spec = self.spec
        numeric = list(spec.numeric)
        now = numeric.index(self.chart_column())
        self.chart_columns[spec.name] = numeric[(now + step) % len(numeric)]
        if not self.chart_shown():
            self.chart_on = True
        self.show_table()  # the underlined header moves; the chart follows

    def action_chart(self) -> None:
        """`p`: show or hide the chart (shown by itself where the screen has room)."""
        self.chart_on = not self.chart_shown()
        self.show_table()  # the charted column's header is marked only with the chart
        if self.chart_on and self.size.height < CHART_FITS:
            say(self, t("metrics.chart_small"), timeout=3)

    def show_shares(self, row: MetricRow | None) -> None:
        """A keyed table's shares of one column in the highlighted month, and the movers."""
        pane = self.query_one("#metrics-shares", Static)
        spec = self.spec
        pane.display = bool(spec.key) and row is not None
        if not spec.key or row is None:
            return
        column = self.share_column.get(spec.name) or spec.headline
        col = shares.column_shares(self.rows[spec.name], column, row.month)
        lang = language()
        key = spec.column(spec.key).title(lang)
        pane.border_title = plain(
            shares_pane.share_title(spec.column(column).title(lang), key, row.month)
        )
        pane.border_subtitle = plain(t("shares.cycle") if len(spec.numeric) > 1 else "")
        bars = self.size.width >= 100
        pane.update(shares_pane.render(col, self._share_room(), key, bars=bars))

    def _share_room(self) -> int:
        """Keys the share pane can list and still leave the rows a few lines: the
        screen less its bars, the trends pane and the share pane's own frame."""
        used = 4 + (len(self.spec.numeric) + 4) + 4 + 5
        if self.chart_shown():
            used += self._chart_rows() + 2
        return max(2, min(12, self.size.height - used))

    def on_resize(self) -> None:
        if self.specs:
            self.show_trends()

    def action_share_column(self) -> None:
        """`c`: the share pane shows the next numeric column of a keyed table."""
        spec = self.spec
        if not spec.key:
            say(self, t("shares.no_key"), severity="warning")
            return
        numeric = list(spec.numeric)
        now = self.share_column.get(spec.name) or spec.headline
        self.share_column[spec.name] = numeric[(numeric.index(now) + 1) % len(numeric)]
        self.show_shares(self.current())

    # events ----------------------------------------------------------------------------
    @on(Panel.Highlighted)
    def _table_picked(self, event: Panel.Highlighted) -> None:
        names = list(self.specs)
        if event.ref is not None and names[event.ref] != self.table:
            self.table = names[event.ref]
            self.show_table()

    @on(Panel.Selected)
    def _table_chosen(self, event: Panel.Selected) -> None:
        event.stop()
        self.grid.focus()

    @on(DataTable.RowHighlighted, "#metrics-rows")
    def _row_moved(self, _event: DataTable.RowHighlighted) -> None:
        if row_key(self.grid) != self._shown_row:  # another month: its trends and chart
            self.show_trends()

    @on(DataTable.RowSelected, "#metrics-rows")
    def _row_chosen(self, _event: DataTable.RowSelected) -> None:
        self.action_edit()

    # actions ---------------------------------------------------------------------------
    def _taken(self, but: MetricRow | None) -> set[tuple[str, str]]:
        spec = self.spec
        return {metrics.identity(spec, r.to_doc()) for r in self.rows[self.table] if r is not but}

    def action_add(self) -> None:
        month = cells.default_month(self.spec, self.rows[self.table], self.cockpit.ws.clock.today())
        form = MetricRowForm(self.spec, None, month, self._taken(None))
        self.open_form(form, self._save)

    def action_edit(self) -> None:
        row = self.current()
        if row is None:
            say(self, t("metrics.no_row"), severity="warning")
            return
        self.open_form(MetricRowForm(self.spec, row, row.month, self._taken(row)), self._save)

    def _save(self, values: dict[str, Any] | None) -> None:
        if not values:
            return
        ws, table = self.cockpit.ws, self.table
        texts, row_id = values["texts"], values["row_id"]
        self.change(lambda: metrics.save_row(ws, table, texts, row_id), self._saved)

    def _saved(self, row: MetricRow) -> str:
        self._select = row.id
        return t("metrics.saved", table=row.spec.title(language()), month=row.month)

    def action_delete(self) -> None:
        row = self.current()
        if row is None:
            say(self, t("metrics.no_row"), severity="warning")
            return
        ws, table = self.cockpit.ws, self.table
        label = self.spec.title(language())
        self.change(
            lambda: metrics.delete_row(ws, table, row.id),
            lambda gone: t("metrics.deleted", table=label, month=gone.month),
        )
