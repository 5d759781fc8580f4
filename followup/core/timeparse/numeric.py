"""Dates written in numbers ("12/3" has two readings, "3.12" one, "2026-12-03") and their years."""

from __future__ import annotations

import re
from datetime import date, timedelta

# A deadline's day and month this recently gone mean that day (the caller says it has passed),
# not the same day next year.
_RECENT_PAST = timedelta(days=61)

NUMERIC_DATE = re.compile(
    r"(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?:(?P=sep)(?P<y>\d{4}|\d{2}))?"
)
ISO_DATE = re.compile(r"(?P<y>\d{4})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})")


def numeric_days(
    first: int,
    second: int,
    year: int | None,
    today: date,
    forward: bool,
    *,
    day_first: bool,
    prefer_day_first: bool = False,
) -> tuple[date, ...]:
    """Both readings of "12/3" (day first, month first) that are dates, earliest first.

    Dotted dates ("3.12") are written day first where people use them, so they have one reading.
    Where dates are written day first in every form (`prefer_day_first`: Spanish, German,
    Russian), "11/12" is the 11th of December; month first is read only when day first is no
    date ("12/25").
    """
    if prefer_day_first and not day_first:
        found = numeric_days(first, second, year, today, forward, day_first=True)
        if found:
            return found
    if year is not None and year < 100:
        year += 2000
    days: set[date] = set()
    orders = ((first, second),) if day_first else ((first, second), (second, first))
    for day, month in orders:
        if not 1 <= month <= 12:
            continue
        if year is not None:
            days.update(valid_day(year, month, day))
            continue
        chosen = pick_year(month, day, today, forward)
        if chosen is not None:
            days.add(chosen)
    return tuple(sorted(days))


def valid_day(year: int, month: int, day: int) -> tuple[date, ...]:
    """The date, or nothing if that month has no such day."""
    try:
        return (date(year, month, day),)
    except ValueError:
        return ()


def pick_year(month: int, day: int, today: date, forward: bool) -> date | None:
    """A day and month without a year: the nearest one, or for a deadline the next one."""
    options = [
        d for year in range(today.year - 4, today.year + 5) for d in valid_day(year, month, day)
    ]
    if not options:
        return None
    if forward:
        return forward_pick(options, today)
    return min(options, key=lambda d: (abs((d - today).days), d < today))


def forward_pick(options: list[date], today: date) -> date:
    """The recent past one if there is one (the caller says it has passed), else the next one."""
    recent = [d for d in options if today - _RECENT_PAST <= d < today]
    return max(recent) if recent else min(d for d in options if d >= today)
