"""What the terminal would show: the screen's lines as text, read from the compositor
(the same strips Textual writes to the terminal), so tests assert on what is drawn."""

from __future__ import annotations

from textual.app import App


def screen_lines(app: App[object]) -> list[str]:
    """Every line of the active screen as drawn (modal dialogs: the dialog's screen)."""
    strips = app.screen._compositor.render_strips()
    return ["".join(segment.text for segment in strip) for strip in strips]


def screen_text(app: App[object]) -> str:
    """The active screen as one string, lines joined by newlines."""
    return "\n".join(screen_lines(app))
