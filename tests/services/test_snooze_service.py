"""Snoozing: "an hour" is an hour (out of quiet hours); "tomorrow morning" lands on a working day
for the nudges about following up, whatever weekend or public holiday is in the way."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from followup.core.calendar import Place
from followup.core.model import NudgeKind, NudgeState
from followup.core.snooze import Until, snoozed_due
from followup.core.timing import load_timing
from followup.core.workdays import calendar_for
from followup.services.nudges import snooze
from followup.services.planning import pending_nudges
from tests.services.service_world import ANN, ann_in_london

LONDON = Place(ZoneInfo("Europe/London"), calendar_for("GB-ENG"))
TIMING = load_timing()


def london(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo("Europe/London"))


@pytest.mark.parametrize(
    ("kind", "until", "now", "due"),
    [
        (NudgeKind.THANK_YOU, Until.HOUR, "2026-11-25 14:00", "2026-11-25 15:00"),
        # An hour on would be inside quiet hours: it waits for the morning.
        (NudgeKind.THANK_YOU, Until.HOUR, "2026-11-25 20:30", "2026-11-26 08:30"),
        (NudgeKind.THANK_YOU, Until.MORNING, "2026-11-27 14:00", "2026-11-28 08:30"),
        # A follow-up snoozed on a Friday comes back on Monday, at the hour follow-ups are sent.
        (NudgeKind.CHASE, Until.MORNING, "2026-11-27 14:00", "2026-11-30 10:00"),
        # ...and over the August bank holiday weekend, on Tuesday.
        (NudgeKind.CHASE, Until.MORNING, "2026-08-28 14:00", "2026-09-01 10:00"),
        # An hour on, pressed on the Saturday: the same hour on Tuesday.
        (NudgeKind.FOLLOW_THROUGH, Until.HOUR, "2026-08-29 11:00", "2026-09-01 12:00"),
    ],
)
def test_the_snooze_rule(kind: NudgeKind, until: Until, now: str, due: str) -> None:
    moment = london(now).astimezone(UTC)
    assert snoozed_due(kind, until, LONDON, TIMING, moment) == london(due)
    assert snoozed_due(kind, until, LONDON, TIMING, moment).tzinfo is UTC


async def test_a_snoozed_follow_up_comes_back_next_working_morning() -> None:
    w = await ann_in_london()
    ports = w.ports
    repo = w.repo
    log_interview = w.log_interview
    clock = w.clock
    waker = w.waker
    await log_interview()
    chase = next(n for n in await pending_nudges(ports, ANN) if n.kind is NudgeKind.CHASE)
    clock.now = london("2026-12-04 11:00").astimezone(UTC)  # a Friday, the nudge at hand
    place = await ports.place_of(ANN)
    moved = await snooze(ports, chase, Until.MORNING, place, clock.now)
    assert moved.due == london("2026-12-07 10:00")
    assert moved.snoozed and moved.state is NudgeState.PENDING
    assert await repo.nudge(ANN, chase.id) == moved
    assert waker.pokes[-1] == moved.due


async def test_a_snoozed_nudge_keeps_its_time_when_the_interview_is_replanned() -> None:
    w = await ann_in_london()
    ports = w.ports
    repo = w.repo
    log_interview = w.log_interview
    clock = w.clock
    from dataclasses import replace

    from followup.services.planning import save_and_replan

    interview = await log_interview()
    thank_you = (await pending_nudges(ports, ANN))[0]
    moved = await snooze(ports, thank_you, Until.HOUR, await ports.place_of(ANN), clock.now)
    await save_and_replan(ports, replace(interview, notes="went well"))
    assert await repo.nudge(ANN, thank_you.id) == moved
