"""The demo workspace's content: a PostgreSQL product manager's week, as data tables.

Every date is an offset from the clock (weeks from the current ISO week, days from today,
hours before now), so `cockpit --demo` always looks current. `cockpit.demo.build` turns these
rows into items, customers, touches and feed entries. Names of customers and people are
made up; feed entries imitate the kind of headline each feed publishes (nothing is
fetched, so the links are only plausible addresses on those sites).
"""

from __future__ import annotations

from typing import NamedTuple


class DemoItem(NamedTuple):
    """One item; `week` is relative to the current ISO week (-1 = last week)."""

    title: str
    list: str
    week: int = 0
    status: str = "open"
    carried: int = 0
    due: int | None = None
    """Days from today."""
    customer: str = ""
    tags: tuple[str, ...] = ()
    owner: str = ""
    notes: str = ""
    done: tuple[int, int] = (0, 9)
    """Finished this week: (days before today, hour), clamped between creation and now."""


class DemoCustomer(NamedTuple):
    """One customer of the book; `age` is how many days ago it was added."""

    name: str
    tier: str
    industry: str
    region: str
    source: str
    owner: str
    age: int
    notes: str = ""


class DemoTouch(NamedTuple):
    """One logged contact, `day` days from today; `followup` is days from today."""

    customer: str
    day: int
    channel: str
    note: str
    followup: int | None = None


class DemoEntry(NamedTuple):
    """One feed entry, published `hours` before now."""

    feed: str
    category: str
    title: str
    link: str
    hours: int
    summary: str
    read: bool = False
    starred: bool = False


class DemoFeed(NamedTuple):
    """A demo subscription beyond the bundled list (a site whose feed address is unknown:
    kept disabled, so the demo never fetches it)."""

    title: str
    category: str
    url: str


# The bundled OPML provides the other feeds the demo entries name.
FEEDS: tuple[DemoFeed, ...] = (
    DemoFeed("PostgreSQL 中文社区", "community", "https://www.postgresqlchina.com/"),
    DemoFeed("墨天轮数据库周刊", "newsletter", "https://www.modb.pro/weekly"),
    DemoFeed("阿里云开发者社区", "competitor", "https://developer.aliyun.com/"),
    DemoFeed("墨天轮", "ecosystem", "https://www.modb.pro/"),
    DemoFeed("openGauss 社区", "ecosystem", "https://opengauss.org/zh/"),
)

