"""`cockpit doctor`: every route to the config and the workspace, both languages, the
JSON keys, and the promise that it never writes a file."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from cockpit.cli.main import main
from cockpit.doctor.facts import CALDAV_PASSWORD_ENV
from cockpit.doctor.terminal import color_depth, tmux_set_clipboard
from cockpit.feeds.subscriptions import FeedList
from cockpit.storage.lock import WorkspaceLock, lock_holder
from tests.unit.storage_helpers import open_ws

TOP_KEYS = {
    "version", "python", "config", "data_dir", "language", "timezone", "clock_frozen",
    "schema", "schema_current", "backups", "lock", "feeds", "caldav", "terminal", "reminders",
    "problems",
}  # fmt: skip
NESTED_KEYS = {
    "config": {"path", "source", "detail", "exists", "error", "unused"},
    "data_dir": {"path", "source", "detail", "exists", "workspace", "writable", "unused",
                 "damaged"},
    "language": {"value", "source"},
    "timezone": {"value", "source"},
    "backups": {"last", "last_age_days", "daily", "other", "keep"},
    "lock": {"held", "pid", "command"},
    "feeds": {"subscribed", "enabled", "failing", "failures"},
    "caldav": {"configured", "url", "username", "password_from"},
    "terminal": {"colors", "colors_reason", "tmux", "tmux_set_clipboard", "ssh", "browser",
                 "browser_from", "browser_problem", "browser_detail"},
    "reminders": {"toast", "notification", "through_tmux", "bell", "why", "names"},
}  # fmt: skip


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home directory of our own, with no cockpit or XDG variable set."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for var in ("COCKPIT_CONFIG", "COCKPIT_DATA_DIR", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        monkeypatch.delenv(var, raising=False)
    return home


def doctor(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main([*args])
    return code, capsys.readouterr().out


def doctor_json(capsys: pytest.CaptureFixture[str], *flags: str) -> dict[str, Any]:
    code, out = doctor(capsys, *flags, "doctor", "--json")
    data: dict[str, Any] = json.loads(out)
    assert code == (1 if data["problems"] else 0)
    return data


def tree(root: Path) -> list[tuple[str, int]]:
    """Every path under `root` with its modification time: a write of any kind shows."""
    return sorted((str(p.relative_to(root)), p.stat().st_mtime_ns) for p in root.rglob("*"))


# where the config and the workspace come from ------------------------------------------
def test_flags_win(home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                   monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setenv("COCKPIT_CONFIG", str(tmp_path / "env.toml"))
    monkeypatch.setenv("COCKPIT_DATA_DIR", str(tmp_path / "env-ws"))
    config = tmp_path / "flag.toml"
    config.write_text('language = "en"\n')
    data = doctor_json(capsys, "--config", str(config), "--data-dir", str(tmp_path / "ws"))
    assert data["config"] | {"unused": []} == {
        "path": str(config), "source": "flag", "detail": "--config", "exists": True,
        "error": None, "unused": [],
    }  # fmt: skip
    assert (data["data_dir"]["path"], data["data_dir"]["source"]) == (str(tmp_path / "ws"), "flag")
    assert data["language"] == {"value": "en", "source": "config"}


def test_environment_variables(home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                               monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setenv("COCKPIT_CONFIG", str(tmp_path / "env.toml"))
    monkeypatch.setenv("COCKPIT_DATA_DIR", str(tmp_path / "env-ws"))
    data = doctor_json(capsys)
    assert data["config"]["source"] == "env" and data["config"]["detail"] == "COCKPIT_CONFIG"
    assert data["config"]["path"] == str(tmp_path / "env.toml")
    assert data["config"]["exists"] is False
    assert data["data_dir"]["source"] == "env" and data["data_dir"]["path"] == str(
        tmp_path / "env-ws"
    )
    assert data["language"] == {"value": "en", "source": "default"}


def test_xdg_variables_and_the_files_they_hide(home: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """The case that confused people: an inherited XDG_CONFIG_HOME made cockpit ignore
    ~/.config/cockpit/config.toml. doctor says which file it reads and which it does not."""
    hidden = home / ".config" / "cockpit" / "config.toml"
    hidden.parent.mkdir(parents=True)
    hidden.write_text('language = "zh"\n')
    open_ws(home / ".local" / "share" / "cockpit")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    data = doctor_json(capsys)
    assert data["config"]["source"] == "xdg"
    assert data["config"]["path"] == str(tmp_path / "xdg-config" / "cockpit" / "config.toml")
    assert data["config"]["detail"] == f"XDG_CONFIG_HOME={tmp_path / 'xdg-config'}"
    assert data["config"]["unused"] == [str(hidden)]
    assert data["data_dir"]["source"] == "xdg"
    assert data["data_dir"]["path"] == str(tmp_path / "xdg-data" / "cockpit")
    assert data["data_dir"]["unused"] == [str(home / ".local" / "share" / "cockpit")]
    assert data["language"]["value"] == "en"  # the hidden file's zh is not in effect

    _code, out = doctor(capsys, "doctor")
    assert f"{hidden} is there too but not read, because of XDG_CONFIG_HOME={tmp_path}" in out


def test_platform_default(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = home / ".config" / "cockpit" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('language = "zh"\ntimezone = "Asia/Shanghai"\n')
    data = doctor_json(capsys)
    assert (data["config"]["path"], data["config"]["source"]) == (str(config), "default")
    assert data["config"]["exists"] is True and data["config"]["unused"] == []
    assert data["data_dir"]["path"] == str(home / ".local" / "share" / "cockpit")
    assert data["data_dir"]["source"] == "default"
    assert data["language"] == {"value": "zh", "source": "config"}
    assert data["timezone"] == {"value": "Asia/Shanghai", "source": "config"}


# what it says, and in which language ---------------------------------------------------
def test_json_keys_are_stable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    open_ws(tmp_path / "ws")
    data = doctor_json(capsys, "--data-dir", str(tmp_path / "ws"))
    assert set(data) == TOP_KEYS
    for key, keys in NESTED_KEYS.items():
        assert set(data[key]) == keys, key
    assert data["schema"] == data["schema_current"] == 2
    assert data["version"] == __import__("cockpit").__version__


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ["version", "config", "data", "language", "English (en), from the config file",
                "time zone", "schema", "backups", "lock", "free", "feeds", "CalDAV", "colours",
                "tmux", "browser (o)", "no problems found"]),
        ("zh", ["版本", "配置文件", "数据目录", "语言", "中文（zh），来自配置文件", "时区",
                "数据版本", "2（当前版本）", "备份", "锁", "空闲", "订阅", "颜色", "浏览器（o）",
                "未发现问题"]),
    ],
)  # fmt: skip
def test_both_languages(lang: str, expected: list[str], tmp_path: Path,
                        capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    config = tmp_path / "c.toml"
    config.write_text(f'language = "{lang}"\n')
    open_ws(tmp_path / "ws")
    code, out = doctor(capsys, "--config", str(config), "--data-dir", str(tmp_path / "ws"),
                       "doctor")  # fmt: skip
    assert code == 0
    for text in expected:
        assert text in out, text
    if lang == "zh":
        for english in ("found by", "time zone", "the default", "colours", "no problems"):
            assert english not in out


def test_labels_line_up_in_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "c.toml"
    config.write_text('language = "zh"\n')
    _code, out = doctor(capsys, "--config", str(config), "doctor")
    from cockpit.core.textwidth import cell_width

    starts = set()
    for line in out.split("\n\n")[0].splitlines():  # the facts, not the verdict below
        value = re.match(r"^\s*\S.*?\s{2,}(\S.*)$", line)
        assert value is not None, line
        starts.add(cell_width(line) - cell_width(value.group(1)))
    assert len(starts) == 1, starts  # every value starts in the same column


# a workspace that does not exist yet, and nothing written ------------------------------
def test_missing_workspace_is_reported_and_left_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = tree(tmp_path)
    code, out = doctor(capsys, "--data-dir", str(tmp_path / "nothing" / "here"), "doctor")
    assert code == 0
    assert f"{tmp_path / 'nothing' / 'here'} (does not exist yet: created on first start)" in out
    assert "no workspace yet" in out
    assert tree(tmp_path) == before
    data = doctor_json(capsys, "--data-dir", str(tmp_path / "nothing"))
    assert data["data_dir"]["exists"] is False and data["schema"] is None
    assert tree(tmp_path) == before


def test_never_writes_into_a_workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "ws"
    ws = open_ws(root)
    ws.add("one")
    (root / ".lock").unlink()  # not even the lock file may come back
    before = tree(tmp_path)
    time.sleep(0.01)
    doctor(capsys, "--data-dir", str(root), "doctor")
    doctor_json(capsys, "--data-dir", str(root))
    assert tree(tmp_path) == before


# the workspace's state -----------------------------------------------------------------
def test_backups_feeds_and_failures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "ws"
    ws = open_ws(root)
    ws.maintain()  # the day's backup (the frozen clock's 2026-11-18)
    feeds = FeedList(ws.files)
    feeds.add("https://a.example/feed", title="A")
    broken = feeds.add("https://b.example/feed", title="Broken feed")
    off = feeds.add("https://c.example/feed", title="C")
    with ws.files.transaction("feeds"):
        table = ws.files.table("feeds", "feeds")
        table.update({"status": "error", "error": "timed out after 10 s"}, doc_ids=[broken.id])
        table.update({"enabled": False, "status": "error", "error": "gone"}, doc_ids=[off.id])
    data = doctor_json(capsys, "--data-dir", str(root))
    assert data["backups"] | {"last_age_days": 0} == {
        "last": "2026-11-18", "last_age_days": 0, "daily": 1, "other": 0, "keep": 7,
    }  # fmt: skip
    assert data["feeds"] == {
        "subscribed": 3, "enabled": 2, "failing": 1,
        "failures": [{"id": broken.id, "title": "Broken feed", "error": "timed out after 10 s"}],
    }  # fmt: skip
    _code, out = doctor(capsys, "--data-dir", str(root), "doctor")
    assert "3 subscribed (1 disabled), 1 failing" in out
    assert "Broken feed: timed out after 10 s" in out
    assert "last 2026-11-18" in out


def test_damaged_file_is_a_problem_and_stays_as_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "ws"
    open_ws(root)
    (root / "customers.json").write_bytes(b"{not json")
    code, out = doctor(capsys, "--data-dir", str(root), "doctor")
    assert code == 1
    assert "customers.json: invalid JSON at line 1 column 2" in out
    assert "cockpit restore --list" in out
    assert (root / "customers.json").read_bytes() == b"{not json"


def test_broken_config_is_a_problem_not_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "c.toml"
    config.write_text('language = "fr"\n')
    data = doctor_json(capsys, "--config", str(config))
    assert "language must be one of en, zh" in data["config"]["error"]
    assert data["problems"] and data["language"] == {"value": "en", "source": "default"}


def test_newer_schema_is_a_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "ws"
    open_ws(root)
    (root / "workspace.json").write_text('{"schema": 99}')
    data = doctor_json(capsys, "--data-dir", str(root))
    assert data["schema"] == 99
    assert any("newer cockpit" in p for p in data["problems"])


HOLDER = """import sys, time
from pathlib import Path
from cockpit.storage.lock import WorkspaceLock
with WorkspaceLock(Path(sys.argv[1])).hold():
    print("held", flush=True)
    time.sleep(30)
