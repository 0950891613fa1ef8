"""`cockpit req …` and `cockpit launch …` (and, through `cli_metrics`, `cockpit metrics …`)."""

from __future__ import annotations

import argparse
from typing import Any

from cockpit.cli.common import command, count, dump, group, guard, read_date, workspace
from cockpit.cli.exits import CliError
from cockpit.core.textwidth import fit
from cockpit.planning import launches, requirements


def register_planning(sub: Any) -> None:
    """Add `req` and `launch` with their subcommands."""
    rsub = group(sub, "req", "the requirement pool")
    p = command(rsub, "add", cmd_req_add, "collect a requirement")
    p.add_argument("title", nargs="+")
    p.add_argument("--source", choices=requirements.SOURCES)
    p.add_argument("--kano", default="", help=", ".join(requirements.KANO))
    p.add_argument("--priority", default="P2", help="P0 (highest) to P3")
    p.add_argument("--customer", default="")
    p.add_argument("--ref", default="", help="ticket number or sales contact")
    p.add_argument("--owner", default="")
    p.add_argument("--release", default="", help="target release")
    p.add_argument("--notes", default="")
    p = command(rsub, "ls", cmd_req_ls, "open requirements (--all: closed and rejected too)")
    p.add_argument("--status")
    p.add_argument("--kano")
    p.add_argument("--customer")
    p.add_argument("--all", action="store_true")
    p.add_argument("--json", action="store_true")
    p = command(rsub, "move", cmd_req_move, "change a requirement's status")
    p.add_argument("id")
    p.add_argument("status", nargs="+", help=", ".join(requirements.STATUSES))
    p.add_argument("--reason", required=True)
    p = command(rsub, "show", cmd_req_show, "a requirement and its change log")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")

    lsub = group(sub, "launch", "launch checklists")
    p = command(lsub, "new", cmd_launch_new, "a launch from a template")
    p.add_argument("name", nargs="+")
    p.add_argument("--date", required=True, help="go-live date")
    p.add_argument("--template", default="default", choices=tuple(launches.TEMPLATES))
    p = command(lsub, "ls", cmd_launch_ls, "launches with progress and overdue items")
    p.add_argument("--json", action="store_true")
    p = command(lsub, "show", cmd_launch_show, "a launch's checklist")
    p.add_argument("name", nargs="+")
    p.add_argument("--json", action="store_true")
    p = command(lsub, "check", cmd_launch_check, "tick a checklist item done")
    p.add_argument("name", nargs="+")
    p.add_argument("no", type=int, metavar="ITEM_NO")
    p.add_argument("--undo", action="store_true", help="open the item again")


# requirements -------------------------------------------------------------------------
def _req_id(text: str) -> int:
    value = text.lstrip("#")
    if not value.isdigit():
        raise CliError(f"{text!r} is not a requirement id (see `cockpit req ls`)")
    return int(value)


def cmd_req_add(args: argparse.Namespace) -> int:
    ws = workspace(args)
    customer = args.customer.strip()
    if customer:  # one customer, named exactly (any case), as the book spells it
        customer = guard(ws.customers.find, customer).name
    fields = {"kano": args.kano, "priority": args.priority, "customer": customer, "ref": args.ref,
              "owner": args.owner, "release": args.release, "notes": args.notes}  # fmt: skip
    if args.source:
        fields["source"] = args.source
    req = guard(requirements.add, ws, " ".join(args.title), **fields)
    print(f"Added requirement #{req.id} ({req.status}, {req.priority}): {req.title}")
    return 0


def cmd_req_ls(args: argparse.Namespace) -> int:
    ws = workspace(args)
    status = guard(requirements.parse_status, args.status) if args.status else None
    kano = guard(requirements.parse_kano, args.kano) if args.kano else None
    reqs = requirements.select(
        requirements.all_requirements(ws), status=status, kano=kano, customer=args.customer
    )
    if not (args.all or status):
        reqs = [r for r in reqs if r.is_open]
    if args.json:
        dump([r.public() for r in reqs])
        return 0
    if not reqs:
        print("No requirements here. Collect one: cockpit req add TITLE --customer NAME")
    for r in reqs:
        extra = " ".join(x for x in (f"@{r.customer}" if r.customer else "", r.release) if x)
        line = (
            f"{r.id:>5} {r.priority} {r.status:<14} {r.kano or '-':<11} {fit(r.title, 44)} {extra}"
        )
        print(line.rstrip())
    return 0


