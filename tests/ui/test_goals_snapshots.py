"""Snapshots of the goals screen and the roadmap on the demo workspace (its quarter of
objectives and its releases), built by the CLI's factory, in English at 120x40 and in
Chinese at 80x24.

Update after an intended visual change with `pytest tests/ui --snapshot-update` and look
at the SVGs before committing them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cockpit.core.clock import FrozenClock
from tests.ui.test_snapshots import demo_app


@pytest.mark.parametrize(("language", "size"), [("en", (120, 40)), ("zh", (80, 24))])
def test_goals_screen(
    snap_compare: Any, tmp_path: Path, clock: FrozenClock, language: str, size: tuple[int, int]
) -> None:
    app = demo_app(tmp_path / "ws", clock, language)
    assert snap_compare(app, terminal_size=size, press=["O", "j", "j", "j", "j"])


def test_roadmap_screen(snap_compare: Any, tmp_path: Path, clock: FrozenClock) -> None:
    app = demo_app(tmp_path / "ws", clock, "en")
    assert snap_compare(app, terminal_size=(120, 40), press=["R", "j"])
