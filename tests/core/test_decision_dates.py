"""Decision dates and interview days, on every day of a week in two zones.

Each row's expected answer is worked out here by walking the calendar, never by asking the code
under test. The week runs Monday 30 November to Sunday 6 December 2026, so it crosses the end of
a month. The user tells us two days after the interview, at 15:42 on their clock.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from followup.core import answer_reading, answers
from followup.core.calendar import MONDAY_TO_FRIDAY, Place
from followup.core.debrief import Step
from followup.core.timeparse import read_moment
from followup.core.timeparse.calendar_math import month_end
from followup.core.timing import load_timing

WEEK = [date(2026, 11, 30) + timedelta(days=n) for n in range(7)]
ZONES = ["Europe/London", "America/Los_Angeles"]
DAY = timedelta(days=1)
LATER = 2  # days between the interview and the day the user tells us
TIMING = load_timing()


def working_day_for(day: date, interview: date) -> date:
    """The working day (Monday to Friday) a decision day counts as: the last on or before it,
    or, should that not be after the interview, the first after it."""
    back = day
    while back.weekday() >= 5:
        back -= DAY
    if back > interview:
        return back
    ahead = day
    while ahead.weekday() >= 5:
        ahead += DAY
    return ahead


def friday_of_next_week(interview: date) -> tuple[date, ...]:
    """The Friday of the week after the interview's; at the weekend also the one after that."""
    monday = interview - timedelta(days=interview.weekday())
    first = monday + timedelta(days=11)
    return (first, first + timedelta(days=7)) if interview.weekday() >= 5 else (first,)


def end_of_month(interview: date) -> tuple[date, ...]:
    """The end of the interview's month, or of the user's own month when that one is over."""
    end = month_end(interview)
    return (end if end > interview else month_end(interview + LATER * DAY),)


# (what they said, the day(s) it names, counted from the interview day)
DURATIONS: list[tuple[str, Callable[[date], tuple[date, ...]]]] = [
    ("within 2 weeks", lambda i: (i + timedelta(days=14),)),
    ("they said within 2 weeks", lambda i: (i + timedelta(days=14),)),
    ("in 10 days", lambda i: (i + timedelta(days=10),)),
    ("a week", lambda i: (i + timedelta(days=7),)),
    ("by the end of next week", friday_of_next_week),
    ("end of the month", end_of_month),
]


def decision(value: str, zone: ZoneInfo, interview: date) -> tuple[answers.Problem | None, Any]:
    """The decision question answered LATER days after an interview at 10:00 on `interview`."""
    draft: dict[str, Any] = {"when": datetime.combine(interview, time(10), zone).isoformat()}
    now = datetime.combine(interview + LATER * DAY, time(15, 42), zone)
    answer = answers.Answer(draft, value, Place(zone), now, TIMING, lambda _c: None)
    return answer_reading.read(Step.DECISION, answer, typed=True), draft


@pytest.mark.parametrize("zone_name", ZONES)
@pytest.mark.parametrize("interview", WEEK, ids=lambda d: d.strftime("%a"))
@pytest.mark.parametrize(("said", "rule"), DURATIONS, ids=[row[0] for row in DURATIONS])
def test_durations_count_from_the_interview_and_land_on_a_working_day(
    said: str, rule: Callable[[date], tuple[date, ...]], interview: date, zone_name: str
) -> None:
    problem, draft = decision(said, ZoneInfo(zone_name), interview)
    days = rule(interview)
    if len(days) > 1:
        assert problem is not None and problem.key == "debrief.decision_which"
        assert len(problem.choices) == len(days)
        return
    assert problem is None, problem
    expected = working_day_for(days[0], interview)
    assert draft["decision_date"] == expected.isoformat()
    moved = draft.get(answers.DECISION_MOVED)
    if expected == days[0]:
        assert moved is None
    else:
        assert moved == {"said": days[0].isoformat(), "counted": expected.isoformat(), "why": ""}


