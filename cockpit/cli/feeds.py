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

from cockpit.cli.common import count, dump, terminal, workspace, write_out
from cockpit.cli.exits import CliError
from cockpit.core.textwidth import fit

if TYPE_CHECKING:
    from cockpit.feeds.refresh import FeedResult, Progress
    from cockpit.feeds.subscriptions import FeedList
    from cockpit.items.workspace import Workspace


def register_feeds(sub: Any) -> None:
    """Add `feeds` and its subcommands."""
    feeds = sub.add_parser("feeds", help="feed subscriptions, refresh and entries")
    fsub = feeds.add_subparsers(dest="feeds_command", metavar="ACTION", required=True)

    p = fsub.add_parser("add", help="subscribe to a feed URL")
    p.add_argument("url")
    p.add_argument("--category", default="")
    p.add_argument("--title", default="", help="default: the feed's own title")
    p.set_defaults(handler=cmd_add)

    p = fsub.add_parser("import", help="subscribe to the feeds of an OPML file")
    p.add_argument("file", type=Path, nargs="?")
    p.add_argument("--defaults", action="store_true", help="the bundled PostgreSQL list")
    p.set_defaults(handler=cmd_import)

    p = fsub.add_parser("export", help="subscriptions as OPML")
    p.add_argument("-o", "--output", type=Path)
    p.set_defaults(handler=cmd_export)

    p = fsub.add_parser("ls", help="subscriptions with their status")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_ls)

    p = fsub.add_parser("refresh", help="fetch feeds now (default: every enabled feed)")
    p.add_argument("ids", nargs="*", help="only these feed ids")
    p.add_argument("--force", action="store_true", help="also feeds backing off after errors")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_refresh)

    p = fsub.add_parser("entries", help="stored entries, newest first")
    p.add_argument("--unread", action="store_true")
    p.add_argument("--category")
    p.add_argument("--feed", type=int, help="only this feed id")
    p.add_argument("--limit", type=int, default=0, help="at most N entries")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_entries)

    for name, helptext, handler in (
        ("rm", "unsubscribe (starred entries stay)", cmd_rm),
        ("enable", "fetch these feeds again", cmd_enable),
        ("disable", "stop fetching these feeds (entries stay)", cmd_disable),
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
            raise CliError(f"{text!r} is not a feed id (ids are numbers, see `cockpit feeds ls`)")
        ids.append(int(text.lstrip("#")))
    return ids


def _guard(fn: Any, *args: Any) -> Any:
    # Imported here, for start-up time: a command loads only what it needs.
    from cockpit.feeds.subscriptions import FeedError

    try:
        return fn(*args)
    except FeedError as exc:
        raise CliError(str(exc)) from None


def _local(stamp: str | None, ws: Workspace) -> str:
    if not stamp:
        return "never"
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
    where = f" in {feed.category}" if feed.category else ""
    print(f"Subscribed #{feed.id}{where}: {feed.url} (fetched on the next refresh)")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    if (args.file is None) == (not args.defaults):
        raise CliError("give an OPML file or --defaults (not both)")
    ws = workspace(args)
    feeds = _feeds(ws)
    if args.defaults:
        added = _guard(feeds.install_defaults)
        print(f"Added {added} of the bundled feeds (guessed addresses come disabled)")
        return 0
    report = _guard(feeds.import_opml, args.file)
    added = count(report.added, "feed", "feeds")
    print(f"Imported {added} from {args.file}, skipped {report.skipped}")
    for reason in report.reasons:
        print(f"  skipped {reason}")
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
        print("No subscriptions. Add some: cockpit feeds import --defaults")
        return 0
    head = f"{'id':>4}  {'status':<8} {fit('category', 11)} {fit('title', 40)} "
    print(head + f"{'entries':>7} {'unread':>6}  last fetch")
    for f in sorted(feeds, key=lambda f: (f.category, f.title.casefold())):
        status = "off" if not f.enabled else f.status.upper() if f.status == "error" else f.status
        print(
            f"{f.id:>4}  {status:<8} {fit(f.category, 11)} {fit(f.title, 40)} "
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
        print(f"{'Enabled' if enabled else 'Disabled'} #{feed.id}: {feed.title}")
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
        print(f"Unsubscribed #{feed.id}: {feed.title}")
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
        print(f"No subscriptions yet: added the {added} bundled feeds.", file=sys.stderr)
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
    failed = f", {p.failures} failed" if p.failures else ""
    line = f"refreshing {p.done}/{p.total}{failed}  {p.current}"
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
    rest = f", {skipped} backing off (--force tries them)" if skipped else ""
    print(
        f"Refreshed {count(len(results), 'feed', 'feeds')} in {seconds:.1f} s: "
        f"{states['ok']} updated, {states['not_modified']} unchanged, {states['error']} failed"
        f"{rest}; {count(new, 'new entry', 'new entries')}"
    )


def cmd_entries(args: argparse.Namespace) -> int:
    # Imported here, for start-up time: a command loads only what it needs.
    from cockpit.feeds.store import EntryStore

    ws = workspace(args)
    store = EntryStore(ws.files)
    if args.feed is not None:
        entries = store.for_feed(args.feed)
    elif args.category:
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
        print("No entries. Fetch some: cockpit feeds refresh")
    for e in entries:
        mark = ("★" if e.starred else " ") + (" " if e.read else "•")
        print(
            f"{e.id:>6} {mark} {_local(e.published, ws)}  {fit(e.category, 10)} "
            f"{fit(e.feed, 24)} {fit(e.title, 60).rstrip()}"
        )
    return 0
