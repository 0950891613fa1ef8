"""Reminders (issue 15, item 4): what comes due when, told once per item per day by
whichever cockpit gets there first, across restarts and processes — on a frozen clock."""

from __future__ import annotations

import datetime as dt
import json
import threading
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cockpit.core.clock import FrozenClock
from cockpit.core.config import Config, ConfigError, load_config
from cockpit.core.settings import NotifySettings
from cockpit.items.workspace import Workspace
from cockpit.reminders.due import DueFinder, Reminder
from cockpit.reminders.sent import KEEP_DAYS, SentLog
from cockpit.reminders.words import line, notice, toast
from cockpit.storage import WorkspaceFiles
from cockpit.storage.errors import CorruptFileError
from tests.unit.storage_helpers import cli_env, run_cockpit

SHANGHAI = ZoneInfo("Asia/Shanghai")
# Wednesday 2026-11-18, before `[notify] at` (09:00) and before the 10:00 planning
# routine's reminder (lead 10 minutes: 09:50).
EARLY = dt.datetime(2026, 11, 18, 8, 0, tzinfo=SHANGHAI)


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(EARLY, SHANGHAI)


@pytest.fixture
def ws(tmp_path: Path, clock: FrozenClock) -> Workspace:
    return Workspace(tmp_path / "ws", clock, Config(timezone="Asia/Shanghai"))


def due_keys(ws: Workspace, notify: NotifySettings | None = None) -> list[str]:
    return [r.key for r in DueFinder().due(ws, notify or NotifySettings(), ws.clock.now())]


def fresh(ws: Workspace) -> list[Reminder]:
    """What the app would tell now: due and not told by anyone."""
    told = SentLog(ws.files).told()
    return [r for r in DueFinder().due(ws, ws.config.notify, ws.clock.now()) if r.key not in told]


def test_a_dated_item_is_told_once_from_at_and_again_the_next_day(
    ws: Workspace, clock: FrozenClock
) -> None:
    item = ws.add("Renew 瀚海银行 contract", due=dt.date(2026, 11, 18))
    log = SentLog(ws.files)
    assert fresh(ws) == []  # 08:00: before [notify] at
    clock.set(dt.datetime(2026, 11, 18, 9, 0))
    due = [r for r in fresh(ws) if r.ref == item.id and r.kind == "due"]
    assert [r.key for r in due] == ["item:1@2026-11-18"]
    assert log.claim([due[0].key], clock.now()) == [due[0].key]
    clock.advance(hours=3)
    assert all(r.ref != item.id for r in fresh(ws) if r.kind != "starts")  # told today
    assert log.claim([due[0].key], clock.now()) == []  # and a second claim tells nothing
    clock.set(dt.datetime(2026, 11, 19, 9, 0))  # the next day: still open, now overdue
    again = [r for r in fresh(ws) if r.ref == item.id]
    assert [(r.key, r.kind) for r in again] == [("item:1@2026-11-19", "overdue")]
    assert line(again[0], clock.now()) == "Overdue since 2026-11-18: Renew 瀚海银行 contract"


def test_finished_and_undated_items_are_not_reminded(ws: Workspace, clock: FrozenClock) -> None:
    done = ws.add("Done already", due=dt.date(2026, 11, 18))
    ws.add("No date")
    ws.done(done.id)
    clock.set(dt.datetime(2026, 11, 18, 9, 30))
    assert [k for k in due_keys(ws) if k.startswith("item:")] == []


def test_days_ahead_and_at_move_the_reminder(ws: Workspace, clock: FrozenClock) -> None:
    ws.add("QBR deck", due=dt.date(2026, 11, 20))
    early = NotifySettings(days_ahead=2, at="07:30")
    assert "item:1@2026-11-18" in due_keys(ws, early)  # 08:00 > 07:30, two days ahead
    assert "item:1@2026-11-18" not in due_keys(ws, NotifySettings(days_ahead=1))
    found = DueFinder().due(ws, early, clock.now())
    assert line(found[0], clock.now()) == "Due 2026-11-20: QBR deck"


def test_a_follow_up_comes_due_on_its_day(ws: Workspace, clock: FrozenClock) -> None:
    acme = ws.customers.add("Acme Telecom", next_followup=dt.date(2026, 11, 18))
    ws.customers.add("Later Corp", next_followup=dt.date(2026, 11, 30))
    clock.set(dt.datetime(2026, 11, 18, 9, 1))
    found = [r for r in DueFinder().due(ws, NotifySettings(), clock.now()) if r.kind == "followup"]
    assert [(r.key, r.title) for r in found] == [(f"followup:{acme.id}@2026-11-18", "Acme Telecom")]
    assert line(found[0], clock.now()) == "Follow up with Acme Telecom today"