def cmd_req_move(args: argparse.Namespace) -> int:
    ws = workspace(args)
    req_id = _req_id(args.id)
    old = guard(requirements.get, ws, req_id).status
    req = guard(requirements.move, ws, req_id, " ".join(args.status), args.reason)
    print(f"Moved #{req.id} from {old} to {req.status}: {req.title}")
    return 0


def cmd_req_show(args: argparse.Namespace) -> int:
    ws = workspace(args)
    req = guard(requirements.get, ws, _req_id(args.id))
    if args.json:
        dump(req.public())
        return 0
    print(f"#{req.id} {req.title}")
    print(f"  {req.status} · {req.priority} · kano {req.kano or '-'} · source {req.source}"
          + "".join(f" · {k} {v}" for k, v in (("customer", req.customer), ("ref", req.ref),
                    ("owner", req.owner), ("release", req.release)) if v))  # fmt: skip
    if req.notes:
        print(f"  {req.notes}")
    for e in req.log:
        what = (
            f"{e.get('field', 'status')}: {e.get('from', '')} -> {e['to']}"
            if "from" in e
            else e["kind"]
        )
        print(f"  {e['at'][:10]} {what}" + (f" ({e['reason']})" if e.get("reason") else ""))
    return 0


# launches -----------------------------------------------------------------------------
def cmd_launch_new(args: argparse.Namespace) -> int:
    ws = workspace(args)
    golive = read_date(args.date, ws)
    if golive is None:
        raise CliError("a launch needs a go-live date (--date YYYY-MM-DD)")
    launch = guard(launches.new, ws, " ".join(args.name), golive, args.template)
    first = min(it.deadline(golive) for it in launch.items)
    print(f"New launch #{launch.id} {launch.name}: go-live {launch.golive}, "
          f"{count(len(launch.items), 'item', 'items')}, first due {first}")  # fmt: skip
    return 0


def cmd_launch_ls(args: argparse.Namespace) -> int:
    ws = workspace(args)
    today = ws.clock.today()
    all_launches = launches.all_launches(ws)
    if args.json:
        dump([{k: v for k, v in la.public(today).items() if k != "items"} for la in all_launches])
        return 0
    if not all_launches:
        print("No launches yet. Start one: cockpit launch new NAME --date YYYY-MM-DD")
    for la in all_launches:
        info = la.public(today)
        late = f"  {info['overdue']} overdue" if info["overdue"] else ""
        done = f"{info['done']}/{info['total']} done"
        print(f"{la.id:>4} {fit(la.name, 32)} go-live {la.golive}  {done}{late}")
    return 0


def cmd_launch_show(args: argparse.Namespace) -> int:
    ws = workspace(args)
    launch = guard(launches.find, ws, " ".join(args.name))
    info = launch.public(ws.clock.today())
    if args.json:
        dump(info)
        return 0
    print(f"{launch.name}: go-live {launch.golive}, {info['done']}/{info['total']} done")
    for it in info["items"]:
        mark = {"done": "x", "skipped": "-"}.get(it["state"], " ")
        late = " OVERDUE" if it["overdue"] else ""
        rest = " ".join(x for x in (it["owner"], it["note"]) if x)
        print(f"  {it['no']:>2} [{mark}] {it['due']} {fit(it['title'], 56)} {rest}{late}".rstrip())
    return 0


def cmd_launch_check(args: argparse.Namespace) -> int:
    ws = workspace(args)
    name = " ".join(args.name)
    item = guard(launches.check, ws, name, args.no, not args.undo)
    launch = guard(launches.find, ws, name)
    print(f"{launch.name} item {item.no} {'open again' if args.undo else 'done'}: {item.title}")
    return 0
