"""The monthly metric tables: the five of seed 000, tables of one's own from config
(`[[metrics.tables]]`, `custom_spec`), typed values and row validation.

Revenue, opportunities and tickets hold one row per month: their numbers are
the month's totals. Ops activities and architect projects hold one row per month *and*
activity (or customer), since a month has several campaigns and several projects; their
trends follow the month's sum (see `cockpit.metrics.trends.series`).

Values are typed per column (`int`, `money`, `text`, `date`, `month`); `parse_value`
turns what a user typed or a spreadsheet held into the stored value, or refuses it with
one sentence naming the column.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from cockpit.core.dates import parse_date
from cockpit.core.errors import DateError, InvalidError
from cockpit.core.i18n import CATALOG, Message, Pair, msg
from cockpit.core.text import clean_line, clean_text

if TYPE_CHECKING:
    from cockpit.core.settings import MetricTableSettings

KINDS = ("int", "money", "text", "date", "month")
Value = int | float | str


@dataclass(frozen=True)
class Column:
    """One typed column; `aliases` are further CSV headers it answers to."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    labels: tuple[str, str] | None = None
    """(English, Chinese) of a column of one's own; built-in columns use the catalog."""

    def title(self, lang: str) -> str:
        """The column's label in `lang` ("instances" / "实例数")."""
        en, zh = self.labels or CATALOG.get(f"metrics.col.{self.name}", (self.name, self.name))
        return zh if lang == "zh" else en

    @property
    def label(self) -> Message | Pair:
        """The column's name as an argument of a sentence, worded where it is shown."""
        return Pair(*self.labels) if self.labels else msg(f"metrics.col.{self.name}")

    @property
    def numeric(self) -> bool:
        """True for the columns that have trends (int and money)."""
        return self.kind in ("int", "money")


@dataclass(frozen=True)
class TableSpec:
    """A metric table: its columns, its per-month key and its headline column."""

    name: str
    columns: tuple[Column, ...]
    headline: str
    key: str | None = None
    """Second key within a month (several rows per month); None: one row per month."""
    labels: tuple[str, str] | None = None
    """(English, Chinese) of a table of one's own; built-in tables use the catalog."""

    @property
    def custom(self) -> bool:
        """True for a table defined in config (`[[metrics.tables]]`)."""
        return self.labels is not None

    def title(self, lang: str) -> str:
        """The table's name in `lang` ("revenue" / "营收")."""
        en, zh = self.labels or CATALOG.get(f"metrics.table.{self.name}", (self.name, self.name))
        return zh if lang == "zh" else en

    @property
    def label(self) -> Message | Pair:
        """The table's name as an argument of a sentence, worded where it is shown."""
        return Pair(*self.labels) if self.labels else msg(f"metrics.table.{self.name}")

    def column(self, name: str) -> Column:
        """The column called `name`, or a refusal naming the table's columns."""
        for col in self.columns:
            if col.name == name:
                return col
        raise InvalidError(
            "err.metrics.no_column",
            table=self.label,
            column=name,
            names=self.column_names,
        )

    @property
    def column_names(self) -> list[Pair]:
        """The columns as a refusal lists them: `cash` / `现金（cash）` (the key is what
        a sheet's header or `metrics set` may always use)."""
        return [Pair(c.name, f"{c.title('zh')}（{c.name}）") for c in self.columns]

    @property
    def numeric(self) -> tuple[str, ...]:
        """Names of the int and money columns, in table order."""
        return tuple(c.name for c in self.columns if c.numeric)


def _c(name: str, kind: str, *aliases: str) -> Column:
    return Column(name, kind, aliases)


