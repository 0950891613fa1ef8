"""The daily screen's panels: a titled, keyboard-driven table of one kind of record.

Rows are two columns, a title and a right-aligned meta text, laid out for the panel's
current width. All cell text is Rich `Text` (never markup strings), so titles from
imports or feeds cannot inject markup, and Rich measures CJK characters as two cells so
Chinese titles line up.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.widgets import DataTable

from cockpit.i18n import t

EMPTY_KEY = "__empty__"


@dataclass(frozen=True)
class Row:
    """One line of a panel: its record id, title and meta text."""

    ref: int
    title: Text
    meta: Text


class Panel(DataTable[Text]):
    """A focusable list of rows with a border title; `kind` says what the rows are."""

    DEFAULT_CSS = """
    Panel { scrollbar-size-vertical: 1; }
    """

    def __init__(self, name: str, kind: str, title_key: str, *, id: str | None = None) -> None:
        super().__init__(
            id=id or f"panel-{name}",
            show_header=False,
            cursor_type="row",
            cell_padding=0,
            zebra_stripes=False,
        )
        self.panel = name
        self.kind = kind
        self.title_key = title_key
        self.empty_key = "panel.feeds.empty" if kind == "entries" else "panel.empty"
        self.rows_data: list[Row] = []
        self._laid_out_width = -1
        self.border_title = t(title_key)

    # data ------------------------------------------------------------------------------
    def set_rows(self, rows: list[Row], *, subtitle: str = "") -> None:
        """Replace the rows, keeping the cursor on the same record where it still is."""
        keep = self.current_ref()
        old_row = self.cursor_row
        self.rows_data = rows
        self.border_title = f"{t(self.title_key)} ({len(rows)})" if rows else t(self.title_key)
        self.border_subtitle = subtitle
        self._layout_rows()
        if keep is not None and self.select_ref(keep):
            return
        if rows:
            self.move_cursor(row=min(max(old_row, 0), len(rows) - 1), animate=False)

    def current_ref(self) -> int | None:
        """The record id under the cursor (None on an empty panel)."""
        if not self.rows_data or not 0 <= self.cursor_row < len(self.rows_data):
            return None
        return self.rows_data[self.cursor_row].ref

    def select_ref(self, ref: int) -> bool:
        """Put the cursor on record `ref`; False when it is not in this panel."""
        for index, row in enumerate(self.rows_data):
            if row.ref == ref:
                self.move_cursor(row=index, animate=False)
                return True
        return False

    # layout ----------------------------------------------------------------------------
    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._laid_out_width:
            self._layout_rows()

    def _layout_rows(self) -> None:
        if not self.size.width:
            return  # not laid out yet: on_resize comes with the real width
        # One cell is kept for the scrollbar so widths do not jump when it appears.
        width = max(self.size.width - 1, 12)
        self._laid_out_width = self.size.width
        rows = self.rows_data
        meta_width = max((r.meta.cell_len for r in rows), default=0)
        # The title is what you scan: the meta text gets at most ~40% of the row.
        meta_width = min(meta_width, (width * 2) // 5)
        gap = 1 if meta_width else 0
        title_width = max(width - meta_width - gap, 6)
        self.clear(columns=True)
        self.add_column("title", width=title_width, key="title")
        self.add_column("meta", width=meta_width + gap, key="meta")
        if not rows:
            empty = Text(t(self.empty_key), style="dim italic")
            self.add_row(empty, Text(""), key=EMPTY_KEY)
            return
        for row in rows:
            title = row.title.copy()
            title.no_wrap, title.overflow = True, "ellipsis"
            # A leading space keeps a gap even when the meta text fills its column.
            meta = Text(" ") + row.meta if gap else row.meta.copy()
            meta.no_wrap, meta.overflow, meta.justify = True, "ellipsis", "right"
            self.add_row(title, meta, key=str(row.ref))
