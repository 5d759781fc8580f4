"""Calendar arithmetic for nudges: working days, quiet hours and local wall-clock moments.

Which days are working days depends on where the user is: a `WorkCalendar` knows the weekend and
(in subclasses) the public holidays. A `Place` pairs it with the user's time zone; the rules take a
Place so every date they compute is the user's own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

from followup.core.timing import Timing

ONE_DAY = timedelta(days=1)
# Saturday and Sunday in date.weekday() numbering: the weekend in most of the world.
SATURDAY_SUNDAY = frozenset({5, 6})


@dataclass(frozen=True)
class Break:
    """Days off around public holidays, when recruiters are away: `start` to `end` inclusive.

    `end` is the last day off, so the day after it is the first working day. `name` says what
    the break is ("Christmas and New Year", "Good Friday and Easter Monday"); `holidays` lists
    the names of the public holidays inside it.
    """

    start: date
    end: date
    name: str
    holidays: tuple[str, ...] = ()

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


class WorkCalendar:
    """Working days: not the weekend and not a public holiday (this base class knows none)."""

    def __init__(self, weekend: frozenset[int] = SATURDAY_SUNDAY) -> None:
        if not weekend or len(weekend) > 3 or not weekend <= set(range(7)):
            raise ValueError(f"a weekend is one to three weekdays 0-6, got {sorted(weekend)}")
        self.weekend = weekend

    def holiday(self, day: date) -> str | None:
        """The name of the public holiday on `day`, or None."""
        return None

    def long_break(self, day: date) -> Break | None:
        """The long break `day` falls in, if any: follow-ups wait until it is over."""
        return None

    @property
    def last_workday(self) -> int:
        """The weekday (0 = Monday) that ends a working week: Thursday before a Fri-Sat weekend."""
        day = min(self.weekend)
        while (day - 1) % 7 in self.weekend:
            day = (day - 1) % 7
        return (day - 1) % 7

    def is_weekend(self, day: date) -> bool:
        return day.weekday() in self.weekend

    def holiday_name(self, day: date, language: str | None = None) -> str | None:
        """The public holiday's name as the user reads it (here: as `holiday` gives it)."""
        return self.holiday(day)

    def break_name(self, gap: Break, language: str | None = None) -> str:
        """What a break is called as the user reads it (here: as the break was named)."""
        return gap.name

    def is_business_day(self, day: date) -> bool:
        """Whether `day` is a working day: not the weekend, not a public holiday."""
        return not self.is_weekend(day) and self.holiday(day) is None

    def counts_as_working_day(self, day: date) -> bool:
        """Whether `day` counts in "N working days": a working day outside any long break.

        The one definition every count uses (the follow-up rules, "3 working days since the
        interview"): a day the bot calls part of a break ("away until Mon 4 Jan") is never
        counted as a day of silence, whatever the public holidays inside it.
        """
        return self.is_business_day(day) and self.long_break(day) is None

    def next_business_day(self, day: date) -> date:
        """The first working day on or after `day`."""
        while not self.is_business_day(day):
            day += ONE_DAY
        return day

    def business_days_after(self, day: date, n: int) -> date:
        """The date `n` counted working days after `day` (not counted itself); `day` when n is 0."""
        if n < 0:
            raise ValueError(f"n must not be negative, got {n}")
        while n:
            day += ONE_DAY
            if self.counts_as_working_day(day):
                n -= 1
        return day

    def business_days_between(self, start: date, end: date) -> int:
        """How many counted working days fall after `start`, up to and including `end`."""
        count = 0
        while start < end:
            start += ONE_DAY
            count += self.counts_as_working_day(start)
        return count

    def last_business_day_on_or_before(self, day: date) -> date:
        """`day`, or the working day (weekend and public holidays aside) before it."""
        while not self.is_business_day(day):
            day -= ONE_DAY
        return day

    def decision_day(self, day: date, *, after: date) -> date:
        """The working day an employer's decision date counts as: the last one on or before it.

        Nobody decides on a Sunday or on Christmas Day: "by Sunday" means by the working day
        before. Should that not be after the interview (`after`), the first working day after
        `day` is meant.
        """
        counted = self.last_business_day_on_or_before(day)
        return counted if counted > after else self.next_business_day(day)

    def days_off_between(self, start: date, end: date) -> list[tuple[date, str]]:
        """Public holidays after `start` up to and including `end`, with their names."""
        found = []
        while start < end:
            start += ONE_DAY
            name = self.holiday(start)
            if name is not None and not self.is_weekend(start):
                found.append((start, name))
        return found


MONDAY_TO_FRIDAY = WorkCalendar()


@dataclass(frozen=True)
class Place:
    """Where the user is, as far as timing goes: their time zone and their working days."""

    zone: ZoneInfo
    calendar: WorkCalendar = MONDAY_TO_FRIDAY

    def day_of(self, moment: datetime) -> date:
        """The user's calendar date at `moment`."""
        return moment.astimezone(self.zone).date()

    def at(self, day: date, clock: time) -> datetime:
        """The moment `clock` strikes on `day` where the user is."""
        return at_local(day, clock, self.zone)


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


def settle_on_business_day(due_local: datetime, timing: Timing, calendar: WorkCalendar) -> datetime:
    """Move a local due time out of quiet hours, then on to a working day at the same time."""
    settled = apply_quiet_hours(due_local, timing)
    if calendar.is_business_day(settled.date()):
        return settled
    # The wall time is already outside quiet hours, so keeping it keeps it outside.
    day = calendar.next_business_day(settled.date())
    return at_local(day, settled.time(), settled.tzinfo or UTC)
