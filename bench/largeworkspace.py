"""Generate the large benchmark workspace (deterministic: seeded, frozen clock).

Shape (see DESIGN.md, "Budgets"): 10,000 items of which ~1,500 are open (this week,
carry-over from the last 1-3 weeks, next weeks), ~500 finished in the last four weeks
(they stay in the hot file) and the rest finished long ago (moved to `archive.json`);
500 customers with 5,000 touches; 60 feeds x 200 entries.

Everything is written in a handful of transactions (one per file), so generating takes
a few seconds instead of the minutes that 10k `ws.add` calls would cost.

Run it on its own with `python bench/largeworkspace.py [DIR] [--fresh]`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from product import (
    ARCHIVE,
    CHANNELS,
    HOT,
    Config,
    EntryStore,
    FrozenClock,
    Item,
    Touch,
    Workspace,
    iso,
    monday,
    shift,
    week_of,
)
from tinydb.table import Document

TZ = ZoneInfo("Asia/Shanghai")
NOW = dt.datetime(2026, 11, 18, 10, 0, tzinfo=TZ)
"""The frozen "now" of every benchmark (a Wednesday of 2026-W47)."""
NOW_ISO = NOW.isoformat()
"""`COCKPIT_NOW` for subprocesses, so the CLI and the TUI see the same week."""

DEFAULT_ROOT = Path(__file__).resolve().parent / ".work" / "large"
SEED = 20261118
GENERATOR_VERSION = 2  # 2: five years of monthly metrics and 2,000 requirements
"""Bump when the generator changes, so that existing workspaces are regenerated."""


@dataclass(frozen=True)
class Shape:
    """How much to generate; `full()` is the documented large workspace."""

    items: int = 10_000
    open_items: int = 1_500
    recent_done: int = 500
    customers: int = 500
    touches: int = 5_000
    feeds: int = 60
    entries_per_feed: int = 200
    metric_months: int = 60
    requirements: int = 2_000

    @classmethod
    def full(cls) -> Shape:
        """The large workspace of DESIGN.md's budgets."""
        return cls()

    @classmethod
    def quick(cls) -> Shape:
        """A smaller workspace for `--quick` runs (same proportions, ~1/5 the size)."""
        return cls(2_000, 300, 100, 100, 1_000, 12, 200, 24, 400)

    @classmethod
    def scaled(cls, items: int) -> Shape:
        """The full shape with `items` items in the same proportions (open, recently
        finished, archived); customers, touches, feeds and planning stay as they are, so
        that only the item count varies (the 1k / 10k / 100k flatness rows)."""
        full = cls()
        return cls(
            items=items,
            open_items=full.open_items * items // full.items,
            recent_done=full.recent_done * items // full.items,
        )

    def as_dict(self) -> dict[str, int]:
        """The shape plus the generator version: what a stored workspace is checked by."""
        return {**self.__dict__, "generator": GENERATOR_VERSION}


# vocabulary ---------------------------------------------------------------------------
EN_VERBS = (
    "Review", "Draft", "Decide", "Follow up on", "Benchmark", "Write up", "Plan",
    "Sync with sales on", "Triage", "Close", "Prepare demo of", "Ship", "Spec out",
    "Investigate", "Estimate", "Update pricing for", "Collect feedback on",
)  # fmt: skip
EN_TOPICS = (
    "logical replication failover", "PostGIS 3.5 raster support", "Aurora migration guide",
    "pgvector HNSW index build time", "PG 17 upgrade runbook", "connection pooler defaults",
    "incremental backup retention", "read replica lag alerts", "serverless cold start",
    "autovacuum tuning guide", "partitioning best practices", "TDE key rotation",
    "audit log export", "cross-region DR drill", "PITR restore SLA", "extension allow-list",
    "Patroni switchover time", "query insights dashboard", "storage autoscaling",
    "billing for IOPS", "minor version maintenance window", "JSONB path indexes",
    "citus sharding pilot", "pg_stat_statements retention", "major version upgrade tool",
    "RDS price comparison", "Neon branching competitor notes", "Supabase auth integration",
    "TimescaleDB compression", "wal-g archive throughput", "replication slot monitoring",
)  # fmt: skip
ZH_VERBS = ("评审", "整理", "确认", "跟进", "推进", "复盘", "输出", "对齐", "排期", "调研")
ZH_TOPICS = (
    "PG 17 升级方案", "逻辑复制故障切换", "PostGIS 空间索引性能", "招商银行 POC 反馈",
    "异地容灾演练", "只读实例延迟告警", "备份恢复 SLA", "向量检索需求", "计费规则调整",
    "大版本升级工具", "审计日志导出", "连接池默认参数", "政务云合规要求", "Aurora 迁移指南",
    "季度路线图", "客户满意度调研", "分区表最佳实践", "慢查询诊断功能", "国产化适配",
)  # fmt: skip
TAGS = (
    "pg", "upgrade", "ha", "postgis", "vector", "pricing", "roadmap", "客户", "需求池",
    "competitor", "docs", "billing", "security", "ops", "perf", "dr", "serverless",
)  # fmt: skip
OWNERS = ("", "", "", "王磊", "李娜", "赵强", "陈晨", "刘洋", "Kenji Mori", "Anna Keller")
NOTES = (
    "",
    "",
    "",
    "Numbers from last sprint's benchmark; compare with the competitor's published ones.",
    "对比两条路径，回退预案要写清楚，评审前发给 DBA 组。",
    "Customer asked twice; answer before the QBR.",
)