@pytest.mark.parametrize("zone_name", ZONES)
@pytest.mark.parametrize("interview", WEEK, ids=lambda d: d.strftime("%a"))
def test_a_decision_day_not_after_the_interview_is_refused(interview: date, zone_name: str) -> None:
    zone = ZoneInfo(zone_name)
    for said, key in (
        ("2 days ago", "debrief.decision_same_day"),  # the interview's own day
        ("3 days ago", "debrief.decision_past"),
        (interview.strftime("%d %B %Y"), "debrief.decision_same_day"),
        ((interview - DAY).strftime("%d %B %Y"), "debrief.decision_past"),
    ):
        problem, draft = decision(said, zone, interview)
        assert problem is not None and problem.key == key, said
        assert problem.ask_again and "decision_date" not in draft


def test_a_holiday_decision_day_says_which_holiday() -> None:
    from followup.core.workdays import calendar_for

    sydney = ZoneInfo("Australia/Sydney")
    draft: dict[str, Any] = {"when": datetime(2026, 12, 22, 10, tzinfo=sydney).isoformat()}
    now = datetime(2026, 12, 22, 11, tzinfo=sydney)
    where = Place(sydney, calendar_for("AU-NSW"))
    answer = answers.Answer(draft, "week", where, now, TIMING, lambda _c: None)
    assert answer_reading.read(Step.DECISION, answer, typed=False) is None
    assert draft["decision_date"] == "2026-12-24"
    assert draft[answers.DECISION_MOVED] == {
        "said": "2026-12-25", "counted": "2026-12-24", "why": "Christmas Day",
    }  # fmt: skip


# --- A bare weekday for the interview: past or coming --------------------------------------------

WEEKDAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def last(today: date, weekday: int) -> date:
    return today - timedelta(days=(today.weekday() - weekday - 1) % 7 + 1)


def coming(today: date, weekday: int) -> date:
    return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


@pytest.mark.parametrize("zone_name", ZONES)
@pytest.mark.parametrize("today", WEEK, ids=lambda d: d.strftime("%a"))
@pytest.mark.parametrize("tense", ["past", "future", None])
def test_a_bare_weekday_is_past_or_coming_as_known_else_both(
    tense: str | None, today: date, zone_name: str
) -> None:
    zone = ZoneInfo(zone_name)
    now = datetime.combine(today, time(19, 30), zone)
    for weekday, name in enumerate(WEEKDAY_NAMES):
        reading = read_moment(f"{name} 11:30 am", zone, now, tense=tense)  # type: ignore[arg-type]
        days = [m.when.astimezone(zone).date() for m in reading.choices]
        if weekday == today.weekday():
            # At 19:30, today's 11:30 has passed: still to come, it is next week's.
            expected = [today + timedelta(days=7) if tense == "future" else today]
        elif tense == "past":
            expected = [last(today, weekday)]
        elif tense == "future":
            expected = [coming(today, weekday)]
        else:
            expected = [last(today, weekday), coming(today, weekday)]
        assert days == expected, name
        assert all(m.when.astimezone(zone).time() == time(11, 30) for m in reading.choices)


@pytest.mark.parametrize("today", WEEK, ids=lambda d: d.strftime("%a"))
@pytest.mark.parametrize(
    ("words", "past"),
    [("it was {} 10am", True), ("it's on {} 10am", False), ("the interview is {} at 10", False),
     ("it started {} at 10", True), ("it will be {} at 10", False)],
)  # fmt: skip
def test_the_words_typed_say_past_or_coming(words: str, past: bool, today: date) -> None:
    zone = ZoneInfo("Europe/London")
    now = datetime.combine(today, time(19, 30), zone)
    for weekday, name in enumerate(WEEKDAY_NAMES):
        (moment,) = read_moment(words.format(name), zone, now).choices
        if weekday == today.weekday():  # at 19:30, today's 10:00 has passed
            expected = today if past else today + timedelta(days=7)
        else:
            expected = last(today, weekday) if past else coming(today, weekday)
        assert moment.when.astimezone(zone).date() == expected, name


def test_a_calendar_without_holidays_keeps_a_weekday_decision_day() -> None:
    assert working_day_for(date(2026, 12, 4), date(2026, 12, 1)) == date(2026, 12, 4)
    assert MONDAY_TO_FRIDAY.last_business_day_on_or_before(date(2026, 12, 6)) == date(2026, 12, 4)