MONTH = _c("month", "month", "月")
TABLES: dict[str, TableSpec] = {
    spec.name: spec
    for spec in (
        TableSpec(
            "revenue",
            (MONTH, _c("cash", "money", "现金收入", "营收", "收入", "现金", "回款", "cash_revenue"),
             _c("gaap", "money", "GAAP收入", "GAAP营收", "确认收入", "gaap_revenue"),
             _c("users", "int", "用户", "用户数"), _c("instances", "int", "实例", "实例数"),
             _c("forecast", "money", "预测", "预测收入", "预计收入"),
             _c("change_note", "text", "note", "变化说明"),
             _c("actions", "text", "拉动营收的action和理由")),
            headline="cash",
        ),
        TableSpec(
            "opportunities",
            (MONTH, _c("total", "int"), _c("valuable", "int"),
             _c("valuable_reason", "text", "价值商机说明", "说明原因"), _c("lost", "int"),
             _c("churned", "int", "流失用户"), _c("churn_reasons", "text")),
            headline="total",
        ),
        TableSpec(
            "ops",
            (MONTH, _c("activity", "text"), _c("follows", "int"), _c("conversions", "int"),
             _c("ideas", "text")),
            headline="conversions",
            key="activity",
        ),
        TableSpec(
            "projects",
            (MONTH, _c("customer", "text"), _c("revenue_target", "money"),
             _c("requirement", "text"), _c("golive", "date", "上线时间"),
             _c("progress", "text")),
            headline="revenue_target",
            key="customer",
        ),
        TableSpec(
            "tickets",
            (MONTH, _c("count", "int", "工单"), _c("owner", "text"), _c("plan", "text"),
             _c("plan_date", "date", "date")),
            headline="count",
        ),
    )
}  # fmt: skip
TABLE_NAMES = tuple(TABLES)


def spec_of(table: str, tables: Mapping[str, TableSpec] = TABLES) -> TableSpec:
    """The spec of `table` among `tables` (default: the built-in ones), or a refusal
    naming the tables."""
    try:
        return tables[table]
    except KeyError:
        raise InvalidError("err.metrics.table", table=table, choices=list(tables)) from None


def custom_spec(table: MetricTableSettings) -> TableSpec:
    """The spec of a table of one's own, as checked by `cockpit.core.settings`."""
    columns = [MONTH]
    for col in table.columns:
        en = col.en or col.name
        columns.append(Column(col.name, col.type, tuple(col.aliases), (en, col.zh or en)))
    en = table.en or table.name
    return TableSpec(
        table.name,
        tuple(columns),
        headline=str(table.headline),
        key=table.key,
        labels=(en, table.zh or en),
    )


def all_specs(own: Iterable[MetricTableSettings]) -> dict[str, TableSpec]:
    """The built-in tables, then the tables of one's own, by name."""
    return {**TABLES, **{t.name: custom_spec(t) for t in own}}


@dataclass
class MetricRow:
    """One stored row: its month and typed values (absent = empty)."""

    id: int
    table: str
    month: str
    values: dict[str, Value] = field(default_factory=dict)
    spec: TableSpec = field(default=None, repr=False, compare=False)  # type: ignore[assignment]
    """The row's table (default: the built-in table called `table`)."""

    def __post_init__(self) -> None:
        if self.spec is None:
            self.spec = TABLES[self.table]

    def number(self, column: str) -> float | None:
        """The value of a numeric column as a float; None when empty."""
        value = self.values.get(column)
        return float(value) if isinstance(value, int | float) else None

    def cell(self, column: str) -> Value | None:
        """The value of any column, the month included."""
        return self.month if column == "month" else self.values.get(column)

    @property
    def key(self) -> str:
        """The per-month key (activity or customer), "" for one-row-per-month tables."""
        name = self.spec.key
        return str(self.values.get(name, "")) if name else ""

    def to_doc(self) -> dict[str, Value]:
        """The stored form: the month and the non-empty values (the id is the doc id)."""
        return {"month": self.month, **self.values}

    @classmethod
    def from_doc(cls, spec: TableSpec, doc_id: int, doc: Mapping[str, Any]) -> MetricRow:
        """Build from a stored document of table `spec` (its edit counter, `seq`, is the
        storage's business and not a value)."""
        values = {k: v for k, v in doc.items() if k not in ("month", "seq")}
        return cls(doc_id, spec.name, str(doc.get("month", "")), values, spec)

    def public(self) -> dict[str, Value | None]:
        """Every column of the table, None where empty (the JSON of `metrics show`)."""
        cols = self.spec.columns
        return {"id": self.id, **{c.name: self.cell(c.name) for c in cols}}


