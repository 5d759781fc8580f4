"""The world the service stories run in: the in-memory repository, a fixed clock, a waker that
listens, and Ann in London (England's holidays)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from followup.core.model import Interview, UserSettings, new_id
from followup.core.timing import load_timing
from followup.core.workdays import user_calendar
from followup.services.planning import save_and_replan
from followup.services.ports import Ports
from tests.support.memory import MemoryRepository

# A Wednesday afternoon in London (GMT in November): inside working hours.
NOW = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)
ANN = 1001
BOB = 2002


@dataclass
class Clock:
    """The time the services see; a test moves it on by hand."""

    now: datetime = NOW

    def __call__(self) -> datetime:
        return self.now

    def go(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class ListeningWaker:
    """Remembers every wake-up asked for."""

    pokes: list[datetime] = field(default_factory=list)

    def poke(self, due: datetime) -> None:
        self.pokes.append(due)


LogInterview = Callable[..., Awaitable[Interview]]


@dataclass
class World:
    """Everything a story needs, built fresh for each test."""

    repo: MemoryRepository = field(default_factory=MemoryRepository)
    waker: ListeningWaker = field(default_factory=ListeningWaker)
    clock: Clock = field(default_factory=Clock)
    ann: UserSettings = field(
        default_factory=lambda: UserSettings(
            ANN, ANN, "Europe/London", zone_confirmed=True, country="GB-ENG", sender_name="Ann"
        )
    )

    @property
    def ports(self) -> Ports:
        return Ports(
            self.repo, self.waker, self.clock, load_timing(), "Europe/London", user_calendar
        )

    async def log_interview(self, user_id: int = ANN, **fields: Any) -> Interview:
        """Save an interview (debriefed, an hour ago unless told) and plan its nudges."""
        values: dict[str, Any] = {
            "company": "Acme",
            "when": self.clock.now - timedelta(hours=1),
            "created": self.clock.now,
            "debriefed": True,
            **fields,
        }
        interview = Interview(id=new_id(), user_id=user_id, **values)
        await save_and_replan(self.ports, interview)
        return interview


async def ann_in_london() -> World:
    """A fresh world where Ann has told the bot she is in London."""
    world = World()
    await world.repo.save_settings(world.ann)
    return world
