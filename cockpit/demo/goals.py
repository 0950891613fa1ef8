"""The demo's quarter of objectives (seed 004's OKR, seed 001's KPI completion) and
the target releases that put its requirement pool on a roadmap.

Everything is relative to the clock: the objectives are set for the current quarter,
the revenue target follows the demo's own revenue (a quarter a little above the last
month's pace), and releases are named after this quarter and the next, so the goals
screen always shows a quarter under way with one key result behind its line. Titles
mix Chinese and English, as the rest of the demo does (a PostgreSQL PM's notes do).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cockpit.goals import book as goals
from cockpit.goals.quarters import quarter_of
from cockpit.metrics import book as metrics
from cockpit.metrics.trends import shift_month
from cockpit.planning import requirements

if TYPE_CHECKING:
    from cockpit.items.workspace import Workspace

# requirement title -> its target release, in quarters from this one
RELEASES = {
    "Logical replication failover slots in the managed service": 0,
    "审计日志导出到对象存储": 0,
    "Per-database PITR retention settings": 0,
    "PostGIS 3.5 with SFCGAL on ARM instances": 1,
    "pgvector HNSW index builds in parallel": 1,
}
HA_ITEMS = (
    "瀚海银行 HA 故障复盘报告",
    "PRD: logical replication failover (failover slots)",
    "更新产品 FAQ：高可用与备份恢复",
    "Update SLA doc for cross-region DR",
)


def add_releases(ws: Workspace) -> None:
    """Target releases for the committed requirements (and one reviewed for next)."""
    this = quarter_of(ws.clock.today())
    for req in requirements.all_requirements(ws):
        shift = RELEASES.get(req.title)
        if shift is not None:
            reason = (
                "产品周会排期" if req.status in ("planned", "in-development", "released") else ""
            )
            requirements.edit(ws, req.id, reason, release=this.shift(shift).key)


def add_goals(ws: Workspace) -> None:
    """Three objectives for this quarter with metric, item and requirement key results."""
    add_releases(ws)
    this = quarter_of(ws.clock.today())
    quarter = this.key
    revenue = {r.month: r for r in metrics.rows(ws, "revenue")}
    booked = [revenue[m].number("cash") or 0 for m in this.months if m in revenue]
    pace = sum(booked) / len(booked) if booked else 0
    if not booked and revenue:
        pace = revenue[max(revenue)].number("cash") or 0
    # The quarter at a little under the pace so far: on track, but only just.
    target = round(pace * 3 * 0.97 / 100_000) * 100_000
    before = revenue.get(shift_month(this.months[0], -1))  # users when the quarter began
    users_start = int(before.number("users") or 0) if before else 0
    reqs = {r.title: r.id for r in requirements.all_requirements(ws)}
    items = {i.title: i.id for i in ws.items()}

    grow = goals.add(ws, "扩大托管 PostgreSQL 业务 (grow the managed service)", quarter, "张伟")
    cash = f"{target / 10_000:.0f}万"
    goals.add_kr(ws, grow.id, goals.make_kr(ws, f"季度营收 ≥ {cash}", "metric",
                                             metric="revenue.cash", target=cash))  # fmt: skip
    goals.add_kr(ws, grow.id, goals.make_kr(
        ws, f"Paying users ≥ {users_start + 20}", "metric", metric="revenue.users",
        target=str(users_start + 20), start=str(users_start), agg="last"))  # fmt: skip

    ha = goals.add(ws, "Make HA the reason banks pick us", quarter, "李娜")
    ha_reqs = [reqs[t] for t in ("Logical replication failover slots in the managed service",
                                 "Per-database PITR retention settings") if t in reqs]  # fmt: skip
    goals.add_kr(ws, ha.id, goals.make_kr(ws, "Failover slots and PITR retention GA", "reqs",
                                           links=" ".join(map(str, ha_reqs))))  # fmt: skip
    ha_items = [items[t] for t in HA_ITEMS if t in items]
    goals.add_kr(ws, ha.id, goals.make_kr(ws, "HA 材料齐备：复盘、PRD、FAQ、SLA", "items",
                                           links=" ".join(map(str, ha_items))))  # fmt: skip

    gov = goals.add(ws, "政务云合规上线 (government cloud compliance)", quarter)
    gov_reqs = [reqs[t] for t in ("审计日志导出到对象存储", "TDE key rotation without downtime")
                if t in reqs]  # fmt: skip
    goals.add_kr(ws, gov.id, goals.make_kr(ws, "等保要求的审计与加密需求发布", "reqs",
                                            links=" ".join(map(str, gov_reqs))))  # fmt: skip
