"""Reading the moments and days people type, in their own time zone."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup.core.timeparse import (
    DayReading,
    MomentReading,
    ParsedMoment,
    names_a_day,
    read_day,
    read_moment,
    warm_up,
)

ZONES = ["Europe/London", "America/New_York", "Asia/Kolkata"]
LONDON = ZoneInfo("Europe/London")
# A Wednesday afternoon, the same wall-clock time in every zone under test.
WALL_NOW = datetime(2026, 11, 25, 15, 42, 17)


def local_now(zone: ZoneInfo) -> datetime:
    """Wednesday 25 November 2026, 15:42:17 on the user's clock."""
    return WALL_NOW.replace(tzinfo=zone)


def at(zone: ZoneInfo, day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    """A November 2026 wall-clock time in the zone, as the UTC moment the parser should return."""
    return datetime(2026, 11, day, hour, minute, second, tzinfo=zone).astimezone(UTC)


def sole_moment(text: str, zone: ZoneInfo, now: datetime) -> ParsedMoment | None:
    """The one moment `read_moment` finds, or None when it finds none or several."""
    choices = read_moment(text, zone, now).choices
    return choices[0] if len(choices) == 1 else None


def sole_time(text: str, zone: ZoneInfo, now: datetime) -> datetime | None:
    """The one moment's UTC time, or None when there is not exactly one or it has no time of day."""
    moment = sole_moment(text, zone, now)
    return moment.when if moment is not None and moment.has_time else None


def sole_day(text: str, zone: ZoneInfo, now: datetime) -> date | None:
    """The one day `read_day` finds, or None when it finds none or several."""
    choices = read_day(text, zone, now).choices
    return choices[0] if len(choices) == 1 else None


@pytest.fixture(scope="module", autouse=True)
def warm_parser() -> None:
    """Load dateparser's data once, so timings measure parsing rather than start-up."""
    warm_up()


@pytest.mark.parametrize("zone_name", ZONES)
@pytest.mark.parametrize(
    ("text", "day", "hour", "minute", "second"),
    [
        ("just now", 25, 15, 42, 17),
        ("now", 25, 15, 42, 17),
        ("right now", 25, 15, 42, 17),
        ("an hour ago", 25, 14, 42, 17),
        ("30 minutes ago", 25, 15, 12, 17),
        ("half an hour ago", 25, 15, 12, 17),
        ("in 2 hours", 25, 17, 42, 17),
        ("this morning at 10", 25, 10, 0, 0),
        ("10am this morning", 25, 10, 0, 0),
        ("today 10am", 25, 10, 0, 0),
        ("this afternoon at 3", 25, 15, 0, 0),
        ("tonight at 8", 25, 20, 0, 0),
        ("3 in the afternoon", 25, 15, 0, 0),
        ("10 this morning", 25, 10, 0, 0),
        ("this evening at 7:30", 25, 19, 30, 0),
        ("it was monday morning at 9", 23, 9, 0, 0),
        ("tomorrow afternoon at 3", 26, 15, 0, 0),
        ("yesterday 3pm", 24, 15, 0, 0),
        ("yesterday at 15:30", 24, 15, 30, 0),
        ("tomorrow 14:00", 26, 14, 0, 0),
        ("tomorrow at 2pm", 26, 14, 0, 0),
        ("25/11 9:30", 25, 9, 30, 0),
        ("25/11/2026 09:30", 25, 9, 30, 0),
        ("25 Nov 14:00", 25, 14, 0, 0),
        ("Nov 25 2pm", 25, 14, 0, 0),
        ("14:00", 25, 14, 0, 0),
        ("2pm", 25, 14, 0, 0),
        ("5pm", 25, 17, 0, 0),
        ("10", 25, 10, 0, 0),
        ("at 3", 25, 15, 0, 0),
        ("today 3", 25, 15, 0, 0),
        ("10 o'clock", 25, 10, 0, 0),
        ("around 3pm", 25, 15, 0, 0),
        ("14h", 25, 14, 0, 0),
        ("9.30", 25, 9, 30, 0),
        ("it was monday 10am", 23, 10, 0, 0),
        ("it was sunday 10am", 22, 10, 0, 0),
        ("it's saturday 10am", 28, 10, 0, 0),
        ("wednesday 10am", 25, 10, 0, 0),
        ("it is friday at 10", 27, 10, 0, 0),
        ("  TODAY   10AM ", 25, 10, 0, 0),
    ],
)
def test_read_moment_reads_times(
    zone_name: str, text: str, day: int, hour: int, minute: int, second: int
) -> None:
    zone = ZoneInfo(zone_name)
    result = sole_time(text, zone, local_now(zone))
    assert result == at(zone, day, hour, minute, second)
    assert result is not None and result.utcoffset() == timedelta(0)


@pytest.mark.parametrize("zone_name", ZONES)
@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("it's on friday", date(2026, 11, 27)),
        ("it is thursday", date(2026, 11, 26)),
        ("it was monday", date(2026, 11, 23)),
        ("wednesday", date(2026, 11, 25)),
        ("yesterday", date(2026, 11, 24)),
        ("tomorrow", date(2026, 11, 26)),
        ("this morning", date(2026, 11, 25)),
        ("25/11", date(2026, 11, 25)),
        ("in 3 days", date(2026, 11, 28)),
    ],
)
def test_a_date_without_a_time_asks_for_the_time(zone_name: str, text: str, day: date) -> None:
    zone = ZoneInfo(zone_name)
    assert sole_time(text, zone, local_now(zone)) is None
    detail = sole_moment(text, zone, local_now(zone))
    assert detail == ParsedMoment(at(zone, day.day, 12), has_time=False, wall_clock=True)


