"""How a reminder reaches the terminal: which notification (OSC 9, OSC 777) a terminal
is told with, tmux's passthrough, and sequences that untrusted titles cannot break."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from cockpit.reminders.terminal import Notice, decide, one_line, sequence, tmux_wrap

OSC9 = Notice("osc9", False, "")
OSC777 = Notice("osc777", False, "")


@pytest.mark.parametrize(
    ("env", "kind"),
    [
        ({"TERM_PROGRAM": "iTerm.app", "TERM": "xterm-256color"}, "osc9"),
        ({"TERM": "xterm-kitty", "KITTY_WINDOW_ID": "1"}, "osc9"),
        ({"TERM_PROGRAM": "WezTerm"}, "osc777"),
        ({"TERM_PROGRAM": "ghostty", "TERM": "xterm-ghostty"}, "osc777"),
        ({"TERM": "foot"}, "osc777"),
        ({"TERM": "rxvt-unicode-256color"}, "osc777"),
        ({"TERM": "xterm-256color", "VTE_VERSION": "7600"}, "osc777"),
        ({"TERM": "xterm-256color"}, None),  # plain xterm: the bell
        ({"TERM_PROGRAM": "Apple_Terminal", "TERM": "xterm-256color"}, None),
        ({}, None),
    ],
)
def test_auto_tells_the_terminal_from_its_environment(env: dict[str, str], kind: str) -> None:
    found = decide("auto", env)
    assert (found.kind, found.tmux) == (kind, False)


def test_the_setting_forces_or_silences() -> None:
    assert decide("osc9", {"TERM": "xterm"}).kind == "osc9"
    assert decide("osc777", {}).kind == "osc777"
    assert decide("off", {"TERM_PROGRAM": "iTerm.app"}).kind is None


def test_inside_tmux_the_client_terminal_and_passthrough_decide() -> None:
    asked: list[list[str]] = []

    def tmux(termtype: str, passthrough: str):  # type: ignore[no-untyped-def]
        def ask(args: list[str]) -> str:
            asked.append(args)
            return passthrough if "allow-passthrough" in args[-1] else termtype

        return ask

    env = {"TMUX": "/tmp/tmux-1/default,1,0", "TERM": "tmux-256color", "TERM_PROGRAM": "tmux"}
    kitty = decide("auto", env, tmux("kitty(0.35.2)\nxterm-kitty\n", "1\n"))
    assert (kitty.kind, kitty.tmux) == ("osc9", True)
    foot = decide("auto", env, tmux("foot(1.16.2)\nfoot\n", "on"))
    assert (foot.kind, foot.tmux) == ("osc777", True)
    closed = decide("auto", env, tmux("kitty(0.35.2)\nxterm-kitty\n", "0\n"))
    assert closed.kind is None and "allow-passthrough" in closed.reason
    assert decide("auto", env, tmux("XTerm(390)\nxterm-256color\n", "1")).kind is None
    assert decide("osc9", env, tmux("", "0")).kind is None  # tmux would swallow it
    assert asked[0] == ["display", "-p", "#{client_termtype}\n#{client_termname}"]


@pytest.fixture
def tmux_server(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A private tmux server with one pane, and the environment a program in it has."""
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed (make test installs it)")
    socket = tmp_path / "tmux.sock"
    base = ["tmux", "-S", str(socket), "-f", "/dev/null"]
    subprocess.run([*base, "new-session", "-d", "-s", "r", "sleep 60"], check=True, timeout=10)
    pane = subprocess.run(
        [*base, "display", "-p", "-t", "r", "#{pane_id}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    env = dict(os.environ, TMUX=f"{socket},1,0", TMUX_PANE=pane, TERM="tmux-256color")
    try:
        yield env
    finally:
        subprocess.run([*base, "kill-server"], check=False, timeout=10)


def test_a_real_tmux_is_asked_about_its_passthrough(tmux_server: dict[str, str]) -> None:
    env = tmux_server
    shut = decide("osc9", env)
    assert shut.kind is None and shut.reason == "tmux without allow-passthrough"
    subprocess.run(["tmux", "set", "-g", "allow-passthrough", "on"], env=env, check=True)
    open_ = decide("osc9", env)
    assert (open_.kind, open_.tmux) == ("osc9", True)
    # no client attached: tmux cannot say which terminal it is in, auto stays quiet
    assert decide("auto", env).kind is None


def test_sequences() -> None:
    assert sequence(OSC9, "cockpit", "Due today: X") == "\x1b]9;cockpit: Due today: X\x07"
    assert sequence(OSC777, "cockpit", "Due today: X") == "\x1b]777;notify;cockpit;Due today: X\x07"
    assert sequence(Notice(None, False, ""), "cockpit", "x") == ""
    wrapped = sequence(Notice("osc9", True, ""), "cockpit", "X")
    assert wrapped == "\x1bPtmux;\x1b\x1b]9;cockpit: X\x07\x1b\\"
    assert tmux_wrap("\x1b]9;a\x07") == "\x1bPtmux;\x1b\x1b]9;a\x07\x1b\\"


def test_untrusted_titles_cannot_end_or_start_a_sequence() -> None:
    hostile = "A\x07\x1b]0;pwned\x1b\\B\nC\u202eD;E\x9b31m"
    seq = sequence(OSC777, "x;y", hostile)
    assert seq == "\x1b]777;notify;x,y;A]0;pwned\\B CD;E31m\x07"
    assert seq.count("\x1b") == 1 and seq.count("\x07") == 1
    osc9 = sequence(OSC9, "4;1", "")  # ConEmu reads `9;4;…` as a progress command
    assert osc9 == "\x1b]9;cockpit: 4;1\x07"
    assert len(one_line("长" * 500)) == 240 and one_line("长" * 500).endswith("…")
