"""`cockpit customers add|ls|touch|edit|import|export`.

The CSV columns, and the Chinese headers read for them, are documented where `customers
import --help` and `customers export --help` print them: `help.customers.csv` in
`cockpit/core/labels/help.py`.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cockpit.cli.common import dump, guard, read_date, word, workspace, write_out
from cockpit.cli.exits import CliError
from cockpit.cli.usage import RawHelp
from cockpit.core.i18n import language, t
from cockpit.core.labels import vocab
from cockpit.core.model import TIERS, Customer
from cockpit.core.textwidth import cell_width, fit
from cockpit.customers.accounts import GROUP_KEYS, NUMBERS, big_deals, grouped, pipeline_total
from cockpit.customers.fields import CHANNELS, SOURCES, STAGES, parse_deal, short_deal
from cockpit.find.pinyin import sort_key
from cockpit.items.rules import customers_due

CSV_HELP = "help.customers.csv"
"""The epilog of `customers import` and `customers export`: every CSV column."""


def register_customers(sub: Any) -> None:
    """Add `customers` and its subcommands."""
    cust = sub.add_parser("customers", help="help.customers")
    csub = cust.add_subparsers(dest="customers_command", metavar="ACTION", required=True)

    p = csub.add_parser("add", help="help.customers.add")
    p.add_argument("name", nargs="+")
    _fields(p, default=True)
    p.set_defaults(handler=cmd_customers_add)

    p = csub.add_parser("edit", help="help.customers.edit")
    p.add_argument("name", nargs="+")
    p.add_argument("--rename", help="help.customers.edit.rename")
    _fields(p, default=False)
    p.add_argument("--no-next", action="store_true", help="help.customers.edit.no_next")
    p.set_defaults(handler=cmd_customers_edit)

    p = csub.add_parser("ls", help="help.customers.ls")
    p.add_argument("--stage", type=word("stage"), choices=STAGES)
    p.add_argument("--tier", type=word("tier"), choices=TIERS)
    # Read after the config (not by argparse), so a bad word is refused in its language.
    p.add_argument(
        "--by",
        metavar="|".join(GROUP_KEYS),
        help="help.customers.ls.by",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_customers_ls)

    p = csub.add_parser("deals", help="help.customers.deals")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_customers_deals)

    p = csub.add_parser("touch", help="help.customers.touch")
    p.add_argument("name", nargs="+")
    p.add_argument("--note", required=True)
    p.add_argument("--channel", type=word("channel"), choices=CHANNELS, default="call")
    p.add_argument("--next", dest="next_followup", help="help.customers.add.next")
    p.add_argument("--date", dest="day", help="help.customers.touch.date")
    p.set_defaults(handler=cmd_customers_touch)

    formatter = RawHelp
    p = csub.add_parser(
        "import", help="help.customers.import", epilog=CSV_HELP, formatter_class=formatter
    )
    p.add_argument("file", type=Path, metavar="FILE.csv")
    p.set_defaults(handler=cmd_customers_import)

    p = csub.add_parser(
        "export", help="help.customers.export", epilog=CSV_HELP, formatter_class=formatter
    )
    p.add_argument(
        "-o", "--output", type=Path, metavar="FILE.csv", help="help.customers.export.output"
    )
    p.add_argument(
        "--lang",
        choices=("en", "zh"),
        help="help.customers.export.lang",
    )
    p.set_defaults(handler=cmd_customers_export)


def _fields(p: argparse.ArgumentParser, *, default: bool) -> None:
    """The customer field options; `edit` leaves unset ones (None) unchanged."""

    def value(normal: str) -> str | None:
        return normal if default else None

    p.add_argument("--tier", type=word("tier"), choices=TIERS, default=value("normal"))
    p.add_argument("--stage", type=word("stage"), choices=STAGES, default=value("customer"))
    p.add_argument("--deal-value", dest="deal_value", help="help.customers.add.deal_value")
    p.add_argument("--industry", default=value(""))
    p.add_argument("--region", default=value(""))
    p.add_argument("--source", type=word("source"), choices=SOURCES[1:], default=value(""))
    p.add_argument("--owner", default=value(""), help="help.customers.add.owner")
    p.add_argument("--next", dest="next_followup", help="help.customers.add.next")
    p.add_argument("--reason", dest="churn_reason", help="help.customers.add.reason")
    p.add_argument("--notes", default=value(""))


def _deal(text: str | None) -> float | None:

    return guard(parse_deal, text) if text else None


def cmd_customers_add(args: argparse.Namespace) -> int:
    ws = workspace(args)
    cust = guard(
        ws.customers.add,
        " ".join(args.name),
        tier=args.tier,
        stage=args.stage,
        deal_value=_deal(args.deal_value),
        industry=args.industry,
        region=args.region,
        source=args.source,
        owner=args.owner,
        next_followup=read_date(args.next_followup, ws),
        churn_reason=args.churn_reason or "",
        notes=args.notes,
    )
    print(t("cli.cust.added", id=cust.id, name=cust.name, kind=_kind(cust)))
    return 0


def _kind(cust: Customer) -> str:
    # The stage only when it says something: most of the book are plain customers.
    tier = t(f"tier.{cust.tier}")
    if cust.stage == "customer":
        return tier
    return f"{tier}{t('sep.names')}{t(f'customers.stage.{cust.stage}')}"


def cmd_customers_edit(args: argparse.Namespace) -> int:
    ws = workspace(args)
    names = ("tier", "stage", "industry", "region", "source", "owner", "churn_reason", "notes")
    fields: dict[str, Any] = {n: getattr(args, n) for n in names if getattr(args, n) is not None}
    if args.rename is not None:
        fields["name"] = args.rename
    if args.deal_value is not None:
        fields["deal_value"] = _deal(args.deal_value)
    if args.next_followup is not None:
        fields["next_followup"] = read_date(args.next_followup, ws)
    if args.no_next:
        fields["next_followup"] = None
    if not fields:
        raise CliError("err.customer.nothing_to_change")
    cust = guard(ws.customers.edit, " ".join(args.name), **fields)
    print(t("cli.cust.saved", id=cust.id, name=cust.name, kind=_kind(cust)))
    return 0


def cmd_customers_ls(args: argparse.Namespace) -> int:

    ws = workspace(args)
    by = guard(vocab.parse, "group", args.by) if args.by is not None else None
    customers = ws.customers.all()
    due = customers_due(customers, ws.clock.today(), ws.config.customers.top_untouched_days)
    due_ids = {d.customer.id: d.reason for d in due}
    rank = {d.customer.id: n for n, d in enumerate(due)}
    # Due ones first, then by name as a Chinese contact list orders it (pinyin).
    customers.sort(key=lambda c: (rank.get(c.id, len(rank)), sort_key(c.name)))
    customers = [c for c in customers if args.stage in (None, c.stage)]
    customers = [c for c in customers if args.tier in (None, c.tier)]
    if by is not None:
        return _print_groups(customers, by, args.json)
    if args.json:
        rows = [dict(c.public(), due=c.id in due_ids) for c in customers]
        dump(rows)
        return 0
    if not customers:
        print(t("cli.cust.empty"))
    due_mark = t("cli.cust.due")
    width = cell_width(due_mark)
    for c in customers:
        mark = due_mark if c.id in due_ids else " " * width
        tier, stage = t(f"tier.{c.tier}"), t(f"customers.stage.{c.stage}")
        line = (
            f"{c.id:>4} {mark} {fit(c.name, 28)} {fit(tier, 6)} {fit(stage, 11)} "
            f"{_money(c):>9} {fit(c.industry, 12)} "
            + t("cli.cust.dates", next=fit(c.next_followup or "-", 10), last=c.last_touch or "-")
        )
        print(line.rstrip())
    return 0


def _print_groups(customers: list[Customer], by: str, as_json: bool) -> int:
    """`customers ls --by KEY`: one line per value of the key, the largest pipeline
    first; shares are of the whole (filtered) pipeline."""
    groups = grouped(customers, by, sort_key)
    if as_json:
        dump([g.public(by) for g in groups])
        return 0
    if not groups:
        print(t("cli.cust.group_empty"))
        return 0
    total = pipeline_total(customers)
    names = [g.key or t("customers.group.none") for g in groups]
    width = min(max(cell_width(n) for n in [*names, t(f"customers.col.{by}")]), 24)
    cols = [t(f"customers.group.col.{c}") for c in NUMBERS]
    print(_aligned(fit(t(f"customers.col.{by}"), width), cols))
    lang = language()
    for name, g in zip(names, groups, strict=True):
        share = f"{g.pipeline / total:.0%}" if total else "-"
        money = short_deal(g.pipeline, lang) if g.pipeline else "-"
        values = [str(g.accounts), str(g.customers), str(g.opportunities), money, share,
                  str(g.churn_risks)]  # fmt: skip
        print(_aligned(fit(name, width), values))
    return 0


def _aligned(first: str, cells: list[str]) -> str:
    """The first cell as given, then each cell right-aligned in a column of 8."""
    return first + "".join(" " * max(8 - cell_width(c), 1) + c for c in cells)


def cmd_customers_deals(args: argparse.Namespace) -> int:
    ws = workspace(args)
    deals = big_deals(ws.customers.all(), sort_key)
    if args.json:
        dump([dict(c.public(), rank=n) for n, c in enumerate(deals, 1)])
        return 0
    if not deals:
        print(t("customers.deals.empty"))
        return 0
    lang = language()
    total = pipeline_total(deals)
    print(t("cli.cust.deals_total", n=len(deals), total=short_deal(total, lang) if total else "0"))
    for n, c in enumerate(deals, 1):
        share = f"{(c.deal_value or 0) / total:.0%}" if total else "-"
        line = (
            f"{n:>4} {fit(c.name, 28)} {_money(c):>9} {share:>5} {fit(t(f'tier.{c.tier}'), 6)} "
            f"{fit(c.industry, 12)} {fit(c.region, 10)} {c.owner}"
        )
        print(line.rstrip())
    return 0


def _money(cust: Customer) -> str:

    return short_deal(cust.deal_value, language()) if cust.deal_value else "-"


def cmd_customers_touch(args: argparse.Namespace) -> int:
    ws = workspace(args)
    name = " ".join(args.name)
    touch = guard(
        ws.customers.touch,
        name,
        args.note,
        channel=args.channel,
        next_followup=read_date(args.next_followup, ws),
        day=read_date(args.day, ws),
    )
    cust = guard(ws.customers.find, name)
    after = t("cli.cust.next", date=cust.next_followup) if cust.next_followup else ""
    channel = t(f"customers.channel.{touch.channel}")
    print(t("cli.cust.touched", channel=channel, name=cust.name, date=touch.date) + after)
    return 0


def cmd_customers_import(args: argparse.Namespace) -> int:
    # Imported here, for start-up time: a command loads only what it needs.
    from cockpit.importers.csvfile import import_csv

    ws = workspace(args)
    print(import_csv(ws, args.file, "customers"))
    return 0


def cmd_customers_export(args: argparse.Namespace) -> int:
    # Imported here, for start-up time: a command loads only what it needs.
    from cockpit.importers.csvfile import export_customers

    ws = workspace(args)
    # A file is for Excel (BOM, CRLF); stdout is for pipes and stays plain.
    text = export_customers(
        ws.customers.all(), excel=args.output is not None, lang=args.lang or language()
    )
    write_out(text, args.output)
    return 0
