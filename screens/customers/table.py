"""The customers table: columns, sorting, filtering and the aligned text of each row.

No widgets here: the screen hands the rows to a line-API `Panel`, which draws only the
lines on screen. Cells are Rich `Text`, which measures CJK characters as two cells, so
Chinese names and labels stay in their columns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from rich.text import Text

from cockpit.core.i18n import language, relative_day, t
from cockpit.core.model import TIERS, Customer
from cockpit.customers.fields import SOURCES, STAGES, short_deal
from cockpit.find.pinyin import sort_key
from cockpit.items.rules import Due
from cockpit.screens.widgets.textfit import clip

GAP = 1
NAME_MIN = 14  # below this a column makes way: the name is what you scan
SORTS = (
    "due", "name", "tier", "stage", "deal", "industry", "region", "source", "owner", "last",
    "next",
)  # fmt: skip
FILTERS = ("tier", "industry", "region", "stage", "source")


@dataclass(frozen=True)
class Column:
    """A table column: its key, the widest it gets, and who gives way first (low rank)."""

    key: str
    cap: int
    rank: int
    right: bool = False


# Left to right; `rank` orders which columns disappear first on a narrow terminal.
COLUMNS = (
    Column("tier", 6, 9),
    Column("stage", 11, 8),
    Column("deal", 7, 7, right=True),
    Column("industry", 12, 4),
    Column("region", 12, 3),
    Column("source", 8, 1),
    Column("owner", 10, 2),
    Column("last", 12, 6),
    Column("next", 12, 5),
)


def label(kind: str, value: str) -> str:
    """The shown word for a tier, stage, source or channel value."""
    if not value:
        return ""
    key = "tier." + value if kind == "tier" else f"customers.{kind}.{value}"
    return t(key)


def cells(cust: Customer, today: dt.date) -> dict[str, str]:
    """Plain text of each column of one customer (empty: nothing to show)."""
    last = dt.date.fromisoformat(cust.last_touch) if cust.last_touch else None
    follow = dt.date.fromisoformat(cust.next_followup) if cust.next_followup else None
    return {
        "name": cust.name,
        "tier": label("tier", cust.tier),
        "stage": label("stage", cust.stage),
        "deal": short_deal(cust.deal_value, language()) if cust.deal_value else "",
        "industry": cust.industry,
        "region": cust.region,
        "source": label("source", cust.source),
        "owner": cust.owner,
        "last": relative_day(last, today) if last else t("customers.never"),
        "next": relative_day(follow, today) if follow else "",
    }


def layout(width: int, rows: Iterable[dict[str, str]]) -> tuple[int, list[tuple[Column, int]]]:
    """The name's width and the (column, width) pairs that fit in `width` cells.

    Each column is as wide as its widest cell or header (up to its cap); columns give
    way by rank until the name has room.
    """
    rows = list(rows)
    widths: dict[str, int] = {}
    for col in COLUMNS:
        head = Text(t(f"customers.col.{col.key}")).cell_len
        body = max((Text(r[col.key]).cell_len for r in rows), default=0)
        widths[col.key] = min(max(head, body), col.cap)
    shown = list(COLUMNS)
    mark = 2  # the due mark and its gap

    def name_room() -> int:
        return width - mark - sum(widths[c.key] + GAP for c in shown)

    for col in sorted(COLUMNS, key=lambda c: c.rank):
        if name_room() >= NAME_MIN:
            break
        shown.remove(col)
    # Room to spare (a short book on a wide terminal) first widens the gaps a little,
    # so the columns do not huddle at the right edge behind one vast name column.
    names = max((Text(r["name"]).cell_len for r in rows), default=0)
    spare = name_room() - max(names, NAME_MIN)
    extra = min(2, spare // len(shown)) if shown and spare > 0 else 0
    for col in shown:
        widths[col.key] += extra
    name_width = max(name_room(), 4)
    return name_width, [(c, widths[c.key]) for c in shown]


def status_line(
    sort: str, reverse: bool, filters: dict[str, str], room: int, view: str = "table"
) -> Text:
    """Sort (or view) and filter state as a key legend: `s sort: …` (in a grouped or
    deals view `b view: …`), then `1 tier` … `5 source`, a set filter in bold with its
    value. Too narrow for all (80 columns with a filter set), the unset filters make
    way."""
    arrow = "↓" if reverse else "↑"
    column = t(f"customers.col.{sort}")
    if view == "table":
        lead = Text(t("customers.status.sort", column=column, arrow=arrow))
    else:
        lead = Text(t("customers.status.view", view=t(f"customers.view.{view}")), "bold cyan")
    for keep_unset in (True, False):
        line = lead.copy()
        sep = " │ "
        for n, kind in enumerate(FILTERS, 1):
            value, name = filters.get(kind), t(f"customers.col.{kind}")
            if value is None and not keep_unset:
                continue
            line.append(sep, style="dim")
            sep = " · "
            if value is None:
                line.append(f"{n} {name}", style="dim")
                continue
            shown = label(kind, value) if kind in ("tier", "stage", "source") else value
            line.append(t("customers.status.filter", n=n, column=name, value=shown), "bold yellow")
        if filters:
            line.append(" · ", style="dim").append(t("customers.status.clear"))
        if line.cell_len <= room:
            break
    return line


def _cell(text: Text, width: int, right: bool = False) -> Text:
    text = clip(text, width)
    pad = width - text.cell_len
    if right:
        text = Text(" " * pad) + text
    else:
        text.pad_right(pad)
    return text


def header(name_width: int, columns: list[tuple[Column, int]], sort: str, reverse: bool) -> Text:
    """The header line, the sorted column marked with an arrow."""
    arrow = "↓" if reverse else "↑"
    line = Text("  ")
    name = t("customers.col.name") + (f" {arrow}" if sort == "name" else "")
    line.append_text(_cell(Text(name, style="bold"), name_width))
    for col, width in columns:
        title = t(f"customers.col.{col.key}")
        if col.key == sort:
            title = f"{title}{arrow}" if Text(title).cell_len < width else f"{arrow}{title}"
        style = "bold reverse" if col.key == sort else "bold"
        line.append(" " * GAP)
        line.append_text(_cell(Text(title, style=style), width, col.right))
    return line


STAGE_STYLE = {"lead": "dim", "opportunity": "green", "churn-risk": "bold red", "churned": "dim"}


def row_text(
    cust: Customer,
    text: dict[str, str],
    due: Due | None,
    name_width: int,
    columns: list[tuple[Column, int]],
) -> Text:
    """One aligned table line; a red ● marks a follow-up due, a yellow ● a top customer
    left untouched (the daily screen's rule)."""
    mark = Text(" ")
    if due is not None:
        mark = Text("●", style="red" if due.reason == "followup" else "yellow")
    line = mark + Text(" ")
    name_style = "bold" if cust.tier == "top" else ""
    if cust.stage == "churned":
        name_style = "dim"
    line.append_text(_cell(Text(text["name"], style=name_style), name_width))
    for col, width in columns:
        style = ""
        if col.key == "stage":
            style = STAGE_STYLE.get(cust.stage, "")
        elif col.key == "next" and due is not None and due.reason == "followup":
            style = "red"
        elif col.key in ("industry", "region", "source", "owner", "last") or not text[col.key]:
            style = "dim"
        line.append(" " * GAP)
        line.append_text(_cell(Text(text[col.key], style=style), width, col.right))
    return line


SORT_KEYS: dict[str, Callable[[Customer], Any]] = {
    "name": lambda c: sort_key(c.name),  # by pinyin: 瀚海 among the H names
    "tier": lambda c: TIERS.index(c.tier) if c.tier in TIERS else len(TIERS),
    "stage": lambda c: STAGES.index(c.stage) if c.stage in STAGES else len(STAGES),
    "deal": lambda c: c.deal_value,
    "industry": lambda c: sort_key(c.industry),
    "region": lambda c: sort_key(c.region),
    "source": lambda c: c.source,
    "owner": lambda c: sort_key(c.owner),
    "last": lambda c: c.last_touch,
    "next": lambda c: c.next_followup,
}


def sort_customers(
    customers: list[Customer], key: str, reverse: bool, due: dict[int, int]
) -> list[Customer]:
    """Sorted by `key`; empty values last whatever the direction, then by name.

    `due` ranks the customers of `rules.customers_due` (most overdue first) for the
    "due" order, which lists everyone else by name after them.
    """
    by_name = sorted(customers, key=lambda c: (sort_key(c.name), c.id))
    if key == "due":
        ranked = sorted(by_name, key=lambda c: due.get(c.id, len(due)))
        return ranked[::-1] if reverse else ranked
    get = SORT_KEYS[key]
    filled = [c for c in by_name if get(c) not in (None, "")]
    empty = [c for c in by_name if get(c) in (None, "")]
    filled.sort(key=get, reverse=reverse)
    return filled + empty


def filter_values(customers: Iterable[Customer], kind: str) -> list[str]:
    """The values the `kind` filter cycles through (after "all")."""
    if kind == "tier":
        return list(TIERS)
    if kind == "stage":
        return list(STAGES)
    if kind == "source":
        return list(SOURCES[1:])
    seen = {getattr(c, kind) for c in customers}
    return sorted((v for v in seen if v), key=sort_key)


def matches(cust: Customer, filters: dict[str, str]) -> bool:
    """True when the customer passes every set filter."""
    return all(getattr(cust, kind) == value for kind, value in filters.items())
