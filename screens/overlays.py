"""Chinese text in toasts and drop-downs keeps every character.

Textual's compositor cuts each screen line at every widget's left and right edge and
paints each piece from the front-most widget there. A toast (or a drop-down) drawn over
the panels is cut at the panels' edges underneath it too, and a wide character that
straddles such an edge is split — Rich turns both halves into blanks. That is how
`已完成：准备瀚海银行季度…` showed as `已完成：准备瀚  银  季度…`, with characters missing
at fixed columns (the borders of the panels behind the toast).

`install()` makes the compositor leave out, on each line, the edges of widgets that an
opaque overlay in front of them hides: inside a toast the only cuts are the toast's
own, so its text is never split. A widget whose edge was left out still paints the
pieces it shows (its hidden start is dropped). Everything else is cut as before.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from textual._compositor import Compositor
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets._toast import Toast

_installed = False


def _covers(widget: Widget) -> bool:
    """An opaque overlay: a toast, or a widget drawn over the screen (a drop-down)."""
    return isinstance(widget, Toast) or widget.styles.overlay == "screen"


def _cuts(self: Compositor) -> list[list[int]]:
    """Textual's `Compositor.cuts`, without the edges an overlay in front hides."""
    if self._cuts is not None:
        return self._cuts
    width, height = self.size
    cuts = [[0, width] for _ in range(height)]
    shown: dict[int, list[tuple[int, int]]] = {}  # line -> overlay spans seen so far
    for widget, (region, clip) in self.visible_widgets.items():  # front-most first
        x, y, region_width, region_height = Region.intersection(region, clip)
        if not (region_width and region_height):
            continue
        right = x + region_width
        for line in range(y, y + region_height):
            covered = shown.get(line, ())
            for edge in (x, right):
                if not any(left < edge < end for left, end in covered):
                    cuts[line].append(edge)
        if _covers(widget):
            for line in range(y, y + region_height):
                shown.setdefault(line, []).append((x, right))
    self._cuts = [sorted(set(line_cuts)) for line_cuts in cuts]
    return self._cuts


def _render_chops(
    self: Compositor, crop: Region, is_rendered_line: Callable[[int], bool]
) -> Sequence[Mapping[int, Strip]]:
    """Textual's `Compositor._render_chops`, for widgets whose edges may be hidden."""
    cuts = self.cuts
    chops: list[dict[int, Strip | None]] = [dict.fromkeys(line[:-1]) for line in cuts]
    for region, clip, strips in self._get_renders(crop):
        render_region = region.intersection(clip)
        render_x = render_region.x
        first_cut, last_cut = render_region.column_span
        for y, strip in zip(render_region.line_range, strips, strict=False):
            if not is_rendered_line(y):
                continue
            line = chops[y]
            final_cuts = [cut for cut in cuts[y] if last_cut >= cut >= first_cut]
            if not final_cuts or final_cuts[0] != first_cut:
                final_cuts.insert(0, first_cut)  # its start is under an overlay
            pieces = strip.divide([cut - render_x for cut in final_cuts[1:]])
            # Painted front to back: the first piece for a cut wins; a piece that
            # starts at a left-out edge is the hidden part, and is dropped.
            for cut, piece in zip(final_cuts, pieces, strict=False):
                if cut in line and line[cut] is None:
                    line[cut] = piece
    return chops  # type: ignore[return-value]


def install() -> None:
    """Use the overlay-aware cuts in every compositor (once per process)."""
    global _installed
    if not _installed:
        Compositor.cuts = property(_cuts)  # type: ignore[method-assign,assignment]
        Compositor._render_chops = _render_chops  # type: ignore[method-assign]
        _installed = True
