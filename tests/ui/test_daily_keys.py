"""Pilot tests: the daily screen's keys change real workspace files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cockpit.app import make_app
from cockpit.core import i18n
from cockpit.core.clock import FrozenClock
from cockpit.core.config import Config, UiSettings
from cockpit.items.workspace import Workspace
from cockpit.screens.daily.screen import DailyScreen
from cockpit.screens.widgets.panels import Panel
from tests.ui.helpers import settle, small_workspace

SIZE = (120, 40)


def titles(app: object, panel: str) -> list[str]:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, DailyScreen)
    return [row.title.plain.split("  +")[0] for row in screen.panel(panel).rows_data]


def by_title(ws: Workspace, title: str) -> int:
    return next(i.id for i in ws.all_items() if i.title == title)


async def focus_on(pilot: object, app: object, panel: str, title: str) -> None:
    screen = app.screen  # type: ignore[attr-defined]
    target: Panel = screen.panel(panel)
    target.focus()
    assert target.select_ref(by_title(app.ws, title))  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def test_panels_show_the_week(tmp_path: Path, clock: FrozenClock) -> None:
    ws = small_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False)
    async with app.run_test(size=SIZE):
        assert titles(app, "key") == ["准备产品周会材料"]
        assert titles(app, "carry") == ["Benchmark PostGIS 3.5 on ARM"]
        assert titles(app, "plan") == [
            "Review PG 17 release notes",
            "Draft logical replication failover PRD",
        ]
        assert titles(app, "ops") == ["社区 meetup 场地确认"]
        customers = [r.title.plain for r in app.screen.panel("customers").rows_data]
        # A top customer never touched comes first, then the overdue follow-up.
        assert [c.split("  ")[0] for c in customers] == ["招商银行", "Acme Telecom"]


async def test_add_with_the_keyboard(tmp_path: Path, clock: FrozenClock) -> None:
    ws = small_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.panel("ops").focus()
        await pilot.press("a")
        await pilot.pause()
        # Typing j, k, x, d into the form must not move, finish or delete anything.
        for ch in "jkxd u":
            await pilot.press("space" if ch == " " else ch)
        await pilot.press("enter")
        await settle(pilot)
        added = [i for i in Workspace(tmp_path / "ws", clock).items() if i.title == "jkxd u"]
        assert len(added) == 1 and added[0].list == "ops" and added[0].week == "2026-W47"
        assert "jkxd u" in titles(app, "ops")
        assert all(
            i.is_open for i in Workspace(tmp_path / "ws", clock).items() if i.week <= "2026-W47"
        )


async def test_done_defer_key_delete_and_multi_step_undo(
    tmp_path: Path, clock: FrozenClock
) -> None:
    ws = small_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await focus_on(pilot, app, "plan", "Review PG 17 release notes")
        await pilot.press("x")
        await settle(pilot)
        fresh = Workspace(tmp_path / "ws", clock)  # what another process would read
        assert fresh.get(by_title(ws, "Review PG 17 release notes")).status == "done"

        await focus_on(pilot, app, "plan", "Draft logical replication failover PRD")
        await pilot.press("greater_than_sign")
        await settle(pilot)
        assert fresh.get(by_title(ws, "Draft logical replication failover PRD")).week == "2026-W48"

        await focus_on(pilot, app, "ops", "社区 meetup 场地确认")
        await pilot.press("exclamation_mark")
        await settle(pilot)
        assert "社区 meetup 场地确认" in titles(app, "key")

        await focus_on(pilot, app, "carry", "Benchmark PostGIS 3.5 on ARM")
        await pilot.press("d")
        await settle(pilot)
        assert "Benchmark PostGIS 3.5 on ARM" not in [i.title for i in fresh.items()]

        for _ in range(4):
            await pilot.press("u")
            await settle(pilot)
        after = {i.title: i for i in Workspace(tmp_path / "ws", clock).items()}
        assert after["Benchmark PostGIS 3.5 on ARM"].week == "2026-W46"
        assert not after["社区 meetup 场地确认"].key
        assert after["Draft logical replication failover PRD"].week == "2026-W47"
        assert after["Review PG 17 release notes"].status == "open"
        await pilot.press("u")  # nothing left: a warning, no crash
        await settle(pilot)


async def test_navigation_keys(tmp_path: Path, clock: FrozenClock) -> None:
    ws = small_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        assert app.screen.focused.id == "panel-key"
        await pilot.press("tab", "tab")
        assert app.screen.focused.id == "panel-plan"
        await pilot.press("j")
        assert app.screen.focused.cursor_row == 1
        await pilot.press("k")
        assert app.screen.focused.cursor_row == 0
        await pilot.press("G")
        assert app.screen.focused.cursor_row == 1
        await pilot.press("g")
        assert app.screen.focused.cursor_row == 0
        await pilot.press("shift+tab")
        assert app.screen.focused.id == "panel-carry"


async def test_find_jumps_to_the_hit(tmp_path: Path, clock: FrozenClock) -> None:
    ws = small_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        for ch in "failover":
            await pilot.press(ch)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        focused = app.screen.focused
        assert isinstance(focused, Panel) and focused.panel == "plan"
        assert focused.current_ref() == by_title(ws, "Draft logical replication failover PRD")


async def test_help_lists_every_key(tmp_path: Path, clock: FrozenClock) -> None:
    from cockpit.screens.dialogs.help import HelpScreen

    ws = small_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        labels = {row.label for row in app.screen.rows}
        for wanted in ("Down", "Up", "Top", "Bottom", "Add", "Edit", "Done", "Defer to next week"):
            assert wanted in labels
        for wanted in ("Key item", "Delete", "Undo", "Find", "Help", "Quit", "Next panel"):
            assert wanted in labels
        keys = {row.label: row.keys for row in app.screen.rows}
        assert "x" in keys["Done"] and "space" in keys["Done"]
        await pilot.press("escape")
        assert isinstance(app.screen, DailyScreen)


async def test_command_palette_lists_actions(tmp_path: Path, clock: FrozenClock) -> None:
    ws = small_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False)
    async with app.run_test(size=SIZE):
        titles_ = [c.title for c in app.get_system_commands(app.screen)]
        for wanted in ("daily: add", "daily: done", "daily: Monday review", "daily: find"):
            assert wanted in titles_


async def test_remapped_key_from_config(tmp_path: Path, clock: FrozenClock) -> None:
    ws = small_workspace(tmp_path / "ws", clock, Config(keys={"done": "z"}))
    app = make_app(ws, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await focus_on(pilot, app, "plan", "Review PG 17 release notes")
        await pilot.press("z")
        await settle(pilot)
        assert ws.get(by_title(ws, "Review PG 17 release notes")).status == "done"


async def test_monday_review_keep_replan_drop(tmp_path: Path, clock: FrozenClock) -> None:
    from cockpit.screens.dialogs.forms import WeekPrompt
    from cockpit.screens.dialogs.review import ReviewScreen

    ws = small_workspace(tmp_path / "ws", clock)
    ws.add("Second carried item", week="2026-W45")
    ws.add("Third carried item", week="2026-W46")
    app = make_app(ws, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert [ws.get(i).title for i in app.screen.queue] == [
            "Second carried item",
            "Benchmark PostGIS 3.5 on ARM",
            "Third carried item",
        ]
        await pilot.press("c")  # keep
        await settle(pilot)
        await pilot.press("p")  # re-plan
        await pilot.pause()
        assert isinstance(app.screen, WeekPrompt)
        await pilot.press("enter")  # default: next week
        await settle(pilot)
        await pilot.press("d")  # drop
        await settle(pilot)
        items = {i.title: i for i in Workspace(tmp_path / "ws", clock).items()}
        kept = items["Second carried item"]
        assert kept.week == "2026-W47" and kept.carried == 1
        assert items["Benchmark PostGIS 3.5 on ARM"].week == "2026-W48"
        assert items["Third carried item"].status == "dropped"
        assert "Review finished" in str(app.screen.query_one("#review-progress").render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DailyScreen)
        assert titles(app, "carry") == []
        assert "Second carried item" in titles(app, "plan")


async def test_rollover_to_monday_without_restart(tmp_path: Path, clock: FrozenClock) -> None:
    ws = small_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        assert "社区 meetup 场地确认" in titles(app, "ops")
        clock.set(dt.datetime(2026, 11, 23, 0, 0, 5))  # Monday of W48, just after midnight
        app.check_rollover()
        await pilot.pause()
        carried = titles(app, "carry")
        assert "社区 meetup 场地确认" in carried and "Review PG 17 release notes" in carried
        assert titles(app, "plan") == ["Plan Q1 roadmap"]
        assert "2026-W48" in (app.screen.sub_title or "")


async def test_reload_after_outside_change(tmp_path: Path, clock: FrozenClock) -> None:
    ws = small_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        other = Workspace(tmp_path / "ws", clock)  # e.g. `cockpit add` from cron
        other.add("Added from the CLI")
        app.check_outside_changes()
        await pilot.pause()
        assert "Added from the CLI" in titles(app, "plan")


async def test_chinese_labels(tmp_path: Path, clock: FrozenClock) -> None:
    i18n.set_language("zh")
    ws = small_workspace(tmp_path / "ws", clock, Config(language="zh"))
    app = make_app(ws, watch=False)
    async with app.run_test(size=SIZE):
        assert str(app.screen.panel("key").border_title).startswith("重点事务")
        assert str(app.screen.panel("carry").border_title).startswith("上周未完成")
        labels = {b.binding.description for b in app.screen.active_bindings.values()}
        assert "完成" in labels and "推迟到下周" in labels


async def test_outside_change_shows_within_two_seconds_by_itself(
    tmp_path: Path, clock: FrozenClock
) -> None:
    import asyncio

    ws = small_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=True)  # the real timers, as the CLI starts it
    async with app.run_test(size=SIZE) as pilot:
        Workspace(tmp_path / "ws", clock).add("Written by cron")
        for _ in range(20):
            await asyncio.sleep(0.1)
            await pilot.pause()
            if "Written by cron" in titles(app, "plan"):
                break
        assert "Written by cron" in titles(app, "plan")


async def test_news_panel_star_read_and_unsafe_links(tmp_path: Path, clock: FrozenClock) -> None:
    from cockpit.feeds.store import EntryStore
    from tests.unit.test_browser import recorder, wait_for

    script, out = recorder(tmp_path)  # a real program as the [ui] browser
    ws = small_workspace(tmp_path / "ws", clock, Config(ui=UiSettings(browser=[str(script)])))
    store = EntryStore(ws.files)
    good, bad = store.add(
        [
            {
                "feed": "Planet",
                "category": "planet",
                "title": "Safe post",
                "link": "https://planet.postgresql.org/x",
                "published": "2026-11-18T01:00:00+00:00",
            },
            {
                "feed": "Evil",
                "category": "competitor",
                "title": "[@click=app.quit]\x1b[2J boom",
                "link": "javascript:alert(1)",
                "published": "2026-11-18T00:00:00+00:00",
            },
        ]
    )
    app = make_app(ws, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        feeds = app.screen.panel("feeds")
        assert [r.title.plain for r in feeds.rows_data][1] == "[@click=app.quit] boom"
        feeds.focus()
        assert feeds.select_ref(good)
        await pilot.press("s")
        await settle(pilot)
        assert EntryStore(Workspace(tmp_path / "ws", clock).files).get(good).starred
        await pilot.press("o")
        await settle(pilot)
        assert wait_for(out) == "https://planet.postgresql.org/x"
        assert store.get(good).read and good not in [r.ref for r in feeds.rows_data]
        out.unlink()
        assert feeds.select_ref(bad)
        await pilot.press("o")  # javascript: is never opened (and the app did not quit)
        await settle(pilot)
        assert not out.exists() and app.is_running
        await pilot.press("m")
        await settle(pilot)
        assert store.get(bad).read


async def test_r_refreshes_feeds_in_the_background(tmp_path: Path, clock: FrozenClock) -> None:
    from cockpit.feeds.subscriptions import FeedList
    from tests.feedserver import FeedServer, read_fixture

    ws = small_workspace(tmp_path / "ws", clock)
    with FeedServer() as server:
        FeedList(ws.files).add(
            server.route("/pg.rss", body=read_fixture("pg-news.rss")), "community"
        )
        app = make_app(ws, watch=False, fetch=False)
        async with app.run_test(size=SIZE) as pilot:
            assert titles(app, "feeds") == []
            await pilot.press("r")
            await app.workers.wait_for_complete()
            await settle(pilot)
            assert titles(app, "feeds")  # the news panel filled from the server


async def test_monday_review_end_says_what_was_skipped_and_is_still_open(
    tmp_path: Path, clock: FrozenClock
) -> None:
    from cockpit.screens.dialogs.review import ReviewScreen
    from tests.ui.render import screen_text

    ws = small_workspace(tmp_path / "ws", clock)
    for n in range(1, 5):
        ws.add(f"Carried {n}", week="2026-W45")
    app = make_app(ws, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert len(app.screen.queue) == 5
        await pilot.press("x")  # Carried 1: done
        await settle(pilot)
        await pilot.press("c")  # Carried 2: kept
        await settle(pilot)
        for _ in range(3):  # Carried 3, Carried 4, Benchmark…: skipped
            await pilot.press("n")
            await pilot.pause()
        drawn = screen_text(app)
        assert "every carried item has a decision" not in drawn
        assert "Review finished: 2 decided (1 kept, 1 done), 3 skipped." in drawn
        assert "Still open (3):" in drawn
        for title in ("Carried 3", "Carried 4", "Benchmark PostGIS 3.5 on ARM"):
            assert f"• {title}" in drawn
        await pilot.press("b")  # back to the last skipped one: decide it
        await pilot.pause()
        await pilot.press("d")
        await settle(pilot)
        drawn = screen_text(app)
        assert "Review finished: 3 decided (1 kept, 1 done, 1 dropped), 2 skipped." in drawn
        assert "Still open (2):" in drawn


async def test_monday_review_end_when_everything_is_decided_in_chinese(
    tmp_path: Path, clock: FrozenClock
) -> None:
    from tests.ui.render import screen_text

    i18n.set_language("zh")
    ws = small_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        await pilot.pause()
        await pilot.press("c")
        await settle(pilot)
        drawn = screen_text(app)
        assert "回顾完成：已处理 1 项（保留 1），所有上周未完成事项都已处理。" in drawn
        await pilot.press("u")
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        drawn = screen_text(app)
        assert "回顾完成：已处理 0 项，跳过 1 项。" in drawn
        assert "仍未处理（1 项）：" in drawn
