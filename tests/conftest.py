"""Shared fixtures: every test gets its own data/config dirs and a frozen clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cockpit.core import i18n
from cockpit.core.clock import FrozenClock

SHANGHAI = ZoneInfo("Asia/Shanghai")
# A Wednesday in ISO week 2026-W47.
FROZEN = dt.datetime(2026, 11, 18, 10, 0, tzinfo=SHANGHAI)
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No test reads the user's config or data, or depends on today's date."""
    monkeypatch.setenv("COCKPIT_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("COCKPIT_DATA_DIR", str(tmp_path / "default-data"))
    monkeypatch.setenv("COCKPIT_NOW", FROZEN.isoformat())
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(FROZEN, SHANGHAI)
