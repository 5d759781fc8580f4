"""The one wall clock of the tests: time-machine moves it, so the bot and APScheduler see it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import time_machine

from followup.ops.clock import utc_now

if TYPE_CHECKING:
    from telegram.ext import Application

# A Wednesday afternoon in London (GMT in November), so "just now" is inside working hours.
START = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)
LONDON = ZoneInfo("Europe/London")


def london(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    """A moment of 2026 on London's clock."""
    return datetime(2026, month, day, hour, minute, tzinfo=LONDON)


class Clock:
    """Stopped at START by the test, ticking in between; the bot's clock is this object."""

    def __init__(self, traveller: time_machine.Traveller) -> None:
        self.traveller = traveller
        self.bot: Application | None = None  # type: ignore[type-arg]

    def __call__(self) -> datetime:
        return utc_now()

    def advance(self, **delta: float) -> datetime:
        """Move forward by a timedelta's worth (days=2, minutes=5…); the scheduler is not woken."""
        self.traveller.shift(timedelta(**delta))
        return utc_now()

    def go(self, when: datetime, *, wake: bool = True) -> None:
        """Set the clock; with a bot running, wake its scheduler so due jobs run now.

        wake=False leaves the scheduler asleep until its own next wake-up, as when the clock moves
        on while nothing in the bot is looking.
        """
        self.traveller.move_to(when)
        if wake and self.bot is not None and self.bot.job_queue is not None:
            self.bot.job_queue.scheduler.wakeup()
