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

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Header

from cockpit.core.i18n import CATALOG, language, t
from cockpit.metrics import book as metrics
from cockpit.metrics import shares, trends
from cockpit.metrics.book import MetricRow, TableSpec
from cockpit.screens.keys import NAV, localise
from cockpit.screens.planning import shares_pane
from cockpit.screens.planning.forms import MetricRowForm, PlanningScreen, row_key
from cockpit.screens.safe import DataTable, Static, plain, say
from cockpit.screens.widgets.keybar import KeyBar
from cockpit.screens.widgets.panels import Panel, Row
from cockpit.screens.widgets.textfit import clip

METRICS: list[BindingType] = [
    *NAV,
    Binding("a", "add", "key.metrics_add", id="metrics_add"),
    Binding("e,enter", "edit", "key.edit", id="metrics_edit"),
    Binding("d", "delete", "key.delete", id="metrics_delete"),
    Binding("c", "share_column", "key.metrics_shares", id="metrics_shares"),
    Binding("u", "undo", "key.undo", id="metrics_undo"),
    Binding("question_mark", "help", "key.help", id="metrics_help", key_display="?"),
    Binding("escape,q", "back", "key.back", id="metrics_back"),
]
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

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="◆")
        yield Static("", id="metrics-status")
        with Horizontal(id="metrics-body"):
            yield Panel("tables", "tables", "metrics.tables", id="metrics-tables")
            with Vertical(id="metrics-right"):
                yield DataTable(id="metrics-rows", cursor_type="row", zebra_stripes=True)
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
        meta = _pct(trend.mom)
        if trend.streak:
            meta.append(f" {'↑' if trend.streak > 0 else '↓'}{abs(trend.streak)}", style="dim")
        if trend.flags:
            meta.append(" ").append_text(_marks(trend.flags))
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
        cells = [[_cell(spec, row, c.name) for c in spec.columns] for row in rows]
        widths = column_widths(spec, cells, grid.scrollable_content_region.width)
        for n, col in enumerate(spec.columns):
            width = widths[n] if widths else None
            grid.add_column(_header(col, width), key=col.name, width=width)
        for row, line in zip(rows, cells, strict=True):
            shown = [clip(c, widths[n]) if widths else c for n, c in enumerate(line)]
            grid.add_row(*shown, key=str(row.id))
        room = grid.scrollable_content_region.width
        self._fitted_to = room
        # Fitted columns need no horizontal scrollbar (Textual would still show one
        # when the widths add up to the room exactly); too many for the room: scroll.
        fits = widths is not None and sum(widths) + PAD * len(widths) <= room
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
        parts.append(self._trend_table(column_trends))
        pane.update(Group(*parts))

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

    def _trend_table(self, column_trends: list[trends.ColumnTrend]) -> Table:
        grid = Table(box=None, padding=(0, 1), pad_edge=False, header_style="dim")
        grid.add_column(Text(t("metrics.metric")), no_wrap=True, overflow="ellipsis", max_width=16)
        for key in ("metrics.latest", "trend.mom", "trend.yoy"):
            grid.add_column(Text(t(key)), justify="right", no_wrap=True, min_width=4)
        # The sparkline ends with the month's marks; the status line is their legend.
        grid.add_column(Text(t("metrics.spark")), no_wrap=True, min_width=trends.SPARK_MONTHS + 4)
        spec, lang = self.spec, language()
        for ct in column_trends:
            value = Text(trends.format_number(ct.value) if ct.value is not None else "·")
            spark = _spark(ct.spark)
            if ct.flags:
                spark.append(" ").append_text(_marks(ct.flags))
            label = Text(spec.column(ct.column).title(lang))
            grid.add_row(label, value, _pct(ct.mom), _pct(ct.yoy), spark)
        return grid

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
        self.show_trends()

    @on(DataTable.RowSelected, "#metrics-rows")
    def _row_chosen(self, _event: DataTable.RowSelected) -> None:
        self.action_edit()

    # actions ---------------------------------------------------------------------------
    def _taken(self, but: MetricRow | None) -> set[tuple[str, str]]:
        spec = self.spec
        return {metrics.identity(spec, r.to_doc()) for r in self.rows[self.table] if r is not but}

    def action_add(self) -> None:
        month = default_month(self.spec, self.rows[self.table], self.cockpit.ws.clock.today())
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


