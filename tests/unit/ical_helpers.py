"""Shared helpers of the calendar tests: workspaces in a zone, VEVENT blocks by UID."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from zoneinfo import ZoneInfo

from cockpit.core.clock import FrozenClock
from cockpit.core.config import Config
from cockpit.items.workspace import Workspace

BERLIN = ZoneInfo("Europe/Berlin")
SHANGHAI = ZoneInfo("Asia/Shanghai")
# A Tuesday five days before Europe's clocks go back (Sunday 2026-10-25).
BEFORE_DST_END = dt.datetime(2026, 10, 20, 10, 0, tzinfo=BERLIN)
CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "ical"


def make_ws(root: Path, when: dt.datetime, zone: ZoneInfo, **config: object) -> Workspace:
    """A workspace at `root` whose clock is stopped at `when` in `zone`; `config` sets
    `path` or an area's setting by its TOML name (`caldav_url` is `[caldav] url`)."""
    cfg = Config(timezone=zone.key)
    for name, value in config.items():
        if name in ("path", "language"):
            setattr(cfg, name, value)
            continue
        area, setting = name.split("_", 1)
        setattr(getattr(cfg, area), setting, value)
    return Workspace(root, FrozenClock(when, zone), cfg)


def vevents(data: bytes) -> dict[str, bytes]:
    """UID -> the exact bytes of its VEVENT block."""
    out = {}
    for block in re.findall(rb"BEGIN:VEVENT\r\n.*?END:VEVENT\r\n", data, re.S):
        unfolded = block.replace(b"\r\n ", b"")
        uid = re.search(rb"^UID:(.*)\r$", unfolded, re.M)
        assert uid is not None
        out[uid.group(1).decode()] = block
    return out


def outside_vevents(data: bytes) -> bytes:
    """Everything of an export except its VEVENT blocks (header, VTIMEZONE)."""
    return re.sub(rb"BEGIN:VEVENT\r\n.*?END:VEVENT\r\n", b"", data, flags=re.S)
