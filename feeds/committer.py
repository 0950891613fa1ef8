"""Batched commits of refresh outcomes, from the event loop to a storage thread.

Each commit rewrites `entries.json` (megabytes for 60 busy feeds), so outcomes are
collected and merged at most every `interval` seconds while feeds keep arriving; the
last batch goes as soon as the refresh is done. Must be created on the running loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt

from cockpit.feeds.merge import Outcome, Policy, apply_outcomes
from cockpit.storage import WorkspaceFiles


class Committer:
    """Merges finished feeds into storage in a thread, one batch at a time."""

    def __init__(
        self, files: WorkspaceFiles, policy: Policy, interval: float, now: dt.datetime
    ) -> None:
        self.files, self.now = files, now
        self.policy, self.interval = policy, interval
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
