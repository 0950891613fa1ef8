"""Which backups a workspace has, and which of them holds a good copy of a file.

Kept apart from `backup` (which copies and restores) so that the sentence of a corrupt
file can name the exact command that brings that one file back.
"""

from __future__ import annotations

import re
from pathlib import Path

from cockpit.storage import shapes
from cockpit.storage.codec import parse

DAILY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SAVED_PREFIX = "pre-restore-"  # the files a restore replaced: never a source to advise


def backups_dir(root: Path) -> Path:
    """Where backups of workspace `root` live."""
    return root / "backups"


def list_backups(root: Path) -> list[str]:
    """Backup names, newest first (names sort by time)."""
    folder = backups_dir(root)
    try:
        names = [p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")]
    except OSError:  # no folder yet, or one we may not read: no backups to offer
        return []
    return sorted(names, key=_sort_key, reverse=True)


def _sort_key(name: str) -> str:
    # "pre-restore-2026-11-22T101010" sorts by its time part too.
    match = re.search(r"\d{4}-\d{2}-\d{2}(T\d{6})?", name)
    return match.group(0) if match else name


def good_copy(root: Path, file_name: str) -> str | None:
    """The newest backup (not a `pre-restore-…` one) whose copy of `file_name` reads."""
    for name in list_backups(root):
        if name.startswith(SAVED_PREFIX):
            continue
        try:
            raw = (backups_dir(root) / name / file_name).read_bytes()
        except OSError:
            continue
        if file_name == "workspace.json" or _readable(file_name, raw):
            return name
    return None


def _readable(file_name: str, raw: bytes) -> bool:
    """The copy passes every check a read makes (parse, then the records' shapes)."""
    try:
        data = parse(raw)
    except ValueError:
        return False
    return shapes.problem(Path(file_name).stem, data) is None
