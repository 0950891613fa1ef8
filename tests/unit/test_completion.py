"""`cockpit completion bash|zsh|fish`: scripts generated from the parser, checked by the
shells themselves (syntax, and real completions in bash and fish)."""

from __future__ import annotations

import argparse
import shutil
import subprocess
from pathlib import Path

import pytest

from cockpit.cli.main import build_parser, main

SHELLS = ["bash", "zsh", "fish"]


def script(shell: str, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert main(["completion", shell]) == 0
    return capsys.readouterr().out


def commands() -> dict[str, list[str]]:
    """Top-level command -> its actions, read from the parser (so a new one is covered)."""
    tree: dict[str, list[str]] = {}
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    for name, parser in sub.choices.items():
        inner = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        tree[name] = sorted(inner[0].choices) if inner else []
    return tree


def needs(shell: str) -> pytest.MarkDecorator:
    return pytest.mark.skipif(shutil.which(shell) is None, reason=f"{shell} is not installed")


@pytest.mark.parametrize("shell", SHELLS)
def test_every_command_and_action_is_in_the_script(
    shell: str, capsys: pytest.CaptureFixture[str]
) -> None:
    text = script(shell, capsys)
    tree = commands()
    assert {"add", "ls", "doctor", "completion", "feeds", "ical", "restore"} <= tree.keys()
    for name, actions in tree.items():
        assert name in text, name
        for action in actions:
            assert action in text, f"{name} {action}"
    for option in ("data-dir", "config", "json", "demo"):
        assert (f"-l {option}" if shell == "fish" else f"--{option}") in text


def test_unknown_shell_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["completion", "tcsh"])
    assert exc.value.code == 2
    assert "invalid choice: 'tcsh'" in capsys.readouterr().err


BASH_PROBE = """
source "$1"
complete -p cockpit >/dev/null || exit 3
complete_words() {
  COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()
  _shtab_cockpit
  printf '%s\\n' "${COMPREPLY[@]}" | sort | tr '\\n' ' '; echo
}
complete_words cockpit doc
complete_words cockpit feeds ""
complete_words cockpit report week --lang ""
complete_words cockpit --config ""
"""


def test_bash_parses_and_completes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cockpit.bash"
    path.write_text(script("bash", capsys))
    assert subprocess.run(["bash", "-n", str(path)], capture_output=True).returncode == 0
    (tmp_path / "work").mkdir()
    (tmp_path / "work" / "my-config.toml").write_text("")
    done = subprocess.run(
        ["bash", "-c", BASH_PROBE, "probe", str(path)],
        cwd=tmp_path / "work",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    doc, feeds, lang, config = done.stdout.splitlines()
    assert doc.split() == ["doctor"]
    assert feeds.split() == commands()["feeds"]
    assert lang.split() == ["en", "zh"]
    assert "my-config.toml" in config.split()  # a path option completes file names


@needs("zsh")
def test_zsh_parses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = script("zsh", capsys)
    assert text.startswith("#compdef cockpit")  # what compinit looks for on the fpath
    path = tmp_path / "_cockpit"
    path.write_text(text)
    done = subprocess.run(["zsh", "-n", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@needs("fish")
def test_fish_parses_and_completes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cockpit.fish"
    path.write_text(script("fish", capsys))
    done = subprocess.run(["fish", "--no-execute", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    probe = f"source {path}; complete -C 'cockpit doc'; echo SPLIT; complete -C 'cockpit feeds '"
    done = subprocess.run(
        ["fish", "--no-config", "-c", probe], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    doc, feeds = done.stdout.split("SPLIT\n")
    assert [line.split("\t")[0] for line in doc.splitlines()] == ["doctor"]
    assert sorted(line.split("\t")[0] for line in feeds.splitlines()) == commands()["feeds"]
