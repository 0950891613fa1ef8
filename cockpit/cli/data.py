"""`cockpit import …`, `export json`, `backup`, `restore`."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from cockpit.cli.common import workspace, write_out
from cockpit.cli.exits import CliError


def register_data(sub: Any) -> None:
    """Add the data-moving subcommands."""
    imp = sub.add_parser("import", help="import from taskwarrior or CSV")
    isub = imp.add_subparsers(dest="import_command", metavar="SOURCE", required=True)
    p = isub.add_parser("taskwarrior", help="the JSON of `task export`")
    p.add_argument("file", type=Path)
    p.set_defaults(handler=cmd_import_taskwarrior)
    p = isub.add_parser("csv", help="a CSV file with a header row")
    p.add_argument("file", type=Path)
    p.add_argument("--kind", choices=("items", "customers"), required=True)
    p.set_defaults(handler=cmd_import_csv)

    exp = sub.add_parser("export", help="export the workspace")
    esub = exp.add_subparsers(dest="export_command", metavar="FORMAT", required=True)
    p = esub.add_parser("json", help="everything as one JSON document")
    p.add_argument("-o", "--output", type=Path)
    p.set_defaults(handler=cmd_export_json)

    p = sub.add_parser("backup", help="back up the workspace now")
    p.set_defaults(handler=cmd_backup)
    p = sub.add_parser("restore", help="restore a backup (default: the newest)")
    p.add_argument("name", nargs="?")
    p.add_argument("--list", action="store_true", help="list backups instead")
    p.set_defaults(handler=cmd_restore)


def cmd_import_taskwarrior(args: argparse.Namespace) -> int:
    # Imported here, for start-up time: a command loads only what it needs.
    from cockpit.importers.taskwarrior import import_taskwarrior

    ws = workspace(args)
    report = import_taskwarrior(ws, args.file)
    print(report)
    return 0


def cmd_import_csv(args: argparse.Namespace) -> int:
    # Imported here, for start-up time: a command loads only what it needs.
    from cockpit.importers.csvfile import import_csv

    ws = workspace(args)
    report = import_csv(ws, args.file, args.kind)
    print(report)
    return 0


def cmd_export_json(args: argparse.Namespace) -> int:
    ws = workspace(args)
    doc = {
        "format": "cockpit-export",
        "version": 1,
        "exported": ws.clock.now().isoformat(),
        "items": [i.public() for i in sorted(ws.all_items(), key=lambda i: i.id)],
        "customers": [c.public() for c in ws.customers.all()],
        "touches": [
            {"customer_id": t.customer_id, "date": t.date, "channel": t.channel, "note": t.note}
            for t in ws.customers.touches()
        ],
    }
    write_out(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", args.output)
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    # Imported here, for start-up time: a command loads only what it needs.
    from cockpit.storage.backup import make_backup

    ws = workspace(args)
    name = ws.clock.now().strftime("%Y-%m-%dT%H%M%S")
    path = make_backup(ws.root, name, ws.files.lock)
    print(f"Backed up to {path}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    # Imported here, for start-up time: a command loads only what it needs.
    from cockpit.core.paths import default_data_dir
    from cockpit.items.context import load_settings, make_clock
    from cockpit.storage.backup import list_backups, restore_backup
    from cockpit.storage.lock import WorkspaceLock

    # Restore must work when the workspace is corrupt, so it does not open it.
    config = load_settings(args)
    root: Path = args.data_dir or default_data_dir()
    if not root.is_dir():
        raise CliError(f"no workspace at {root}")
    if args.list:
        names = list_backups(root)
        print("\n".join(names) if names else f"No backups in {root / 'backups'}")
        return 0
    stamp = make_clock(config).now().strftime("%Y-%m-%dT%H%M%S")
    name, saved = restore_backup(root, args.name, stamp, WorkspaceLock(root / ".lock"))
    print(f"Restored backup {name} into {root} (the files it replaced are in backups/{saved})")
    return 0
