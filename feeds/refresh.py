"""Refreshing feeds: fetch concurrently, parse off the loop, commit in batches.

`refresh_feeds` is awaited on the TUI's event loop, so the loop only ever does network
I/O and bookkeeping. Everything that costs CPU or touches files runs elsewhere:

- building the httpx client (loading the CA bundle) and reading `feeds.json`: a thread;
- feedparser + sanitising: one background thread (or a process pool, see
  `FetchSettings.parse_processes`): one thread, not several, because parsing is pure
  Python and holds the GIL; more threads would only take turns with the UI;
- storage: a thread running `merge.apply_outcomes` on batches of finished feeds, with
  its own `WorkspaceFiles`, so the UI's cached copies are never seen half-merged.

Concurrency is bounded twice: `concurrency` downloads at once, `per_host` per host.
Each host gets a client (a connection pool) of its own: httpcore's pool looks at every
connection it holds, polling each socket, whenever a request starts or ends, so one
pool of 60 connections cost ~0.1 s of the loop's time per refresh; pools of at most
`per_host` cost a tenth of that.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import functools
import hashlib
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import BrokenExecutor, Executor
from dataclasses import asdict, dataclass, replace
from typing import Any
from urllib.parse import urlsplit

from cockpit.feeds.committer import Committer
from cockpit.feeds.merge import Outcome
from cockpit.feeds.parse import ParsedFeed, parse_feed
from cockpit.feeds.sanitize import clean_text
from cockpit.feeds.settings import FetchSettings
from cockpit.feeds.subscriptions import Feed, FeedList
from cockpit.feeds.workers import discard, parse_executor
from cockpit.storage import WorkspaceFiles

__all__ = ["FeedResult", "FetchSettings", "Progress", "refresh_feeds", "refresh_sync"]


@dataclass
class Progress:
    """How far a refresh is (reported after every feed)."""

    done: int
    total: int
    failures: int
    current: str
    """Title of the feed that just finished."""


@dataclass
class FeedResult:
    """What happened to one feed."""

    feed_id: int
    url: str
    title: str
    status: str  # "ok" | "not_modified" | "error" | "skipped"
    error: str = ""
    new_entries: int = 0
    bytes: int = 0
    elapsed: float = 0.0

    def public(self) -> dict[str, Any]:
        """JSON form for `cockpit feeds refresh --json`."""
        return asdict(self)


def choose(feeds: list[Feed], feed_ids: list[int] | None) -> list[Feed]:
    """The feeds a refresh covers: the named ones (even disabled), else every enabled one."""
    if feed_ids is None:
        return [f for f in feeds if f.enabled]
    wanted = set(feed_ids)
    return [f for f in feeds if f.id in wanted]


def resting(feed: Feed, now: dt.datetime) -> bool:
    """True while a failing feed backs off."""
    if not feed.next_retry:
        return False
    try:
        return dt.datetime.fromisoformat(feed.next_retry) > now
    except ValueError:
        return False


async def refresh_feeds(
    files: WorkspaceFiles,
    settings: FetchSettings,
    now: dt.datetime,
    *,
    feed_ids: list[int] | None = None,
    force: bool = False,
    on_progress: Callable[[Progress], None] | None = None,
) -> list[FeedResult]:
    """Fetch, parse and store the chosen feeds; one result per feed, in feed order.

    Feeds backing off after failures are "skipped" unless `force`. Storage errors
    (a corrupt file, a lock held too long) propagate; network errors never do.
    """
    own = WorkspaceFiles(files.root)  # see the module docstring
    now = now.astimezone(dt.UTC)
    chosen = choose(await asyncio.to_thread(FeedList(own).all), feed_ids)
    results: dict[int, FeedResult] = {}
    due = []
    for feed in chosen:
        if force or not resting(feed, now):
            due.append(feed)
        else:
            reason = f"backing off after {feed.failures} failures until {feed.next_retry}"
            results[feed.id] = FeedResult(feed.id, feed.url, feed.title, "skipped", reason)
    progress = Progress(len(results), len(chosen), 0, "")

    def report(now_at: Progress) -> None:
        if on_progress is not None:  # a copy: receivers may keep it
            on_progress(replace(now_at))

    report(progress)
    if due:
        run = _Run(own, settings, now, progress, report, results)
        await run.all(due)
    return [results[f.id] for f in chosen]


class _Run:
    """The state of one refresh."""

    def __init__(
        self,
        files: WorkspaceFiles,
        settings: FetchSettings,
        now: dt.datetime,
        progress: Progress,
        report: Callable[[Progress], None],
        results: dict[int, FeedResult],
    ) -> None:
        self.settings = settings
        self.fetched = now.replace(microsecond=0).isoformat()
        self.progress, self.report, self.results = progress, report, results
        self.slots = asyncio.Semaphore(settings.concurrency)
        self.hosts: dict[str, asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(settings.per_host)
        )
        self.executor: Executor = parse_executor(settings.parse_processes)
        self.committer = Committer(files, settings.policy(), settings.commit_interval, now)

    async def all(self, feeds: list[Feed]) -> None:
        hosts = sorted({_host(feed.url) for feed in feeds})
        clients = await asyncio.to_thread(_clients, self.settings, hosts)
        self.limits = self.settings.limits()
        async with contextlib.AsyncExitStack() as stack:
            for client in clients.values():
                await stack.enter_async_context(client)
            await asyncio.gather(*(self.one(clients[_host(feed.url)], feed) for feed in feeds))
        new = await self.committer.close()
        for feed_id, count in new.items():
            self.results[feed_id].new_entries = count
        self.report(self.progress)

    async def one(self, client: Any, feed: Feed) -> None:
        """Fetch, parse and hand one feed to the committer; report progress.

        Whatever goes wrong with one feed stays on that feed: an exception nobody
        foresaw becomes its error, and the other feeds and the refresh carry on.
        """
        try:
            await self._one(client, feed)
        except Exception as exc:
            outcome = Outcome(feed.id, "error", f"refresh failed: {type(exc).__name__}")
            self.committer.push(outcome)
            self._done(FeedResult(feed.id, feed.url, feed.title, "error", outcome.error))

    async def _one(self, client: Any, feed: Feed) -> None:
        # Imported on first use, for start-up time: httpx costs ~60 ms.
        from cockpit.net.download import Request, download  # loaded by `_clients`

        async with self.hosts[_host(feed.url)], self.slots:
            request = Request(feed.url, feed.etag, feed.last_modified)
            got = await download(client, request, self.limits)
        outcome = Outcome(
            feed.id,
            got.status,
            got.error,
            got.etag,
            got.last_modified,
            retry_after=got.retry_after,
            bytes=got.bytes,
            elapsed=got.elapsed,
        )
        title = feed.title
        if got.status == "ok":
            outcome.body_hash = await _digest(got.body)
            if outcome.body_hash == feed.body_hash:
                outcome.status = "not_modified"  # same bytes as last time: nothing to parse
        if outcome.status == "ok":
            parsed = await self.parse(got.body, got.content_type, got.url)
            if parsed.is_feed:
                outcome.parsed = parsed
                title = parsed.title if feed.auto_title and parsed.title else feed.title
            else:
                outcome.status, outcome.error = "error", parsed.problem
        self.committer.push(outcome)
        result = FeedResult(feed.id, feed.url, title, outcome.status, clean_text(outcome.error))
        result.bytes, result.elapsed = got.bytes, round(got.elapsed, 3)
        self._done(result)

    def _done(self, result: FeedResult) -> None:
        self.results[result.feed_id] = result
        self.progress.done += 1
        self.progress.failures += result.status == "error"
        self.progress.current = result.title
        self.report(self.progress)

    async def parse(self, body: bytes, content_type: str, url: str) -> ParsedFeed:
        loop = asyncio.get_running_loop()
        call = functools.partial(parse_feed, body, content_type, url, self.fetched)
        try:
            return await loop.run_in_executor(self.executor, call)
        except BrokenExecutor:  # a worker died (out of memory?): a fresh pool next time
            discard(self.executor)
            self.executor = parse_executor(self.settings.parse_processes)
            return ParsedFeed(is_feed=False, problem="the parser crashed on this feed")
        except Exception as exc:  # a parser crash must stay on this one feed
            return ParsedFeed(is_feed=False, problem=f"cannot parse: {type(exc).__name__}")


def _host(url: str) -> str:
    """The per-host slot of `url` (a stored address that no longer parses gets one of
    its own: the downloader then says what is wrong with it)."""
    try:
        parts = urlsplit(url)
        return f"{parts.hostname}:{parts.port}"
    except ValueError:
        return url


async def _digest(body: bytes) -> str:
    """A digest of a body; large ones hashed in a thread (hashlib releases the GIL)."""
    if len(body) > 256_000:
        return await asyncio.to_thread(_sha1, body)
    return _sha1(body)


def _sha1(body: bytes) -> str:
    return hashlib.sha1(body).hexdigest()[:20]


def _clients(settings: FetchSettings, hosts: list[str]) -> dict[str, Any]:
    """An httpx client per host, built in a thread: importing httpx (~70 ms) and
    loading the CA bundle (~20 ms, once: the clients share it) must not happen on the
    event loop."""
    # Imported on first use, for start-up time: httpx costs ~60 ms.
    from cockpit.net.download import make_client

    limits, connections = settings.limits(), min(settings.per_host, settings.concurrency)
    return {host: make_client(settings.user_agent, limits, connections) for host in hosts}


def refresh_sync(
    files: WorkspaceFiles,
    settings: FetchSettings,
    now: dt.datetime,
    **options: Any,
) -> list[FeedResult]:
    """`refresh_feeds` for callers without an event loop (the CLI)."""
    return asyncio.run(refresh_feeds(files, settings, now, **options))
