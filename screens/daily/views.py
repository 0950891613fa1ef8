"""Views of the daily screen's item panels: `F` asks for a filter and a sort, the
palette opens the named ones of the config (`[views.NAME]`) or clears the view.

The view itself (`cockpit.find.views`) is the domain's; this module asks for it, puts
it on the screen (the panels redraw through `Redraw`) and says what it did.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.containers import Vertical

from cockpit.core.errors import InvalidError
from cockpit.core.i18n import t
from cockpit.core.settings import SORT_KEYS
from cockpit.find.views import View, make_view, named_view
from cockpit.screens.dialogs.forms import Form, FormError
from cockpit.screens.safe import Label, say

if TYPE_CHECKING:
    from cockpit.screens.daily.screen import DailyScreen


class ViewForm(Form):
    """Filter and sort of the item panels; both empty shows everything again."""

    def __init__(self, current: View | None, names: list[str]) -> None:
        super().__init__(t("view.form.title"))
        self.current = current
        self.names = names
        self.today: Any = None

    def compose(self) -> ComposeResult:
        view = self.current
        with Vertical(classes="form"):
            yield Label(self.form_title, classes="form-title")
            yield from self.field("view.form.filter", "v-filter", view.filter if view else "")
            yield from self.field("view.form.sort", "v-sort", view.sort_text if view else "")
            yield Label(t("view.form.keys", keys=", ".join(SORT_KEYS)), classes="form-hint")
            if self.names:
                yield Label(t("view.form.named", names=", ".join(self.names)), classes="form-hint")
            yield Label("", classes="form-error")
            yield Label(t("view.form.hint"), classes="form-hint")

    def collect(self) -> dict[str, Any]:
        filter_text, sort_text = self.text("v-filter"), self.text("v-sort")
        try:
            make_view("", filter_text, sort_text, self.today)
        except InvalidError as exc:
            field = "v-sort" if exc.fields.get("part") == "sort" else "v-filter"
            raise FormError(field, str(exc)) from None
        return {"filter": filter_text, "sort": sort_text}


def ask(screen: DailyScreen) -> None:
    """`F`: the form, filled with the view shown now (its name is kept while its words
    stay the same)."""
    form = ViewForm(screen.view, list(screen.ws.config.views))
    form.today = screen.ws.clock.today()

    def chosen(values: dict[str, Any] | None) -> None:
        if values is None:
            return
        current = screen.view
        same = current is not None and (values["filter"], values["sort"]) == (
            current.filter,
            current.sort_text,
        )
        name = current.name if same and current is not None else ""
        show(screen, make_view(name, values["filter"], values["sort"], form.today))

    screen.app.push_screen(form, chosen)


def open_named(screen: DailyScreen, name: str) -> None:
    """Show the config's view `name` (a bad filter is said, the panels stay)."""
    try:
        view = named_view(screen.ws.config.views, name, screen.ws.clock.today())
    except InvalidError as exc:
        say(screen, str(exc), severity="warning")
        return
    show(screen, view)


def show(screen: DailyScreen, view: View | None) -> None:
    """Put `view` on the panels (None or an empty one: everything) and say so."""
    if view is not None and not view.active:
        view = None
    screen.view = view
    screen.reload()
    if view is None:
        say(screen, t("view.cleared"), timeout=3)
        return
    shown = sum(screen.panel(name).row_count for name in ("key", "carry", "plan", "ops"))
    say(screen, t("view.shown", label=view.label(), n=shown), timeout=4)


def commands(screen: DailyScreen) -> Iterator[tuple[str, str, Callable[[], Any]]]:
    """Palette entries: one per named view, and clearing the view shown."""
    views = screen.ws.config.views
    for name, settings in views.items():
        words = " · ".join(p for p in (settings.filter, settings.sort) if p)
        yield (
            t("view.cmd", name=name),
            words or t("view.cmd.help"),
            lambda name=name: open_named(screen, name),  # type: ignore[misc]
        )
    yield t("view.cmd.filter"), t("view.cmd.filter.help"), lambda: ask(screen)
    if screen.view is not None:
        yield t("view.cmd.clear"), screen.view.label(), lambda: show(screen, None)
