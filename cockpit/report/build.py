"""The weekly report (周报): five parts, built from what cockpit already holds, ready to
send as it is, in Markdown or as plain text for chat (`cockpit.report.render`).

1. highlights & thoughts (重点&思考): the week's own page (`NoteBook.week_notes`), notes
   filed under "highlights", the quarter's objectives with each key result's progress
   and status (`cockpit.report.goals`), and the key items of the week;
2. product management (产品管理): product (`plan`) and `ops` items finished this week,
   the requirements that moved (from → to, with the reason) and the launches' progress
   (done/total, overdue items, go-live date);
3. customers & business (客户&业务): the month's headline numbers from the metrics tables
   (营收, 商机, 流失, 工单 with 环比 and turning points: the daily screen's summaries),
   customers touched this week with the touch notes, new opportunities, churn risks;
4. industry & competitors (业界竞品): starred entries and entries filed from the reading
   screen, each with the PM's one-line comment (点评) under it;
5. next week's plan (下周工作计划): open items planned for next week, and this week's
   open work that carries over into it.
Notes filed under a section (`NoteBook.add(section=…)`) close the matching part.

Rules that need a word:
- Each item shows once: a key item in part 1 (done or not), other finished work in
  part 2, other open work (this week's, earlier weeks' still open, and work planned
  later but due by this week's end: a deadline never hides) in part 5 as carry-over.
- A status shows only where it says something: done or dropped key items in part 1;
  open work carries no "[open]". An open item due before the reference day (today, or
  the week's Sunday for a past week) is marked overdue (逾期).
- A week runs Monday 00:00 to Monday 00:00 in the clock's zone; "finished this week"
  reads `done_at`, "touched this week" the touch's date, a requirement's move its log.
- The report is built from the data as it is now, so a past week's report shows its
  items in their current state. An open item planned before the week counts as open in
  it unless the week is still in the future (it has been open all along).
- Starred entries: a star carries no timestamp, so the report lists the starred entries
  *published* during the week; an older article starred today reaches the report by
  filing it (`t` on the reading screen), once however often it is filed.
- New opportunities: customers in stage `opportunity` that were created or touched
  during the week, or moved to the stage then (when the record has `stage_since`).
  Churn risks are every customer in stage `churn-risk`: a risk stands until resolved.
- The month's numbers: the latest month with data up to the week's end.
- Order is fixed: items by id (creation order), customers by tier then name, entries by
  publication time, notes as filed. A part with nothing to say is left out (the others
  are numbered in order); a week with nothing at all says so in one line.

Pure: no UI, no writes; the same workspace, week, language and form give the same text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from cockpit.core.weeks import shift
from cockpit.items.rules import is_due_by, is_key
from cockpit.report.goals import goals_block
from cockpit.report.notes import SECTIONS, Note, NoteBook
from cockpit.report.parts import (
    Span,
    customers_part,
    industry_part,
    item_line,
    metrics_lines,
    note_lines,
    one_line,
)
from cockpit.report.product import launch_progress, requirement_moves
from cockpit.report.render import FORMATS, Block, Line, Part, label, written
from cockpit.storage.atomic import atomic_write

if TYPE_CHECKING:
    from cockpit.core.config import Config
    from cockpit.core.model import Item
    from cockpit.items.workspace import Workspace

LANGUAGES = ("en", "zh")
__all__ = ["FORMATS", "LANGUAGES", "build_report", "default_filename", "report_language"]


def report_language(config: Config) -> str:
    """The report's default language: `[report] language`, else the UI's."""
    return config.report.language or config.language


def default_filename(week: str, lang: str, form: str = "md") -> str:
    """`周报-2026-W47.md` for a Chinese report, `report-2026-W47.txt` for English text."""
    ext = "txt" if form == "text" else "md"
    return f"周报-{week}.{ext}" if lang == "zh" else f"report-{week}.{ext}"


def build_report(ws: Workspace, week: str, lang: str, form: str = "md") -> str:
    """The report of ISO `week` (e.g. "2026-W47") in `lang` ("en" or "zh"), written as
    Markdown (`form` "md") or plain text for chat ("text").

    Raises:
        ValueError: an unknown language or form (`WeekError`, a ValueError, for a bad week).
    """
    if lang not in LANGUAGES or form not in FORMATS:
        raise ValueError(
            f"report language must be one of {', '.join(LANGUAGES)}, "
            f"its form one of {', '.join(FORMATS)}"
        )
    span = Span.of(week, ws.clock.tz)
    title = label(lang, "report.title", week=week, **span.bounds(lang))
    return written(title, report_parts(ws, week, lang), lang, form)


def report_parts(ws: Workspace, week: str, lang: str) -> list[Part]:
    """The five parts of `week`'s report, before they are written in a form."""
    span = Span.of(week, ws.clock.tz)
    items = _items(ws, span)
    book = NoteBook(ws)
    notes = {name: book.for_week(week, name) for name in SECTIONS}
    current = ws.week
    today = ws.clock.today()
    # Overdue means due before today, or, for a week that is over, before its end.
    ref = min(today, span.end.date())
    shown: set[int] = set()
    highlights = _highlights_part(book, week, span, items, notes, current, ref, lang, shown)
    highlights.insert(2, goals_block(ws, span, lang))  # after highlights and thoughts
    return [
        ("highlights", highlights),
        ("product", _product_part(ws, span, items, notes, today, lang, shown)),
        (
            "customers",
            customers_part(ws, span, notes["customers"], lang, metrics_lines(ws, span, lang)),
        ),
        ("industry", industry_part(ws, span, notes["industry"], lang)),
        ("plan", _plan_part(week, items, notes, current, ref, lang, shown)),
    ]


