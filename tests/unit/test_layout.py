"""The import contract: no textual below the UI, no rich for the CLI, no files at import."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.unit.storage_helpers import PYTHON

BELOW_THE_UI = [
    "cockpit.storage",
    "cockpit.feeds.store",
    "cockpit.feeds.sanitize",
    "cockpit.items.workspace",
    "cockpit.items.rules",
    "cockpit.core.model",
    "cockpit.core.weeks",
    "cockpit.customers.book",
    "cockpit.cli.items",
    "cockpit.cli.main",
    "cockpit.core.changes",
    "cockpit.core.errors",
    "cockpit.calendar.agenda",
    "cockpit.planning.requirements",
    "cockpit.metrics.trends",
    "cockpit.report.build",
    "cockpit.find.index",
    "cockpit.demo.build",
    "cockpit.net.download",
    "cockpit.doctor.describe",
    "cockpit.cli.doctor",
    "cockpit.cli.completion",
]

PROBE = """
import importlib, json, sys
importlib.import_module(sys.argv[1])
loaded = sorted({name.split(".")[0] for name in sys.modules})
print(json.dumps(loaded))
"""


def isolated_env(home: Path) -> dict[str, str]:
    """An environment whose home, XDG dirs and cockpit paths all point into `home`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "COCKPIT_"))}
    env["HOME"] = str(home)
    for var, sub in (
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_RUNTIME_DIR", "run"),
    ):
        env[var] = str(home / sub)
    env["TMPDIR"] = str(home / "tmp")
    return env


def loaded_after_import(module: str, home: Path, cwd: Path) -> set[str]:
    done = subprocess.run(
        [PYTHON, "-c", PROBE, module],
        env=isolated_env(home),
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout))


@pytest.mark.parametrize("module", BELOW_THE_UI)
def test_no_textual_below_the_ui(module: str, tmp_path: Path) -> None:
    loaded = loaded_after_import(module, tmp_path, tmp_path)
    assert "cockpit" in loaded  # the probe really imported something of ours
    assert "textual" not in loaded
    if module == "cockpit.cli.main":
        assert "rich" not in loaded


def test_importing_the_cli_touches_no_file(tmp_path: Path) -> None:
    home, cwd = tmp_path / "home", tmp_path / "cwd"
    home.mkdir()
    cwd.mkdir()
    loaded = loaded_after_import("cockpit.cli.main", home, cwd)
    assert "cockpit" in loaded
    assert list(home.iterdir()) == []
    assert list(cwd.iterdir()) == []


def test_building_the_parser_touches_no_file(tmp_path: Path) -> None:
    """`cockpit --help` resolves no data or config dir either."""
    home = tmp_path / "home"
    home.mkdir()
    done = subprocess.run(
        [PYTHON, "-m", "cockpit", "--help"],
        env=isolated_env(home),
        cwd=home,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "usage: cockpit" in done.stdout
    assert list(home.iterdir()) == []


# the architecture: layers kept by import-linter, folders small enough to read ----------
REPO = Path(__file__).resolve().parents[2]
PRODUCT = ("cockpit", "screens", "feeds", "storage")


def test_import_contracts_hold() -> None:
    """`lint-imports` (the contracts in pyproject.toml) passes on the installed layout."""
    done = subprocess.run(
        [str(REPO / "tools" / "layers.sh")], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "broken" in done.stdout and " 0 broken" in done.stdout


def test_no_folder_holds_more_than_15_modules() -> None:
    for top in PRODUCT:
        for folder in [REPO / top, *(p for p in (REPO / top).rglob("*") if p.is_dir())]:
            if folder.name == "__pycache__":
                continue
            modules = [p for p in folder.glob("*.py") if p.name != "__init__.py"]
            assert len(modules) <= 15, f"{folder.relative_to(REPO)} holds {len(modules)} modules"


def test_every_package_is_installed_and_says_what_it_is() -> None:
    """Each folder of product code is a package listed in pyproject.toml, whose first
    docstring names its job (a newcomer reads the tree from these)."""
    import tomllib

    listed = set(
        tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    for top in PRODUCT:
        for init in (REPO / top).rglob("__init__.py"):
            rel = init.parent.relative_to(REPO).parts
            name = ".".join(("cockpit", *rel)) if top != "cockpit" else ".".join(rel)
            assert name in listed, f"{name} is not in [tool.setuptools] packages"
            assert init.read_text().lstrip().startswith('"""'), f"{name} has no docstring"
