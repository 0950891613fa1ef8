"""The `cockpit_term` fixture: a real `cockpit` in tmux, on a temporary workspace and
config, with the clock frozen. `make test` installs tmux where it is missing."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import FROZEN
from tests.terminal.cells import Grid
from tests.terminal.tmux import Terminal, tmux_available

SIZES = {"120x40": (120, 40), "80x24": (80, 24)}


class CockpitTerminal(Terminal):
    """A cockpit TUI in its own tmux pane, with the workspace and config it runs on."""

    data_dir: Path
    config: Path
    env: dict[str, str]

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run the command line on the same workspace, config and clock."""
        return subprocess.run(
            [sys.executable, "-m", "cockpit", "--data-dir", str(self.data_dir), *args],
            capture_output=True,
            text=True,
            env={**os.environ, **self.env},
            timeout=60,
        )

    def quit(self, key: str = "q") -> int | None:
        """Quit from the daily screen; the exit status (None if it did not end)."""
        self.send(key)
        try:
            self.wait_for(lambda g: "COCKPIT-EXITED" in g.text, timeout=10)
        except AssertionError:
            return None
        return self.exit_status()


StartCockpit = Callable[..., CockpitTerminal]


@pytest.fixture
def cockpit_term(tmp_path: Path) -> Iterator[StartCockpit]:
    """Start cockpit in tmux: `cockpit_term(size=(80, 24), lang="zh", demo=True)`.

    Keyword arguments: `size` (cols, rows), `lang` ("en"/"zh"), `demo` (a fresh demo
    copy instead of the temporary workspace), `config` (extra TOML lines), `colours`
    ("truecolor" or "256"), `now` (ISO time of the frozen clock), `setup` (called with
    the terminal before the app starts, e.g. to add items through the CLI).
    """
    if not tmux_available():
        pytest.skip("tmux is not installed (make test installs it: apt-get install tmux)")
    started: list[CockpitTerminal] = []

    def start(
        *,
        size: tuple[int, int] = (120, 40),
        lang: str = "en",
        demo: bool = False,
        config: str = "",
        colours: str = "truecolor",
        now: str = FROZEN.isoformat(),
        setup: Callable[[CockpitTerminal], object] | None = None,
        ready: str | Callable[[Grid], object] | None = None,
    ) -> CockpitTerminal:
        home = tmp_path / f"term{len(started)}"
        home.mkdir()
        term = CockpitTerminal(home, *size)
        term.data_dir = home / "data"
        term.config = home / "config.toml"
        term.config.write_text(f'language = "{lang}"\n{config}\n', encoding="utf-8")
        term.env = {
            "COCKPIT_NOW": now,
            "COCKPIT_CONFIG": str(term.config),
            "COCKPIT_DATA_DIR": str(term.data_dir),
            # 256 colours: what a terminal without truecolor (or screen/tmux without
            # the RGB flag) shows; Textual then maps every colour to the 256 palette.
            "COLORTERM": "truecolor" if colours == "truecolor" else "",
            "LANG": "C.UTF-8",
        }
        if setup is not None:
            setup(term)
        argv = [sys.executable, "-m", "cockpit"]
        argv += ["--demo"] if demo else ["--data-dir", str(term.data_dir)]
        started.append(term)
        term.start(argv, term.env, cwd=home)
        term.wait_for(ready or (lambda g: "cockpit" in g.line(0) and bool(g.line(-1).strip())))
        return term

    yield start
    for term in started:
        term.close()