def default_month(spec: TableSpec, rows: list[MetricRow], today: Any) -> str:
    """The month a new row is most likely for: the one after the newest (never past
    this month), or, for tables with several rows a month, the newest month itself."""
    this = f"{today.year:04d}-{today.month:02d}"
    last = trends.shift_month(this, -1)
    if not rows:
        return last
    newest = max(r.month for r in rows)
    if spec.key:
        return max(newest, last)
    return min(trends.shift_month(newest, 1), this)


PAD = 2  # a DataTable cell's padding (one cell either side)
MIN_TEXT = 6  # a text column narrower than this would show only `…`


def column_widths(spec: TableSpec, cells: list[list[Text]], room: int) -> list[int] | None:
    """Column widths that fit `room` cells: months, dates, numbers and a table's key
    column as wide as their widest cell or header; the text columns share what is left
    (each as wide as it needs when it can be). None while the grid has no width yet.

    Fitted, a table needs no horizontal scrollbar where its columns can fit, and no
    header is cut where it has the room.
    """
    if room <= 0:
        return None
    need = []
    for n, col in enumerate(spec.columns):
        widest = max((cells_row[n].cell_len for cells_row in cells), default=0)
        short = f"metrics.col.{col.name}.short"
        header = t(short) if col.kind == "text" and short in CATALOG else col.title(language())
        need.append(max(widest, cell_len(header)))
    flexible = [
        n for n, col in enumerate(spec.columns) if col.kind == "text" and col.name != spec.key
    ]
    widths = list(need)
    left = room - sum(need[n] for n in range(len(need)) if n not in flexible) - PAD * len(need)
    for count, n in enumerate(sorted(flexible, key=lambda n: need[n])):
        share = max(left, 0) // (len(flexible) - count)
        widths[n] = max(min(need[n], share), min(need[n], MIN_TEXT))
        left -= widths[n]
    return widths


def _header(col: Any, width: int | None) -> Text:
    """A column's header: its name, or its short name when the column is narrower."""
    label = col.title(language())
    if width is not None and cell_len(label) > width and f"metrics.col.{col.name}.short" in CATALOG:
        label = t(f"metrics.col.{col.name}.short")
    text = Text(label, justify="right" if col.numeric else "left")
    return clip(text, width) if width is not None else text


def _cell(spec: TableSpec, row: MetricRow, name: str) -> Text:
    value = row.cell(name)
    if value is None:
        return Text("")
    if spec.column(name).numeric and isinstance(value, int | float):
        return Text(trends.format_number(float(value)), justify="right")
    return Text(" ".join(str(value).split()))  # one line per row, whatever was typed


def _pct(share: float | None) -> Text:
    if share is None:
        return Text("-", style="dim")
    return Text(trends.percent(share), style="green" if share > 0 else "red" if share else "")


def _marks(flags: frozenset[str]) -> Text:
    """◆ for a turning point, ⚑ for a move beyond the threshold (legend: status line)."""
    marks = [("◆", "yellow")] if "turn" in flags else []
    marks += [("⚑", "bold red")] if "jump" in flags else []
    return Text(" ").join(Text(mark, style=style) for mark, style in marks)


def _spark(points: list[float | None]) -> Text:
    """Block characters, oldest first; a gap is a dim '·', the latest month is bold."""
    bars = trends.spark_text(points)
    out = Text()
    for n, (bar, point) in enumerate(zip(bars, points, strict=True)):
        if point is None:
            out.append("·", style="dim")
        else:
            out.append(bar, style="bold cyan" if n == len(points) - 1 else "cyan")
    return out