GIBBERISH = ["blorp", "asdf qwer", "", "   ", "🙂🎉🙂", "99/99 25:61", "31/2", "x" * 5000]


@pytest.mark.parametrize(
    "text", [*GIBBERISH, "tomorrow at 10am " * 300, "1 " * 2500, "12/3 " * 1000, "🙂" * 5000]
)
def test_gibberish_is_unreadable_and_fast(text: str) -> None:
    for read in (read_moment, read_day):
        # CPU time, not the wall clock: other processes on a busy machine must not count. Trying
        # every language (dateparser's default) costs over a second here; pinned, a few ms.
        started = time.thread_time()
        assert read(text, LONDON, local_now(LONDON)).choices == ()
        assert time.thread_time() - started < 0.1
    assert sole_moment(text, LONDON, local_now(LONDON)) is None
    assert sole_day(text, LONDON, local_now(LONDON)) is None


@pytest.mark.parametrize(
    "text",
    [
        "next week",
        "November",
        "1400",
        "31/2 10:00",
        "3pm or 4pm",
        "an hour ago at 3pm",
        "friday 3 december",  # 3 December 2026 is a Thursday: one of them is a slip
    ],
)
def test_too_vague_or_contradictory_is_not_a_moment(text: str) -> None:
    assert read_moment(text, LONDON, local_now(LONDON)) == MomentReading(())
    assert sole_moment(text, LONDON, local_now(LONDON)) is None


# dateparser read these as "the 10th" and as "now", ignoring the stated 10 o'clock.
@pytest.mark.parametrize("text", ["at 10 on the 25th", "this morning, at 10 on"])
def test_a_stated_clock_is_never_dropped(text: str) -> None:
    assert sole_time(text, LONDON, local_now(LONDON)) == at(LONDON, 25, 10)


