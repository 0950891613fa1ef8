"""`cockpit edit|note|show|undo`: changing one item from a script or a cron job, seeing
everything about it, and taking the command line's own last change back."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from cockpit.cli.common import dump, guard, read_date, read_ids, read_week, word, workspace
from cockpit.cli.exits import EXIT_USAGE, CliError
from cockpit.core.i18n import language, t
from cockpit.core.labels import vocab
from cockpit.core.model import LISTS, Item
from cockpit.items.rules import shown_list
from cockpit.items.workspace import Workspace

NONE = ("none", "-", "无")
"""What clears a due date, customer or owner (`--due none`)."""


def register_editing(sub: Any) -> None:
    """`edit`, `note`, `show`, `undo`."""
    p = sub.add_parser(
        "edit",
        help="help.edit",
        description="help.edit.about",
    )
    p.add_argument("id")
    p.add_argument("--title")
    p.add_argument("--due", help="help.edit.due")
    p.add_argument("--list", type=word("list"), choices=LISTS, dest="list_name")
    p.add_argument("--week", help="help.add.week")
    p.add_argument("--customer", help="help.edit.customer")
    p.add_argument("--owner", help="help.edit.owner")
    p.add_argument("--tag", action="append", default=[], dest="tags", help="help.edit.tag")
    p.add_argument("--key", action=argparse.BooleanOptionalAction, default=None)
    p.add_argument("--recur", help="help.edit.recur")
    p.add_argument("--notes", help="help.edit.notes")
    p.add_argument("--seq", type=int, help="help.edit.seq")
    p.set_defaults(handler=cmd_edit)

    p = sub.add_parser("note", help="help.note")
    p.add_argument("id")
    p.add_argument("text", nargs="+")
    p.set_defaults(handler=cmd_note)

    p = sub.add_parser("show", help="help.show")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser(
        "undo",
        help="help.undo",
        description="help.undo.about",
    )
    p.set_defaults(handler=cmd_undo)


def _one_id(raw: str) -> int:
    (item_id,) = read_ids([raw])
    return item_id


def cmd_edit(args: argparse.Namespace) -> int:
    ws = workspace(args)
    item_id = _one_id(args.id)
    before = guard(ws.get, item_id)
    fields = _fields(args, ws)
    if not fields:
        raise CliError("err.edit.nothing", EXIT_USAGE)
    item = guard(ws.edit, item_id, expect_seq=args.seq, **fields)
    print(t("cli.edited", id=item.id, title=item.title))
    for line in _differences(before, item):
        print(f"  {line}")
    return 0


def _cleared(text: str) -> bool:
    return text.strip().casefold() in NONE


def _fields(args: argparse.Namespace, ws: Workspace) -> dict[str, Any]:
    """The fields to change, each read and checked before anything is written."""
    fields: dict[str, Any] = {}
    if args.title is not None:
        fields["title"] = args.title  # an empty one is refused by the domain
    if args.due is not None:
        fields["due"] = None if _cleared(args.due) else read_date(args.due, ws)
        if fields["due"] is None and not _cleared(args.due):
            raise CliError("err.edit.empty", option="--due")
    if args.list_name is not None:
        fields["list"] = args.list_name
    if args.week is not None:
        fields["week"] = read_week(args.week, ws)
    if args.customer is not None:
        name = args.customer.strip()
        fields["customer"] = "" if _cleared(name) else guard(ws.customers.find, name).name
    if args.owner is not None:
        fields["owner"] = "" if _cleared(args.owner) else args.owner
    if args.tags:
        added = [tag[1:] if tag.startswith("+") else tag for tag in args.tags]
        added = [tag for tag, raw in zip(added, args.tags, strict=True) if not raw.startswith("-")]
        removed = [tag[1:] for tag in args.tags if tag.startswith("-")]
        if not all(tag.strip().lstrip("+#") for tag in [*added, *removed]):
            raise CliError("err.edit.tag")
        fields["add_tags"], fields["remove_tags"] = added, removed
    if args.key is not None:
        fields["key"] = args.key
    if args.recur is not None:
        # Imported here, for start-up time: only a rule needs the rule reader.
        from cockpit.items.recurrence.parse import OFF, parse_rule

        text = args.recur.strip()
        off = text.casefold() in OFF
        fields["recur"] = None if off else guard(parse_rule, text, ws.clock.today())
    if args.notes is not None:
        fields["notes"] = args.notes
    return fields


def _differences(before: Item, after: Item) -> list[str]:
    """One line per field the edit changed: `due: none → 2026-12-01`."""
    lines = []
    for name, show in _SHOWN.items():
        old, new = show(before), show(after)
        if old != new:
            lines.append(t("cli.edit.changed", field=t(f"show.{name}"), old=old, new=new))
    return lines


def _none() -> str:
    return t("show.none")


def _rule_text(item: Item) -> str:
    """The item's rule in words of the UI's language ("never" when it does not repeat)."""
    if not item.recur:
        return t("show.never")
    # Imported here, for start-up time: only a recurring item needs the rule wording.
    from cockpit.core.errors import InvalidError
    from cockpit.items.recurrence.words import describe
    from cockpit.items.series import rule_of

    try:
        rule = rule_of(item)
    except InvalidError:
        return t("show.unreadable", text=item.recur)
    return describe(rule, language()) if rule else t("show.never")


_SHOWN: dict[str, Callable[[Item], str]] = {
    "title": lambda i: i.title,
    "list": lambda i: str(vocab.word("list", shown_list(i))),
    "week": lambda i: i.week,
    "due": lambda i: i.due or _none(),
    "repeats": _rule_text,
    "customer": lambda i: i.customer or _none(),
    "owner": lambda i: i.owner or _none(),
    "tags": lambda i: " ".join(f"+{tag}" for tag in i.tags) or _none(),
    "notes": lambda i: t("show.lines", n=len(i.notes.splitlines())) if i.notes else _none(),
}


def cmd_note(args: argparse.Namespace) -> int:
    ws = workspace(args)
    item = guard(ws.annotate, _one_id(args.id), " ".join(args.text))
    stamp, text = item.annotations[-1]
    print(t("cli.noted", id=item.id, date=stamp[:10], text=text))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    ws = workspace(args)
    item = guard(ws.get, _one_id(args.id))
    archived = str(item.id) not in ws.files.raw("items").get("items", {})
    if args.json:
        dump(
            dict(
                item.public(),
                key=item.key or item.list == "key",
                repeats=_rule_text(item) if item.recur else None,
                updated=item.updated,
                source=item.source or None,
                seq=item.seq,
                archived=archived,
                annotations=[list(a) for a in item.annotations],
                history=[list(h) for h in item.history],
            )
        )
        return 0
    sys.stdout.write("\n".join(format_item(item, ws, archived)) + "\n")
    return 0


def format_item(item: Item, ws: Workspace, archived: bool) -> list[str]:
    """`cockpit show`: every field, then notes, annotations and history."""
    status = str(vocab.word("status", item.status))
    if archived:
        status += t("show.archived")
    rows = [
        ("status", status),
        ("list", _SHOWN["list"](item)),  # key: every key item, as the daily screen
        ("week", item.week + (t("show.this_week") if item.week == ws.week else "")),
        ("due", _SHOWN["due"](item)),
        ("repeats", _rule_text(item) + (f"  [{item.recur}]" if item.recur else "")),
        ("customer", _SHOWN["customer"](item)),
        ("owner", _SHOWN["owner"](item)),
        ("tags", _SHOWN["tags"](item)),
        ("carried", t("meta.carried", n=item.carried) if item.carried else "0"),
        ("created", _when(item.created)),
        ("updated", _when(item.updated)),
        ("finished", _when(item.done_at) if item.done_at else t("show.not_yet")),
        ("seq", str(item.seq)),
    ]
    if item.source:
        rows.append(("source", item.source))
    # Imported here, for start-up time: only `show` pads labels by their cell width.
    from cockpit.core.textwidth import cell_width, fit

    names = {name: t(f"show.{name}") for name, _ in rows}
    width = max(cell_width(n) for n in names.values())
    lines = [f"#{item.id} {item.title}"]
    lines += [f"  {fit(names[name], width)}  {value}" for name, value in rows]
    if item.notes:
        lines.append(t("show.notes_head"))
        lines += [f"  {line}" for line in item.notes.splitlines()]
    if item.annotations:
        lines.append(t("show.annotations_head"))
        lines += [f"  {_when(stamp)}  {text}" for stamp, text in item.annotations]
    lines.append(t("show.history_head"))
    lines += [f"  {_when(stamp)}  {vocab.history(what)}" for stamp, what in item.history]
    return [line.rstrip() for line in lines]


def _when(stamp: str | None) -> str:
    """An ISO time as `2026-11-18 10:00` (the zone is the workspace's)."""
    return (stamp or "")[:16].replace("T", " ")


def cmd_undo(args: argparse.Namespace) -> int:
    # Imported here, for start-up time: only this command reads the journal.
    from cockpit.items.journal import undo_last

    ws = workspace(args)
    step = guard(undo_last, ws)
    print(t("cli.undone", label=step.label_in(language()), at=_when(step.at)))
    return 0