# gathering ------------------------------------------------------------------------------
def _items(ws: Workspace, span: Span) -> list[Item]:
    """Hot items, plus the archive only for weeks old enough to be in it (it holds items
    finished more than `archive_after_weeks` ago, and it can be large)."""
    items = ws.items()
    cutoff = ws.clock.now() - dt.timedelta(weeks=ws.config.storage.archive_after_weeks)
    if span.start < cutoff:
        items += ws.archived()
    return sorted(items, key=lambda i: i.id)


def _was_open_in(item: Item, week: str, current: str) -> bool:
    """Open and planned for `week`, planned earlier and still open through it, or planned
    later but due by the week's end (a deadline never hides, as on the daily screen)."""
    if not item.is_open or not item.week:
        return False
    if item.week == week or item.week < week <= current:
        return True
    # Due by the week's end; in a week still to come, only work planned after it (the
    # carry-over of earlier weeks is open now, not in a week that has not started).
    return is_due_by(item, week) and (week <= current or item.week > week)


def _key_items(items: Iterable[Item], week: str, span: Span, current: str) -> list[Item]:
    """Key items open in the week, planned for it, or finished (done/dropped) in it."""
    return [
        i
        for i in items
        if is_key(i)
        and (
            _was_open_in(i, week, current)
            or (not i.is_open and (i.week == week or span.holds(i.done_at)))
        )
    ]


# the item parts ------------------------------------------------------------------------
def _highlights_part(
    book: NoteBook,
    week: str,
    span: Span,
    items: list[Item],
    notes: dict[str, list[Note]],
    current: str,
    ref: dt.date,
    lang: str,
    shown: set[int],
) -> list[Block]:
    page = book.week_notes(week)
    highlights = [Line(one_line(h)) for h in page.highlights] + note_lines(notes["highlights"])
    thoughts = [Line(line, prose=True) for line in page.thoughts.splitlines()]
    key = _key_items(items, week, span, current)
    shown.update(i.id for i in key)
    return [
        ("report.highlights", highlights),
        ("report.thoughts", thoughts),
        (
            "report.key_items",
            [item_line(i, lang, ref, state=True, carried=True, due=True) for i in key],
        ),
    ]


def _product_part(
    ws: Workspace,
    span: Span,
    items: list[Item],
    notes: dict[str, list[Note]],
    today: dt.date,
    lang: str,
    shown: set[int],
) -> list[Block]:
    work = sorted(
        (i for i in items if i.id not in shown and i.list in ("plan", "ops")),
        key=lambda i: (i.list == "ops", i.id),  # product first, then ops
    )
    done = [i for i in work if i.status == "done" and span.holds(i.done_at)]
    shown.update(i.id for i in done)
    return [
        ("report.finished", [item_line(i, lang, today, tag_ops=True) for i in done]),
        requirement_moves(ws, span, lang),
        launch_progress(ws, span, min(today, span.end.date()), lang),
        ("report.notes", note_lines(notes["product"])),
    ]


def _plan_part(
    week: str,
    items: list[Item],
    notes: dict[str, list[Note]],
    current: str,
    ref: dt.date,
    lang: str,
    shown: set[int],
) -> list[Block]:
    following = shift(week, 1)
    rest = [i for i in items if i.id not in shown]
    # This week's open work (and earlier weeks' still open, and work due by this week's
    # end whatever week it is planned for) rolls over into next week.
    carry = [i for i in rest if _was_open_in(i, week, current)]
    taken = {i.id for i in carry}
    planned = sorted(
        (i for i in rest if i.is_open and i.week == following and i.id not in taken),
        key=lambda i: (not is_key(i), i.list == "ops", i.id),  # key work first
    )
    return [
        (
            label(lang, "report.planned", week=following),
            [item_line(i, lang, ref, tag_key=True, tag_ops=True, due=True) for i in planned],
        ),
        (
            "report.carry",
            [item_line(i, lang, ref, tag_ops=True, due=True, carried=True) for i in carry],
        ),
        ("report.notes", note_lines(notes["plan"])),
    ]


def save_report(path: str, text: str) -> str:
    """Write `text` to `path` (`~` expanded) atomically; returns the path written.

    Raises:
        FileAccessError: the file cannot be written (one sentence: which file, what
            went wrong, what to do; the CLI exits 3, the app shows it).
    """
    target = Path(path).expanduser()
    atomic_write(target, text.encode("utf-8"))
    return str(target)