ITEMS: tuple[DemoItem, ...] = (
    # key items ------------------------------------------------------------------------
    DemoItem("PG 17 升级方案评审", "key", due=2, customer="北辰证券", tags=("pg", "upgrade"),
             notes="PG 13 EOL。对比 pg_upgrade --link 与逻辑复制两条路径，回退预案要写清楚。"),
    DemoItem("Close Q4 revenue forecast with sales", "key", due=5, tags=("revenue", "forecast"),
             owner="王磊", notes="Cash vs GAAP gap on two prepaid deals; confirm with finance."),
    DemoItem("瀚海银行 HA 故障复盘报告", "key", week=-1, carried=1, due=-2, customer="瀚海银行",
             tags=("ha", "客户"),
             notes="Patroni 切换耗时 90s（目标 <30s）。根因 + 改进计划 + 时间表。"),
    DemoItem("Decide next year's roadmap themes: HA, vector search, serverless", "key",
             tags=("roadmap", "需求池")),
    DemoItem("Sign off maintenance window for the 17.x minor release", "key", status="done",
             tags=("pg", "release"), done=(1, 17)),
    # this week's plan -----------------------------------------------------------------
    DemoItem("PRD: logical replication failover (failover slots)", "plan", due=4,
             tags=("pg", "ha", "prd"), notes="覆盖 RPO/RTO 指标、slot 同步、切换后订阅端行为。"),
    DemoItem("更新产品 FAQ：高可用与备份恢复", "plan", tags=("faq", "ha")),
    DemoItem("整理三个标杆案例（银行 / 政务 / GIS）", "plan", tags=("case", "sales")),
    DemoItem("Customer visit prep: 星河电信扩容方案", "plan", due=1, customer="星河电信",
             tags=("客户", "扩容"), notes="100 instances next year; ARM specs and storage packs."),
    DemoItem("Tech talk: PostGIS performance tuning (内部分享)", "plan", customer="云图地理信息",
             tags=("gis", "talk")),
    DemoItem("Review extension usage stats (pgvector, PostGIS, TimescaleDB)", "plan",
             tags=("extension", "metrics")),
    DemoItem("Bug 分布 review with 研发", "plan", owner="张敏", tags=("quality",)),
    DemoItem("产品项目周会：进度与风险同步", "plan", status="done", tags=("meeting",),
             done=(2, 11)),
    DemoItem("商机 & 流失 review with sales", "plan", status="done", owner="王磊",
             tags=("商机", "churn"), done=(2, 16)),
    DemoItem("回复极光短视频 Aurora 迁移评估问题清单", "plan", status="done",
             customer="极光短视频", tags=("aurora", "migration"), done=(1, 15)),
    DemoItem("Evaluate building our own connection pooler", "plan", status="dropped",
             tags=("pooler",), notes="PgBouncer 已满足需求，不自研；资源投入 HA。", done=(1, 11)),
    # ops & planning -------------------------------------------------------------------
    DemoItem("PG 社区 Meetup 杭州站：议题征集", "ops", owner="周婷", tags=("community", "meetup")),
    DemoItem("Webinar: migrating from Oracle to PostgreSQL", "ops", due=6,
             tags=("webinar", "migration"), owner="周婷"),
    DemoItem("Pricing page: 新规格与存储包定价更新", "ops", tags=("pricing",)),
    DemoItem("周报：重点&思考 / 产品 / 客户 / 竞品 / 下周计划", "ops", tags=("周报",)),
    DemoItem("运营活动转化率统计（双 11 折扣活动）", "ops", tags=("ops", "metrics")),
    DemoItem("Publish 17.x minor release notice to customers", "ops", status="done",
             tags=("pg", "release"), done=(0, 9)),
    # last weeks' carry-over -----------------------------------------------------------
    DemoItem("竞品分析：Aurora Limitless vs 分布式方案", "plan", week=-1,
             tags=("competitor", "aurora")),
    DemoItem("Update SLA doc for cross-region DR", "plan", week=-1, carried=1, tags=("ha", "sla")),
    DemoItem("GIS 行业白皮书初稿", "plan", week=-2, carried=2, tags=("gis",)),
    DemoItem("Partner training: 渠道认证课程大纲", "ops", week=-1, carried=3,
             tags=("partner", "training"), owner="周婷"),
    DemoItem("回访蓝鲸支付续约条款", "plan", week=-2, carried=1, customer="蓝鲸支付",
             tags=("renewal", "客户")),
    DemoItem("Define OpenAPI call metrics for the dashboard", "plan", week=-3, carried=2,
             tags=("metrics",)),
    DemoItem("上周周报", "ops", week=-1, status="done", tags=("周报",)),
    # next week ------------------------------------------------------------------------
    DemoItem("Q1 planning: 需求池 Kano 分类", "plan", week=1, tags=("需求池", "kano")),
    DemoItem("明湖市政务云上线清单 review", "plan", week=1, due=8, customer="明湖市政务云",
             tags=("launch", "government")),
    DemoItem("PGConf.Asia CFP submission", "ops", week=1, tags=("community", "talk")),
)  # fmt: skip

CUSTOMERS: tuple[DemoCustomer, ...] = (
    DemoCustomer("瀚海银行", "top", "finance", "华东", "direct", "李娜", 400,
                 "核心账务库 24 实例，同城双活"),
    DemoCustomer("北辰证券", "top", "finance", "华北", "sales", "王磊", 300,
                 "交易与清算库仍在 PG 13"),
    DemoCustomer("明湖市政务云", "top", "government", "华中", "channel", "赵强", 5,
                 "渠道新报备，政务云统一数据库平台"),
    DemoCustomer("星河电信", "top", "telecom", "华南", "direct", "陈晨", 500),
    DemoCustomer("云图地理信息", "key", "GIS", "西南", "partner", "刘洋", 200,
                 "PostGIS heavy user, vector tiles"),
    DemoCustomer("极光短视频", "key", "internet", "华北", "direct", "王磊", 90,
                 "Currently on Aurora PostgreSQL"),
    DemoCustomer("蓝鲸支付", "key", "finance", "华东", "sales", "李娜", 700, "续约季"),
    DemoCustomer("青禾省大数据局", "key", "government", "西北", "channel", "赵强", 120),
    DemoCustomer("Nordwind Logistics", "normal", "internet", "EU (Frankfurt)", "partner",
                 "Anna Becker", 150),
    DemoCustomer("天枢测绘", "normal", "GIS", "西北", "channel", "刘洋", 260),
    DemoCustomer("Sakura Games", "normal", "internet", "APAC (Tokyo)", "direct", "Kenji Mori",
                 60),
    DemoCustomer("鲸落电商", "normal", "internet", "华东", "sales", "陈晨", 45),
)  # fmt: skip

