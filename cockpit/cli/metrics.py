"""`cockpit metrics import|export|show|set`: the monthly tables from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cockpit.cli.common import command, dump, group, guard, workspace, write_out
from cockpit.cli.exits import CliError
from cockpit.core.i18n import language, t
from cockpit.core.textwidth import fit
from cockpit.items.workspace import Workspace
from cockpit.metrics import book as metrics
from cockpit.metrics import trends


def register_metrics(sub: Any) -> None:
    """Add `metrics` and its subcommands."""
    msub = group(sub, "metrics", "help.metrics")
    # No `choices`: tables of one's own come from the config, which is read later;
    # an unknown table is refused in one sentence naming the workspace's tables.
    table = "help.metrics.table"
    p = command(msub, "import", cmd_metrics_import, "help.metrics.import")
    p.add_argument("file", type=Path)
    p.add_argument("--table", help="help.metrics.import.table")
    p = command(msub, "export", cmd_metrics_export, "help.metrics.export")
    p.add_argument("--table", help=table)
    p.add_argument("--lang", choices=("en", "zh"), help="help.metrics.export.lang")
    p.add_argument("-o", "--output", type=Path)
    p = command(msub, "show", cmd_metrics_show, "help.metrics.show")
    p.add_argument("--table", help=table)
    p.add_argument("--all", action="store_true", help="help.metrics.show.all")
    p.add_argument("--shares", action="store_true", help="help.metrics.show.shares")
    p.add_argument("--month", help="help.metrics.show.month")
    p.add_argument("--json", action="store_true")
    p = command(msub, "set", cmd_metrics_set, "help.metrics.set")
    p.add_argument("--table", required=True, help=table)
    p.add_argument("--month", required=True, help="help.metrics.set.month")
    p.add_argument("values", nargs="*", metavar="COL=VALUE", help="help.metrics.set.values")


# metrics ------------------------------------------------------------------------------
def cmd_metrics_import(args: argparse.Namespace) -> int:
    # Imported here, for start-up time: a command loads only what it needs.
    from cockpit.metrics.tables_csv import import_csv

    print(import_csv(workspace(args), args.file, args.table))
    return 0


def cmd_metrics_export(args: argparse.Namespace) -> int:
    # Imported here, for start-up time: a command loads only what it needs.
    from cockpit.metrics.tables_csv import export_csv

    ws = workspace(args)  # reads the config, and with it the UI's language
    write_out(export_csv(ws, args.table, args.lang or language()), args.output)
    return 0


def cmd_metrics_set(args: argparse.Namespace) -> int:
    ws = workspace(args)
    texts = {"month": args.month}
    for pair in args.values:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise CliError("err.metrics.pair", text=pair)
        texts[name.strip()] = value
    row = guard(metrics.set_row, ws, args.table, texts)
    shown = ", ".join(f"{k}={v}" for k, v in row.values.items())
    table = row.spec.title(language())
    print(
        t("metrics.saved", table=table, month=row.month)
        + (f"{t('cli.colon')}{shown}" if shown else "")
    )
    return 0


def cmd_metrics_show(args: argparse.Namespace) -> int:
    ws = workspace(args)
    threshold = ws.config.metrics.threshold
    specs = metrics.tables(ws)
    chosen = [guard(metrics.table_spec, ws, args.table)] if args.table else list(specs.values())
    month = guard(metrics.parse_month, args.month) if args.month else None
    if month and not args.shares:
        raise CliError("err.shares.month_alone")
    if args.shares:
        return _show_shares(ws, chosen, month, as_json=args.json, named=bool(args.table))
    data = {spec.name: (spec, metrics.rows(ws, spec)) for spec in chosen}
    if args.json:
        dump({
            name: _table_json(spec, rows, threshold, args.all)
            for name, (spec, rows) in data.items()
        })  # fmt: skip
        return 0
    for spec, rows in data.values():
        for line in _table_text(spec, rows, threshold, args.all):
            print(line.rstrip())
    return 0


def _table_json(
    spec: metrics.TableSpec, rows: list[metrics.MetricRow], threshold: float, every: bool
) -> dict[str, Any]:
    """Rows, the latest trends and summary, and `months`: growth and flags of every
    month shown (the last 12, or every month with --all), so a turning point two months
    ago is there too."""
    lines = trends.daily_lines({spec.name: rows}, threshold, language())
    return {
        "rows": [r.public() for r in rows],
        "trends": [tr.public() for tr in trends.table_trends(spec, rows, threshold)],
        "summary": lines[0] if lines else None,
        "months": [
            {
                "month": month,
                "columns": {
                    tr.column: {
                        k: v
                        for k, v in tr.public().items()
                        if k not in ("spark", "column", "month")
                    }
                    for tr in trends.table_trends(spec, rows, threshold, month)
                },
            }
            for month in _months(rows, every)
        ],
    }


def _months(rows: list[metrics.MetricRow], every: bool) -> list[str]:
    """The months shown, oldest first: the last 12 (up to the latest row) or all."""
    months = sorted({r.month for r in rows})
    if every or not months:
        return months
    start = trends.shift_month(months[-1], -11)
    return [m for m in months if m >= start]


def _table_text(
    spec: metrics.TableSpec, rows: list[metrics.MetricRow], threshold: float, every: bool
) -> list[str]:
    """Rows (the last 12 months unless `every`), a trend line per column, the summary."""
    name, lang = spec.name, language()
    title = spec.title(lang)
    if not rows:
        return [t("cli.metrics.empty", title=title, table=name)]
    start = trends.shift_month(rows[-1].month, -11)
    shown = rows if every else [r for r in rows if r.month >= start]
    more = t("cli.metrics.more", n=len(rows))
    head = f"{title}{t('cli.colon')}" + (more if len(shown) < len(rows) else "")
    out = [head.rstrip()]
    columns = [c.name for c in spec.columns]
    out.append("  " + " ".join(fit(c.title(lang), 12) for c in spec.columns))
    for row in shown:
        cells = [" ".join(_shown(row.cell(c)).split()) for c in columns]
        out.append("  " + " ".join(fit(x, 12) for x in cells))
    for tr in trends.table_trends(spec, rows, threshold):
        mom = trends.percent(tr.mom) if tr.mom is not None else "-"
        yoy = trends.percent(tr.yoy) if tr.yoy is not None else "-"
        marks = [t(f"trend.{f}") for f in sorted(tr.flags)]
        flags = f" [{t('sep.names').join(marks)}]" if marks else ""
        spark = trends.spark_text(tr.spark)
        label = fit(spec.column(tr.column).title(lang), 15)
        out.append(
            f"  {label} {fit(t('trend.mom'), 4)}{mom:>6}  {fit(t('trend.yoy'), 4)}{yoy:>6}  "
            f"{spark}{flags}"
        )
    out += [f"  = {line}" for line in trends.daily_lines({name: rows}, threshold, lang)]
    return out


def _shown(value: metrics.Value | None) -> str:
    """A cell for the terminal: numbers with thousands separators."""
    if isinstance(value, int | float):
        return trends.format_number(value)
    return value or ""


# shares -------------------------------------------------------------------------------
def _show_shares(
    ws: Workspace,
    chosen: list[metrics.TableSpec],
    month: str | None,
    *,
    as_json: bool,
    named: bool,
) -> int:
    """Each keyed table's shares by key, per numeric column, and the movers."""
    # Imported here, for start-up time: only --shares needs it.
    from cockpit.metrics import shares

    keyed = [spec for spec in chosen if spec.key]
    if named and not keyed:
        raise CliError("err.shares.no_key", table=chosen[0].label)
    data = {spec.name: (spec, shares.table_shares(spec, metrics.rows(ws, spec), month))
            for spec in keyed}  # fmt: skip
    if as_json:
        dump({
            name: {"key": spec.key, "columns": [c.public() for c in cols]}
            for name, (spec, cols) in data.items()
        })  # fmt: skip
        return 0
    for spec, cols in data.values():
        for line in _shares_text(spec, cols):
            print(line.rstrip())
    return 0


def _shares_text(spec: metrics.TableSpec, cols: list[Any]) -> list[str]:
    """Per column: a heading, one line per key (value, share, move), the movers."""
    lang = language()
    title = spec.title(lang)
    if not cols:
        return [t("cli.shares.empty", title=title)]
    key = spec.column(str(spec.key)).title(lang)
    out: list[str] = []
    for col in cols:
        column = spec.column(col.column).title(lang)
        head = t("cli.shares.head", title=title, month=col.month, column=column, dim=key)
        if col.reason:
            out.append(f"{head}{t('cli.colon')}{t(f'shares.none.{col.reason}')}")
            continue
        out.append(head + t("cli.shares.total", total=trends.format_number(col.total)))
        for s in col.shares:
            move = "     -" if s.move is None else f"{s.move:+6.1f}pp"
            value = trends.format_number(s.value)
            out.append(f"  {fit(s.key, 20)} {value:>12} {s.pct:6.1f}% {move}")
        movers = t("sep.names").join(f"{s.key} {s.move:+.1f}pp" for s in col.movers())
        out.append("  " + t("cli.shares.movers", movers=movers or t("cli.shares.no_movers")))
    return out
