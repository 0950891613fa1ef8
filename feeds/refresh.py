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
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import BrokenExecutor, Executor
from dataclasses import asdict, dataclass, replace
from typing import Any, Protocol
from urllib.parse import urlsplit

from cockpit import __version__
from cockpit.feeds.fetch import Limits, Request, download, make_client
from cockpit.feeds.merge import Outcome, Policy, apply_outcomes
from cockpit.feeds.parse import ParsedFeed, parse_feed
from cockpit.feeds.subscriptions import Feed, FeedList
from cockpit.feeds.workers import discard, parse_executor
from cockpit.storage import WorkspaceFiles

USER_AGENT = f"cockpit/{__version__} (+feed reader)"


class FeedConfig(Protocol):
    """The part of `cockpit.config.Config` that refreshing reads."""

    feeds_concurrency: int
    feeds_per_host: int
    feeds_keep: int
    feeds_max_bytes: int
    feeds_timeout: float


@dataclass
class FetchSettings:
    """How a refresh fetches, parses and keeps."""

    concurrency: int = 16
    """Downloads at once."""
    per_host: int = 4
    """Downloads at once from one host."""
    timeout: float = 10.0
    """Connect and read timeout, seconds."""
    total_timeout: float = 60.0
    """Whole-download deadline, seconds (a trickling server trips no read timeout)."""
    max_bytes: int = 10_000_000
    """Cap on a feed's decoded size."""
    max_redirects: int = 5
    keep: int = 200
    """Newest entries kept per feed (plus every starred one)."""
    backoff_base: float = 300.0
    """Seconds a feed rests after its first failure; doubles per further failure."""
    backoff_max: float = 86_400.0
    parse_processes: int = 0
    """0: parse in one background thread; N: in a pool of N processes."""
    commit_interval: float = 0.5
    """Seconds between commits while feeds keep arriving: each commit rewrites
    `entries.json`, so feeds land in a few batches instead of one write each."""
    user_agent: str = USER_AGENT

    @classmethod
    def from_config(cls, config: FeedConfig) -> FetchSettings:
        """Settings from the `[feeds]` table of the config."""
        return cls(
            concurrency=config.feeds_concurrency,
            per_host=config.feeds_per_host,
            timeout=config.feeds_timeout,
            max_bytes=config.feeds_max_bytes,
            keep=config.feeds_keep,
        )

    def limits(self) -> Limits:
        return Limits(self.timeout, self.total_timeout, self.max_bytes, self.max_redirects)

    def policy(self) -> Policy:
        return Policy(self.keep, self.backoff_base, self.backoff_max)


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
        self.committer = _Committer(files, settings, now)

    async def all(self, feeds: list[Feed]) -> None:
        connections = self.settings.concurrency
        client = await asyncio.to_thread(
            make_client, self.settings.user_agent, self.settings.limits(), connections
        )
        async with client:
            await asyncio.gather(*(self.one(client, feed) for feed in feeds))
        new = await self.committer.close()
        for feed_id, count in new.items():
            self.results[feed_id].new_entries = count
        self.report(self.progress)

    async def one(self, client: Any, feed: Feed) -> None:
        parts = urlsplit(feed.url)
        async with self.hosts[f"{parts.hostname}:{parts.port}"], self.slots:
            request = Request(feed.url, feed.etag, feed.last_modified)
            got = await download(client, request, self.settings.limits())
        outcome = Outcome(feed.id, got.status, got.error, got.etag, got.last_modified)
        outcome.retry_after, outcome.bytes, outcome.elapsed = (
            got.retry_after,
            got.bytes,
            got.elapsed,
        )
        title = feed.title
        if got.status == "ok":
            parsed = await self.parse(got.body, got.content_type, got.url)
            if parsed.is_feed:
                outcome.parsed = parsed
                title = parsed.title if feed.auto_title and parsed.title else feed.title
            else:
                outcome.status, outcome.error = "error", parsed.problem
        self.committer.push(outcome)
        result = FeedResult(feed.id, feed.url, title, outcome.status, outcome.error)
        result.bytes, result.elapsed = got.bytes, round(got.elapsed, 3)
        self.results[feed.id] = result
        self.progress.done += 1
        self.progress.failures += outcome.status == "error"
        self.progress.current = feed.title
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


class _Committer:
    """Merges finished feeds into storage in a thread, one batch at a time."""

    def __init__(self, files: WorkspaceFiles, settings: FetchSettings, now: dt.datetime) -> None:
        self.files, self.now = files, now
        self.policy, self.interval = settings.policy(), settings.commit_interval
        self.pending: list[Outcome] = []
        self.task: asyncio.Task[None] | None = None
        self.new: dict[int, int] = {}
        self.error: BaseException | None = None
        self.closing = asyncio.Event()
        self.last = asyncio.get_running_loop().time()

    def push(self, outcome: Outcome) -> None:
        self.pending.append(outcome)
        if self.task is None:
            self.task = asyncio.create_task(self._drain())

    async def _drain(self) -> None:
        loop = asyncio.get_running_loop()
        try:
            while self.pending:
                wait = self.last + self.interval - loop.time()
                if wait > 0 and not self.closing.is_set():
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self.closing.wait(), wait)
                batch, self.pending = self.pending, []
                self.last = loop.time()
                new = await asyncio.to_thread(
                    apply_outcomes, self.files, batch, self.now, self.policy
                )
                self.new.update(new)
        except Exception as exc:  # kept for `close`, which re-raises it
            self.error = self.error or exc
        finally:
            self.task = None

    async def close(self) -> dict[int, int]:
        """Commit what is pending now; re-raises a storage error."""
        self.closing.set()
        while self.task is not None:
            await self.task
        if self.error is not None:
            raise self.error
        return self.new


def refresh_sync(
    files: WorkspaceFiles,
    settings: FetchSettings,
    now: dt.datetime,
    **options: Any,
) -> list[FeedResult]:
    """`refresh_feeds` for callers without an event loop (the CLI)."""
    return asyncio.run(refresh_feeds(files, settings, now, **options))
