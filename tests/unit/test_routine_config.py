"""Routines from config.toml: change a default by key, add one, switch one off."""

from __future__ import annotations

from pathlib import Path

import pytest

from cockpit.calendar.routines import RoutineBook
from cockpit.core.clock import FrozenClock
from cockpit.core.config import load_config
from cockpit.core.errors import ConfigError
from cockpit.items.workspace import Workspace
from cockpit.storage.jsonstore import file_stamp

CONFIG = """
[[routines]]
key = "mon_meeting"
start = "10:30"
minutes = 120

[[routines]]
key = "wed_partner_sync"
title = "Partner sync"
title_zh = "伙伴周会"
weekdays = ["wed", 5]
start = "16:00"
checklist = ["Roadmap | 规划", "Delivery"]

[[routines]]
key = "fri_reading"
enabled = false
"""


def test_config_routines_change_add_and_remove(tmp_path: Path, clock: FrozenClock) -> None:
    path = tmp_path / "config.toml"
    path.write_text(CONFIG, encoding="utf-8")
    ws = Workspace(tmp_path / "ws", clock, load_config(path))
    book = RoutineBook(ws)
    by_key = {r.key: r for r in book.all()}
    assert by_key["mon_meeting"].start == "10:30" and by_key["mon_meeting"].minutes == 120
    assert by_key["mon_meeting"].seq == 1  # an edit: calendar apps see a new SEQUENCE
    partner = by_key["wed_partner_sync"]
    assert partner.weekdays == [2, 4] and partner.title("zh") == "伙伴周会"
    assert partner.checklist == [("Roadmap", "规划"), ("Delivery", "Delivery")]
    assert "fri_reading" not in by_key
    assert ws.undo_stack == []  # configuration is not an undoable user action
    # Applied once: reading again (same config) writes nothing.
    before = file_stamp(ws.files.path("calendar"))
    again = Workspace(tmp_path / "ws", clock, load_config(path))
    RoutineBook(again).all()
    assert file_stamp(again.files.path("calendar")) == before


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ('[[routines]]\nstart = "09:00"', "has no key"),
        ('[[routines]]\nkey = "x"\nweekdays = ["someday"]', "not a weekday"),
        ('[[routines]]\nkey = "x"\nstart = "25:99"', "start must be a time"),
        ('[[routines]]\nkey = "x"\ncolour = "red"', "unknown field"),
    ],
)
def test_bad_routine_entries_are_refused_with_a_sentence(
    tmp_path: Path, body: str, problem: str
) -> None:
    path = tmp_path / "config.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError, match=problem):
        load_config(path)
