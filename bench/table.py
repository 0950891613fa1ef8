"""The budgets (issue 13 and DESIGN.md "Budgets") and the one table `make bench` prints.

A budget relative to a yardstick is computed from the yardstick measured in the same
run (`results`), never from a stored number. A figure that could not be measured (a
missing tool, `--quick`, no visible change) gets a row saying why, never a crash.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any

KEY_FLOOR_X = 2.5  # key median <= 2.5 x the floor's
KEY_P95_MS = 50.0
CLI_X = 4.0  # cockpit add / ls <= 4 x task add / task next
VERSION_X = 2.0  # cockpit --version <= 2 x python -c pass
START_X = 1.5  # TUI start <= 1.5 x the floor's
FEEDS_FIRST_X = 0.35  # first pass <= 0.35 x newsboat (8 threads)
FEEDS_SECOND_S = 0.5
FEEDS_UI_P95_MS = 50.0
BIG_START_S, BIG_KEY_MS, BIG_LS_S, BIG_PEAK_MB = 2.0, 100.0, 1.0, 300.0
TRIAGE_P95_MS, FIND_P95_MS, PEAK_LARGE_MB = 10.0, 25.0, 150.0
CAL_IMPORT_S, CAL_IMPORT_MB, CAL_DAILY1K_S, AGENDA_50K_S = 5.0, 100.0, 5.0, 0.5  # issue 11
CALENDAR_NOTES = {
    "calendar_import_s": "calendar_import_note",
    "calendar_daily1k_s": "calendar_daily1k_note",
    "agenda_50k_s": "agenda_50k_note",
}

PAIR_LABELS = {
    "x": "x/u (key item)",
    "bang": "!/u (key item)",
    "tab": "tab/shift+tab",
    "j": "j/k",
}


@dataclass
class Row:
    """One line of the table."""

    name: str  # the key in results.json
    label: str
    unit: str
    value: float | None
    budget: float | None
    budget_text: str
    yardstick: str
    verdict: str  # ok | FAIL | n/a | -
    note: str = ""


def _get(r: dict[str, Any], key: str) -> float | None:
    value = r.get(key)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return float(value)


def _row(
    r: dict[str, Any],
    name: str,
    label: str,
    unit: str,
    budget: float | None,
    budget_text: str,
    yardstick: str = "",
    note: str = "",
) -> Row:
    value = _get(r, name)
    if value is None:
        verdict = "n/a"
        note = note or r.get(f"{name}_why", "not measured")
    elif budget is None:
        verdict = "-" if not budget_text or budget_text == "-" else "n/a"
    else:
        verdict = "ok" if value <= budget else "FAIL"
    return Row(name, label, unit, value, budget, budget_text, yardstick, verdict, note)


def _times(
    r: dict[str, Any], yard: str, factor: float, unit: str, what: str
) -> tuple[float | None, str, str]:
    """(budget, budget text, yardstick text) for "<= factor x yardstick"."""
    y = _get(r, yard)
    if y is None:
        return None, f"<= {factor:g}x {what}", f"{what}: not measured"
    return y * factor, f"<= {factor:g}x = {_fmt(y * factor, unit)}", f"{what} {_fmt(y, unit)}"


def _fmt(value: float, unit: str) -> str:
    if unit == "ms":
        return f"{value:.1f} ms"
    if unit == "s":
        return f"{value:.3f} s"
    if unit == "x":
        return f"{value:.2f}x"
    return f"{value:.0f} {unit}"


def build_rows(r: dict[str, Any]) -> list[Row]:
    """Every budgeted figure of a run, in table order."""
    rows: list[Row] = []
    floor_key = "key_floor_j_median_ms"
    kb, kt, ky = _times(r, floor_key, KEY_FLOOR_X, "ms", "floor j/k median")
    workspaces: list[tuple[str, str]] = [
        ("large", r.get("large_label", "large ws")),
        ("tw10k", "10k tw history"),
        ("items1k", "1k items"),
    ]
    for ws, ws_label in workspaces:
        for pair, pair_label in PAIR_LABELS.items():
            base = f"key_{ws}_{pair}"
            if f"{base}_presses" not in r and ws == "items1k" and pair != "x":
                continue
            note = r.get(f"{base}_note", "") or r.get(f"{ws}_why", "")
            if not note and f"{base}_presses" not in r and r.get("mode") == "quick":
                note = "skipped with --quick"
            label = f"key {pair_label}, {ws_label}"
            rows.append(_row(r, f"{base}_median_ms", f"{label}, median", "ms", kb, kt, ky, note))
            rows.append(_row(r, f"{base}_p95_ms", f"{label}, p95", "ms", KEY_P95_MS,
                             f"<= {KEY_P95_MS:g} ms", "", note))  # fmt: skip
    big_note = r.get("items100k_why", "")
    rows.append(_row(r, "key_items100k_x_median_ms", "key x/u (key item), 100k items, median",
                     "ms", None, "-", ky, big_note))  # fmt: skip
    rows.append(_row(r, "key_items100k_x_p95_ms", "key x/u (key item), 100k items, p95", "ms",
                     BIG_KEY_MS, f"<= {BIG_KEY_MS:g} ms", "", big_note))  # fmt: skip
    sb, st, sy = _times(r, "start_floor_s", START_X, "s", "floor start")
    rows.append(_row(r, "start_tw10k_s", "TUI start to full paint, 10k tw history", "s",
                     sb, st, sy, r.get("start_tw10k_s_why", "")))  # fmt: skip
    for ours, theirs, label, factor in (
        ("cli_cockpit_add_s", "cli_task_add_s", "cockpit add, 10k tw history", CLI_X),
        ("cli_cockpit_ls_s", "cli_task_next_s", "cockpit ls, 10k tw history", CLI_X),
        ("cli_cockpit_version_s", "cli_python_s", "cockpit --version", VERSION_X),
    ):
        what = {"cli_task_add_s": "task add", "cli_task_next_s": "task next"}.get(
            theirs, "python -c pass"
        )
        b, t, y = _times(r, theirs, factor, "s", what)
        rows.append(_row(r, ours, label, "s", b, t, y, r.get("cli_why", "")))
    # Issue 17: the dashboard on 5 years x 10 tables (bench/metrics_bench.py).
    why = r.get("metrics10_why", "")
    screen = "key M/q (metrics screen), 5y x 10 tables"
    rows.append(_row(r, "key_metrics10_M_median_ms", f"{screen}, median", "ms", kb, kt, ky, why))
    rows.append(_row(r, "key_metrics10_M_p95_ms", f"{screen}, p95", "ms", KEY_P95_MS,
                     f"<= {KEY_P95_MS:g} ms", "", why))  # fmt: skip
    # escape = q + Textual's ESCDELAY wait (100 ms in any Textual app): shown, not budgeted.
    esc = "escape's ESC wait: 100 ms in any Textual app"
    rows.append(_row(r, "key_metrics10_M_escape_p95_ms", "  the same with M/escape, p95", "ms",
                     None, "-", esc, why))  # fmt: skip
    rows.append(_row(r, "metrics10_first_open_ms", "  first M of a session (composes it)", "ms",
                     None, "-", "", why))  # fmt: skip
    mb, mt, my = _times(r, "metrics_task_next_ms", CLI_X, "ms", "task next")
    for ours, label in (
        ("metrics_show_ms", "cockpit metrics show, 5y x 10 tables"),
        ("metrics_shares_ms", "cockpit metrics show --shares, 5y x 10"),
    ):
        rows.append(_row(r, ours, label, "ms", mb, mt, my, why))
    fb, ft, fy = _times(r, "newsboat_first_s", FEEDS_FIRST_X, "s", "newsboat 8 threads")
    feeds_note = r.get("feeds_why", "")
    if _get(r, "newsboat_first_s") is None and _get(r, "feeds_first_s") is not None:
        feeds_note = r.get("newsboat_why", "newsboat not installed: no yardstick")
    rows.append(_row(r, "feeds_first_s", "feeds 60x100, first pass", "s", fb, ft, fy, feeds_note))
    if fb is None and _get(r, "feeds_first_s") is not None:
        rows[-1].verdict = "n/a"
    rows.append(_row(r, "feeds_second_s", "feeds, unchanged second pass", "s", FEEDS_SECOND_S,
                     f"<= {FEEDS_SECOND_S:g} s"))  # fmt: skip
    rows.append(_row(r, "feeds_ui_p95_ms", "key during a feed refresh, p95", "ms",
                     FEEDS_UI_P95_MS, f"<= {FEEDS_UI_P95_MS:g} ms"))  # fmt: skip
    for name, label, unit, budget in (
        ("start_items100k_s", "100k items: TUI start to full paint", "s", BIG_START_S),
        ("ls_items100k_s", "100k items: cockpit ls", "s", BIG_LS_S),
        ("peak_items100k_mb", "100k items: peak memory (TUI, ls)", "MB", BIG_PEAK_MB),
        ("peak_large_mb", "peak memory, TUI + finder, large ws", "MB", PEAK_LARGE_MB),
        ("triage_p95_ms", "triage write persisted (in process), p95", "ms", TRIAGE_P95_MS),
        ("triage_p95_ms_big_archive", "  the same, archive grown", "ms", TRIAGE_P95_MS),
        ("find_p95_ms", "fuzzy find per keystroke, p95", "ms", FIND_P95_MS),
        ("calendar_import_s", "ical import, pathological calendar", "s", CAL_IMPORT_S),
        ("calendar_import_mb", "  its memory above the workspace", "MB", CAL_IMPORT_MB),
        ("calendar_daily1k_s", "ical import, 1,000 daily events", "s", CAL_DAILY1K_S),
        ("agenda_50k_s", "cockpit ical agenda, 50k-event calendar", "s", AGENDA_50K_S),
    ):
        note = big_note if "items100k" in name else ""
        if name in CALENDAR_NOTES:  # what the calendar was, or why it was not measured
            note = r.get(CALENDAR_NOTES[name], "") or r.get("calendar_why", "")
        rows.append(_row(r, name, label, unit, budget, f"<= {budget:g} {unit}", "", note))
    return rows


def render(rows: list[Row]) -> list[str]:
    """The table as text lines."""
    header = f"{'figure':<46} {'measured':>10}  {'budget':<20} {'yardstick (same run)':<28} result"
    lines = [header, "-" * len(header)]
    for row in rows:
        value = "-" if row.value is None else _fmt(row.value, row.unit)
        verdict = {"FAIL": "FAIL <--"}.get(row.verdict, row.verdict)
        note = f"  ({row.note})" if row.note else ""
        lines.append(
            f"{row.label:<46} {value:>10}  {row.budget_text:<20} {row.yardstick:<28} "
            f"{verdict}{note}"
        )
    return lines


def as_json(rows: list[Row]) -> list[dict[str, Any]]:
    return [asdict(row) for row in rows]


def failed(rows: list[Row]) -> list[str]:
    return [row.name for row in rows if row.verdict == "FAIL"]
