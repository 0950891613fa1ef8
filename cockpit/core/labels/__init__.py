"""The one label catalog, kept as one module per area so areas can grow independently
(and `vocab`, the words of the domain's closed vocabularies, read from it).

`CATALOG` maps a key to (English, Chinese); `cockpit.core.i18n.t` reads it. A key defined
twice is a mistake, caught when the second area is read (the tests read them all).

The areas are imported on first need, in `AREAS` order, until the key asked for is
found: `cockpit add` words its sentence from the first three and never reads the help
texts, the forms' words or the report's (most of the catalog, ~2 ms of every command).
Asking for a key that is nowhere, or listing the keys, reads every area.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping

AREAS = (
    # What every command needs first (vocabularies, refusals, undo steps, the CLI's
    # sentences), then the rest; the order changes nothing but what is read first.
    "core", "errors", "cli", "items", "customers", "accounts", "feeds", "calendar",
    "metrics", "report", "doctor", "keys", "inputs", "help",
)  # fmt: skip


class Catalog(Mapping[str, tuple[str, str]]):
    """key -> (English, Chinese), each area's module imported when a key is not among
    the areas read so far."""

    def __init__(self, areas: tuple[str, ...]) -> None:
        self._labels: dict[str, tuple[str, str]] = {}
        self._unread = list(areas)

    def _read_next(self) -> bool:
        """Read one more area; False when every area was read."""
        if not self._unread:
            return False
        area = self._unread.pop(0)
        labels: dict[str, tuple[str, str]] = importlib.import_module(
            f"cockpit.core.labels.{area}"
        ).LABELS
        clash = self._labels.keys() & labels.keys()
        if clash:
            raise ValueError(f"label keys defined twice: {sorted(clash)}")
        self._labels.update(labels)
        return True

    def read_all(self) -> dict[str, tuple[str, str]]:
        """Every label (each area read)."""
        while self._read_next():
            pass
        return self._labels

    def __getitem__(self, key: str) -> tuple[str, str]:
        found = self._labels.get(key)
        while found is None and self._read_next():
            found = self._labels.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self.read_all())

    def __len__(self) -> int:
        return len(self.read_all())


CATALOG = Catalog(AREAS)
