"""How the metrics screen fits and words its cells: column widths fitted to the grid,
short headers, numbers, percentages, sparklines and the marks of a month."""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

from cockpit.core.i18n import CATALOG, language, t
from cockpit.metrics import trends
from cockpit.metrics.book import MetricRow, TableSpec
from cockpit.screens.widgets.textfit import clip


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


def header(col: Any, width: int | None, charted: bool = False) -> Text:
    """A column's header: its name, or its short name when the column is narrower;
    underlined when the chart draws it."""
    label = col.title(language())
    if width is not None and cell_len(label) > width and f"metrics.col.{col.name}.short" in CATALOG:
        label = t(f"metrics.col.{col.name}.short")
    text = Text(label, justify="right" if col.numeric else "left")
    if charted:
        text.stylize("bold underline")
    return clip(text, width) if width is not None else text


def cell(spec: TableSpec, row: MetricRow, name: str) -> Text:
    value = row.cell(name)
    if value is None:
        return Text("")
    if spec.column(name).numeric and isinstance(value, int | float):
        return Text(trends.format_number(float(value)), justify="right")
    return Text(" ".join(str(value).split()))  # one line per row, whatever was typed


def pct(share: float | None) -> Text:
    if share is None:
        return Text("-", style="dim")
    return Text(trends.percent(share), style="green" if share > 0 else "red" if share else "")


def marks(flags: frozenset[str]) -> Text:
    """◆ for a turning point, ⚑ for a move beyond the threshold (legend: status line)."""
    marks = [("◆", "yellow")] if "turn" in flags else []
    marks += [("⚑", "bold red")] if "jump" in flags else []
    return Text(" ").join(Text(mark, style=style) for mark, style in marks)


def spark(points: list[float | None]) -> Text:
    """Block characters, oldest first; a gap is a dim '·', the latest month is bold."""
    bars = trends.spark_text(points)
    out = Text()
    for n, (bar, point) in enumerate(zip(bars, points, strict=True)):
        if point is None:
            out.append("·", style="dim")
        else:
            out.append(bar, style="bold cyan" if n == len(points) - 1 else "cyan")
    return out


def trend_table(spec: TableSpec, column_trends: list[trends.ColumnTrend]) -> Table:
    """Per numeric column: its name, value, MoM, YoY and a year of sparkline."""
    grid = Table(box=None, padding=(0, 1), pad_edge=False, header_style="dim")
    grid.add_column(Text(t("metrics.metric")), no_wrap=True, overflow="ellipsis", max_width=16)
    for key in ("metrics.latest", "trend.mom", "trend.yoy"):
        grid.add_column(Text(t(key)), justify="right", no_wrap=True, min_width=4)
    # The sparkline ends with the month's marks; the status line is their legend.
    grid.add_column(Text(t("metrics.spark")), no_wrap=True, min_width=trends.SPARK_MONTHS + 4)
    lang = language()
    for ct in column_trends:
        value = Text(trends.format_number(ct.value) if ct.value is not None else "·")
        line = spark(ct.spark)
        if ct.flags:
            line.append(" ").append_text(marks(ct.flags))
        label = Text(spec.column(ct.column).title(lang))
        grid.add_row(label, value, pct(ct.mom), pct(ct.yoy), line)
    return grid
