"""Calendar arithmetic for nudges: business days, quiet hours and local wall-clock moments.

Business days are Monday to Friday. Public holidays are out of scope: they differ by country and
region, and a nudge that lands on one can be snoozed.
"""

from datetime import UTC, date, datetime, time, timedelta, tzinfo

from followup.timing import Timing

ONE_DAY = timedelta(days=1)
# Saturday and Sunday in date.weekday() numbering: a fact of the calendar, not a setting.
_WEEKEND = frozenset({5, 6})


def is_business_day(day: date) -> bool:
    """Whether `day` is a Monday to Friday."""
    return day.weekday() not in _WEEKEND


def next_business_day(day: date) -> date:
    """The first business day on or after `day`."""
    while not is_business_day(day):
        day += ONE_DAY
    return day


def business_days_after(day: date, n: int) -> date:
    """The date `n` business days after `day`, which is not counted itself; `day` when n is 0."""
    if n < 0:
        raise ValueError(f"n must not be negative, got {n}")
    while n:
        day += ONE_DAY
        if is_business_day(day):
            n -= 1
    return day


def business_days_between(start: date, end: date) -> int:
    """How many business days fall after `start`, up to and including `end`."""
    count = 0
    while start < end:
        start += ONE_DAY
        count += is_business_day(start)
    return count


def normalize(local: datetime) -> datetime:
    """The same instant with its wall time made real (a time in a DST gap moves forward)."""
    zone = local.tzinfo
    return local.astimezone(UTC).astimezone(zone)


def at_local(day: date, clock: time, zone: tzinfo) -> datetime:
    """The moment `clock` strikes on `day` in `zone`."""
    return normalize(datetime.combine(day, clock, tzinfo=zone))


def in_quiet_hours(clock: time, timing: Timing) -> bool:
    """Whether a local time of day falls inside quiet hours (start included, end excluded)."""
    start, end = timing.quiet_start, timing.quiet_end
    if start < end:
        return start <= clock < end
    return clock >= start or clock < end


def apply_quiet_hours(due_local: datetime, timing: Timing) -> datetime:
    """Move a local due time that falls inside quiet hours to the moment they end."""
    clock = due_local.time()
    if not in_quiet_hours(clock, timing):
        return due_local
    day = due_local.date()
    wraps_midnight = timing.quiet_start > timing.quiet_end
    if wraps_midnight and clock >= timing.quiet_start:
        day += ONE_DAY
    return at_local(day, timing.quiet_end, due_local.tzinfo or UTC)


def settle_on_business_day(due_local: datetime, timing: Timing) -> datetime:
    """Move a local due time out of quiet hours, then on to a business day at the same time."""
    settled = apply_quiet_hours(due_local, timing)
    if is_business_day(settled.date()):
        return settled
    # The wall time is already outside quiet hours, so keeping it keeps it outside.
    return at_local(next_business_day(settled.date()), settled.time(), settled.tzinfo or UTC)
