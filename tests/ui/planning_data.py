"""A small planning workspace for the planning screens' tests: metrics, requirements and
launches built through the domain API (so the files are exactly what the CLI writes)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cockpit.core.clock import FrozenClock
from cockpit.core.config import Config
from cockpit.items.workspace import Workspace
from cockpit.metrics import book as metrics
from cockpit.planning import launches, requirements

CASH = [  # 2025-09 .. 2026-10: growth, a dip in 2026-06, growth again
    80, 84, 90, 95, 93, 99, 104, 110, 118, 101, 109, 117, 126, 136,
]  # fmt: skip


def planning_workspace(root: Path, clock: FrozenClock, config: Config | None = None) -> Workspace:
    """Fourteen months of revenue, some opportunities, ops and tickets; six requirements
    across the lifecycle; two launches, the first with overdue items."""
    ws = Workspace(root, clock, config)
    months = [trends_month(2025, 9 + n) for n in range(len(CASH))]
    metrics.put_rows(
        ws,
        "revenue",
        [
            {
                "month": m,
                "cash": cash * 10_000,
                "gaap": cash * 9_500,
                "users": None if n in (3, 4) else 40 + n * 3,  # two months never reported
                "instances": 120 + n * 7,
                "change_note": "双 11 预热带动续费" if m == "2026-10" else None,
            }
            for n, (m, cash) in enumerate(zip(months, CASH, strict=True))
        ],
    )
    metrics.put_rows(
        ws,
        "opportunities",
        [
            {"month": "2026-08", "total": 30, "valuable": 12, "lost": 3, "churned": 1},
            {"month": "2026-09", "total": 34, "valuable": 15, "lost": 2, "churned": 0},
            {"month": "2026-10", "total": 41, "valuable": 19, "lost": 4, "churned": 2,
             "churn_reasons": "迁移到自建 PostgreSQL"},
        ],
    )  # fmt: skip
    metrics.put_rows(
        ws,
        "ops",
        [
            {"month": "2026-09", "activity": "PG meetup 上海", "follows": 220, "conversions": 9},
            {"month": "2026-10", "activity": "PG meetup 上海", "follows": 310, "conversions": 14},
            {"month": "2026-10", "activity": "Webinar: failover", "follows": 95, "conversions": 4},
        ],
    )
    metrics.put_rows(
        ws, "tickets", [{"month": "2026-09", "count": 48, "owner": "李雷"},
                        {"month": "2026-10", "count": 37, "owner": "李雷"}]
    )  # fmt: skip
    add = requirements.add
    slots = add(
        ws, "Logical replication failover slots", customer="招商银行", kano="must-be",
        priority="P0", release="17.2",
    )  # fmt: skip
    add(ws, "审计日志导出到对象存储", customer="国家电网", kano="performance", priority="P1")
    add(ws, "Dark mode for the console", kano="attractive", priority="P3")
    tde = add(ws, "Transparent data encryption", source="sales", kano="must-be", priority="P1")
    add(ws, "Oracle 兼容的 DBMS_JOB", customer="招商银行", kano="indifferent")
    gone = add(ws, "Export to Excel 97", kano="reverse", priority="P3")
    requirements.move(ws, slots.id, "reviewed", "PRD reviewed with the bank")
    requirements.move(ws, slots.id, "planned", "in the 17.2 train")
    requirements.move(ws, tde.id, "reviewed", "security team agrees")
    requirements.move(ws, gone.id, "rejected", "nobody uses Excel 97")
    acme = launches.new(ws, "Acme ERP 上线", dt.date(2026, 11, 25))
    launches.check(ws, acme.name, 1)
    launches.update_item(ws, acme.name, 2, owner="王芳", note="脚本见 wiki / ops-17")
    launches.new(ws, "Gov portal v2", dt.date(2027, 1, 15))
    ws.undo_stack.clear()
    return ws


def trends_month(year: int, month: int) -> str:
    """The month `month` months into `year` counted on: (2025, 13) is "2026-01"."""
    index = year * 12 + month - 1
    return f"{index // 12:04d}-{index % 12 + 1:02d}"
