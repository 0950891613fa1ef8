"""The words of a reminder, in the reader's language: one line per reminder, and the
toast and the terminal notification for a batch told together."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from cockpit.core.i18n import t
from cockpit.reminders.due import Reminder

TOAST_LINES = 6  # reminders listed in a toast; the rest are counted
NOTICE_LINES = 3  # and in the terminal's notification, one line of text


def line(reminder: Reminder, now: dt.datetime) -> str:
    """What one reminder says: "Due today: Renew the contract"."""
    r = reminder
    due = r.day.isoformat()
    if r.kind == "starts" and r.start is not None:
        time = r.start.astimezone(now.tzinfo).strftime("%H:%M")
        minutes = math.ceil((r.start - now).total_seconds() / 60)  # 9 min 30 s: in 10
        if minutes > 0:
            return t("remind.starts", time=time, title=r.title, n=minutes)
        return t("remind.started", time=time, title=r.title)
    if r.kind == "followup":
        if r.day == now.date():
            return t("remind.followup.today", title=r.title)
        return t("remind.followup", title=r.title, due=due)
    key = {"overdue": "remind.overdue", "soon": "remind.soon"}.get(r.kind, "remind.due")
    return t(key, title=r.title, due=due)


def toast(reminders: Sequence[Reminder], now: dt.datetime) -> str:
    """The toast of a batch: its lines under a count, the first few only."""
    lines = [line(r, now) for r in reminders]
    if len(lines) == 1:
        return f"⏰ {lines[0]}"
    shown = lines[:TOAST_LINES]
    if len(lines) > len(shown):
        shown.append(t("remind.more", n=len(lines) - len(shown)))
    return "\n".join([t("remind.head", n=len(lines)), *shown])


def notice(reminders: Sequence[Reminder], now: dt.datetime) -> tuple[str, str]:
    """(title, body) of the terminal's notification for a batch: one line of text."""
    lines = [line(r, now) for r in reminders]
    if len(lines) == 1:
        return "cockpit", lines[0]
    shown = lines[:NOTICE_LINES]
    if len(lines) > len(shown):
        shown.append(t("remind.more", n=len(lines) - len(shown)))
    return f"cockpit: {t('remind.head', n=len(lines))}", " · ".join(shown)
