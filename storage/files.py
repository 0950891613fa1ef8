"""The files of one workspace directory and the transaction that spans them.

Layout (all 0600, directory 0700):

| file | holds | written when |
|---|---|---|
| `workspace.json` | schema version | created, migrated |
| `items.json` | open items, recently finished ones, id counters (the hot file) | every triage key |
| `archive.json` | items finished more than N weeks ago | once a day at most |
| `customers.json` | customers and their touch log | customer edits |
| `feeds.json` | feed subscriptions and their fetch state | feed refresh |
| `entries.json` | feed entry bodies | feed refresh |
| `entry_state.json` | read / starred marks | reading |
| `calendar.json` | routines, daily checklists, subscriptions, sync state | calendar work |
| `metrics.json` | monthly metric tables | metrics edits |
| `planning.json` | requirement pool and launch checklists | planning edits |
| `notes.json` | weekly notes: thoughts, highlights, notes for the report | report work |
| `reminders.json` | which reminders were raised, per day (the last days only) | a reminder |

Splitting keeps the hot file small: a keypress rewrites only `items.json`.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.table import Table

from cockpit.storage.atomic import atomic_write, ensure_dir
from cockpit.storage.backup import make_backup
from cockpit.storage.cow import CopyOnWriteDB
from cockpit.storage.errors import CorruptFileError, SchemaError, StorageError, os_failure
from cockpit.storage.jsonstore import AtomicJSONStorage, Stamp, Tables, decode, file_stamp
from cockpit.storage.lock import WorkspaceLock
from cockpit.storage.migrations import CURRENT_SCHEMA, migrate

DATA_FILES = (
    "items",
    "archive",
    "customers",
    "feeds",
    "entries",
    "entry_state",
    "calendar",
    "metrics",
    "planning",
    "notes",
    "reminders",
)
MARKER = "workspace.json"


class WorkspaceFiles:
    """Opens (creating or migrating) a workspace directory and hands out TinyDB tables."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.lock = WorkspaceLock(root / ".lock")
        self._storages: dict[str, AtomicJSONStorage] = {}
        self._dbs: dict[str, TinyDB] = {}
        self._made = threading.Lock()  # two threads asking first must get one storage
        self.created = False

    # opening ------------------------------------------------------------------------
    def open(self) -> WorkspaceFiles:
        """Create the workspace if new, else check its schema and migrate it.

        Raises:
            CorruptFileError: `workspace.json` cannot be read.
            SchemaError: written by a newer cockpit.
        """
        ensure_dir(self.root)
        try:
            with self.lock.hold():
                self._open()
        except StorageError:
            raise
        except OSError as exc:  # whatever the steps below met: one sentence, never errno
            raise os_failure(Path(exc.filename or self.root), exc, "open") from None
        return self

    def _open(self) -> None:
        marker = self.root / MARKER
        if not marker.exists():
            self._create(marker)
        else:
            version = self._schema(marker)
            if version > CURRENT_SCHEMA:
                raise SchemaError(
                    f"{self.root} was written by a newer cockpit (schema {version}, "
                    f"this one knows {CURRENT_SCHEMA}); upgrade cockpit"
                )
            if version < CURRENT_SCHEMA:
                stamp = dt.datetime.now().strftime("%Y-%m-%dT%H%M%S")
                make_backup(self.root, f"pre-migrate-{stamp}", self.lock)
                migrate(self.root, version)
                self._write_marker(marker, CURRENT_SCHEMA)
        for name in DATA_FILES:
            path = self.path(name)
            if not path.exists():
                atomic_write(path, b"{}")
        # Temp files of writers killed mid-write: any live writer would hold the lock.
        for stale in self.root.glob(".*.tmp"):
            if stale.is_file():
                stale.unlink(missing_ok=True)

    def _create(self, marker: Path) -> None:
        fresh = True
        for name in DATA_FILES:
            path = self.path(name)
            if path.exists():  # a lost workspace.json must not wipe existing data
                fresh = False
            else:
                atomic_write(path, b"{}")
        self._write_marker(marker, CURRENT_SCHEMA)
        self.created = fresh

    def _write_marker(self, marker: Path, version: int, upgrades: list[str] | None = None) -> None:
        done = self.upgrades() if upgrades is None and marker.exists() else (upgrades or [])
        body: dict[str, object] = {
            "schema": version,
            "written": dt.datetime.now(dt.UTC).isoformat(),
        }
        if done:
            body["upgrades"] = sorted(done)
        atomic_write(marker, json.dumps(body).encode())

    # one-time upgrades of stored data, made by the layers above -------------------
    def upgrades(self) -> list[str]:
        """Names of the one-time data upgrades this workspace has had (`workspace.json`).

        The domain runs them (they need its rules, e.g. the text sanitiser); storage
        only remembers which ran, beside the schema version.
        """
        try:
            data = json.loads((self.root / MARKER).read_bytes())
        except (OSError, ValueError):
            return []
        done = data.get("upgrades", []) if isinstance(data, dict) else []
        return [str(x) for x in done] if isinstance(done, list) else []

    def mark_upgrade(self, name: str) -> None:
        """Remember that upgrade `name` ran (under the workspace lock)."""
        with self.lock.hold():
            marker = self.root / MARKER
            done = self.upgrades()
            if name not in done:
                self._write_marker(marker, self._schema(marker), [*done, name])

    def _schema(self, marker: Path) -> int:
        try:
            raw = marker.read_bytes()
        except OSError as exc:
            raise os_failure(marker, exc, "read") from None
        try:
            data = json.loads(raw)
            version = data["schema"]
            if not isinstance(version, int):
                raise TypeError
            return version
        except (ValueError, KeyError, TypeError):
            raise CorruptFileError(marker, "no readable schema version") from None

    # access -------------------------------------------------------------------------
    def path(self, name: str) -> Path:
        """Path of data file `name` (one of DATA_FILES)."""
        return self.root / f"{name}.json"

    def storage(self, name: str) -> AtomicJSONStorage:
        """The storage object of one file (created on first use)."""
        found = self._storages.get(name)
        if found is not None:
            return found
        with self._made:
            if name not in self._storages:
                storage = AtomicJSONStorage(self.path(name))
                self._dbs[name] = CopyOnWriteDB(storage=lambda: storage)
                self._storages[name] = storage  # last: a reader finds both or neither
            return self._storages[name]

    def table(self, name: str, table: str) -> Table:
        """A TinyDB table of file `name`. Query caching is off: other processes write too."""
        self.storage(name)
        return self._dbs[name].table(table, cache_size=0)

    def raw(self, name: str) -> dict[str, Any]:
        """Parsed content of a file (cached by stamp).

        Outside a transaction this is the committed snapshot, shared with every other
        reader: read it, never change it. Inside one (on the thread holding the lock)
        it is that transaction's working copy.
        """
        return self.storage(name).read()

    def view(self) -> dict[str, Tables]:
        """The committed content of every file this process has read, as it last read
        it, without looking at the disk again: what a screen showed.

        Changes made later from it carry this as their basis (see
        `cockpit.core.changes`), so a newer change by another process is not overwritten.
        Taking a view costs nothing: snapshots are shared, never copied. A file never
        read is left out (nothing of it was shown).
        """
        out: dict[str, Tables] = {}
        for name, storage in list(self._storages.items()):
            seen = storage.last_seen()
            if seen is not None:
                out[name] = seen
        return out

    def check(self, *names: str) -> None:
        """Parse the named files now, so corruption stops us before any work starts."""
        for name in names:
            self.storage(name).read()

    def stamps(self, *names: str) -> dict[str, Stamp | None]:
        """Current on-disk stamps, to notice writes by other processes."""
        return {name: file_stamp(self.path(name)) for name in names}

    # transactions -------------------------------------------------------------------
    @contextmanager
    def transaction(self, *names: str) -> Iterator[None]:
        """Lock the workspace and batch writes to the named files.

        Reads inside see the latest on-disk data (checked once under the lock); each
        touched file is written once, atomically, when the block ends without error.
        On error nothing is written and the cached copies are dropped.
        """
        with self.lock.hold():
            storages = [self.storage(n) for n in names]
            for st in storages:
                st.begin()
            ok = False
            try:
                yield
                ok = True
            finally:
                # Write in the given order so callers can order cross-file moves
                # (archive first, then the hot file) for crash safety.
                error: BaseException | None = None
                for st in storages:
                    try:
                        st.end(commit=ok and error is None)
                    except BaseException as exc:  # keep closing the others
                        error = error or exc
                if error is not None:
                    raise error


def validate_file(path: Path) -> None:
    """Raise CorruptFileError if `path` is not a readable workspace file."""
    decode(path, path.read_bytes())
