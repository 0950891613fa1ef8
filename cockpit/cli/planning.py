"""`cockpit req …` and `cockpit launch …` (and, through `cli_metrics`, `cockpit metrics …`)."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from cockpit.cli.common import command, dump, group, guard, read_date, word, workspace
from cockpit.cli.exits import CliError
from cockpit.core.i18n import CATALOG, t
from cockpit.core.textwidth import fit
from cockpit.planning import launches, progress, requirements


def register_planning(sub: Any) -> None:
    """Add `req` and `launch` with their subcommands."""
    rsub = group(sub, "req", "help.req")
    p = command(rsub, "add", cmd_req_add, "help.req.add")
    p.add_argument("title", nargs="+")
    p.add_argument("--source", type=word("req_source"), choices=requirements.SOURCES)
    p.add_argument("--kano", default="", help="help.req.add.kano")  # the Kano classes
    p.add_argument("--priority", default="P2", help="help.req.add.priority")
    p.add_argument("--customer", default="")
    p.add_argument("--ref", default="", help="help.req.add.ref")
    p.add_argument("--owner", default="")
    p.add_argument("--release", default="", help="help.req.add.release")
    p.add_argument("--notes", default="")
    p = command(rsub, "ls", cmd_req_ls, "help.req.ls")
    p.add_argument("--status")
    p.add_argument("--kano")
    p.add_argument("--customer")
    p.add_argument("--all", action="store_true")
    p.add_argument("--sort", choices=("stage", "risk"), default="stage",
                   help="help.req.ls.sort")  # fmt: skip
    p.add_argument("--json", action="store_true")
    p = command(rsub, "edit", cmd_req_edit, "help.req.edit")
    p.add_argument("id")
    # Read after the config (not by argparse), so a bad value is refused in its language.
    p.add_argument("--progress", help="help.req.edit.progress")
    p.add_argument("--expected", help="help.req.edit.expected")
    p.add_argument("--risk", help="help.req.edit.risk")
    p.add_argument("--risk-reason", dest="risk_reason", help="help.req.edit.risk_reason")
    p.add_argument("--release", help="help.req.edit.release")
    p.add_argument("--reason", default="", help="help.req.edit.reason")
    p = command(rsub, "move", cmd_req_move, "help.req.move")
    p.add_argument("id")
    p.add_argument("status", nargs="+", help="help.req.move.status")  # the statuses
    p.add_argument("--reason", required=True)
    p = command(rsub, "show", cmd_req_show, "help.req.show")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")

    lsub = group(sub, "launch", "help.launch")
    p = command(lsub, "new", cmd_launch_new, "help.launch.new")
    p.add_argument("name", nargs="+")
    p.add_argument("--date", required=True, help="help.launch.new.date")
    p.add_argument("--template", default="default", choices=tuple(launches.TEMPLATES))
    p = command(lsub, "ls", cmd_launch_ls, "help.launch.ls")
    p.add_argument("--json", action="store_true")
    p = command(lsub, "show", cmd_launch_show, "help.launch.show")
    p.add_argument("name", nargs="+")
    p.add_argument("--json", action="store_true")
    p = command(lsub, "check", cmd_launch_check, "help.launch.check")
    p.add_argument("name", nargs="+")
    p.add_argument("no", type=int, metavar="ITEM_NO")
    p.add_argument("--undo", action="store_true", help="help.launch.check.undo")


# requirements -------------------------------------------------------------------------
def _req_id(text: str) -> int:
    value = text.lstrip("#")
    if not value.isdigit():
        raise CliError("err.req.id", text=text)
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
    status = t(f"req.status.{req.status}")
    print(t("cli.req.added", id=req.id, status=status, priority=req.priority, title=req.title))
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
    if args.sort == "risk":
        reqs = progress.by_risk(reqs)
    if args.json:
        dump([r.public() for r in reqs])
        return 0
    if not reqs:
        print(t("cli.req.empty"))
    for r in reqs:
        extra = " ".join(x for x in (f"@{r.customer}" if r.customer else "", r.release) if x)
        status = fit(t(f"req.status.{r.status}"), 14)
        kano = fit(t(f"req.kano.{r.kano}") if r.kano else "-", 11)
        line = f"{r.id:>5} {r.priority} {status} {kano} {fit(r.title, 44)} {extra}"
        if r.status in progress.TRACKED and (r.progress or r.expected or r.risk):
            line = f"{line.rstrip()}  {_progress_text(r)}"
        print(line.rstrip())
    return 0


def _progress_text(req: requirements.Requirement) -> str:
    """`60% 2026-12-20 risk high`: the progress fields of a tracked requirement."""
    parts = [f"{req.progress}%", req.expected]
    if req.risk:
        parts.append(t("cli.req.risk", risk=t(f"req.risk.{req.risk}")))
    return " ".join(p for p in parts if p)


def cmd_req_edit(args: argparse.Namespace) -> int:
    ws = workspace(args)
    req_id = _req_id(args.id)
    given = [args.progress, args.expected, args.risk, args.risk_reason]
    if all(v is None for v in given):
        if args.release is None:
            raise CliError("cli.req.nothing")
        req = guard(requirements.edit, ws, req_id, args.reason, release=args.release)
        print(t("cli.req.release_set", id=req.id, title=req.title,
                release=req.release or t("roadmap.unscheduled")))  # fmt: skip
        return 0
    if args.release is not None:
        # Both at once would be two steps: a refused second one would leave half written.
        raise CliError("cli.req.release_alone")
    expected: dt.date | str | None = None
    if args.expected is not None:
        expected = read_date(args.expected, ws) if args.expected.strip() else ""
    req = guard(
        progress.set_progress,
        ws,
        req_id,
        progress=guard(progress.parse_progress, args.progress) if args.progress else None,
        expected=expected,
        risk=guard(progress.parse_risk, args.risk) if args.risk is not None else None,
        risk_reason=args.risk_reason,
    )
    risk = t(f"req.risk.{req.risk or 'unset'}")
    print(t("cli.req.progress", id=req.id, title=req.title, progress=f"{req.progress}%",
            expected=req.expected or "-", risk=risk))  # fmt: skip
    return 0


def cmd_req_move(args: argparse.Namespace) -> int:
    ws = workspace(args)
    req_id = _req_id(args.id)
    old = guard(requirements.get, ws, req_id).status
    req = guard(requirements.move, ws, req_id, " ".join(args.status), args.reason)
    print(t("cli.req.moved", id=req.id, old=t(f"req.status.{old}"),
            new=t(f"req.status.{req.status}"), title=req.title))  # fmt: skip
    return 0


def cmd_req_show(args: argparse.Namespace) -> int:
    ws = workspace(args)
    req = guard(requirements.get, ws, _req_id(args.id))
    if args.json:
        dump(req.public())
        return 0
    print(f"#{req.id} {req.title}")
    kano = t(f"req.kano.{req.kano}") if req.kano else "-"
    facts = [t(f"req.status.{req.status}"), req.priority, t("cli.req.kano", kano=kano),
             t("cli.req.source", source=t(f"req.source.{req.source}"))]  # fmt: skip
    for name, value in (("customer", req.customer), ("ref", req.ref), ("owner", req.owner),
                        ("release", req.release)):  # fmt: skip
        if value:
            facts.append(t(f"cli.req.{name}", value=value))
    print("  " + " · ".join(facts))
    if req.status in progress.TRACKED or req.progress or req.risk:
        risk = t(f"req.risk.{req.risk or 'unset'}")
        card = t("req.card.progress", progress=f"{req.progress}%", expected=req.expected or "-",
                 risk=risk)  # fmt: skip
        print("  " + card + (f" ({req.risk_reason})" if req.risk_reason else ""))
    if req.notes:
        print(f"  {req.notes}")
    for e in req.log:
        reason = e.get("reason", "")
        if e["kind"] == "created" and f"req.source.{reason}" in CATALOG:
            reason = t(f"req.source.{reason}")  # where it came from: 客户, not customer
        print(f"  {e['at'][:10]} {_log_line(e)}" + (t("cli.req.reason", reason=reason)
              if reason else ""))  # fmt: skip
    return 0


def _log_line(entry: dict[str, str]) -> str:
    """A change-log entry: `status: collected -> reviewed`, `kano: - -> must-be`, `created`."""
    if "from" not in entry:
        return t("cli.req.log_created") if entry["kind"] == "created" else entry["kind"]
    field = entry.get("field", "status")
    old, new = entry.get("from", ""), entry["to"]
    if field == "status":
        old, new = t(f"req.status.{old}"), t(f"req.status.{new}")
    elif field == "kano":
        old, new = (t(f"req.kano.{v}") if v else "-" for v in (old, new))
    elif field == "risk":
        old, new = (t(f"req.risk.{v}") if v else "-" for v in (old, new))
    elif field in ("expected", "risk_reason"):
        old, new = (v or "-" for v in (old, new))
    return t("cli.req.log", field=t(f"cli.req.field.{field}"), old=old, new=new)


# launches -----------------------------------------------------------------------------
def cmd_launch_new(args: argparse.Namespace) -> int:
    ws = workspace(args)
    golive = read_date(args.date, ws)
    if golive is None:
        raise CliError("err.launch.date")
    launch = guard(launches.new, ws, " ".join(args.name), golive, args.template)
    first = min(it.deadline(golive) for it in launch.items)
    print(t("cli.launch.new", id=launch.id, name=launch.name, golive=launch.golive,
            n=len(launch.items), first=first))  # fmt: skip
    return 0


def cmd_launch_ls(args: argparse.Namespace) -> int:
    ws = workspace(args)
    today = ws.clock.today()
    all_launches = launches.all_launches(ws)
    if args.json:
        dump([{k: v for k, v in la.public(today).items() if k != "items"} for la in all_launches])
        return 0
    if not all_launches:
        print(t("cli.launch.empty"))
    for la in all_launches:
        info = la.public(today)
        late = "  " + t("cli.launch.overdue", n=info["overdue"]) if info["overdue"] else ""
        done = t("cli.launch.done", done=info["done"], total=info["total"])
        print(
            f"{la.id:>4} {fit(la.name, 32)} {t('cli.launch.golive', date=la.golive)}  {done}{late}"
        )
    return 0


def cmd_launch_show(args: argparse.Namespace) -> int:
    ws = workspace(args)
    launch = guard(launches.find, ws, " ".join(args.name))
    info = launch.public(ws.clock.today())
    if args.json:
        dump(info)
        return 0
    golive = t("cli.launch.golive", date=launch.golive)
    done = t("cli.launch.done", done=info["done"], total=info["total"])
    print(f"{launch.name}{t('cli.colon')}{golive}{t('sep.names')}{done}")
    for it in info["items"]:
        mark = {"done": "x", "skipped": "-"}.get(it["state"], " ")
        late = " " + t("cli.launch.item_overdue") if it["overdue"] else ""
        rest = " ".join(x for x in (it["owner"], it["note"]) if x)
        print(f"  {it['no']:>2} [{mark}] {it['due']} {fit(it['title'], 56)} {rest}{late}".rstrip())
    return 0


def cmd_launch_check(args: argparse.Namespace) -> int:
    ws = workspace(args)
    name = " ".join(args.name)
    item = guard(launches.check, ws, name, args.no, not args.undo)
    launch = guard(launches.find, ws, name)
    key = "cli.launch.reopened" if args.undo else "cli.launch.checked"
    print(t(key, name=launch.name, no=item.no, title=item.title))
    return 0
