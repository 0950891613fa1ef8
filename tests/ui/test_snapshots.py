"""Snapshots of the main screens on the demo workspace, built by the CLI's factory.

Update after an intended visual change with `pytest tests/ui --snapshot-update` and look
at the SVGs before committing them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cockpit.app import CockpitApp, make_app
from cockpit.core import i18n
from cockpit.core.clock import FrozenClock
from cockpit.core.config import Config
from cockpit.demo.build import build_demo
from cockpit.items.workspace import Workspace


def demo_app(root: Path, clock: FrozenClock, language: str) -> CockpitApp:
    i18n.set_language(language)
    ws = Workspace(root, clock, Config(language=language))
    build_demo(ws)
    # No refresh: its progress on the news panel's border would race the picture.
    return make_app(ws, watch=False, fetch=False)


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
def test_daily_screen(
    snap_compare: Any, tmp_path: Path, clock: FrozenClock, language: str, size: tuple[int, int]
) -> None:
    app = demo_app(tmp_path / "ws", clock, language)
    assert snap_compare(app, terminal_size=size)


def test_monday_review_screen(snap_compare: Any, tmp_path: Path, clock: FrozenClock) -> None:
    app = demo_app(tmp_path / "ws", clock, "en")
    assert snap_compare(app, terminal_size=(120, 40), press=["v"])


def test_help_screen(snap_compare: Any, tmp_path: Path, clock: FrozenClock) -> None:
    app = demo_app(tmp_path / "ws", clock, "zh")
    assert snap_compare(app, terminal_size=(120, 40), press=["question_mark"])
