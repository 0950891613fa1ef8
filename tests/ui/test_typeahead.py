"""Keys that arrive together (typed ahead, or a burst from a slow connection) are taken
one at a time: a key waits until what the one before it opened or focused is ready."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.pilot import Pilot

from cockpit.app import make_app
from cockpit.core.clock import FrozenClock
from tests.ui.helpers import settle, small_workspace


def burst(pilot: Pilot[None], *keys: str) -> None:
    """Hand keys to the app the way a terminal read does: all at once, no waiting."""
    driver = pilot.app._driver
    assert driver is not None
    for key in keys:
        char = {"enter": "\r", "tab": "\t", "space": " "}.get(key, key if len(key) == 1 else None)
        driver.send_message(events.Key(key, char))


async def wait_until(pilot: Pilot[None], test: object, tries: int = 200) -> None:
    for _ in range(tries):
        await settle(pilot)
        if callable(test) and test():
            return
        await pilot.pause(0.02)


async def test_adds_typed_ahead_of_their_form(tmp_path: Path, clock: FrozenClock) -> None:
    ws = small_workspace(tmp_path / "ws", clock)
    before = {i.id: (i.title, i.status, i.list) for i in ws.items()}
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for n in range(5):
            burst(pilot, "a", *f"undo add {n}", "enter")
        await wait_until(pilot, lambda: len(ws.items()) == len(before) + 5)
        titles = [i.title for i in ws.items()]
        assert [f"undo add {n}" for n in range(5)] == [t for t in titles if t.startswith("undo")]
        # The burst's `u`, `d`, `a`, `enter` did nothing on the daily screen.
        assert {i.id: (i.title, i.status, i.list) for i in ws.items() if i.id in before} == before


async def test_tab_and_text_typed_ahead_go_to_the_next_field(
    tmp_path: Path, clock: FrozenClock
) -> None:
    ws = small_workspace(tmp_path / "ws", clock)
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        burst(pilot, "a", *"tabbed", "tab", "tab", "tab", *"2026-11-27", "enter")
        await wait_until(pilot, lambda: any(i.title == "tabbed" for i in ws.items()))
        item = next(i for i in ws.items() if i.title == "tabbed")
        assert item.due == "2026-11-27"
