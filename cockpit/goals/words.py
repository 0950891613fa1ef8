"""Goals in words, in a given language: amounts (348万 / 3.48M), shares, statuses, a key
result's progress, the daily screen's one-line summary and the 周报's lines. The CLI,
the screens and the report all say it the same way."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from cockpit.core.i18n import render
from cockpit.goals.progress import KrState, ObjectiveState
from cockpit.goals.quarters import Quarter


def share(fraction: float) -> str:
    """`45%` (rounded down, so 99.6% done is not shown as 100%)."""
    return f"{int(fraction * 100 + 1e-9)}%"


def amount(value: float, lang: str) -> str:
    """A number as a PM reads it: 348万 / 1.2亿 in Chinese, 3.48M / 12.5k in English,
    small numbers whole."""
    size = abs(value)
    if lang == "zh" and size >= 10_000:
        unit, scale = ("亿", 1e8) if size >= 1e8 else ("万", 1e4)
        return f"{_short(value / scale)}{unit}"
    if lang != "zh" and size >= 10_000:
        unit, scale = ("M", 1e6) if size >= 1e6 else ("k", 1e3)
        return f"{_short(value / scale)}{unit}"
    return _short(value)


def _short(value: float) -> str:
    """At most two decimals, none when whole: 348, 3.48, 12.5."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def status_word(status: str, lang: str) -> str:
    """`at risk` / `有风险`."""
    return render(f"goal.status.{status}", {}, lang)


def quarter_line(quarter: Quarter, today: dt.date, lang: str) -> str:
    """`2026-Q4 (Oct 1 – Dec 31) · 52% of the quarter gone`."""
    return render(
        "goal.quarter",
        {
            "quarter": quarter.key,
            "start": _day(quarter.start, lang),
            "end": _day(quarter.end, lang),
            "share": share(quarter.elapsed(today)),
        },
        lang,
    )


def _day(day: dt.date, lang: str) -> str:
    return f"{day.month}月{day.day}日" if lang == "zh" else f"{day:%b} {day.day}"


def kr_progress(state: KrState, lang: str) -> str:
    """`348万 / 1100万` for a metric, `1/2 done` for linked work."""
    kr = state.kr
    if kr.measure == "metric":
        value = amount(state.value, lang) if state.value is not None else "-"
        args = {"value": value, "target": amount(kr.target, lang)}
        if kr.start:
            return render("goal.metric_from", {**args, "start": amount(kr.start, lang)}, lang)
        return f"{value} / {args['target']}"
    done = int(state.value or 0)
    return render("goal.count", {"done": done, "total": int(state.total)}, lang)


def kr_source(state: KrState, table_title: str, column_title: str, lang: str) -> str:
    """What a key result follows: `revenue.cash, quarter total` / `requirements #3 #7`."""
    kr = state.kr
    if kr.measure == "metric":
        agg = render(f"goal.agg.{kr.agg}", {}, lang)
        return render(
            "goal.kr_metric", {"table": table_title, "column": column_title, "agg": agg}, lang
        )
    ids = " ".join(f"#{x}" for x in kr.links)
    measure = render(f"goal.measure.{kr.measure}", {}, lang)
    return render("goal.kr_links", {"measure": measure, "ids": ids}, lang)


def daily_summary(states: Sequence[ObjectiveState], quarter: Quarter, lang: str) -> str:
    """The daily screen's part of the metrics line: `OKR 2026-Q4 45% · 2 at risk`
    ("" without objectives this quarter)."""
    shown = [s for s in states if s.quarter == quarter and s.krs]
    if not shown:
        return ""
    fraction = sum(s.fraction for s in shown) / len(shown)
    head = render("goal.daily", {"quarter": quarter.key, "share": share(fraction)}, lang)
    behind = sum(1 for s in shown for k in s.krs if k.behind)
    tail = (
        render("goal.daily.risk", {"n": behind}, lang)
        if behind
        else render("goal.daily.ok", {}, lang)
    )
    return f"{head} · {tail}"


def objective_line(state: ObjectiveState, lang: str) -> str:
    """`Grow the managed service — 45% (at risk)` (the 周报's line of an objective)."""
    args = {
        "title": " ".join(state.objective.title.split()),
        "share": share(state.fraction),
        "status": status_word(state.status, lang),
    }
    return render("report.goal", args, lang)


def kr_line(state: KrState, lang: str) -> str:
    """`Cash revenue ≥ 1100万: 348万 / 1100万, 32% (at risk)` (under its objective)."""
    args = {
        "title": " ".join(state.kr.title.split()),
        "progress": kr_progress(state, lang),
        "share": share(state.fraction),
        "status": status_word(state.status, lang),
    }
    return render("report.kr", args, lang)
