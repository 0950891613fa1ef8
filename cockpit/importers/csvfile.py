"""Import items or customers from a CSV file with a header row (as Excel saves it), and
export customers the same way.

Every row is read and checked before anything is stored, then all records go in with
one `add_many`: a bad row stops the import with the row's line number and nothing
changes. Line numbers are the ones a spreadsheet shows (the header is line 1). Header
names are matched case-insensitively with spaces or dashes read as `_`, in English or
Chinese (标题, 截止日期, 等级, 客户等级 …); a column the importer does not know is kept,
as "column: value" lines, in the record's notes, and the summary names it (once, not
per row) so nothing lands in notes unsaid. Values may be written in either language
too (`重点`, `完成`, `战略`, `渠道`: see `cockpit.core.labels.vocab`).

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
from dataclasses import dataclass
from pathlib import Path

from cockpit.core.dates import parse_date
from cockpit.core.errors import DateError, ImportFileError, InvalidError, WeekError
from cockpit.core.i18n import t
from cockpit.core.labels import vocab
from cockpit.core.model import Customer, Item, iso
from cockpit.core.text import cell_text, clean_text, inert_cell
from cockpit.core.weeks import parse_week
from cockpit.customers.fields import parse_deal, plain_number
from cockpit.importers.decode import read_text
from cockpit.items.workspace import Workspace

ITEM_COLUMNS = (
    "title", "list", "week", "status", "key", "due", "owner", "customer", "tags", "notes",
)  # fmt: skip
# Header names a Chinese (or taskwarrior-minded) item sheet uses for the columns above.
ITEM_HEADERS = {
    "标题": "title", "事项": "title", "任务": "title", "名称": "title", "内容": "title",
    "事项名称": "title", "任务名称": "title", "description": "title", "task": "title",
    "列表": "list", "分类": "list", "类别": "list", "类型": "list",
    "周": "week", "周次": "week", "计划周": "week", "计划": "week", "planned": "week",
    "状态": "status", "重点": "key", "是否重点": "key", "重点事务": "key",
    "截止": "due", "截止日期": "due", "截止时间": "due", "到期": "due", "到期日": "due",
    "deadline": "due", "due_date": "due", "负责人": "owner", "责任人": "owner",
    "客户": "customer", "客户名称": "customer", "标签": "tags", "tag": "tags",
    "备注": "notes", "说明": "notes", "note": "notes",
}  # fmt: skip
CUSTOMER_COLUMNS = (
    "name", "tier", "stage", "deal_value", "industry", "region", "source", "owner",
    "next_followup", "last_touch", "churn_reason", "stage_since", "stage_from", "created",
    "notes",
)  # fmt: skip
# Header names a Chinese (or hand-made) customer sheet uses for the columns above.
CUSTOMER_HEADERS = {
    "名称": "name", "客户": "name", "客户名称": "name", "公司": "name", "级别": "tier",
    "客户级别": "tier", "等级": "tier", "客户等级": "tier", "分级": "tier", "客户分级": "tier",
    "阶段": "stage", "金额": "deal_value", "商机金额": "deal_value", "deal": "deal_value",
    "行业": "industry", "区域": "region", "地区": "region", "来源": "source",
    "客户来源": "source", "负责人": "owner", "销售": "owner", "sales_contact": "owner",
    "下次跟进": "next_followup", "next_follow_up": "next_followup", "跟进日期": "next_followup",
    "下次跟进日期": "next_followup",
    "上次联系": "last_touch", "last_contact": "last_touch", "流失原因": "churn_reason",
    "阶段日期": "stage_since", "原阶段": "stage_from", "创建时间": "created", "备注": "notes",
}  # fmt: skip
_TRUE = {"yes", "true", "1", "y", "是", "对", "√", "✓", "x", "重点"}
_FALSE = {"no", "false", "0", "n", "否", "不是", "非", ""}
# Tags are split on spaces and on commas, including the full-width ones of Chinese input.
_TAG_SPLIT = re.compile(r"[\s,，、;；]+")

Row = dict[str, str]


def import_csv(ws: Workspace, path: Path, kind: str) -> str:
    """Import every row of a CSV file as an item or a customer.

    Args:
        ws: the workspace to add to.
        path: the CSV file; UTF-8 (with or without a BOM), UTF-16 with a BOM, or
            GB18030/GBK as Excel on Chinese Windows saves it.
        kind: "items" or "customers".

    Returns:
        A report in the UI's language, e.g. "Imported 12 items (3 done)", naming each
        column that was not recognised (its values are in the notes).

    Raises:
        ImportFileError: the file cannot be read, has no usable header, or a row is bad; one
            sentence naming the file (and the line). Nothing is stored then.
    """
    if kind not in ("items", "customers"):
        raise ImportFileError("err.csv.kind", kind=kind)
    known = ITEM_COLUMNS if kind == "items" else CUSTOMER_COLUMNS
    sheet = _read_rows(path, known, ITEM_HEADERS if kind == "items" else CUSTOMER_HEADERS)
    items: list[Item] = []
    customers: list[Customer] = []
    book = ws.customers.all()
    spelling = {c.name.casefold(): c.name for c in book}
    # Lower-cased name -> line of this file that adds it (0: already in the book).
    names = {c.name.casefold(): 0 for c in book}
    for line, row, extra in sheet.rows:
        try:
            if kind == "items":
                items.append(_item(ws, row, extra, spelling))
            else:
                customers.append(_customer(ws, row, extra, names, line))
        except (InvalidError, WeekError, DateError) as exc:
            raise ImportFileError(
                "err.csv.line", path=path, line=line, problem=exc.message
            ) from None
    if kind == "customers":
        try:
            if customers:  # an empty batch would still leave an (empty) undo step
                ws.customers.add_many(customers)
        except InvalidError as exc:  # another process added the same name meanwhile
            raise ImportFileError("err.csv.file", path=path, problem=exc.message) from None
        report = t("cli.csv.customers", n=len(customers))
    else:
        if items:
            ws.add_many(items)
        done = sum(1 for i in items if i.status == "done")
        report = t("cli.csv.items", n=len(items), done=done)
    unknown = [t("cli.csv.unknown_column", column=name) for name in sheet.unknown]
    return t("sep.clauses").join([report, *unknown])


@dataclass
class Sheet:
    """The data rows of a file, and the header's columns the importer does not know."""

    rows: list[tuple[int, Row, Row]]
    """(line, known columns, other columns) of each non-blank data row."""
    unknown: list[str]
    """Unrecognised column names as the header spells them (their values go to notes)."""


