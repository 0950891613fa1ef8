"""The CLI called in process, as the CLI contract tests use it: `main()` with
`--data-dir`, its exit status and what it printed."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from cockpit.cli.main import main


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


Run = Callable[..., Result]


def runner(root: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    """`cockpit --data-dir ROOT ARGS...` run in this process, its output captured."""

    def run(*args: str) -> Result:
        capsys.readouterr()
        code = main(["--data-dir", str(root), *args])
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return run
