"""What a terminal shows, cell by cell: `tmux capture-pane -e` output parsed into a grid.

tmux writes each line as text with SGR escapes (`ESC [ … m`) where the style changes; a
wide (CJK) character fills two cells. Parsing it back into cells lets a test ask what
a person sees — "is the cursor row drawn differently from its neighbours", "did pressing
`j` change any cell" — instead of trusting widget state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from rich.cells import get_character_cell_size

_ESCAPE = re.compile(r"\x1b(?:\[([0-9;:]*)([A-Za-z])|\][^\x07\x1b]*(?:\x07|\x1b\\)|.)")


@dataclass(frozen=True)
class Style:
    """The attributes of one cell; colours as tmux wrote them (`"38;2;r;g;b"`-style
    strings normalised to `"#rrggbb"`, `"c123"` for a 256-colour index, None for the
    terminal's default)."""

    fg: str | None = None
    bg: str | None = None
    bold: bool = False
    dim: bool = False
    italic: bool = False
    underline: bool = False
    reverse: bool = False

    def apply(self, params: str) -> Style:
        """This style after one SGR sequence with `params` (`"1;38;5;208"`)."""
        codes = [int(p) if p else 0 for p in re.split("[;:]", params)] if params else [0]
        style = self
        i = 0
        while i < len(codes):
            code = codes[i]
            if code == 0:
                style = Style()
            elif code in _FLAGS:
                style = replace(style, **{_FLAGS[code]: True})  # type: ignore[arg-type]
            elif code == 22:
                style = replace(style, bold=False, dim=False)
            elif code in _RESETS:
                style = replace(style, **{_RESETS[code]: False})  # type: ignore[arg-type]
            elif 30 <= code <= 37 or 90 <= code <= 97:
                style = replace(style, fg=f"c{code - 30 if code < 90 else code - 82}")
            elif 40 <= code <= 47 or 100 <= code <= 107:
                style = replace(style, bg=f"c{code - 40 if code < 100 else code - 92}")
            elif code in (38, 48):
                colour, used = _extended(codes[i + 1 :])
                style = replace(style, **{"fg" if code == 38 else "bg": colour})  # type: ignore[arg-type]
                i += used
            elif code == 39:
                style = replace(style, fg=None)
            elif code == 49:
                style = replace(style, bg=None)
            i += 1
        return style


_FLAGS = {1: "bold", 2: "dim", 3: "italic", 4: "underline", 7: "reverse"}
_RESETS = {23: "italic", 24: "underline", 27: "reverse"}


def _extended(rest: list[int]) -> tuple[str | None, int]:
    """A `38;5;n` / `38;2;r;g;b` colour: (colour, how many codes it used)."""
    if rest[:1] == [5] and len(rest) >= 2:
        return f"c{rest[1]}", 2
    if rest[:1] == [2] and len(rest) >= 4:
        r, g, b = rest[1:4]
        return f"#{r:02x}{g:02x}{b:02x}", 4
    return None, len(rest)


@dataclass(frozen=True)
class Cell:
    """One terminal cell: its character ("" for the right half of a wide one)."""

    char: str
    style: Style

    @property
    def look(self) -> tuple[str | None, str | None, bool, bool]:
        """What makes a cell look different from another with the same character:
        the colours actually shown (reverse swaps them) and the weight."""
        fg, bg = self.style.fg, self.style.bg
        if self.style.reverse:
            fg, bg = bg or "default-bg", fg or "default-fg"
        return fg, bg, self.style.bold, self.style.dim


@dataclass
class Grid:
    """A captured screen: `rows[y][x]` cells, `width` x `height`."""

    width: int
    height: int
    rows: list[list[Cell]] = field(default_factory=list)

    def line(self, y: int) -> str:
        """Row `y` as plain text (wide characters once, trailing blanks kept)."""
        return "".join(cell.char for cell in self.rows[y])

    @property
    def text(self) -> str:
        return "\n".join(self.line(y).rstrip() for y in range(self.height))

    def find(self, needle: str) -> tuple[int, int] | None:
        """(x, y) of the first cell where `needle` starts, or None."""
        for y in range(self.height):
            line = self.line(y)
            at = line.find(needle)
            if at >= 0:
                # `line` skips the empty right halves of wide characters: map back.
                return _column(self.rows[y], at), y
        return None

    def rows_with(self, needle: str) -> list[int]:
        return [y for y in range(self.height) if needle in self.line(y)]

    def backgrounds(self, y: int, x0: int = 0, x1: int | None = None) -> set[str | None]:
        """The background colours shown in row `y` between columns x0 and x1."""
        return {cell.look[1] for cell in self.rows[y][x0:x1]}

    def looks(self, y: int, x0: int = 0, x1: int | None = None) -> list[tuple[object, ...]]:
        return [cell.look for cell in self.rows[y][x0:x1]]

    def differs(self, other: Grid) -> list[int]:
        """Rows whose characters or styles differ from `other`'s."""
        return [y for y in range(min(self.height, other.height)) if self.rows[y] != other.rows[y]]


def _column(row: list[Cell], index: int) -> int:
    """The cell column of the `index`-th character of `row`'s text."""
    seen = 0
    for x, cell in enumerate(row):
        if not cell.char:
            continue
        if seen == index:
            return x
        seen += len(cell.char)
    return len(row)


def parse(capture: str, width: int, height: int) -> Grid:
    """Parse `tmux capture-pane -p -e` output of a `width` x `height` pane."""
    grid = Grid(width, height)
    lines = capture.split("\n")
    style = Style()
    for y in range(height):
        raw = lines[y] if y < len(lines) else ""
        row: list[Cell] = []
        pos = 0
        while pos < len(raw):
            match = _ESCAPE.match(raw, pos) if raw[pos] == "\x1b" else None
            if match is not None:
                if match.group(2) == "m":
                    style = style.apply(match.group(1))
                pos = match.end()
                continue
            char = raw[pos]
            pos += 1
            size = get_character_cell_size(char)
            if size == 0 and row:  # a combining mark joins the character before it
                at = len(row) - 1 if row[-1].char or len(row) < 2 else len(row) - 2
                row[at] = Cell(row[at].char + char, row[at].style)
                continue
            row.append(Cell(char, style))
            if size == 2:
                row.append(Cell("", style))
        # tmux leaves trailing default blanks out: the rest of the row is blank.
        row = row[:width]
        row.extend(Cell(" ", Style()) for _ in range(width - len(row)))
        grid.rows.append(row)
    return grid
