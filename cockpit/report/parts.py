"""Pieces of the weekly report: the week's time span, the line of an item, the month's
numbers, and the two parts that read other books than the items (customers; feed
entries). Lines are form-free (`cockpit.report.render.Line`): the same report is
written as Markdown or as plain text.

See `cockpit.report.build` for the rules each part follows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cockpit.core.labels.report import LABELS
from cockpit.core.weeks import monday
from cockpit.feeds.store import EntryStore
from cockpit.items.rules import is_key
from cockpit.metrics import book as metrics
from cockpit.metrics import trends
from cockpit.report import moves
from cockpit.report.render import Block, Line, label

if TYPE_CHECKING:
    from cockpit.core.model import Customer, Item, Touch
    from cockpit.items.workspace import Workspace
    from cockpit.report.notes import Note

TIER_RANK = {"top": 0, "key": 1, "normal": 2}


@dataclass(frozen=True)
class Span:
    """One ISO week as a half-open span of time in the clock's zone."""

    start: dt.datetime
    end: dt.datetime

    @classmethod
    def of(cls, week: str, tz: dt.tzinfo) -> Span:
        start = dt.datetime.combine(monday(week), dt.time(0), tzinfo=tz)
        return cls(start, start + dt.timedelta(days=7))

    def holds(self, stamp: str | None) -> bool:
        """True when the ISO time (or date) `stamp` falls in the week."""
        moment = _moment(stamp, self.start.tzinfo)
        return moment is not None and self.start <= moment < self.end

    def bounds(self, lang: str) -> dict[str, str]:
        """Monday and Sunday, written for the title."""
        first, last = self.start.date(), self.start.date() + dt.timedelta(days=6)
        return {"start": short_date(first, lang), "end": short_date(last, lang)}


def _moment(stamp: str | None, tz: dt.tzinfo | None) -> dt.datetime | None:
    if not stamp:
        return None
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return None
    # A bare date is a local day; a naive time from a feed is UTC (as the reader shows it).
    if len(stamp) == 10:
        return moment.replace(tzinfo=tz)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def short_date(day: dt.date, lang: str) -> str:
    """`Nov 16` / `11月16日`."""
    return f"{day.month}月{day.day}日" if lang == "zh" else f"{day:%b} {day.day}"


# lines ----------------------------------------------------------------------------------
def one_line(text: str) -> str:
    """User or feed text on one line: a newline inside would break a list."""
    return " ".join(text.split())


def extras(parts: list[str], lang: str) -> str:
    """` (a, b)` / `（a，b）`, or nothing."""
    parts = [p for p in parts if p]
    if not parts:
        return ""
    return f"（{'，'.join(parts)}）" if lang == "zh" else f" ({', '.join(parts)})"


def item_line(
    item: Item,
    lang: str,
    ref: dt.date,
    *,
    state: bool = False,
    carried: bool = False,
    due: bool = False,
    tag_ops: bool = False,
    tag_key: bool = False,
) -> Line:
    """`Title (done, ops, owner, overdue: due Nov 20, carried 2×)`, parts as asked.

    The state only when it says something (done, dropped: open work carries none); an
    open item due before `ref` is marked overdue, whatever else is asked.
    """
    day = dt.date.fromisoformat(item.due) if item.due else None
    late = day is not None and item.is_open and day < ref
    notes = [
        label(lang, "report.overdue_due", date=short_date(day, lang)) if late and day else "",
        label(lang, f"report.state.{item.status}") if state and not item.is_open else "",
        label(lang, "report.key") if tag_key and is_key(item) else "",
        label(lang, "report.ops") if tag_ops and item.list == "ops" else "",
        one_line(item.owner),
    ]
    if due and day is not None and not late:
        notes.append(label(lang, "report.due", date=short_date(day, lang)))
    if carried and item.carried:
        notes.append(label(lang, "report.carried", n=item.carried))
    return Line(f"{one_line(item.title)}{extras(notes, lang)}")


def note_lines(notes: list[Note], lang: str = "en") -> list[Line]:
    """One line per note, linked to its source when it has one; its comment (点评)
    under it."""
    out = []
    for n in notes:
        out.append(Line(one_line(n.text), n.link))
        comment = one_line(getattr(n, "comment", "") or "")
        if comment:
            out.append(Line(label(lang, "report.comment", text=comment), level=1))
    return out


def metrics_lines(ws: Workspace, span: Span, lang: str) -> list[Line]:
    """The month's headline numbers, as the daily screen sums them up: one line per
    table with data (营收, 商机, 运营, 项目, 工单) with 环比 and turning points, and the
    churned users (流失) after the opportunities; the latest month up to the week's end."""
    last = (span.end - dt.timedelta(days=1)).date().isoformat()[:7]
    threshold = ws.config.metrics.threshold
    out: list[Line] = []
    for spec in metrics.tables(ws).values():
        rows = [r for r in metrics.rows(ws, spec) if r.month <= last]
        trend = trends.summary(spec, rows, threshold)
        if trend is not None:
            out.append(Line(trends.summary_line(spec, trend, lang)))
        churned = trends.series(rows, "churned") if spec.name == "opportunities" else {}
        if churned:
            lost = trends.column_trend(churned, "churned", max(churned), threshold)
            name = label(lang, "report.churned")
            out.append(Line(trends.summary_line(spec, lost, lang, name=name)))
    return out


