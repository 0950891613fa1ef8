"""The settings areas of config.toml other than `[storage]` (`settings.storage`), one
dataclass per table; imported when a command first reads one of them (see
`cockpit.core.config.Config`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from cockpit.core.settings import LANGUAGES
from cockpit.core.settings.read import setting


@dataclass(slots=True)
class CustomerSettings:
    """`[customers]`: who is due a call."""

    top_untouched_days: int = setting(14, low=1, high=365)
    """A top-tier customer with no touch for this many days shows as due."""


@dataclass(slots=True)
class FeedSettings:
    """`[feeds]`: the background refresh and what one refresh may cost."""

    refresh_minutes: int = setting(30, low=0, high=24 * 60)
    """Background refresh interval in the TUI, in minutes (0: only when `r` is pressed)."""

    concurrency: int = setting(64, low=1, high=256)
    """Feeds fetched at once: a list of up to 64 feeds goes out in one round of requests
    (each round waits for the slowest server; `per_host` bounds each host, so no
    server sees more than 8). At 32, a list of 60 took two rounds: ~0.2 s more on an
    unchanged refresh, where waiting is all there is."""

    per_host: int = setting(8, low=1, high=16)
    """Feeds fetched at once from one host: 8, as many connections as newsboat's 8
    threads may open to one host. A host serving several subscriptions (Planet
    PostgreSQL and its categories: up to 8 on one host in real lists) answers them in
    one round of requests; at 4 it took two, and an unchanged refresh waited ~0.2 s
    longer on that host alone."""

    keep: int = setting(200, low=1, high=10_000)
    """Newest entries kept per feed (starred ones are always kept)."""

    max_bytes: int = setting(10_000_000, low=10_000, high=500_000_000)
    """Cap on a feed's decoded size in bytes, enforced while downloading."""

    timeout: float = setting(10.0, low=0.5, high=300.0)
    """Connect and read timeout, in seconds."""

    parse_processes: int = setting(-1, low=-1, high=16)
    """Processes parsing feeds: -1 auto (2 on 2+ cores), 0 one background thread."""

    watch: list[str] = field(default_factory=list)
    """Watch words (competitors, products: `"pgvector"`, `"PostgreSQL 18"`, `"国产数据库"`):
    entries naming one are highlighted and counted, and a new one raises a toast. Any
    case; Latin words match whole words, Chinese ones anywhere in the text."""


@dataclass(slots=True)
class CalendarSettings:
    """`[calendar]`: subscribed calendars and the agenda."""

    subscribe: list[str] = field(default_factory=list)
    """.ics files or URLs whose events join today's agenda."""

    days: int = setting(3, low=1, high=14)
    """How many days the agenda shows (today first)."""


@dataclass(slots=True)
class CaldavSettings:
    """`[caldav]`: the server `cockpit ical sync` talks to."""

    url: str | None = setting(None)
    """The calendar collection's URL."""

    username: str | None = setting(None)
    """The account on that server."""

    password_command: str | None = setting(None)
    """A command whose first output line is the password (it is never stored)."""


@dataclass(slots=True)
class ReportSettings:
    """`[report]`: the weekly report (周报)."""

    language: str | None = setting(None, choices=LANGUAGES)
    """Headings of the weekly report: `en` or `zh` (default: the UI's language)."""


@dataclass(slots=True)
class UiSettings:
    """`[ui]`: how the TUI looks and reaches the rest of the desktop."""

    browser: list[str] | None = field(default=None)
    """The command that opens links: an argv list, or a string split like a shell does;
    the URL is appended and no shell runs it. Unset: the system's graphical browser."""

    theme: str | None = None
    """The colour theme (a name from the palette's "app: change theme", which saves the
    one picked here). Unset: Textual's default, textual-dark. Checked when the TUI starts."""


TERMINAL_NOTICES = ("auto", "osc9", "osc777", "off")


@dataclass(slots=True)
class NotifySettings:
    """`[notify]`: reminders of the open app (`cockpit.reminders`), each at most once a
    day per item, whichever cockpit (or `cockpit remind --mark`) raised it."""

    toast: bool = setting(True)
    """A toast in the app."""

    terminal: str = setting("auto", choices=TERMINAL_NOTICES)
    """The terminal's own notification: `osc9` (iTerm2, kitty, WezTerm, Ghostty),
    `osc777` (foot, VTE terminals, urxvt), `auto` (told from the terminal; inside tmux
    only with `allow-passthrough`) or `off`."""

    bell: bool = setting(True)
    """The bell, when no terminal notification went out."""

    lead_minutes: int = setting(10, low=0, high=24 * 60)
    """A routine (or a timed calendar event) is announced this many minutes before it starts."""

    days_ahead: int = setting(0, low=0, high=30)
    """A dated item or follow-up is announced this many days before its date (0: on the day)."""

    at: str = setting("09:00")
    """From what time of day (HH:MM) dated items and follow-ups are announced."""


@dataclass(slots=True)
class ViewSettings:
    """`[views.NAME]`: a named view of the daily panels (palette "view: NAME",
    `cockpit ls --view NAME`)."""

    filter: str = setting("")
    """What the panels keep, in the finder's words: `@瀚海银行 due:week +pg list:key status:`
    and free words (all must hold)."""

    sort: str = setting("")
    """Order within each panel: keys from `SORT_KEYS`, comma-separated, `-` first for
    descending (`"customer,due"`, `"-age"`); empty: the panels' own order."""
