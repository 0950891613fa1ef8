"""The product roadmap (seed 004: stages and iterations): the requirement pool's
committed work by target release, each release split into what is planned, in
development and released.

Rules:
- On the roadmap: requirements planned, in development, released or closed (a closed
  one was released: it shows there). Collected, reviewed and rejected ones are not
  commitments yet (or any more), so they stay in the pool.
- A release is the requirement's target release as typed (`17.3`, `2026-Q4`, `v2.0`);
  releases are ordered naturally (`2026-Q4` before `2027-Q1`, `v2.9` before `v2.10`),
  and committed work with no release closes the roadmap as "unscheduled".
- Within a stage: priority, then id.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from cockpit.planning.requirement_rules import PRIORITIES, Requirement

STAGES = ("planned", "in-development", "released")
_STAGE_OF = {"planned": "planned", "in-development": "in-development", "released": "released",
             "closed": "released"}  # fmt: skip
_PIECES = re.compile(r"(\d+)")


@dataclass
class Release:
    """One release of the roadmap ("": unscheduled) and its requirements by stage."""

    name: str
    stages: dict[str, list[Requirement]] = field(
        default_factory=lambda: {stage: [] for stage in STAGES}
    )

    @property
    def count(self) -> int:
        """How many requirements it holds."""
        return sum(len(reqs) for reqs in self.stages.values())

    @property
    def released_share(self) -> float:
        """The share already released (0 for an empty release)."""
        return len(self.stages["released"]) / self.count if self.count else 0.0

    def public(self) -> dict[str, Any]:
        """The JSON of `cockpit roadmap --json`."""
        return {
            "release": self.name,
            "count": self.count,
            **{
                stage: [
                    {"id": r.id, "title": r.title, "status": r.status, "priority": r.priority,
                     "customer": r.customer, "owner": r.owner, "progress": r.progress,
                     "expected": r.expected, "risk": r.risk}
                    for r in reqs
                ]
                for stage, reqs in self.stages.items()
            },
        }  # fmt: skip


def stage_of(req: Requirement) -> str | None:
    """The roadmap stage of `req` (None: not on the roadmap)."""
    return _STAGE_OF.get(req.status)


def release_order(name: str) -> tuple[Any, ...]:
    """Natural order: numbers inside a name compare as numbers; unscheduled last."""
    pieces = tuple((0, int(p)) if p.isdigit() else (1, p.casefold()) for p in _PIECES.split(name))
    return (name == "", pieces)


def roadmap(reqs: Iterable[Requirement]) -> list[Release]:
    """The committed requirements grouped by release (see the module's rules)."""
    releases: dict[str, Release] = {}
    for req in reqs:
        stage = stage_of(req)
        if stage is None:
            continue
        name = " ".join(req.release.split())
        releases.setdefault(name, Release(name)).stages[stage].append(req)
    for rel in releases.values():
        for reqs_in in rel.stages.values():
            reqs_in.sort(key=lambda r: (_rank(r.priority), r.id))
    return sorted(releases.values(), key=lambda r: release_order(r.name))


def _rank(priority: str) -> int:
    return PRIORITIES.index(priority) if priority in PRIORITIES else len(PRIORITIES)
