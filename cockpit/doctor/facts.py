"""What `cockpit doctor` and the TUI's "about" show: which files cockpit reads and why,
and the state of the workspace, gathered without writing anything.

Nothing here opens the workspace the usual way (that would create or migrate it, make
the day's backup and the lock file): files are only read, and a missing workspace is
reported as missing. The field names are the keys of `cockpit doctor --json`; they are
a contract for scripts, so add fields rather than rename them.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from cockpit import __version__
from cockpit.core.clock import local_zone
from cockpit.core.config import Config, load_config
from cockpit.core.errors import ConfigError
from cockpit.core.paths import (
    Located,
    locate_config,
    locate_data_dir,
    shadowed_config,
    shadowed_data_dir,
)
from cockpit.doctor.terminal import ReminderFacts, TerminalFacts, reminder_facts, terminal_facts
from cockpit.feeds.model import Feed
from cockpit.items.context import make_clock
from cockpit.storage.backup import DAILY, list_backups
from cockpit.storage.errors import CorruptFileError
from cockpit.storage.files import DATA_FILES, MARKER
from cockpit.storage.jsonstore import decode
from cockpit.storage.lock import lock_holder
from cockpit.storage.migrations import CURRENT_SCHEMA

# The variable `cockpit ical sync` reads the CalDAV password from (named here rather
# than imported: cockpit.calendar.caldav_sync loads icalendar; a test keeps them equal).
CALDAV_PASSWORD_ENV = "COCKPIT_CALDAV_PASSWORD"


@dataclass(frozen=True)
class Origin:
    """How the session being described was started: its flags, and whether it is a
    throw-away demo copy (then the data directory is that copy)."""

    config_flag: Path | None = None
    data_flag: Path | None = None
    demo_root: Path | None = None

    @classmethod
    def of_files(cls, config_path: Path | None, root: Path) -> Origin:
        """The origin of a session known only by its files (an app built without one):
        a path the variables or defaults would find anyway is taken as found by them."""
        config_flag = None if config_path == locate_config().path else config_path
        return cls(config_flag, None if root == locate_data_dir().path else root)


@dataclass
class ConfigFacts:
    path: str
    source: str
    """flag, env, xdg or default (see `cockpit.core.paths.Located`)."""
    detail: str
    exists: bool
    error: str | None = None
    """Why the file cannot be used (cockpit then refuses to start)."""
    unused: list[str] = field(default_factory=list)
    """Config files that exist but are not read (a likely surprise)."""


@dataclass
class DataFacts:
    path: str
    source: str
    """flag, env, xdg, default, or demo (a fresh temporary copy)."""
    detail: str
    exists: bool
    workspace: bool
    """The folder holds a cockpit workspace (`workspace.json`)."""
    writable: bool
    unused: list[str] = field(default_factory=list)
    damaged: list[str] = field(default_factory=list)
    """One line per workspace file that cannot be read: `name: problem`."""


@dataclass
class Setting:
    value: str
    source: str
    """config, default, or system (the time zone of the machine)."""


@dataclass
class BackupFacts:
    last: str | None
    """Name of the newest backup (daily ones are named by date)."""
    last_age_days: int | None
    """Days from the newest backup to today (in the configured zone)."""
    daily: int
    other: int
    """Backups made by `cockpit backup`, before a restore or a migration (kept)."""
    keep: int
    """Daily backups kept ([storage] backups_keep)."""


@dataclass
class LockFacts:
    held: bool
    pid: int | None
    command: str | None


@dataclass
class FeedFacts:
    subscribed: int
    enabled: int
    failing: int
    """Enabled feeds whose last fetch failed."""
    failures: list[dict[str, Any]] = field(default_factory=list)
    """id, title and error of each failing feed."""


@dataclass
class CaldavFacts:
    configured: bool
    url: str | None
    """The collection URL without user name, password or query."""
    username: str | None
    password_from: str
    """Where `ical sync` gets the password: password_command, env, url (in the URL:
    move it out), or none. The password itself is never read or shown."""


@dataclass
class Facts:
    version: str
    python: str
    config: ConfigFacts
    data_dir: DataFacts
    language: Setting
    timezone: Setting
    clock_frozen: str | None
    """COCKPIT_NOW, when it freezes the clock (previews, tests)."""
    schema: int | None
    """The workspace's schema version (None: no workspace yet)."""
    schema_current: int
    backups: BackupFacts
    lock: LockFacts
    feeds: FeedFacts
    caldav: CaldavFacts
    terminal: TerminalFacts
    reminders: ReminderFacts


def gather(origin: Origin, env: dict[str, str] | None = None) -> Facts:
    """Every fact, read from the environment and the files (nothing is written).

    Args:
        origin: the flags of the session being described.
        env: the environment to judge the terminal by (default: this process's).
    """
    environ = dict(os.environ if env is None else env)
    config_at = locate_config(origin.config_flag)
    config, config_facts, raw = _config(config_at)
    data = _data(origin)
    root = Path(data.path)
    return Facts(
        version=__version__,
        python=sys.version.split()[0],
        config=config_facts,
        data_dir=data,
        language=Setting(config.language, "config" if "language" in raw else "default"),
        timezone=_zone(config),
        clock_frozen=environ.get("COCKPIT_NOW") or None,
        schema=_schema(root) if data.workspace else None,
        schema_current=CURRENT_SCHEMA,
        backups=_backups(root, config),
        lock=_lock(root),
        feeds=_feeds(root),
        caldav=_caldav(config, environ),
        terminal=terminal_facts(environ, config.ui.browser),
        reminders=reminder_facts(
            config.notify.toast, config.notify.bell, config.notify.terminal, environ
        ),
    )