@pytest.mark.parametrize(
    ("zone_name", "now", "text", "expected"),
    [
        # London leaves summer time at 01:00 UTC on 25 October 2026.
        (
            "Europe/London",
            datetime(2026, 10, 25, 1, 30, tzinfo=UTC),
            "an hour ago",
            (10, 25, 0, 30),
        ),
        ("Europe/London", datetime(2026, 10, 25, 0, 30, tzinfo=UTC), "in 2 hours", (10, 25, 2, 30)),
        ("Europe/London", datetime(2026, 10, 26, 9, tzinfo=UTC), "yesterday 3pm", (10, 25, 15, 0)),
        ("Europe/London", datetime(2026, 10, 25, 9, tzinfo=UTC), "yesterday 3pm", (10, 24, 14, 0)),
        (
            "Europe/London",
            datetime(2026, 10, 24, 12, tzinfo=UTC),
            "tomorrow 14:00",
            (10, 25, 14, 0),
        ),
        # New York leaves summer time at 06:00 UTC on 1 November 2026.
        (
            "America/New_York",
            datetime(2026, 11, 1, 6, 30, tzinfo=UTC),
            "an hour ago",
            (11, 1, 5, 30),
        ),
        (
            "America/New_York",
            datetime(2026, 11, 2, 14, tzinfo=UTC),
            "yesterday 3pm",
            (11, 1, 20, 0),
        ),
        (
            "America/New_York",
            datetime(2026, 10, 31, 14, tzinfo=UTC),
            "tomorrow 3pm",
            (11, 1, 20, 0),
        ),
        ("America/New_York", datetime(2026, 10, 31, 14, tzinfo=UTC), "today 3pm", (10, 31, 19, 0)),
        # Odd offsets: +05:30 all year, and +13:45 in the Chatham Islands' summer.
        ("Asia/Kolkata", datetime(2026, 11, 25, 2, tzinfo=UTC), "today 10am", (11, 25, 4, 30)),
        ("Pacific/Chatham", datetime(2026, 11, 25, 2, tzinfo=UTC), "today 10am", (11, 24, 20, 15)),
        (
            "Pacific/Chatham",
            datetime(2026, 11, 25, 2, tzinfo=UTC),
            "yesterday 3pm",
            (11, 24, 1, 15),
        ),
        ("Pacific/Chatham", datetime(2026, 11, 25, 2, tzinfo=UTC), "an hour ago", (11, 25, 1, 0)),
    ],
)
def test_read_moment_across_clock_changes_and_odd_offsets(
    zone_name: str, now: datetime, text: str, expected: tuple[int, int, int, int]
) -> None:
    month, day, hour, minute = expected
    assert sole_time(text, ZoneInfo(zone_name), now) == datetime(
        2026, month, day, hour, minute, tzinfo=UTC
    )


@pytest.mark.parametrize("now_zone", ["UTC", "Asia/Tokyo", "America/Los_Angeles"])
def test_now_may_be_given_in_any_zone(now_zone: str) -> None:
    now = local_now(LONDON).astimezone(ZoneInfo(now_zone))
    assert sole_time("yesterday 3pm", LONDON, now) == at(LONDON, 24, 15)
    assert sole_day("tomorrow", LONDON, now) == date(2026, 11, 26)