# part 3: customers ----------------------------------------------------------------------
def customers_part(
    ws: Workspace, span: Span, notes: list[Note], lang: str, numbers: list[Line]
) -> list[Block]:
    """The month's numbers, touches of the week by customer, new opportunities, churn
    risks, notes."""
    customers = {c.id: c for c in ws.customers.all()}
    touched: dict[int, list[Touch]] = {}
    for touch in sorted(ws.customers.touches(), key=lambda t: (t.date, t.id)):
        if span.holds(touch.date) and touch.customer_id in customers:
            touched.setdefault(touch.customer_id, []).append(touch)
    touch_lines: list[Line] = []
    for cust in sorted((customers[i] for i in touched), key=_customer_order):
        touch_lines.append(Line(f"{one_line(cust.name)}{extras([_tier(cust, lang)], lang)}"))
        touch_lines += [Line(_touch_text(t, lang), level=1) for t in touched[cust.id]]

    def new_opportunity(cust: Customer) -> bool:
        if _stage(cust) != "opportunity":
            return False
        changed = str(getattr(cust, "stage_since", "") or "")
        return cust.id in touched or span.holds(cust.created) or span.holds(changed)

    opportunities = [
        Line(f"{one_line(c.name)}{extras([_deal(c, lang), one_line(c.owner)], lang)}")
        for c in sorted(customers.values(), key=_customer_order)
        if new_opportunity(c)
    ]
    colon = "：" if lang == "zh" else ": "
    churn = [
        Line(
            f"{one_line(c.name)}{colon}"
            + (
                one_line(str(getattr(c, "churn_reason", "") or ""))
                or label(lang, "report.no_reason")
            )
        )
        for c in sorted(customers.values(), key=_customer_order)
        if _stage(c) == "churn-risk"
    ]
    big = [Line(line) for line in moves.big_moves_lines(ws, span.holds, lang)]
    return [
        ("report.numbers", numbers),
        ("report.touched", touch_lines),
        ("report.opportunities", opportunities),
        ("report.churn", churn),
        (moves.heading(lang), big),
        ("report.notes", note_lines(notes, lang)),
    ]


def _stage(cust: Customer) -> str:
    # `stage`, `deal_value` and `churn_reason` arrive with the customers screen; a book
    # written before them has none, and every customer then reads as stage "".
    return str(getattr(cust, "stage", "") or "")


def _customer_order(cust: Customer) -> tuple[int, str, int]:
    return (TIER_RANK.get(cust.tier, 3), cust.name.casefold(), cust.id)


def _tier(cust: Customer, lang: str) -> str:
    return label(lang, f"report.tier.{cust.tier}") if cust.tier in ("top", "key") else ""


def _deal(cust: Customer, lang: str) -> str:
    value = getattr(cust, "deal_value", None)
    if value in (None, "", 0):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    shown = f"{value:,}" if isinstance(value, int | float) else one_line(str(value))
    return label(lang, "report.deal", value=shown)


def _touch_text(touch: Touch, lang: str) -> str:
    day = dt.date.fromisoformat(touch.date)
    key = f"report.channel.{touch.channel}"
    channel = label(lang, key) if key in LABELS else one_line(touch.channel)
    colon = "：" if lang == "zh" else ": "
    note = one_line(touch.note)
    return f"{short_date(day, lang)} {channel}" + (f"{colon}{note}" if note else "")


# part 4: industry & competitors ---------------------------------------------------------
def industry_part(ws: Workspace, span: Span, notes: list[Note], lang: str) -> list[Block]:
    """Starred entries published this week, then notes filed this week, each with its
    comment (点评); an entry both starred and filed shows once, as the starred entry
    with the filed note's comment."""

    state = ws.files.raw("entry_state").get("state", {})
    store = EntryStore(ws.files)
    starred = []
    for ref, marks in state.items():
        if not marks.get("starred"):
            continue
        entry = store.get(int(ref))
        if entry is not None and span.holds(entry.published):
            starred.append(entry)
    starred.sort(key=lambda e: (e.published, e.id))
    shown = {e.id for e in starred}
    comments = {n.entry_id: one_line(n.comment) for n in notes if n.entry_id and n.comment}
    lines: list[Line] = []
    for e in starred:
        feed = f" · {one_line(e.feed)}" if e.feed else ""
        lines.append(Line(one_line(e.title), e.link or "", after=feed))
        if comments.get(e.id):
            lines.append(Line(label(lang, "report.comment", text=comments[e.id]), level=1))
    filed = [n for n in notes if not (n.entry_id and n.entry_id in shown)]
    return [("report.starred", lines), ("report.notes", note_lines(filed, lang))]
