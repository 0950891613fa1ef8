"""The weekly report (周报): five parts in Markdown, built from what cockpit already holds.

1. highlights & thoughts (重点&思考): the week's own page (`NoteBook.week_notes`), notes
   filed under "highlights", and the key items with their state;
2. product management (产品管理): product (`plan`) and `ops` items finished this week and
   still open, with owners — key items are left out, part 1 already shows them (as on
   the daily screen, each item shows once);
3. customers & business (客户&业务): customers touched this week with the touch notes,
   new opportunities and the standing churn risks;
4. industry & competitors (业界竞品): starred feed entries and notes filed from entries;
5. next week's plan (下周工作计划): open items planned for next week and the carry-over
   kept this week (`carried > 0`, planned for this week, not dropped). An item planned
   for next week but due this week (or overdue) is this week's open work instead.
Notes filed under a section (`NoteBook.add(section=…)`) close the matching part.

Rules that need a word:
- A week runs Monday 00:00 to Monday 00:00 in the clock's zone; "finished this week"
  reads `done_at`, "touched this week" the touch's date.
- The report is built from the data as it is now, so a past week's report shows its
  items in their current state. An open item planned before the week counts as open in
  it unless the week is still in the future (it has been open all along).
- Starred entries: a star carries no timestamp, so the report lists the starred entries
  *published* during the week. Each week's report stays reproducible; an older article
  starred today reaches the report by filing it as a note (`t` on the reading screen).
- New opportunities: customers in stage `opportunity` that were created or touched
  during the week, or moved to the stage then (when the record has `stage_since`).
  Churn risks are every customer in stage `churn-risk`: a risk stands until resolved.
- Order is fixed: items by id (creation order), customers by tier then name, entries by
  publication time, notes as filed. Every part is always there; an empty one says so.

Pure: no UI, no writes; the same workspace, week and language give the same text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from cockpit.core.labels.report import LABELS
from cockpit.core.weeks import shift
from cockpit.items.rules import is_due_by, is_key
from cockpit.report.notes import SECTIONS, Note, NoteBook
from cockpit.report.parts import (
    Block,
    Span,
    customers_part,
    industry_part,
    item_line,
    label,
    note_lines,
    one_line,
)
from cockpit.storage.atomic import atomic_write

if TYPE_CHECKING:
    from cockpit.core.config import Config
    from cockpit.core.model import Item
    from cockpit.items.workspace import Workspace

LANGUAGES = ("en", "zh")


def report_language(config: Config) -> str:
    """The report's default language: `[report] language`, else the UI's."""
    return config.report.language or config.language


def default_filename(week: str, lang: str) -> str:
    """`周报-2026-W47.md` for a Chinese report, `report-2026-W47.md` for an English one."""
    return f"周报-{week}.md" if lang == "zh" else f"report-{week}.md"


def build_report(ws: Workspace, week: str, lang: str) -> str:
    """The Markdown report of ISO `week` (e.g. "2026-W47") in `lang` ("en" or "zh").

    Raises:
        ValueError: an unknown language (`WeekError`, a ValueError, for a bad week).
    """
    if lang not in LANGUAGES:
        raise ValueError(f"report language must be one of {', '.join(LANGUAGES)}")
    span = Span.of(week, ws.clock.tz)
    items = _items(ws, span)
    book = NoteBook(ws)
    notes = {name: book.for_week(week, name) for name in SECTIONS}
    current = ws.week
    parts: list[tuple[str, list[Block]]] = [
        ("highlights", _highlights_part(book, week, span, items, notes, current, lang)),
        ("product", _product_part(week, span, items, notes, current, lang)),
        ("customers", customers_part(ws, span, notes["customers"], lang)),
        ("industry", industry_part(ws, span, notes["industry"], lang)),
        ("plan", _plan_part(week, items, notes, lang)),
    ]
    out = [f"# {label(lang, 'report.title', week=week, **span.bounds(lang))}", ""]
    for name, blocks in parts:
        out += [f"## {label(lang, f'report.part.{name}')}", ""]
        out += _render(blocks, lang)
    return "\n".join(out).rstrip("\n") + "\n"


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
    lang: str,
) -> list[Block]:
    page = book.week_notes(week)
    highlights = [f"- {one_line(h)}" for h in page.highlights] + note_lines(notes["highlights"])
    # Two trailing spaces make a Markdown line break: the preview and chat apps keep the
    # PM's lines as typed, and plain-text mail shows them unchanged.
    paragraphs = page.thoughts.split("\n\n") if page.thoughts else []
    thoughts = "\n\n".join("  \n".join(p.splitlines()) for p in paragraphs)
    key = [
        item_line(i, lang, state=True, carried=True, due=i.is_open)
        for i in _key_items(items, week, span, current)
    ]
    return [
        ("report.highlights", highlights),
        ("report.thoughts", thoughts.split("\n") if thoughts else []),
        ("report.key_items", key),
    ]


def _product_part(
    week: str,
    span: Span,
    items: list[Item],
    notes: dict[str, list[Note]],
    current: str,
    lang: str,
) -> list[Block]:
    work = sorted(
        (i for i in items if not is_key(i) and i.list in ("plan", "ops")),
        key=lambda i: (i.list == "ops", i.id),  # product first, then ops
    )
    done = [i for i in work if i.status == "done" and span.holds(i.done_at)]
    still = [i for i in work if _was_open_in(i, week, current)]
    return [
        ("report.finished", [item_line(i, lang, tag_ops=True) for i in done]),
        (
            "report.still_open",
            [item_line(i, lang, tag_ops=True, due=True, carried=True) for i in still],
        ),
        ("report.notes", note_lines(notes["product"])),
    ]


def _plan_part(
    week: str, items: list[Item], notes: dict[str, list[Note]], lang: str
) -> list[Block]:
    following = shift(week, 1)
    # Work due by this week's end is this week's open work (parts 1 and 2), with its
    # due date, even when it is planned for next week: each item shows once.
    planned = sorted(
        (i for i in items if i.is_open and i.week == following and not is_due_by(i, week)),
        key=lambda i: (not is_key(i), i.list == "ops", i.id),  # key work first
    )
    kept = [i for i in items if i.carried > 0 and i.week == week and i.status != "dropped"]
    return [
        (
            label(lang, "report.planned", week=following),
            [item_line(i, lang, tag_key=True, tag_ops=True, due=True) for i in planned],
        ),
        (
            "report.kept",
            [item_line(i, lang, state=not i.is_open, carried=True) for i in kept],
        ),
        ("report.notes", note_lines(notes["plan"])),
    ]


# rendering ------------------------------------------------------------------------------
def _render(blocks: list[Block], lang: str) -> list[str]:
    """Sub-headed blocks, empty ones left out; a part with nothing says so."""
    out: list[str] = []
    for heading, lines in blocks:
        if lines:
            title = label(lang, heading) if heading in LABELS else heading
            out += [f"**{title}**", "", *lines, ""]
    return out or [label(lang, "report.none"), ""]


def save_report(path: str, text: str) -> str:
    """Write `text` to `path` (`~` expanded) atomically; returns the path written.

    Raises:
        FileAccessError: the file cannot be written (one sentence: which file, what
            went wrong, what to do; the CLI exits 3, the app shows it).
    """
    target = Path(path).expanduser()
    atomic_write(target, text.encode("utf-8"))
    return str(target)
