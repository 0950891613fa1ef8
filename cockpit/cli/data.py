"""`cockpit import …`, `export json`, `backup`, `restore`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from cockpit.cli.common import workspace, write_out
from cockpit.cli.exits import CliError
from cockpit.core.i18n import t
from cockpit.core.textwidth import fit


def register_data(sub: Any) -> None:
    """Add the data-moving subcommands."""
    imp = sub.add_parser("import", help="help.import")
    isub = imp.add_subparsers(dest="import_command", metavar="SOURCE", required=True)
    p = isub.add_parser("taskwarrior", help="help.import.taskwarrior")
    p.add_argument("file", type=Path)
    p.set_defaults(handler=cmd_import_taskwarrior)
    p = isub.add_parser("csv", help="help.import.csv")
    p.add_argument("file", type=Path)
    p.add_argument("--kind", choices=("items", "customers"), required=True)
    p.set_defaults(handler=cmd_import_csv)

    exp = sub.add_parser("export", help="help.export")
    esub = exp.add_subparsers(dest="export_command", metavar="FORMAT", required=True)
    p = esub.add_parser("json", help="help.export.json")
    p.add_argument("-o", "--output", type=Path)
    p.set_defaults(handler=cmd_export_json)

    p = sub.add_parser("backup", help="help.backup")
    p.set_defaults(handler=cmd_backup)
    p = sub.add_parser(
        "restore",
        help="help.restore",
        description="help.restore.about",
    )
    p.add_argument("name", nargs="?", help="help.restore.name")
    p.add_argument(
        "--file",
        action="append",
        default=[],
        metavar="FILE",
        help="help.restore.file",
    )
    p.add_argument(
        "--from",
        dest="from_dir",
        type=Path,
        metavar="DIR",
        help="help.restore.from",
    )
    p.add_argument("--yes", action="store_true", help="help.restore.yes")
    p.add_argument("--list", action="store_true", help="help.restore.list")
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
    print(t("cli.backup", path=path))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    # Imported here, for start-up time: a command loads only what it needs.
    from cockpit.core.paths import default_data_dir
    from cockpit.items.context import load_settings, make_clock
    from cockpit.storage.backup import list_backups, plan_restore, restore_backup
    from cockpit.storage.lock import WorkspaceLock

    # Restore must work when the workspace is corrupt, so it does not open it.
    config = load_settings(args)
    root: Path = args.data_dir or default_data_dir()
    if not root.is_dir():
        raise CliError("err.no_workspace", path=root)
    if args.list:
        names = list_backups(root)
        print("\n".join(names) if names else t("cli.no_backups", path=root / "backups"))
        return 0
    files = tuple(_data_file(f) for f in args.file)
    if args.from_dir is not None and args.name is not None:
        raise CliError("err.restore.name_or_from")
    # A folder from outside the workspace is only taken with --from, and always asked
    # about: it may not be this workspace's data at all.
    source: str | Path | None = args.from_dir if args.from_dir is not None else args.name
    name, plan = plan_restore(root, source, files)
    if not files or args.from_dir is not None:  # say what it replaces, and ask
        changed = [f for f in plan if not f.same]
        print(t("cli.restore.plan", name=name, n=len(changed), total=len(plan), path=root))
        for f in changed:
            now = t("cli.restore.now", n=f.now) if f.now is not None else t("cli.restore.missing")
            print("  " + t("cli.restore.file", file=fit(f.name, 18), now=now, then=f.then))
        if changed and not args.yes:
            _confirm(name, len(changed))
    stamp = make_clock(config).now().strftime("%Y-%m-%dT%H%M%S")
    lock = WorkspaceLock(root / ".lock")
    name, saved = restore_backup(root, source, stamp, lock, files)
    what = t("sep.names").join(files) if files else t("cli.restore.workspace")
    print(t("cli.restored", what=what, name=name, path=root, saved=saved))
    return 0


def _data_file(text: str) -> str:
    """A file of the workspace as the user names it ("items", "items.json", a path)."""
    # Imported here, for start-up time: a command loads only what it needs.
    from cockpit.storage.files import DATA_FILES, MARKER

    name = Path(text).name
    name = name if name.endswith(".json") else f"{name}.json"
    known = [f"{n}.json" for n in DATA_FILES] + [MARKER]
    if name not in known:
        raise CliError("err.restore.file", text=text, choices=known)
    return name


def _confirm(name: str, count: int) -> None:
    """Ask on a terminal; without one (cron, a pipe) refuse unless --yes was given."""
    if not sys.stdin.isatty():
        raise CliError("err.restore.confirm", name=name, n=count)
    try:
        answer = input(t("cli.restore.ask"))
    except EOFError:
        answer = ""
    if answer.strip().lower() not in ("y", "yes", "是", "好"):
        raise CliError("err.restore.cancelled")
