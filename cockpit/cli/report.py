"""`cockpit report week [--week W] [--lang en|zh] [-o FILE]`: Thursday's report (周报)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cockpit.cli.common import read_week, workspace, write_out
from cockpit.core.i18n import t

LANGUAGES = ("en", "zh")  # as cockpit.report.build.LANGUAGES, which is imported only when run
FORMATS = ("md", "text")  # as cockpit.report.render.FORMATS


def register_report(sub: Any) -> None:
    """Add `report` and its subcommands."""
    report = sub.add_parser("report", help="help.report")
    rsub = report.add_subparsers(dest="report_command", metavar="ACTION", required=True)
    p = rsub.add_parser("week", help="help.report.week")
    p.add_argument("--week", help="help.report.week.week")
    p.add_argument("--lang", choices=LANGUAGES, help="help.report.week.lang")
    p.add_argument(
        "--format",
        choices=FORMATS,
        default="md",
        dest="form",
        help="help.report.week.format",
    )
    p.add_argument("-o", "--output", type=Path, help="help.report.week.output")
    p.set_defaults(handler=cmd_report_week)


def cmd_report_week(args: argparse.Namespace) -> int:
    # Imported here, for start-up time: a command loads only what it needs.
    from cockpit.report.build import build_report, report_language

    ws = workspace(args)
    week = read_week(args.week, ws) or ws.week
    text = build_report(ws, week, args.lang or report_language(ws.config), args.form)
    write_out(text, args.output)
    if args.output is not None:
        print(t("cli.report.wrote", week=week, path=args.output))
    return 0
