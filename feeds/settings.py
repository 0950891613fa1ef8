"""How a refresh fetches, parses and keeps: `FetchSettings`, built from the config.

Re-exported by `cockpit.feeds.refresh`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from cockpit import __version__
from cockpit.core.settings import FeedSettings
from cockpit.feeds.merge import Policy

if TYPE_CHECKING:
    from cockpit.net.download import Limits

USER_AGENT = f"cockpit/{__version__} (+feed reader)"


class FeedConfig(Protocol):
    """The part of `cockpit.core.config.Config` that refreshing reads."""

    @property
    def feeds(self) -> FeedSettings: ...


@dataclass
class FetchSettings:
    """How a refresh fetches, parses and keeps."""

    concurrency: int = 32
    """Downloads at once (see `cockpit.core.settings.FeedSettings.concurrency`)."""
    per_host: int = 8
    """Downloads at once from one host (see `cockpit.core.settings.FeedSettings.per_host`)."""
    timeout: float = 10.0
    """Connect and read timeout, seconds."""
    total_timeout: float | None = None
    """Whole-download deadline, seconds; None: `timeout` — `[feeds] timeout = 10` means
    a feed gets 10 s in all (a trickling server trips no read timeout, this stops it)."""
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
        feeds = config.feeds
        return cls(
            concurrency=feeds.concurrency,
            per_host=feeds.per_host,
            timeout=feeds.timeout,
            max_bytes=feeds.max_bytes,
            keep=feeds.keep,
            parse_processes=auto_processes(feeds.parse_processes),
        )

    def limits(self) -> Limits:
        """The per-download limits (imports httpx: call it off the event loop first)."""
        # Imported on first use, for start-up time: httpx costs ~60 ms.
        from cockpit.net.download import Limits

        return Limits(self.timeout, self.total_timeout, self.max_bytes, self.max_redirects)

    def policy(self) -> Policy:
        """Retention and back-off rules for the merge."""
        return Policy(self.keep, self.backoff_base, self.backoff_max)


def auto_processes(setting: int) -> int:
    """`-1` (auto): two parse processes when there are two cores or more, else a thread.

    Measured on 2 cores with 60 feeds x 100 entries (bench/feeds_bench.py): a first
    refresh takes 1.07 s with two processes against 1.86 s with one thread, and keys
    stay more responsive (p95 12.6 ms against 22.9 ms), because parsing no longer
    competes with the UI thread for the GIL.
    """
    if setting >= 0:
        return setting
    return 2 if (os.cpu_count() or 1) >= 2 else 0
