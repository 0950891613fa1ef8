"""Several processes on one workspace: no lost change, no broken file, even under kill -9."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest

from cockpit.items.workspace import Workspace
from tests.unit.storage_helpers import PYTHON, cli_env, open_ws, read_json, run_cockpit

pytestmark = pytest.mark.slow

PRELUDE = """
import datetime as dt, json, sys, time
from pathlib import Path
from cockpit.core.clock import FrozenClock
from cockpit.items.workspace import Workspace

ws = Workspace(Path(sys.argv[1]), FrozenClock(dt.datetime(2026, 11, 18, 12, tzinfo=dt.UTC)))

def wait_for(flag):
    while not Path(flag).exists():
        time.sleep(0.001)
"""

# argv: root tag count go-flag
WRITER = (
    PRELUDE
    + """
tag, count, go = sys.argv[2], int(sys.argv[3]), sys.argv[4]
print("ready", flush=True)
wait_for(go)
for n in range(count):
    ws.add(f"{tag}-{n}")
print("finished", flush=True)
"""
)

# argv: root go-flag stop-flag. Holds the workspace open like the TUI: reads between
# its own toggles and keeps going until the writers are finished.
HOLDER = (
    PRELUDE
    + """
go, stop = sys.argv[2], sys.argv[3]
mine = [ws.add(f"holder-{n}").id for n in range(5)]
print("ready", flush=True)
wait_for(go)
toggles = {i: 0 for i in mine}
sizes = set()
n = 0
while n < 30 or not Path(stop).exists():
    item_id = mine[n % len(mine)]
    ws.toggle_key(item_id)
    toggles[item_id] += 1
    sizes.add(len(ws.items()))
    n += 1
ws.done(mine[0])
seen = sorted(i.title for i in ws.items())
print(json.dumps({"toggles": toggles, "seen": seen, "sizes": sorted(sizes)}), flush=True)
"""
)

# argv: root prefix. Prints "ID open" once add() returned, "ID done" once done() did.
APPENDER = (
    PRELUDE
    + """
prefix = sys.argv[2]
print("ready", flush=True)
n = 0
while True:
    item = ws.add(f"{prefix}-{n}")
    print(item.id, "open", flush=True)
    if n % 3 == 2:
        ws.done(item.id)
        print(item.id, "done", flush=True)
    n += 1
"""
)


def spawn(script: str, *args: str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [PYTHON, "-c", script, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def wait_ready(proc: subprocess.Popen[str]) -> None:
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if line.strip() != "ready":
        _, err = proc.communicate(timeout=10)
        pytest.fail(f"helper process did not start: {line!r} {err}")


def test_two_writers_and_an_open_workspace_lose_nothing(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    open_ws(root)  # create it up front
    env = cli_env(tmp_path)
    go, stop = tmp_path / "go", tmp_path / "stop"

    holder = spawn(HOLDER, str(root), str(go), str(stop), env=env)
    wait_ready(holder)
    writers = [spawn(WRITER, str(root), tag, "100", str(go), env=env) for tag in "AB"]
    for proc in writers:
        wait_ready(proc)
    go.touch()
    for proc in writers:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert out.strip() == "finished"
    stop.touch()
    out, err = holder.communicate(timeout=60)
    assert holder.returncode == 0, err
    report = json.loads(out)
    toggles = {int(k): v for k, v in report["toggles"].items()}

    items = {i.id: i for i in open_ws(root).items()}
    expected = {f"{tag}-{n}" for tag in "AB" for n in range(100)}
    expected |= {f"holder-{n}" for n in range(5)}
    titles = [i.title for i in items.values()]
    assert sorted(titles) == sorted(expected)  # every add present, none twice
    assert set(items) == set(range(1, 206))  # unique, gap-free ids
    for tag in "AB":  # each writer's ids grow in the order it added
        ids = [next(i.id for i in items.values() if i.title == f"{tag}-{n}") for n in range(100)]
        assert ids == sorted(ids)
    # Not one of the holder's own changes was overwritten by a writer's stale copy.
    assert set(toggles) == {i.id for i in items.values() if i.title.startswith("holder-")}
    first = min(toggles)
    for item_id, count in toggles.items():
        item = items[item_id]
        assert item.key == (count % 2 == 1)
        assert item.seq == count + (item_id == first)
    assert items[first].status == "done"
    # And the open workspace saw the other processes' items without reopening.
    assert set(report["seen"]) == expected
    assert sum(toggles.values()) >= 30
    # (Whether its reads landed part-way through the writers' adds is up to the
    # scheduler, so it is not asserted: a loaded CI machine may serialise them.)


def test_concurrent_cli_adds_get_unique_ids(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    env = cli_env(tmp_path)
    procs = [
        subprocess.Popen(
            [PYTHON, "-m", "cockpit", "--data-dir", str(root), "add", f"cli {n}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for n in range(8)
    ]
    reported = []
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        reported.append(int(out.split("#")[1].split()[0]))
    assert sorted(reported) == list(range(1, 9))
    items = {i.id: i.title for i in open_ws(root).items()}
    assert sorted(items.values()) == sorted(f"cli {n}" for n in range(8))
    assert sorted(items) == list(range(1, 9))
    # They raced for the first daily backup of the day: exactly one, complete, survives.
    assert [p.name for p in (root / "backups").iterdir()] == ["2026-11-18"]
    assert run_cockpit(root, "ls", env=env).returncode == 0


def test_kill_9_never_breaks_a_file_or_loses_an_acknowledged_change(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    open_ws(root)
    env = cli_env(tmp_path)
    rng = random.Random(20261118)
    acked_open: dict[int, str] = {}
    acked_done: set[int] = set()

    for round_no in range(10):
        prefix = f"r{round_no}"
        proc = spawn(APPENDER, str(root), prefix, env=env)
        wait_ready(proc)
        time.sleep(rng.uniform(0.020, 0.150))
        os.kill(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate(timeout=10)
        assert proc.returncode == -signal.SIGKILL
        lines = out.split("\n")[:-1]  # only complete lines were acknowledged
        for line in lines:
            item_id, what = line.split()
            if what == "open":
                acked_open[int(item_id)] = prefix
            else:
                acked_done.add(int(item_id))

        # Every file still parses ...
        for path in root.glob("*.json"):
            json.loads(path.read_bytes())
        # ... the workspace opens and reads ...
        ws = Workspace(root, open_ws(root).clock)
        items = {i.id: i for i in ws.items()}
        # ... and everything acknowledged is there.
        missing = set(acked_open) - set(items)
        assert not missing, f"round {round_no}: acknowledged ids lost: {sorted(missing)}"
        for item_id, pre in acked_open.items():
            assert items[item_id].title.startswith(pre + "-")
        for item_id in acked_done:
            assert items[item_id].status == "done", item_id
        # Titles are unique (no add applied twice) and the id counter never goes back.
        titles = [i.title for i in items.values()]
        assert len(titles) == len(set(titles))
        counter = read_json(ws.files.path("items"))["meta"]["1"]["next_item"]
        assert counter > max(items)

    assert len(acked_open) >= 20, "the appender hardly ran; the test proved nothing"
    assert acked_done
