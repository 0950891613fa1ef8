"""Multi-line notes where they are shown and saved besides the item form: the Monday
review's card (indented, the first lines, then how many more), and a committed
requirement whose notes have line breaks (saving it unchanged is no scope change)."""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from textual.widgets import Input, TextArea

from cockpit.app import make_app
from cockpit.core.clock import FrozenClock
from cockpit.planning import requirements
from cockpit.screens.dialogs.review import NOTE_LINES, ReviewScreen
from cockpit.screens.planning.requirements import RequirementsScreen
from tests.ui.helpers import settle, small_workspace
from tests.ui.render import screen_lines, until
from tests.ui.test_planning_screens import app_on, form_error, fresh, open_screen

SIZE = (80, 24)


def column(line: str, text: str) -> int:
    """The terminal column where `text` starts in `line` (wide characters count two)."""
    return cell_len(line[: line.index(text)])


async def test_the_review_card_indents_the_notes_and_says_how_many_more(
    tmp_path: Path, clock: FrozenClock
) -> None:
    ws = small_workspace(tmp_path / "ws", clock)
    carried = next(i for i in ws.items() if i.title == "Benchmark PostGIS 3.5 on ARM")
    ws.edit(carried.id, notes="\n".join(f"备注第 {n} 行" for n in range(1, 11)))
    ws.undo_stack.clear()
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen))
        for _ in range(5):  # the carry-over, one at a time
            if "Benchmark PostGIS 3.5 on ARM" in "\n".join(screen_lines(app)):
                break
            await pilot.press("n")
        lines = screen_lines(app)
        title = next(line for line in lines if "Benchmark PostGIS 3.5 on ARM" in line)
        noted = [line for line in lines if "备注第" in line]
        assert len(noted) == NOTE_LINES - 1
        assert {column(line, "备注第") for line in noted} == {column(title, "Benchmark") + 2}
        more = next(line for line in lines if "more lines" in line)
        assert "… 5 more lines" in more and column(more, "…") == column(title, "Benchmark") + 2
        # the keys and the history are still on the screen
        assert any("created" in line for line in lines)
        assert any("Keep" in line and "Re-plan" in line for line in lines)


async def test_a_planned_requirements_multi_line_notes_saved_unchanged_need_no_reason(
    tmp_path: Path, clock: FrozenClock
) -> None:
    app = app_on(tmp_path, clock)
    requirements.edit(app.ws, 1, reason="set up", notes="first\nsecond")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_screen(pilot, RequirementsScreen())
        screen.listing.select_ref(1)  # planned: a scope change needs a reason
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#r-notes", TextArea).text == "first\nsecond"
        app.screen.query_one("#r-owner", Input).value = "李雷"  # not scope
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen, form_error(app)  # saved and closed, no reason asked
        req = requirements.get(fresh(tmp_path, clock), 1)
        assert (req.owner, req.notes) == ("李雷", "first\nsecond")
