"""CSV import and export of the monthly metric tables.

A file for one table has a header naming its columns, by their key (`cash`), English
label (`explanation of change`) or Chinese label (`现金`, `变化说明`); `month` is
required, and so is `activity` (ops) or `customer` (projects). An export of every table
adds a leading `table` column; such a file imports back without `--table`.

Import merges by month (and key): a column in the header replaces the stored value (an
empty cell clears it), a column not in the header is kept. Every row is checked first;
one bad row refuses the whole file, naming each bad line (the header is line 1, as in a
spreadsheet), and nothing is stored.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from cockpit.core.errors import ImportFileError, InvalidError
from cockpit.core.i18n import CATALOG, Clauses, Message, msg, t
from cockpit.core.text import cell_text, inert_cell
from cockpit.importers.decode import read_text
from cockpit.metrics.book import (
    TableSpec,
    Value,
    check_row,
    identity,
    parse_row,
    put_rows,
    rows,
    tables,
)

if TYPE_CHECKING:
    from cockpit.items.workspace import Workspace

SHOWN_ERRORS = 5
Update = dict[str, Value | None]


def _norm(header: str) -> str:
    return re.sub(r"[\s_\-()（）]+", "", header).casefold()


# A unit in a header, as Chinese sheets write amounts: 现金（万元）, 收入(亿), GAAP/千元.
_UNIT = re.compile(r"^(.*?)\s*(?:[（(]\s*([^()（）]+?)\s*[)）]|[/／]\s*(\S+))\s*$")
UNITS = {"元": 1, "万": 10_000, "万元": 10_000, "亿": 100_000_000, "亿元": 100_000_000,
         "千": 1_000, "千元": 1_000, "k": 1_000, "百万": 1_000_000, "百万元": 1_000_000,
         "m": 1_000_000, "rmb": 1, "cny": 1, "¥": 1}  # fmt: skip


def split_unit(header: str) -> tuple[str, int]:
    """A header and the factor of the unit it names: ("现金（万元）") -> ("现金", 10000);
    a header without a unit (or with words in brackets) has factor 1."""
    match = _UNIT.match(header.strip())
    if match:
        unit = (match.group(2) or match.group(3) or "").strip().casefold()
        if unit in UNITS and match.group(1):
            return match.group(1), UNITS[unit]
    return header, 1


@functools.cache
def header_names(spec: TableSpec) -> dict[str, str]:
    """Normalised header -> column name: the key, its aliases and both labels."""
    out: dict[str, str] = {}
    for col in spec.columns:
        labels: tuple[str, ...] = col.labels or CATALOG.get(f"metrics.col.{col.name}") or ()
        for name in (col.name, *col.aliases, *labels):
            out.setdefault(_norm(name), col.name)
    return out


def import_csv(ws: Workspace, path: Path, table: str | None) -> str:
    """Import a CSV file into `table` (None: a file of every table, with a `table` column).

    Returns:
        A one-line report, e.g. "Imported 12 revenue rows (3 new, 9 updated)".

    Raises:
        ImportFileError: the file cannot be read or a row is bad; nothing is stored then.
    """
    specs = tables(ws)
    if table is not None and table not in specs:
        raise ImportFileError("err.metrics.table", table=table, choices=list(specs))
    records = _records(path)
    split = [split_unit(cell) for cell in records[0]]
    header = [_norm(name) for name, _ in split]
    # The every-table column under any of its names reads as `table`.
    header = ["table" if h in {_norm(x) for x in TABLE_HEADERS} else h for h in header]
    scale = {h: factor for h, (_, factor) in zip(header, split, strict=True) if factor != 1}
    if table is None and "table" not in header:
        raise ImportFileError("err.metrics.no_table_column", path=path)
    wanted = [table] if table else list(specs)
    for name in wanted:
        _check_header(path, specs[name], header, required=table is not None)
    if table is not None:  # a header problem is said once, not on every row
        names = header_names(specs[table])
        raw = [cell.strip() for cell in records[0]]
        unknown = [raw[n] for n, h in enumerate(header) if h and h != "table" and h not in names]
        if unknown:
            raise ImportFileError(
                "err.metrics.unknown_columns",
                path=path,
                columns=unknown,
                n=len(unknown),
                table=specs[table].label,
                names=specs[table].column_names,
            )
    batches: dict[str, list[tuple[int, Update]]] = {name: [] for name in wanted}
    errors: list[Message] = []
    for line, cells in enumerate(records[1:], 2):
        if not any(cell.strip() for cell in cells):
            continue  # Excel leaves blank rows at the end
        cells = cells + [""] * (len(header) - len(cells))
        texts = dict(zip(header, cells, strict=False))
        row_table = texts.pop("table", "").strip()
        row_table = table_named(specs, row_table) if row_table else ""
        name = table or row_table
        try:
            if table and row_table and row_table != table:
                raise InvalidError("err.metrics.row_table", row=row_table, table=table)
            if name not in batches:
                raise InvalidError("err.metrics.table", table=name, choices=list(specs))
            row = _row(ws, specs[name], texts, table is None, scale)
            batches[name].append((line, row))
        except InvalidError as exc:
            errors.append(msg("err.line", line=line, problem=exc.message))
    if not errors:
        for name, batch in batches.items():
            errors += _check(ws, specs[name], batch)
    if errors:
        more = len(errors) - SHOWN_ERRORS
        shown: list[object] = list(errors[:SHOWN_ERRORS])
        if more > 0:
            shown.append(msg("err.and_more", n=more))
        raise ImportFileError(
            "err.import.nothing", path=path, n=len(errors), problems=Clauses(tuple(shown))
        )
    added = updated = 0
    for name, batch in batches.items():
        a, u = put_rows(ws, name, [update for _, update in batch])
        added, updated = added + a, updated + u
    count = added + updated
    if table:
        return t("cli.metrics.imported_table", n=count, table=specs[table].label,
                 added=added, updated=updated)  # fmt: skip
    return t("cli.metrics.imported", n=count, added=added, updated=updated)


def _records(path: Path) -> list[list[str]]:
    text = read_text(path)
    # As the item importer does: Excel separates with ";" in some locales, tabs in
    # "Unicode text"; the header line tells which.
    delimiter = max(",;\t", key=text.split("\n", 1)[0].count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        records = list(reader)
    except csv.Error as exc:
        raise ImportFileError(
            "err.csv.invalid", path=path, line=reader.line_num, problem=exc
        ) from None
    if not records or not any(cell.strip() for cell in records[0]):
        raise ImportFileError("err.csv.empty", path=path)
    return records


def _check_header(path: Path, spec: TableSpec, header: list[str], *, required: bool) -> None:
    """Refuse a header naming a column twice or, for one table, missing its keys."""
    names = header_names(spec)
    columns = [names[h] for h in header if h in names]
    for col in columns:
        if columns.count(col) > 1:
            raise ImportFileError("err.metrics.twice", path=path, table=spec.label, column=col)
    for key in ("month", spec.key):
        if key and required and key not in columns:
            raise ImportFileError("err.csv.no_column", path=path, column=key)


def _row(
    ws: Workspace, spec: TableSpec, texts: dict[str, str], mixed: bool, scale: dict[str, int]
) -> Update:
    """The typed update of one data row, with its header mapped to column names and the
    unit a header names (万元) applied to its numbers."""
    names = header_names(spec)
    mapped: dict[str, str] = {}
    factors: dict[str, int] = {}
    for header, text in texts.items():
        if not header:
            continue  # an unnamed column (a stray cell right of the table)
        column = names.get(header)
        if column is None:
            if mixed:  # a file of every table: other tables' columns are left empty
                if text.strip():
                    raise InvalidError(
                        "err.metrics.no_column_short",
                        table=spec.label,
                        column=header,
                    )
                continue
            raise InvalidError(
                "err.metrics.no_column",
                table=spec.label,
                column=header,
                names=spec.column_names,
            )
        mapped[column] = cell_text(text)
        if header in scale:
            factors[column] = scale[header]
    update = parse_row(spec, mapped, ws.clock.today())
    for column, factor in factors.items():
        value = update.get(column)
        if isinstance(value, int | float) and not isinstance(value, bool):
            scaled = Decimal(str(value)) * factor
            update[column] = int(scaled) if scaled == scaled.to_integral_value() else float(scaled)
    check_row(spec, {k: v for k, v in update.items() if v is not None})
    return update


def _check(ws: Workspace, spec: TableSpec, batch: list[tuple[int, Update]]) -> list[Message]:
    """Rows repeated in the file, or contradicting the row they merge into."""
    stored = {identity(spec, r.to_doc()): r for r in rows(ws, spec)}
    seen: dict[tuple[str, str], int] = {}
    errors: list[Message] = []
    for line, update in batch:
        ident = identity(spec, update)
        if ident in seen:
            what = " ".join(str(update.get(c) or "") for c in ("month", spec.key) if c)
            errors.append(msg("err.metrics.repeated", line=line, what=what, first=seen[ident]))
            continue
        seen[ident] = line
        old = stored.get(ident)
        merged = {**(old.to_doc() if old else {}), **update}
        try:
            check_row(spec, {k: v for k, v in merged.items() if v is not None})
        except InvalidError as exc:
            errors.append(msg("err.metrics.with_stored", line=line, problem=exc.message))
    return errors


def format_value(value: Value | None) -> str:
    """A stored value as a cell: money without float noise (1234.5, not 1234.500001)."""
    if value is None:
        return ""
    if isinstance(value, float):
        return format(Decimal(str(value)), "f")
    return str(value)


TABLE_HEADERS = ("table", "表", "数据表", "表名")
"""What the leading column of an every-table file may be called (the export writes the
first in English, the second in Chinese)."""


def export_csv(ws: Workspace, table: str | None, lang: str = "en") -> str:
    """CSV of one table, or of every table with a leading `table` column.

    `lang` "zh" writes the headers as the columns' Chinese labels (月份, 现金 …) and the
    table column as 表 with each table's Chinese name: both import back as they are.
    "en" writes the column keys (cash, change_note) and the tables' keys.
    """
    specs = tables(ws)
    if table is not None and table not in specs:
        raise InvalidError("err.metrics.table", table=table, choices=list(specs))
    names = [table] if table else list(specs)
    columns: list[str] = []
    titles: list[str] = []
    readers = [header_names(specs[name]) for name in names]
    for name in names:
        for col in specs[name].columns:
            if col.name not in columns:
                columns.append(col.name)
                # English keeps the keys (cash, change_note): what scripts expect.
                title = col.title(lang) if lang == "zh" else col.name
                # A label another table reads as one of its other columns (projects'
                # 用户 is revenue's users too) is written as the column's key instead.
                clash = any(r.get(_norm(title), col.name) != col.name for r in readers)
                titles.append(col.name if clash else title)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    lead = TABLE_HEADERS[1] if lang == "zh" else TABLE_HEADERS[0]
    writer.writerow(titles if table else [lead, *titles])
    for name in names:
        shown = specs[name].title("zh") if lang == "zh" else name
        for row in rows(ws, specs[name]):
            # Text cells (activities, reasons) come from anyone: none may run as a
            # formula in Excel; numbers, negative ones included, stay numbers.
            cells = [inert_cell(format_value(row.cell(c))) for c in columns]
            writer.writerow(cells if table else [inert_cell(shown), *cells])
    return out.getvalue()


def table_named(specs: dict[str, TableSpec], text: str) -> str:
    """The table a cell of the `table` column names: its key or either of its names
    (营收, revenue); unknown text is returned as it is, to be refused by name."""
    wanted = _norm(text)
    for name, spec in specs.items():
        if wanted in (_norm(name), _norm(spec.title("en")), _norm(spec.title("zh"))):
            return name
    return text