ZH_PREFIX = (
    "瀚海", "北辰", "星河", "云图", "极光", "蓝鲸", "青禾", "天枢", "鲸落", "明湖", "招商",
    "华夏", "长江", "东方", "昆仑", "金桥", "紫金", "银河", "九州", "南山", "启明", "远航",
    "锦程", "恒信", "泰山",
)  # fmt: skip
ZH_SUFFIX = (
    "银行", "证券", "电信", "政务云", "物流", "保险", "地理信息", "电商", "支付", "医疗",
    "汽车", "能源", "教育", "游戏", "大数据局", "航空",
)  # fmt: skip
EN_PREFIX = (
    "Nordwind", "Sakura", "Aurora", "Blue Harbor", "Cedar", "Atlas", "Helios", "Vector",
    "Granite", "Polar", "Summit", "Lumen", "Orbit", "Kestrel", "Meridian",
)  # fmt: skip
EN_SUFFIX = (
    "Logistics", "Games", "Bank", "Health", "Retail", "Analytics", "Telecom", "Maps",
    "Insurance", "Labs", "Energy", "Media",
)  # fmt: skip
INDUSTRIES = ("finance", "government", "telecom", "GIS", "internet", "retail", "energy")
REGIONS = ("华东", "华北", "华南", "华中", "西南", "西北", "EU (Frankfurt)", "APAC (Tokyo)")
SOURCES = ("direct", "sales", "channel", "partner")
TOUCH_NOTES = (
    "Discussed upgrade timeline and rollback plan.",
    "电话沟通：确认 POC 范围和验收标准。",
    "Sent pricing follow-up; waiting for procurement.",
    "拜访客户，演示 PostGIS 新功能。",
    "Weekly sync: replication lag issue resolved.",
)

FEED_CATEGORIES = ("community", "planet", "newsletter", "competitor")
FEED_NAMES = (
    "PostgreSQL News", "Planet PostgreSQL", "pgsql-hackers", "CommitFest activity",
    "Planet OSGeo", "Postgres Weekly", "Postgres FM", "墨天轮数据库周刊", "AWS Database Blog",
    "Neon blog", "Supabase blog", "Timescale blog", "Crunchy Data blog", "EDB blog",
    "PG 中文社区", "CYBERTEC blog",
)  # fmt: skip
ENTRY_TOPICS = (
    "logical replication", "PostGIS", "Aurora PostgreSQL", "pgvector", "pg_upgrade",
    "autovacuum", "incremental backup", "failover slots", "EXPLAIN ANALYZE", "partitioning",
    "connection pooling", "JSONB", "向量检索", "升级实践", "高可用", "性能调优",
)  # fmt: skip
ENTRY_FORMS = (
    "Understanding {t} in PostgreSQL 17",
    "{t}: what changed in the latest release",
    "A practical guide to {t}",
    "How we scaled {t} to 10 TB",
    "{t} 实践与踩坑",
    "Postgres FM: {t} gotchas",
)
LOREM = (
    "PostgreSQL keeps improving in every release, and this post walks through what the "
    "change means for operators running large fleets: configuration defaults, monitoring "
    "queries, failure modes seen in production, and a checklist for the upgrade window. "
    "We also compare the behaviour with managed offerings and list open questions."
)


# building -----------------------------------------------------------------------------
def _title(rng: random.Random) -> str:
    if rng.random() < 0.2:
        return f"{rng.choice(ZH_TOPICS)}{rng.choice(ZH_VERBS)}"
    return f"{rng.choice(EN_VERBS)} {rng.choice(EN_TOPICS)}"


