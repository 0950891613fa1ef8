"""A workspace written before text was sanitised at entry gets its stored text cleaned
once (escape sequences and invisible characters could otherwise reach the terminal)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from cockpit.core.clock import FrozenClock
from cockpit.items.upgrade import TEXT_CLEAN
from cockpit.items.workspace import Workspace
from tests.unit.storage_helpers import PYTHON

HOSTILE = "\x1b]0;PWNED\x07Prepare \u200bQBR\x1b[31m deck"


def _plant(root: Path) -> None:
    """Write raw text into stored records, as cockpit 0.1 let through from the CLI."""
    items = json.loads((root / "items.json").read_text())
    items["items"]["1"]["title"] = HOSTILE
    items["items"]["1"]["notes"] = "line one\n\x1b[2Jline two"
    items["items"]["1"]["tags"] = ["ok", "q\u2060br"]
    (root / "items.json").write_text(json.dumps(items))
    marker = json.loads((root / "workspace.json").read_text())
    marker.pop("upgrades", None)  # as cockpit 0.1 wrote it
    (root / "workspace.json").write_text(json.dumps(marker))
    customers = json.loads((root / "customers.json").read_text())
    customers["customers"]["1"]["name"] = "\ufeff瀚海\x1b[5m银行"
    (root / "customers.json").write_text(json.dumps(customers))


def test_old_stored_text_is_cleaned_once(tmp_path: Path, clock: FrozenClock) -> None:
    root = tmp_path / "ws"
    ws = Workspace(root, clock)
    ws.add("Prepare QBR deck", notes="line one")
    ws.customers.add("瀚海银行")
    ws.maintain()
    _plant(root)

    again = Workspace(root, clock)
    again.maintain()
    item = again.get(1)
    assert item.title == "Prepare QBR deck"
    assert item.notes == "line one\nline two"
    assert item.tags == ["ok", "qbr"]
    assert again.customers.all()[0].name == "瀚海银行"
    assert TEXT_CLEAN in json.loads((root / "workspace.json").read_text())["upgrades"]

    # Once only: text planted after the upgrade (a hand edit) is left for the CLI's
    # output filter and the renderer, and the upgrade does not scan every file again.
    stamp = (root / "items.json").stat().st_mtime_ns
    Workspace(root, clock).maintain()
    assert (root / "items.json").stat().st_mtime_ns == stamp


def test_cli_ls_on_an_old_workspace_shows_no_escape(tmp_path: Path, clock: FrozenClock) -> None:
    root = tmp_path / "ws"
    ws = Workspace(root, clock)
    ws.add("Prepare QBR deck")
    ws.customers.add("瀚海银行")
    ws.maintain()
    _plant(root)
    env = dict(
        os.environ, COCKPIT_NOW=clock.now().isoformat(), COCKPIT_CONFIG=str(tmp_path / "none.toml")
    )
    out = subprocess.run(
        [PYTHON, "-m", "cockpit", "--data-dir", str(root), "ls", "--json"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    assert json.loads(out)[0]["title"] == "Prepare QBR deck"
    stored = json.loads((root / "items.json").read_text())["items"]["1"]["title"]
    assert stored == "Prepare QBR deck"
