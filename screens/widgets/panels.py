"""The daily screen's panels: a titled, keyboard-driven list of one kind of record.

A panel is a line-API widget: it renders only the lines on screen, so a carry-over of a
thousand items costs the same to redraw as one of ten (a DataTable measures every row
on every rebuild, which made a keypress on a large workspace take a quarter second).

Each line is a title and a right-aligned meta text laid out for the panel's width. All
text is Rich `Text` (never markup strings), so titles from imports or feeds cannot inject
markup, and Rich measures CJK characters as two cells so Chinese titles line up.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
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
from cockpit.screens.widgets.textfit import clip


@dataclass(frozen=True)
class Row:
    """One line of a panel: its record id, title and meta text."""

    ref: int
    title: Text
    meta: Text


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
        self._cache: dict[tuple[int, bool, bool], Strip] = {}
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
        self._refs, self._rows, self._factory = refs, rows, factory
        count = len(refs)
        title = f"{t(self.title_key)} ({count})" if count else t(self.title_key)
        if (title, subtitle) != self._titled:  # each set repaints the border
            self._titled = (title, subtitle)
            self.border_title = plain(title)
            self._fit_subtitle()
        self._cache.clear()
        self._set_line_count(max(count, 1))
        if keep is None or not self.select_ref(keep):
            self.move_cursor(row=self.cursor_row)
        self.refresh()

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
            moved = (old, self.cursor_row)
            self._cache = {k: v for k, v in self._cache.items() if k[0] not in moved}
            self.refresh()
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
        self._cache.clear()

    def on_blur(self) -> None:
        self._cache.clear()

    def notify_style_update(self) -> None:
        """A theme switch (or CSS reload) changes every colour: drop the cached lines,
        which would otherwise keep the old theme's background."""
        super().notify_style_update()
        self._cache.clear()
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
            # something else changed. Asking for one cell costs one cached line.
            self.refresh(Region(0, 0, 1, 1))
            return False
        self._laid_out = key
        return super()._size_updated(size, virtual_size, container_size, layout)

    def on_resize(self, event: events.Resize) -> None:
        self._cache.clear()
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
        room = self.size.width - 6  # the corners, a line and a space on either side
        if self.size.width and cell_len(subtitle) > room:
            parts, kept = subtitle.split(" · "), ""
            for part in parts:
                longer = f"{kept} · {part}" if kept else part
                if cell_len(longer) + len(" · …") > room:
                    break
                kept = longer
            subtitle = f"{kept} · …" if kept else clip(Text(subtitle), max(room, 1)).plain
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
        on_cursor = index == self.cursor_row
        key = (index, on_cursor, self.has_focus)
        strip = self._cache.get(key)
        if strip is None or strip.cell_length != width:
            line = self._line(self.row_at(index), width)
            style = None
            if on_cursor:
                name = "panel--cursor" if self.has_focus else "panel--cursor-blurred"
                style = self.get_component_rich_style(name)
            strip = self._strip(line, width, style)
            self._cache[key] = strip
        return strip

    def _line(self, row: Row, width: int) -> Text:
        return layout_line(row.title, row.meta, width)

    def _strip(self, line: Text, width: int, cursor: Style | None) -> Strip:
        """The line on the panel's background; on the cursor row, the cursor's
        background goes over every segment's own style. (`Strip.apply_style` would put
        it underneath, where each segment's background hides it: an invisible cursor.)
        """
        base = self.rich_style
        segments = list(line.render(self.app.console))
        strip = Strip(segments).adjust_cell_length(width, base).crop(0, width)
        over = Style(bgcolor=cursor.bgcolor) if cursor is not None else None
        styled = []
        for segment in strip:
            style = base + segment.style if segment.style else base
            if over is not None:
                style += over
            styled.append(Segment(segment.text, style))
        return Strip(styled, width)


META_SHARE = 0.4  # of a line the meta text may take when title and meta do not both fit


def layout_line(title: Text, meta: Text, width: int) -> Text:
    """Title on the left, meta text right-aligned, in exactly `width` cells.

    When both fit, both are whole. Otherwise the title is what you scan: the meta text
    gets at most ~40% of the line, or all the title leaves when the title is short
    (`ACME  top` no longer cuts its `follow-up today` at 40%).
    """
    gap = 1 if meta.cell_len else 0
    if title.cell_len + gap + meta.cell_len <= width:
        meta_width = meta.cell_len
    else:
        leaves = width - title.cell_len - gap
        meta_width = min(meta.cell_len, max(int(width * META_SHARE), leaves))
    shown = clip(meta, meta_width)  # a cut meta may come out a cell or two shorter
    line = clip(title, max(width - shown.cell_len - gap, 1), pad=True)
    if gap:
        line.append(" ")
    line.append_text(shown)
    return line
