"""When the employer said they would decide ("by friday", "in 2 weeks"), read forward."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from followup.core.calendar import WorkCalendar
from followup.core.language import speaking
from followup.core.timeparse.calendar_math import (
    FRIDAY,
    WEEK,
    add_months,
    is_far,
    month_end,
    stamped_now,
    week_start,
)
from followup.core.timeparse.clock import split_clock
from followup.core.timeparse.dateparse import parsed_days, read_both
from followup.core.timeparse.named_days import named_days
from followup.core.timeparse.normalise import (
    DAY_LEAD,
    DAY_PHRASE_FILLERS,
    DAY_TRAIL,
    END_OF_DAY,
    clean,
    normalise,
    strip_fillers,
)
from followup.core.timeparse.numeric import forward_pick
from followup.core.timeparse.translate import english
from followup.core.timeparse.vocabulary import COUNT, COUNTS, MONTH, MONTHS, VAGUE_COUNTS


@dataclass(frozen=True)
class DayReading:
    """What an answer to "when will they decide?" can mean."""

    choices: tuple[date, ...]  # () unreadable; one: clear; two or more: ask which
    confirm: bool = False  # the one reading is over a year ahead or over three months back
    relative: bool = False  # counted from a day ("in 2 weeks"), not a day named


def read_day(
    text: str,
    zone: ZoneInfo,
    now: datetime,
    *,
    last_workday: int = FRIDAY,
    counted_from: datetime | None = None,
    workdays: WorkCalendar | None = None,
    language: str | None = None,
) -> DayReading:
    """When the employer will decide, read forward from the user's today.

    `last_workday` is the weekday() of the last working day of the user's week (4 = Friday;
    3 = Thursday where the weekend is Friday and Saturday). `counted_from` is the interview:
    they said it there, so durations and weeks ("within 2 weeks", "by the end of next week",
    "end of the month") count from it, not from the day the user tells us. `workdays` counts
    "in 5 working days" on the user's own calendar (weekends only without it). `language` is the
    one the text is in (the user's, by default); English is read in every language.
    """
    language = language or speaking()
    cleaned = normalise(clean(english(text, language)))
    if not cleaned:
        return DayReading(())
    calendar = workdays or WorkCalendar(_weekend_after(last_workday))
    try:
        choices, relative = _deadline(cleaned, zone, now, calendar, counted_from, language)
    except (OverflowError, ValueError):  # a reading at the far ends of the calendar
        return DayReading(())
    far = len(choices) == 1 and is_far(choices[0], stamped_now(zone, now).date())
    return DayReading(choices, confirm=far, relative=relative and bool(choices))


def _weekend_after(last_workday: int) -> frozenset[int]:
    """The two days after a week's last working day."""
    return frozenset({(last_workday + 1) % 7, (last_workday + 2) % 7})


def _deadline(
    cleaned: str,
    zone: ZoneInfo,
    now: datetime,
    calendar: WorkCalendar,
    counted_from: datetime | None,
    language: str,
) -> tuple[tuple[date, ...], bool]:
    """The days a cleaned text can mean as a deadline, and whether they count from a day."""
    base = stamped_now(zone, now)
    today = base.date()
    last_workday = calendar.last_workday
    # Where they said it: the interview, when it is known and has happened.
    said_at = base
    if counted_from is not None and counted_from.astimezone(zone).replace(tzinfo=None) <= base:
        said_at = counted_from.astimezone(zone).replace(tzinfo=None)
    said_on = said_at.date()
    split = split_clock(cleaned, dotted_clock=False, bare_hours=False)
    if split is None:
        return (), False
    rest = DAY_PHRASE_FILLERS.sub(" ", split.rest)
    end_of_day = END_OF_DAY.search(rest) is not None
    rest = strip_fillers(END_OF_DAY.sub(" ", rest), DAY_LEAD, DAY_TRAIL)
    if not rest:
        # "by 5pm", "this afternoon", "eod": today.
        said_time = split.clock is not None or split.part is not None or end_of_day
        return ((today,) if said_time else ()), False
    for pattern, rule in _DEADLINE_PHRASES:
        match = pattern.fullmatch(rest)
        if match is not None:
            ends = rule(match, said_on, last_workday)
            if said_on < today and all(day <= said_on for day in ends):
                # "By the end of this week" of an interview on its week's last day: the
                # user means the week they are in.
                ends = rule(match, today, last_workday)
            return ends, False
    counted = _counted(rest, said_at, calendar)
    if counted is not None:
        return counted, True
    found = named_days(rest, zone, base, forward=True, last_workday=last_workday, language=language)
    if found is not None:
        return found, False
    reading = read_both(rest, zone, base, language=language)
    if reading is None:
        return (), False
    return parsed_days(rest, reading, today, forward=True)


def _week_end(today: date, last_workday: int, weeks: int) -> date:
    """The last working day of this week (0), next week (1) or the one after (2)."""
    return week_start(today, last_workday) + weeks * WEEK + timedelta(days=4)


def _coming_week_end(today: date, last_workday: int) -> date:
    """The last working day of this week, or of the coming one when this one's is over."""
    return today + timedelta(days=(last_workday - today.weekday()) % 7)


def _end_of_next_week(today: date, last_workday: int) -> tuple[date, ...]:
    """Next week's last working day; at the weekend, also the one a week after the coming one."""
    ends = {_week_end(today, last_workday, 1), _coming_week_end(today, last_workday) + WEEK}
    return tuple(sorted(ends))


def _end_of_named_month(month: int, today: date) -> tuple[date, ...]:
    """The end of the named month: this one's, a recent one's, or the next one's."""
    years = (today.year - 1, today.year, today.year + 1)
    return (forward_pick([month_end(date(year, month, 1)) for year in years], today),)


_DeadlineRule = Callable[[re.Match[str], date, int], tuple[date, ...]]
# Deadlines said in weeks and months, read as the last day they allow.
_DEADLINE_PHRASES: list[tuple[re.Pattern[str], _DeadlineRule]] = [
    (
        re.compile(
            r"(?:end of (?:the |this )?(?:working |work )?week|eow|(?:later )?this week"
            r"|later in the week|(?:this |the )?weekend)"
        ),
        lambda m, today, last: (_coming_week_end(today, last),),
    ),
    (
        re.compile(r"(?:the )?(?:next|following) week"),
        lambda m, today, last: (_week_end(today, last, 1),),
    ),
    (
        re.compile(r"(?:(?:the )?end of|late|later) (?:the )?(?:next|following) week|next weekend"),
        lambda m, today, last: _end_of_next_week(today, last),
    ),
    (
        re.compile(r"(?:early|(?:the )?(?:beginning|start) of) next week"),
        lambda m, today, last: (week_start(today, last) + timedelta(days=7),),
    ),
    (
        re.compile(r"(?:mid|(?:the )?middle of)[ -]?next week"),
        lambda m, today, last: (week_start(today, last) + timedelta(days=9),),
    ),
    (
        re.compile(r"(?:the )?(?:end of the )?week after next"),
        lambda m, today, last: (_week_end(today, last, 2),),
    ),
    (
        re.compile(r"(?:(?:the )?end of (?:the |this )?month|month end|eom)"),
        lambda m, today, last: (month_end(today),),
    ),
    (
        re.compile(r"(?:the )?end of next month"),
        lambda m, today, last: (month_end(add_months(today, 1)),),
    ),
    (
        re.compile(rf"(?:the )?end of (?P<month>{MONTH})"),
        lambda m, today, last: _end_of_named_month(MONTHS[m["month"]], today),
    ),
]

_UNIT = (
    r"(?P<unit>(?:business |working |work )?days?|weeks?|wks?|fortnights?|months?|hours?|hrs?|h)'?"
)
_COUNTED = re.compile(
    rf"(?:next )?(?P<n>{COUNT})(?:\s*(?:-|–|to|or)\s*(?P<n2>{COUNT}))?\s*{_UNIT}"
    rf"(?:\s+or\s+(?P<n3>{COUNT}))?(?:\s+(?:from (?:now|today)|time|later|or so))?"
)


def _counted(rest: str, base: datetime, calendar: WorkCalendar) -> tuple[date, ...] | None:
    """A deadline counted from `base` ("2 weeks", "in 10 days", "2-3 weeks": the later end)."""
    today = base.date()
    match = _COUNTED.fullmatch(rest)
    if match is None:
        return None
    said = [match[name] for name in ("n", "n2", "n3") if match[name]]
    if any(word in VAGUE_COUNTS for word in said):
        return ()
    count = max(int(word) if word.isdigit() else COUNTS[word] for word in said)
    unit = match["unit"]
    if unit.startswith(("business", "working", "work")):
        return (calendar.business_days_after(today, count),)
    if unit.startswith("month"):
        return (add_months(today, count),)
    if unit.startswith("h"):
        return ((base + timedelta(hours=count)).date(),)  # "within 48 hours": the day it runs out
    days_per = 14 if unit.startswith("fortnight") else 7 if unit.startswith("w") else 1
    return (today + timedelta(days=count * days_per),)
