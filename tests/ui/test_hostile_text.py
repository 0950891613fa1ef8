"""Every screen, with markup and escape sequences in every kind of record, driven by its
real keys: the app keeps running and the text is drawn exactly as written (issue 11, 1).

Hostile text comes from `tests/fixtures/hostile/text.json` and is stored through the
domain, as the CLI, a form, an import or a feed would store it. Assertions read what is
drawn (the compositor's lines, toasts included), never widget state.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from textual.pilot import Pilot

from cockpit.app import CockpitApp, make_app
from cockpit.calendar.routines import RoutineBook
from cockpit.core.browser import Opened
from cockpit.core.clock import FrozenClock
from cockpit.feeds.store import EntryStore
from cockpit.feeds.subscriptions import FeedList
from cockpit.items.workspace import Workspace
from cockpit.metrics import book as metrics
from cockpit.metrics.specs import TABLE_NAMES
from cockpit.planning import launches, requirements
from cockpit.report.notes import NoteBook
from cockpit.screens.reading import entry_actions
from cockpit.screens.widgets.panels import Panel
from tests.ui.helpers import settle
from tests.ui.render import screen_text

HOSTILE = json.loads(
    (Path(__file__).parents[1] / "fixtures" / "hostile" / "text.json").read_text("utf-8")
)
SIZE = (120, 40)
# Short enough to be drawn whole in a panel row, a border title or a toast.
ITEM = "[/red]x!"  # crashed the app on `x` (unbalanced closing tag in a toast)
CLICK = "[@click=app.quit]q[/]"  # became a live action in a toast
CUSTOMER = "[/b]Corp"  # crashed the customers screen (border title)
FEED = "[/x]Feed"
ENTRY = "[/x]entry"
LINK = "https://e.example/[/x]"
ROUTINE = "[/i]sync"
CHECK = "[b]tick"
REQ = "[/u]req"
LAUNCH = "[/s]go"
HIGHLIGHT = "[link=x]hl"
ACTIVITY = "[/m]act"
ESCAPED = "\x1b]0;PWNED\x07esc"  # stored as "esc"
FORBIDDEN = ("\x1b", "\x07", "PWNED", "\u200b", "\u202e")


def hostile_workspace(root: Path, clock: FrozenClock) -> Workspace:
    ws = Workspace(root, clock)
    today = clock.today()
    ws.customers.add(CUSTOMER, tier="top", industry="[/i]ind", notes="[bold]n[/bold]")
    ws.add(ITEM, tags=["[/t]"], customer=CUSTOMER, notes="[/n]")
    ws.add(CLICK, list_name="ops")
    ws.add(ESCAPED, list_name="key")
    ws.add("[/c]carried", week="2026-W46")
    for text in HOSTILE["escapes"] + HOSTILE["invisible"]:
        ws.add(text, week="2026-W48")
    ws.customers.touch(CUSTOMER, "[/r]call")
    ws.customers.edit(CUSTOMER, next_followup=today - dt.timedelta(days=1))  # due a call
    feeds = FeedList(ws.files)
    feed = feeds.add("https://e.example/feed", "[/cat]", FEED)
    EntryStore(ws.files).add(
        [
            {
                "feed_id": feed.id,
                "feed": FEED,
                "category": "[/cat]",
                "title": ENTRY,
                "link": LINK,
                "published": "2026-11-18T01:00:00+00:00",
                "summary": "[/p] summary " + HOSTILE["escapes"][0],
            },
            {
                "feed_id": feed.id,
                "feed": FEED,
                "category": "[/cat]",
                "title": "[/y]second",
                "link": "https://e.example/2",
                "published": "2026-11-17T01:00:00+00:00",
                "summary": "",
            },
        ]
    )
    RoutineBook(ws).add(
        ROUTINE, ROUTINE, weekdays=[today.weekday()], start="23:00", minutes=30, checklist=[CHECK]
    )
    req = requirements.add(ws, REQ, customer=CUSTOMER, notes="[/notes]")
    requirements.move(ws, req.id, "reviewed", "[/why]")
    launch = launches.new(ws, LAUNCH, today + dt.timedelta(days=2))
    launches.update_item(ws, launch.name, 1, owner="[/o]", note="[/note]")
    NoteBook(ws).set_week_notes(highlights=[HIGHLIGHT], thoughts="[/th] thoughts")
    metrics.put_rows(
        ws, "ops", [{"month": "2026-10", "activity": ACTIVITY, "follows": 3, "conversions": 1}]
    )
    ws.undo_stack.clear()
    return ws


def drawn(app: CockpitApp) -> str:
    text = screen_text(app)
    for bad in FORBIDDEN:
        assert bad not in text, f"{bad!r} reached the screen"
    return text


def alive(app: CockpitApp) -> None:
    assert app.is_running and app._exception is None, app._exception


async def step(pilot: Pilot[None], *keys: str) -> str:
    """Press `keys` (toasts of earlier steps cleared first) and return what is drawn."""
    pilot.app.clear_notifications()
    for key in keys:
        await pilot.press(key)
        await settle(pilot)
    app = pilot.app
    assert isinstance(app, CockpitApp)
    alive(app)
    return drawn(app)


async def shows(pilot: Pilot[None], text: str, tries: int = 40) -> bool:
    """True once `text` is drawn (a finder searches as keys arrive: give it time)."""
    for _ in range(tries):
        app = pilot.app
        assert isinstance(app, CockpitApp)
        if text in drawn(app):
            return True
        await pilot.pause(0.05)
    return False


async def focus_row(pilot: Pilot[None], panel_id: str, ref: int) -> None:
    panel = pilot.app.screen.query_one(f"#{panel_id}", Panel)
    panel.focus()
    assert panel.select_ref(ref)
    await settle(pilot)


def item_id(ws: Workspace, title: str) -> int:
    return next(i.id for i in ws.items() if i.title == title)


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Links `o` opens, recorded instead of starting a browser."""
    urls: list[str] = []

    def record(url: str, command: object = None, **_kw: object) -> Opened:
        urls.append(url)
        return Opened(True, via="test")

    monkeypatch.setattr(entry_actions, "open_link_with", record)
    return urls


