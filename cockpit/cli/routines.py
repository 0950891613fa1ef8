"""`cockpit routines ls|reset|skip|unskip`: the weekly cadence from the command line."""

from __future__ import annotations

import argparse
from typing import Any

from cockpit.cli.common import dump, guard, read_date, workspace
from cockpit.core.i18n import language, t
from cockpit.core.textwidth import fit


def register_routines(sub: Any) -> None:
    """Add `routines` and its subcommands."""
    routines = sub.add_parser("routines", help="the weekly cadence (routines)")
    rsub = routines.add_subparsers(dest="routines_command", metavar="ACTION", required=True)
    p = rsub.add_parser("ls", help="list routines")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_routines_ls)
    p = rsub.add_parser("reset", help="bring back the default routines that are missing")
    p.set_defaults(handler=cmd_routines_reset)
    for name, text in (("skip", "skip one day of a routine"), ("unskip", "undo a skip")):
        p = rsub.add_parser(name, help=text)
        p.add_argument("id", type=int)
        p.add_argument("date", help="YYYY-MM-DD, today, tomorrow, +N or a weekday")
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
        days = ",".join(t(f"weekday.{w}") for w in r.weekdays)
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
