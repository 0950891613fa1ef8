"""What every cockpit screen shares: the app and its workspace, persisting a change off
the event loop, moving in the focused list (or scrolling the focused pane), undo, help
and going back. Screens add their own keys on top."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from textual.containers import VerticalScroll
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget

from cockpit.core.errors import ConflictError
from cockpit.core.i18n import t
from cockpit.screens.dialogs.help import HelpScreen
from cockpit.screens.safe import DataTable, say
from cockpit.screens.widgets.panels import Panel

if TYPE_CHECKING:
    from cockpit.app import CockpitApp
    from cockpit.core.changes import View
    from cockpit.items.workspace import Workspace
    from cockpit.screens.dialogs.forms import Form

# action -> (on a list widget, on a scrolling pane)
MOVES = {
    "down": ("cursor_down", "scroll_down"),
    "up": ("cursor_up", "scroll_up"),
    "top": ("cursor_top", "scroll_home"),
    "bottom": ("cursor_bottom", "scroll_end"),
}


def set_header(screen: Screen[Any], sub_title: str) -> None:
    """What `screen`'s header says: the app's name and what this screen is.

    Titles belong to the screen (the Header shows the screen's own title), never to
    the app: `app.title` is shared by the whole stack, so the daily screen underneath
    reloading (after a feed refresh, an outside change) renamed the screen on top.
    """
    screen.title = t("title")
    screen.sub_title = sub_title


class CockpitScreen(Screen[None]):
    """Base of cockpit's screens (the daily screen included)."""

    # Textual repaints the whole screen whenever the focus moves (its `focused`
    # reactive repaints), which made each `tab` redraw all 120x40 cells. What focus
    # changes on screen, the widgets that gain and lose it redraw themselves (their
    # `:focus` styles), and the footer rebuilds when its keys change.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    _form: Form | None = None  # the form whose values are being saved, if any
    _form_basis: View | None = None
    _form_saving = False

    SUBTITLE: ClassVar[str] = ""
    """Catalog key of the screen's name, shown in its header after the app's name."""

    def on_mount(self) -> None:
        # Called besides each screen's own on_mount (Textual runs every class's).
        set_header(self, self.header_subtitle())

    def header_subtitle(self) -> str:
        """The header's second half (the daily screen shows the week and the date)."""
        return t(self.SUBTITLE) if self.SUBTITLE else ""

    @property
    def cockpit(self) -> CockpitApp:
        return self.app  # type: ignore[return-value]

    @property
    def ws(self) -> Workspace:
        return self.cockpit.ws

    def reload(self) -> None:
        """Re-read the workspace and redraw (the app calls it after outside changes)."""

    def change(
        self,
        fn: Callable[[], Any],
        message: Callable[[Any], str],
        basis: View | None = None,
        *,
        predict: tuple[Any, ...] = (),
    ) -> None:
        """Persist on the writer thread, then redraw and say what happened.

        The change is based on what the screen shows now (or on `basis`, what a dialog
        showed when it opened): a record changed elsewhere since keeps that change.
        Called while a form opened with `open_form` is being saved, the form stays open
        until the write is done, and shows the sentence if it failed.

        `predict` names the workspace's item change `fn` makes and its arguments
        (`("done", 7)`): a screen that can show it does so at once, before the write
        (see `show_prediction`); what was stored replaces it when the write is done.
        """
        form = self._form
        if form is None:
            shown = bool(predict) and self.show_prediction(predict)

            def done(result: Any) -> None:
                self._changed(message(result))

            def unpredict(_exc: Exception) -> bool:
                self.call_later(self.reload)  # the prediction goes: what is stored shows
                return False  # the refusal is still said as usual

            self.cockpit.persist(
                fn,
                on_done=done,
                basis=basis or self.ws.files.view(),
                on_error=unpredict if shown else None,
            )
            return
        self._form_saving = True
        app = self.cockpit
        app.forms_saving += 1  # keys typed meanwhile wait for the form to close

        def saved(result: Any) -> None:
            app.forms_saving -= 1
            if form.is_active:
                form.dismiss(None)
            self._changed(message(result))

        def failed(exc: Exception) -> bool:
            app.forms_saving -= 1
            if isinstance(exc, ConflictError):  # the form's copy is stale: close it
                if form.is_active:
                    form.dismiss(None)
                return False
            form.show_error(str(exc))  # keep the form and what was typed
            return True

        self.cockpit.persist(fn, saved, basis=basis or self._form_basis, on_error=failed)

    def open_form(self, form: Form, on_values: Callable[[dict[str, Any]], Any]) -> None:
        """Show `form`; when saved, `on_values(values)` runs with the form still open.

        A change it makes (`self.change`) is based on what the form showed when it
        opened, and the form closes only once the write succeeded: on a full disk the
        user keeps what they typed and sees why it was not saved.
        """
        basis = self.ws.files.view()

        def submit(values: dict[str, Any]) -> None:
            self._form, self._form_basis, self._form_saving = form, basis, False
            try:
                on_values(values)
            finally:
                saving, self._form, self._form_basis = self._form_saving, None, None
            if not saving and form.is_active:
                form.dismiss(None)  # nothing to write (or it opened another dialog)

        form.submit = submit
        self.app.push_screen(form)

    def show_prediction(self, predict: tuple[Any, ...]) -> bool:
        """Show what the item change `predict` will do before it is written; False when
        this screen does not (the default: it redraws once the write is done)."""
        return False

    def _changed(self, message: str) -> None:
        self.reload()
        if message:
            # After the changed screen is drawn: a toast lays the whole screen out again
            # (~15 ms), which the change itself should not wait for.
            self.call_after_refresh(say, self, message, timeout=3)

    # moving ----------------------------------------------------------------------------
    def _move_in_focus(self, where: str) -> None:
        on_list, on_pane = MOVES[where]
        focused = self.focused
        if isinstance(focused, Panel):
            getattr(focused, f"action_{on_list}")()
        elif isinstance(focused, DataTable):
            if where in ("down", "up"):
                getattr(focused, f"action_{on_list}")()
            else:
                focused.move_cursor(row=0 if where == "top" else max(focused.row_count - 1, 0))
        elif isinstance(focused, VerticalScroll):
            getattr(focused, on_pane)()

    def action_cursor_down(self) -> None:
        self._move_in_focus("down")

    def action_cursor_up(self) -> None:
        self._move_in_focus("up")

    def action_cursor_top(self) -> None:
        self._move_in_focus("top")

    def action_cursor_bottom(self) -> None:
        self._move_in_focus("bottom")

    def action_next_panel(self) -> None:
        self.focus_next()

    def action_prev_panel(self) -> None:
        self.focus_previous()

    # the rest --------------------------------------------------------------------------
    def action_undo(self) -> None:
        ws = self.ws
        # A change still being written has no undo step yet: `u` pressed right after
        # `x` undoes it once it is stored (the writer runs them in order).
        if not ws.undo_stack and not self.cockpit.pending:
            say(self, t("note.nothing_to_undo"), severity="warning")
            return

        def said(change: Any) -> str:
            return t("note.undone", what=change.label) if change else t("note.nothing_to_undo")

        self.change(ws.undo, said, predict=("undo",))

    def action_redo(self) -> None:
        """`ctrl+r`: make the newest undone change again (a new change ends redo)."""
        ws = self.ws
        if not ws.redo_stack:
            say(self, t("note.nothing_to_redo"), severity="warning")
            return
        self.change(ws.redo, lambda change: t("note.redone", what=change.label if change else ""))

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self))

    def action_back(self) -> None:
        self.dismiss(None)
