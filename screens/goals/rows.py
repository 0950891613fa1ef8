"""How goals are drawn: a progress bar with the quarter's straight line marked on it,
and the rows of objectives and key results (as `Text`, never markup: titles are the
user's)."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text

from cockpit.core.i18n import language, t
from cockpit.goals import words
from cockpit.goals.progress import KrState, ObjectiveState
from cockpit.screens.widgets.rowline import Row

STATUS_STYLE = {
    "done": "bold green",
    "on-track": "green",
    "at-risk": "bold red",
    "missed": "red",
    "upcoming": "dim",
    "empty": "dim",
}
BAR_CELLS = 10
STRIDE = 100  # a key result's ref: objective id * STRIDE + its number


def kr_ref(objective_id: int, number: int) -> int:
    """The panel ref of key result `number` of objective `objective_id`."""
    return objective_id * STRIDE + number


def split_ref(ref: int) -> tuple[int, int]:
    """(objective id, key result number; 0 for the objective's own row)."""
    return divmod(ref, STRIDE)


def bar(fraction: float, expected: float, status: str, cells: int = BAR_CELLS) -> Text:
    """`███████░░│░` : progress filled, the straight line's position as `│`."""
    filled = max(0, min(cells, round(min(fraction, 1.0) * cells)))
    line = max(0, min(cells - 1, int(expected * cells))) if 0 < expected < 1 else -1
    style = STATUS_STYLE.get(status, "")
    out = Text()
    for n in range(cells):
        if n == line:
            out.append("│", style="bold yellow")
        elif n < filled:
            out.append("█", style=style or "green")
        else:
            out.append("░", style="dim")
    return out


def objective_row(state: ObjectiveState) -> Row:
    """`#1 Grow the managed service` · `███░░│░ 34% on track`."""
    o = state.objective
    title = Text(f"#{o.id} ", style="dim") + Text(o.title, style="bold")
    if o.owner:
        title.append(f"  {o.owner}", style="magenta")
    return Row(kr_ref(o.id, 0), title, _meta(state.fraction, state.expected, state.status))


def kr_row(objective_id: int, state: KrState) -> Row:
    """`  1.2 Paying users ≥ 252   239 / 252` · bar, share and status."""
    title = Text(f"   {objective_id}.{state.number} ", style="dim") + Text(state.kr.title)
    title.append(f"  {words.kr_progress(state, language())}", style="cyan")
    return Row(kr_ref(objective_id, state.number), title,
               _meta(state.fraction, state.expected, state.status))  # fmt: skip


def _meta(fraction: float, expected: float, status: str) -> Text:
    """Bar, share and status in fixed cells, so the bars line up under each other."""
    style = STATUS_STYLE.get(status, "")
    meta = bar(fraction, expected, status)
    meta.append(f" {words.share(fraction):>5} ", style=style)
    word = t(f"goal.status.{status}")
    # As wide as the statuses of a quarter under way (a quarter not started, or an
    # objective without key results, shows nothing else beside it to line up with).
    widest = max(cell_len(t(f"goal.status.{s}")) for s in ("done", "on-track", "at-risk", "missed"))
    meta.append(word + " " * max(0, widest - cell_len(word)), style=style)
    return meta
