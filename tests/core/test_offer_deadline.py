"""The reminder before an offer's deadline: the working day before, on the user's calendar."""

import dataclasses
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from followup.core.calendar import Place
from followup.core.due_dates import offer_deadline_day
from followup.core.model import Interview, NudgeKind, Outcome
from followup.core.nudge_plan import PlannedNudge, is_stale, plan_nudges
from followup.core.stated_dates import stated_dates
from followup.core.timing import load_timing
from followup.core.workdays import user_calendar

TIMING = load_timing()
LONDON = ZoneInfo("Europe/London")
HEARD = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)  # a Wednesday afternoon


def offer(country: str = "none", **changes: Any) -> tuple[Interview, Place]:
    interview = Interview(
        id="i1",
        user_id=7,
        company="Acme",
        when=HEARD - timedelta(days=7),
        created=HEARD - timedelta(days=7),
        debriefed=True,
        outcome=Outcome.OFFER,
        heard_back=HEARD,
    )
    changed = dataclasses.replace(interview, **{"answer_by": date(2026, 12, 7), **changes})
    return changed, Place(LONDON, user_calendar(country))


def reminders(interview: Interview, place: Place, now: datetime = HEARD) -> list[str]:
    return [
        n.due.astimezone(LONDON).strftime("%a %Y-%m-%d %H:%M")
        for n in plan_nudges(interview, place, TIMING, now)
        if n.kind is NudgeKind.OFFER_DEADLINE
    ]


@pytest.mark.parametrize(
    ("answer_by", "country", "expected"),
    [
        (date(2026, 12, 7), "none", ["Fri 2026-12-04 10:00"]),  # a Monday deadline: Friday
        (date(2026, 12, 3), "none", ["Wed 2026-12-02 10:00"]),
        # Fri 25 and Mon 28 December are English bank holidays: Thursday 24th.
        (date(2026, 12, 29), "GB-ENG", ["Thu 2026-12-24 10:00"]),
        (date(2026, 12, 29), "none", ["Mon 2026-12-28 10:00"]),
        # Tomorrow's deadline: the reminder day is today, so the reply said it all already.
        (date(2026, 11, 26), "none", []),
        (date(2026, 11, 25), "none", []),
    ],
)
def test_the_reminder_comes_the_working_day_before(
    answer_by: date, country: str, expected: list[str]
) -> None:
    interview, place = offer(country, answer_by=answer_by)
    assert reminders(interview, place) == expected


def test_no_deadline_no_reminder() -> None:
    interview, place = offer(answer_by=None)
    assert reminders(interview, place) == []


def test_an_answered_offer_or_another_outcome_has_no_reminder() -> None:
    answered, place = offer(offer_answered=HEARD + timedelta(days=1))
    assert reminders(answered, place) == []
    reopened, _ = offer(outcome=None)
    assert reminders(reopened, place) == []
    rejected, _ = offer(outcome=Outcome.REJECTED)
    assert reminders(rejected, place) == []


def test_stale_once_the_deadline_has_passed_or_it_was_answered() -> None:
    interview, place = offer()
    due = datetime(2026, 12, 4, 10, 0, tzinfo=LONDON)
    nudge = PlannedNudge(NudgeKind.OFFER_DEADLINE, due)
    assert not is_stale(nudge, interview, place, TIMING, due)
    # Late (the bot was down) but still before the deadline's end: worth sending.
    assert not is_stale(nudge, interview, place, TIMING, datetime(2026, 12, 7, 20, tzinfo=LONDON))
    assert is_stale(nudge, interview, place, TIMING, datetime(2026, 12, 8, 0, 1, tzinfo=LONDON))
    answered, _ = offer(offer_answered=due)
    assert is_stale(nudge, answered, place, TIMING, due)


def test_the_deadline_and_the_reminder_day_are_dates_messages_may_state() -> None:
    interview, place = offer()
    assert offer_deadline_day(interview, place) == date(2026, 12, 4)
    assert {date(2026, 12, 7), date(2026, 12, 4)} <= stated_dates(interview, place, TIMING, HEARD)
