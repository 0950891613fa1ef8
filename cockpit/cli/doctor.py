"""`cockpit doctor [--json]`: which config and workspace cockpit uses and why, and what
might stop it, in the user's language. It reads only: a workspace that does not exist
yet stays that way (and is reported so)."""

from __future__ import annotations

import argparse
import dataclasses
from typing import Any

from cockpit.cli.common import dump


def register_doctor(sub: Any) -> None:
    """Add `doctor`."""
    p = sub.add_parser(
        "doctor",
        help="help.doctor",
        epilog="help.doctor.more",
    )
    p.add_argument("--json", action="store_true", help="help.doctor.json")
    p.set_defaults(handler=cmd_doctor)


def cmd_doctor(args: argparse.Namespace) -> int:
    # Imported here, for start-up time: a command loads only what it needs.
    from cockpit.core import i18n
    from cockpit.core.textwidth import cell_width
    from cockpit.doctor.describe import lines, problems
    from cockpit.doctor.facts import Origin, gather

    facts = gather(Origin(config_flag=args.config, data_flag=args.data_dir))
    i18n.set_language(facts.language.value)
    found = problems(facts)
    if args.json:
        dump({**dataclasses.asdict(facts), "problems": found})
        return 1 if found else 0
    rows = lines(facts)
    width = max(cell_width(row.label) for row in rows) + 2
    for row in rows:
        pad = " " * (width - cell_width(row.label))
        print(f"{row.label}{pad}{row.value}".rstrip())
    print()
    if found:
        print(i18n.t("doctor.problems"))
        for sentence in found:
            print(f"  - {sentence}")
    else:
        print(i18n.t("doctor.ok"))
    return 1 if found else 0