def _moment(rng: random.Random, newest: dt.datetime, max_days: float) -> dt.datetime:
    """A random moment up to `max_days` before `newest` (working hours-ish)."""
    return newest - dt.timedelta(days=rng.uniform(0, max_days))


def _customer_names(n: int, rng: random.Random) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    pools = [(p, s, "") for p in ZH_PREFIX for s in ZH_SUFFIX] + [
        (p, s, " ") for p in EN_PREFIX for s in EN_SUFFIX
    ]
    rng.shuffle(pools)
    for prefix, suffix, sep in pools:
        name = f"{prefix}{sep}{suffix}"
        if name not in seen:
            seen.add(name)
            names.append(name)
        if len(names) == n:
            return names
    k = 2
    while len(names) < n:  # only for shapes larger than the vocabulary
        names.append(f"{names[len(names) % len(pools)]} {k}")
        k += 1
    return names


def _make_items(
    ws: Workspace, shape: Shape, customers: list[str], rng: random.Random
) -> list[Item]:
    """All items, oldest first (ids grow with time as they would in real use)."""
    now = ws.clock.now()
    week = ws.week
    items: list[Item] = []

    def build(
        *, week_: str, created: dt.datetime, done: dt.datetime | None, carried: int = 0
    ) -> Item:
        roll = rng.random()
        list_name = "key" if roll < 0.05 else ("ops" if roll < 0.35 else "plan")
        status = "open" if done is None else ("dropped" if rng.random() < 0.15 else "done")
        due = None
        if rng.random() < 0.25:
            due = monday(week_) + dt.timedelta(days=rng.randint(0, 9))
        item = ws.new_item(
            _title(rng),
            list_name=list_name,
            week=week_,
            due=due,
            customer=rng.choice(customers) if customers and rng.random() < 0.2 else "",
            tags=rng.sample(TAGS, rng.choice((0, 0, 1, 1, 2, 3))),
            owner=rng.choice(OWNERS),
            notes=rng.choice(NOTES),
            status=status,
            created=created,
            done_at=done,
        )
        item.carried = carried
        if done is not None:
            item.updated = iso(done)
            item.seq = 1
            item.history.append([iso(done), status])
        return item

    # long finished (archived by `archive_old`): 5 weeks to ~3 years ago
    n_old = shape.items - shape.open_items - shape.recent_done
    for _ in range(n_old):
        done = _moment(rng, now - dt.timedelta(weeks=5), 3 * 365)
        created = done - dt.timedelta(days=rng.uniform(0, 30))
        items.append(build(week_=week_of(done.date()), created=created, done=done))
    # recently finished: within the last four weeks (stay in the hot file)
    for _ in range(shape.recent_done):
        done = _moment(rng, now - dt.timedelta(hours=1), 26)
        created = done - dt.timedelta(days=rng.uniform(0, 20))
        items.append(build(week_=week_of(done.date()), created=created, done=done))
    # open: this week ~45%, carry-over ~25% (1-3 weeks back), next 1-4 weeks ~30%
    for _ in range(shape.open_items):
        roll = rng.random()
        if roll < 0.45:
            week_, carried = week, 0
        elif roll < 0.70:
            back = rng.choice((1, 1, 1, 2, 2, 3))
            week_, carried = shift(week, -back), back
        else:
            week_, carried = shift(week, rng.randint(1, 4)), 0
        start = dt.datetime.combine(monday(min(week_, week)), dt.time(9), tzinfo=now.tzinfo)
        created = _moment(rng, min(start, now), 10)
        items.append(build(week_=week_, created=created, done=None, carried=carried))
    items.sort(key=lambda i: i.created)
    return items


