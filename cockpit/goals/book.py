"""Objectives and their key results, stored in `planning.json` (table `objectives`)
beside the requirement pool they link to: each change one transaction and one undo
step, made from what the user saw (`seq`-checked by `cockpit.core.changes`).

Why there: goals are edited (from the goals screen and `cockpit goals`), so they need
the undo, the merge of concurrent changes and the backups every book has; the config
file has none of these. A key result that links requirements is then checked against
the pool in the same file and the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from cockpit.core.errors import InvalidError, NotFoundError
from cockpit.core.i18n import Pair, msg
from cockpit.core.model import iso
from cockpit.core.text import clean_line
from cockpit.goals.model import AGGREGATES, MEASURES, KeyResult, Objective
from cockpit.goals.quarters import parse_quarter, quarter_of
from cockpit.metrics import book as metrics
from cockpit.metrics.specs import Column, TableSpec, parse_value

if TYPE_CHECKING:
    from cockpit.items.workspace import Workspace

FILE = "planning"
TABLE = "objectives"
KR_FIELDS = ("title", "metric", "target", "start", "agg", "links")


# reading ------------------------------------------------------------------------------
def all_objectives(ws: Workspace) -> list[Objective]:
    """Every objective, by quarter, then id."""
    raw = ws.files.raw(FILE).get(TABLE, {})
    found = [Objective.from_doc(int(k), v) for k, v in raw.items()]
    return sorted(found, key=lambda o: (o.quarter, o.id))


def get(ws: Workspace, objective_id: int) -> Objective:
    """The objective with `objective_id`, or NotFoundError."""
    doc = ws.files.raw(FILE).get(TABLE, {}).get(str(objective_id))
    if doc is None:
        raise NotFoundError("err.goal.none", id=objective_id)
    return Objective.from_doc(objective_id, doc)


def in_quarter(objectives: Iterable[Objective], quarter: str) -> list[Objective]:
    """The objectives set for `quarter` (`2026-Q4`)."""
    return [o for o in objectives if o.quarter == quarter]


# values -------------------------------------------------------------------------------
def find_metric(ws: Workspace, text: str) -> tuple[TableSpec, Column]:
    """The numeric column `text` names: `revenue.cash`, `营收.现金`, a column's key,
    label or spreadsheet header (`cash`, `现金收入`), or a table, for its headline
    (`营收`, `tickets`).

    Raises:
        InvalidError: nothing numeric by that name, or more than one column.
    """
    typed = clean_line(text)
    wanted = typed.casefold()
    tables = metrics.tables(ws)
    table_part, _dot, column_part = wanted.partition(".")
    if column_part:
        spec = next((s for s in tables.values() if table_part in _names_of(s)), None)
        if spec is None:
            raise InvalidError("err.goal.metric", text=text.strip(), choices=_choices(tables))
        col = next((c for c in spec.columns if column_part in _col_names(c)), None)
        if col is None or not col.numeric:
            raise InvalidError(
                "err.goal.column",
                text=typed.partition(".")[2],
                table=spec.label,
                names=_numeric(spec),
            )
        return spec, col
    hits = [
        (s, c) for s in tables.values() for c in s.columns if c.numeric and wanted in _col_names(c)
    ]
    if len(hits) == 1:
        return hits[0]
    spec = next((s for s in tables.values() if wanted in _names_of(s)), None)
    if spec is not None:
        return spec, spec.column(spec.headline)
    if hits:
        shown = [f"{s.name}.{c.name}" for s, c in hits]
        raise InvalidError("err.goal.metric_many", text=text.strip(), choices=shown)
    raise InvalidError("err.goal.metric", text=text.strip(), choices=_choices(tables))


def _names_of(spec: TableSpec) -> set[str]:
    return {spec.name.casefold(), spec.title("en").casefold(), spec.title("zh").casefold()}


def _col_names(col: Column) -> set[str]:
    names = {col.name, col.title("en"), col.title("zh"), *col.aliases}
    return {n.casefold() for n in names}


def _numeric(spec: TableSpec) -> list[Pair]:
    return [p for p, c in zip(spec.column_names, spec.columns, strict=True) if c.numeric]


def _choices(tables: dict[str, TableSpec]) -> list[str]:
    return [f"{s.name}.{c.name}" for s in tables.values() for c in s.columns if c.numeric]


def parse_target(ws: Workspace, column: Column, text: str, what: str = "target") -> float:
    """A target (or start) as typed for `column`: `6000万`, `1,200`, `3.5k`.

    Raises:
        InvalidError: not a number the column takes, or none given for a target.
    """
    value = parse_value(column, text, ws.clock.today()) if text.strip() else None
    if value is None:
        if what == "start":
            return 0
        raise InvalidError("err.goal.target")
    assert isinstance(value, int | float)
    return value


def parse_links(text: str) -> list[int]:
    """Ids as typed: `12, 15 #18` (spaces, commas, 、 or # between them).

    Raises:
        InvalidError: something that is not an id.
    """
    out: list[int] = []
    for part in text.replace("，", ",").replace("、", ",").replace(",", " ").split():
        value = part.lstrip("#")
        if not value.isdigit() or int(value) == 0:
            raise InvalidError("err.goal.link", text=part)
        if int(value) not in out:
            out.append(int(value))
    return out


def make_kr(ws: Workspace, title: str, measure: str, **fields: str) -> KeyResult:
    """Validate and build a key result from typed text (fields: `KR_FIELDS`).

    `measure` is `metric` (needs `metric` and `target`; `start`, `agg` optional),
    `items` or `reqs` (needs `links`).

    Raises:
        InvalidError: a bad value; nothing is stored.
    """
    title = clean_line(title)
    if not title:
        raise InvalidError("err.goal.kr_title")
    if measure not in MEASURES:
        raise InvalidError("err.goal.measure", value=measure, choices=list(MEASURES))
    if measure == "metric":
        if not fields.get("metric", "").strip():
            raise InvalidError("err.goal.no_metric")
        spec, col = find_metric(ws, fields["metric"])
        agg = (fields.get("agg") or "sum").strip().casefold()
        agg = {"合计": "sum", "累计": "sum", "最新": "last", "期末": "last"}.get(agg, agg)
        if agg not in AGGREGATES:
            raise InvalidError("err.goal.agg", value=agg, choices=list(AGGREGATES))
        target = parse_target(ws, col, fields.get("target", ""))
        start = parse_target(ws, col, fields.get("start", ""), "start")
        return KeyResult(title, "metric", spec.name, col.name, target, start, agg)
    links = parse_links(fields.get("links", ""))
    if not links:
        raise InvalidError("err.goal.no_links")
    for ref in links:
        _check_link(ws, measure, ref)
    return KeyResult(title, measure, links=links)


def _check_link(ws: Workspace, measure: str, ref: int) -> None:
    if measure == "items":
        ws.get(ref)  # NotFoundError: no item with that id
        return
    if str(ref) not in ws.files.raw(FILE).get("requirements", {}):
        raise NotFoundError("err.req.none", id=ref)


def kr_texts(kr: KeyResult) -> dict[str, str]:
    """A key result as its fields would be typed again (the form, `kr edit`)."""
    if kr.measure != "metric":
        return {"title": kr.title, "links": ", ".join(str(x) for x in kr.links)}
    return {
        "title": kr.title,
        "metric": f"{kr.table}.{kr.column}",
        "target": _plain(kr.target),
        "start": _plain(kr.start) if kr.start else "",
        "agg": kr.agg,
    }


def _plain(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:.2f}".rstrip("0")


# changing -----------------------------------------------------------------------------
def add(ws: Workspace, title: str, quarter: str = "", owner: str = "") -> Objective:
    """Store a new objective for `quarter` (default: this one).

    Raises:
        InvalidError: no title, or not a quarter.
    """
    today = ws.clock.today()
    now = iso(ws.clock.now())
    obj = Objective(title=clean_line(title), owner=clean_line(owner), created=now, updated=now)
    if not obj.title:
        raise InvalidError("err.goal.title")
    obj.quarter = (parse_quarter(quarter, today) if quarter.strip() else quarter_of(today)).key
    with ws.changing(FILE) as changes:
        obj.id = ws.next_id(FILE, "next_objective")
        label = msg("undo.goal", what=msg("undo.goal_add"), title=obj.title)
        changes.insert_new(FILE, TABLE, {obj.id: obj.to_doc()}, {obj.id: label})
    return obj


def change(
    ws: Workspace, objective_id: int, what: str, fn: Callable[[Objective], None]
) -> Objective:
    """Read objective `objective_id`, change it with `fn` and store it: one transaction
    and one undo step (`undo.goal_<what>`); a refusal `fn` raises writes nothing.

    Raises:
        NotFoundError: no such objective.
    """
    with ws.changing(FILE) as changes:
        before = changes.snapshot(FILE, TABLE, objective_id)
        if before is None:
            raise NotFoundError("err.goal.none", id=objective_id)
        obj = Objective.from_doc(objective_id, before)
        obj.krs = [dict(d) for d in obj.krs]
        fn(obj)
        obj.updated = iso(ws.clock.now())
        changes.label = msg("undo.goal", what=msg(f"undo.goal_{what}"), title=obj.title)
        changes.replace(FILE, TABLE, objective_id, obj.to_doc())
    return obj


def edit(
    ws: Workspace,
    objective_id: int,
    *,
    title: str | None = None,
    quarter: str | None = None,
    owner: str | None = None,
) -> Objective:
    """Change an objective's title, quarter or owner (None: left as it is)."""
    today = ws.clock.today()
    new_quarter = parse_quarter(quarter, today).key if quarter is not None else None
    new_title = clean_line(title) if title is not None else None
    if new_title == "":
        raise InvalidError("err.goal.title")

    def apply(obj: Objective) -> None:
        obj.title = new_title if new_title is not None else obj.title
        obj.quarter = new_quarter or obj.quarter
        obj.owner = clean_line(owner) if owner is not None else obj.owner

    return change(ws, objective_id, "edit", apply)


def remove(ws: Workspace, objective_id: int) -> Objective:
    """Delete an objective and its key results (undo brings them back)."""
    with ws.changing(FILE) as changes:
        before = changes.remove(FILE, TABLE, objective_id)
        if before is None:
            raise NotFoundError("err.goal.none", id=objective_id)
        obj = Objective.from_doc(objective_id, before)
        changes.label = msg("undo.goal", what=msg("undo.goal_rm"), title=obj.title)
    return obj


def add_kr(ws: Workspace, objective_id: int, kr: KeyResult) -> Objective:
    """Append key result `kr` (built by `make_kr`) to an objective."""
    return change(ws, objective_id, "kr_add", lambda obj: obj.krs.append(kr.to_doc()))


def _kr_index(obj: Objective, number: int) -> int:
    if not 1 <= number <= len(obj.krs):
        raise NotFoundError("err.goal.kr_none", id=obj.id, number=number, n=len(obj.krs))
    return number - 1


def edit_kr(ws: Workspace, objective_id: int, number: int, **fields: str) -> Objective:
    """Change fields of key result `number` (1-based) from typed text; the fields
    left out keep their value. Its measure stays: a metric one takes `metric`,
    `target`, `start`, `agg`; a linked one `links`.

    Raises:
        InvalidError: a field its measure does not have, or a bad value.
    """
    unknown = set(fields) - set(KR_FIELDS)
    if unknown:
        raise InvalidError("err.goal.kr_field", fields=sorted(unknown))
    current = get(ws, objective_id)
    kr = current.key_results[_kr_index(current, number)]
    texts = {**kr_texts(kr), **fields}
    allowed = set(texts) if kr.measure == "metric" else {"title", "links"}
    wrong = set(fields) - allowed
    if wrong:
        raise InvalidError("err.goal.kr_field", fields=sorted(wrong))
    title = texts.pop("title")
    new = make_kr(ws, title, kr.measure, **texts)

    def apply(obj: Objective) -> None:
        obj.krs[_kr_index(obj, number)] = new.to_doc()

    return change(ws, objective_id, "kr_edit", apply)


def remove_kr(ws: Workspace, objective_id: int, number: int) -> tuple[Objective, KeyResult]:
    """Delete key result `number` (1-based); the later ones move up a number."""
    gone: list[KeyResult] = []

    def apply(obj: Objective) -> None:
        gone.append(KeyResult.from_doc(obj.krs.pop(_kr_index(obj, number))))

    obj = change(ws, objective_id, "kr_rm", apply)
    return obj, gone[0]
