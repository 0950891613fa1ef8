"""Building small, known workspaces for the Pilot tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.pilot import Pilot

from cockpit.app import CockpitApp
from cockpit.core.clock import FrozenClock
from cockpit.core.config import Config
from cockpit.items.workspace import Workspace


def small_workspace(root: Path, clock: FrozenClock, config: Config | None = None) -> Workspace:
    """Two plan items, one ops, one key, one carried, one future; two customers."""
    ws = Workspace(root, clock, config)
    ws.add("Review PG 17 release notes", tags=["pg"], due=dt.date(2026, 11, 20))
    ws.add("Draft logical replication failover PRD", customer="招商银行")
    ws.add("社区 meetup 场地确认", list_name="ops")
    ws.add("准备产品周会材料", list_name="key")
    ws.add("Benchmark PostGIS 3.5 on ARM", week="2026-W46")
    ws.add("Plan Q1 roadmap", week="2026-W48")
    ws.customers.add("招商银行", tier="top", industry="银行")
    ws.customers.add("Acme Telecom", tier="key", next_followup=dt.date(2026, 11, 17))
    ws.undo_stack.clear()
    return ws


async def settle(pilot: Pilot[None]) -> None:
    """Let queued writes finish and the screen redraw."""
    app = pilot.app
    assert isinstance(app, CockpitApp)
    for _ in range(50):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if not app.pending:
            break
    await pilot.pause()
