"""Send nudges as they fall due, taking them from the store's queue.

The store is the truth and the queue: nothing about pending nudges is kept here. One job on
python-telegram-bot's JobQueue (APScheduler underneath) wakes when the soonest nudge is due, and
at least every `tick` as a safety net: it claims what is due (for `lease`, so another sender
never takes the same nudge meanwhile), sends each through `deliver`, and sets the next wake-up
from the store. A change that plans a sooner nudge pokes it. The job's misfire grace is unlimited,
so a loop that was busy when the wake-up came still runs it (APScheduler's default of one second
would silently drop it).

Memory no longer grows with pending nudges: at most one batch is held while it is sent.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from datetime import datetime, timedelta
from typing import Any

from telegram.ext import CallbackContext, JobQueue

from followup.core.model import Nudge
from followup.ops.clock import Clock
from followup.store.protocol import Repository

log = logging.getLogger(__name__)
Context = CallbackContext[Any, Any, Any, Any]
Deliver = Callable[[Context, Nudge], Coroutine[Any, Any, None]]

WAKE_JOB = "dispatch:wake"
TICK_JOB = "dispatch:tick"
# Two instances may overlap: a wake-up set for "now" by the pass still running must not be
# dropped by APScheduler (its default max_instances=1 skips it, leaving the nudge to the next
# tick); the pass under way sees it and goes round once more.
_JOB_KWARGS = {
    "misfire_grace_time": None,
    "coalesce": True,
    "replace_existing": True,
    "max_instances": 2,
}


class Dispatcher:
    """Drains the store's queue of due nudges, one pass at a time."""

    def __init__(
        self,
        jobs: JobQueue[Any],
        store: Repository,
        deliver: Deliver,
        clock: Clock,
        owner: str,
        *,
        batch: int = 100,
        sending: int = 8,
        lease: timedelta = timedelta(minutes=5),
        tick: timedelta = timedelta(seconds=30),
        active: Callable[[], bool] = lambda: True,
        after_pass: Callable[[], Coroutine[Any, Any, None]] | None = None,
    ) -> None:
        self._jobs = jobs
        self._store = store
        self._deliver = deliver
        self._clock = clock
        self.owner = owner
        self._batch = batch
        # httpx's connection pool slows down sharply with many requests in flight at once (a
        # batch of 100 at a time sent ~100/s, a handful at a time over 1,000/s); Telegram's
        # 30 msg/s limit is kept by the rate limiter, not by how many are in flight.
        self._sending = asyncio.Semaphore(sending)
        self._lease = lease
        self._tick = tick
        self._active = active
        self._after_pass = after_pass
        self._running = False
        self._again = False
        self._wake_at: datetime | None = None

    def start(self) -> None:
        """Begin: a pass now, then one at every tick and at each nudge's due time."""
        self._jobs.run_repeating(
            self._pass,
            interval=self._tick,
            first=self._tick,
            name=TICK_JOB,
            job_kwargs={"id": TICK_JOB, **_JOB_KWARGS},
        )
        # A one-off run for "now" (a repeating job added before the scheduler starts would
        # first run a whole tick later): what fell due while the bot was down goes out at once.
        self.poke(self._clock())

    @property
    def busy(self) -> bool:
        """Whether a pass is under way (its sends may still be waiting on Telegram)."""
        return self._running

    def poke(self, due: datetime) -> None:
        """A nudge is now due at `due`: wake up then, unless a wake-up comes sooner already.

        Something due already always gets a pass now: the wake-up planned may be for a moment
        the clock has passed while the loop was busy elsewhere.
        """
        if self._wake_at is not None and self._wake_at <= due and due > self._clock():
            return
        self._wake_at = due
        self._jobs.run_once(
            self._pass, when=due, name=WAKE_JOB, job_kwargs={"id": WAKE_JOB, **_JOB_KWARGS}
        )

    async def _pass(self, context: Context) -> None:
        """Claim and send everything due, then set the next wake-up from the store."""
        if not self._active():
            return
        if self._running:
            self._again = True  # a pass is under way: it goes round once more at its end
            return
        self._running = True
        try:
            while True:
                self._again = False
                await self._drain(context)
                if self._after_pass is not None:
                    await self._after_pass()
                if not self._again:  # nothing asked for a pass meanwhile
                    break
        finally:
            self._running = False

    async def _drain(self, context: Context) -> None:
        while True:
            self._again = False
            claimed = await self._store.claim_due(
                self._clock(), self._batch, self.owner, self._lease
            )
            if claimed:
                await asyncio.gather(*(self._send(context, nudge) for nudge in claimed))
            if len(claimed) < self._batch and not self._again:
                break
        self._wake_at = None
        following = await self._store.next_due()
        if following is not None:
            self.poke(max(following, self._clock()))

    async def _send(self, context: Context, nudge: Nudge) -> None:
        """Hand one nudge to `deliver`; a failure there must not stop the others."""
        try:
            async with self._sending:
                await self._deliver(context, nudge)
        except Exception:  # the pass goes on; the claim lapses and the nudge comes back
            log.exception("delivering nudge %s failed", nudge.id)
