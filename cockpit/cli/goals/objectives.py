"""`cockpit goals …`: objectives and key results by quarter, with progress and risk."""

from __future__ import annotations

import argparse

from cockpit.cli.common import dump, guard, workspace
from cockpit.cli.exits import CliError
from cockpit.core.i18n import language, t
from cockpit.core.textwidth import fit
from cockpit.goals import book, measure, words
from cockpit.goals.progress import ObjectiveState
from cockpit.goals.quarters import parse_quarter, quarter_of
from cockpit.items.workspace import Workspace
from cockpit.metrics import book as metrics


# reading values -----------------------------------------------------------------------
def _goal_id(text: str) -> int:
    value = text.lstrip("#")
    if not value.isdigit():
        raise CliError("err.goal.id", text=text)
    return int(value)


def _kr_ref(text: str) -> tuple[int, int]:
    head, dot, tail = text.lstrip("#").partition(".")
    if not (dot and head.isdigit() and tail.isdigit()):
        raise CliError("err.goal.kr_ref", text=text)
    return int(head), int(tail)


# objectives ---------------------------------------------------------------------------
def cmd_goals_ls(args: argparse.Namespace) -> int:
    ws = workspace(args)
    today = ws.clock.today()
    every = (args.quarter or "").strip().casefold() in ("all", "全部")
    quarter = None if every else (
        guard(parse_quarter, args.quarter, today) if args.quarter else quarter_of(today)
    )  # fmt: skip
    objectives = book.all_objectives(ws)
    if quarter is not None:
        objectives = book.in_quarter(objectives, quarter.key)
    states = measure.assess(ws, objectives, today)
    if args.json:
        dump([s.public() for s in states])
        return 0
    if not states:
        print(t("cli.goal.none_at_all") if every else t("cli.goal.empty", quarter=quarter))
        return 0
    lang = language()
    shown = None
    for state in states:
        if state.quarter != shown:
            shown = state.quarter
            print(words.quarter_line(state.quarter, today, lang))
        _print_objective(ws, state, lang)
    return 0


def _print_objective(ws: Workspace, state: ObjectiveState, lang: str) -> None:
    o = state.objective
    owner = f"  {t('goal.owner', owner=o.owner)}" if o.owner else ""
    head = (
        f"#{o.id} {o.title}  {words.share(state.fraction)}  {words.status_word(state.status, lang)}"
    )
    print(f"{head}{owner}")
    tables = metrics.tables(ws)
    for k in state.krs:
        spec = tables.get(k.kr.table)
        table = spec.title(lang) if spec else k.kr.table
        column = k.kr.column
        if spec is not None:
            column = next((c.title(lang) for c in spec.columns if c.name == column), column)
        line = (
            f"  {o.id}.{k.number} {fit(k.kr.title, 36)} {fit(words.kr_progress(k, lang), 24)} "
            f"{words.share(k.fraction):>5}  {t('goal.line', share=words.share(k.expected))}  "
            f"{words.status_word(k.status, lang)}"
        )
        print(line.rstrip())
        extra = words.kr_source(k, table, column, lang)
        if k.missing:
            extra += " · " + t("goal.missing", ids=" ".join(f"#{x}" for x in k.missing))
        print(f"       {extra}")


def cmd_goals_add(args: argparse.Namespace) -> int:
    ws = workspace(args)
    obj = guard(book.add, ws, " ".join(args.title), args.quarter, args.owner)
    print(t("cli.goal.added", id=obj.id, quarter=obj.quarter, title=obj.title))
    return 0


def cmd_goals_edit(args: argparse.Namespace) -> int:
    ws = workspace(args)
    goal_id = _goal_id(args.id)
    if args.title is None and args.quarter is None and args.owner is None:
        raise CliError("err.goal.nothing")
    obj = guard(book.edit, ws, goal_id, title=args.title, quarter=args.quarter, owner=args.owner)
    print(t("cli.goal.edited", id=obj.id, quarter=obj.quarter, title=obj.title))
    return 0


def cmd_goals_rm(args: argparse.Namespace) -> int:
    ws = workspace(args)
    obj = guard(book.remove, ws, _goal_id(args.id))
    print(t("cli.goal.removed", id=obj.id, n=len(obj.krs), title=obj.title))
    return 0


# key results --------------------------------------------------------------------------
def cmd_kr_add(args: argparse.Namespace) -> int:
    ws = workspace(args)
    goal_id = _goal_id(args.id)
    guard(book.get, ws, goal_id)  # an unknown objective is named before its values
    given = [m for m, v in (("metric", args.metric), ("items", args.items),
                            ("reqs", args.reqs)) if v is not None]  # fmt: skip
    if len(given) != 1:
        raise CliError("err.goal.one_measure")
    measure_name = given[0]
    fields: dict[str, str] = {}
    if measure_name == "metric":
        fields = {"metric": args.metric, "target": args.target or "", "start": args.start or "",
                  "agg": args.agg or ""}  # fmt: skip
    else:
        fields = {"links": args.items if measure_name == "items" else args.reqs}
    kr = guard(book.make_kr, ws, " ".join(args.title), measure_name, **fields)
    obj = guard(book.add_kr, ws, goal_id, kr)
    print(t("cli.goal.kr_added", ref=f"{obj.id}.{len(obj.krs)}", title=kr.title))
    return 0


def cmd_kr_edit(args: argparse.Namespace) -> int:
    ws = workspace(args)
    goal_id, number = _kr_ref(args.ref)
    names = ("title", "metric", "target", "start", "agg", "links")
    fields = {n: getattr(args, n) for n in names if getattr(args, n) is not None}
    if not fields:
        raise CliError("err.goal.kr_nothing")
    obj = guard(book.edit_kr, ws, goal_id, number, **fields)
    title = obj.key_results[number - 1].title
    print(t("cli.goal.kr_edited", ref=f"{obj.id}.{number}", title=title))
    return 0


def cmd_kr_rm(args: argparse.Namespace) -> int:
    ws = workspace(args)
    goal_id, number = _kr_ref(args.ref)
    obj, kr = guard(book.remove_kr, ws, goal_id, number)
    print(t("cli.goal.kr_removed", ref=f"{obj.id}.{number}", title=kr.title))
    return 0