@pytest.mark.parametrize(
    ("today", "text", "expected"),
    [
        (date(2026, 11, 25), "friday", (date(2026, 11, 27),)),
        (date(2026, 11, 25), "by friday", (date(2026, 11, 27),)),
        # On a Wednesday "next friday" is the one in two days or the one next week: ask.
        (date(2026, 11, 25), "next friday", (date(2026, 11, 27), date(2026, 12, 4))),
        (date(2026, 11, 28), "next friday", (date(2026, 12, 4),)),
        (date(2026, 11, 25), "monday", (date(2026, 11, 30),)),
        (date(2026, 11, 25), "wednesday", (date(2026, 11, 25),)),
        # A decision "next week" comes by the end of it.
        (date(2026, 11, 25), "next week", (date(2026, 12, 4),)),
        (date(2026, 11, 29), "next week", (date(2026, 12, 4),)),
        (date(2026, 11, 30), "next week", (date(2026, 12, 11),)),
        (date(2026, 11, 25), "early next week", (date(2026, 11, 30),)),
        (date(2026, 11, 25), "end of the week", (date(2026, 11, 27),)),
        (date(2026, 11, 25), "by the end of the week", (date(2026, 11, 27),)),
        (date(2026, 11, 27), "end of the week", (date(2026, 11, 27),)),
        (date(2026, 11, 28), "end of the week", (date(2026, 12, 4),)),
        (date(2026, 11, 25), "end of next week", (date(2026, 12, 4),)),
        (date(2026, 11, 28), "end of next week", (date(2026, 12, 4), date(2026, 12, 11))),
        (date(2026, 11, 25), "end of the month", (date(2026, 11, 30),)),
        (date(2026, 11, 25), "tomorrow", (date(2026, 11, 26),)),
        (date(2026, 11, 25), "25/11", (date(2026, 11, 25),)),
        (date(2026, 11, 25), "2 December", (date(2026, 12, 2),)),
        (date(2026, 11, 25), "Dec 2", (date(2026, 12, 2),)),
        (date(2026, 11, 25), "2026-12-02", (date(2026, 12, 2),)),
        (date(2026, 11, 30), "the 10th", (date(2026, 12, 10),)),
        (date(2026, 11, 10), "the 10th", (date(2026, 11, 10),)),
        (date(2026, 11, 30), "the 31st", (date(2026, 12, 31),)),
        (date(2026, 11, 25), "the 10th of next month", (date(2026, 12, 10),)),
        (date(2026, 11, 30), "11/25", (date(2026, 11, 25),)),
        (date(2026, 11, 30), "11/25 3pm", (date(2026, 11, 25),)),
        (date(2026, 11, 30), "12/3", (date(2026, 12, 3), date(2027, 3, 12))),
        (date(2026, 11, 30), "3.12", (date(2026, 12, 3),)),  # dotted dates are day first
        (date(2026, 11, 30), "3.12.2026", (date(2026, 12, 3),)),
        (date(2026, 11, 30), "fri 4/12", (date(2026, 12, 4),)),  # the weekday says which
        (date(2026, 11, 30), "friday the 4th", (date(2026, 12, 4),)),
        (date(2026, 11, 30), "friday the 5th", ()),
        # A day and month recently gone are that day (the caller says it passed); older: next year.
        (date(2026, 11, 25), "10 nov", (date(2026, 11, 10),)),
        (date(2026, 11, 25), "1/10", (date(2026, 10, 1), date(2027, 1, 10))),
        (date(2026, 11, 25), "1 sep", (date(2027, 9, 1),)),
        (date(2026, 11, 25), "2026-01-05", (date(2026, 1, 5),)),
        (date(2027, 1, 10), "20/12", (date(2026, 12, 20),)),
        (date(2027, 1, 10), "5 feb", (date(2027, 2, 5),)),
        (date(2026, 11, 25), "December", ()),
        (date(2026, 11, 25), "in december", ()),
        (date(2026, 11, 25), "friday or monday", ()),
        (date(2026, 11, 25), "not friday", ()),
    ],
)
def test_read_day_reads_forward(today: date, text: str, expected: tuple[date, ...]) -> None:
    now = datetime(today.year, today.month, today.day, 11, tzinfo=LONDON)
    assert read_day(text, LONDON, now).choices == expected
    assert sole_day(text, LONDON, now) == (expected[0] if len(expected) == 1 else None)


@pytest.mark.parametrize(
    ("zone_name", "expected"),
    [
        ("Europe/London", date(2026, 11, 25)),
        ("America/New_York", date(2026, 11, 25)),
        ("Asia/Kolkata", date(2026, 11, 26)),
        ("Pacific/Chatham", date(2026, 11, 26)),
    ],
)
def test_read_day_counts_from_the_users_own_date(zone_name: str, expected: date) -> None:
    # 23:30 UTC on the 24th is already the 25th in Kolkata and Chatham.
    now = datetime(2026, 11, 24, 23, 30, tzinfo=UTC)
    assert sole_day("tomorrow", ZoneInfo(zone_name), now) == expected


def test_read_day_across_the_end_of_summer_time() -> None:
    # 00:30 BST on 25 October, half an hour before the clocks go back.
    now = datetime(2026, 10, 24, 23, 30, tzinfo=UTC)
    assert sole_day("tomorrow", LONDON, now) == date(2026, 10, 26)
    assert sole_day("friday", LONDON, now) == date(2026, 10, 30)


@settings(deadline=None, max_examples=150)
@given(text=st.text(max_size=300))
def test_any_text_gives_none_or_a_utc_moment(text: str) -> None:
    result = sole_time(text, LONDON, local_now(LONDON))
    assert result is None or result.utcoffset() == timedelta(0)
    day = sole_day(text, ZoneInfo("Pacific/Chatham"), local_now(LONDON))
    assert day is None or isinstance(day, date)