def _add_customers(ws: Workspace, shape: Shape, rng: random.Random) -> list[str]:
    book = ws.customers
    names = _customer_names(shape.customers, rng)
    today = ws.clock.today()
    prepared = []
    for name in names:
        tier = rng.choices(("top", "key", "normal"), weights=(1, 3, 10))[0]
        cust = book.prepare(
            name,
            tier=tier,
            industry=rng.choice(INDUSTRIES),
            region=rng.choice(REGIONS),
            source=rng.choice(SOURCES),
            owner=rng.choice(OWNERS),
        )
        cust.created = iso(_moment(rng, ws.clock.now() - dt.timedelta(days=30), 900))
        prepared.append(cust)
    stored = book.add_many(prepared)

    # Touches in one transaction: `book.touch` would be one transaction (and fsync) each.
    with ws.files.transaction("customers"):
        table = ws.files.table("customers", "touches")
        meta = ws.files.table("customers", "meta")
        doc = meta.get(doc_id=1)
        next_id = int(doc.get("next_touch", 1)) if isinstance(doc, dict) else 1
        last: dict[int, str] = {}
        docs = []
        for _ in range(shape.touches):
            cust = rng.choice(stored)
            day = today - dt.timedelta(days=int(rng.expovariate(1 / 60)))
            touch = Touch(
                customer_id=cust.id,
                date=day.isoformat(),
                channel=rng.choice(CHANNELS),
                note=rng.choice(TOUCH_NOTES),
            )
            docs.append(Document(touch.to_doc(), doc_id=next_id))
            next_id += 1
            last[cust.id] = max(last.get(cust.id, ""), touch.date)
        table.insert_multiple(docs)
        meta.upsert(Document({"next_touch": next_id}, doc_id=1))
        for cust in stored:
            cust.last_touch = last.get(cust.id)
            if rng.random() < 0.3:
                cust.next_followup = (today + dt.timedelta(days=rng.randint(-10, 21))).isoformat()
        customers = ws.files.table("customers", "customers")
        customers.truncate()
        customers.insert_multiple(Document(c.to_doc(), doc_id=c.id) for c in stored)
    return names


def _add_entries(ws: Workspace, shape: Shape, rng: random.Random) -> None:
    now = ws.clock.now()
    rows: list[dict[str, Any]] = []
    for f in range(shape.feeds):
        feed = f"{FEED_NAMES[f % len(FEED_NAMES)]} #{f + 1}"
        category = FEED_CATEGORIES[f % len(FEED_CATEGORIES)]
        span_days = rng.uniform(5, 120)  # busy feeds cover days, quiet ones months
        for n in range(shape.entries_per_feed):
            topic = rng.choice(ENTRY_TOPICS)
            published = now - dt.timedelta(days=span_days * n / shape.entries_per_feed)
            published -= dt.timedelta(minutes=rng.randint(0, 600))
            rows.append(
                {
                    "feed": feed,
                    "category": category,
                    "title": rng.choice(ENTRY_FORMS).format(t=topic),
                    "link": f"https://example.org/{f + 1}/{n + 1}",
                    "published": iso(published),
                    "summary": f"{topic}: {LOREM}"[:300],
                }
            )
    ids = EntryStore(ws.files).add(rows)
    # Most older entries are read, as after a few weeks of use.
    with ws.files.transaction("entry_state"):
        state = ws.files.table("entry_state", "state")
        marks = []
        for entry_id, row in zip(ids, rows, strict=True):
            age = now - dt.datetime.fromisoformat(row["published"])
            if age > dt.timedelta(days=2) and rng.random() < 0.9:
                doc: dict[str, bool] = {"read": True}
                if rng.random() < 0.02:
                    doc["starred"] = True
                marks.append(Document(doc, doc_id=entry_id))
        state.insert_multiple(marks)


def _add_planning(ws: Workspace, shape: Shape, rng: random.Random, customers: list[str]) -> None:
    """Issue 6's scale: `metric_months` of every numeric table, `requirements` in the pool."""
    from product import metrics, requirements

    months = []
    year, month = 2026, 10
    for _ in range(shape.metric_months):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    months.reverse()
    cash = 1_000_000.0
    revenue, opps, tickets = [], [], []
    for m in months:
        cash *= 1 + rng.uniform(-0.06, 0.1)
        revenue.append(
            {
                "month": m,
                "cash": int(cash),
                "gaap": int(cash * 0.93),
                "users": rng.randint(100, 900),
                "instances": rng.randint(300, 3000),
            }
        )
        total = rng.randint(5, 60)
        opps.append(
            {
                "month": m,
                "total": total,
                "valuable": rng.randint(0, total),
                "lost": rng.randint(0, 8),
                "churned": rng.randint(0, 4),
            }
        )
        tickets.append({"month": m, "count": rng.randint(20, 200)})  # fmt: skip
    metrics.put_rows(ws, "revenue", revenue)
    metrics.put_rows(ws, "opportunities", opps)
    metrics.put_rows(ws, "tickets", tickets)
    kinds = ("must-be", "performance", "attractive", "indifferent", "reverse")
    pool = []
    for n in range(shape.requirements):
        fields = {"kano": kinds[n % 5], "priority": f"P{n % 4}"}
        if n % 3 == 0 and customers:
            fields["customer"] = rng.choice(customers)
        else:
            fields["source"] = "internal"
        pool.append(requirements.prepare(ws, f"{_title(rng)} (req {n})", **fields))
    requirements.add_many(ws, pool)