# parsing ------------------------------------------------------------------------------
_MONTH = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?(?:\s*[-/.]\s*(\d{1,2})|\s*(\d{1,2})\s*日)?"
)
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_SEPARATORS = re.compile(r"[,，_\s]")
_SCALE = {"万": Decimal(10_000), "亿": Decimal(100_000_000), "k": Decimal(1000)}


def parse_month(text: str) -> str:
    """Read a month as "2026-10".

    Accepts `2026-10`, `2026/10`, `2026.10`, `2026年10月`, and a date in that month,
    since Excel rewrites a typed "2026-10" as the first of the month.

    Raises:
        InvalidError: not a month (or not a real date).
    """
    match = _MONTH.fullmatch(text.strip())
    try:
        if not match:
            raise ValueError
        year, month = int(match[1]), int(match[2])
        day = match[3] or match[4]
        dt.date(year, month, int(day or 1))  # checks month 1-12 and a real day
    except ValueError:
        raise InvalidError("err.metrics.month", text=text.strip()) from None
    return f"{year:04d}-{month:02d}"


def parse_value(column: Column, text: str, today: dt.date) -> Value | None:
    """The stored value of what a user typed in `column`; None when empty.

    Raises:
        InvalidError: one sentence naming the column and what it expects.
    """
    raw = text.strip()
    if not raw:
        return None
    if column.kind == "month":
        return parse_month(raw)
    if column.kind == "text":
        return clean_text(raw, multiline=True)
    if column.kind == "date":
        return _parse_date(column, raw, today)
    number = _decimal(column, raw)
    if column.kind == "int":
        if number != number.to_integral_value():
            raise InvalidError("err.metrics.whole", column=column.label, value=raw)
        if number < 0:
            raise InvalidError("err.metrics.negative", column=column.label, value=raw)
        return int(number)
    cents = number.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return int(cents) if cents == cents.to_integral_value() else float(cents)


def _decimal(column: Column, raw: str) -> Decimal:
    text = _SEPARATORS.sub("", raw).lstrip("¥￥$€")
    scale = Decimal(1)
    if column.kind == "money" and text[-1:].lower() in _SCALE:
        scale, text = _SCALE[text[-1].lower()], text[:-1]
    try:
        if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", text):
            raise InvalidOperation
        return Decimal(text) * scale
    except InvalidOperation:
        key = "err.metrics.amount" if column.kind == "money" else "err.metrics.number"
        raise InvalidError(key, column=column.label, value=raw) from None


def _parse_date(column: Column, raw: str, today: dt.date) -> str:
    match = _DATE.fullmatch(raw)
    try:
        if match:
            return dt.date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        return parse_date(raw, today).isoformat()
    except (ValueError, DateError):
        raise InvalidError("err.metrics.date", column=column.label, value=raw) from None


def parse_row(spec: TableSpec, texts: Mapping[str, str], today: dt.date) -> dict[str, Value | None]:
    """Typed values of the given columns (None = clear); unknown columns are refused."""
    out = {name: parse_value(spec.column(name), text, today) for name, text in texts.items()}
    key = out.get(spec.key or "")
    if isinstance(key, str):  # the key names a row: one line, single spaces
        out[str(spec.key)] = clean_line(key)
    return out


def check_row(spec: TableSpec, doc: Mapping[str, Value]) -> None:
    """Refuse a row that is incomplete or contradicts itself."""
    if not doc.get("month"):
        raise InvalidError("err.metrics.row_month", table=spec.label)
    if spec.key and not doc.get(spec.key):
        raise InvalidError("err.metrics.row_key", table=spec.label, key=spec.column(spec.key).label)
    if spec.name != "opportunities":
        return
    total, valuable = doc.get("total"), doc.get("valuable")
    if isinstance(total, int) and isinstance(valuable, int) and valuable > total:
        raise InvalidError("err.metrics.valuable", valuable=valuable, total=total)
