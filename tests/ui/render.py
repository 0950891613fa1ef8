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


def toast_text(app: App[object]) -> str:
    """What the toasts on screen show, read from the drawn cells of their regions (so a
    panel's text beside a toast does not mix in), their lines joined by one space."""
    from textual.widgets._toast import Toast

    strips = app.screen._compositor.render_strips()
    shown = []
    for toast in app.screen.query(Toast):
        region = toast.region
        for strip in strips[region.y : region.bottom]:
            line = "".join(segment.text for segment in strip.crop(region.x, region.right))
            shown.append(line.strip(" ▌"))
    return " ".join(part for part in shown if part)


async def until(pilot: object, ready: object, tries: int = 40) -> None:
    """Let the app run (writes, redraws) until `ready()` holds, or give up after
    `tries` rounds: typed keys reach screens in order, but a loaded machine is slow."""
    from tests.ui.helpers import settle

    for _ in range(tries):
        await settle(pilot)  # type: ignore[arg-type]
        if ready():  # type: ignore[operator]
            return
