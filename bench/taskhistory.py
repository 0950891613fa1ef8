"""A 10k-task taskwarrior history, and the same tasks imported into a cockpit workspace.

    .venv/bin/python bench/taskhistory.py [--fresh]

Writes, under `bench/.work/tw10k/` (kept between runs; rebuilt when the generator
version changes or with `--fresh`):

- `taskrc` and `taskdata/`: a private taskwarrior (`TASKRC` / `TASKDATA`) holding 10,000
  tasks: 8,200 completed over three years, 1,500 pending (60 of them waiting), 300
  deleted; ~25 projects, 0-3 tags, due dates on a third of the pending ones,
  priorities, annotations on some, ~20% Chinese descriptions. They are generated as one
  JSON file and loaded with `task import` (10k `task add` calls would take minutes).
- `export.json`: `task export` of that history, what a user would hand to cockpit;
- `ws/`: a cockpit workspace made by `cockpit --data-dir ws import taskwarrior
  export.json` (the real console script), then started once in the TUI and quit, as a
  user does right after importing: the import day's backup is made and, the clock
  being frozen on that day, every later start sees the workspace as it is on the day
  of the import (all 10k items in the hot file until the next day's archive sweep).

Needs `task` (Debian's `taskwarrior`); `available()` says whether it is installed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

import largeworkspace as lw  # noqa: E402
from common import WORK, bench_env, cockpit_cmd  # noqa: E402

ROOT = WORK / "tw10k"
VERSION = 2  # 2: the import archives the finished history (a smaller hot file)
"""Bump when the generated history changes, so that the cached one is rebuilt."""
TOTAL, PENDING, WAITING, DELETED = 10_000, 1_500, 60, 300
NOW_UTC = lw.NOW.astimezone(dt.UTC)
PROJECTS = (
    "pg.upgrade", "pg.ha", "pg.backup", "pg.extensions", "postgis", "vector", "pricing",
    "roadmap", "docs", "release.17", "release.18", "competitor", "hiring", "admin",
    "customers.招商银行", "customers.nordwind", "customers.瀚海银行", "customers.sakura",
    "customers.北辰证券", "ops.oncall", "ops.billing", "events.pgconf", "events.meetup",
    "team", "personal",
)  # fmt: skip
ANNOTATIONS = (
    "asked again in the weekly sync",
    "客户催了，周五前给答复",
    "numbers in the shared sheet",
    "blocked on the DBA team's review",
    "已发邮件，等回复",
)


def available() -> bool:
    """True when taskwarrior's `task` is installed."""
    return shutil.which("task") is not None


def task_env(root: Path = ROOT) -> dict[str, str]:
    """Environment for `task` on the private history under `root` (else the bench's)."""
    env = {k: v for k, v in bench_env().items() if not k.startswith("TASK")}
    env.update(TASKRC=str(root / "taskrc"), TASKDATA=str(root / "taskdata"))
    return env