def test_a_routine_is_told_lead_minutes_before_it_starts(ws: Workspace, clock: FrozenClock) -> None:
    # The default Tue/Wed 10:00 planning routine (120 minutes).
    finder = DueFinder()
    notify = NotifySettings(lead_minutes=10)

    def starting() -> list[Reminder]:
        return [r for r in finder.due(ws, notify, clock.now()) if r.kind == "starts"]

    clock.set(dt.datetime(2026, 11, 18, 9, 49))
    assert starting() == []
    clock.set(dt.datetime(2026, 11, 18, 9, 50))
    (planning,) = starting()
    assert planning.key.startswith("routine:") and planning.key.endswith("@2026-11-18")
    assert line(planning, clock.now()) == "10:00 Product and ops planning, in 10 min"
    clock.set(dt.datetime(2026, 11, 18, 11, 59))  # opened late: still under way, still told
    assert [r.key for r in starting()] == [planning.key]
    assert line(starting()[0], clock.now()) == "10:00 Product and ops planning, now"
    clock.set(dt.datetime(2026, 11, 18, 12, 0))  # over
    assert starting() == []
    # a longer lead time: 30 minutes before
    clock.set(dt.datetime(2026, 11, 18, 9, 30))
    assert [r.key for r in finder.due(ws, NotifySettings(lead_minutes=30), clock.now())] == [
        planning.key
    ]


def test_a_routine_after_midnight_is_told_once_across_the_day_change(
    ws: Workspace, clock: FrozenClock
) -> None:
    from cockpit.calendar.routines import RoutineBook

    RoutineBook(ws).add("Night deploy", weekdays=[3], start="00:05", minutes=30)  # Thursday
    clock.set(dt.datetime(2026, 11, 18, 23, 56))  # Wednesday night, lead 10
    (night,) = [r for r in DueFinder().due(ws, NotifySettings(), clock.now()) if r.kind == "starts"]
    assert night.key.endswith("@2026-11-19")  # named by its own day
    log = SentLog(ws.files)
    assert log.claim([night.key], clock.now()) == [night.key]
    clock.set(dt.datetime(2026, 11, 19, 0, 1))
    assert night.key not in [r.key for r in fresh(ws)]


def test_not_told_again_after_a_restart(tmp_path: Path, clock: FrozenClock) -> None:
    root = tmp_path / "ws"
    first = Workspace(root, clock, Config())
    first.add("Renew contract", due=dt.date(2026, 11, 18))
    clock.set(dt.datetime(2026, 11, 18, 9, 5))
    keys = [r.key for r in fresh(first)]
    assert "item:1@2026-11-18" in keys
    assert SentLog(first.files).claim(keys, clock.now()) == keys
    again = Workspace(root, clock, Config())  # a new app on the same workspace
    assert fresh(again) == []
    assert SentLog(again.files).claim(keys, clock.now()) == []


