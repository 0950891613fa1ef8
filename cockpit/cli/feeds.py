"""`cockpit feeds add|import|export|ls|refresh|entries|rm|enable|disable`.

Feed modules (httpx, feedparser) are imported inside the handlers: registering these
commands must not slow down `cockpit add`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cockpit.cli.common import dump, terminal, workspace, write_out
from cockpit.cli.exits import CliError
from cockpit.core.i18n import t
from cockpit.core.textwidth import cell_width, fit
from cockpit.feeds.categories import canonical
from cockpit.feeds.categories import shown as shown_category

if TYPE_CHECKING:
    from cockpit.feeds.refresh import FeedResult, Progress
    from cockpit.feeds.subscriptions import FeedList
    from cockpit.items.workspace import Workspace


def register_feeds(sub: Any) -> None:
    """Add `feeds` and its subcommands."""
    feeds = sub.add_parser("feeds", help="help.feeds")
    fsub = feeds.add_subparsers(dest="feeds_command", metavar="ACTION", required=True)

    p = fsub.add_parser("add", help="help.feeds.add")
    p.add_argument("url")
    p.add_argument("--category", default="")
    p.add_argument("--title", default="", help="help.feeds.add.title")
    p.set_defaults(handler=cmd_add)

    p = fsub.add_parser("import", help="help.feeds.import")
    p.add_argument("file", type=Path, nargs="?")
    p.add_argument("--defaults", action="store_true", help="help.feeds.import.defaults")
    p.set_defaults(handler=cmd_import)

    p = fsub.add_parser("export", help="help.feeds.export")
    p.add_argument("-o", "--output", type=Path)
    p.set_defaults(handler=cmd_export)

    p = fsub.add_parser("ls", help="help.feeds.ls")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_ls)

    p = fsub.add_parser("refresh", help="help.feeds.refresh")
    p.add_argument("ids", nargs="*", help="help.feeds.refresh.ids")
    p.add_argument("--force", action="store_true", help="help.feeds.refresh.force")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_refresh)

    p = fsub.add_parser("entries", help="help.feeds.entries")
    p.add_argument("--unread", action="store_true")
    p.add_argument("--category")
    p.add_argument("--feed", type=int, help="help.feeds.entries.feed")
    p.add_argument("--limit", type=int, default=0, help="help.feeds.entries.limit")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_entries)

    for name, helptext, handler in (
        ("rm", "help.feeds.rm", cmd_rm),
        ("enable", "help.feeds.enable", cmd_enable),
        ("disable", "help.feeds.disable", cmd_disable),
    ):
        p = fsub.add_parser(name, help=helptext)
        p.add_argument("ids", nargs="+")
        p.set_defaults(handler=handler)


# helpers ------------------------------------------------------------------------------
def _feeds(ws: Workspace) -> FeedList:
    # Imported here, for start-up time: a command loads only what it needs.
    from cockpit.feeds.subscriptions import FeedList

    return FeedList(ws.files)


def _ids(raw: list[str]) -> list[int]:
    ids = []
    for text in raw:
        if not text.lstrip("#").isdigit():
            raise CliError("err.feed.id", text=text)
        ids.append(int(text.lstrip("#")))
    return ids


def _guard(fn: Any, *args: Any) -> Any:
    # Imported here, for start-up time: a command loads only what it needs.
    from cockpit.feeds.subscriptions import FeedError

    try:
        return fn(*args)
    except FeedError as exc:
        raise CliError(exc.key, **exc.fields) from None


def _right(text: str, width: int) -> str:
    """`text` right-aligned in `width` terminal cells (CJK counts two)."""
    return " " * max(width - cell_width(text), 0) + text


def _local(stamp: str | None, ws: Workspace) -> str:
    if not stamp:
        return t("cli.feeds.never")
    try:
        return dt.datetime.fromisoformat(stamp).astimezone(ws.clock.tz).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp[:16]


def _dump(rows: list[dict[str, Any]]) -> None:
    dump(rows)


# subscriptions --------------------------------------------------------------------------
def cmd_add(args: argparse.Namespace) -> int:
    ws = workspace(args)
    feed = _guard(_feeds(ws).add, args.url, args.category, args.title)
    where = t("cli.feeds.in", category=shown_category(feed.category)) if feed.category else ""
    print(t("cli.feeds.subscribed", id=feed.id, where=where, url=feed.url))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    if (args.file is None) == (not args.defaults):
        raise CliError("err.feed.opml_or_defaults")
    ws = workspace(args)
    feeds = _feeds(ws)
    if args.defaults:
        added = _guard(feeds.install_defaults)
        print(t("cli.feeds.defaults", n=added))
        return 0
    report = _guard(feeds.import_opml, args.file)
    print(t("cli.feeds.imported", n=report.added, path=args.file, skipped=report.skipped))
    for reason in report.reasons:
        print("  " + t("cli.feeds.skipped", reason=reason))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    ws = workspace(args)
    data = _feeds(ws).export_opml(ws.clock.now())
    write_out(data.decode("utf-8"), args.output)
    return 0


def cmd_ls(args: argparse.Namespace) -> int:
    # Imported here, for start-up time: a command loads only what it needs.
    from cockpit.feeds.store import EntryStore

    ws = workspace(args)
    feeds = _feeds(ws).all()
    unread = EntryStore(ws.files).unread_counts_by_feed()
    if args.json:
        _dump([dict(f.public(), unread=unread.get(f.id, 0)) for f in feeds])
        return 0
    if not feeds:
        print(t("cli.feeds.none"))
        return 0
    head = f"{'id':>4}  {fit(t('cli.feeds.h.status'), 8)} {fit(t('cli.feeds.h.category'), 11)} "
    head += f"{fit(t('cli.feeds.h.title'), 40)} {_right(t('cli.feeds.h.entries'), 7)} "
    print(head + f"{_right(t('cli.feeds.h.unread'), 6)}  {t('cli.feeds.h.last')}")
    for f in sorted(feeds, key=lambda f: (f.category, f.title.casefold())):
        status = "off" if not f.enabled else f.status
        shown = t(f"cli.feeds.status.{status}")
        print(
            f"{f.id:>4}  {fit(shown, 8)} {fit(shown_category(f.category), 11)} {fit(f.title, 40)} "
            f"{f.entries:>7} {unread.get(f.id, 0):>6}  {_local(f.last_fetch, ws)}"
        )
        if f.status == "error" and f.error:
            print(f"{'':>14}{f.error}")
    return 0


def _set_enabled(args: argparse.Namespace, enabled: bool) -> int:
    ws = workspace(args)
    feeds = _feeds(ws)
    ids = _ids(args.ids)
    for feed_id in ids:
        _guard(feeds.get, feed_id)  # check all before changing any
    for feed_id in ids:
        feed = feeds.set_enabled(feed_id, enabled)
        print(
            t(
                "cli.feeds.enabled" if enabled else "cli.feeds.disabled",
                id=feed.id,
                title=feed.title,
            )
        )
    return 0


def cmd_enable(args: argparse.Namespace) -> int:
    return _set_enabled(args, True)


def cmd_disable(args: argparse.Namespace) -> int:
    return _set_enabled(args, False)


def cmd_rm(args: argparse.Namespace) -> int:
    ws = workspace(args)
    feeds = _feeds(ws)
    ids = _ids(args.ids)
    for feed_id in ids:
        _guard(feeds.get, feed_id)
    for feed_id in ids:
        feed = feeds.remove(feed_id)
        print(t("cli.feeds.removed", id=feed.id, title=feed.title))
    return 0


# refresh and entries ----------------------------------------------------------------------
def cmd_refresh(args: argparse.Namespace) -> int:
    # Imported here, for start-up time: a command loads only what it needs.
    from cockpit.feeds.refresh import FetchSettings, refresh_sync

    ws = workspace(args)
    feeds = _feeds(ws)
    ids = _ids(args.ids) or None
    for feed_id in ids or []:
        _guard(feeds.get, feed_id)
    if ids is None and not feeds.all():
        added = feeds.install_defaults()
        print(t("cli.feeds.first", n=added), file=sys.stderr)
    show = _progress if sys.stderr.isatty() else None
    began = dt.datetime.now()
    settings = FetchSettings.from_config(ws.config)
    results = refresh_sync(
        ws.files, settings, ws.clock.now(), feed_ids=ids, force=args.force, on_progress=show
    )
    if show is not None:
        terminal().write("\r\x1b[K")
        terminal().flush()
    if args.json:
        _dump([r.public() for r in results])
        return 0
    _summary(results, (dt.datetime.now() - began).total_seconds())
    return 0


def _progress(p: Progress) -> None:
    failed = t("cli.feeds.progress_failed", n=p.failures) if p.failures else ""
    line = t("cli.feeds.progress", done=p.done, total=p.total, failed=failed, current=p.current)
    terminal().write("\r\x1b[K")  # our own control sequence: clear the line
    sys.stderr.write(fit(line, 78).rstrip())  # feed titles: through the sanitiser
    sys.stderr.flush()


def _summary(results: list[FeedResult], seconds: float) -> None:
    states = {s: sum(r.status == s for r in results) for s in ("ok", "not_modified", "error")}
    skipped = sum(r.status == "skipped" for r in results)
    new = sum(r.new_entries for r in results)
    for r in results:
        if r.status == "error":
            print(f"  ✗ #{r.feed_id} {r.title}: {r.error}")
    rest = t("cli.feeds.backing_off", n=skipped) if skipped else ""
    print(
        t(
            "cli.feeds.refreshed",
            n=len(results),
            seconds=f"{seconds:.1f}",
            ok=states["ok"],
            same=states["not_modified"],
            failed=states["error"],
            rest=rest,
            new=new,
        )
    )


def cmd_entries(args: argparse.Namespace) -> int:
    # Imported here, for start-up time: a command loads only what it needs.
    from cockpit.feeds.store import EntryStore

    ws = workspace(args)
    store = EntryStore(ws.files)
    if args.feed is not None:
        entries = store.for_feed(args.feed)
    elif args.category:
        args.category = canonical(args.category)
        entries = store.for_category(args.category)
    else:
        entries = store.all()
    if args.category:
        entries = [e for e in entries if e.category == args.category]
    if args.unread:
        entries = [e for e in entries if not e.read]
    if args.limit > 0:
        entries = entries[: args.limit]
    if args.json:
        _dump([e.public() for e in entries])
        return 0
    if not entries:
        print(t("cli.feeds.no_entries"))
    for e in entries:
        mark = ("★" if e.starred else " ") + (" " if e.read else "•")
        print(
            f"{e.id:>6} {mark} {_local(e.published, ws)}  {fit(shown_category(e.category), 10)} "
            f"{fit(e.feed, 24)} {fit(e.title, 60).rstrip()}"
        )
    return 0
