"""`cockpit customers add|ls|touch`."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from cockpit.commands import guard, read_date, workspace
from cockpit.customers import CHANNELS, SOURCES
from cockpit.model import TIERS
from cockpit.textwidth import fit


def register_customers(sub: Any) -> None:
    """Add `customers` and its subcommands."""
    cust = sub.add_parser("customers", help="customers and their follow-ups")
    csub = cust.add_subparsers(dest="customers_command", metavar="ACTION", required=True)

    p = csub.add_parser("add", help="add a customer")
    p.add_argument("name", nargs="+")
    p.add_argument("--tier", choices=TIERS, default="normal")
    p.add_argument("--industry", default="")
    p.add_argument("--region", default="")
    p.add_argument("--source", choices=SOURCES[1:], default="")
    p.add_argument("--owner", default="", help="the sales contact")
    p.add_argument("--next", dest="next_followup", help="next follow-up date")
    p.set_defaults(handler=cmd_customers_add)

    p = csub.add_parser("ls", help="list customers (due ones first)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_customers_ls)

    p = csub.add_parser("touch", help="log a call, visit, chat, mail or meeting")
    p.add_argument("name", nargs="+")
    p.add_argument("--note", required=True)
    p.add_argument("--channel", choices=CHANNELS, default="call")
    p.add_argument("--next", dest="next_followup", help="next follow-up date")
    p.set_defaults(handler=cmd_customers_touch)


def cmd_customers_add(args: argparse.Namespace) -> int:
    ws = workspace(args)
    cust = guard(
        ws.customers.add,
        " ".join(args.name),
        tier=args.tier,
        industry=args.industry,
        region=args.region,
        source=args.source,
        owner=args.owner,
        next_followup=read_date(args.next_followup, ws),
    )
    print(f"Added customer #{cust.id}: {cust.name} ({cust.tier})")
    return 0


def cmd_customers_ls(args: argparse.Namespace) -> int:
    from cockpit.rules import customers_due

    ws = workspace(args)
    customers = ws.customers.all()
    due = customers_due(customers, ws.clock.today(), ws.config.top_untouched_days)
    due_ids = {d.customer.id: d.reason for d in due}
    rank = {d.customer.id: n for n, d in enumerate(due)}
    customers.sort(key=lambda c: (rank.get(c.id, len(rank)), c.name.casefold()))
    if args.json:
        rows = [dict(c.public(), due=c.id in due_ids) for c in customers]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    if not customers:
        print("No customers yet. Add one: cockpit customers add NAME --tier top")
    for c in customers:
        mark = "DUE" if c.id in due_ids else "   "
        print(
            f"{c.id:>4} {mark} {fit(c.name, 28)} {c.tier:<6} {fit(c.industry, 12)} "
            f"next {c.next_followup or '-':<10} last {c.last_touch or '-'}".rstrip()
        )
    return 0


def cmd_customers_touch(args: argparse.Namespace) -> int:
    ws = workspace(args)
    name = " ".join(args.name)
    touch = guard(
        ws.customers.touch,
        name,
        args.note,
        channel=args.channel,
        next_followup=read_date(args.next_followup, ws),
    )
    cust = guard(ws.customers.find, name)
    after = f"; next follow-up {cust.next_followup}" if cust.next_followup else ""
    print(f"Logged {touch.channel} with {cust.name} on {touch.date}{after}")
    return 0
