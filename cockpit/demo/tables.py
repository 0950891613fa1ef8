"""The demo's tables of one's own: extension usage (seed 000's "how often each extension
is used") and users and revenue by delivery form (seed 001's shares by dimension).

They are defined exactly as a user would in config.toml (the README shows the same
text), and the demo adds them to its config unless the user's config already has a
table of that name. Their rows run for the same 18 months as the built-in demo tables.
"""

from __future__ import annotations

import dataclasses
import tomllib
from typing import TYPE_CHECKING

from cockpit.core.config import Config
from cockpit.core.settings import read_metric_tables
from cockpit.metrics import book as metrics

if TYPE_CHECKING:
    from cockpit.items.workspace import Workspace

CONFIG = """\
[[metrics.tables]]
name = "extensions"
en = "Extension usage"
zh = "插件使用"
key = "extension"                 # several rows a month: one per extension
headline = "instances"            # the daily screen's summary follows this column
columns = [
  { name = "extension", type = "text", en = "extension", zh = "插件" },
  { name = "instances", type = "int", en = "instances using it", zh = "使用实例数" },
  { name = "new_instances", type = "int", en = "new this month", zh = "本月新增" },
  { name = "note", type = "text", en = "note", zh = "备注" },
]

[[metrics.tables]]
name = "delivery"
en = "By delivery form"
zh = "输出形态"
key = "form"
columns = [
  { name = "form", type = "text", en = "delivery form", zh = "形态" },
  { name = "users", type = "int", en = "users", zh = "用户数" },
  { name = "revenue", type = "money", en = "revenue", zh = "营收" },
]
"""
"""The demo's `[[metrics.tables]]`, as README's "Tables of your own" shows them."""

# Instances using each extension, oldest month first (18 months, ending last month):
# pgvector climbs fast, PostGIS grows slowly, TimescaleDB is steady, pg_stat_statements
# is on almost everywhere, and pg_partman arrives half-way.
EXTENSIONS: dict[str, tuple[int, ...]] = {
    "pg_stat_statements": tuple(380 + 20 * n for n in range(18)),
    "PostGIS": tuple(96 + 3 * n for n in range(18)),
    "pgvector": tuple(8 + n * n for n in range(18)),
    "TimescaleDB": tuple(41 + (n % 4) for n in range(18)),
    "pg_partman": tuple(0 if n < 9 else 6 + 2 * (n - 9) for n in range(18)),
}
# Users and revenue (10k CNY) by delivery form, oldest month first.
DELIVERY: dict[str, tuple[tuple[int, int], ...]] = {
    "公有云 public cloud": tuple((90 + 6 * n, 120 + 9 * n) for n in range(18)),
    "一体机 appliance": tuple((18 + n // 3, 48 + 2 * n) for n in range(18)),
    "OEM": tuple((12 + (n % 3), 14 + n // 2) for n in range(18)),
}


def with_tables(config: Config) -> Config:
    """`config` with the demo's tables added after the user's own (a user's table of
    the same name wins); a copy, the user's config object is left as it was."""
    own = {t.name for t in config.metrics.tables}
    extra = [t for t in read_metric_tables(tomllib.loads(CONFIG)["metrics"]["tables"])
             if t.name not in own]  # fmt: skip
    tables = [*config.metrics.tables, *extra]
    return config.replace(metrics=dataclasses.replace(config.metrics, tables=tables))


def add_tables(ws: Workspace, months: list[str]) -> None:
    """The demo tables' rows for `months` (oldest first), when the config has them."""
    names = metrics.tables(ws)
    if "extensions" in names and names["extensions"].custom:
        rows: list[dict[str, metrics.Value | None]] = []
        for name, counts in EXTENSIONS.items():
            for n, (month, count) in enumerate(zip(months, counts, strict=True)):
                if count:
                    new = count - (counts[n - 1] if n else 0)
                    rows.append({"month": month, "extension": name, "instances": count,
                                 "new_instances": max(new, 0)})  # fmt: skip
            if name == "pgvector":
                rows[-1]["note"] = "AI 应用带动，HNSW 索引需求多"
        metrics.put_rows(ws, "extensions", rows)
    if "delivery" in names and names["delivery"].custom:
        metrics.put_rows(
            ws,
            "delivery",
            [
                {"month": month, "form": form, "users": users, "revenue": revenue * 10_000}
                for form, series in DELIVERY.items()
                for month, (users, revenue) in zip(months, series, strict=True)
            ],
        )
