"""Reminders in the open app (issue 15, item 4): on the clock tick a dated item, a
follow-up or a routine about to start raises one toast (drawn as text, never markup),
the terminal's notification when `[notify] terminal` allows one, else the bell; once
per item per day, across a restart; a watch-word entry raises one too (item 7)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cockpit.app import CockpitApp, make_app
from cockpit.core import i18n
from cockpit.core.clock import FrozenClock
from cockpit.core.config import Config
from cockpit.feeds.store import EntryStore
from cockpit.feeds.subscriptions import FeedList
from cockpit.items.workspace import Workspace
from cockpit.screens.daily.screen import DailyScreen
from tests.ui.helpers import settle
from tests.ui.render import toast_text
from tests.ui.rendered import drawn
from tests.ui.test_watch_reading import _entry

SHANGHAI = ZoneInfo("Asia/Shanghai")
NINE = dt.datetime(2026, 11, 18, 9, 0, tzinfo=SHANGHAI)  # Wednesday, `[notify] at`
TITLE = "Renew [bold]瀚海银行[/bold] contract"  # markup in a title stays text


def workspace(root: Path, clock: FrozenClock, **notify: object) -> Workspace:
    config = Config(timezone="Asia/Shanghai")
    for name, value in notify.items():
        setattr(config.notify, name, value)
    ws = Workspace(root, clock, config)
    if not ws.items():
        ws.add(TITLE, due=dt.date(2026, 11, 18))
    return ws


async def tick(app: CockpitApp, pilot: object) -> None:
    app.reminders.check()
    await settle(pilot)  # type: ignore[arg-type]


def capture(app: CockpitApp) -> list[str]:
    written: list[str] = []
    app.reminders.out = written.append
    return written


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
async def test_a_due_item_raises_one_toast_and_one_notification(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    clock = FrozenClock(NINE - dt.timedelta(minutes=1), SHANGHAI)
    ws = workspace(tmp_path / "ws", clock, terminal="osc9")
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=size, notifications=True) as pilot:
        written = capture(app)
        await tick(app, pilot)
        assert not app._notifications and written == []  # 08:59: not yet
        clock.set(NINE)
        await tick(app, pilot)
        assert [n.message for n in app._notifications] == [f"⏰ Due today: {TITLE}"]
        assert not next(iter(app._notifications)).markup
        assert f"Due today: {TITLE}" in toast_text(app)  # drawn as written
        assert all(strip.cell_length == size[0] for strip in drawn(app))
        assert written == [f"\x1b]9;cockpit: Due today: {TITLE}\x07"]
        app.clear_notifications()
        clock.advance(hours=3, minutes=40)  # 12:40, after the 10:00-12:00 routine
        await tick(app, pilot)
        await tick(app, pilot)
        assert not app._notifications and len(written) == 1  # once a day
        clock.set(NINE + dt.timedelta(days=1))  # still open the next day: once again
        await tick(app, pilot)
        assert [n.message for n in app._notifications] == [f"⏰ Overdue since 2026-11-18: {TITLE}"]
        assert len(written) == 2


async def test_not_told_again_after_a_restart(tmp_path: Path) -> None:
    clock = FrozenClock(NINE, SHANGHAI)
    first = make_app(workspace(tmp_path / "ws", clock), watch=False, fetch=False)
    async with first.run_test(notifications=True) as pilot:
        capture(first)
        await tick(first, pilot)
        assert len(first._notifications) == 1
    clock.advance(minutes=30)
    again = make_app(workspace(tmp_path / "ws", clock), watch=False, fetch=False)
    async with again.run_test(notifications=True) as pilot:
        written = capture(again)
        await tick(again, pilot)
        assert not again._notifications and written == []


async def test_the_bell_when_the_terminal_has_no_notification(tmp_path: Path) -> None:
    clock = FrozenClock(NINE, SHANGHAI)
    app = make_app(workspace(tmp_path / "ws", clock, terminal="off"), watch=False, fetch=False)
    async with app.run_test(notifications=True) as pilot:
        written = capture(app)
        await tick(app, pilot)
        assert written == ["\a"] and len(app._notifications) == 1


@pytest.mark.parametrize(
    ("notify", "toasts", "out"),
    [
        ({"terminal": "off", "bell": False}, 1, []),  # the toast only
        ({"toast": False, "terminal": "osc777"}, 0, ["\x1b]777;notify;cockpit;Due today: "]),
        ({"toast": False, "terminal": "off", "bell": False}, 0, []),  # all off: not even kept
    ],
)
async def test_each_channel_is_switched_on_its_own(
    tmp_path: Path, notify: dict[str, object], toasts: int, out: list[str]
) -> None:
    clock = FrozenClock(NINE, SHANGHAI)
    app = make_app(workspace(tmp_path / "ws", clock, **notify), watch=False, fetch=False)
    async with app.run_test(notifications=True) as pilot:
        written = capture(app)
        await tick(app, pilot)
        assert len(app._notifications) == toasts
        assert [w[: len(o)] for w, o in zip(written, out, strict=True)] == out
    told = app.ws.files.raw("reminders").get("days", {})
    assert bool(told) == bool(toasts or out)


@pytest.mark.parametrize(
    ("program", "out"),
    [("", []), ("iTerm.app", ["\x1b]9;cockpit: Due today: "])],
    ids=["none", "iterm"],
)
async def test_a_reminder_nothing_can_show_is_not_kept_as_told(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, program: str, out: list[str]
) -> None:
    # Toast and bell off, and `terminal = "auto"` on a terminal without a notification of
    # its own: nothing shows it, so it must stay untold for a window (or cron) that can.
    for name in ("TMUX", "TMUX_PANE", "KITTY_WINDOW_ID", "VTE_VERSION", "TERM_PROGRAM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    if program:
        monkeypatch.setenv("TERM_PROGRAM", program)
    clock = FrozenClock(NINE, SHANGHAI)
    ws = workspace(tmp_path / "ws", clock, toast=False, bell=False, terminal="auto")
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(notifications=True) as pilot:
        written = capture(app)
        await tick(app, pilot)
        assert [w[: len(o)] for w, o in zip(written, out, strict=True)] == out
        assert not app._notifications
    assert bool(app.ws.files.raw("reminders").get("days", {})) == bool(out)


async def test_a_routine_about_to_start_in_chinese(tmp_path: Path) -> None:
    i18n.set_language("zh")
    clock = FrozenClock(dt.datetime(2026, 11, 18, 9, 45, tzinfo=SHANGHAI), SHANGHAI)
    config = Config(language="zh", timezone="Asia/Shanghai")
    config.notify.lead_minutes = 15
    config.notify.at = "11:00"  # dated work later: only the routine now
    ws = Workspace(tmp_path / "ws", clock, config)
    ws.add("续约", due=dt.date(2026, 11, 18))
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        capture(app)
        await tick(app, pilot)
        assert [n.message for n in app._notifications] == ["⏰ 10:00 产品与运营规划，15 分钟后开始"]
        assert "⏰ 10:00 产品与运营规划，15 分钟后开始" in toast_text(app)


async def test_a_watch_word_entry_raises_one_reminder(tmp_path: Path) -> None:
    clock = FrozenClock(dt.datetime(2026, 11, 18, 8, 0, tzinfo=SHANGHAI), SHANGHAI)
    ws = workspace(tmp_path / "ws", clock, terminal="off")
    ws.config.feeds.watch = ["pgvector"]
    feed = FeedList(ws.files).add("https://planet.example.org/rss", "planet", "Planet")
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(notifications=True) as pilot:
        written = capture(app)
        screen = app.screen
        assert isinstance(screen, DailyScreen)
        EntryStore(ws.files).add([_entry(feed, "pgvector 0.9 released", "18T00")])
        screen.reload()
        await settle(pilot)
        told = [n.message for n in app._notifications]
        assert len(told) == 1 and "1 new entry on your watch list (pgvector)" in told[0]
        assert written == ["\a"]
        assert any(k.startswith("entry:") for k in app.reminders.log.told())
    # a second app on the workspace that sees the same entry arrive tells nothing
    again = make_app(ws.detached(), watch=False, fetch=False)
    async with again.run_test(notifications=True) as pilot:
        written = capture(again)
        screen = again.screen
        assert isinstance(screen, DailyScreen)
        screen._watch_seen = 0  # as if it had started before the entry arrived
        screen._feeds_stamp = None
        screen.reload()
        await settle(pilot)
        assert not again._notifications and written == []


async def test_the_palette_shows_what_is_due_told_or_not(tmp_path: Path) -> None:
    clock = FrozenClock(NINE, SHANGHAI)
    app = make_app(workspace(tmp_path / "ws", clock), watch=False, fetch=False)
    async with app.run_test(notifications=True) as pilot:
        capture(app)
        await tick(app, pilot)  # told once
        app.clear_notifications()
        await pilot.press("ctrl+p")
        await pilot.press(*i18n.t("cmd.reminders"))
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert [n.message for n in app._notifications] == [f"⏰ Due today: {TITLE}"]
        assert len(app.ws.files.raw("reminders")["days"]) == 1  # nothing more recorded
        clock.set(dt.datetime(2026, 11, 18, 8, 0, tzinfo=SHANGHAI))
        app.clear_notifications()
        app.reminders.show_due()
        await pilot.pause()
        assert [n.message for n in app._notifications] == ["Nothing to remind of now."]
