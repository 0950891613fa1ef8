"""What an item change will do, worked out before it is written.

A triage key is persisted on the writer thread: a transaction, the hot file encoded,
written and synced twice. The screen used to wait for all of it (tens of milliseconds
on a busy disk) before the item moved. `Workspace.predict("done", 7)` runs the very
same change on the items as last read, on the caller's thread, and records what it
would make of them instead of storing anything; the screen shows that at once and
replaces it with what was stored when the write is done (or with what is on disk when
it was refused). Only the item changes of the workspace take part: anything else is
"not predicted" and simply waits for its write.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from cockpit.core.model import Item

PREDICTED = frozenset(
    {"finish", "done", "drop", "reopen", "defer", "keep", "toggle_key", "edit", "delete"}
    | {"undo", "redo"}
)
"""The workspace's changes that can be predicted (each changes hot items only)."""


class Prediction:
    """The hot items a change would leave, and the ids it would remove (a plain class:
    a dataclass costs ~0.5 ms at start-up)."""

    __slots__ = ("changed", "removed")

    def __init__(self) -> None:
        self.changed: list[Item] = []
        self.removed: list[int] = []

    @property
    def ids(self) -> set[int]:
        return {i.id for i in self.changed} | set(self.removed)


class NotPredicted(Exception):
    """The change touches more than the hot items (or cannot be worked out ahead)."""


class Predicting:
    """Per thread: the prediction being recorded, if any."""

    def __init__(self) -> None:
        self._local = threading.local()

    @property
    def current(self) -> Prediction | None:
        found: Prediction | None = getattr(self._local, "prediction", None)
        return found

    @contextmanager
    def recording(self) -> Iterator[Prediction]:
        prediction = Prediction()
        self._local.prediction = prediction
        try:
            yield prediction
        finally:
            self._local.prediction = None
