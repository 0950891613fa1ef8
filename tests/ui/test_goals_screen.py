"""Pilot tests of the goals screen and the roadmap on real workspace files, asserting on
what the compositor draws; every change is checked through a fresh Workspace, as the
CLI sees it. The clock is frozen on Wednesday 2026-11-18 (52% into 2026-Q4; monthly
numbers follow the line by the month: 33%)."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from cockpit.app import CockpitApp, make_app
from cockpit.core import i18n
from cockpit.core.clock import FrozenClock
from cockpit.core.config import Config
from cockpit.goals import book
from cockpit.items.workspace import Workspace
from cockpit.metrics import book as metrics
from cockpit.planning import requirements
from cockpit.screens.goals.roadmap import RoadmapScreen
from cockpit.screens.goals.screen import GoalsScreen
from tests.ui.helpers import settle
from tests.ui.render import screen_lines, screen_text, until

SIZE = (120, 40)


def goals_workspace(root: Path, clock: FrozenClock, language: str = "en") -> Workspace:
    """Revenue for October and November, two items (one done), a requirement in
    development for 17.3, and one objective with a metric and an items key result."""
    ws = Workspace(root, clock, Config(language=language))
    metrics.put_rows(ws, "revenue", [{"month": "2026-10", "cash": 21_000_000},
                                     {"month": "2026-11", "cash": 19_000_000}])  # fmt: skip
    a = ws.add("HA whitepaper")
    ws.add("Failover demo")
    ws.done(a.id)
    req = requirements.add(ws, "Failover slots", release="17.3", priority="P0")
    for status in ("reviewed", "planned", "in-development"):
        requirements.move(ws, req.id, status, "weekly meeting")
    obj = book.add(ws, "Grow the managed service", owner="张伟")
    book.add_kr(ws, obj.id, book.make_kr(ws, "营收 ≥ 6000万", "metric", metric="营收",
                                          target="6000万"))  # fmt: skip
    book.add_kr(ws, obj.id, book.make_kr(ws, "HA story", "items", links="1 2"))
    ws.undo_stack.clear()
    return ws


def app_on(tmp_path: Path, clock: FrozenClock, language: str = "en") -> CockpitApp:
    i18n.set_language(language)
    return make_app(goals_workspace(tmp_path / "ws", clock, language), watch=False, fetch=False)


def fresh(tmp_path: Path, clock: FrozenClock) -> Workspace:
    return Workspace(tmp_path / "ws", clock)


async def open_goals(pilot: Pilot[None]) -> GoalsScreen:
    await pilot.press("O")  # from the daily screen, as a user would
    await until(pilot, lambda: isinstance(pilot.app.screen, GoalsScreen))
    screen = pilot.app.screen
    assert isinstance(screen, GoalsScreen)
    return screen


async def type_text(pilot: Pilot[None], text: str) -> None:
    for ch in text:
        await pilot.press("space" if ch == " " else ch)


def line_with(app: CockpitApp, text: str) -> str:
    """The drawn line holding `text`, its border and runs of spaces squeezed."""
    line = next(line for line in screen_lines(app) if text in line)
    return " ".join(line.strip(" │").split())


async def test_the_quarter_is_drawn_with_bars_and_the_line(
    tmp_path: Path, clock: FrozenClock
) -> None:
    app = app_on(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(pilot)
        status = screen_lines(app)[1]
        assert "2026-Q4 (Oct 1 – Dec 31) · 52% of the quarter gone" in status
        assert "1 objective, 2 key results" in status and "1 key result behind the line" in status
        objective = line_with(app, "#1 Grow the managed service")
        assert "张伟" in objective and objective.endswith("█████│░░░░ 58% at risk")
        revenue = line_with(app, "1.1 营收 ≥ 6000万")
        # 40M of 60M (67%) against the month line (33%, after October): on track.
        assert "40M / 60M" in revenue and revenue.endswith("███│███░░░ 66% on track")
        items = line_with(app, "1.2 HA story")
        assert "1/2 done" in items and items.endswith("█████│░░░░ 50% at risk")
        assert "Detail #1" in screen_text(app)  # the cursor's objective, in full
        await pilot.press("j")
        await settle(pilot)
        detail = screen_text(app)
        assert "Detail 1.1" in detail and "revenue.cash, quarter total" in detail
        assert "40M / 60M · 66% (the line is at 33%)  on track" in detail


async def test_chinese(tmp_path: Path, clock: FrozenClock) -> None:
    app = app_on(tmp_path, clock, "zh")
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(pilot)
        assert "2026-Q4（10月1日–12月31日）· 本季度已过 52%" in screen_lines(app)[1]
        revenue = line_with(app, "1.1 营收 ≥ 6000万")
        assert "4000万 / 6000万" in revenue and "66% 正常" in revenue
        assert "完成 1/2" in line_with(app, "1.2 HA story")
        assert "目标与关键结果" in screen_lines(app)[0]


async def test_create_edit_delete_and_undo_from_the_keyboard(
    tmp_path: Path, clock: FrozenClock
) -> None:
    app = app_on(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_goals(pilot)
        await pilot.press("a")
        await type_text(pilot, "Win the government cloud")
        await pilot.press("enter")
        await until(pilot, lambda: len(book.all_objectives(fresh(tmp_path, clock))) == 2)
        new = book.get(fresh(tmp_path, clock), 2)
        assert (new.title, new.quarter) == ("Win the government cloud", "2026-Q4")
        assert "#2 Win the government cloud" in screen_text(app)
        # A key result for it, measured by a requirement: the measure picked first.
        await pilot.press("K")
        await settle(pilot)
        await pilot.press("down", "down", "down", "enter")  # open the list: the third measure
        await settle(pilot)
        await pilot.press("tab")
        await type_text(pilot, "Slots in development")
        await pilot.press("tab")
        await type_text(pilot, "1")
        await pilot.press("enter")
        await until(pilot, lambda: book.get(fresh(tmp_path, clock), 2).krs != [])
        [kr] = book.get(fresh(tmp_path, clock), 2).key_results
        assert (kr.title, kr.measure, kr.links) == ("Slots in development", "reqs", [1])
        assert "2.1 Slots in development  0/1 done" in screen_text(app)
        # Edit it (the cursor is on it), then delete it, then undo the delete.
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("tab")  # the title, then the ids (the metric's fields are hidden)
        await pilot.press("ctrl+u")
        await type_text(pilot, "1 9")
        await pilot.press("enter")
        await settle(pilot)
        assert "no requirement with id 9" in screen_text(app)  # inside the form
        assert book.get(fresh(tmp_path, clock), 2).key_results[0].links == [1]
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("d")
        await until(pilot, lambda: book.get(fresh(tmp_path, clock), 2).krs == [])
        said = "Deleted key result 2.1: Slots in development (u brings it back)"
        await until(pilot, lambda: said in [str(n.message) for n in app._notifications])
        assert said in [str(n.message) for n in app._notifications]
        await pilot.press("u")
        await until(pilot, lambda: len(book.get(fresh(tmp_path, clock), 2).krs) == 1)
        assert screen.quarter is not None and screen.quarter.key == "2026-Q4"


async def test_a_bad_metric_is_refused_inside_the_form(tmp_path: Path, clock: FrozenClock) -> None:
    app = app_on(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(pilot)
        await pilot.press("K")
        await settle(pilot)
        await pilot.press("tab")
        await type_text(pilot, "Profit")
        await pilot.press("tab")
        await type_text(pilot, "revenue.profit")
        await pilot.press("tab")
        await type_text(pilot, "100")
        await pilot.press("enter")
        await settle(pilot)
        text = screen_text(app)
        assert "revenue has no numeric column 'profit'" in text
        assert len(book.get(fresh(tmp_path, clock), 1).krs) == 2  # nothing written


async def test_an_edit_from_a_stale_form_keeps_the_newer_change(
    tmp_path: Path, clock: FrozenClock
) -> None:
    app = app_on(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(pilot)
        await pilot.press("e")  # the objective's form, showing its title
        await settle(pilot)
        book.edit(fresh(tmp_path, clock), 1, title="Renamed by cron")  # another process
        await pilot.press("ctrl+u")
        await type_text(pilot, "Renamed here")
        await pilot.press("enter")
        await settle(pilot)
        assert book.get(fresh(tmp_path, clock), 1).title == "Renamed by cron"
        assert "Renamed by cron" in screen_text(app)  # the screen shows what is stored


async def test_other_quarters(tmp_path: Path, clock: FrozenClock) -> None:
    app = app_on(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(pilot)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert "2027-Q1 (Jan 1 – Mar 31) · 0% of the quarter gone" in screen_lines(app)[1]
        assert "No objectives for this quarter" in screen_text(app)
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert "#1 Grow the managed service" in screen_text(app)


async def test_the_roadmap_from_the_daily_screen_and_the_goals_screen(
    tmp_path: Path, clock: FrozenClock
) -> None:
    app = app_on(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R")
        await until(pilot, lambda: isinstance(app.screen, RoadmapScreen))
        lines = [line.strip(" │") for line in screen_lines(app)]
        assert "1 release · 1 requirement · 1 at high risk" in lines[1] or lines[1].startswith(
            "1 release · 1 requirement"
        )
        heading = next(line for line in lines if line.startswith("▌ 17.3"))
        assert heading.endswith("1 requirement  0% released")
        stage = lines.index(next(line for line in lines if line.strip() == "in development"))
        assert lines[stage + 1].startswith("#1    P0 Failover slots")
        assert "Requirement #1" in screen_text(app)  # the cursor starts on the first one
        await pilot.press("escape")
        await settle(pilot)
        await open_goals(pilot)
        await pilot.press("R")
        await until(pilot, lambda: isinstance(app.screen, RoadmapScreen))


async def test_the_daily_metrics_line_leads_with_the_quarters_goals(
    tmp_path: Path, clock: FrozenClock
) -> None:
    from cockpit.screens.daily.screen import DailyScreen

    app = app_on(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        line = screen_lines(app)[1]
        assert line.strip().startswith("OKR 2026-Q4 58% · 1 KR at risk  ·  revenue 2026-11")
        daily = app.screen
        assert isinstance(daily, DailyScreen)
        plan = daily.panel("plan")
        plan.focus()
        assert plan.select_ref(2)  # "Failover demo", linked to the key result
        await pilot.press("x")
        await until(pilot, lambda: "83%" in screen_lines(app)[1])
        assert screen_lines(app)[1].strip().startswith("OKR 2026-Q4 83% · on track  ·  revenue")
