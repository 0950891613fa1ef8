"""`cockpit roadmap`: the requirement pool's committed work by target release."""

from __future__ import annotations

import argparse

from cockpit.cli.common import dump, workspace
from cockpit.core.i18n import t
from cockpit.core.textwidth import fit
from cockpit.goals import words
from cockpit.planning import requirements
from cockpit.planning.roadmap import STAGES, roadmap


def cmd_roadmap(args: argparse.Namespace) -> int:
    ws = workspace(args)
    releases = roadmap(requirements.all_requirements(ws))
    if args.release is not None:
        wanted = " ".join(args.release.split()).casefold()
        releases = [r for r in releases if r.name.casefold() == wanted]
    if args.json:
        dump([r.public() for r in releases])
        return 0
    if not releases:
        print(t("cli.roadmap.empty"))
        return 0
    for rel in releases:
        name = rel.name or t("roadmap.unscheduled")
        count = t("roadmap.count", n=rel.count)
        print(t("cli.roadmap.release", release=name, count=count,
                share=words.share(rel.released_share)))  # fmt: skip
        for stage in STAGES:
            reqs = rel.stages[stage]
            if not reqs:
                continue
            print(f"  {t(f'roadmap.stage.{stage}')}")
            for r in reqs:
                extra = [f"@{r.customer}" if r.customer else "", r.owner]
                if stage == "in-development" and (r.progress or r.expected):
                    extra.append(f"{r.progress}% {r.expected}".strip())
                if r.risk == "high":
                    extra.append(t("cli.req.risk", risk=t("req.risk.high")))
                tail = " ".join(x for x in extra if x)
                print(f"    #{r.id:<4} {r.priority} {fit(r.title, 48)} {tail}".rstrip())
    return 0