WORDS = [
    *("the", "a", "in", "on", "at", "by", "next", "last", "this", "week", "weeks", "day", "days"),
    *("monday", "fri", "dec", "december", "3", "10", "12/3", "3pm", "9.30", "ago", "hour"),
    *("hours", "tomorrow", "yesterday", "end", "of", "month", "2026", "25th", "noon", "morning"),
]


@settings(deadline=None, max_examples=300)
@given(words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=6))
def test_readings_are_well_formed(words: list[str]) -> None:
    text = " ".join(words)
    moments = read_moment(text, LONDON, local_now(LONDON))
    whens = [c.when for c in moments.choices]
    assert whens == sorted(whens) and all(w.utcoffset() == timedelta(0) for w in whens)
    assert len(set(moments.choices)) == len(moments.choices)
    assert not moments.confirm or len(moments.choices) == 1
    days = read_day(text, LONDON, local_now(LONDON))
    assert list(days.choices) == sorted(set(days.choices))
    assert not days.confirm or len(days.choices) == 1
    assert not days.relative or days.choices


@pytest.mark.parametrize(
    ("text", "confirm"),
    [
        ("2027-11-26", True),  # a year and a day ahead
        ("2027-11-25", False),
        ("2026-08-24", True),  # three months and a day back
        ("2026-08-25", False),
        ("in 2 years", False),  # unreadable: no choices, nothing to confirm
        ("in 60 weeks", True),
    ],
)
def test_far_days_ask_for_confirmation(text: str, confirm: bool) -> None:
    assert read_day(text, LONDON, local_now(LONDON)).confirm is confirm


def test_far_moments_ask_for_confirmation_but_a_question_does_not() -> None:
    now = local_now(LONDON)
    assert read_moment("3 dec 2027 10am", LONDON, now).confirm
    assert read_moment("3/12/2026 10am", LONDON, now).confirm is False  # two choices: asked anyway
    assert not read_moment("3 dec 10am", LONDON, now).confirm


def test_durations_are_relative_and_named_days_are_not() -> None:
    now = local_now(LONDON)
    assert read_day("in 2 weeks", LONDON, now) == DayReading((date(2026, 12, 9),), relative=True)
    assert read_day("9 december", LONDON, now) == DayReading((date(2026, 12, 9),))
    assert read_day("a few weeks", LONDON, now) == DayReading(())


@pytest.mark.parametrize(
    ("text", "wall_clock"),
    [
        ("3pm", True),
        ("yesterday 14:00", True),
        ("tomorrow", True),
        ("now", False),
        ("just now", False),
        ("an hour ago", False),
        ("30 minutes ago", False),
        ("in 2 hours", False),
    ],
)
def test_wall_clock_is_false_only_for_durations_from_now(text: str, wall_clock: bool) -> None:
    (choice,) = read_moment(text, LONDON, local_now(LONDON)).choices
    assert choice.wall_clock is wall_clock


def test_a_dotted_time_that_could_be_a_date_is_asked_about() -> None:
    now = local_now(LONDON)
    assert read_moment("10.12", LONDON, now).choices == (
        ParsedMoment(at(LONDON, 25, 10, 12), has_time=True, wall_clock=True),
        ParsedMoment(datetime(2026, 12, 10, 12, tzinfo=UTC), has_time=False, wall_clock=True),
    )
    # "at" or another day in the text makes it a time.
    assert sole_time("at 10.12", LONDON, now) == at(LONDON, 25, 10, 12)
    assert sole_time("tomorrow 10.12", LONDON, now) == at(LONDON, 26, 10, 12)
    assert sole_time("9.30", LONDON, now) == at(LONDON, 25, 9, 30)  # month 30: only a time


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10am", at(LONDON, 20, 10)),
        ("9.30", at(LONDON, 20, 9, 30)),
        ("at 3", at(LONDON, 20, 15)),
        ("tomorrow 3pm", at(LONDON, 26, 15)),  # a day of its own wins
        ("an hour ago", at(LONDON, 25, 14, 42, 17)),
    ],
)
def test_a_time_answered_after_the_day(text: str, expected: datetime) -> None:
    reading = read_moment(text, LONDON, local_now(LONDON), on_day=date(2026, 11, 20))
    assert [c.when for c in reading.choices] == [expected]


