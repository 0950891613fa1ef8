"""The demo's numbers and pipelines: monthly metrics, a requirement pool, a launch.

Months and dates are relative to the workspace clock like the rest of the demo, so the
metrics screen always shows the last 18 months (with a turning point), the requirement
pool has two months of history (collected, reviewed at Monday meetings, planned,
released; a few moves this week for the weekly report) and the launch checklist always
has a few overdue items for the key panel.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from cockpit.calendar.routines import RoutineBook
from cockpit.core.model import iso
from cockpit.core.weeks import monday, shift
from cockpit.demo.goals import add_goals
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

# (title, kano, priority, customer, collected (weeks ago, weekday), its moves)
# A move is (status, weeks ago, weekday, reason): most at a Monday product meeting
# (weekday 0), over the last two months, a few this week, so the pool has a past and
# the weekly report's 产品管理 part has this week's news.
Moment = tuple[int, int]
Move = tuple[str, int, int, str]
REQUIREMENTS: tuple[tuple[str, str, str, str, Moment, tuple[Move, ...]], ...] = (
    ("Logical replication failover slots in the managed service", "must-be", "P0", "瀚海银行",
     (8, 2), (("reviewed", 7, 0, "产品周会评审：瀚海银行 HA 上线的前提"),
              ("planned", 5, 0, "排入 17.x 托管版本"),
              ("in-development", 0, 0, "backport 开始，瀚海银行 HA 上线的前提"))),
    ("PostGIS 3.5 with SFCGAL on ARM instances", "performance", "P1", "云图地理信息",
     (6, 3), (("reviewed", 4, 0, "产品周会评审"), ("planned", 0, 0, "ARM 规格 Q1 上线"))),
    ("pgvector HNSW index builds in parallel", "attractive", "P1", "", (3, 1),
     (("reviewed", 0, 0, "产品周会评审：向量检索需求增多"),)),
    ("审计日志导出到对象存储", "must-be", "P0", "明湖市政务云", (9, 4),
     (("reviewed", 8, 0, "等保合规要求"), ("planned", 6, 0, "等保合规要求，Q4 交付"))),
    ("只读实例自动扩缩容", "performance", "P2", "蓝鲸支付", (1, 3), ()),
    ("Oracle 兼容：包与同义词", "performance", "P1", "北辰证券", (5, 2),
     (("reviewed", 2, 0, "产品周会评审：迁移项目的主要阻碍"),)),
    ("Per-database PITR retention settings", "performance", "P2", "", (11, 1),
     (("reviewed", 10, 0, "产品周会评审"), ("planned", 9, 0, "随 17.x 小版本"),
      ("in-development", 6, 1, "开发启动"), ("released", 1, 3, "随 17.x 小版本发布"))),
    ("Dark mode for the console", "indifferent", "P3", "", (4, 4),
     (("rejected", 2, 0, "用户价值低，不做"),)),
    ("TDE key rotation without downtime", "must-be", "P1", "瀚海银行", (0, 0), ()),
    ("Connection pooler metrics in the dashboard", "attractive", "P2", "", (5, 4),
     (("reviewed", 3, 0, "产品周会评审"),)),
)  # fmt: skip


def _month(today: dt.date, back: int) -> str:
    year, month = today.year, today.month - back
    while month < 1:
        year, month = year - 1, month + 12
    return f"{year:04d}-{month:02d}"


def _when(ws: Workspace, weeks: int, weekday: int, minute: int = 0) -> str:
    """10:30 on `weekday` (0 is Monday) of the week `weeks` before this one, never later
    than now (this week's Thursday is not over on a Tuesday)."""
    day = monday(shift(ws.week, -weeks)) + dt.timedelta(days=weekday)
    at = dt.datetime.combine(day, dt.time(10, 30 + minute), tzinfo=ws.clock.tz)
    return iso(min(at, ws.clock.now()))


def _requirement(
    ws: Workspace, row: tuple[str, str, str, str, Moment, tuple[Move, ...]]
) -> requirements.Requirement:
    """One requirement of the pool with its past: collected and moved on the days the
    row says, each move one the lifecycle allows."""
    title, kano, priority, customer, collected, moves = row
    fields = {"kano": kano, "priority": priority}
    if customer:
        fields["customer"] = customer
    else:
        fields["source"] = "internal"
    req = requirements.prepare(ws, title, **fields)
    req.created = req.updated = req.log[0]["at"] = _when(ws, *collected)
    for n, (status, weeks, weekday, reason) in enumerate(moves, 1):
        if status not in requirements.MOVES[req.status]:  # a mistake in the table above
            raise ValueError(f"demo requirement {title!r}: {req.status} -> {status}")
        at = _when(ws, weeks, weekday, n)
        req.log.append({"at": at, "kind": "status", "from": req.status, "to": status,
                        "reason": reason})  # fmt: skip
        req.status, req.updated = status, at
    return req


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
    requirements.add_many(ws, [_requirement(ws, row) for row in REQUIREMENTS])
    for req in requirements.all_requirements(ws):
        if req.title in PROGRESS:  # this Monday meeting's progress and risk
            done, days, risk, why = PROGRESS[req.title]
            expected = today + dt.timedelta(days=days)
            progress.set_progress(
                ws, req.id, progress=done, expected=expected, risk=risk, risk_reason=why
            )
    golive = today - dt.timedelta(days=3)
    launch = launches.new(ws, "瀚海银行 HA 集群上线", golive)
    for no in (1, 2, 3, 4, 5, 7):  # most are done; a few overdue ones remain
        launches.check(ws, f"#{launch.id}", no, True)
    add_goals(ws)
