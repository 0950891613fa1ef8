"""The key bar at the bottom of every screen: its most useful keys, fitted to the width.

Textual's footer shows every visible binding with its full label and cuts the line
wherever the terminal ends (`f Frid▏` at 120 columns; six keys at 80), so the keys that
open the other screens were never seen. This bar takes the screen's keys in the order
the screen declares them (most useful first), with their short labels, and keeps each
key whole. On a tall terminal (TALL rows or more) it takes a second line when one is
not enough; what still does not fit is left out, and then the bar says so: `? more`
opens the help, which lists every key. The command palette's key stays at the right.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget

from cockpit.core.i18n import t
from cockpit.screens.keys import short_label

GAP = 1  # cells between two keys (each key already has a cell of padding either side)
TALL = 30  # rows from which the bar may take two lines (not on 80x24)
WIDE = 100  # columns from which the palette's key is labelled in full


@dataclass(frozen=True)
class Key:
    """One entry of the bar: the key as shown, its label and the action it runs."""

    key: str
    label: str
    action: str
    app_level: bool = False

    @property
    def width(self) -> int:
        return cell_len(self.key) + 2 + cell_len(self.label)


Line = tuple[list[Key], list[Key]]
"""One line of the bar: keys from the left, keys at the right end."""


def layout(
    keys: list[Key], tail: list[Key], width: int, more: Key | None, lines: int
) -> list[Line]:
    """The keys on one line of `width` cells, or on two when `lines` allows and one is
    not enough, `tail` at the right end of the last line.

    Two lines split the keys, in their order, where the lines come out most even. When
    even that is not enough, the last line leaves out the keys that do not fit (a
    later, shorter one may still fit) and `more` (the help key, labelled "more") joins
    its right end, so the bar says where the rest are.
    """
    if _line(keys, tail) <= width:
        return [(keys, tail)]
    out: list[Line] = []
    rest = keys
    if lines > 1:
        splits = [
            (max(_span(keys[:i]), _line(keys[i:], tail)), i)
            for i in range(1, len(keys))
            if _span(keys[:i]) <= width
        ]
        fitting = [(longest, i) for longest, i in splits if longest <= width]
        if fitting:
            i = min(fitting)[1]
            return [(keys[:i], []), (keys[i:], tail)]
        if splits:  # the first line as full as it goes; the rest is fitted below
            i = max(i for _longest, i in splits)
            out, rest = [(keys[:i], [])], keys[i:]
    right = [more, *tail] if more is not None else tail
    shown: list[Key] = []
    for key in rest:
        if (more is None or key.action != more.action) and _line([*shown, key], right) <= width:
            shown.append(key)
    return [*out, (shown, right)]


def _span(keys: list[Key]) -> int:
    return sum(k.width for k in keys) + GAP * max(len(keys) - 1, 0)


def _line(left: list[Key], right: list[Key]) -> int:
    return _span(left) + (GAP if left and right else 0) + _span(right)


class KeyBar(Widget):
    """The bottom of a screen: its keys (`show=True` bindings of the screen and app)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"keybar--key", "keybar--label"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
    }
    KeyBar > .keybar--key {
        color: $footer-key-foreground;
        text-style: bold;
    }
    KeyBar > .keybar--label {
        color: $footer-description-foreground;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._spans: list[tuple[int, int, int, Key]] = []
        self._shown: object = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._fit_height()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def on_resize(self, _event: events.Resize) -> None:
        self._fit_height()

    def _bindings_changed(self, _screen: Screen[object]) -> None:
        # Every focus move may change the bindings; most change none of the keys shown
        # (moving between the daily panels): then nothing is redrawn.
        shown = self.keys()
        if shown == self._shown:
            return
        self._shown = shown
        self._fit_height()
        self.refresh()

    def _fit_height(self) -> None:
        keys, tail, _more = self.keys()
        width = self.size.width or self.app.size.width
        lines = 2 if self.app.size.height >= TALL and _line(keys, tail) > width else 1
        if self.styles.height is None or self.styles.height.value != lines:
            self.styles.height = lines
        # Toasts sit one line up for Textual's one-line footer; the stylesheet lifts
        # them above a two-line bar on screens with this class.
        self.screen.set_class(lines == 2, "-keybar-tall")

    def keys(self) -> tuple[list[Key], list[Key], Key | None]:
        """(the screen's keys in order, the right-end keys, the help key)."""
        screen, app = self.screen, self.app
        keys: list[Key] = []
        tail: list[Key] = []
        more: Key | None = None
        seen: set[str] = set()
        for node, binding, enabled, _tooltip in screen.active_bindings.values():
            if not enabled or binding.action in seen:
                continue
            display = app.get_key_display(binding)
            if binding.action in ("command_palette", "app.command_palette"):
                seen.add(binding.action)
                # On a narrow terminal the short word leaves room for one more key.
                label = t("keybar.commands" if self.app.size.width >= WIDE else "keybar.cmds")
                tail.append(Key(display, label, binding.action, True))
                continue
            if not binding.show or (node is not screen and node is not app):
                continue
            seen.add(binding.action)
            key = Key(display, short_label(binding.description), binding.action, node is app)
            if binding.action == "help":
                more = Key(key.key, t("keybar.more"), key.action)
            keys.append(key)
        return keys, tail, more

    def lines(self) -> list[Line]:
        """What the bar shows now, line by line."""
        keys, tail, more = self.keys()
        height = max(self.size.height, 1)
        return layout(keys, tail, self.size.width, more, height)

    def render(self) -> Text:
        key_style = self.get_component_rich_style("keybar--key", partial=True)
        label_style = self.get_component_rich_style("keybar--label", partial=True)
        self._spans = []
        text = Text(no_wrap=True, overflow="crop", end="")
        for y, (left, right) in enumerate(self.lines()):
            line = Text(no_wrap=True, overflow="crop", end="")
            for i, key in enumerate(left):
                self._append(line, y, key, key_style, label_style, gap=bool(i))
            if right:
                line.append(" " * max(self.size.width - line.cell_len - _span(right), GAP))
                for i, key in enumerate(right):
                    self._append(line, y, key, key_style, label_style, gap=bool(i))
            if y:
                text.append("\n")
            text.append_text(line)
        return text

    def _append(
        self, line: Text, y: int, key: Key, key_style: Style, label_style: Style, *, gap: bool
    ) -> None:
        if gap:
            line.append(" " * GAP)
        start = line.cell_len
        line.append(f" {key.key} ", style=key_style)
        line.append(key.label, style=label_style)
        self._spans.append((y, start, line.cell_len, key))

    async def on_click(self, event: events.Click) -> None:
        for y, start, end, key in self._spans:
            if y == event.y and start <= event.x < end:
                target = self.app if key.app_level else self.screen
                await target.run_action(key.action)
                return
