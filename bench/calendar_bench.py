"""Calendars that used to hang or crawl (issue 11, item 3), through the real CLI.

    .venv/bin/python bench/calendar_bench.py [--runs N]

Three generated calendars, each imported into a fresh workspace with
`cockpit ical import`, every command a whole process timed with `os.wait4` (wall time
and peak memory):

- pathological: 200 recurring events of ten kinds — every second without end, every
  five minutes, 144 times a day, 30 February searched daily and hourly (dateutil would
  look for it until the year 9999), COUNT=1e9, and four sane ones started years ago.
  Budget: the import <= 5 s, its peak memory <= 100 MB above `cockpit ical ls` on the
  same workspace (what opening the workspace costs);
- 1,000 daily events, each its own series, started up to six years ago: the import;
- 50,000 events (49,000 single ones over 14 months and 1,000 series): `cockpit ical
  agenda` (the configured days) and `--days 14`, the median of `runs` after a warm-up.
  Budget: <= 0.5 s.

Figures (results keys): calendar_import_s, calendar_import_mb, calendar_daily1k_s,
agenda_50k_s, agenda_50k_14d_s, and the import report's counts as notes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

from common import WORK, bench_env, cockpit_cmd, time_cmd  # noqa: E402

ROOT = WORK / "calendars"
TODAY = dt.date(2026, 11, 18)  # common.NOW_ISO's day
PATHOLOGICAL = (
    ("FREQ=SECONDLY", "20261101T090000Z"),
    ("FREQ=MINUTELY;INTERVAL=5", "20261101T090000Z"),
    ("FREQ=DAILY;BYHOUR=" + ",".join(map(str, range(24))) + ";BYMINUTE=0,10,20,30,40,50",
     "20261101T000000Z"),
    ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "20160101T090000Z"),
    ("FREQ=HOURLY;BYMONTH=2;BYMONTHDAY=31", "20160101T090000Z"),
    ("FREQ=DAILY;COUNT=1000000000", "20260101T090000Z"),
    ("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", "20160104T013000Z"),
    ("FREQ=MONTHLY", "20200131T060000Z"),
    ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", "20190107T020000Z"),
    ("FREQ=HOURLY;INTERVAL=2", "20240101T000000Z"),
)  # fmt: skip


def _calendar(events: list[str]) -> bytes:
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//cockpit bench//calendars//EN"]
    return ("\r\n".join([*head, *events, "END:VCALENDAR"]) + "\r\n").encode()


def _event(uid: str, start: str, summary: str, rule: str = "", minutes: int = 30) -> str:
    lines = ["BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20261101T000000Z", f"DTSTART:{start}",
             f"DURATION:PT{minutes}M", f"SUMMARY:{summary}"]  # fmt: skip
    if rule:
        lines.insert(4, f"RRULE:{rule}")
    return "\r\n".join([*lines, "END:VEVENT"])


def pathological() -> bytes:
    events = [
        _event(f"p{n}-{k}@bench", start, f"Pathological {k} #{n}", rule)
        for n in range(20)
        for k, (rule, start) in enumerate(PATHOLOGICAL)
    ]
    return _calendar(events)


def daily(count: int) -> bytes:
    first = dt.datetime(2020, 11, 1, 1, 0)
    events = []
    for n in range(count):
        start = first + dt.timedelta(days=(n * 7) % 2000, minutes=15 * (n % 40))
        events.append(_event(f"d{n}@bench", f"{start:%Y%m%dT%H%M%S}Z", f"Daily {n}", "FREQ=DAILY"))
    return _calendar(events)


def large(singles: int, series: int) -> bytes:
    first = dt.datetime(2026, 10, 20, 0, 0)
    span = 14 * 30 * 24 * 60  # minutes over 14 months
    events = []
    for n in range(singles):
        start = first + dt.timedelta(minutes=(n * 6311) % span)
        events.append(_event(f"s{n}@bench", f"{start:%Y%m%dT%H%M%S}Z", f"Meeting {n}"))
    rules = ("FREQ=DAILY", "FREQ=WEEKLY;BYDAY=MO,WE", "FREQ=MONTHLY;BYMONTHDAY=18",
             "FREQ=WEEKLY;INTERVAL=2")  # fmt: skip
    for n in range(series):
        start = dt.datetime(2019 + n % 7, 1 + n % 12, 1 + n % 27, 8 + n % 10, 0)
        rule = rules[n % len(rules)]
        events.append(_event(f"r{n}@bench", f"{start:%Y%m%dT%H%M%S}Z", f"Series {n}", rule))
    return _calendar(events)


def _workspace(name: str) -> Path:
    root = ROOT / name
    shutil.rmtree(root, ignore_errors=True)
    subprocess.run([*cockpit_cmd(), "--data-dir", str(root), "ical", "ls"], env=bench_env(),
                   check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    return root


def _import(root: Path, source: Path) -> tuple[float, float, str]:
    cmd = [*cockpit_cmd(), "--data-dir", str(root), "ical", "import", str(source)]
    run = time_cmd(cmd, bench_env())
    if run.status != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {run.status}")
    listed = subprocess.run(
        [*cockpit_cmd(), "--data-dir", str(root), "ical", "ls", "--json"],
        env=bench_env(), check=True, capture_output=True, text=True,
    )  # fmt: skip
    rec = json.loads(listed.stdout)[0]
    return run.wall_s, run.max_rss_mb, f"{rec['events']} events kept, {rec['skipped']} skipped"


def bench_calendars(runs: int = 7) -> dict[str, Any]:
    """The calendar figures (see the module docstring)."""
    ROOT.mkdir(parents=True, exist_ok=True)
    out: dict[str, Any] = {}
    env, cockpit = bench_env(), cockpit_cmd()

    bad = ROOT / "pathological.ics"
    bad.write_bytes(pathological())
    root = _workspace("pathological")
    base = time_cmd([*cockpit, "--data-dir", str(root), "ical", "ls"], env)
    wall, rss, report = _import(root, bad)
    out["calendar_import_s"] = round(wall, 3)
    out["calendar_import_mb"] = round(max(0.0, rss - base.max_rss_mb), 1)
    out["calendar_import_note"] = f"{report}; workspace alone {base.max_rss_mb:.0f} MB"

    days = ROOT / "daily-1k.ics"
    days.write_bytes(daily(1000))
    wall, rss, report = _import(_workspace("daily-1k"), days)
    out["calendar_daily1k_s"] = round(wall, 3)
    out["calendar_daily1k_note"] = f"{report}, peak {rss:.0f} MB"

    big = ROOT / "large-50k.ics"
    big.write_bytes(large(49_000, 1_000))
    root = _workspace("large-50k")
    wall, rss, report = _import(root, big)
    out["calendar_50k_import_s"] = round(wall, 3)
    for key, extra in (("agenda_50k_s", []), ("agenda_50k_14d_s", ["--days", "14"])):
        cmd = [*cockpit, "--data-dir", str(root), "ical", "agenda", *extra]
        got = [time_cmd(cmd, env) for _ in range(runs + 1)][1:]
        if any(r.status for r in got):
            raise RuntimeError(f"{' '.join(cmd)} failed")
        out[key] = round(statistics.median(r.wall_s for r in got), 3)
        out[f"{key[:-2]}_rss_mb"] = round(max(r.max_rss_mb for r in got), 1)
    out["agenda_50k_note"] = f"import {wall:.1f} s ({report}), peak {out['agenda_50k_rss_mb']} MB"
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    for key, value in bench_calendars(args.runs).items():
        print(f"{key:<28} {value}")


if __name__ == "__main__":
    main()