def open_bench_workspace(root: Path) -> Workspace:
    """The workspace at `root` on the frozen benchmark clock with default settings."""
    return Workspace(root, FrozenClock(NOW, TZ), Config(timezone="Asia/Shanghai"))


def generate(root: Path = DEFAULT_ROOT, shape: Shape | None = None) -> dict[str, Any]:
    """Write a fresh large workspace into `root` (which is emptied first); returns counts."""
    shape = shape or Shape.full()
    rng = random.Random(SEED)
    started = time.perf_counter()
    _stamp_path(root).unlink(missing_ok=True)
    if root.exists():
        shutil.rmtree(root)
    ws = open_bench_workspace(root)
    customers = _add_customers(ws, shape, rng)
    items = _make_items(ws, shape, customers, rng)
    ws.add_many(items)
    archived = ws.archive_old()
    _add_entries(ws, shape, rng)
    _add_planning(ws, shape, rng, customers)
    ws.undo_stack.clear()
    hot = ws.items()
    stats: dict[str, Any] = {
        "shape": shape.as_dict(),
        "items_hot": len(hot),
        "items_open": sum(1 for i in hot if i.is_open),
        "items_archived": archived,
        "customers": len(ws.customers.all()),
        "touches": len(ws.files.raw("customers").get("touches", {})),
        "entries": len(ws.files.raw("entries").get("entries", {})),
        "metric_rows": sum(len(v) for v in ws.files.raw("metrics").values() if "1" in v),
        "requirements": len(ws.files.raw("planning").get("requirements", {})),
        "file_kb": {p.stem: round(p.stat().st_size / 1024) for p in sorted(root.glob("*.json"))},
        "generate_s": round(time.perf_counter() - started, 2),
    }
    _stamp_path(root).write_text(json.dumps(stats, indent=1, ensure_ascii=False), "utf-8")
    return stats


def _stamp_path(root: Path) -> Path:
    # Beside the workspace, not in it: every *.json in it must be a workspace file.
    return root.with_name(f"{root.name}.shape.json")


def stats_of(root: Path) -> dict[str, Any]:
    """The counts written when `root` was generated ({} if unknown)."""
    try:
        data: dict[str, Any] = json.loads(_stamp_path(root).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data


def ensure(root: Path = DEFAULT_ROOT, shape: Shape | None = None, fresh: bool = False) -> bool:
    """Generate unless `root` already holds a workspace of this shape; True if generated."""
    shape = shape or Shape.full()
    exists = (root / "items.json").exists()
    if not fresh and exists and stats_of(root).get("shape") == shape.as_dict():
        return False
    generate(root, shape)
    return True


def grow_archive(root: Path, n: int, seed: int = SEED + 1) -> int:
    """Append `n` more long-finished items to `archive.json` (ids from the item counter)."""
    rng = random.Random(seed)
    ws = open_bench_workspace(root)
    now = ws.clock.now()
    items = []
    for _ in range(n):
        done = _moment(rng, now - dt.timedelta(weeks=5), 6 * 365)
        item = ws.new_item(
            _title(rng),
            list_name=rng.choice(("plan", "plan", "ops")),
            week=week_of(done.date()),
            tags=rng.sample(TAGS, rng.choice((0, 1, 2))),
            status="done",
            created=done - dt.timedelta(days=rng.uniform(0, 30)),
            done_at=done,
        )
        item.updated = iso(done)
        items.append(item)
    with ws.files.transaction(HOT, ARCHIVE):
        meta = ws.files.table(HOT, "meta")
        doc = meta.get(doc_id=1)
        next_id = int(doc.get("next_item", 1)) if isinstance(doc, dict) else 1
        docs = []
        for item in items:
            item.id = next_id
            next_id += 1
            docs.append(Document(item.to_doc(), doc_id=item.id))
        ws.files.table(ARCHIVE, "items").insert_multiple(docs)
        meta.upsert(Document({"next_item": next_id}, doc_id=1))
    return len(items)


def main() -> None:
    """CLI: generate the workspace and print its counts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--fresh", action="store_true", help="regenerate even if present")
    parser.add_argument("--quick", action="store_true", help="the smaller --quick shape")
    args = parser.parse_args()
    shape = Shape.quick() if args.quick else Shape.full()
    made = ensure(args.root, shape, fresh=args.fresh)
    stats = json.dumps(stats_of(args.root), ensure_ascii=False)
    print(("generated " if made else "already there ") + stats)


if __name__ == "__main__":
    main()