# Where the weekend is Friday and Saturday, the week's last working day is Thursday.
@pytest.mark.parametrize(
    ("today", "text", "expected"),
    [
        (date(2026, 11, 29), "end of this week", date(2026, 12, 3)),  # Sunday
        (date(2026, 12, 3), "end of this week", date(2026, 12, 3)),  # Thursday
        (date(2026, 12, 4), "end of this week", date(2026, 12, 10)),  # Friday: it's over
        (date(2026, 12, 5), "this week", date(2026, 12, 10)),  # Saturday
        (date(2026, 11, 29), "next week", date(2026, 12, 10)),
        (date(2026, 12, 3), "sometime next week", date(2026, 12, 10)),
        (date(2026, 12, 5), "next week", date(2026, 12, 10)),
        (date(2026, 12, 6), "next week", date(2026, 12, 17)),  # Sunday starts a new week
        (date(2026, 12, 3), "3 working days", date(2026, 12, 8)),  # skips Friday and Saturday
        (date(2026, 12, 3), "early next week", date(2026, 12, 6)),
    ],
)
def test_weeks_that_end_on_thursday(today: date, text: str, expected: date) -> None:
    now = datetime(today.year, today.month, today.day, 11, tzinfo=ZoneInfo("Asia/Dubai"))
    reading = read_day(text, ZoneInfo("Asia/Dubai"), now, last_workday=3)
    assert reading.choices == (expected,)


def test_a_time_skipped_by_the_clock_change_is_read_past_it() -> None:
    # London jumps from 01:00 to 02:00 on 28 March 2027; 01:30 does not exist that night.
    now = datetime(2027, 3, 27, 12, tzinfo=UTC)
    moment = sole_time("tomorrow 1:30am", LONDON, now)
    assert moment == datetime(2027, 3, 28, 1, 30, tzinfo=UTC)
    assert moment is not None and moment.astimezone(LONDON).hour == 2


def test_a_day_given_before_the_time_is_passed_on_not_written_into_the_text() -> None:
    now = local_now(LONDON)
    # The caller asked "what time?" after the user gave 3 December: the day comes as `on_day`.
    reading = read_moment("10am", LONDON, now, on_day=date(2026, 12, 3))
    assert [c.when for c in reading.choices] == [datetime(2026, 12, 3, 10, tzinfo=UTC)]
    # Written into the text, day/month/year is read both ways.
    assert [c.when for c in read_moment("3/12/2026 10am", LONDON, now).choices] == [
        datetime(2026, 3, 12, 10, tzinfo=UTC),
        datetime(2026, 12, 3, 10, tzinfo=UTC),
    ]


@pytest.mark.parametrize(
    ("text", "a_day"),
    [
        ("friday 2pm", True),
        ("It just ended", True),
        ("yesterday 4pm", True),
        ("25/11 9:30", True),
        ("2 hours ago", True),
        ("it's 14:05 here", False),
        ("Berlin", False),
        ("Sunderland", False),  # a day's name inside a word is not a day
        ("Europe/Paris", False),
    ],
)
def test_an_answer_that_names_a_day_is_told_apart(text: str, a_day: bool) -> None:
    assert names_a_day(text) is a_day


@pytest.mark.parametrize(
    ("typed", "minutes_ago"),
    [("just finished, like 20 min ago", 20), ("like 20 min ago", 20),
     ("it just ended about 2 hours ago", 120), ("finished 45 minutes ago", 45)],
)  # fmt: skip
def test_an_ago_after_just_finished_says_when(typed: str, minutes_ago: int) -> None:
    now = datetime(2026, 12, 7, 10, tzinfo=UTC)
    (choice,) = read_moment(typed, ZoneInfo("Europe/London"), now, language="en").choices
    assert choice.when == now - timedelta(minutes=minutes_ago)
