"""The daily screen's panels: a titled, keyboard-driven list of one kind of record.

A panel is a line-API widget: it renders only the lines on screen, so a carry-over of a
thousand items costs the same to redraw as one of ten (a DataTable measures every row
on every rebuild, which made a keypress on a large workspace take a quarter second).

Each line is a `Row` (its title and right-aligned meta text) laid out and painted by
`rowline`; `linecache` keeps each row's drawn line and says which lines a change of rows
left showing something else, so a keypress repaints only those. This module is the
widget around them: the rows and the cursor, the keys, the border's title and subtitle.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from cockpit.core.i18n import t
from cockpit.screens.safe import plain
from cockpit.screens.widgets.linecache import LineCache, changed_runs
from cockpit.screens.widgets.rowline import Row, layout_line, paint
from cockpit.screens.widgets.textfit import fit_parts


class Panel(ScrollView, can_focus=True):
    """A focusable list of rows with a border title; `kind` says what the rows are."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"panel--cursor", "panel--cursor-blurred"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", show=False),
        Binding("up", "cursor_up", show=False),
        Binding("home", "cursor_top", show=False),
        Binding("end", "cursor_bottom", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("enter", "select", show=False),
    ]
    DEFAULT_CSS = """
    Panel { scrollbar-size-vertical: 1; overflow-x: hidden; }
    Panel > .panel--cursor { background: $accent 40%; }
    Panel > .panel--cursor-blurred { background: $surface-lighten-1; }
    """

    class Highlighted(Message):
        """The cursor moved to another row."""

        def __init__(self, panel: Panel, ref: int | None) -> None:
            super().__init__()
            self.panel = panel
            self.ref = ref

    class Selected(Message):
        """Enter (or a click) on a row."""

        def __init__(self, panel: Panel, ref: int | None) -> None:
            super().__init__()
            self.panel = panel
            self.ref = ref

    def __init__(self, name: str, kind: str, title_key: str, *, id: str | None = None) -> None:
        super().__init__(id=id or f"panel-{name}")
        self.panel = name
        self.kind = kind
        self.title_key = title_key
        self.empty_key = {"entries": "panel.feeds.empty", "agenda": "panel.agenda.empty"}.get(
            kind, "panel.empty"
        )
        self._refs: list[int] = []
        self._rows: list[Row | None] = []
        self._factory: Callable[[int], Row] | None = None
        self.cursor_row = 0
        self._cache = LineCache()
        self._titled = (t(title_key), "")
        self._laid_out: tuple[Size, Size, Size] | None = None
        self._noted: str | None = None
        self.border_title = plain(t(title_key))

    # data ------------------------------------------------------------------------------
    def set_rows(self, rows: list[Row], *, subtitle: str = "") -> None:
        """Replace the rows, keeping the cursor on the same record where it still is."""
        self._replace([r.ref for r in rows], list(rows), None, subtitle)

    def set_lazy(
        self, refs: list[int], factory: Callable[[int], Row], *, subtitle: str = ""
    ) -> None:
        """Show records `refs`, building each row only when it is first drawn.

        For long lists (thousands of feed entries): switching a filter then costs a
        list of ids, not thousands of formatted lines.
        """
        self._replace(list(refs), [None] * len(refs), factory, subtitle)

    def _replace(
        self,
        refs: list[int],
        rows: list[Row | None],
        factory: Callable[[int], Row] | None,
        subtitle: str,
    ) -> None:
        keep = self.current_ref()
        top, was = int(self.scroll_y), self._on_screen()
        self._refs, self._rows, self._factory = refs, rows, factory
        count = len(refs)
        title = f"{t(self.title_key)} ({count})" if count else t(self.title_key)
        if (title, subtitle) != self._titled:  # each set repaints the border
            self._titled = (title, subtitle)
            self.border_title = plain(title)
            self._fit_subtitle()
        self._set_line_count(max(count, 1))
        if keep is None or not self.select_ref(keep):
            self.move_cursor(row=self.cursor_row)
        if int(self.scroll_y) == top:  # (a scroll repaints the panel itself)
            self._refresh_changed(was)

    def _on_screen(self) -> list[tuple[Row, bool] | None] | None:
        """What each line on screen shows: its row (None: not built, so not known) and
        whether the cursor is on it; None for the empty text."""
        if not self._refs:
            return None
        top = int(self.scroll_y)
        end = min(top + self.scrollable_content_region.height, len(self._refs))
        rows = self._rows
        return [
            (row, index == self.cursor_row) if (row := rows[index]) is not None else None
            for index in range(top, end)
        ]

    def _refresh_changed(self, was: list[tuple[Row, bool] | None] | None) -> None:
        """Repaint only the lines that show something else than `was` (what they showed
        before the rows were replaced): a keypress that moves one item redraws the
        lines it shifted, and a reload that changed nothing in a panel redraws nothing
        there. The cached strip of a row that only moved is drawn again as it was."""
        if was is None or not self._refs:
            self.refresh()
            return
        width = max(self.virtual_size.width, self.size.width)
        for start, count in changed_runs(was, self._on_screen_built()):
            self.refresh(Region(0, start, width, count))

    def _on_screen_built(self) -> list[tuple[Row, bool]]:
        """The lines on screen now, their rows built (they are about to be drawn)."""
        top = int(self.scroll_y)
        end = min(top + self.scrollable_content_region.height, len(self._refs))
        return [(self.row_at(index), index == self.cursor_row) for index in range(top, end)]

    def _set_line_count(self, lines: int) -> None:
        """Resize the scrollable area to `lines` without laying out the whole screen.

        Only the scrollbar depends on the number of rows (the panel's own size comes
        from the grid), so a row more or less updates the scrollbar in place instead of
        a reflow of every widget, which was most of a keypress's redraw. Showing or
        hiding the scrollbar still lays the panel out (Textual does that itself).
        """
        size = Size(self.size.width, lines)
        if size == self.virtual_size:
            return
        if not self.container_size:  # not laid out yet: the first layout sizes it
            self.virtual_size = size
            return
        self.set_reactive(Panel.virtual_size, size)
        self._scroll_update(size)

    def row_at(self, index: int) -> Row:
        """Row `index`, built on first use for lazy panels."""
        row = self._rows[index]
        if row is None:
            assert self._factory is not None
            row = self._rows[index] = self._factory(self._refs[index])
        return row

    @property
    def rows_data(self) -> list[Row]:
        """Every row (builds all of a lazy panel: for tests and small panels)."""
        return [self.row_at(i) for i in range(len(self._refs))]

    @property
    def refs(self) -> list[int]:
        return self._refs

    @property
    def row_count(self) -> int:
        return len(self._refs)

    def current_ref(self) -> int | None:
        """The record id under the cursor (None on an empty panel)."""
        if not 0 <= self.cursor_row < len(self._refs):
            return None
        return self._refs[self.cursor_row]

    def select_ref(self, ref: int) -> bool:
        """Put the cursor on record `ref`; False when it is not in this panel."""
        try:
            index = self._refs.index(ref)
        except ValueError:
            return False
        self.move_cursor(row=index)
        return True

    def move_cursor(self, *, row: int, animate: bool = False) -> None:
        """Move the cursor (clamped) and scroll just enough to keep it visible."""
        old = self.cursor_row
        self.cursor_row = max(0, min(row, len(self._refs) - 1)) if self._refs else 0
        height = self.scrollable_content_region.height
        if height:
            top = int(self.scroll_y)
            if self.cursor_row < top:
                self.scroll_to(y=self.cursor_row, animate=animate)
            elif self.cursor_row >= top + height:
                self.scroll_to(y=self.cursor_row - height + 1, animate=animate)
        if old != self.cursor_row:
            # The two lines the cursor left and reached (a scroll repaints the rest).
            self.refresh_line(old)
            self.refresh_line(self.cursor_row)
            self.post_message(self.Highlighted(self, self.current_ref()))

    # keys ------------------------------------------------------------------------------
    def action_cursor_down(self) -> None:
        self.move_cursor(row=self.cursor_row + 1)

    def action_cursor_up(self) -> None:
        self.move_cursor(row=self.cursor_row - 1)

    def action_cursor_top(self) -> None:
        self.move_cursor(row=0)

    def action_cursor_bottom(self) -> None:
        self.move_cursor(row=len(self._refs) - 1)

    def action_page(self, step: int) -> None:
        height = max(self.scrollable_content_region.height, 1)
        self.move_cursor(row=self.cursor_row + step * height)

    def action_select(self) -> None:
        self.post_message(self.Selected(self, self.current_ref()))

    def on_click(self, event: events.Click) -> None:
        index = event.y + int(self.scroll_y)
        if 0 <= index < len(self._refs):
            self.move_cursor(row=index)
            if event.chain > 1:
                self.action_select()

    def on_focus(self) -> None:
        self.refresh_line(self.cursor_row)  # the cursor's colour follows the focus

    def on_blur(self) -> None:
        self.refresh_line(self.cursor_row)

    def notify_style_update(self) -> None:
        """Styles changed: a focus move (the border's colour), or a theme switch or CSS
        reload, which changes every colour. The cached lines are checked against the
        panel's colours when next drawn (`LineCache.check`): a focus move keeps them,
        a new theme drops them, which would otherwise keep the old theme's background.
        """
        super().notify_style_update()
        self._cache.stale = True
        self.refresh()

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # Every layout of the screen (a toast appearing is one) passes the visible area
        # as `virtual_size`, which `ScrollView` compares with its own (the rows), finds
        # different each time, and answers by redrawing its scrollbar: with seven
        # panels, most of what a keypress cost to draw. Nothing the scrollbar shows
        # changed unless the size, the container or the rows did.
        key = (size, container_size, self.virtual_size)
        if key == self._laid_out:
            # The part of the panel a layout uncovers (where a toast was) is repainted
            # by the next compositor refresh, which the scrollbar's redraw used to ask
            # for: without one, a toast that went stayed painted on the terminal until
            # something else changed. Asking for the first row costs one cached line;
            # never one cell: a cell that is half of a wide character is drawn as a
            # space, and the terminal then blanks the whole character (瀚 of 瀚海银行).
            self.refresh(Region(0, 0, self.size.width, 1))
            return False
        self._laid_out = key
        return super()._size_updated(size, virtual_size, container_size, layout)

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, max(len(self._refs), 1))
        self._fit_subtitle()

    def border_note(self, text: str | None) -> None:
        """Show `text` (a refresh's progress) on the bottom border for now; None brings
        back the subtitle the rows were set with (it may be the same as before the
        note, so setting it again would not repaint)."""
        self._noted = text
        self._fit_subtitle()

    def _fit_subtitle(self) -> None:
        """The subtitle's parts (`社区 5 · 博客 6 · …`) that fit the bottom border, whole:
        cut by the border, a part read `竞品 …`, the count gone."""
        subtitle = self._titled[1] if self._noted is None else self._noted
        if self.size.width:  # room: less the corners, a line and a space on either side
            subtitle = fit_parts(subtitle, self.size.width - 6)
        self.border_subtitle = plain(subtitle)

    # rendering -------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        index = y + int(self.scroll_y)
        width = self.scrollable_content_region.width
        if not self._refs:
            # The empty text wraps: a first-run hint must be readable in a narrow panel.
            empty = Text(t(self.empty_key), style="dim italic")
            lines: list[Text] = list(empty.wrap(self.app.console, width)) if width else []
            if index < len(lines):
                return self._strip(lines[index], width, None)
            return Strip.blank(width, self.rich_style)
        if index >= len(self._refs):
            return Strip.blank(width, self.rich_style)
        cache = self._cache
        if cache.stale:
            cache.check(self._looks())
        row = self.row_at(index)
        on_cursor = index == self.cursor_row
        cursor = ("focus" if self.has_focus else "blur") if on_cursor else ""
        strip = cache.get(row, cursor, width)
        if strip is None:
            style = None
            if on_cursor:
                name = "panel--cursor" if self.has_focus else "panel--cursor-blurred"
                style = self.get_component_rich_style(name)
            strip = self._strip(self._line(row, width), width, style)
            cache.put(row, cursor, width, strip)
        return strip

    def _looks(self) -> tuple[Style, ...]:
        """The colours a cached line was drawn in: the panel's and the cursor's."""
        return (
            self.rich_style,
            self.get_component_rich_style("panel--cursor"),
            self.get_component_rich_style("panel--cursor-blurred"),
        )

    def _line(self, row: Row, width: int) -> Text:
        return layout_line(row.title, row.meta, width)

    def _strip(self, line: Text, width: int, cursor: Style | None) -> Strip:
        """The line on the panel's background (and the `cursor` row's colour)."""
        return paint(line, width, self.rich_style, self.app.console, cursor)
