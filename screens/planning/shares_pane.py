"""The metrics screen's share pane: each key's share of a month for one numeric column,
its move against the month before in percentage points, and the movers' line.

Drawn from `cockpit.metrics.shares` (which rounds so the shown shares add up to
100.0%); the pane shows as many keys as the terminal leaves room for, largest first,
and says how many more there are (`cockpit metrics show --shares` lists them all).
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from cockpit.core.i18n import t
from cockpit.metrics import trends
from cockpit.metrics.shares import ColumnShares, Share

BAR = 10  # cells of the share bar at 100%


def share_title(column: str, key: str, month: str) -> str:
    """The pane's border title: "Shares of instances by extension, 2026-10"."""
    return t("shares.title", column=column, dim=key, month=month)


def render(col: ColumnShares, limit: int, key: str, *, bars: bool = True) -> RenderableType:
    """The share table (at most `limit` keys, headed `key`, with a bar per share when
    there is room) and the movers' line."""
    if col.reason is not None:
        return Text(t(f"shares.none.{col.reason}"), style="dim")
    grid = Table(box=None, padding=(0, 1), pad_edge=False, header_style="dim")
    grid.add_column(Text(key), no_wrap=True, overflow="ellipsis", max_width=22)
    grid.add_column(Text(t("metrics.latest")), justify="right", no_wrap=True)
    grid.add_column(Text(t("shares.share")), justify="right", no_wrap=True, min_width=6)
    grid.add_column(Text(t("shares.move")), justify="right", no_wrap=True, min_width=7)
    if bars:
        grid.add_column(Text(""), no_wrap=True, width=BAR)
    shown = col.shares[:limit]
    for share in shown:
        cells = [
            Text(share.key),
            Text(trends.format_number(share.value)),
            Text(f"{share.pct:.1f}%"),
            move_text(share),
        ]
        if bars:
            cells.append(Text("█" * round(share.pct / 100 * BAR), style="cyan"))
        grid.add_row(*cells)
    parts: list[RenderableType] = [grid]
    more = len(col.shares) - len(shown)
    if more > 0:
        parts.append(Text(t("shares.more", n=more), style="dim"))
    parts.append(movers_line(col))
    return Group(*parts)


def move_text(share: Share) -> Text:
    """+3.2pp in green, -1.5pp in red, a dim dash without last month's shares."""
    if share.move is None:
        return Text("-", style="dim")
    style = "green" if share.move > 0 else "red" if share.move < 0 else "dim"
    return Text(f"{share.move:+.1f}pp", style=style)


def movers_line(col: ColumnShares) -> Text:
    """ "Movers: pgvector +3.2pp · PostGIS -1.5pp" (or that nothing moved)."""
    movers = col.movers()
    if not movers:
        base = any(s.move is not None for s in col.shares)
        return Text(t("shares.no_movers" if base else "shares.no_base"), style="dim")
    line = Text(t("shares.movers"), style="bold")
    for n, share in enumerate(movers):
        line.append("  ·  " if n else " ")
        line.append(share.key)
        line.append(" ")
        line.append_text(move_text(share))
    return line
