"""Calendar sums: the user's own "now", local noon, months, weeks, days too far to trust."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

# Stamped on the base time: a result carrying it was computed from "now" ("an hour ago"), so it
# must be applied as a duration in real time rather than read as a wall-clock time.
_NOW_MARK = 654_321
NOON = time(12)
WEEK = timedelta(days=7)
FRIDAY = 4
# How far a single reading may be before the caller should check it with the user.
_CONFIRM_MONTHS_AHEAD = 12
_CONFIRM_MONTHS_BACK = 3


def stamped_now(zone: ZoneInfo, now: datetime) -> datetime:
    """The user's wall-clock now, naive, stamped so results computed from it can be recognised."""
    return now.astimezone(zone).replace(tzinfo=None, microsecond=_NOW_MARK)


def from_now(result: datetime) -> bool:
    """Whether dateparser computed this result from the base time rather than from stated parts."""
    return result.microsecond == _NOW_MARK


def local_noon(day: date, zone: ZoneInfo) -> datetime:
    """Noon on a local date, in UTC; noon is never skipped or repeated by a clock change."""
    return datetime.combine(day, NOON, tzinfo=zone).astimezone(UTC)


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), on the month's last day when it is shorter."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    first = date(year, month + 1, 1)
    return first.replace(day=min(day.day, month_end(first).day))


def month_end(day: date) -> date:
    """The last day of the day's month."""
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def week_start(today: date, last_workday: int) -> date:
    """The first day of the user's week: the day after its weekend."""
    first = (last_workday + 3) % 7
    return today - timedelta(days=(today.weekday() - first) % 7)


def is_far(day: date, today: date) -> bool:
    """Whether a day is far enough from today that the user should confirm it."""
    ahead = add_months(today, _CONFIRM_MONTHS_AHEAD)
    return day > ahead or day < add_months(today, -_CONFIRM_MONTHS_BACK)
