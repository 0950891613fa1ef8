"""The finder's index over the whole workspace, rebuilt only where files changed.

The archive, the planning file and the feed entries (the bulk) are cached by file
stamp, so opening the finder after a keypress only re-reads the hot file and customers.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from cockpit.core.i18n import language, t
from cockpit.feeds.store import EntryStore
from cockpit.find.records import Record, customer_records, entry_records, item_records
from cockpit.find.search import SearchIndex, Segment
from cockpit.items.workspace import Workspace
from cockpit.planning.launches import all_launches
from cockpit.planning.requirements import all_requirements
from cockpit.storage import StorageError


def search_records(ws: Workspace) -> list[Record]:
    """Requirements and launches for the global finder (kinds "requirement", "launch")."""
    out = []
    for r in all_requirements(ws):
        kano = t(f"req.kano.{r.kano}") if r.kano else ""
        shown = [f"#{r.id}", t(f"req.status.{r.status}"), kano, r.priority, r.customer, r.release]
        detail = " ".join(" ".join(shown).split())
        out.append(
            Record(
                "requirement",
                r.id,
                r.title,
                detail,
                # The ids too (`status:reviewed`, "must-be"), the owner and the notes.
                extra=f"{detail} {r.status} {r.kano} {r.owner} {r.notes[:300]}",
                customer=r.customer,
                status=r.status,
                names=f"{r.customer} {r.owner}",
            )
        )
    out += [
        Record("launch", la.id, la.name, t("find.launch", date=la.golive))
        for la in all_launches(ws)
    ]
    return out


_SEGMENTS: dict[tuple[str, str, str], tuple[object, Segment]] = {}


def _cached(ws: Workspace, name: str, build: Callable[[], Segment]) -> Segment:
    """A segment reused while its file is unchanged (keyed by workspace and file stamp)."""
    key = (str(ws.root), name, language())  # details are worded in the UI's language
    stamp = ws.files.stamps(name)[name]
    hit = _SEGMENTS.get(key)
    if hit is not None and hit[0] == stamp and stamp is not None:
        return hit[1]
    segment = build()
    _SEGMENTS[key] = (stamp, segment)
    return segment


def build_index(ws: Workspace) -> SearchIndex:
    """Everything searchable, as of now (see the module's docstring for the caching)."""
    segments = [Segment(item_records(ws.items()) + customer_records(ws.customers.all()))]
    segments.append(_cached(ws, "planning", lambda: Segment(search_records(ws))))
    # A damaged archive must not take the finder down; the CLI reports it.
    with contextlib.suppress(StorageError):
        segments.append(
            _cached(ws, "archive", lambda: Segment(item_records(ws.archived(), archived=True)))
        )
    store = EntryStore(ws.files)
    segments.append(
        _cached(
            ws,
            "entries",
            lambda: Segment(entry_records((e.id, e.title, e.feed) for e in store.all())),
        )
    )
    return SearchIndex(segments)


def entries_index(ws: Workspace) -> SearchIndex:
    """Feed entries only (the reading screen's `/`)."""
    store = EntryStore(ws.files)
    return SearchIndex(
        [
            _cached(
                ws,
                "entries",
                lambda: Segment(entry_records((e.id, e.title, e.feed) for e in store.all())),
            )
        ]
    )
