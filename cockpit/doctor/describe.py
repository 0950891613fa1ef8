"""The facts as labelled lines in the user's language: one list that both
`cockpit doctor` and the TUI's "about" show, so the two cannot tell different stories."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cockpit.core.i18n import relative_day, t
from cockpit.doctor.facts import Facts


@dataclass(frozen=True)
class Line:
    """One labelled line; `warn` marks a value the user should act on."""

    label: str
    value: str
    warn: bool = False


def short_path(path: str) -> str:
    """`path` with the home directory written as `~` (for narrow places)."""
    home = str(Path.home())
    if home not in ("", "/") and (path == home or path.startswith(home + "/")):
        return "~" + path[len(home) :]
    return path


def source(kind: str, detail: str) -> str:
    """Why a path was chosen, in words."""
    return t(f"doctor.src.{kind}", detail=detail)


def lines(facts: Facts) -> list[Line]:
    """Every fact as a labelled line, in the order a person checks them."""
    out = [
        Line(
            t("doctor.version"),
            t("doctor.version.value", version=facts.version, python=facts.python),
        )
    ]
    out += _config_lines(facts)
    out += _data_lines(facts)
    lang = facts.language
    out.append(
        Line(
            t("doctor.language"),
            t(f"doctor.from.{lang.source}", value=t(f"doctor.lang.{lang.value}")),
        )
    )
    zone = facts.timezone
    out.append(Line(t("doctor.timezone"), t(f"doctor.from.{zone.source}", value=zone.value)))
    if facts.clock_frozen:
        out.append(Line(t("doctor.clock"), t("doctor.clock.frozen", when=facts.clock_frozen), True))
    out += _workspace_lines(facts)
    out += _terminal_lines(facts)
    return out


def _config_lines(facts: Facts) -> list[Line]:
    cfg = facts.config
    key = "doctor.config.exists" if cfg.exists else "doctor.config.missing"
    out = [
        Line(t("doctor.config"), t(key, path=cfg.path), cfg.error is not None),
        Line(f"  {t('doctor.found_by')}", source(cfg.source, cfg.detail)),
    ]
    for path in cfg.unused:
        out.append(
            Line(
                f"  {t('doctor.not_used')}",
                t("doctor.config.unused", path=path, detail=cfg.detail),
                True,
            )
        )
    return out


def _data_lines(facts: Facts) -> list[Line]:
    data = facts.data_dir
    if data.workspace:
        key = "doctor.data.workspace"
    elif data.exists:
        key = "doctor.data.empty"
    else:
        key = "doctor.data.missing"
    out = [
        Line(t("doctor.data"), t(key, path=data.path), bool(data.damaged) or not data.writable),
        Line(f"  {t('doctor.found_by')}", source(data.source, data.detail)),
    ]
    for path in data.unused:
        out.append(
            Line(
                f"  {t('doctor.not_used')}",
                t("doctor.data.unused", path=path, detail=data.detail),
                True,
            )
        )
    return out


def _workspace_lines(facts: Facts) -> list[Line]:
    if not facts.data_dir.workspace:
        none = t("doctor.no_workspace")
        return [
            Line(t("doctor.schema"), none),
            Line(t("doctor.backups"), none),
            Line(t("doctor.lock"), t("doctor.lock.free")),
            Line(t("doctor.feeds"), none),
            _caldav_line(facts),
        ]
    out = [_schema_line(facts)]
    b = facts.backups
    if b.last is None:
        out.append(Line(t("doctor.backups"), t("doctor.none_yet")))
    else:
        last = b.last
        if b.last_age_days is not None:
            today = dt.date.today()
            ago = relative_day(today - dt.timedelta(days=b.last_age_days), today)
            last = t("doctor.backups.when", name=b.last, ago=ago)
        value = t("doctor.backups.value", last=last, daily=b.daily, keep=b.keep, other=b.other)
        out.append(Line(t("doctor.backups"), value, (b.last_age_days or 0) > 1))
    lock = facts.lock
    if not lock.held:
        out.append(Line(t("doctor.lock"), t("doctor.lock.free")))
    elif lock.pid is None:
        out.append(Line(t("doctor.lock"), t("doctor.lock.held_unknown"), True))
    else:
        out.append(
            Line(
                t("doctor.lock"),
                t("doctor.lock.held", pid=lock.pid, command=lock.command or "?"),
                True,
            )
        )
    feeds = facts.feeds
    if not feeds.subscribed:
        out.append(Line(t("doctor.feeds"), t("doctor.feeds.none")))
    else:
        out.append(
            Line(
                t("doctor.feeds"),
                t(
                    "doctor.feeds.value",
                    subscribed=feeds.subscribed,
                    disabled=feeds.subscribed - feeds.enabled,
                    failing=feeds.failing,
                ),
                feeds.failing > 0,
            )
        )
        for failure in feeds.failures[:5]:
            out.append(Line("", "  " + t("doctor.feeds.failure", **failure), True))
    out.append(_caldav_line(facts))
    return out


def _schema_line(facts: Facts) -> Line:
    found, current = facts.schema, facts.schema_current
    if found is None:
        return Line(t("doctor.schema"), t("doctor.schema.unreadable"), True)
    if found == current:
        return Line(t("doctor.schema"), t("doctor.schema.current", found=found))
    key = "doctor.schema.older" if found < current else "doctor.schema.newer"
    return Line(t("doctor.schema"), t(key, found=found, current=current), found > current)


def _caldav_line(facts: Facts) -> Line:
    dav = facts.caldav
    if not dav.configured:
        return Line(t("doctor.caldav"), t("doctor.caldav.none"))
    value = t(
        "doctor.caldav.value",
        url=dav.url,
        username=dav.username or "?",
        password=t(f"doctor.caldav.pw.{dav.password_from}"),
    )
    return Line(t("doctor.caldav"), value, dav.password_from in ("url", "none"))


def _terminal_lines(facts: Facts) -> list[Line]:
    term = facts.terminal
    colors = t(f"doctor.colors.{term.colors}")
    out = [
        Line(
            t("doctor.colors"),
            t("doctor.colors.value", colors=colors, reason=term.colors_reason),
            term.colors == "none",
        )
    ]
    if not term.tmux:
        out.append(Line(t("doctor.tmux"), t("doctor.tmux.no")))
    elif term.tmux_set_clipboard is None:
        out.append(Line(t("doctor.tmux"), t("doctor.tmux.unknown")))
    elif term.tmux_set_clipboard == "on":
        out.append(Line(t("doctor.tmux"), t("doctor.tmux.on")))
    else:
        out.append(
            Line(t("doctor.tmux"), t("doctor.tmux.off", value=term.tmux_set_clipboard), True)
        )
    if term.ssh:
        out.append(Line(t("doctor.ssh"), t("doctor.ssh.yes")))
    if term.browser is not None:
        value = t(f"doctor.browser.{term.browser_from}", name=term.browser)
    else:
        detail = term.browser_detail or ""
        if term.browser_problem == "failed":
            why = t("doctor.browser.missing", via=detail)
        else:
            why = t(f"browser.{term.browser_problem}", detail=detail)
        value = t("doctor.browser.none", reason=why)
    out.append(Line(t("doctor.browser"), value, term.browser is None))
    out.append(_reminders_line(facts))
    return out


def _reminders_line(facts: Facts) -> Line:
    """Which channels a reminder takes: the toast, the terminal's notification, or the
    bell where the terminal has none (as the app's `Reminders._tell` does)."""
    r = facts.reminders
    parts = [t("doctor.reminders.toast")] if r.toast else []
    reason = r.reason()
    if r.notification:
        parts.append(t("doctor.reminders.notice", kind=r.notification, reason=reason))
    elif r.bell:
        parts.append(t("doctor.reminders.bell", reason=reason))
    if not parts:
        return Line(t("doctor.reminders"), t("doctor.reminders.none", reason=reason), True)
    return Line(t("doctor.reminders"), t("doctor.reminders.join").join(parts))


def problems(facts: Facts) -> list[str]:
    """What stops cockpit from working as configured, one sentence each."""
    out: list[str] = []
    if facts.config.error:
        out.append(t("doctor.problem.config", error=facts.config.error))
    for damaged in facts.data_dir.damaged:
        out.append(t("doctor.problem.damaged", path=facts.data_dir.path, problem=damaged))
    if facts.schema is not None and facts.schema > facts.schema_current:
        out.append(t("doctor.problem.newer", found=facts.schema))
    if not facts.data_dir.writable:
        out.append(t("doctor.problem.readonly", path=facts.data_dir.path))
    if facts.caldav.password_from == "url":
        out.append(t("doctor.problem.url_password"))
    return out
