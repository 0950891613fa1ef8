"""Import items or customers from a CSV file with a header row (as Excel saves it), and
export customers the same way.

Every row is read and checked before anything is stored, then all records go in with
one `add_many`: a bad row stops the import with the row's line number and nothing
changes. Line numbers are the ones a spreadsheet shows (the header is line 1). Header
names are matched case-insensitively with spaces or dashes read as `_`; columns the
importer does not know are kept, as "column: value" lines, in the record's notes.

Customer columns are documented once, in `cockpit.cli.customers` (its docstring is
what `cockpit customers import --help` prints). Tier, stage and source may be written
as their English or Chinese labels, and Chinese headers (名称, 级别, 阶段…) are read.
`export_customers` writes exactly `CUSTOMER_COLUMNS`, so export -> import is lossless
(the touch history stays in the workspace; `last_touch` carries its latest date).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

from cockpit.core.dates import parse_date
from cockpit.core.errors import DateError, ImportFileError, InvalidError, WeekError
from cockpit.core.i18n import CATALOG
from cockpit.core.model import TIERS, Customer, Item, iso
from cockpit.core.text import cell_text, clean_text, inert_cell
from cockpit.core.weeks import parse_week
from cockpit.customers.fields import SOURCES, STAGES, parse_deal, plain_number
from cockpit.importers.decode import read_text
from cockpit.items.workspace import Workspace

ITEM_COLUMNS = ("title", "list", "week", "status", "key", "due", "owner", "customer", "tags")
CUSTOMER_COLUMNS = (
    "name", "tier", "stage", "deal_value", "industry", "region", "source", "owner",
    "next_followup", "last_touch", "churn_reason", "stage_since", "created", "notes",
)  # fmt: skip
# Header names a Chinese (or hand-made) customer sheet uses for the columns above.
CUSTOMER_HEADERS = {
    "名称": "name", "客户": "name", "客户名称": "name", "级别": "tier", "客户级别": "tier",
    "阶段": "stage", "金额": "deal_value", "商机金额": "deal_value", "deal": "deal_value",
    "行业": "industry", "区域": "region", "地区": "region", "来源": "source",
    "客户来源": "source", "负责人": "owner", "销售": "owner", "sales_contact": "owner",
    "下次跟进": "next_followup", "next_follow_up": "next_followup",
    "上次联系": "last_touch", "last_contact": "last_touch", "流失原因": "churn_reason",
    "阶段日期": "stage_since", "创建时间": "created", "备注": "notes",
}  # fmt: skip
_TRUE = {"yes", "true", "1", "y", "是"}
_FALSE = {"no", "false", "0", "n", "否", ""}
# Tags are split on spaces and on commas, including the full-width ones of Chinese input.
_TAG_SPLIT = re.compile(r"[\s,，、;；]+")

Row = dict[str, str]


class RowError(ValueError):
    """A value in one row that cannot be imported; the caller adds file and line."""


def import_csv(ws: Workspace, path: Path, kind: str) -> str:
    """Import every row of a CSV file as an item or a customer.

    Args:
        ws: the workspace to add to.
        path: the CSV file; UTF-8 (with or without a BOM), UTF-16 with a BOM, or
            GB18030/GBK as Excel on Chinese Windows saves it.
        kind: "items" or "customers".

    Returns:
        A one-line report, e.g. "Imported 12 items (3 done)".

    Raises:
        ImportFileError: the file cannot be read, has no usable header, or a row is bad; one
            sentence naming the file (and the line). Nothing is stored then.
    """
    if kind not in ("items", "customers"):
        raise ImportFileError(f"cannot import {kind!r}; use --kind items or --kind customers")
    known = ITEM_COLUMNS if kind == "items" else CUSTOMER_COLUMNS
    rows = _read_rows(path, known, {} if kind == "items" else CUSTOMER_HEADERS)
    items: list[Item] = []
    customers: list[Customer] = []
    book = ws.customers.all()
    spelling = {c.name.casefold(): c.name for c in book}
    # Lower-cased name -> line of this file that adds it (0: already in the book).
    names = {c.name.casefold(): 0 for c in book}
    for line, row, extra in rows:
        try:
            if kind == "items":
                items.append(_item(ws, row, extra, spelling))
            else:
                customers.append(_customer(ws, row, extra, names, line))
        except (RowError, InvalidError, WeekError, DateError) as exc:
            raise ImportFileError(f"{path} line {line}: {exc}") from None
    if kind == "customers":
        try:
            if customers:  # an empty batch would still leave an (empty) undo step
                ws.customers.add_many(customers)
        except InvalidError as exc:  # another process added the same name meanwhile
            raise ImportFileError(f"{path}: {exc}") from None
        return f"Imported {len(customers)} customer{'' if len(customers) == 1 else 's'}"
    if items:
        ws.add_many(items)
    done = sum(1 for i in items if i.status == "done")
    return f"Imported {len(items)} item{'' if len(items) == 1 else 's'} ({done} done)"


def _read_rows(
    path: Path, known: tuple[str, ...], aliases: dict[str, str]
) -> list[tuple[int, Row, Row]]:
    """(line, known columns, other columns) of each non-blank data row.

    Known columns are keyed by their canonical name (`Next Followup` -> next_followup);
    the others keep the header's spelling, since that is what the notes will show.
    """
    text = read_text(path)
    first = text.split("\n", 1)[0]
    # Excel in some locales separates with ";", and "Unicode text" uses tabs.
    delimiter = max(",;\t", key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        records = list(reader)
    except csv.Error as exc:
        raise ImportFileError(f"{path} line {reader.line_num} is not valid CSV ({exc})") from None
    if not records or not any(cell.strip() for cell in records[0]):
        raise ImportFileError(f"{path} is empty; it needs a header row naming the columns")
    labels = [str(clean_text(cell)) for cell in records[0]]
    keys = [re.sub(r"[\s-]+", "_", label.casefold()) for label in labels]
    keys = [aliases.get(k, k) for k in keys]
    named = [k for k in keys if k]
    if len(set(named)) != len(named):
        dup = next(k for k in named if named.count(k) > 1)
        raise ImportFileError(f"{path} names the column {dup!r} twice in its header")
    if known[0] not in keys:
        raise ImportFileError(f"{path} has no {known[0]!r} column in its header row (line 1)")
    rows = []
    for line, cells in enumerate(records[1:], 2):
        if not any(cell.strip() for cell in cells):
            continue  # blank rows (Excel leaves a few at the end) are not records
        row: Row = {}
        extra: Row = {}
        for n, cell in enumerate(cells):
            key = keys[n] if n < len(keys) else ""
            if key in known or key == "notes":
                row[key] = cell
            elif cell.strip():
                extra[labels[n] if key else f"column {n + 1}"] = cell
        rows.append((line, row, extra))
    return rows


def _text(row: Row, column: str) -> str:
    return str(clean_text(cell_text(row.get(column, ""))))


def _notes(row: Row, extra: Row) -> str:
    """The notes column, then every unknown column as a "column: value" line."""
    lines = [cell_text(row.get("notes", ""))]
    lines += [f"{k}: {clean_text(cell_text(v))}" for k, v in extra.items() if v.strip()]
    return str(clean_text("\n".join(lines), multiline=True))


def _flag(row: Row, column: str) -> bool:
    value = _text(row, column).lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise RowError(f"{column} must be yes or no (also true/false, 1/0, y/n, 是/否), not {value!r}")


def _date(ws: Workspace, row: Row, column: str) -> dt.date | None:
    value = _text(row, column)
    return parse_date(value, ws.clock.today()) if value else None


def _item(ws: Workspace, row: Row, extra: Row, spelling: dict[str, str]) -> Item:
    title = _text(row, "title")
    if not title:
        raise RowError("the title is empty")
    week = _text(row, "week")
    customer = _text(row, "customer")
    return ws.new_item(
        title,
        list_name=_text(row, "list").lower() or "plan",
        week=parse_week(week, ws.clock.today()) if week else None,
        status=_text(row, "status").lower() or "open",
        key=_flag(row, "key"),
        due=_date(ws, row, "due"),
        owner=_text(row, "owner"),
        # A name the customer book knows is stored as the book spells it.
        customer=spelling.get(customer.casefold(), customer),
        tags=[t for t in _TAG_SPLIT.split(_text(row, "tags")) if t],
        notes=_notes(row, extra),
    )


def _choice(row: Row, column: str, values: tuple[str, ...], label: str, default: str) -> str:
    """A tier/stage/source cell: the value itself or its English or Chinese label."""

    value = _text(row, column).lower().replace("_", "-").replace(" ", "-")
    if not value:
        return default
    for choice in values:
        names = CATALOG.get(f"{label}.{choice}", ())
        if value == choice or value in (n.lower().replace(" ", "-") for n in names):
            return choice
    return value  # the book refuses it, naming the allowed values


def _customer(ws: Workspace, row: Row, extra: Row, names: dict[str, int], line: int) -> Customer:

    name = _text(row, "name")
    taken = names.get(name.casefold())
    if taken == 0:
        raise RowError(f"a customer named {name!r} already exists")
    if taken:
        raise RowError(f"the customer {name!r} is already on line {taken}")
    customer = ws.customers.prepare(
        name,
        tier=_choice(row, "tier", TIERS, "tier", "normal"),
        stage=_choice(row, "stage", STAGES, "customers.stage", "customer"),
        deal_value=parse_deal(_text(row, "deal_value")),
        industry=_text(row, "industry"),
        region=_text(row, "region"),
        source=_choice(row, "source", SOURCES[1:], "customers.source", ""),
        owner=_text(row, "owner"),
        next_followup=_date(ws, row, "next_followup"),
        last_touch=_date(ws, row, "last_touch"),
        stage_since=_date(ws, row, "stage_since"),
        churn_reason=_text(row, "churn_reason"),
        created=_created(ws, _text(row, "created")),
        notes=_notes(row, extra),
    )
    names[customer.name.casefold()] = line
    return customer


def _created(ws: Workspace, value: str) -> str:
    if not value:
        return ""
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise RowError(
            f"created must be an ISO time like 2026-11-18T10:00, not {value!r}"
        ) from None
    return iso(moment if moment.tzinfo else moment.replace(tzinfo=ws.clock.now().tzinfo))


def export_customers(customers: list[Customer], excel: bool = False) -> str:
    """Customers as CSV text with the `CUSTOMER_COLUMNS` header, oldest first.

    Args:
        customers: the customers to write.
        excel: start with a BOM and end lines with CRLF, as Excel expects of a UTF-8
            file (without the BOM it reads Chinese as mojibake).
    """

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n" if excel else "\n")
    writer.writerow(CUSTOMER_COLUMNS)
    for cust in sorted(customers, key=lambda c: c.id):
        doc = dict(vars(cust))
        if cust.deal_value is not None:
            doc["deal_value"] = plain_number(cust.deal_value)
        # Names and notes come from anyone: no cell may run as a formula in Excel.
        cells = ("" if doc[c] is None else str(doc[c]) for c in CUSTOMER_COLUMNS)
        writer.writerow([inert_cell(cell) for cell in cells])
    return ("\ufeff" if excel else "") + out.getvalue()