# config and data ------------------------------------------------------------------------
def _config(at: Located) -> tuple[Config, ConfigFacts, dict[str, Any]]:
    exists = at.path.is_file()
    facts = ConfigFacts(str(at.path), at.source, at.detail, exists)
    other = shadowed_config()
    if other is not None and other != at.path and other.is_file():
        facts.unused.append(str(other))
    if not exists:
        return Config(path=at.path), facts, {}
    try:
        config = load_config(at.path)
        # Which settings the file sets itself (load_config only gives values).
        raw = tomllib.loads(at.path.read_text(encoding="utf-8-sig"))
    except (ConfigError, OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        facts.error = str(exc)
        return Config(path=at.path), facts, {}
    return config, facts, raw


def _data(origin: Origin) -> DataFacts:
    if origin.demo_root is not None:
        at = Located(origin.demo_root, "demo", "--demo")
    else:
        at = locate_data_dir(origin.data_flag)
    root = at.path
    exists = root.is_dir()
    facts = DataFacts(
        str(root),
        at.source,
        at.detail,
        exists,
        workspace=(root / MARKER).is_file(),
        writable=os.access(root if exists else _existing_parent(root), os.W_OK),
    )
    other = shadowed_data_dir()
    if other is not None and other != root and (other / MARKER).is_file():
        facts.unused.append(str(other))
    if exists:
        facts.damaged = _damaged(root)
    return facts


def _existing_parent(path: Path) -> Path:
    for parent in path.parents:
        if parent.is_dir():
            return parent
    return Path("/")


def _damaged(root: Path) -> list[str]:
    problems = []
    for name in DATA_FILES:
        path = root / f"{name}.json"
        try:
            body = path.read_bytes()
        except FileNotFoundError:
            continue
        except OSError as exc:
            problems.append(f"{path.name}: {exc.strerror or exc}")
            continue
        try:
            decode(path, body)
        except CorruptFileError as exc:
            problems.append(f"{path.name}: {exc.problem}")
    return problems


def _schema(root: Path) -> int | None:
    try:
        version = json.loads((root / MARKER).read_bytes()).get("schema")
    except (OSError, ValueError, AttributeError):
        return None
    return version if isinstance(version, int) else None


# settings ---------------------------------------------------------------------------------
def _zone(config: Config) -> Setting:
    if config.timezone:
        return Setting(config.timezone, "config")
    return Setting(system_zone_name(), "system")


def system_zone_name() -> str:
    """The machine's zone by its IANA name when it has one (`TZ`, `/etc/localtime`),
    else its abbreviation and offset."""
    tz_env = os.environ.get("TZ", "").lstrip(":")
    if tz_env and "/" in tz_env and not tz_env.startswith("/"):
        return tz_env
    try:
        target = os.readlink("/etc/localtime")
    except OSError:
        target = ""
    match = re.search(r"zoneinfo/(.+)$", target)
    if match:
        return match.group(1)
    now = dt.datetime.now(local_zone())
    offset = now.strftime("%z")
    return f"{now.tzname()} (UTC{offset[:3]}:{offset[3:]})" if offset else str(now.tzname())


# workspace state ----------------------------------------------------------------------
def _backups(root: Path, config: Config) -> BackupFacts:
    names = list_backups(root) if root.is_dir() else []
    daily = sum(1 for n in names if DAILY.match(n))
    last = names[0] if names else None
    age: int | None = None
    day = re.search(r"\d{4}-\d{2}-\d{2}", last or "")
    if day is not None:
        # The clock the app would use (COCKPIT_NOW included), in the configured zone.
        today = make_clock(config).today()
        age = (today - dt.date.fromisoformat(day.group(0))).days
    return BackupFacts(last, age, daily, len(names) - daily, config.storage.backups_keep)


def _lock(root: Path) -> LockFacts:
    held, pid = lock_holder(root / ".lock")
    return LockFacts(held, pid, _command_of(pid) if pid is not None else None)


def _command_of(pid: int) -> str | None:
    """The holder's command line (Linux /proc), shortened to what a person recognises."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    args = [a.decode("utf-8", "replace") for a in raw.split(b"\0") if a]
    if not args:
        return None
    args[0] = Path(args[0]).name
    return " ".join(" ".join(args).split())[:300]


def _feeds(root: Path) -> FeedFacts:
    path = root / "feeds.json"
    try:
        raw = decode(path, path.read_bytes()).get("feeds", {})
        feeds = [Feed.from_doc(int(key), doc) for key, doc in raw.items()]
    except (OSError, CorruptFileError, TypeError, ValueError):
        return FeedFacts(0, 0, 0)  # a damaged file is reported under data_dir.damaged
    enabled = [f for f in feeds if f.enabled]
    failing = [f for f in enabled if f.status == "error"]
    return FeedFacts(
        len(feeds),
        len(enabled),
        len(failing),
        [{"id": f.id, "title": f.title, "error": f.error} for f in failing],
    )


def _caldav(config: Config, environ: dict[str, str]) -> CaldavFacts:
    url = config.caldav.url
    if not url:
        return CaldavFacts(False, None, None, "none")
    parts = urlsplit(url)
    if config.caldav.password_command:
        password = "password_command"
    elif environ.get(CALDAV_PASSWORD_ENV):
        password = "env"
    elif parts.password:
        password = "url"
    else:
        password = "none"
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = f"{host}:{port}" if port else host
    shown = urlunsplit((parts.scheme, netloc, parts.path, "", ""))
    if parts.query:
        shown += "?…"
    return CaldavFacts(True, shown, config.caldav.username or parts.username, password)
