"""The phrasings people type for the two date questions, read on every day of a week in two zones.

Each row's expected answer is worked out from `today` by walking the calendar (the helpers are in
tests/support/date_tables.py), never by asking the code under test. The week runs Monday 30
November to Sunday 6 December 2026, so it crosses the end of a month; neither zone changes its
clocks that week.
"""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from tests.support.date_tables import (
    DAY,
    FRI,
    MON,
    SUN,
    THU,
    TUE,
    WED,
    Days,
    Local,
    Moments,
    a_month_after,
    after,
    at,
    before,
    check_deadline,
    check_moment,
    coming,
    deadline_year,
    either,
    end_of_next_week,
    end_of_this_week,
    month_end,
    nearest_nth,
    nearest_year,
    next_nth,
    nothing,
    of_next_week,
    on_every_day,
    one,
    past_or_coming,
    same,
    since,
    this_week,
    workdays_after,
)

ZONES = ["Europe/London", "America/Los_Angeles"]


# Deadlines: (what the user types, the days it means, whether counted from today).
DEADLINES: list[tuple[str, Days, bool]] = [
    ("Friday", one(lambda t: coming(t, FRI)), False),
    ("by friday", one(lambda t: coming(t, FRI)), False),
    ("By Friday.", one(lambda t: coming(t, FRI)), False),
    ("fri", one(lambda t: coming(t, FRI)), False),
    ("this friday", one(lambda t: coming(t, FRI)), False),
    ("by friday 5pm", one(lambda t: coming(t, FRI)), False),
    ("they'll let me know by friday", one(lambda t: coming(t, FRI)), False),
    ("by wednesday", one(lambda t: coming(t, WED)), False),
    ("wensday", one(lambda t: coming(t, WED)), False),
    ("monday", one(lambda t: coming(t, MON)), False),
    ("next monday", one(lambda t: of_next_week(t, MON)), False),
    ("next friday", either(lambda t: after(t, FRI), lambda t: of_next_week(t, FRI)), False),
    ("friday next week", one(lambda t: of_next_week(t, FRI)), False),
    ("the 10th", one(lambda t: next_nth(t, 10)), False),
    ("by the 10th", one(lambda t: next_nth(t, 10)), False),
    ("10th", one(lambda t: next_nth(t, 10)), False),
    ("the 1st", one(lambda t: next_nth(t, 1)), False),
    ("the 31st", one(lambda t: next_nth(t, 31)), False),
    ("next week", one(lambda t: of_next_week(t, FRI)), False),
    ("sometime next week", one(lambda t: of_next_week(t, FRI)), False),
    ("Sometime next week", one(lambda t: of_next_week(t, FRI)), False),
    ("next week sometime", one(lambda t: of_next_week(t, FRI)), False),
    ("early next week", one(lambda t: of_next_week(t, MON)), False),
    ("mid next week", one(lambda t: of_next_week(t, WED)), False),
    ("end of this week", one(end_of_this_week), False),
    ("end of week", one(end_of_this_week), False),
    ("end of the week", one(end_of_this_week), False),
    ("by the end of this week", one(end_of_this_week), False),
    ("By the end of this week", one(end_of_this_week), False),
    ("this week", one(end_of_this_week), False),
    ("by the weekend", one(end_of_this_week), False),
    ("end of next week", end_of_next_week, False),
    ("week after next", one(lambda t: of_next_week(t, FRI) + timedelta(days=7)), False),
    ("in 2 weeks", one(lambda t: t + timedelta(days=14)), True),
    ("they said 2 weeks", one(lambda t: t + timedelta(days=14)), True),
    ("two weeks", one(lambda t: t + timedelta(days=14)), True),
    ("in two weeks' time", one(lambda t: t + timedelta(days=14)), True),
    ("within 2 weeks", one(lambda t: t + timedelta(days=14)), True),
    ("in a fortnight", one(lambda t: t + timedelta(days=14)), True),
    ("a couple of weeks", one(lambda t: t + timedelta(days=14)), True),
    ("2-3 weeks", one(lambda t: t + timedelta(days=21)), True),
    ("a week", one(lambda t: t + timedelta(days=7)), True),
    ("in 10 days", one(lambda t: t + timedelta(days=10)), True),
    ("they said they would decide within 10 days", one(lambda t: t + timedelta(days=10)), True),
    ("in 3 days", one(lambda t: t + timedelta(days=3)), True),
    ("2 weeks from today", one(lambda t: t + timedelta(days=14)), True),
    ("a week from now", one(lambda t: t + timedelta(days=7)), True),
    ("within 48 hours", one(lambda t: t + 2 * DAY), True),
    ("in 2 hours", one(same), True),
    ("5 working days", one(lambda t: workdays_after(t, 5)), True),
    ("in a month", one(a_month_after), True),
    ("end of the month", one(month_end), False),
    ("end of month", one(month_end), False),
    ("end of next month", one(lambda t: month_end(month_end(t) + DAY)), False),
    ("end of december", one(lambda t: date(2026, 12, 31)), False),
    ("today", one(same), False),
    ("eod", one(same), False),
    ("by eod friday", one(lambda t: coming(t, FRI)), False),
    ("close of business tomorrow", one(lambda t: t + DAY), False),
    ("thursday week", one(lambda t: coming(t, THU) + timedelta(days=7)), False),
    ("a week on friday", one(lambda t: coming(t, FRI) + timedelta(days=7)), False),
    ("tomorrow", one(lambda t: t + DAY), False),
    ("tmrw", one(lambda t: t + DAY), False),
    ("by tomorrow afternoon", one(lambda t: t + DAY), False),
    ("the day after tomorrow", one(lambda t: t + 2 * DAY), False),
    ("3 Dec", one(lambda t: deadline_year(12, 3, t)), False),
    ("December 3rd", one(lambda t: deadline_year(12, 3, t)), False),
    ("3 December 2026", one(lambda t: date(2026, 12, 3)), False),
    ("2026-12-03", one(lambda t: date(2026, 12, 3)), False),
    ("25/12/2026", one(lambda t: date(2026, 12, 25)), False),
    ("12/25", one(lambda t: deadline_year(12, 25, t)), False),
    ("11/25", one(lambda t: deadline_year(11, 25, t)), False),
    ("25/11", one(lambda t: deadline_year(11, 25, t)), False),
    ("25 Nov", one(lambda t: deadline_year(11, 25, t)), False),
    ("5/5", one(lambda t: deadline_year(5, 5, t)), False),
    ("3/12", either(lambda t: deadline_year(12, 3, t), lambda t: deadline_year(3, 12, t)), False),
    ("12/3", either(lambda t: deadline_year(12, 3, t), lambda t: deadline_year(3, 12, t)), False),
    # Unreadable: no day is named, or no single day can be chosen without guessing.
    ("December", nothing, False),
    ("2027", nothing, False),
    ("next month", nothing, False),
    ("early next month", nothing, False),
    ("a few days", nothing, False),
    ("blorp", nothing, False),
    ("31/2", nothing, False),
]

