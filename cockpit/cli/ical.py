"""`cockpit ical export|import|sync|refresh|ls|rm|agenda`, `cockpit routines
ls|reset|skip|unskip` (the weekly cadence the calendar exports as recurring events), and
`cockpit remind` (what of the agenda and the dated work is coming due now).

Only argparse wiring here; heavy libraries (icalendar, caldav) load inside the handlers,
so building the parser for `cockpit add` stays cheap.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from cockpit.cli.common import dump, guard, read_date, workspace
from cockpit.cli.exits import EXIT_INPUT, CliError
from cockpit.core.i18n import CATALOG, language, t
from cockpit.core.text import redact_url
from cockpit.core.textwidth import fit

SKIPPED_SHOWN = 10


def register_ical(sub: Any) -> None:
    """Add `ical` and `routines` with their subcommands."""
    ical = sub.add_parser("ical", help="help.ical")
    isub = ical.add_subparsers(dest="ical_command", metavar="ACTION", required=True)

    p = isub.add_parser("export", help="help.ical.export")
    p.add_argument("-o", "--output", type=Path, help="help.ical.export.output")
    p.set_defaults(handler=cmd_export)

    p = isub.add_parser("import", help="help.ical.import")
    p.add_argument("source", help="help.ical.import.source")
    p.set_defaults(handler=cmd_import)

    p = isub.add_parser("sync", help="help.ical.sync")
    p.set_defaults(handler=cmd_sync)

    p = isub.add_parser("refresh", help="help.ical.refresh")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_refresh)

    p = isub.add_parser("ls", help="help.ical.ls")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_ls)

    p = isub.add_parser("rm", help="help.ical.rm")
    p.add_argument("source", help="help.ical.rm.source")
    p.set_defaults(handler=cmd_rm)

    p = isub.add_parser("agenda", help="help.ical.agenda")
    p.add_argument("--from", dest="first", help="help.ical.agenda.from")
    p.add_argument("--days", type=int, help="help.ical.agenda.days")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_agenda)
    register_routines(sub)
    register_remind(sub)


# ical ---------------------------------------------------------------------------------
def cmd_export(args: argparse.Namespace) -> int:
    # Imported here, for start-up time: a command loads only what it needs.
    from cockpit.calendar.ical_export import build_calendar, exported_events
    from cockpit.storage.atomic import atomic_write

    ws = workspace(args)
    events, zone = exported_events(ws)
    data = build_calendar(ws, events, zone).to_ical()
    if args.output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return 0
    atomic_write(args.output, data)  # a FileAccessError is a storage error: exit 3
    kinds = [e.kind for e in events]
    print(
        t(
            "cal.exported",
            routines=kinds.count("routine"),
            items=kinds.count("item"),
            followups=kinds.count("followup"),
            path=args.output,
        )
    )
    return 0


def _print_report(report: Any) -> None:
    print(t("cal.imported", name=report.name, events=report.events, skipped=len(report.skipped)))
    for component, reason in report.skipped[:SKIPPED_SHOWN]:
        print("  " + t("cal.skipped_line", component=component, reason=reason))
    if len(report.skipped) > SKIPPED_SHOWN:
        print("  … " + t("err.and_more", n=len(report.skipped) - SKIPPED_SHOWN))


def cmd_import(args: argparse.Namespace) -> int:
    # Imported here, for start-up time: a command loads only what it needs.
    from cockpit.calendar.ical_import import SourceError, import_calendar

    ws = workspace(args)
    try:
        report = import_calendar(ws, args.source)
    except SourceError as exc:
        raise CliError(str(exc), EXIT_INPUT) from None
    _print_report(report)
    if report.error:
        raise CliError("err.cal.kept", source=report.source, problem=report.error)
    return 0


def cmd_refresh(args: argparse.Namespace) -> int:
    # Imported here, for start-up time: a command loads only what it needs.
    from cockpit.calendar.ical_import import refresh_subscriptions

    ws = workspace(args)
    reports = refresh_subscriptions(ws)
    if args.json:
        rows = [
            {
                "source": r.source,
                "name": r.name,
                "events": r.events,
                "skipped": [list(s) for s in r.skipped],
                "error": r.error,
                "unchanged": r.unchanged,
            }
            for r in reports
        ]
        dump(rows)
    else:
        for report in reports:
            if report.error:
                print(f"{report.source}: {report.error}", file=sys.stderr)
            else:
                _print_report(report)
    return 1 if any(r.error for r in reports) else 0


def cmd_sync(args: argparse.Namespace) -> int:
    # Imported here, for start-up time: a command loads only what it needs.
    from cockpit.calendar.caldav_client import SyncError
    from cockpit.calendar.caldav_sync import sync

    ws = workspace(args)
    try:
        report = sync(ws)
    except SyncError as exc:
        raise CliError(str(exc), EXIT_INPUT) from None
    print("\n".join(report.describe()))
    return 0


def cmd_ls(args: argparse.Namespace) -> int:
    # Imported here, for start-up time: a command loads only what it needs.
    from cockpit.calendar.ical_import import subscriptions

    # A CalDAV or subscribed URL may carry `user:password@`: listings never show it.
    rows = [
        dict(rec, source=redact_url(str(rec.get("source", ""))))
        for rec in subscriptions(workspace(args))
    ]
    if args.json:
        dump(rows)
        return 0
    if not rows:
        print(t("cli.ical.none"))
    for rec in rows:
        state = (
            t("cli.ical.error", problem=rec["error"])
            if rec.get("error")
            else t("cli.ical.events", n=rec.get("events", 0))
        )
        print(
            f"{fit(str(rec.get('name', '')), 28)} {rec.get('origin', ''):<7} {fit(state, 12)} "
            f"{rec.get('source', '')}"
        )
    return 0


def cmd_rm(args: argparse.Namespace) -> int:
    # Imported here, for start-up time: a command loads only what it needs.
    from cockpit.calendar.ical_import import remove_subscription

    rec = guard(remove_subscription, workspace(args), args.source)
    print(t("cli.ical.removed", name=rec.get("name", ""), source=rec.get("source", "")))
    return 0


def cmd_agenda(args: argparse.Namespace) -> int:
    # Imported here, for start-up time: a command loads only what it needs.
    from cockpit.calendar.agenda import agenda

    ws = workspace(args)
    first = read_date(args.first, ws) or ws.clock.today()
    days = args.days if args.days is not None else ws.config.calendar.days
    if days < 1:
        raise CliError("err.cal.days")
    entries = agenda(ws, first, days)
    if args.json:
        rows = [
            {
                "day": e.day.isoformat(),
                "start": e.start.isoformat() if e.start else None,
                "end": e.end.isoformat() if e.end else None,
                "title": e.title,
                "source": e.source,
                "ref": e.ref,
            }
            for e in entries
        ]
        dump(rows)
        return 0
    day: dt.date | None = None
    for e in entries:
        if e.day != day:
            day = e.day
            print(f"{day.isoformat()} {t(f'weekday.{day.weekday()}')}")
        when = f"{e.start:%H:%M}-{e.end:%H:%M}" if e.start and e.end else t("cal.all_day")
        # Built-in sources are worded (例行, 到期, 跟进); a calendar's name is its own.
        key = f"cal.source.{e.source}"
        source = t(key) if key in CATALOG else e.source
        print(f"  {fit(when, 11)} {fit(e.title, 50)} [{source}]".rstrip())
    return 0


def register_routines(sub: Any) -> None:
    """Add `routines` and its subcommands."""
    routines = sub.add_parser("routines", help="help.routines")
    rsub = routines.add_subparsers(dest="routines_command", metavar="ACTION", required=True)
    p = rsub.add_parser("ls", help="help.routines.ls")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_routines_ls)
    p = rsub.add_parser("reset", help="help.routines.reset")
    p.set_defaults(handler=cmd_routines_reset)
    for name, text in (("skip", "help.routines.skip"), ("unskip", "help.routines.unskip")):
        p = rsub.add_parser(name, help=text)
        p.add_argument("id", type=int)
        p.add_argument("date", help="help.add.due")
        p.set_defaults(handler=cmd_routines_skip, action=name)


# routines -----------------------------------------------------------------------------
def cmd_routines_ls(args: argparse.Namespace) -> int:
    # Imported here, for start-up time: a command loads only what it needs.
    from cockpit.calendar.routines import RoutineBook

    routines = RoutineBook(workspace(args)).all()
    if args.json:
        rows = [dict(r.to_doc(), id=r.id) for r in routines]
        dump(rows)
        return 0
    if not routines:
        print(t("cal.no_routines"))
    for r in routines:
        days = ("、" if language() == "zh" else ",").join(t(f"weekday.{w}") for w in r.weekdays)
        print(
            f"{r.id:>3} {fit(days, 16)} {r.start} {r.minutes:>4}m "
            f"{fit(r.title(language()), 40)} {t('cli.routines.checks', n=len(r.checklist))}"
        )
    return 0


def cmd_routines_reset(args: argparse.Namespace) -> int:
    # Imported here, for start-up time: a command loads only what it needs.
    from cockpit.calendar.routines import RoutineBook

    added = RoutineBook(workspace(args)).install_defaults()
    print(t("cli.routines.added", n=len(added)) if added else t("cli.routines.all_there"))
    return 0


def cmd_routines_skip(args: argparse.Namespace) -> int:
    # Imported here, for start-up time: a command loads only what it needs.
    from cockpit.calendar.routines import RoutineBook

    ws = workspace(args)
    day = read_date(args.date, ws)
    assert day is not None
    book = RoutineBook(ws)
    routine = guard(book.skip if args.action == "skip" else book.unskip, args.id, day)
    key = "cli.routines.skipped" if args.action == "skip" else "cli.routines.restored"
    print(t(key, title=routine.title(language()), day=day.isoformat()))
    return 0


def register_remind(sub: Any) -> None:
    """Add `remind`: for cron and scripts, the reminders due at this moment (`[notify]`'s
    lead times) that no cockpit told today; `--mark` records them as told, so neither the
    open app nor the next run tells them again."""
    p = sub.add_parser("remind", help="help.remind")
    p.add_argument("--json", action="store_true", help="help.remind.json")
    p.add_argument("--all", action="store_true", help="help.remind.all")
    p.add_argument("--mark", action="store_true", help="help.remind.mark")
    p.set_defaults(handler=cmd_remind)


def cmd_remind(args: argparse.Namespace) -> int:
    # Imported here, for start-up time: a command loads only what it needs.
    from cockpit.reminders.due import DueFinder
    from cockpit.reminders.sent import SentLog
    from cockpit.reminders.words import line

    ws = workspace(args)
    now = ws.clock.now()
    log = SentLog(ws.files)
    due = DueFinder().due(ws, ws.config.notify, now)
    told = log.told()
    shown = [r for r in due if args.all or r.key not in told]
    marked = 0
    if args.mark:
        # Only what this run claimed is its to tell: another cockpit may have told the
        # rest a moment ago (the claim reads the file again under the lock).
        claimed = set(log.claim([r.key for r in shown if r.key not in told], now))
        shown = [r for r in shown if r.key in claimed or (args.all and r.key in told)]
        marked = len(claimed)
    if args.json:
        dump([r.public(told.get(r.key)) for r in shown])
        return 0
    if not shown:
        print(t("remind.none"))
        return 0
    for r in shown:
        when = told.get(r.key)
        note = f"  ({t('remind.told', time=when[11:16])})" if when else ""
        print(f"{r.key.partition('@')[0]:<16} {line(r, now)}{note}")
    if args.mark:
        print(t("remind.marked", n=marked))
    return 0
