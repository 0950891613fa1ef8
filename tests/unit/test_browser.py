"""Opening links: the `[ui] browser` command (argv, never a shell), the system's
graphical browser, and knowing when there is none (no display, text browsers only)."""

from __future__ import annotations

import os
import stat
import sys
import time
import webbrowser
from pathlib import Path

import pytest

from cockpit.core.browser import no_system_browser, open_link, parse_command
from cockpit.core.config import load_config
from cockpit.core.errors import ConfigError

HOSTILE = "https://example.com/a?q=$(touch PWNED)&b=`id`;rm -rf x|y"


def recorder(tmp_path: Path, name: str = "fake-browser", status: int = 0) -> tuple[Path, Path]:
    """A real program that writes its arguments, one per line, to a file."""
    out = tmp_path / f"{name}.args"
    script = tmp_path / name
    script.write_text(
        f"#!{sys.executable}\nimport sys\n"
        f"open({str(out)!r}, 'w').write('\\n'.join(sys.argv[1:]))\nsys.exit({status})\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script, out


def wait_for(path: Path) -> str:
    for _ in range(100):
        if path.exists() and path.read_text():
            return path.read_text()
        time.sleep(0.05)
    raise AssertionError(f"{path} was never written")


def test_parse_command() -> None:
    assert parse_command("firefox --new-tab") == ["firefox", "--new-tab"]
    assert parse_command('"/Applications/My Browser" -x') == ["/Applications/My Browser", "-x"]
    assert parse_command(["open", "-a", "Safari"]) == ["open", "-a", "Safari"]
    assert parse_command("") is None and parse_command(None) is None
    with pytest.raises(ValueError, match="string or a list"):
        parse_command(42)
    with pytest.raises(ValueError):
        parse_command('firefox "unclosed')


def test_config_reads_ui_browser(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text('[ui]\nbrowser = "firefox --new-tab"\n')
    assert load_config(cfg).ui.browser == ["firefox", "--new-tab"]
    cfg.write_text('[ui]\nbrowser = ["open", "-a", "Firefox"]\n')
    assert load_config(cfg).ui.browser == ["open", "-a", "Firefox"]
    assert load_config(tmp_path / "none.toml").ui.browser is None
    cfg.write_text("[ui]\nbrowser = 3\n")
    with pytest.raises(ConfigError, match=r"\[ui\] browser: browser is a command"):
        load_config(cfg)


def test_configured_command_gets_the_url_as_one_argument_never_a_shell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    script, out = recorder(tmp_path)
    opened = open_link(HOSTILE, [str(script), "--new-tab"])
    assert opened.ok and opened.via == str(script)
    assert wait_for(out).splitlines() == ["--new-tab", HOSTILE]
    assert not (tmp_path / "PWNED").exists()


def test_configured_command_that_fails_is_a_failure(tmp_path: Path) -> None:
    missing = open_link("https://example.com/", [str(tmp_path / "no-such-browser")])
    assert (missing.ok, missing.reason) == (False, "failed")
    assert "No such file" in missing.detail
    script, _out = recorder(tmp_path, "broken", status=3)
    broken = open_link("https://example.com/", [str(script)])
    assert (broken.ok, broken.reason, broken.detail) == (False, "failed", "exit status 3")


@pytest.mark.parametrize(
    ("env", "platform", "why"),
    [
        ({}, "linux", "no-display"),
        ({"SSH_CONNECTION": "1.2.3.4 5 6.7.8.9 22"}, "linux", "no-display"),
        ({"DISPLAY": ":0"}, "linux", ""),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", ""),
        ({"BROWSER": "wslview"}, "linux", ""),
        ({"SSH_TTY": "/dev/pts/3"}, "darwin", "remote-mac"),
        ({}, "darwin", ""),
        ({}, "win32", ""),
    ],
)
def test_when_the_system_has_no_browser(env: dict[str, str], platform: str, why: str) -> None:
    assert no_system_browser(env, platform) == why


def test_no_display_opens_nothing() -> None:
    opened = open_link("https://example.com/", None, env={}, platform="linux")
    assert (opened.ok, opened.reason) == (False, "no-display")


@pytest.fixture
def fresh_webbrowser(monkeypatch: pytest.MonkeyPatch) -> None:
    """webbrowser registers browsers once, from the environment of that moment."""
    monkeypatch.setattr(webbrowser, "_tryorder", None)
    monkeypatch.setattr(webbrowser, "_browsers", {})
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)


@pytest.mark.usefixtures("fresh_webbrowser")
def test_a_text_browser_is_never_started(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _script, out = recorder(tmp_path, "w3m")
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("BROWSER", "w3m")
    opened = open_link("https://example.com/", None, platform="linux")
    assert (opened.ok, opened.reason, opened.detail) == (False, "text-only", "w3m")
    time.sleep(0.2)
    assert not out.exists()


@pytest.mark.usefixtures("fresh_webbrowser")
def test_browser_named_by_the_user_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    script, out = recorder(tmp_path, "my-browser")
    monkeypatch.setenv("BROWSER", str(script))
    opened = open_link("https://example.com/x", None, platform="linux")
    assert opened.ok and opened.via == "my-browser"
    assert wait_for(out) == "https://example.com/x"


@pytest.mark.usefixtures("fresh_webbrowser")
def test_nothing_installed_is_no_browser(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("BROWSER", raising=False)
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.setenv("PATH", str(tmp_path))  # no browser on it
    opened = open_link("https://example.com/", None, platform="linux")
    assert (opened.ok, opened.reason) == (False, "none")
