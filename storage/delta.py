"""A table that knows which of its documents changed since the table it was made from.

Every write publishes a new table object (a stored document is never changed in place:
`cow`), so a reader can tell *that* a table changed by its identity. Telling *which*
documents changed took a look at every one of them: on a keypress, the daily screen's
cache compared each hot item (O(all items), ~2 ms at 2k items, 20 ms at 20k). A
`ChangedTable` carries the answer: the table it was made from (`base`) and the keys it
set or removed (`changed`). A reader that holds `base` updates only those keys
(`cockpit.items.cache`); any other reader (another process wrote, the file was parsed
again, a step was missed) looks at every document as before.

A few steps are kept (`STEPS`: keys pressed faster than the screen redraws commit more
than one write between two looks); once a table is published as the committed
snapshot, the tables further back are let go, so old versions of a file do not pile up
in memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

STEPS = 4
"""Committed tables a table remembers it was made from (each holds the one before)."""


class ChangedTable(dict[str, Any]):
    """A table's documents by id string, and what changed from `base` to it."""

    __slots__ = ("base", "changed", "pending")

    def __init__(
        self, docs: Mapping[str, Any], base: Mapping[str, Any] | None, changed: frozenset[str]
    ) -> None:
        super().__init__(docs)
        self.base = base
        """The table this one was made from (None: unknown)."""
        self.changed = changed
        """Keys set or removed since `base`."""
        self.pending = True
        """Made inside a transaction not yet committed."""


def changed_table(
    docs: Mapping[str, Any], base: Mapping[str, Any] | None, changed: Iterable[str]
) -> ChangedTable:
    """`docs` as the table that follows `base` with the keys `changed`.

    A second change of the same table in one transaction goes back to the table the
    transaction started from, so a reader sees the transaction's changes as one step.
    """
    keys = frozenset(changed)
    if isinstance(base, ChangedTable) and base.pending:
        return ChangedTable(docs, base.base, base.changed | keys)
    return ChangedTable(docs, base, keys)


def published(tables: Mapping[str, Any]) -> None:
    """`tables` (a file's content) are now the committed snapshot."""
    for table in tables.values():
        if isinstance(table, ChangedTable) and table.pending:
            table.pending = False
            step: Any = table
            for _ in range(STEPS - 1):
                step = step.base
                if not isinstance(step, ChangedTable):
                    break
            else:
                if isinstance(step, ChangedTable):
                    step.base = None  # older tables can go


def changes_from(table: Mapping[str, Any], base: Mapping[str, Any] | None) -> frozenset[str] | None:
    """The keys that changed from `base` to `table`; None when unknown (look at all)."""
    if base is None:
        return None
    keys: frozenset[str] = frozenset()
    step: Any = table
    for _ in range(STEPS):
        if not isinstance(step, ChangedTable):
            return None
        keys |= step.changed
        if step.base is base:
            return keys
        step = step.base
    return None
