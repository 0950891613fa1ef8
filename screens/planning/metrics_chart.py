"""The metrics screen's chart: one numeric column over the months, drawn by plotext,
with the turning points marked (◆) and the highlighted month (● on a vertical line).

plotext draws into a string of ANSI colours; it is turned into `rich.text.Text` here
(never markup) and cropped to the pane, cell by cell. Only ASCII reaches plotext: the
months (2026-10) and compact axis numbers (1.2M, 350k) in every language, because it
measures labels by characters, not terminal cells (a Chinese label such as 160万 made
its row one cell wider than the others and shifted the axis); the column's name,
Chinese or not, is the pane's border title, drawn by Textual.

plotext is imported on first use, by the thread that builds a chart (~55 ms of import
time neither `cockpit --version` nor the start of the TUI pays), and keeps one global
figure, so building is serialised by a lock.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import work

from cockpit.core.i18n import t
from cockpit.metrics import trends
from cockpit.screens.safe import Static

_LOCK = threading.Lock()  # plotext's figure is module state: one chart at a time
LINE, TURN, CURSOR, AXIS = "cyan", "yellow", "white", "gray"
Y_TICKS = 4
KEPT = 64  # charts kept by a pane (a table x column x month each)


@dataclass(frozen=True)
class ChartData:
    """What one chart shows: a column's months (oldest first; None for a gap), its
    turning points and the highlighted month."""

    months: tuple[str, ...]
    values: tuple[float | None, ...]
    turns: frozenset[str]
    cursor: str | None


def chart_data(values: Mapping[str, float], cursor: str | None) -> ChartData | None:
    """Every month from the first to the last with a value; None with fewer than two
    values (nothing to draw a line through)."""
    if len(values) < 2:
        return None
    months = trends.months_between(min(values), max(values))
    return ChartData(
        months=tuple(months),
        values=tuple(values.get(m) for m in months),
        turns=frozenset(trends.turning_points(values)),
        cursor=cursor if cursor in values else None,
    )


def build(data: ChartData, width: int, height: int) -> Text:
    """The chart as text, exactly `width` x `height` cells at most."""
    with _LOCK:
        # Imported here, on first use, for start-up time: see the module's docstring.
        import plotext as plt

        plt.clear_figure()
        plt.plotsize(width, height)
        plt.theme("clear")  # the terminal's own background and text colours
        plt.frame(False)
        plt.xaxes(True, False)
        plt.yaxes(True, False)
        x_of = {m: n for n, m in enumerate(data.months)}
        for run in _runs(data):  # a gap breaks the line
            plt.plot([x for x, _ in run], [y for _, y in run], marker="braille", color=LINE)
        known = [v for v in data.values if v is not None]
        turns = sorted(data.turns)
        if turns:
            ys = [data.values[x_of[m]] for m in turns]
            plt.scatter([x_of[m] for m in turns], ys, marker="◆", color=TURN)
        if data.cursor is not None:
            x = x_of[data.cursor]
            plt.vline(x, AXIS)
            plt.scatter([x], [data.values[x]], marker="●", color=CURSOR)
        plt.xticks(*_month_ticks(data.months, width))
        plt.yticks(*_value_ticks(min(known), max(known)))
        drawn = plt.build()
    return _fit(Text.from_ansi(drawn), width, height)


def _runs(data: ChartData) -> list[list[tuple[int, float]]]:
    runs: list[list[tuple[int, float]]] = [[]]
    for x, value in enumerate(data.values):
        if value is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append((x, value))
    return [run for run in runs if run]


def _month_ticks(months: tuple[str, ...], width: int) -> tuple[list[int], list[str]]:
    """Month labels a label and a gap apart (a label is 7 cells: 2026-10)."""
    room = max(1, (width - 8) // 11)
    step = max(1, -(-len(months) // room))
    ticks = list(range(0, len(months), step))
    return ticks, [months[n] for n in ticks]


def _value_ticks(low: float, high: float) -> tuple[list[float], list[str]]:
    if high == low:
        return [low], [trends.compact_number(low)]
    step = (high - low) / (Y_TICKS - 1)
    ticks = [low + n * step for n in range(Y_TICKS)]
    return ticks, [trends.compact_number(t) for t in ticks]


def _fit(text: Text, width: int, height: int) -> Text:
    """At most `height` lines of at most `width` cells (a wrapped line would break
    the chart where a label came out wider than plotext counted)."""
    lines = text.split("\n", allow_blank=True)[:height]
    for line in lines:
        line.truncate(width, overflow="crop")
        line.rstrip()
    return Text("\n").join(lines)


class ChartPane(Static):
    """The pane the chart is drawn in: on a thread, after the screen is shown, and
    kept by what it shows (a table, column and month at a size), so going back to a
    month, or to the screen, draws nothing again."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__("", **kwargs)
        self._drawn: dict[tuple[object, ...], Text] = {}
        self._wanted: tuple[object, ...] | None = None
        self._waiting: tuple[ChartData | None, tuple[object, ...], int] | None = None

    def show(self, data: ChartData | None, key: tuple[object, ...], rows: int) -> None:
        """Show `data` in `rows` lines (`key` names what it shows)."""
        self.styles.height = rows + 2  # its frame: the same height while it is drawn
        if data is None:
            self._wanted = None
            self.update(Text(t("metrics.chart_none"), style="dim"))
            return
        width = self.scrollable_content_region.width
        if width <= 0:  # shown just now: drawn once laid out, at its width
            if self._waiting is None:
                self.call_after_refresh(self._laid_out)
            self._waiting = (data, key, rows)
            return
        wanted = (*key, width, rows)
        self._wanted = wanted
        if wanted in self._drawn:
            self.update(self._drawn[wanted])
        else:
            self._draw(wanted, data, width, rows)

    def _laid_out(self) -> None:
        waiting, self._waiting = self._waiting, None
        if waiting is not None and self.scrollable_content_region.width > 0:
            self.show(*waiting)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _draw(self, key: tuple[object, ...], data: ChartData, width: int, rows: int) -> None:
        text = build(data, width, rows)
        self.app.call_from_thread(self._drawn_now, key, text)

    def _drawn_now(self, key: tuple[object, ...], text: Text) -> None:
        self._drawn[key] = text
        while len(self._drawn) > KEPT:
            self._drawn.pop(next(iter(self._drawn)))
        if key == self._wanted:
            self.update(text)
