"""Monthly metrics: the rows of the built-in tables and of the tables of one's own
(config `[[metrics.tables]]`), read and changed in `metrics.json`.

Each metric table is one TinyDB table of `metrics.json` (plus `meta` for the id
counter). Every change is one transaction and one undo step; an import of many rows is
still one write. Columns, value parsing and row rules are in `cockpit.metrics.specs`,
re-exported here so callers need one import.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from cockpit.core.changes import Change
from cockpit.core.errors import InvalidError, NotFoundError
from cockpit.core.i18n import msg
from cockpit.metrics.specs import (
    TABLE_NAMES,
    TABLES,
    Column,
    MetricRow,
    TableSpec,
    Value,
    all_specs,
    check_row,
    parse_month,
    parse_row,
    parse_value,
    spec_of,
)

if TYPE_CHECKING:
    from cockpit.items.workspace import Workspace

__all__ = [
    "FILE",
    "TABLES",
    "TABLE_NAMES",
    "Column",
    "MetricRow",
    "TableSpec",
    "Value",
    "all_rows",
    "check_row",
    "delete_row",
    "identity",
    "parse_month",
    "parse_row",
    "parse_value",
    "put_rows",
    "rows",
    "save_row",
    "set_row",
    "spec_of",
    "table_spec",
    "tables",
]

FILE = "metrics"


# reading ------------------------------------------------------------------------------
def tables(ws: Workspace) -> dict[str, TableSpec]:
    """The workspace's tables: the built-in five, then those of its config, by name."""
    return all_specs(ws.config.metrics.tables)


def table_spec(ws: Workspace, table: str) -> TableSpec:
    """The spec of `table` (built in or of one's own), or a refusal naming the tables."""
    return spec_of(table, tables(ws))


def rows(ws: Workspace, table: str | TableSpec) -> list[MetricRow]:
    """The rows of `table`, by month (then key); one pass over the stored documents."""
    spec = table if isinstance(table, TableSpec) else table_spec(ws, table)
    raw = ws.files.raw(FILE).get(spec.name, {})
    out = [MetricRow.from_doc(spec, int(k), v) for k, v in raw.items()]
    out.sort(key=lambda r: (r.month, r.key.casefold(), r.id))
    return out


def all_rows(ws: Workspace) -> dict[str, list[MetricRow]]:
    """Rows of every table, built-in ones first, in `tables` order."""
    return {name: rows(ws, spec) for name, spec in tables(ws).items()}


def identity(spec: TableSpec, doc: Mapping[str, Any]) -> tuple[str, str]:
    """What names a row: its month, and its key (case-insensitive) in ops and projects."""
    key = str(doc.get(spec.key) or "").casefold() if spec.key else ""
    return (str(doc.get("month") or ""), key)


# changing -----------------------------------------------------------------------------
def put_rows(
    ws: Workspace, table: str, updates: Iterable[Mapping[str, Value | None]], *, merge: bool = True
) -> tuple[int, int]:
    """Store rows found by (month[, key]) in one transaction and one undo step.

    With `merge` an existing row keeps the columns an update leaves out (None clears
    one); without it the update replaces the row. Returns (added, updated).

    Raises:
        InvalidError: a row misses its month (or key) or contradicts itself; nothing
            is stored then.
    """
    changes = _store(ws, table_spec(ws, table), updates, merge=merge)
    added = sum(1 for c in changes if c.before is None)
    return added, len(changes) - added


def _store(
    ws: Workspace,
    spec: TableSpec,
    updates: Iterable[Mapping[str, Value | None]],
    *,
    merge: bool,
    drop: int | None = None,
) -> list[Change]:
    """The one write path: upsert `updates` in one transaction and one undo step.

    Row `drop` (a row whose month or key a form changed) is taken out first and its id
    goes to the row that replaces it, so a screen's cursor can stay on it.
    """
    with ws.changing(FILE) as changes:
        current = rows(ws, spec)
        moved = next((r for r in current if r.id == drop), None)
        if moved is not None:
            changes.remove(FILE, spec.name, moved.id)
            current.remove(moved)
        # Built once, so a 60-row import costs one pass, not one scan per row.
        existing = {identity(spec, r.to_doc()): r for r in current}
        for update in updates:
            ident = identity(spec, update)
            old = existing.get(ident)
            doc: dict[str, Value | None] = dict(old.to_doc()) if old and merge else {}
            doc.update(update)
            clean = {k: v for k, v in doc.items() if v is not None and v != ""}
            check_row(spec, clean)
            prior = old or moved  # the row this one replaces, keeping its id
            moved = moved if old else None
            row = MetricRow.from_doc(
                spec, prior.id if prior else ws.next_id(FILE, "next_row"), clean
            )
            label = f"{'edit' if prior else 'add'} {spec.name} {row.month}"
            changes.insert(FILE, spec.name, row.id, row.to_doc(), label)
            existing[ident] = row
    return changes.changes


def set_row(ws: Workspace, table: str, texts: Mapping[str, str]) -> MetricRow:
    """Add or amend the row named by `texts`' month (and key) from typed text.

    Columns left out keep their value; an empty text clears one.
    """
    spec = table_spec(ws, table)
    update = parse_row(spec, texts, ws.clock.today())
    _store(ws, spec, [update], merge=True)
    return _find(ws, spec, update)


def save_row(
    ws: Workspace, table: str, texts: Mapping[str, str], row_id: int | None = None
) -> MetricRow:
    """The form's save: replace row `row_id` (None: add a new row) with `texts`.

    Raises:
        InvalidError: a bad value, or another row already has that month (and key).
        NotFoundError: no row `row_id`.
    """
    spec = table_spec(ws, table)
    update = parse_row(spec, texts, ws.clock.today())
    ident = identity(spec, update)
    with ws.files.transaction(FILE):  # the clash check and the write see the same rows
        current = {r.id: r for r in rows(ws, spec)}
        if row_id is not None and row_id not in current:
            raise NotFoundError("err.metrics.no_row", table=spec.label, id=row_id)
        clash = next((r for r in current.values() if identity(spec, r.to_doc()) == ident), None)
        if clash is not None and clash.id != row_id:
            what = f"{ident[0]} {clash.key}".strip()
            raise InvalidError("err.metrics.taken", table=spec.label, what=what)
        # A row whose month (or key) changed is replaced in the same step, keeping its id.
        drop = row_id if row_id is not None and clash is None else None
        _store(ws, spec, [update], merge=False, drop=drop)
    return _find(ws, spec, update)


def _find(ws: Workspace, spec: TableSpec, update: Mapping[str, Any]) -> MetricRow:
    ident = identity(spec, update)
    return next(r for r in rows(ws, spec) if identity(spec, r.to_doc()) == ident)


def delete_row(ws: Workspace, table: str, row_id: int) -> MetricRow:
    """Remove a row (undo brings it back)."""
    spec = table_spec(ws, table)
    with ws.changing(FILE) as changes:
        before = changes.remove(FILE, table, row_id)
        if before is None:
            raise NotFoundError("err.metrics.no_row", table=spec.label, id=row_id)
        row = MetricRow.from_doc(spec, row_id, before)
        changes.label = msg("undo.metrics_delete", table=spec.label, month=row.month)
    return row
