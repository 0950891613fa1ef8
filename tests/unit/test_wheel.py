"""The wheel works anywhere: built from the tracked files alone, installed into a fresh
virtual environment (away from this checkout), it runs the command line and the TUI.

Offline: the runtime dependencies come from the wheelhouse `make test` fills from the
lock (`.venv/wheelhouse`); when it is missing (pytest run by hand) the test fills it
first, which needs the package index once.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import cockpit

pytestmark = pytest.mark.wheel

REPO = Path(__file__).resolve().parents[2]
LOCK = REPO / "requirements" / "runtime.txt"
WHEELHOUSE = Path(sys.prefix) / "wheelhouse"

TUI_PROBE = """
import asyncio, importlib, pkgutil, sys
from pathlib import Path

import cockpit
from cockpit.core.clock import FrozenClock
from cockpit.demo.build import make_demo_workspace
import datetime as dt

# Every module of the package imports (a sub-package left out of the wheel fails here).
names = [m.name for m in pkgutil.walk_packages(cockpit.__path__, "cockpit.")]
for name in names:
    importlib.import_module(name)

from cockpit.app import make_app
from cockpit.screens import STYLESHEET
from cockpit.screens.daily.screen import DailyScreen

async def main():
    when = dt.datetime(2026, 11, 18, 10, 0, tzinfo=dt.UTC)
    ws = make_demo_workspace(FrozenClock(when, dt.UTC))
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DailyScreen), app.screen
        lines = ["".join(s.text for s in strip) for strip in app.screen._compositor.render_strips()]
    print(len(names), STYLESHEET.is_file(), Path(cockpit.__file__).parent)
    print("\\n".join(lines))

asyncio.run(main())
"""


def run(argv: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(argv, env=env, cwd=cwd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{argv}\n{done.stdout}\n{done.stderr}"
    return done


def clean_env(tmp_path: Path) -> dict[str, str]:
    """No checkout on the path, no user files, no pip configuration of this machine."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PIP_", "COCKPIT_"))}
    env.update(
        HOME=str(tmp_path / "home"),
        XDG_CONFIG_HOME=str(tmp_path / "home" / ".config"),
        XDG_DATA_HOME=str(tmp_path / "home" / ".local" / "share"),
        PIP_CONFIG_FILE=os.devnull,
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        COCKPIT_NOW="2026-11-18T10:00:00+00:00",
    )
    (tmp_path / "home").mkdir()
    return env


def source_copy(target: Path) -> Path:
    """The files git knows (tracked, or new and not ignored): what a clone would have."""
    listed = subprocess.run(
        ["git", "-C", str(REPO), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        src = REPO / name
        if src.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, target / name)
    return target


def test_wheel_installs_and_runs_in_a_fresh_venv(tmp_path: Path) -> None:
    env = clean_env(tmp_path)
    if not any(WHEELHOUSE.glob("textual-*.whl")):
        fetch = ["download", "--quiet", "--require-hashes", "--no-deps", "-r", str(LOCK)]
        run(
            [sys.executable, "-m", "pip", *fetch, "-d", str(WHEELHOUSE)], dict(os.environ), tmp_path
        )

    # Build from a copy of the tracked files (setuptools from the lock, no network).
    src = source_copy(tmp_path / "src")
    run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "-w", str(tmp_path / "dist"), str(src)], env, tmp_path)  # fmt: skip
    (wheel,) = (tmp_path / "dist").glob("cockpit_pm-*.whl")
    assert wheel.name.startswith(f"cockpit_pm-{cockpit.__version__}-py3-none-any")

    # A fresh venv: the locked runtime set (hash-checked, offline), then the wheel.
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", str(venv)], env, tmp_path)
    py, bin_dir = venv / "bin" / "python", venv / "bin"
    pip = [str(py), "-m", "pip", "install", "--quiet", "--no-index"]
    run([*pip, "--find-links", str(WHEELHOUSE), "--require-hashes", "-r", str(LOCK)], env,
        tmp_path)  # fmt: skip
    run([*pip, "--no-deps", str(wheel)], env, tmp_path)
    run([str(py), "-m", "pip", "check"], env, tmp_path)  # the wheel's requirements are met

    home = tmp_path / "home"
    cli = [str(bin_dir / "cockpit"), "--data-dir", str(home / "ws")]
    assert run([str(bin_dir / "cockpit"), "--version"], env, home).stdout.strip() == (
        f"cockpit {cockpit.__version__}"
    )
    run([*cli, "add", "Ship the wheel", "--tag", "release"], env, home)
    items = json.loads(run([*cli, "ls", "--json"], env, home).stdout)
    assert [(i["title"], i["tags"]) for i in items] == [("Ship the wheel", ["release"])]
    # Package data: the bundled OPML of default feeds.
    run([*cli, "feeds", "import", "--defaults"], env, home)
    assert len(json.loads(run([*cli, "feeds", "ls", "--json"], env, home).stdout)) > 10
    assert "_shtab_cockpit" in run([*cli, "completion", "bash"], env, home).stdout
    doctor = json.loads(run([*cli, "doctor", "--json"], env, home).stdout)
    assert doctor["version"] == cockpit.__version__ and doctor["data_dir"]["workspace"]

    # The TUI: every module imports, the stylesheet loads, the demo paints the daily screen.
    out = run([str(py), "-c", TUI_PROBE], env, home).stdout.splitlines()
    count, has_css, where = out[0].split(" ", 2)
    assert int(count) > 80 and has_css == "True"
    assert Path(where).is_relative_to(venv)  # the installed copy, not this checkout
    screen = "\n".join(out[1:])
    assert "Key items" in screen and "Last week's carry-over" in screen
