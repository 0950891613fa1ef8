"""The requirement pool's words and lines: why a requirement cannot advance, its
lifecycle column, its change-log lines and its progress text (Rich `Text`, no widgets),
so the screen module holds only the screen."""

from __future__ import annotations

from rich.text import Text

from cockpit.core.i18n import CATALOG, t
from cockpit.planning.requirement_rules import STATUSES, Requirement, allowed_moves

STATUS_STYLE = {
    "collected": "",
    "reviewed": "cyan",
    "planned": "blue",
    "in-development": "yellow",
    "released": "green",
    "closed": "dim",
    "rejected": "dim red",
}
RISK_STYLE = {"high": "bold red", "low": "yellow", "none": "green"}


def refusal(req: Requirement) -> str:
    """Why a requirement cannot advance, naming the moves it can make instead."""
    status = t(f"req.status.{req.status}")
    moves = allowed_moves(req.status)
    if not moves:
        return t("req.final", id=req.id, status=status)
    allowed = ", ".join(t(f"req.status.{s}") for s in moves)
    return t("req.no_next", id=req.id, status=status, allowed=allowed)


def lifecycle(req: Requirement) -> Text:
    """One stage a line: passed ones ticked, the current one highlighted, rejected last."""
    main = STATUSES[:6]
    here = STATUSES.index(req.status)
    lines = []
    for n, stage in enumerate(STATUSES):
        label = t(f"req.status.{stage}")
        if n == here:
            colour = "red" if stage == "rejected" else STATUS_STYLE[stage] or "cyan"
            lines.append(Text(f"▶ {label} ", style=f"bold reverse {colour}"))
        elif stage in main and n < here and req.status in main:
            lines.append(Text(f"✓ {label}", style="green"))
        else:
            lines.append(Text(f"  {label}", style="dim"))
    return Text("\n").join(lines)


def log_line(entry: dict[str, str]) -> Text:
    """One change: its date, what changed (from → to), and the reason given."""
    line = Text(str(entry.get("at", ""))[:10] + "  ", style="dim")
    kind = entry.get("kind")
    if kind == "status":
        old, new = (t(f"req.status.{entry.get(k, '')}") for k in ("from", "to"))
        line.append(t("req.log.moved", old=old, new=new), style="bold")
    elif kind == "progress":
        field = entry.get("field", "")
        old, new = (_progress_value(field, entry.get(k, "")) for k in ("from", "to"))
        line.append(
            t("req.log.progress", field=_label(f"req.col.{field}", field), old=old, new=new)
        )
    elif kind == "scope":
        field = entry.get("field", "")
        old, new = (_value(field, entry.get(k, "")) for k in ("from", "to"))
        line.append(t("req.log.field", field=_label(f"req.col.{field}", field), old=old, new=new))
    else:  # "created": its reason is where the requirement came from
        line.append(t("req.log.created"), style="bold")
        entry = {**entry, "reason": _value("source", entry.get("reason", ""))}
    if reason := entry.get("reason"):
        line.append(f"  {reason}", style="italic")
    return line


def _label(key: str, fallback: str) -> str:
    return t(key) if key in CATALOG else fallback  # a field a newer cockpit logged


def _value(field: str, value: str) -> str:
    """A logged value as shown: Kano classes and sources by their label."""
    if not value:
        return t("req.log.empty")
    return _label(f"req.{field}.{value}", value) if field in ("kano", "source") else value


def _progress_value(field: str, value: str) -> str:
    """A logged progress field as shown: 60%, a risk by its word, "—" for none."""
    if not value:
        return t("req.log.empty")
    if field == "progress":
        return f"{value}%"
    return _label(f"req.risk.{value}", value) if field == "risk" else value


def progress_text(req: Requirement) -> Text:
    """`60% → 12-20 ● high`: progress, expected date (month-day) and risk, the risk in
    its colour; what a tracked requirement's row shows after its title."""
    out = Text(f"{req.progress}%", style="bold" if req.progress else "dim")
    if req.expected:
        out.append(f" → {req.expected[5:]}", style="dim")
    if req.risk:
        out.append(" ● " + t(f"req.risk.{req.risk}"), style=RISK_STYLE.get(req.risk, ""))
    return out