TOUCHES: tuple[DemoTouch, ...] = (
    DemoTouch("北辰证券", -40, "meeting", "PG 13 EOL：核心交易库升级到 17 的评估启动"),
    DemoTouch("瀚海银行", -30, "visit", "季度业务回顾；HA 切换 RTO 要求 <30s"),
    DemoTouch("蓝鲸支付", -25, "call", "续约谈判开始，希望三年期折扣"),
    DemoTouch("北辰证券", -23, "mail", "Sent upgrade plan draft and rollback procedure"),
    DemoTouch("极光短视频", -20, "meeting",
              "Aurora migration evaluation: cost vs Limitless, wants a POC"),
    DemoTouch("星河电信", -16, "visit", "扩容需求：明年新增 100 实例，关注 ARM 规格"),
    DemoTouch("青禾省大数据局", -15, "visit", "上线清单对齐：等保三级、国产化适配"),
    DemoTouch("云图地理信息", -12, "chat",
              "PostGIS 大多边形 ST_Intersects 慢，建议 ST_Subdivide + GiST 重建", -3),
    DemoTouch("天枢测绘", -11, "chat", "PostGIS 3.5 → 3.6 升级咨询，已发文档", 10),
    DemoTouch("瀚海银行", -9, "call", "主库切换耗时 90s，Patroni 日志已收集，研发分析中", 0),
    DemoTouch("蓝鲸支付", -8, "meeting",
              "Renewal: 3-year commit, asks 15% discount; sales to confirm with finance", -1),
    DemoTouch("Sakura Games", -8, "mail",
              "Connection pooling best practices; sent PgBouncer guide"),
    DemoTouch("Nordwind Logistics", -6, "call",
              "Evaluating logical replication to a reporting cluster", 12),
    DemoTouch("极光短视频", -5, "mail", "问题清单已回复，等待 POC 环境", 4),
    DemoTouch("鲸落电商", -4, "chat", "大促前扩容只读实例 ×4，已安排", 14),
    DemoTouch("星河电信", -3, "call", "扩容方案初稿沟通，约了上门拜访", 6),
    DemoTouch("青禾省大数据局", -2, "call", "数据迁移窗口确认：周末夜间", 2),
)  # fmt: skip

_PG = "https://www.postgresql.org"
_CF = "https://commitfest.postgresql.org/patch"
_AWS = "https://aws.amazon.com/blogs/database"

