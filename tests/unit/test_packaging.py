"""pyproject.toml is the source of truth and the lock follows it; the package list is whole.

The lock (requirements/*.txt, written by `make lock`) must pin a version inside every
range of pyproject.toml, with hashes, and the runtime and dev sets must agree on every
package they share. These checks read files only; tests/unit/test_wheel.py builds and
installs the real wheel.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

REPO = Path(__file__).resolve().parents[2]
LOCKS = REPO / "requirements"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def pyproject() -> dict[str, Any]:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def read_lock(name: str) -> dict[str, tuple[Version, int]]:
    """Package -> (pinned version, number of hashes) of one lock file."""
    pins: dict[str, tuple[Version, int]] = {}
    current: str | None = None
    for line in (LOCKS / name).read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match:
            current = canonicalize_name(match.group(1))
            pins[current] = (Version(match.group(2)), 0)
        elif line.strip().startswith("--hash=sha256:") and current is not None:
            version, hashes = pins[current]
            pins[current] = (version, hashes + 1)
    return pins


def check_satisfied(requirements: list[str], pins: dict[str, tuple[Version, int]]) -> None:
    for text in requirements:
        req = Requirement(text)
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is in pyproject.toml but not in the lock: make lock"
        version, _hashes = pins[name]
        assert req.specifier.contains(version, prereleases=True), (
            f"the lock pins {req.name}=={version}, outside pyproject.toml's {req.specifier}: "
            "make lock"
        )


@pytest.mark.parametrize("lock", ["bootstrap.txt", "runtime.txt", "dev.txt"])
def test_every_pin_has_hashes(lock: str) -> None:
    pins = read_lock(lock)
    assert pins
    assert not [name for name, (_v, hashes) in pins.items() if hashes == 0]


def test_runtime_lock_satisfies_the_ranges() -> None:
    check_satisfied(pyproject()["project"]["dependencies"], read_lock("runtime.txt"))


def test_dev_lock_satisfies_runtime_and_dev_ranges() -> None:
    project = pyproject()["project"]
    pins = read_lock("dev.txt")
    check_satisfied(project["dependencies"], pins)
    check_satisfied(project["optional-dependencies"]["dev"], pins)


def test_runtime_lock_has_no_dev_tool() -> None:
    dev_only = {
        canonicalize_name(Requirement(r).name)
        for r in pyproject()["project"]["optional-dependencies"]["dev"]
    }
    assert not dev_only & read_lock("runtime.txt").keys()


def test_runtime_and_dev_locks_agree() -> None:
    runtime, dev = read_lock("runtime.txt"), read_lock("dev.txt")
    assert runtime.keys() <= dev.keys()
    assert {n: runtime[n][0] for n in runtime} == {n: dev[n][0] for n in runtime}


def test_bootstrap_lock_builds_the_package() -> None:
    data = pyproject()
    pins = read_lock("bootstrap.txt")
    check_satisfied(data["build-system"]["requires"], pins)
    check_satisfied(data["dependency-groups"]["bootstrap"], pins)
    assert "pip" in pins


def holds_package(path: Path) -> bool:
    """A folder that ships: Python modules, or the package data folder."""
    if not path.is_dir() or path.name == "__pycache__":
        return False
    return path.name == "data" or any(p.suffix == ".py" for p in path.iterdir())


def test_every_package_folder_is_listed() -> None:
    """`package-dir` rules out automatic discovery, so a new folder must be listed by
    hand; a missing one works in the editable install and breaks only the wheel."""
    setuptools = pyproject()["tool"]["setuptools"]
    found: set[str] = set()
    for name, folder in setuptools["package-dir"].items():
        top = REPO / folder
        for path in filter(holds_package, [top, *top.rglob("*")]):
            found.add(".".join([name, *path.relative_to(top).parts]))
    assert found == set(setuptools["packages"])
