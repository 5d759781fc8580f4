"""The services on the in-memory repository: a fixed clock, a waker that listens, Ann in London."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from support.memory import MemoryRepository

from followup.core.model import Interview, UserSettings, new_id
from followup.core.timing import load_timing
from followup.core.workdays import user_calendar
from followup.services.planning import save_and_replan
from followup.services.ports import Ports

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


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def waker() -> ListeningWaker:
    return ListeningWaker()


@pytest.fixture
def repo() -> MemoryRepository:
    return MemoryRepository()


@pytest.fixture
def ports(repo: MemoryRepository, waker: ListeningWaker, clock: Clock) -> Ports:
    return Ports(repo, waker, clock, load_timing(), "Europe/London", user_calendar)


@pytest.fixture
async def ann(repo: MemoryRepository) -> UserSettings:
    """Ann, who told the bot she is in London and follows England's holidays."""
    settings = UserSettings(
        ANN, ANN, "Europe/London", zone_confirmed=True, country="GB-ENG", sender_name="Ann"
    )
    await repo.save_settings(settings)
    return settings


LogInterview = Callable[..., Awaitable[Interview]]


@pytest.fixture
def log_interview(ports: Ports, clock: Clock) -> LogInterview:
    """Save an interview (debriefed, an hour ago unless told) and plan its nudges."""

    async def log(user_id: int = ANN, **fields: Any) -> Interview:
        values: dict[str, Any] = {
            "company": "Acme",
            "when": clock.now - timedelta(hours=1),
            "created": clock.now,
            "debriefed": True,
            **fields,
        }
        interview = Interview(id=new_id(), user_id=user_id, **values)
        await save_and_replan(ports, interview)
        return interview

    return log
