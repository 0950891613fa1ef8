"""Thursday's report preview: the five-part weekly report (周报), ready to copy into mail
or chat (OSC 52, so it works over SSH) or save to a file.

The preview shows the text itself, exactly what is copied, saved and printed by
`cockpit report week`, with headings and link targets styled: Markdown, or with `f`
the plain text for chat (DingTalk, WeCom and most mail show Markdown's `##`, `**` and
`[..](..)` literally); `c` copies the form shown. (Textual's Markdown widget was tried:
it mounts a widget per list item, and a large workspace's report took 9 s and 250 MB to
show.) `[` / `]` walk the weeks, `l` switches the report's language (not the UI's),
`e` edits the shown week's highlights and thoughts.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header

from cockpit.core.i18n import t
from cockpit.core.weeks import shift
from cockpit.report.build import build_report, default_filename, report_language, save_report
from cockpit.screens.base import set_header
from cockpit.screens.dialogs.forms import PathPrompt
from cockpit.screens.dialogs.help import HelpScreen
from cockpit.screens.keys import localise
from cockpit.screens.report.notes import edit_week_notes
from cockpit.screens.safe import Static, say
from cockpit.screens.widgets.keybar import KeyBar

if TYPE_CHECKING:
    from cockpit.app import CockpitApp

REPORT: list[BindingType] = [
    Binding("j,down", "scroll_down", "key.down", id="report_down", show=False),
    Binding("k,up", "scroll_up", "key.up", id="report_up", show=False),
    Binding("g,home", "scroll_top", "key.top", id="report_top", show=False),
    Binding("G,end", "scroll_bottom", "key.bottom", id="report_bottom", show=False),
    Binding("c", "copy", "key.report_copy", id="report_copy"),
    Binding("f", "switch_form", "key.report_form", id="report_form"),
    Binding("s", "save", "key.report_save", id="report_save"),
    Binding(
        "left_square_bracket",
        "week(-1)",
        "key.report_prev_week",
        id="report_prev_week",
        key_display="[",
    ),
    Binding(
        "right_square_bracket",
        "week(1)",
        "key.report_next_week",
        id="report_next_week",
        key_display="]",
    ),
    Binding("l", "switch_language", "key.report_language", id="report_language"),
    Binding("e", "notes", "key.report_notes", id="report_notes"),
    Binding("question_mark", "help", "key.help", id="report_help", key_display="?"),
    Binding("escape,q", "back", "key.back", id="report_back"),
]
REPORT_IDS = frozenset(b.id for b in REPORT if isinstance(b, Binding) and b.id)


class ReportScreen(Screen[None]):
    """The report of `week` (default: this week) in `lang` (default: from config)."""

    AREA = "report"  # its name in the palette, the help and [keys] sentences
    BINDINGS = REPORT

    def __init__(self, week: str | None = None, lang: str | None = None) -> None:
        super().__init__(id="report")
        localise(self)
        self._week = week
        self._lang = lang
        self.form = "md"
        """The form shown, copied and saved: "md" or "text" (plain text for chat)."""
        self.text = ""

    @property
    def cockpit(self) -> CockpitApp:
        return self.app  # type: ignore[return-value]

    @property
    def week(self) -> str:
        return self._week or self.cockpit.ws.week

    @property
    def lang(self) -> str:
        return self._lang or report_language(self.cockpit.ws.config)

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="◆")
        yield Static("", id="report-status")
        with VerticalScroll(id="report-body"):
            yield Static("", id="report-text")
        yield KeyBar()

    def on_mount(self) -> None:
        set_header(self, t("report.screen"))
        self.reload()
        self.query_one("#report-body").focus()

    def reload(self) -> None:
        """Rebuild the report from the workspace (the app calls this after outside
        changes; the keys after a week, language or notes change)."""
        self.text = build_report(self.cockpit.ws, self.week, self.lang, self.form)
        self.query_one("#report-text", Static).update(styled(self.text, self.form))
        lang, form = t(f"report.lang.{self.lang}"), t(f"report.form.{self.form}")
        status = t("report.status", week=self.week, lang=lang, form=form)
        self.query_one("#report-status", Static).update(Text(status, style="dim"))

    # actions ---------------------------------------------------------------------------
    def _body(self) -> VerticalScroll:
        return self.query_one("#report-body", VerticalScroll)

    def action_scroll_down(self) -> None:
        self._body().scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        self._body().scroll_up(animate=False)

    def action_scroll_top(self) -> None:
        self._body().scroll_home(animate=False)

    def action_scroll_bottom(self) -> None:
        self._body().scroll_end(animate=False)

    def action_copy(self) -> None:
        """The form shown to the terminal's clipboard (OSC 52 works over SSH)."""
        self.app.copy_to_clipboard(self.text)
        say(self, t("report.copied", n=self.text.count("\n")), timeout=3)

    def action_save(self) -> None:

        text = self.text  # the report as shown now, even if a refresh lands meanwhile
        default = f"~/{default_filename(self.week, self.lang, self.form)}"

        def chosen(values: dict[str, Any] | None) -> None:
            if values:
                self.cockpit.persist(
                    lambda: save_report(values["path"], text),
                    on_done=lambda where: say(self, t("report.saved", path=where)),
                )

        self.app.push_screen(PathPrompt(t("report.save_title"), default), chosen)

    def action_week(self, step: int) -> None:
        self._week = shift(self.week, step)
        self.reload()
        self.action_scroll_top()

    def action_switch_form(self) -> None:
        self.form = "text" if self.form == "md" else "md"
        self.reload()

    def action_switch_language(self) -> None:
        self._lang = "en" if self.lang == "zh" else "zh"
        self.reload()

    def action_notes(self) -> None:

        edit_week_notes(self, self.week, on_saved=self.reload)

    def action_help(self) -> None:

        self.app.push_screen(HelpScreen(self))

    def action_back(self) -> None:
        self.dismiss(None)


LINK_TARGET = re.compile(r"\]\((<[^>]*>|[^)\s]*)\)")


PART = re.compile(r"^(?:[一二三四五六七八九十]、|[IVX]+\. )")
SUB = re.compile(r"^(?:【.*】|[^\s\d·].*:)$")
URL = re.compile(r"https?://\S+")


def styled(report: str, form: str = "md") -> Text:
    """The report's text with its structure in bold and link targets dimmed.

    Built from `Text` pieces, never parsed as markup: titles from feeds stay inert.
    """
    out = Text(no_wrap=False)
    for n, line in enumerate(report.splitlines()):
        if line.startswith("# ") or (form == "text" and n == 0):
            out.append(line, style="bold underline")
        elif line.startswith("## ") or (form == "text" and PART.match(line) and n > 0):
            out.append(line, style="bold cyan")
        elif (line.startswith("**") and line.endswith("**")) or (
            form == "text" and SUB.match(line)
        ):
            out.append(line, style="bold")
        else:
            piece = Text(line)
            targets = LINK_TARGET if form == "md" else URL
            for match in targets.finditer(line):
                piece.stylize("dim", match.start() + (1 if form == "md" else 0), match.end())
            out.append_text(piece)
        out.append("\n")
    out.rstrip()
    return out