async def test_daily_screen_keys_with_hostile_text(
    tmp_path: Path, clock: FrozenClock, opened: list[str]
) -> None:
    ws = hostile_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        text = drawn(app)
        for shown in (ITEM, CLICK, "esc", "[/c]carried", CUSTOMER, ENTRY, ROUTINE):
            assert shown in text, shown
        await focus_row(pilot, "panel-plan", item_id(ws, ITEM))
        assert f"Done: {ITEM}" in await step(pilot, "x")  # the toast that crashed
        assert ITEM in await step(pilot, "u")
        await focus_row(pilot, "panel-plan", item_id(ws, ITEM))
        assert ITEM in await step(pilot, "exclamation_mark")
        await focus_row(pilot, "panel-ops", item_id(ws, CLICK))
        text = await step(pilot, "greater_than_sign")
        assert CLICK in text  # "deferred" toast: the click action is text, not live
        await pilot.click("Toast")  # a live [@click=app.quit] would end the app here
        await settle(pilot)
        alive(app)
        await focus_row(pilot, "panel-key", item_id(ws, "esc"))
        assert ITEM in await step(pilot, "u", "u")
        # the item form shows the title in its field and its own title
        await focus_row(pilot, "panel-plan", item_id(ws, ITEM))
        await step(pilot, "e")
        await step(pilot, "escape")
        # news panel: star, read, open (the link holds markup too)
        entry = next(e.id for e in EntryStore(ws.files).all() if e.title == ENTRY)
        await focus_row(pilot, "panel-feeds", entry)
        assert ENTRY in await step(pilot, "s")
        assert LINK in await step(pilot, "o")  # opened, so read: it leaves the panel
        assert opened == [LINK]
        second = next(ref for _p, ref, _f, _c in EntryStore(ws.files).index() if ref != entry)
        await focus_row(pilot, "panel-feeds", second)
        assert "[/y]second" in await step(pilot, "m")
        # customers due: enter opens the customer's form (its title names the customer)
        await focus_row(pilot, "panel-customers", ws.customers.find(CUSTOMER).id)
        assert CUSTOMER in await step(pilot, "enter")
        await step(pilot, "escape")
        # the agenda: the routine and its checklist line, ticked with x
        agenda = app.screen.query_one("#panel-agenda", Panel)
        agenda.focus()
        await settle(pilot)
        for n, row in enumerate(agenda.rows_data):
            if CHECK in row.title.plain:
                agenda.move_cursor(row=n)
        assert CHECK in await step(pilot, "x")


async def test_finder_palette_and_help_with_hostile_text(
    tmp_path: Path, clock: FrozenClock
) -> None:
    ws = hostile_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        for query, shown in (
            ("red x", ITEM),
            ("corp", CUSTOMER),
            ("entry", ENTRY),
            ("req", REQ),
            ("go", LAUNCH),
            ("click", CLICK),
        ):
            await step(pilot, "slash", *query)
            assert await shows(pilot, shown), query
            await step(pilot, "escape")
        await step(pilot, "slash", *"corp", "enter")  # jumps to the customer
        await step(pilot, "ctrl+p")
        assert "[caldav]" in await step(pilot, *"sync")  # the CalDAV help keeps it
        await step(pilot, "escape")
        assert "?" in await step(pilot, "question_mark")
        await step(pilot, "escape")


