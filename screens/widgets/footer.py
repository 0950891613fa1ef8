"""The key footer, rebuilt only when the keys it shows change.

Textual's `Footer` removes and mounts all of its keys whenever the screen's bindings
*may* have changed, which includes every focus change: on the daily screen each `tab`
cost a dozen widget mounts and several full layouts (~100 ms on a large workspace),
though moving between panels changes none of the keys shown. This footer compares what
it would show with what it shows, and rebuilds only when they differ.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    """`textual.widgets.Footer` that skips rebuilds which would show the same keys."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._shown: tuple[object, ...] | None = None

    def shown_keys(self, screen: Screen[Any]) -> tuple[object, ...]:
        """Everything `compose` reads to draw the keys of `screen`."""
        app = self.app
        keys = tuple(
            (
                binding.key,
                app.get_key_display(binding),
                binding.action,
                binding.description,
                binding.group,
                enabled,
                tooltip,
            )
            for (_node, binding, enabled, tooltip) in screen.active_bindings.values()
            if binding.show or binding.action == "command_palette"
        )
        return (keys, self.compact, self.show_command_palette, app.ENABLE_COMMAND_PALETTE)

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if self.is_attached and screen is self.screen and screen.app.app_focus:
            shown = self.shown_keys(screen)
            if shown == self._shown:
                return
            self._shown = shown
        super().bindings_changed(screen)