def test_two_cockpits_claiming_at_once_tell_each_reminder_once(
    tmp_path: Path, clock: FrozenClock
) -> None:
    root = tmp_path / "ws"
    Workspace(root, clock, Config())
    keys = [f"item:{n}@2026-11-18" for n in range(40)]
    won: list[list[str]] = []
    start = threading.Barrier(4)

    def claim() -> None:
        log = SentLog(WorkspaceFiles(root).open())  # each its own handles, as two apps
        start.wait()
        won.append(log.claim(keys, clock.now()))

    threads = [threading.Thread(target=claim) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    told = [key for batch in won for key in batch]
    assert sorted(told) == sorted(keys)  # every key told, none twice


def test_the_cli_and_the_app_share_what_was_told(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    env = cli_env(tmp_path, now="2026-11-18T09:30:00")
    env["TZ"] = "UTC"
    assert run_cockpit(root, "add", "Renew contract", "--due", "today", env=env).returncode == 0
    listed = run_cockpit(root, "remind", "--json", env=env)
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    item = next(r for r in rows if r["key"] == "item:1@2026-11-18")
    assert item == {
        "key": "item:1@2026-11-18",
        "kind": "due",
        "id": 1,
        "title": "Renew contract",
        "date": "2026-11-18",
        "start": None,
        "source": None,
        "told": None,
    }
    marked = run_cockpit(root, "remind", "--mark", "--json", env=env)
    assert [r["key"] for r in json.loads(marked.stdout)] == [r["key"] for r in rows]
    assert json.loads(run_cockpit(root, "remind", "--json", env=env).stdout) == []
    again = json.loads(run_cockpit(root, "remind", "--mark", "--json", env=env).stdout)
    assert again == []  # a second cron run tells nothing
    both = json.loads(run_cockpit(root, "remind", "--all", "--json", env=env).stdout)
    assert next(r for r in both if r["id"] == 1)["told"] == "2026-11-18T09:30:00+00:00"
    # and the app, opened on the workspace after the cron run, has nothing to tell
    ws = Workspace(root, FrozenClock(dt.datetime(2026, 11, 18, 9, 31, tzinfo=dt.UTC)))
    assert fresh(ws) == []
    text = run_cockpit(root, "remind", env=env)
    assert text.stdout.strip() == "Nothing to remind of now."


def test_only_the_last_days_are_kept(ws: Workspace, clock: FrozenClock) -> None:
    log = SentLog(ws.files)
    for day in range(6):
        clock.set(dt.datetime(2026, 11, 18 + day, 9, 0))
        log.claim([f"item:1@2026-11-{18 + day}"], clock.now())
    days = ws.files.raw("reminders")["days"]
    assert len(days) == KEEP_DAYS
    assert sorted(d["day"] for d in days.values()) == ["2026-11-21", "2026-11-22", "2026-11-23"]
    assert all(d["seq"] == 1 for d in days.values())
    log.claim(["followup:2@2026-11-23"], clock.now())
    today = next(d for d in days.values() if d["day"] == "2026-11-23")
    assert today is not ws.files.raw("reminders")["days"][str(dt.date(2026, 11, 23).toordinal())]
    assert ws.files.raw("reminders")["days"][str(dt.date(2026, 11, 23).toordinal())]["seq"] == 2


def test_a_damaged_reminders_file_is_named(tmp_path: Path, clock: FrozenClock) -> None:
    root = tmp_path / "ws"
    Workspace(root, clock, Config())
    (root / "reminders.json").write_text('{"days": {"1": {"day": "2026-11-18", "sent": []}}}')
    with pytest.raises(CorruptFileError, match="sent is a list"):
        SentLog(WorkspaceFiles(root).open()).told()


def test_words_of_a_batch_in_both_languages(clock: FrozenClock) -> None:
    from cockpit.core import i18n

    now = dt.datetime(2026, 11, 18, 9, 50, tzinfo=SHANGHAI)
    day = now.date()
    start = dt.datetime(2026, 11, 18, 10, 0, tzinfo=SHANGHAI)
    batch = [
        Reminder("item:1@x", "due", "[bold]Renew[/bold]", 1, day),
        Reminder("routine:3@x", "starts", "周会", 3, day, start, "routine"),
    ] + [Reminder(f"item:{n}@x", "overdue", f"T{n}", n, day - dt.timedelta(1)) for n in range(9)]
    text = toast(batch, now)
    assert text.splitlines()[:3] == [
        "⏰ 11 reminders",
        "Due today: [bold]Renew[/bold]",
        "10:00 周会, in 10 min",
    ]
    assert text.splitlines()[-1] == "… and 5 more"
    title, body = notice(batch, now)
    assert title == "cockpit: ⏰ 11 reminders"
    assert body.startswith("Due today: [bold]Renew[/bold] · 10:00 周会, in 10 min · ")
    i18n.set_language("zh")
    assert toast(batch[1:2], now) == "⏰ 10:00 周会，10 分钟后开始"
    assert toast(batch, now).splitlines()[0] == "⏰ 提醒 11 条"


@pytest.mark.parametrize(
    ("table", "problem"),
    [
        ("toast = 1", "[notify] toast must be true or false, not 1"),
        ('terminal = "osc99"', "[notify] terminal must be one of"),
        ("lead_minutes = -5", "[notify] lead_minutes must be from 0 to 1_440, not -5"),
        ('at = "25:00"', '[notify] at must be a time of day like "09:00", not "25:00"'),
        ("led_minutes = 5", "did you mean 'lead_minutes'"),
    ],
)
def test_notify_settings_are_checked(tmp_path: Path, table: str, problem: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f"[notify]\n{table}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert problem in str(caught.value)


def test_notify_settings_are_read(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        '[notify]\ntoast = false\nterminal = "osc777"\nbell = false\nlead_minutes = 5\n'
        'days_ahead = 1\nat = "8:30"\n',
        encoding="utf-8",
    )
    notify = load_config(path).notify
    assert (notify.toast, notify.terminal, notify.bell) == (False, "osc777", False)
    assert (notify.lead_minutes, notify.days_ahead, notify.at) == (5, 1, "08:30")