ENTRIES: tuple[DemoEntry, ...] = (
    # community ------------------------------------------------------------------------
    DemoEntry("PostgreSQL News (all)", "community",
              "PostgreSQL 18.1, 17.7, 16.11, 15.15, 14.20 and 13.23 Released!",
              f"{_PG}/about/news/postgresql-181-177-1611-1515-1420-and-1323-released-3171/", 30,
              "Update release fixing 2 security issues and over 50 bugs. "
              "PostgreSQL 13 has reached end of life.", read=True, starred=True),
    DemoEntry("PostgreSQL latest versions", "community", "17.7",
              f"{_PG}/docs/17/release-17-7.html", 30, "PostgreSQL 17.7 release notes.",
              read=True),
    DemoEntry("CommitFest activity (all commitfests)", "community",
              "Patch 'Synchronize logical replication slots to standbys' moved to Ready for "
              "Committer", f"{_CF}/5012/", 8, "Status change by a reviewer."),
    DemoEntry("CommitFest activity (all commitfests)", "community",
              "Patch 'Parallel CREATE INDEX for GIN' committed", f"{_CF}/4711/", 52,
              "Committed to master."),
    DemoEntry("pgsql-hackers (via mail-archive.com mirror)", "community",
              "Re: Proposal: built-in connection pooling",
              "https://www.mail-archive.com/pgsql-hackers@lists.postgresql.org/msg198765.html",
              75, "Discussion continues on the process model and backend reuse."),
    DemoEntry("PostgreSQL events", "community", "PGConf.Asia: call for papers is open",
              f"{_PG}/about/event/pgconfasia-call-for-papers/", 140,
              "Talks on HA, migration and extensions are welcome."),
    DemoEntry("PostgreSQL News (all)", "community", "PgBouncer 1.25.0 released",
              f"{_PG}/about/news/pgbouncer-1250-released-3140/", 200,
              "Adds LDAP authentication and improves prepared statement support.", read=True),
    DemoEntry("PostgreSQL 中文社区", "community", "PG 中文社区：杭州 Meetup 议题征集开始",
              "https://www.postgresqlchina.com/news/detail/1287", 20,
              "欢迎投稿高可用、迁移、GIS、向量检索相关议题。"),
    # planet ---------------------------------------------------------------------------
    DemoEntry("Planet PostgreSQL", "planet",
              "Why your HA cluster can still lose writes: synchronous_commit explained",
              "https://postgr.es/p/7aQ", 5, "Walks through remote_apply, quorum commit and "
              "what Patroni does during failover."),
    DemoEntry("Planet PostgreSQL", "planet", "Understanding failover slots in PostgreSQL 17",
              "https://postgr.es/p/7aK", 26, "How slot synchronisation keeps logical "
              "subscribers working after a switchover."),
    DemoEntry("Planet PostgreSQL", "planet", "Upgrading big databases with pg_upgrade --link",
              "https://postgr.es/p/7aF", 49, "Checklist, timings from a 4 TB cluster, rollback."),
    DemoEntry("Planet PostgreSQL", "planet", "Incremental backup, one year in",
              "https://postgr.es/p/7a9", 98, "Experience with pg_basebackup --incremental.",
              read=True),
    DemoEntry("Planet PostgreSQL", "planet", "PostgreSQL 17 逻辑复制 failover slot 实践",
              "https://postgr.es/p/7a3", 33, "从配置到切换演练，附监控 SQL。"),
    DemoEntry("Planet PostgreSQL", "planet", "Tuning autovacuum for write-heavy tables",
              "https://postgr.es/p/79Z", 150, "Per-table settings and how to watch bloat.",
              read=True),
    DemoEntry("Planet PostgreSQL", "planet", "EXPLAIN (ANALYZE, BUFFERS) by example",
              "https://postgr.es/p/79T", 215, "Reading buffer counts to find slow plans."),
    DemoEntry("Planet OSGeo (PostGIS community)", "planet",
              "Faster spatial joins: ST_Subdivide before ST_Intersects",
              "https://planet.osgeo.org/", 60, "Splitting large polygons makes GiST index "
              "lookups much cheaper."),
    DemoEntry("Planet OSGeo (PostGIS community)", "planet",
              "Vector tiles straight from PostGIS with ST_AsMVT",
              "https://planet.osgeo.org/", 180, "Serving tiles without a separate tile server.",
              read=True),
    # newsletters ----------------------------------------------------------------------
    DemoEntry("Postgres Weekly (Cooperpress)", "newsletter", "Postgres Weekly Issue 624",
              "https://postgresweekly.com/issues/624", 40,
              "Failover slots, GIN parallel builds, and a look at Postgres on Kubernetes."),
    DemoEntry("Postgres Weekly (Cooperpress)", "newsletter", "Postgres Weekly Issue 623",
              "https://postgresweekly.com/issues/623", 208,
              "Minor releases are out; pgvector performance tips.", read=True),
    DemoEntry("Postgres FM (podcast)", "newsletter", "Postgres FM: Logical replication gotchas",
              "https://postgres.fm/episodes/logical-replication-gotchas", 70,
              "Sequences, DDL and what breaks on failover."),
    DemoEntry("Postgres FM (podcast)", "newsletter", "Postgres FM: Connection poolers",
              "https://postgres.fm/episodes/connection-poolers", 230,
              "PgBouncer, Odyssey, PgCat and built-in pooling.", read=True),
    DemoEntry("墨天轮数据库周刊", "newsletter", "数据库周刊：PG 生态、国产数据库与向量检索",
              "https://www.modb.pro/weekly", 96,
              "本期：逻辑复制、openGauss 新版本、向量数据库选型。"),
    # competitors ----------------------------------------------------------------------
    DemoEntry("AWS Database Blog: Aurora PostgreSQL-compatible", "competitor",
              "Migrate self-managed PostgreSQL to Amazon Aurora with minimal downtime",
              f"{_AWS}/migrate-self-managed-postgresql-to-amazon-aurora-with-minimal-downtime/",
              14, "Uses logical replication and AWS DMS; includes a cut-over checklist.",
              starred=True),
    DemoEntry("AWS Database Blog: Aurora PostgreSQL-compatible", "competitor",
              "Sharding best practices for Aurora PostgreSQL Limitless Database",
              f"{_AWS}/sharding-best-practices-for-aurora-postgresql-limitless-database/", 110,
              "Choosing shard keys and reference tables."),
    DemoEntry("Neon blog", "competitor", "Branching for every pull request",
              "https://neon.com/blog/branching-for-every-pull-request", 22,
              "Database branches per preview deployment with GitHub Actions."),
    DemoEntry("Supabase blog", "competitor", "Launch Week recap",
              "https://supabase.com/blog/launch-week-recap", 64,
              "Branching, queues, and a new Postgres upgrade flow."),
    DemoEntry("Timescale / Tiger Data blog", "competitor",
              "Hypertables vs native partitioning: a benchmark",
              "https://www.timescale.com/blog/hypertables-vs-native-partitioning", 90,
              "Ingest and query numbers on 1B rows."),
    DemoEntry("EDB blog", "competitor", "What's new in EDB Postgres AI",
              "https://www.enterprisedb.com/blog/whats-new-edb-postgres-ai", 120,
              "Analytics lakehouse, AI pipelines and Oracle compatibility updates.", read=True),
    DemoEntry("Crunchy Data blog", "competitor", "High availability on Kubernetes with PGO",
              "https://www.crunchydata.com/blog/high-availability-on-kubernetes-with-pgo", 160,
              "Patroni-based HA, backups with pgBackRest."),
    DemoEntry("Citus Data blog (Microsoft)", "competitor",
              "Distributed Postgres: what's new in Citus",
              "https://www.citusdata.com/blog/whats-new-in-citus/", 190,
              "Schema-based sharding and faster rebalancing."),
    DemoEntry("YugabyteDB blog (tag postgresql)", "competitor",
              "PostgreSQL compatibility: closing the gap",
              "https://www.yugabyte.com/blog/postgresql-compatibility-closing-the-gap/", 230,
              "Which PostgreSQL features now work in YugabyteDB."),
    DemoEntry("阿里云开发者社区", "competitor", "PolarDB PostgreSQL 版 Serverless 能力升级",
              "https://developer.aliyun.com/article/1650012", 44,
              "秒级弹性、按量计费，兼容 PG 生态插件。"),
    # ecosystem ------------------------------------------------------------------------
    DemoEntry("PostGIS tags (releases)", "ecosystem", "PostGIS 3.6.1",
              "https://github.com/postgis/postgis/releases/tag/3.6.1", 36,
              "Bug-fix release; recommended for all 3.6 users."),
    DemoEntry("pgvector releases (extension news)", "ecosystem", "v0.8.1",
              "https://github.com/pgvector/pgvector/releases/tag/v0.8.1", 80,
              "Iterative index scans improvements and bug fixes."),
    DemoEntry("Apache Cloudberry (Greenplum-derived MPP) blog", "ecosystem",
              "Apache Cloudberry: new incubating release",
              "https://cloudberry.apache.org/blog/", 130, "MPP engine derived from Greenplum."),
    DemoEntry("OpenTenBase releases", "ecosystem", "OpenTenBase v5.0",
              "https://github.com/OpenTenBase/OpenTenBase/releases/tag/v5.0", 170,
              "Distributed PostgreSQL-based database from the OpenAtom foundation."),
    DemoEntry("depesz (Waiting for PostgreSQL N)", "ecosystem",
              "Waiting for PostgreSQL 19 – Add pg_stat_io wait-time columns",
              "https://www.depesz.com/", 12, "A look at a freshly committed patch.", read=True),
    DemoEntry("Dalibo blog", "ecosystem", "pg_activity: a new release",
              "https://blog.dalibo.com/", 220, "top-like monitoring for PostgreSQL."),
    DemoEntry("墨天轮", "ecosystem", "国产数据库月度排行：PG 系产品持续增长",
              "https://www.modb.pro/dbRank", 16, "基于 PG 内核的国产数据库占比继续提升。"),
    DemoEntry("openGauss 社区", "ecosystem", "openGauss 社区发布新的 LTS 版本",
              "https://opengauss.org/zh/", 100, "新增资源池化与向量检索能力。"),
)  # fmt: skip
