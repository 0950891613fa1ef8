"""The demo's numbers and pipelines: monthly metrics, a requirement pool, a launch.

Months and dates are relative to the workspace clock like the rest of the demo, so the
metrics screen always shows the last 18 months (with a turning point) and the launch
checklist always has a few overdue items for the key panel.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from cockpit.calendar.routines import RoutineBook
from cockpit.demo.tables import add_tables
from cockpit.metrics import book as metrics
from cockpit.planning import launches, progress, requirements

if TYPE_CHECKING:
    from cockpit.items.workspace import Workspace

# Cash in 10k CNY per month, oldest first: steady growth, a dip, then recovery.
CASH = (182, 190, 201, 209, 221, 230, 236, 229, 218, 224, 241, 258, 270, 283, 296, 305, 322, 348)

# Planned and in-development work: (percent done, expected in days, risk, its reason).
PROGRESS = {
    "Logical replication failover slots in the managed service": (
        60, 12, "high", "上游补丁未合入 17.x，需自行 backport"),
    "PostGIS 3.5 with SFCGAL on ARM instances": (20, 45, "low", "ARM 构建机排期紧"),
    "审计日志导出到对象存储": (10, 30, "none", ""),
}  # fmt: skip

# (title, kano, priority, customer, status path after "collected", the reason given)
REQUIREMENTS: tuple[tuple[str, str, str, str, tuple[str, ...], str], ...] = (
    ("Logical replication failover slots in the managed service", "must-be", "P0", "瀚海银行",
     ("reviewed", "planned", "in-development"), "瀚海银行 HA 上线的前提"),
    ("PostGIS 3.5 with SFCGAL on ARM instances", "performance", "P1", "云图地理信息",
     ("reviewed", "planned"), "ARM 规格 Q1 上线"),
    ("pgvector HNSW index builds in parallel", "attractive", "P1", "", ("reviewed",),
     "产品周会评审"),
    ("审计日志导出到对象存储", "must-be", "P0", "明湖市政务云", ("reviewed", "planned"),
     "等保合规要求"),
    ("只读实例自动扩缩容", "performance", "P2", "蓝鲸支付", (), ""),
    ("Oracle 兼容：包与同义词", "performance", "P1", "北辰证券", ("reviewed",), "产品周会评审"),
    ("Per-database PITR retention settings", "performance", "P2", "", ("reviewed", "planned",
     "in-development", "released"), "随 17.x 小版本发布"),
    ("Dark mode for the console", "indifferent", "P3", "", ("rejected",), "用户价值低，不做"),
    ("TDE key rotation without downtime", "must-be", "P1", "瀚海银行", (), ""),
    ("Connection pooler metrics in the dashboard", "attractive", "P2", "", ("reviewed",),
     "产品周会评审"),
)  # fmt: skip


def _month(today: dt.date, back: int) -> str:
    year, month = today.year, today.month - back
    while month < 1:
        year, month = year - 1, month + 12
    return f"{year:04d}-{month:02d}"


def add_stages(ws: Workspace) -> None:
    """A pipeline worth reading: an opportunity with a deal, a lead, a churn risk."""
    book = ws.customers
    book.set_stage("星河电信", "opportunity")
    book.edit("星河电信", deal_value=1_200_000)
    book.set_stage("天枢测绘", "lead")
    book.edit("极光短视频", deal_value=380_000)
    book.mark_churn_risk("蓝鲸支付", "续约价格谈判中，对方在评估迁移到自建 PostgreSQL")


def add_routines(ws: Workspace) -> None:
    """The default cadence, running for a month already (not starting tomorrow)."""

    book = RoutineBook(ws)
    book.install_defaults()
    start = ws.clock.today() - dt.timedelta(weeks=4)
    for routine in book.all():
        book.edit(routine.id, since=start)


def add_planning(ws: Workspace) -> None:
    """Metrics for the last 18 months, the requirement pool and one launch."""
    add_stages(ws)
    add_routines(ws)
    today = ws.clock.today()
    months = [_month(today, len(CASH) - n) for n in range(len(CASH))]  # ends last month
    metrics.put_rows(
        ws,
        "revenue",
        [
            {
                "month": m,
                "cash": cash * 10_000,
                "gaap": cash * 9_400,
                "users": 120 + n * 7,
                "instances": 410 + n * 23,
                "forecast": (cash + 12) * 10_000,
            }
            for n, (m, cash) in enumerate(zip(months, CASH, strict=True))
        ],
    )
    metrics.put_rows(
        ws,
        "opportunities",
        [
            {"month": m, "total": 18 + n % 5 + n // 3, "valuable": 6 + n % 3, "lost": n % 4,
             "churned": 1 if n in (7, 8) else 0}
            for n, m in enumerate(months)
        ],
    )  # fmt: skip
    metrics.put_rows(
        ws,
        "tickets",
        [{"month": m, "count": 64 - n * 2 + (9 if n == 8 else 0)} for n, m in enumerate(months)],
    )
    add_tables(ws, months)
    for title, kano, priority, customer, path, reason in REQUIREMENTS:
        fields = {"kano": kano, "priority": priority}
        if customer:
            fields["customer"] = customer
        else:
            fields["source"] = "internal"
        req = requirements.add(ws, title, **fields)
        for status in path:
            requirements.move(ws, req.id, status, reason)
        if title in PROGRESS:  # the Monday meeting's progress and risk
            done, days, risk, why = PROGRESS[title]
            expected = today + dt.timedelta(days=days)
            progress.set_progress(
                ws, req.id, progress=done, expected=expected, risk=risk, risk_reason=why
            )
    golive = today - dt.timedelta(days=3)
    launch = launches.new(ws, "瀚海银行 HA 集群上线", golive)
    for no in (1, 2, 3, 4, 5, 7):  # most are done; a few overdue ones remain
        launches.check(ws, f"#{launch.id}", no, True)
