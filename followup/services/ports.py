"""The collaborators every use case works with, built once at start and handed in as one value."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from followup.core.calendar import Place, WorkCalendar
from followup.core.model import UserSettings
from followup.core.timing import Timing
from followup.services.waker import Waker
from followup.store.protocol import Repository


@dataclass(frozen=True, slots=True)
class Ports:
    """The store, the queue to wake, the clock, the timing rules, and where users are."""

    repo: Repository
    waker: Waker
    clock: Callable[[], datetime]
    timing: Timing
    default_timezone: str
    # The working-day calendar for a stored country code (None: the operator's default).
    calendar_for: Callable[[str | None], WorkCalendar]
    # Whether weekly cards are planned at all (the operator's switch; each user has /digest).
    weekly_cards: bool = False

    def place(self, settings: UserSettings | None) -> Place:
        """Where the user is, for the rules: their zone and their working days."""
        zone = ZoneInfo(settings.timezone if settings else self.default_timezone)
        return Place(zone, self.calendar_for(settings.country if settings else None))

    async def place_of(self, user_id: int) -> Place:
        """Where this user is, read from their stored settings."""
        return self.place(await self.repo.settings(user_id))