def _read_rows(path: Path, known: tuple[str, ...], aliases: dict[str, str]) -> Sheet:
    """The rows of the file, each split into known and other columns.

    Known columns are keyed by their canonical name (`Next Followup` -> next_followup,
    `截止日期` -> due); the others keep the header's spelling, as the notes show it.
    """
    text = read_text(path)
    first = text.split("\n", 1)[0]
    # Excel in some locales separates with ";", and "Unicode text" uses tabs.
    delimiter = max(",;\t", key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        records = list(reader)
    except csv.Error as exc:
        raise ImportFileError(
            "err.csv.invalid", path=path, line=reader.line_num, problem=exc
        ) from None
    if not records or not any(cell.strip() for cell in records[0]):
        raise ImportFileError("err.csv.empty", path=path)
    labels = [str(clean_text(cell)) for cell in records[0]]
    keys = [_column(label, aliases) for label in labels]
    named = [k for k in keys if k]
    if len(set(named)) != len(named):
        dup = next(k for k in named if named.count(k) > 1)
        shown = [label for label, key in zip(labels, keys, strict=True) if key == dup]
        raise ImportFileError("err.csv.twice", path=path, column=dup, headers=shown)
    if known[0] not in keys:
        raise ImportFileError("err.csv.no_column", path=path, column=known[0])
    unknown = [label for label, key in zip(labels, keys, strict=True) if key and key not in known]
    rows = []
    unnamed = False  # a value in a column the header does not name
    for line, cells in enumerate(records[1:], 2):
        if not any(cell.strip() for cell in cells):
            continue  # blank rows (Excel leaves a few at the end) are not records
        row: Row = {}
        extra: Row = {}
        for n, cell in enumerate(cells):
            key = keys[n] if n < len(keys) else ""
            if key in known:
                row[key] = cell
            elif cell.strip():
                extra[labels[n] if key else t("cli.csv.column_n", n=n + 1)] = cell
                unnamed = unnamed or not key
        rows.append((line, row, extra))
    if unnamed:
        unknown.append(t("cli.csv.unnamed"))
    return Sheet(rows, unknown)


def _column(label: str, aliases: dict[str, str]) -> str:
    """The canonical column a header names ("Next Followup", "截止日期", "Due Date")."""
    key = re.sub(r"[\s-]+", "_", label.strip().casefold())
    return aliases.get(key, aliases.get(key.replace("_", ""), key))


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
    raise InvalidError("err.csv.flag", column=column, value=value)


def _date(ws: Workspace, row: Row, column: str) -> dt.date | None:
    value = _text(row, column)
    return parse_date(value, ws.clock.today()) if value else None


def _item(ws: Workspace, row: Row, extra: Row, spelling: dict[str, str]) -> Item:
    title = _text(row, "title")
    if not title:
        raise InvalidError("err.csv.title")
    week = _text(row, "week")
    customer = _text(row, "customer")
    return ws.new_item(
        title,
        list_name=_text(row, "list") or "plan",
        week=parse_week(week, ws.clock.today()) if week else None,
        status=_text(row, "status") or "open",
        key=_flag(row, "key"),
        due=_date(ws, row, "due"),
        owner=_text(row, "owner"),
        # A name the customer book knows is stored as the book spells it.
        customer=spelling.get(customer.casefold(), customer),
        tags=[t for t in _TAG_SPLIT.split(_text(row, "tags")) if t],
        notes=_notes(row, extra),
    )


def _choice(row: Row, column: str, default: str) -> str:
    """A tier/stage/source cell as written (重点, 战略, key …); the book reads it through
    `cockpit.core.labels.vocab` and refuses what it cannot, naming the values it takes."""
    return _text(row, column) or default


def _customer(ws: Workspace, row: Row, extra: Row, names: dict[str, int], line: int) -> Customer:

    name = _text(row, "name")
    taken = names.get(name.casefold())
    if taken == 0:
        raise InvalidError("err.customer.exists", name=name)
    if taken:
        raise InvalidError("err.csv.customer_twice", name=name, line=taken)
    customer = ws.customers.prepare(
        name,
        tier=_choice(row, "tier", "normal"),
        stage=_choice(row, "stage", "customer"),
        deal_value=parse_deal(_text(row, "deal_value")),
        industry=_text(row, "industry"),
        region=_text(row, "region"),
        source=_choice(row, "source", ""),
        owner=_text(row, "owner"),
        next_followup=_date(ws, row, "next_followup"),
        last_touch=_date(ws, row, "last_touch"),
        stage_since=_date(ws, row, "stage_since"),
        stage_from=_text(row, "stage_from"),
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
        raise InvalidError("err.csv.created", value=value) from None
    return iso(moment if moment.tzinfo else moment.replace(tzinfo=ws.clock.now().tzinfo))


# The Chinese header `export_customers(lang="zh")` writes for each column: the first
# name `CUSTOMER_HEADERS` reads back as it.
CUSTOMER_HEADERS_ZH = {
    column: next(header for header, named in CUSTOMER_HEADERS.items() if named == column)
    for column in CUSTOMER_COLUMNS
}
# Columns holding a vocabulary value, written as its label in the export's language.
_WORDED = {"tier": "tier", "stage": "stage", "source": "source", "stage_from": "stage"}


def export_customers(customers: list[Customer], excel: bool = False, lang: str = "en") -> str:
    """Customers as CSV text with the `CUSTOMER_COLUMNS` header, oldest first.

    Args:
        customers: the customers to write.
        excel: start with a BOM and end lines with CRLF, as Excel expects of a UTF-8
            file (without the BOM it reads Chinese as mojibake).
        lang: "zh" writes Chinese headers (名称, 级别 …) and tier, stage and source as
            their Chinese words (重点, 商机, 渠道); both import back as they are.
    """

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n" if excel else "\n")
    zh = lang == "zh"
    writer.writerow([CUSTOMER_HEADERS_ZH[c] for c in CUSTOMER_COLUMNS] if zh else CUSTOMER_COLUMNS)
    for cust in sorted(customers, key=lambda c: c.id):
        doc = dict(vars(cust))
        if cust.deal_value is not None:
            doc["deal_value"] = plain_number(cust.deal_value)
        if zh:
            for column, kind in _WORDED.items():
                if doc.get(column):
                    doc[column] = vocab.word(kind, str(doc[column])).render("zh")
        # Names and notes come from anyone: no cell may run as a formula in Excel.
        cells = ("" if doc[c] is None else str(doc[c]) for c in CUSTOMER_COLUMNS)
        writer.writerow([inert_cell(cell) for cell in cells])
    return ("\ufeff" if excel else "") + out.getvalue()