async def test_customers_screen_with_hostile_names(tmp_path: Path, clock: FrozenClock) -> None:
    ws = hostile_workspace(tmp_path / "ws", clock)
    ws.customers.add("Acme", tier="normal")
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        text = await step(pilot, "C")
        assert CUSTOMER in text
        # selecting the customer puts its name in the card's border title (it crashed)
        table = app.screen.query_one("#cust-table", Panel)
        table.select_ref(ws.customers.find(CUSTOMER).id)
        text = await step(pilot, "j", "k")
        assert text.count(CUSTOMER) >= 2 and "[/r]call" in text and "[bold]n[/bold]" in text
        table.select_ref(ws.customers.find(CUSTOMER).id)
        assert CUSTOMER in await step(pilot, "t")  # touch form, titled with the name
        assert f"{CUSTOMER}" in await step(pilot, *"[/x]", "enter")  # "touched" toast
        assert CUSTOMER in await step(pilot, "e")
        await step(pilot, "escape")
        text = await step(pilot, "c", *"[/why]", "enter")  # churn risk, reason in toast
        assert "[/why]" in text
        text = await step(pilot, "l")  # link an item: the picker lists hostile titles
        assert ITEM in text
        assert ITEM in await step(pilot, "enter")
        await step(pilot, "s", "1", "2", "0", "u")
        await step(pilot, "escape")


async def test_reading_screen_keys_with_hostile_feeds(
    tmp_path: Path, clock: FrozenClock, opened: list[str]
) -> None:
    ws = hostile_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        text = await step(pilot, "f")
        for shown in (FEED, ENTRY, "[/cat]", LINK, "[/p] summary"):
            assert shown in text, shown
        assert ENTRY in await step(pilot, "s")
        assert ENTRY in await step(pilot, "m")
        assert LINK in await step(pilot, "o")
        assert opened == [LINK]
        assert ENTRY in await step(pilot, "t")  # file it: the dialog shows the title
        assert ENTRY in await step(pilot, "n", "enter")  # no comment; the "noted" toast
        await step(pilot, "t", "i")  # …and as an item
        feedlist = app.screen.query_one("#panel-feedlist", Panel)
        feedlist.focus()
        text = await step(pilot, "j", "j")
        assert FEED in text
        await step(pilot, "slash", *"entry", "enter", "escape")


async def test_planning_screens_with_hostile_records(tmp_path: Path, clock: FrozenClock) -> None:
    ws = hostile_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        text = await step(pilot, "P")  # requirement pool
        for shown in (REQ, CUSTOMER, "[/notes]", "[/why]"):
            assert shown in text, shown
        assert REQ in await step(pilot, "m")  # move form, titled with the requirement
        assert REQ in await step(pilot, *"[/because]", "enter")
        assert REQ in await step(pilot, "greater_than_sign")
        await step(pilot, "escape", "e", "escape", "3", "0", "u", "escape")
        text = await step(pilot, "L")  # launches
        assert LAUNCH in text
        assert "[/o]" in await step(pilot, "tab")
        await step(pilot, "x", "e", "escape", "u", "escape")
        await step(pilot, "M")  # metrics: the ops table holds the activity
        tables = app.screen.query_one("#metrics-tables", Panel)
        tables.focus()
        tables.select_ref(TABLE_NAMES.index("ops"))
        text = await step(pilot, "tab")
        assert ACTIVITY in text
        await step(pilot, "e", "escape", "escape")
        text = await step(pilot, "w")  # routines
        assert ROUTINE in text
        assert ROUTINE in await step(pilot, "x")
        await step(pilot, "e", "escape", "s", "u", "escape")


async def test_review_report_and_notes_with_hostile_text(
    tmp_path: Path, clock: FrozenClock
) -> None:
    ws = hostile_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        assert "[/c]carried" in await step(pilot, "v")  # Monday review of the carry-over
        await step(pilot, "c")  # kept: the review ends
        assert "[/c]carried" in await step(pilot, "u")  # undone: back on the card
        await step(pilot, "escape")
        text = await step(pilot, "W")  # the weekly report preview
        for shown in (HIGHLIGHT, "[/th] thoughts"):
            assert shown in text, shown
        assert ITEM in await step(pilot, "G")  # open work: part 5, at the end
        await step(pilot, "escape")
        assert HIGHLIGHT in await step(pilot, "n")  # the week's notes form
        await step(pilot, "escape")