"""


def test_lock_holder_and_its_pid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "ws"
    open_ws(root)
    assert lock_holder(root / ".lock") == (False, None)
    script = tmp_path / "hold_lock.py"
    script.write_text(HOLDER)
    holder = subprocess.Popen(
        [sys.executable, str(script), str(root / ".lock"), "--marker"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        data = doctor_json(capsys, "--data-dir", str(root))
        assert data["lock"]["held"] is True and data["lock"]["pid"] == holder.pid
        assert data["lock"]["command"] == (
            f"{Path(sys.executable).name} {script} {root / '.lock'} --marker"
        )
        _code, out = doctor(capsys, "--data-dir", str(root), "doctor")
        assert f"held by pid {holder.pid} (python" in out
    finally:
        holder.kill()
        holder.wait()
    assert doctor_json(capsys, "--data-dir", str(root))["lock"] == {
        "held": False, "pid": None, "command": None,
    }  # fmt: skip


def test_lock_records_its_holder(tmp_path: Path) -> None:
    lock = WorkspaceLock(tmp_path / ".lock")
    with lock.hold():
        assert (tmp_path / ".lock").read_text().strip() == str(os.getpid())


def test_caldav_never_shows_a_secret(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    config = tmp_path / "c.toml"
    config.write_text(
        '[caldav]\nurl = "https://pm:s3cr3t-pw@dav.example.com:8443/pm/cal/?token=t0ken"\n'
    )
    monkeypatch.setenv(CALDAV_PASSWORD_ENV, "env-s3cr3t")
    code, out = doctor(capsys, "--config", str(config), "doctor")
    raw = doctor(capsys, "--config", str(config), "doctor", "--json")[1]
    for text in (out, raw):
        assert "s3cr3t" not in text and "t0ken" not in text
    data = json.loads(raw)
    assert data["caldav"] == {
        "configured": True, "url": "https://dav.example.com:8443/pm/cal/?…", "username": "pm",
        "password_from": "env",
    }  # fmt: skip
    assert code == 0  # the environment's password is used; the URL's is not needed
    monkeypatch.delenv(CALDAV_PASSWORD_ENV)
    data = doctor_json(capsys, "--config", str(config))
    assert data["caldav"]["password_from"] == "url"
    assert data["problems"] == ["the [caldav] url holds a password: move it to password_command"]


def test_caldav_password_variable_is_the_one_sync_reads() -> None:
    from cockpit.calendar.caldav_sync import PASSWORD_ENV

    assert PASSWORD_ENV == CALDAV_PASSWORD_ENV


# terminal facts ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"COLORTERM": "truecolor", "TERM": "xterm"}, ("truecolor", "COLORTERM=truecolor")),
        ({"COLORTERM": "24bit", "TERM": "screen"}, ("truecolor", "COLORTERM=24bit")),
        ({"TERM": "xterm-256color"}, ("256", "TERM=xterm-256color")),
        ({"TERM": "tmux-256color"}, ("256", "TERM=tmux-256color")),
        ({"TERM": "xterm-kitty"}, ("256", "TERM=xterm-kitty")),
        ({"TERM": "xterm"}, ("16", "TERM=xterm")),
        ({}, ("16", "TERM unset")),
        ({"TERM": "dumb", "COLORTERM": "truecolor"}, ("none", "TERM=dumb")),
        ({"NO_COLOR": "", "COLORTERM": "truecolor"}, ("none", "NO_COLOR")),
        ({"TEXTUAL_COLOR_SYSTEM": "256", "COLORTERM": "truecolor"},
         ("256", "TEXTUAL_COLOR_SYSTEM=256")),
    ],
)  # fmt: skip
def test_colour_depth(env: dict[str, str], expected: tuple[str, str]) -> None:
    assert color_depth(env) == expected


TEXTUAL_PROBE = """
from textual.app import App
print(App().console.color_system)
"""


@pytest.mark.parametrize(
    "env", [{"COLORTERM": "truecolor"}, {"TERM": "xterm-256color"}, {"TERM": "xterm"}]
)
def test_colour_depth_is_what_textual_uses(env: dict[str, str]) -> None:
    """The rule above is Rich's; check it against the Textual that is installed."""
    clean = {k: v for k, v in os.environ.items() if k not in ("COLORTERM", "NO_COLOR", "TERM")}
    clean.pop("TEXTUAL_COLOR_SYSTEM", None)
    done = subprocess.run(
        [sys.executable, "-c", TEXTUAL_PROBE],
        env={**clean, "TERM": "xterm", **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    names = {"truecolor": "truecolor", "256": "256", "16": "standard"}
    assert done.stdout.strip() == names[color_depth({"TERM": "xterm", **env})[0]]


@pytest.mark.skipif(subprocess.run(["sh", "-c", "command -v tmux"], capture_output=True)
                    .returncode != 0, reason="tmux is not installed")  # fmt: skip
@pytest.mark.parametrize("value", ["on", "external", "off"])
def test_tmux_set_clipboard_read_from_the_real_server(value: str, tmp_path: Path) -> None:
    socket = tmp_path / "tmux.sock"
    subprocess.run(["tmux", "-S", str(socket), "-f", "/dev/null", "new-session", "-d",
                    "-s", "doctor", "sleep 60"], check=True, timeout=30)  # fmt: skip
    try:
        subprocess.run(["tmux", "-S", str(socket), "set", "-g", "set-clipboard", value],
                       check=True, timeout=30)  # fmt: skip
        env = {**os.environ, "TMUX": f"{socket},1,0"}
        assert tmux_set_clipboard(env) == value
        assert tmux_set_clipboard({k: v for k, v in env.items() if k != "TMUX"}) is None
    finally:
        subprocess.run(["tmux", "-S", str(socket), "kill-server"], timeout=30, check=False)


def test_browser_the_way_o_finds_it(tmp_path: Path) -> None:
    """`o` opens links through cockpit.core.browser; doctor asks the same code, in a
    fresh process each time (Python's webbrowser remembers what it found)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("BROWSER", None)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    opener = bin_dir / "open-it"
    opener.write_text("#!/bin/sh\nexit 0\n")
    opener.chmod(0o755)
    base = {**env, "PATH": f"{bin_dir}:/usr/bin:/bin", "COCKPIT_DATA_DIR": str(tmp_path / "ws")}

    def browser(config: str = "", **extra: str) -> tuple[dict[str, Any], str]:
        path = tmp_path / "c.toml"
        path.write_text(config)
        run = [sys.executable, "-m", "cockpit", "--config", str(path), "doctor"]
        done = [
            subprocess.run([*run, *flag], env={**base, **extra}, capture_output=True,
                           text=True, timeout=60)
            for flag in (["--json"], [])
        ]  # fmt: skip
        facts = json.loads(done[0].stdout)["terminal"]
        keys = ("browser", "browser_from", "browser_problem", "browser_detail")
        line = next(x for x in done[1].stdout.splitlines() if x.startswith("browser (o)"))
        return {k: facts[k] for k in keys}, line

    facts, line = browser()
    assert facts == {"browser": None, "browser_from": None, "browser_problem": "no-display",
                     "browser_detail": None}  # fmt: skip
    assert "none (no graphical display): o copies the link instead" in line
    facts, line = browser(BROWSER="my-browser")
    assert facts["browser"] == "my-browser" and facts["browser_from"] == "system"
    facts, line = browser(BROWSER="lynx")
    assert (facts["browser_problem"], facts["browser_detail"]) == ("text-only", "lynx")
    assert "only the text browser lynx" in line
    facts, line = browser('[ui]\nbrowser = "open-it --new-tab"\n')
    assert (facts["browser"], facts["browser_from"]) == ("open-it", "config")
    assert "open-it, from [ui] browser" in line
    facts, line = browser('[ui]\nbrowser = ["no-such-browser-here"]\n')
    assert (facts["browser_problem"], facts["browser_detail"]) == (
        "failed", "no-such-browser-here",
    )  # fmt: skip
    assert "no-such-browser-here is not found" in line


# reminders: which channel a reminder takes, as the app decides it ------------------------
@pytest.mark.parametrize(
    ("lang", "notify", "env", "expected"),
    [
        ("en", "", {"TERM_PROGRAM": "iTerm.app"},
         "reminders    a toast, the terminal's notification (osc9: iterm.app/xterm-256color "
         "shows osc9)"),
        ("en", "", {}, "reminders    a toast, the bell (no notification known for xterm-256color)"),
        ("en", 'terminal = "off"\nbell = false\n', {}, "reminders    a toast\n"),
        ("zh", "toast = false\nbell = false\n", {},
         "提醒         无法显示（xterm-256color 没有已知的终端通知；应用内通知与响铃均已关闭）"),
        ("zh", 'terminal = "osc777"\n', {}, "提醒         应用内通知、终端通知（osc777：[notify] "
         "terminal = osc777）"),
    ],
    ids=["iterm", "bell", "toast-only", "nothing-zh", "set-zh"],
)  # fmt: skip
def test_the_reminders_line_names_the_channels(
    lang: str, notify: str, env: dict[str, str], expected: str, tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    for name in ("TMUX", "TMUX_PANE", "KITTY_WINDOW_ID", "VTE_VERSION", "TERM_PROGRAM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    config = tmp_path / "c.toml"
    config.write_text(f'language = "{lang}"\n[notify]\n{notify}')
    code, out = doctor(capsys, "--config", str(config), "--data-dir", str(tmp_path), "doctor")
    assert code == 0 and expected in out
