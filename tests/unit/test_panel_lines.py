"""The panel's pure parts, apart from the widget: which lines a change of rows left
showing something else (only those are repainted), and a border subtitle cut at whole
parts."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text

from cockpit.screens.widgets.linecache import changed_runs
from cockpit.screens.widgets.rowline import Row
from cockpit.screens.widgets.textfit import fit_parts


def row(ref: int, title: str = "") -> Row:
    return Row(ref, Text(title or f"item {ref}"), Text(""))


def test_only_the_lines_that_show_something_else_are_changed() -> None:
    a, b, c, d = row(1), row(2), row(3), row(4)
    was = [(a, True), (b, False), (c, False), (d, False)]
    # b left the panel: c and d moved up a line, the last line is now empty.
    now = [(a, True), (c, False), (d, False)]
    assert list(changed_runs(was, now)) == [(1, 3)]
    # Nothing changed: nothing is repainted.
    assert list(changed_runs(was, list(was))) == []


def test_an_equal_row_is_the_same_line_and_the_cursor_is_a_change() -> None:
    a = row(1, "same")
    was = [(a, False), (row(2), False), (row(3), True)]
    now = [(row(1, "same"), False), (row(2), True), (row(3), False)]
    assert list(changed_runs(was, now)) == [(1, 2)]


def test_a_row_not_built_yet_is_never_taken_for_the_same() -> None:
    a = row(1)
    assert list(changed_runs([None, (a, False)], [(a, False), (a, False)])) == [(0, 1)]


def test_a_subtitle_keeps_whole_parts() -> None:
    text = "社区 5 · 博客 6 · 竞品 12 · 生态 7"
    assert fit_parts(text, cell_len(text)) == text
    fitted = fit_parts(text, 20)
    assert fitted == "社区 5 · 博客 6 · …" and cell_len(fitted) <= 20
    # Not even the first part fits: it is cut, ending in an ellipsis.
    assert fit_parts(text, 5) == "社区…"
