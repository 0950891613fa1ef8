"""`cockpit add|ls|done|defer|drop`: items from the command line."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from cockpit.cli.common import dump, guard, read_date, read_ids, read_week, word, workspace
from cockpit.cli.exits import EXIT_USAGE, CliError
from cockpit.core.i18n import language, t
from cockpit.core.labels import vocab
from cockpit.core.model import LISTS, Item
from cockpit.core.textwidth import fit
from cockpit.items.rules import is_key, shown_list, this_week


def register_items(sub: Any) -> None:
    """`add`, `ls`, `done`, `defer`, `drop`."""
    p = sub.add_parser("add", help="help.add")
    p.add_argument("title", nargs="+")
    p.add_argument("--list", type=word("list"), choices=LISTS, default="plan", dest="list_name")
    p.add_argument("--week", help="help.add.week")
    p.add_argument("--due", help="help.add.due")
    p.add_argument("--customer")
    p.add_argument("--owner", default="")
    p.add_argument("--tag", action="append", default=[], dest="tags")
    p.add_argument("--key", action="store_true", help="help.add.key")
    p.add_argument("--notes", default="")
    p.add_argument(
        "--recur",
        help="help.add.recur",
    )
    p.set_defaults(handler=cmd_add)

    p = sub.add_parser("ls", help="help.ls")
    p.add_argument(
        "--list",
        type=word("list"),
        choices=LISTS,
        dest="list_name",
        help="help.ls.list",
    )
    p.add_argument("--all", action="store_true", help="help.ls.all")
    p.add_argument("--view", help="help.ls.view")
    p.add_argument("--filter", help="help.ls.filter")
    p.add_argument("--sort", help="help.ls.sort")
    p.add_argument(
        "--done",
        action="store_true",
        help="help.ls.done",
    )
    p.add_argument("--since", help="help.ls.since")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_ls)

    p = sub.add_parser("done", help="help.done")
    p.add_argument("ids", nargs="+")
    p.set_defaults(handler=cmd_done)

    p = sub.add_parser(
        "defer",
        help="help.defer",
    )
    p.add_argument("id")
    p.add_argument("--to", help="help.defer.to")
    p.add_argument(
        "--shift-due",
        action="store_true",
        help="help.defer.shift_due",
    )
    p.set_defaults(handler=cmd_defer)

    p = sub.add_parser("drop", help="help.drop")
    p.add_argument("ids", nargs="+")
    p.set_defaults(handler=cmd_drop)


# items --------------------------------------------------------------------------------
def cmd_add(args: argparse.Namespace) -> int:
    ws = workspace(args)
    customer = (args.customer or "").strip()
    if customer:
        # One customer, named exactly (any case), stored as the book spells it; a part
        # of a name or an unknown one is refused with the names it may have meant.
        customer = guard(ws.customers.find, customer).name
    recur = None
    if args.recur is not None:
        # Imported here, for start-up time: only a recurring item needs the rule reader.
        from cockpit.items.recurrence.parse import parse_rule

        recur = guard(parse_rule, args.recur, ws.clock.today())
    item = guard(
        ws.add,
        " ".join(args.title),
        list_name=args.list_name,
        week=read_week(args.week, ws),
        due=read_date(args.due, ws),
        customer=customer,
        tags=args.tags,
        owner=args.owner,
        notes=args.notes,
        key=args.key,
        recur=recur,
    )
    print(t("cli.added", id=item.id, week=item.week, list=vocab.word("list", shown_list(item)),
            title=item.title))  # fmt: skip
    if recur is not None:
        from cockpit.items.recurrence.words import describe

        print(t("cli.repeats", rule=describe(recur, language()), due=item.due or "-"))
    return 0


def cmd_ls(args: argparse.Namespace) -> int:
    if args.since is not None and not args.done:
        raise CliError("err.ls.since", EXIT_USAGE)
    ws = workspace(args)
    if args.done:
        return _closed(args, ws)
    if args.all:
        items = sorted(ws.all_items(), key=lambda i: (i.week, i.id))
    else:
        items = this_week(ws.items(), ws.week)
    if args.list_name:
        # The daily screen's rule: every key item (key list, --key or `!`) is in "key",
        # and only there; plan and ops hold the rest.
        items = [i for i in items if shown_list(i) == args.list_name]
    if args.view or args.filter or args.sort:
        items = _viewed(args, ws, items)
    # One write each: the output passes through the terminal sanitiser (`SafeStream`),
    # which line by line cost more than everything else on a 20k-item workspace.
    if args.json:
        dump([dict(i.public(), key=is_key(i)) for i in items])
        return 0
    sys.stdout.write("\n".join(format_items(items, ws.week)) + "\n")
    return 0


def _viewed(args: argparse.Namespace, ws: Any, items: list[Item]) -> list[Item]:
    """`--view`, `--filter` and `--sort`: the daily screen's views, on the listed items.
    A filter given with a view narrows it; a sort given replaces the view's."""
    # Imported on use only, for start-up time: a plain `ls` does not load the finder.
    from cockpit.find.views import make_view, named_view

    today = ws.clock.today()
    name, filter_text, sort_text = "", args.filter or "", args.sort or ""
    if args.view:
        view = guard(named_view, ws.config.views, args.view, today)
        name, filter_text = view.name, f"{view.filter} {filter_text}"
        sort_text = sort_text or view.sort_text
    return list(guard(make_view, name, filter_text, sort_text, today).apply(items))


