"""Keys typed ahead land where the user meant them, in the order they were typed.

Textual hands each key to whatever has the focus *when the app reads the key*; what the
key then does (open a form, move the focus, submit and close a form) happens later, in
other widgets' message queues. Typed fast — `a`, a title and `enter` in one burst, or
`tab` and text in a form — the later keys were read before the earlier ones had acted,
so they went to the screen underneath (`u` undid an unrelated change, `enter` opened
another item's form) or to the field the cursor had just left.

`TypeAhead` makes the app take keys (and pastes) one at a time: after a key is handed
on, the next waits until the app is quiet — every widget mounted (a form that opens is
composed and focused) and every widget's message queue drained (a submit has closed its
form) — then goes to whatever has the focus by then. Waiting costs nothing when keys
come slower than the app handles them, which is the normal case; a key is never held
longer than `MAX_WAIT` (a widget that keeps itself busy must not swallow the keyboard).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any

from textual import events
from textual.app import App

MAX_WAIT = 3.0  # seconds a key may wait for the app to settle (load, a slow screen)
RETRY = 0.004  # seconds between checks while a screen is still being built

Deliver = Callable[[events.Event], Awaitable[None]]


def is_typed(event: events.Event) -> bool:
    """A key press or a paste straight from the terminal (not yet handed on)."""
    return isinstance(event, events.Key | events.Paste) and not event.is_forwarded


class TypeAhead:
    """Serialises the terminal's keys and pastes for `app`.

    The app calls `hold(event)` for each event it reads: True means the event waits
    here; otherwise the app handles it at once and then calls `handled()`. `deliver`
    is the app's normal handling (Textual's `App.on_event`).
    """

    def __init__(self, app: App[Any], deliver: Deliver) -> None:
        self.app = app
        self.deliver = deliver
        self.waiting: deque[events.Event] = deque()
        # Busy from the start: keys typed while the first screen is still being built
        # wait for it instead of going to Textual's empty default screen.
        self.busy = True
        self.deadline = time.monotonic() + MAX_WAIT

    def hold(self, event: events.Event) -> bool:
        """Keep `event` back when an earlier key has not finished acting yet."""
        if not is_typed(event):
            return False
        if self.busy or self.waiting:
            self.waiting.append(event)
            return True
        return False

    def handled(self) -> None:
        """A key was handed on: the next one waits until the app settled."""
        self.busy = True
        self.deadline = time.monotonic() + MAX_WAIT
        # At the back of the app's queue: behind every callback the key scheduled.
        self.app.call_later(self._check, False)

    async def _check(self, confirmed: bool) -> None:
        if not self._quiet() and time.monotonic() < self.deadline:
            self.app.set_timer(RETRY, partial(self._check, False))
            return
        if not confirmed and time.monotonic() < self.deadline:
            # Quiet now; once more after what the app has queued meanwhile (a focus
            # change is a callback on the app's own queue, run after widgets mount).
            self.app.call_later(self._check, True)
            return
        self.busy = False
        if self.waiting:
            event = self.waiting.popleft()
            await self.deliver(event)
            self.handled()

    def _quiet(self) -> bool:
        """Every widget mounted and none with messages still to handle, and no form
        waiting for its save (it closes once stored: keys typed after `enter` belong
        to what comes after it, not to the form)."""
        if getattr(self.app, "forms_saving", 0):
            return False
        for node in list(self.app._registry):
            if node._closing or node._closed:
                continue
            if not node._is_mounted or not node._message_queue.empty():
                return False
        return True