def write_taskrc(root: Path) -> None:
    """A private taskrc: data under `root/taskdata`, no prompts, no news nag, no hooks."""
    (root / "taskdata").mkdir(parents=True, exist_ok=True)
    (root / "taskrc").write_text(
        f"data.location={root / 'taskdata'}\n"
        "confirmation=off\n"
        "news.version=2.6.0\n"
        "hooks=off\n"
        "color=off\n",
        encoding="utf-8",
    )


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def generate_tasks(seed: int = lw.SEED + 13) -> list[dict[str, Any]]:
    """The history as `task import` JSON objects (deterministic)."""
    rng = random.Random(seed)
    tasks: list[dict[str, Any]] = []
    statuses = ["completed"] * (TOTAL - PENDING - DELETED) + ["pending"] * PENDING
    statuses += ["deleted"] * DELETED
    rng.shuffle(statuses)
    waiting = WAITING
    for n, status in enumerate(statuses):
        task: dict[str, Any] = {
            "uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "description": f"{lw._title(rng)}" + (f" ({n % 97})" if rng.random() < 0.3 else ""),
            "status": status,
        }
        if status == "pending":
            entry = NOW_UTC - dt.timedelta(days=rng.expovariate(1 / 40), hours=rng.uniform(0, 9))
            if rng.random() < 0.35:
                task["due"] = _stamp(NOW_UTC + dt.timedelta(days=rng.randint(-20, 60)))
            if waiting and rng.random() < 0.08:
                task["wait"] = _stamp(NOW_UTC + dt.timedelta(days=rng.randint(3, 40)))
                waiting -= 1
            roll = rng.random()
            if roll < 0.10:
                task["priority"] = "H"
            elif roll < 0.30:
                task["priority"] = "M"
            elif roll < 0.40:
                task["priority"] = "L"
            modified = entry
        else:
            end = NOW_UTC - dt.timedelta(days=rng.uniform(0.05, 3 * 365))
            entry = end - dt.timedelta(days=rng.expovariate(1 / 12))
            task["end"] = _stamp(end)
            if rng.random() < 0.2:
                task["due"] = _stamp(end + dt.timedelta(days=rng.randint(-5, 10)))
            if rng.random() < 0.15:
                task["priority"] = rng.choice(("H", "M", "L"))
            modified = end
        task["entry"] = _stamp(entry)
        task["modified"] = _stamp(modified)
        if rng.random() < 0.85:
            task["project"] = rng.choice(PROJECTS)
        tags = rng.sample(lw.TAGS, rng.choice((0, 0, 1, 1, 2, 3)))
        if tags:
            task["tags"] = tags
        if rng.random() < 0.12:
            task["annotations"] = [
                {
                    "entry": _stamp(entry + dt.timedelta(hours=rng.uniform(1, 200))),
                    "description": rng.choice(ANNOTATIONS),
                }
                for _ in range(rng.choice((1, 1, 2)))
            ]
        tasks.append(task)
    return tasks


def _run(cmd: list[str], env: dict[str, str], **kw: Any) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False, **kw)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:4])} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return proc


def stats_path(root: Path = ROOT) -> Path:
    return root.with_name(root.name + ".json")


def stats_of(root: Path = ROOT) -> dict[str, Any]:
    try:
        data: dict[str, Any] = json.loads(stats_path(root).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data


def ensure(root: Path = ROOT, fresh: bool = False) -> dict[str, Any]:
    """Build the history and the imported workspace unless they are there already."""
    stats = stats_of(root)
    if not fresh and stats.get("version") == VERSION and (root / "ws" / "items.json").exists():
        return stats
    if not available():
        raise RuntimeError("taskwarrior is not installed (apt-get install taskwarrior)")
    from keys_bench import open_session

    began = time.perf_counter()
    stats_path(root).unlink(missing_ok=True)
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    write_taskrc(root)
    env = task_env(root)
    source = root / "generated.json"
    source.write_text(json.dumps(generate_tasks(), ensure_ascii=False), encoding="utf-8")
    t = time.perf_counter()
    _run(["task", "import", str(source)], env)
    import_s = time.perf_counter() - t
    source.unlink()
    exported = _run(["task", "export"], env).stdout
    (root / "export.json").write_text(exported, encoding="utf-8")
    tasks = json.loads(exported)
    export = str(root / "export.json")
    t = time.perf_counter()
    report = _run(
        [*cockpit_cmd(), "--data-dir", str(root / "ws"), "import", "taskwarrior", export],
        bench_env(),
    ).stdout.strip()
    cockpit_import_s = time.perf_counter() - t
    term = open_session([*cockpit_cmd(), "--data-dir", str(root / "ws")], bench_env())
    term.close("q")  # the first start after the import (installs the default routines)
    by_status: dict[str, int] = {}
    for task in tasks:
        by_status[task["status"]] = by_status.get(task["status"], 0) + 1
    stats = {
        "version": VERSION,
        "tasks": len(tasks),
        "by_status": by_status,
        "task_import_s": round(import_s, 2),
        "cockpit_import_s": round(cockpit_import_s, 2),
        "cockpit_import_report": report,
        "export_kb": round((root / "export.json").stat().st_size / 1024),
        "ws_file_kb": {
            p.stem: round(p.stat().st_size / 1024) for p in sorted((root / "ws").glob("*.json"))
        },
        "build_s": round(time.perf_counter() - began, 1),
    }
    stats_path(root).write_text(json.dumps(stats, indent=1, ensure_ascii=False), "utf-8")
    return stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fresh", action="store_true")
    args = parser.parse_args()
    print(json.dumps(ensure(fresh=args.fresh), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