def _closed(args: argparse.Namespace, ws: Any) -> int:
    """`ls --done [--since D] [--filter WORDS]`: closed items by week, newest first."""
    # Imported on use only, for start-up time: a plain `ls` never reads the archive.
    from cockpit.items.history import by_week, closed

    since = _since(args.since, ws) if args.since is not None else None
    rows = closed(ws, since, args.filter or "")
    if args.json:
        dump([
            dict(r.item.public(), key=is_key(r.item), closed=r.day.isoformat(), closed_week=r.week)
            for r in rows
        ])  # fmt: skip
        return 0
    if not rows:
        print(t("cli.ls.none_closed"))
        return 0
    lines = []
    for week, group in by_week(rows):
        done = sum(1 for r in group if r.item.status == "done")
        lines.append(t("history.week", week=week, done=done, dropped=len(group) - done))
        for row in group:
            item = row.item
            mark = "✓" if item.status == "done" else "✗"
            extra = [f"@{item.customer}"] if item.customer else []
            extra += [f"+{tag}" for tag in item.tags]
            day = f"{t(f'weekday.{row.day.weekday()}')} {row.day:%m-%d}"
            lines.append(f"{item.id:>5} {mark} {day}  {fit(item.title, 48)} {' '.join(extra)}")
    sys.stdout.write("\n".join(line.rstrip() for line in lines) + "\n")
    return 0


def _since(text: str, ws: Any) -> Any:
    """A day (`2026-11-01`, `11月1日`) or the first day of a week (`W44`, `last`)."""
    # Imported on use only, for start-up time.
    from cockpit.core.dates import parse_date
    from cockpit.core.errors import DateError, WeekError
    from cockpit.core.weeks import monday, parse_week

    today = ws.clock.today()
    try:
        return parse_date(text, today)
    except DateError:
        pass
    try:
        return monday(parse_week(text, today))
    except WeekError:
        raise CliError("err.ls.since_unread", text=text) from None


def format_items(items: list[Item], week: str) -> list[str]:
    """Aligned text rows (Chinese-safe) for `cockpit ls`."""
    if not items:
        return [t("cli.ls.empty")]
    rows = []
    for item in items:
        flags = ("!" if is_key(item) else " ") + (
            "✓" if item.status == "done" else "✗" if item.status == "dropped" else " "
        )
        extra = []
        if item.week < week and item.is_open:
            extra.append(t("meta.carried", n=item.carried) if item.carried else t("cli.ls.carry"))
        if item.due:
            extra.append(t("cli.ls.due", date=item.due))
        if item.customer:
            extra.append(f"@{item.customer}")
        extra.extend(f"+{t}" for t in item.tags)
        if item.recur:
            extra.append("↻")
        rows.append(
            f"{item.id:>5} {flags} {item.week:<8} {fit(t(f'list.{shown_list(item)}'), 4)} "
            f"{fit(item.title, 48)} " + " ".join(extra)
        )
    return [line.rstrip() for line in rows]


def _apply_all(args: argparse.Namespace, method: str, verb: str) -> int:
    ws = workspace(args)
    ids = read_ids(args.ids)
    hot = {i.id for i in ws.items()}
    wanted = "done" if method == "done" else "dropped"
    for item_id in ids:  # check every id before changing any
        item = guard(ws.get, item_id)
        if item_id not in hot:
            raise CliError(
                "err.item.archived_status", id=item_id, status=vocab.word("status", item.status)
            )
        if item.status == wanted:
            raise CliError(f"err.item.already_{wanted}", id=item_id)
    for item_id in ids:
        item, following = guard(ws.finish, item_id, wanted)
        print(t(verb, id=item.id, title=item.title))
        if following is not None:  # a recurring item: its next occurrence
            print(t("cli.next", id=following.id, week=following.week, due=following.due))
    return 0


def cmd_done(args: argparse.Namespace) -> int:
    return _apply_all(args, "done", "cli.done")


def cmd_drop(args: argparse.Namespace) -> int:
    return _apply_all(args, "drop", "cli.dropped")


def cmd_defer(args: argparse.Namespace) -> int:
    ws = workspace(args)
    (item_id,) = read_ids([args.id])
    before = guard(ws.get, item_id)
    item = guard(ws.defer, item_id, read_week(args.to, ws), shift_due=args.shift_due)
    line = t("cli.deferred", id=item.id, week=item.week, title=item.title)
    if item.due and item.due != before.due:
        line += t("cli.deferred.moved", date=item.due)
    elif item.due:
        line += t("cli.deferred.stays", date=item.due)
    print(line)
    return 0
