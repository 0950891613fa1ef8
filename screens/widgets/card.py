"""A detail card of fixed height that says what it leaves out.

The customers screen's card is as tall as its pane: a customer with several lines of
notes ran past the bottom border and the rest was cut without a word (at 80x24 the
notes did not show at all). `FitCard` draws what fits and, when something does not,
ends with "… N more lines" in place of the last line it has room for; the form (`e`)
shows everything. It fits again whenever its size changes.
"""

from __future__ import annotations

from typing import Any

from rich.console import RenderableType
from rich.text import Text
from textual import events

from cockpit.core.i18n import t
from cockpit.screens.safe import Static


class FitCard(Static):
    """A `Static` whose content, when taller than the card, ends in "… N more lines"."""

    _content: RenderableType | None = None

    def show(self, content: RenderableType) -> None:
        """Show `content`, cut to the card's height with a count of what is left out."""
        self._content = content
        self._fit()

    def on_resize(self, _event: events.Resize) -> None:
        if self._content is not None:
            self._fit()

    def _fit(self) -> None:
        content = self._content
        if content is None:
            return
        width, height = self.content_size
        if width <= 0 or height <= 0:  # not laid out yet: the first resize fits it
            self.update(content)
            return
        console = self.app.console
        lines = console.render_lines(content, console.options.update_width(width), pad=False)
        if len(lines) <= height:
            self.update(content)
            return
        kept = [_line_text(line) for line in lines[: height - 1]]
        left = len(lines) - len(kept)
        kept.append(Text(t("card.more", n=left), style="dim italic"))
        self.update(Text("\n").join(kept))


def _line_text(segments: list[Any]) -> Text:
    """One rendered line back as `Text`, its styles kept (no control codes)."""
    line = Text()
    for segment in segments:
        if not segment.control:
            line.append(segment.text, segment.style)
    return line
