"""`cockpit goals …` and `cockpit roadmap`: where the quarter's objectives stand, and
what the requirement pool has committed to which release."""

from __future__ import annotations

from typing import Any

from cockpit.cli.common import command, group
from cockpit.cli.goals.objectives import (
    cmd_goals_add,
    cmd_goals_edit,
    cmd_goals_ls,
    cmd_goals_rm,
    cmd_kr_add,
    cmd_kr_edit,
    cmd_kr_rm,
)
from cockpit.cli.goals.roadmap import cmd_roadmap

__all__ = ["register_goals"]


def register_goals(sub: Any) -> None:
    """Add `goals` (ls, add, edit, rm, kr add|edit|rm) and `roadmap`."""
    gsub = group(sub, "goals", "help.goals")
    p = command(gsub, "ls", cmd_goals_ls, "help.goals.ls")
    p.add_argument("--quarter", help="help.goals.ls.quarter")
    p.add_argument("--json", action="store_true")
    p = command(gsub, "add", cmd_goals_add, "help.goals.add")
    p.add_argument("title", nargs="+")
    p.add_argument("--quarter", default="", help="help.goals.add.quarter")
    p.add_argument("--owner", default="")
    p = command(gsub, "edit", cmd_goals_edit, "help.goals.edit")
    p.add_argument("id")
    p.add_argument("--title")
    p.add_argument("--quarter")
    p.add_argument("--owner")
    p = command(gsub, "rm", cmd_goals_rm, "help.goals.rm")
    p.add_argument("id")
    ksub = group(gsub, "kr", "help.goals.kr")
    p = command(ksub, "add", cmd_kr_add, "help.goals.kr.add")
    p.add_argument("id", help="help.goals.kr.add.id")
    p.add_argument("title", nargs="+")
    p.add_argument("--metric", help="help.goals.kr.metric")
    p.add_argument("--target", help="help.goals.kr.target")
    p.add_argument("--start", help="help.goals.kr.start")
    p.add_argument("--agg", help="help.goals.kr.agg")
    p.add_argument("--items", help="help.goals.kr.items")
    p.add_argument("--reqs", help="help.goals.kr.reqs")
    p = command(ksub, "edit", cmd_kr_edit, "help.goals.kr.edit")
    p.add_argument("ref", help="help.goals.kr.ref")
    p.add_argument("--title")
    p.add_argument("--metric")
    p.add_argument("--target")
    p.add_argument("--start")
    p.add_argument("--agg")
    p.add_argument("--links", help="help.goals.kr.links")
    p = command(ksub, "rm", cmd_kr_rm, "help.goals.kr.rm")
    p.add_argument("ref")

    p = command(sub, "roadmap", cmd_roadmap, "help.roadmap")
    p.add_argument("--release", help="help.roadmap.release")
    p.add_argument("--json", action="store_true")
