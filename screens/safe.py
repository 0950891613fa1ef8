"""The one way text reaches the screen: inert, never parsed as markup.

Item titles, customer names, feed titles and links, calendar events, imports and what
the user types may hold `[/red]`, `[@click=app.quit]` or `[link=…]`. Textual parses
markup in a plain `str` almost everywhere (toasts, border titles, `Static`, `Label`,
`DataTable` cells, option prompts, the command palette's help), so such text would
crash the app (an unbalanced closing tag raises) or become a live action. Here:

- `plain(text)` turns any text into `Content` that is shown exactly as written; border
  titles, palette help and prompts take it;
- `say(node, message)` is the only way to show a toast (`markup=False`);
- `Static`, `Label`, `DataTable`, `OptionList` and `Select` below are Textual's, with
  markup switched off (a `str` given to them, now or in a later `update`, is text).

Screens import those widgets from here, never from `textual.widgets`, and call `say`
instead of `notify`: `tests/unit/test_safe_text.py` reads every screen module and fails
on a way around (a `.notify(` call, a border title that is not `plain(...)`, one of
these widgets imported from textual, `Text.from_markup`, a formatted `str` given to a
table row).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol, TypeVar, cast

from rich.style import Style
from rich.text import Text
from textual import widgets
from textual.app import App
from textual.content import Content
from textual.geometry import Region
from textual.notifications import SeverityLevel
from textual.strip import Strip
from textual.widget import Widget

__all__ = [
    "DataTable",
    "Label",
    "OptionList",
    "Select",
    "Static",
    "palette_help",
    "plain",
    "say",
]

CellType = TypeVar("CellType")


def plain(text: str | Text | Content) -> Content:
    """`text` as content that shows literally (a `Text` keeps its styles)."""
    if isinstance(text, Content):
        return text
    if isinstance(text, Text):
        return Content.from_rich_text(text)
    return Content(str(text))


class OnScreen(Protocol):
    """Anything that knows its app: a widget, a screen, the app itself."""

    @property
    def app(self) -> App[Any]: ...


def say(
    node: OnScreen | App[Any],
    message: str | Text,
    *,
    severity: SeverityLevel = "information",
    timeout: float | None = None,
) -> None:
    """A toast with `message` shown as written (thread-safe, like `notify`)."""
    app = node if isinstance(node, App) else node.app
    text = message.plain if isinstance(message, Text) else str(message)
    app.notify(text, severity=severity, timeout=timeout, markup=False)


def palette_help(text: str) -> str:
    """Help text for a command-palette entry, shown as written (`[caldav]` stays).

    The palette parses its `help` string as markup but passes `Content` through
    untouched; the `str` in the signature is the palette's annotation, not the object.
    """
    return cast(str, plain(text))


class Static(widgets.Static):
    """`textual.widgets.Static` that shows a `str` as text, never as markup."""

    def __init__(self, content: Any = "", **kwargs: Any) -> None:
        kwargs.setdefault("markup", False)
        super().__init__(content, **kwargs)


class Label(widgets.Label):
    """`textual.widgets.Label` that shows a `str` as text, never as markup."""

    def __init__(self, content: Any = "", **kwargs: Any) -> None:
        kwargs.setdefault("markup", False)
        super().__init__(content, **kwargs)


class OptionList(widgets.OptionList):
    """`textual.widgets.OptionList` whose `str` prompts are text, never markup."""

    def __init__(self, *content: Any, **kwargs: Any) -> None:
        kwargs.setdefault("markup", False)
        super().__init__(*content, **kwargs)


class KeptTable(widgets.DataTable[CellType]):
    """`DataTable` that keeps its rendered cells when only its focus changes.

    Textual's `DataTable.notify_style_update` drops every rendered cell, row and line.
    It runs whenever the widget's styles are worked out again, and that is every time
    the focus leaves or enters it, so each time its screen is left and shown again: on
    the metrics screen (five years of rows), every visit re-rendered each visible cell,
    ~35 ms of the key's time, though nothing it shows had changed. Those caches are
    keyed by the widget's pseudo-class state (`:focus` among them) already, so a focus
    change alone needs no clearing; a real change of style (a theme, a class that
    recolours it) does, and that is what is checked: the styles the cells are drawn
    with, per pseudo-class state, compared at the next render (Textual brings the
    component styles up to date only after `notify_style_update` has run).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._drawn_with: dict[object, tuple[object, ...]] = {}  # pseudo state -> styles
        self._styles_moved = False

    def notify_style_update(self) -> None:
        # The Widget's own caches (its rich styles) go as usual; the rendered cells wait
        # for `render_lines` to tell whether the styles they use really changed.
        Widget.notify_style_update(self)
        self._styles_moved = True
        self.refresh()

    def _cell_styles(self) -> tuple[object, ...]:
        names = sorted(self.COMPONENT_CLASSES)
        parts: list[Style] = [self.rich_style]
        parts += [self.get_component_rich_style(n) for n in names]
        return (self.app.theme, *parts)

    def render_lines(self, crop: Region) -> list[Strip]:
        if self._styles_moved:
            self._styles_moved = False
            state = self.get_pseudo_class_state()
            styles = self._cell_styles()
            known = self._drawn_with.get(state)
            themed = any(seen[0] != styles[0] for seen in self._drawn_with.values())
            if themed or (known is not None and known != styles):
                self._drawn_with.clear()
                super().notify_style_update()  # Textual's: drop every rendered cell
                self._styles_moved = False  # (it refreshes, which comes back here)
            self._drawn_with[state] = styles
        return super().render_lines(crop)


class DataTable(KeptTable[CellType]):
    """`textual.widgets.DataTable` whose `str` cells and labels are text, never markup
    (Textual's own default cell formatter parses a `str` as Rich markup), and whose
    rendered cells survive a change of focus (see `KeptTable`)."""

    def add_column(self, label: Any, *args: Any, **kwargs: Any) -> Any:
        return super().add_column(_text(label), *args, **kwargs)

    def add_row(self, *cells: Any, **kwargs: Any) -> Any:
        if isinstance(kwargs.get("label"), str):
            kwargs["label"] = Text(kwargs["label"])
        return super().add_row(*(_text(c) for c in cells), **kwargs)

    def update_cell(self, row_key: Any, column_key: Any, value: Any, **kwargs: Any) -> None:
        super().update_cell(row_key, column_key, _text(value), **kwargs)

    def update_cell_at(self, coordinate: Any, value: Any, **kwargs: Any) -> None:
        super().update_cell_at(coordinate, _text(value), **kwargs)


class Select(widgets.Select[Any]):
    """`textual.widgets.Select` whose `str` option prompts are text, never markup."""

    def __init__(self, options: Iterable[tuple[Any, Any]], **kwargs: Any) -> None:
        super().__init__([(_text(p), v) for p, v in options], **kwargs)

    def set_options(self, options: Iterable[tuple[Any, Any]]) -> None:
        super().set_options([(_text(p), v) for p, v in options])


def _text(value: Any) -> Any:
    return Text(value) if isinstance(value, str) else value
