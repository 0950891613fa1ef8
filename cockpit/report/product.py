"""Part 2's planning news: the requirements that moved during the week (from → to, with
the reason) and the progress of launches (done/total, overdue items, go-live date).

- A requirement moved when its change log has status entries inside the week; several
  moves show as one line, first status to last (`collected → reviewed → planned`), with
  the reasons in order, each once. Closed or rejected ones count too: the move is the news.
- A launch shows while it matters: it has open items, or its go-live day falls in the
  week or after it. Its overdue items (open, deadline before the reference day) follow
  it as lines of their own, the oldest first.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from cockpit.planning.launches import all_launches
from cockpit.planning.requirements import all_requirements
from cockpit.report.parts import Span, extras, one_line, short_date
from cockpit.report.render import Block, Line, label

if TYPE_CHECKING:
    from cockpit.items.workspace import Workspace

ARROW = " → "


def requirement_moves(ws: Workspace, span: Span, lang: str) -> Block:
    """`#12 pgvector HNSW：已评审 → 已规划（客户要）` per requirement moved in the week."""
    lines = []
    for req in sorted(all_requirements(ws), key=lambda r: r.id):
        moves = [e for e in req.log if e.get("kind") == "status" and span.holds(e.get("at"))]
        if not moves:
            continue
        steps = [moves[0].get("from", ""), *(e.get("to", "") for e in moves)]
        path = ARROW.join(label(lang, f"req.status.{s}") for s in steps if s)
        # One meeting often moves a requirement twice for one reason: say it once.
        reasons = list(dict.fromkeys(one_line(e.get("reason", "")) for e in moves))
        reasons = [r for r in reasons if r]
        colon = "：" if lang == "zh" else ": "
        text = f"#{req.id} {one_line(req.title)}{colon}{path}"
        lines.append(
            Line(text + extras(["；".join(reasons) if lang == "zh" else "; ".join(reasons)], lang))
        )
    return ("report.req_moves", lines)


def launch_progress(ws: Workspace, span: Span, today: dt.date, lang: str) -> Block:
    """`PG18 上线：已完成 5/12，逾期 2 项，12月15日上线`, then each overdue item."""
    lines: list[Line] = []
    week_start = span.start.date()
    for launch in all_launches(ws):
        golive = launch.golive_date
        items = launch.items
        done = sum(1 for it in items if it.state in ("done", "skipped"))
        still = [it for it in items if it.state == "open"]
        if not still and golive < week_start:
            continue
        late = sorted(
            (it for it in still if it.deadline(golive) < today), key=lambda it: it.deadline(golive)
        )
        facts = [label(lang, "report.launch.done", done=done, total=len(items))]
        if late:
            facts.append(label(lang, "report.launch.overdue", n=len(late)))
        facts.append(label(lang, "report.launch.golive", date=short_date(golive, lang)))
        sep = "，" if lang == "zh" else ", "
        colon = "：" if lang == "zh" else ": "
        lines.append(Line(f"{one_line(launch.name)}{colon}{sep.join(facts)}"))
        for it in late:
            due = short_date(it.deadline(golive), lang)
            owner = one_line(it.owner)
            what = label(lang, "report.overdue_due", date=due)
            lines.append(Line(f"{one_line(it.title)}{extras([what, owner], lang)}", level=1))
    return ("report.launches", lines)