# Moments: (what the user types, the moments it means).
MOMENTS: list[tuple[str, Moments]] = [
    ("just now", since()),
    ("just ended", since()),
    ("it just ended", since()),
    ("It just ended", since()),
    ("ended just now", since()),
    ("about an hour ago", since(hours=-1)),
    ("About an hour ago", since(hours=-1)),
    ("an hour ago", since(hours=-1)),
    ("30 minutes ago", since(minutes=-30)),
    ("half an hour ago", since(minutes=-30)),
    ("in 2 hours", since(hours=2)),
    ("an hour or so ago", since(hours=-1)),
    ("2 weeks from today", at(lambda t: t + timedelta(days=14))),
    ("a week ago", at(lambda t: t - timedelta(days=7))),
    ("earlier today", at(same)),
    ("this morning", at(same)),
    ("yesterday", at(lambda t: t - DAY)),
    ("tomorrow morning", at(lambda t: t + DAY)),
    ("3 days ago", at(lambda t: t - 3 * DAY)),
    ("yday 3pm", at(lambda t: t - DAY, 15)),
    ("yest 3pm", at(lambda t: t - DAY, 15)),
    ("yesterday 3pm", at(lambda t: t - DAY, 15)),
    ("mon 930", lambda t: tuple(Local(day, time(9, 30)) for day in past_or_coming(t, MON))),
    ("friday at 10", lambda t: tuple(Local(day, time(10)) for day in past_or_coming(t, FRI))),
    ("wednesday 10am", lambda t: tuple(Local(day, time(10)) for day in past_or_coming(t, WED))),
    ("sunday 10am", lambda t: tuple(Local(day, time(10)) for day in past_or_coming(t, SUN))),
    # The words typed settle it: "it was" is the past one, "it's on" the coming one.
    ("it was monday 11:30am", at(lambda t: t if t.weekday() == MON else before(t, MON), 11, 30)),
    ("it's on monday 11:30am", at(lambda t: after(t, MON), 11, 30)),  # today's 11:30 is past
    ("last friday 2pm", at(lambda t: before(t, FRI), 14)),
    ("this friday 2pm", lambda t: tuple(Local(day, time(14)) for day in this_week(t, FRI))),
    ("this tuesday", lambda t: tuple(Local(day, None) for day in this_week(t, TUE))),
    ("tuesday next week 10am", at(lambda t: of_next_week(t, TUE), 10)),
    ("930am", at(same, 9, 30)),
    ("9.30", at(same, 9, 30)),
    ("14h", at(same, 14)),
    ("2pm", at(same, 14)),
    ("half 3", at(same, 15, 30)),
    ("quarter to 11", at(same, 10, 45)),
    ("at 2:30", at(same, 14, 30)),
    ("09:30", at(same, 9, 30)),
    ("at 3", at(same, 15)),
    ("10am this morning", at(same, 10)),
    ("tonight at 8", at(same, 20)),
    ("tomorrow 14:00", at(lambda t: t + DAY, 14)),
    ("noon tomorrow", at(lambda t: t + DAY, 12)),
    ("2 days ago at 3pm", at(lambda t: t - 2 * DAY, 15)),
    ("the 25th at 10", at(lambda t: nearest_nth(t, 25), 10)),
    ("25/11 9:30", at(lambda t: nearest_year(11, 25, t), 9, 30)),
    ("11/25 3pm", at(lambda t: nearest_year(11, 25, t), 15)),
    ("3 Dec 2pm", at(lambda t: nearest_year(12, 3, t), 14)),
    ("2026-12-03 10:00", at(lambda t: date(2026, 12, 3), 10)),
    ("next tuesday 10am", lambda t: tuple(
        Local(day, time(10)) for day in sorted({after(t, TUE), of_next_week(t, TUE)})
    )),
    ("12/3 10am", lambda t: tuple(
        Local(day, time(10)) for day in sorted({nearest_year(12, 3, t), nearest_year(3, 12, t)})
    )),
    # Unreadable: too vague for a moment, or not a time at all.
    ("next week", nothing),
    ("last week", nothing),
    ("1400", nothing),
    ("99/99 25:61", nothing),
    ("🙂🎉🙂", nothing),
]  # fmt: skip


@on_every_day(ZONES)
@pytest.mark.parametrize(("text", "expected", "relative"), DEADLINES, ids=[r[0] for r in DEADLINES])
def test_deadline_table(
    text: str, expected: Days, relative: bool, today: date, zone_name: str
) -> None:
    check_deadline(text, expected, relative, today, zone_name)


@on_every_day(ZONES)
@pytest.mark.parametrize(("text", "expected"), MOMENTS, ids=[r[0] for r in MOMENTS])
def test_moment_table(text: str, expected: Moments, today: date, zone_name: str) -> None:
    check_moment(text, expected, today, zone_name)


def test_the_table_is_as_large_as_promised() -> None:
    assert len(DEADLINES) + len(MOMENTS) >= 80
    # Each of these is asked about on every day of the week.
    labels = [row[0] for row in DEADLINES] + [row[0] for row in MOMENTS]
    for label in ("Sometime next week", "By the end of this week", "It just ended",
                  "About an hour ago"):  # fmt: skip
        assert label in labels
