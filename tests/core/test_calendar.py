"""Business days and quiet hours."""

import dataclasses
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup.core.calendar import (
    MONDAY_TO_FRIDAY,
    WorkCalendar,
    apply_quiet_hours,
    at_local,
    in_quiet_hours,
    settle_on_business_day,
)
from followup.core.timing import load_timing

TIMING = load_timing()
CAL = MONDAY_TO_FRIDAY
LONDON = ZoneInfo("Europe/London")

# 2026-10-12 is a Monday.
MON, TUE, WED, THU, FRI, SAT, SUN = (date(2026, 10, 12) + timedelta(days=i) for i in range(7))
NEXT_MON = date(2026, 10, 19)


def _london(text: str) -> datetime:
    """A wall-clock time in London, written 'YYYY-MM-DD HH:MM[:SS]'."""
    return datetime.fromisoformat(text).replace(tzinfo=LONDON)


@pytest.mark.parametrize(
    ("day", "expected"),
    [(MON, True), (TUE, True), (WED, True), (THU, True), (FRI, True), (SAT, False), (SUN, False)],
)
def test_is_business_day(day: date, expected: bool) -> None:
    assert CAL.is_business_day(day) is expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [(MON, MON), (FRI, FRI), (SAT, NEXT_MON), (SUN, NEXT_MON)],
)
def test_next_business_day(day: date, expected: date) -> None:
    assert CAL.next_business_day(day) == expected


@pytest.mark.parametrize(
    ("day", "n", "expected"),
    [
        (WED, 0, WED),
        (SAT, 0, SAT),
        (MON, 1, TUE),
        (THU, 1, FRI),
        (FRI, 1, NEXT_MON),
        (SAT, 1, NEXT_MON),
        (SUN, 1, NEXT_MON),
        (THU, 2, NEXT_MON),
        (MON, 5, NEXT_MON),
        (FRI, 5, date(2026, 10, 23)),
        (SAT, 5, date(2026, 10, 23)),
        (MON, 10, date(2026, 10, 26)),
    ],
)
def test_business_days_after(day: date, n: int, expected: date) -> None:
    assert CAL.business_days_after(day, n) == expected


def test_business_days_after_refuses_negative() -> None:
    with pytest.raises(ValueError):
        CAL.business_days_after(MON, -1)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (MON, MON, 0),
        (MON, TUE, 1),
        (FRI, SAT, 0),
        (FRI, SUN, 0),
        (FRI, NEXT_MON, 1),
        (SAT, NEXT_MON, 1),
        (MON, NEXT_MON, 5),
        (TUE, MON, 0),
    ],
)
def test_business_days_between(start: date, end: date, expected: int) -> None:
    assert CAL.business_days_between(start, end) == expected


@given(day=st.dates(date(2000, 1, 1), date(2100, 1, 1)), n=st.integers(0, 60))
def test_between_undoes_after(day: date, n: int) -> None:
    later = CAL.business_days_after(day, n)
    assert CAL.business_days_between(day, later) == n
    assert n == 0 or CAL.is_business_day(later)


@pytest.mark.parametrize(
    ("clock", "quiet"),
    [
        (time(20, 59, 59), False),
        (time(21, 0), True),
        (time(23, 59), True),
        (time(0, 0), True),
        (time(8, 29, 59), True),
        (time(8, 30), False),
        (time(12, 0), False),
    ],
)
def test_in_quiet_hours(clock: time, quiet: bool) -> None:
    assert in_quiet_hours(clock, TIMING) is quiet


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        ("2026-10-13 20:59", "2026-10-13 20:59"),
        ("2026-10-13 21:00", "2026-10-14 08:30"),
        ("2026-10-13 23:59", "2026-10-14 08:30"),
        ("2026-10-14 00:00", "2026-10-14 08:30"),
        ("2026-10-14 00:01", "2026-10-14 08:30"),
        ("2026-10-14 08:29", "2026-10-14 08:30"),
        ("2026-10-14 08:29:59", "2026-10-14 08:30"),
        ("2026-10-14 08:30", "2026-10-14 08:30"),
        ("2026-10-14 12:00", "2026-10-14 12:00"),
        # Quiet hours ignore weekends: only business-day nudges are moved off them.
        ("2026-10-16 22:00", "2026-10-17 08:30"),
    ],
)
def test_apply_quiet_hours(due: str, expected: str) -> None:
    assert apply_quiet_hours(_london(due), TIMING) == _london(expected)


@pytest.mark.parametrize(
    ("due", "expected_utc"),
    [
        # The night the clocks go back (2026-10-25): 22:00 BST, then 08:30 GMT.
        ("2026-10-24 22:00", "2026-10-25 08:30"),
        # The night the clocks go forward (2026-03-29): 22:00 GMT, then 08:30 BST.
        ("2026-03-28 22:00", "2026-03-29 07:30"),
    ],
)
def test_quiet_hours_across_dst(due: str, expected_utc: str) -> None:
    moved = apply_quiet_hours(_london(due), TIMING)
    assert moved.astimezone(ZoneInfo("UTC")).strftime("%Y-%m-%d %H:%M") == expected_utc
    assert moved.time() == time(8, 30)


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        ("2026-10-14 06:59", "2026-10-14 07:00"),
        ("2026-10-14 07:00", "2026-10-14 07:00"),
        ("2026-10-14 00:00", "2026-10-14 07:00"),
        ("2026-10-13 23:59", "2026-10-13 23:59"),
    ],
)
def test_quiet_hours_that_do_not_wrap_midnight(due: str, expected: str) -> None:
    timing = dataclasses.replace(TIMING, quiet_start=time(0, 0), quiet_end=time(7, 0))
    assert apply_quiet_hours(_london(due), timing) == _london(expected)


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        ("2026-10-14 10:00", "2026-10-14 10:00"),
        ("2026-10-17 10:00", "2026-10-19 10:00"),
        ("2026-10-18 10:00", "2026-10-19 10:00"),
        # Friday night: quiet hours move it to Saturday, then on to Monday at the same time.
        ("2026-10-16 22:00", "2026-10-19 08:30"),
    ],
)
def test_settle_on_business_day(due: str, expected: str) -> None:
    assert settle_on_business_day(_london(due), TIMING, CAL) == _london(expected)


def test_at_local_moves_a_time_in_the_dst_gap_forward() -> None:
    # 01:30 does not exist in London on 2026-03-29; the real moment is 02:30 BST.
    moment = at_local(date(2026, 3, 29), time(1, 30), LONDON)
    assert (moment.hour, moment.minute) == (2, 30)
    assert moment.utcoffset() == timedelta(hours=1)


@pytest.mark.parametrize(
    ("weekend", "last"),
    [({5, 6}, 4), ({4, 5}, 3), ({6}, 5), ({4}, 3), ({0, 6}, 5)],
)
def test_last_workday_is_the_day_before_the_weekend(weekend: set[int], last: int) -> None:
    assert WorkCalendar(frozenset(weekend)).last_workday == last


def test_a_friday_saturday_weekend_works_sundays() -> None:
    calendar = WorkCalendar(frozenset({4, 5}))
    assert calendar.is_business_day(SUN) and not calendar.is_business_day(FRI)
    assert calendar.business_days_after(THU, 1) == SUN


def test_a_weekend_must_be_one_to_three_days() -> None:
    for weekend in (frozenset(), frozenset({1, 2, 3, 4}), frozenset({7})):
        with pytest.raises(ValueError):
            WorkCalendar(weekend)
