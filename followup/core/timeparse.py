"""Read the moments and days people type ("yesterday 3pm", "by friday") in their own time zone.

Two questions use it: when the interview is or was (`read_moment`, which reads the nearest
matching moment) and when the employer said they would decide (`read_day`, which reads forward).
Our own rules read the shapes a parser guesses wrong: clock times, weekdays, day/month order,
weeks and durations for a deadline. dateparser reads the other calendar words ("3 days ago", "the
3rd of december", "an hour ago"), and each of its answers is checked against what was typed.
An answer that can mean two days comes back with both, for the caller to ask which.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateparser.date import DateDataParser

# Nobody types a date in more than this; longer input only costs parsing time.
_MAX_INPUT = 100
# Stamped on the base time: a result carrying it was computed from "now" ("an hour ago"), so it
# must be applied as a duration in real time rather than read as a wall-clock time.
_NOW_MARK = 654_321
_NOON = time(12)
_WEEK = timedelta(days=7)
_FRIDAY = 4
# A deadline's day and month this recently gone mean that day (the caller says it has passed),
# not the same day next year.
_RECENT_PAST = timedelta(days=61)
# How far a single reading may be before the caller should check it with the user.
_CONFIRM_MONTHS_AHEAD = 12
_CONFIRM_MONTHS_BACK = 3

_WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "weds": 2,
    "wed": 2, "thursday": 3, "thurs": 3, "thur": 3, "thu": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
_COUNTS = {
    "a couple of": 2, "couple of": 2, "a couple": 2, "couple": 2, "a": 1, "an": 1, "one": 1,
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
# Counts too vague to plan by: the user is asked for a day instead.
_VAGUE_COUNTS = ("a few", "few", "several", "some")


def _words(names: Iterable[str]) -> str:
    """A regex alternative of the given words, longest first so "thurs" wins over "thu"."""
    return "(?:" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + ")"


# Words that say *when*, never *where* (full weekday names: "Sun" and "Mon" are places too), and
# dates like 25/11: an answer to the question the user expected next can be told apart by them.
_WHEN_WORDS = (
    *(name for name in _WEEKDAYS if len(name) > 4),
    *("today", "tonight", "yesterday", "yday", "tomorrow", "ago", "just now", "just ended"),
)
_A_DAY = re.compile(rf"\b{_words(_WHEN_WORDS)}\b|\b\d{{1,2}}/\d{{1,2}}\b", re.IGNORECASE)


def names_a_day(text: str) -> bool:
    """Whether the text says when ("friday 2pm", "it just ended") rather than where."""
    return _A_DAY.search(text[:_MAX_INPUT]) is not None


_WEEKDAY = _words(_WEEKDAYS)
_MONTH = _words(_MONTHS)
_COUNT = rf"(?:\d{{1,3}}|{_words([*_COUNTS, *_VAGUE_COUNTS])})"


@dataclass(frozen=True)
class ParsedMoment:
    """A moment read from text; without a time, only the local date of `when` (noon) counts."""

    when: datetime  # aware, UTC
    has_time: bool  # a time of day was given or implied ("now", "an hour ago")
    # The user stated a local clock time or day ("3pm", "yesterday 14:00") rather than a duration
    # from now ("an hour ago"): the caller keeps such a time as typed if the user's zone changes.
    wall_clock: bool


@dataclass(frozen=True)
class MomentReading:
    """What an answer to "when is (or was) the interview?" can mean."""

    choices: tuple[ParsedMoment, ...]  # () unreadable; one: clear; two or more: ask which
    confirm: bool = False  # the one reading is over a year ahead or over three months back


@dataclass(frozen=True)
class DayReading:
    """What an answer to "when will they decide?" can mean."""

    choices: tuple[date, ...]  # () unreadable; one: clear; two or more: ask which
    confirm: bool = False  # the one reading is over a year ahead or over three months back
    relative: bool = False  # counted from today ("in 2 weeks"), not a day named


def read_moment(
    text: str, zone: ZoneInfo, now: datetime, *, on_day: date | None = None
) -> MomentReading:
    """When an interview is or was: a bare time is today, a weekday or date its nearest one.

    `on_day` is a day the user gave in an earlier answer: a bare time ("10am") is on that day.
    """
    cleaned = _normalise(_clean(text))
    if not cleaned:
        return MomentReading(())
    try:
        choices = _moments(cleaned, zone, now, on_day)
    except (OverflowError, ValueError):  # a reading at the far ends of the calendar
        return MomentReading(())
    today = _base(zone, now).date()
    far = len(choices) == 1 and is_far(choices[0].when.astimezone(zone).date(), today)
    return MomentReading(choices, confirm=far)


def read_day(
    text: str, zone: ZoneInfo, now: datetime, *, last_workday: int = _FRIDAY
) -> DayReading:
    """When the employer will decide, read forward from the user's today.

    `last_workday` is the weekday() of the last working day of the user's week (4 = Friday;
    3 = Thursday where the weekend is Friday and Saturday).
    """
    cleaned = _normalise(_clean(text))
    if not cleaned:
        return DayReading(())
    try:
        choices, relative = _deadline(cleaned, zone, now, last_workday)
    except (OverflowError, ValueError):  # a reading at the far ends of the calendar
        return DayReading(())
    far = len(choices) == 1 and is_far(choices[0], _base(zone, now).date())
    return DayReading(choices, confirm=far, relative=relative and bool(choices))


# Earlier API, kept for callers not yet moved to the readings above.


def parse_moment(text: str, zone: ZoneInfo, now: datetime) -> datetime | None:
    """When an interview is or was, in UTC; None if unclear or if no time of day was given."""
    moment = parse_moment_detail(text, zone, now)
    return moment.when if moment is not None and moment.has_time else None


def parse_moment_detail(text: str, zone: ZoneInfo, now: datetime) -> ParsedMoment | None:
    """The one moment the text means, or None when it is unreadable or could mean two.

    Its callers write a day they already have as day/month/year before the time the user typed
    ("3/12/2026 10am"), so that form is read day first here; `read_moment(on_day=...)` replaces it.
    """
    text = _DAY_MONTH_YEAR.sub(lambda m: f"{m['y']}-{m['m']}-{m['d']}", text)
    choices = read_moment(text, zone, now).choices
    return choices[0] if len(choices) == 1 else None


_DAY_MONTH_YEAR = re.compile(r"^(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})(?=\s)")


def parse_day(text: str, zone: ZoneInfo, now: datetime) -> date | None:
    """The one decision date the text means, or None when it is unreadable or could mean two."""
    choices = read_day(text, zone, now).choices
    return choices[0] if len(choices) == 1 else None


def warm_up() -> None:
    """Load dateparser's English data now: its first parse takes a fifth of a second."""
    anchor = datetime(2026, 1, 7, 12, 0, tzinfo=UTC)
    read_moment("an hour ago", ZoneInfo("UTC"), anchor)
    read_day("3 december", ZoneInfo("UTC"), anchor)


# Reading a moment.


def _moments(
    cleaned: str, zone: ZoneInfo, now: datetime, on_day: date | None
) -> tuple[ParsedMoment, ...]:
    """Every moment a cleaned text can mean, earliest first."""
    base = _base(zone, now)
    if cleaned == "now":
        return (ParsedMoment(now.astimezone(UTC), has_time=True, wall_clock=False),)
    split = _split(_strip(cleaned, _MOMENT_LEAD, ()), dotted_clock=True, bare_hours=True)
    if split is None:
        return ()
    rest = _strip(split.rest, _CONNECTORS, _CONNECTORS)
    if not rest:
        if split.clock is None and split.part is None:
            return ()
        days: tuple[date, ...] = (on_day or base.date(),)
    else:
        found = _named_days(rest, zone, base, forward=False, last_workday=_FRIDAY)
        if found is None:
            reading = _read_both(rest, zone, base)
            if reading is None:
                return ()
            ahead = _duration(rest, reading)
            if ahead is not None:
                if split.clock is not None or split.part is not None:
                    return ()  # "an hour ago at 3pm": which one?
                when = now.astimezone(UTC) + ahead
                return (ParsedMoment(when, has_time=True, wall_clock=False),)
            found, _ = _parsed_days(rest, reading, base.date(), forward=False)
        days = found
    readings = {_moment_on(day, split.clock, zone) for day in days}
    if split.dotted is not None and not rest and on_day is None:
        # "10.12" alone is a time or a date: ask which.
        day, month = split.dotted
        dates = _numeric_days(day, month, None, base.date(), forward=False, day_first=True)
        readings.update(_moment_on(found_day, None, zone) for found_day in dates)
    return tuple(sorted(readings, key=lambda r: (r.when, r.has_time)))


def _moment_on(day: date, clock: time | None, zone: ZoneInfo) -> ParsedMoment:
    """The moment at a local clock time on a day, or the day alone (noon) without one."""
    if clock is None:
        return ParsedMoment(_local_noon(day, zone), has_time=False, wall_clock=True)
    # A time skipped by a clock change reads as the same number of minutes past the change.
    when = datetime.combine(day, clock, tzinfo=zone).astimezone(UTC)
    return ParsedMoment(when, has_time=True, wall_clock=True)


def _duration(rest: str, reading: _Reading) -> timedelta | None:
    """How far from now a reading like "an hour ago" or "in 2 hours" is; None for other readings."""
    if reading.period != "time" or not _from_now(reading.past) or reading.past != reading.future:
        return None
    return reading.past - reading.base if _points_the_right_way(rest, reading) else None


def _points_the_right_way(rest: str, reading: _Reading) -> bool:
    """Whether a reading counted from now lies on the side the words say ("ago", "in", "from")."""
    if re.search(r"\bago\b|\bbefore\b|\bearlier\b", rest):
        return reading.past < reading.base
    if re.search(r"\bin\b|\bfrom\b|\blater\b|\bwithin\b|\bafter\b", rest):
        return reading.past > reading.base
    return True


# Reading a deadline.


def _deadline(
    cleaned: str, zone: ZoneInfo, now: datetime, last_workday: int
) -> tuple[tuple[date, ...], bool]:
    """The days a cleaned text can mean as a deadline, and whether they count from today."""
    base = _base(zone, now)
    today = base.date()
    split = _split(cleaned, dotted_clock=False, bare_hours=False)
    if split is None:
        return (), False
    rest = _DAY_PHRASE_FILLERS.sub(" ", split.rest)
    end_of_day = _END_OF_DAY.search(rest) is not None
    rest = _strip(_END_OF_DAY.sub(" ", rest), _DAY_LEAD, _DAY_TRAIL)
    if not rest:
        # "by 5pm", "this afternoon", "eod": today.
        said_time = split.clock is not None or split.part is not None or end_of_day
        return ((today,) if said_time else ()), False
    for pattern, rule in _DEADLINE_PHRASES:
        match = pattern.fullmatch(rest)
        if match is not None:
            return rule(match, today, last_workday), False
    counted = _counted(rest, base, last_workday)
    if counted is not None:
        return counted, True
    found = _named_days(rest, zone, base, forward=True, last_workday=last_workday)
    if found is not None:
        return found, False
    reading = _read_both(rest, zone, base)
    if reading is None:
        return (), False
    return _parsed_days(rest, reading, today, forward=True)


def _week_start(today: date, last_workday: int) -> date:
    """The first day of the user's week: the day after its weekend."""
    first = (last_workday + 3) % 7
    return today - timedelta(days=(today.weekday() - first) % 7)


def _week_end(today: date, last_workday: int, weeks: int) -> date:
    """The last working day of this week (0), next week (1) or the one after (2)."""
    return _week_start(today, last_workday) + weeks * _WEEK + timedelta(days=4)


def _coming_week_end(today: date, last_workday: int) -> date:
    """The last working day of this week, or of the coming one when this one's is over."""
    return today + timedelta(days=(last_workday - today.weekday()) % 7)


def _end_of_next_week(today: date, last_workday: int) -> tuple[date, ...]:
    """Next week's last working day; at the weekend, also the one a week after the coming one."""
    ends = {_week_end(today, last_workday, 1), _coming_week_end(today, last_workday) + _WEEK}
    return tuple(sorted(ends))


def _end_of_named_month(month: int, today: date) -> tuple[date, ...]:
    """The end of the named month: this one's, a recent one's, or the next one's."""
    years = (today.year - 1, today.year, today.year + 1)
    return (_forward_pick([_month_end(date(year, month, 1)) for year in years], today),)


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
        lambda m, today, last: (_week_start(today, last) + timedelta(days=7),),
    ),
    (
        re.compile(r"(?:mid|(?:the )?middle of)[ -]?next week"),
        lambda m, today, last: (_week_start(today, last) + timedelta(days=9),),
    ),
    (
        re.compile(r"(?:the )?(?:end of the )?week after next"),
        lambda m, today, last: (_week_end(today, last, 2),),
    ),
    (
        re.compile(r"(?:(?:the )?end of (?:the |this )?month|month end|eom)"),
        lambda m, today, last: (_month_end(today),),
    ),
    (
        re.compile(r"(?:the )?end of next month"),
        lambda m, today, last: (_month_end(_add_months(today, 1)),),
    ),
    (
        re.compile(rf"(?:the )?end of (?P<month>{_MONTH})"),
        lambda m, today, last: _end_of_named_month(_MONTHS[m["month"]], today),
    ),
]

_UNIT = (
    r"(?P<unit>(?:business |working |work )?days?|weeks?|wks?|fortnights?|months?|hours?|hrs?|h)'?"
)
_COUNTED = re.compile(
    rf"(?:next )?(?P<n>{_COUNT})(?:\s*(?:-|–|to|or)\s*(?P<n2>{_COUNT}))?\s*{_UNIT}"
    rf"(?:\s+or\s+(?P<n3>{_COUNT}))?(?:\s+(?:from (?:now|today)|time|later|or so))?"
)


def _counted(rest: str, base: datetime, last_workday: int) -> tuple[date, ...] | None:
    """A deadline counted from now ("2 weeks", "in 10 days", "2-3 weeks": the later end)."""
    today = base.date()
    match = _COUNTED.fullmatch(rest)
    if match is None:
        return None
    said = [match[name] for name in ("n", "n2", "n3") if match[name]]
    if any(word in _VAGUE_COUNTS for word in said):
        return ()
    count = max(int(word) if word.isdigit() else _COUNTS[word] for word in said)
    unit = match["unit"]
    if unit.startswith(("business", "working", "work")):
        return (_add_workdays(today, count, last_workday),)
    if unit.startswith("month"):
        return (_add_months(today, count),)
    if unit.startswith("h"):
        return ((base + timedelta(hours=count)).date(),)  # "within 48 hours": the day it runs out
    days_per = 14 if unit.startswith("fortnight") else 7 if unit.startswith("w") else 1
    return (today + timedelta(days=count * days_per),)


def _add_workdays(today: date, count: int, last_workday: int) -> date:
    """The day `count` working days after today."""
    weekend = {(last_workday + 1) % 7, (last_workday + 2) % 7}
    day = today
    while count > 0:
        day += timedelta(days=1)
        count -= day.weekday() not in weekend
    return day


# Days named in the text, for both questions.


def _named_days(
    rest: str, zone: ZoneInfo, base: datetime, *, forward: bool, last_workday: int
) -> tuple[date, ...] | None:
    """The days a day expression names by our rules; None when it is none of their shapes."""
    today = base.date()
    if rest in _FIXED_DAYS:
        return (today + timedelta(days=_FIXED_DAYS[rest]),)
    for rule in (_weekday_days, _ordinal_days):
        found = rule(rest, today, forward, last_workday)
        if found is not None:
            return found
    numeric = _NUMERIC_DATE.fullmatch(rest)
    if numeric is not None:
        year = numeric["y"]
        return _numeric_days(
            int(numeric["a"]), int(numeric["b"]), int(year) if year else None, today, forward,
            day_first=numeric["sep"] == ".",
        )  # fmt: skip
    iso = _ISO_DATE.fullmatch(rest)
    if iso is not None:
        return (date(int(iso["y"]), int(iso["m"]), int(iso["d"])),)
    return _filtered_by_weekday(rest, zone, base, forward=forward, last_workday=last_workday)


_FIXED_DAYS = {
    "today": 0, "tomorrow": 1, "yesterday": -1, "day after tomorrow": 2,
    "day before yesterday": -2,
}  # fmt: skip
_WEEKDAY_PHRASE = re.compile(
    rf"(?:(?P<pre>this coming|coming|this|next|last)\s+)?(?P<day>{_WEEKDAY})"
    r"(?:\s+(?:of\s+)?(?P<week>this|next|last)\s+week)?"
    rf"|(?P<week2>this|next|last)\s+week\s+(?P<day2>{_WEEKDAY})"
    rf"|a\s+week\s+(?:on|from)\s+(?P<day3>{_WEEKDAY})|(?P<day4>{_WEEKDAY})\s+week"
)
_WEEK_OFFSETS = {"last": -7, "this": 0, "next": 7}


def _weekday_days(
    rest: str, today: date, forward: bool, last_workday: int
) -> tuple[date, ...] | None:
    """A weekday: the coming one (deadlines) or the nearest (moments); "next" may mean two."""
    match = _WEEKDAY_PHRASE.fullmatch(rest)
    if match is None:
        return None
    target = _WEEKDAYS[match["day"] or match["day2"] or match["day3"] or match["day4"]]
    coming = today + timedelta(days=(target - today.weekday()) % 7)
    if match["day3"] or match["day4"]:
        return (coming + _WEEK,)  # "thursday week", "a week on friday": a week after the coming one
    week = match["week"] or match["week2"]
    start = _week_start(today, last_workday)
    in_week = start + timedelta(days=(target - start.weekday()) % 7)
    if week is not None:
        return (in_week + timedelta(days=_WEEK_OFFSETS[week]),)
    pre = match["pre"]
    if pre == "last":
        return (today - timedelta(days=(today.weekday() - target - 1) % 7 + 1),)
    if pre == "next":
        # The first one after today, or the one in next week: when they differ, ask.
        after = today + timedelta(days=(target - today.weekday() - 1) % 7 + 1)
        return tuple(sorted({after, in_week + timedelta(days=7)}))
    if forward or pre in ("coming", "this coming"):
        return (coming,)
    if pre == "this":
        # This week's; once the working week is over it may be the coming one: ask.
        weekend = today > start + timedelta(days=4)
        return tuple(sorted({in_week, coming})) if weekend else (in_week,)
    # Within three days either way; today's own weekday is today.
    return (today + timedelta(days=(target - today.weekday() + 3) % 7 - 3),)


_ORDINAL = re.compile(
    r"(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)(?:\s+of\s+(?P<which>this|the|next)\s+month)?"
    r"|the\s+(?P<n2>\d{1,2})"
)


def _ordinal_days(
    rest: str, today: date, forward: bool, last_workday: int
) -> tuple[date, ...] | None:
    """A day of the month ("the 10th"): the next one for deadlines, the nearest for moments."""
    match = _ORDINAL.fullmatch(rest)
    if match is None:
        return None
    number = int(match["n"] or match["n2"])
    which = match["which"]
    first = today.replace(day=1)
    if which is not None:
        month = _add_months(first, 1 if which == "next" else 0)
        return _valid_day(month.year, month.month, number)
    months = [_add_months(first, offset) for offset in range(-2, 14)]
    options = [day for m in months for day in _valid_day(m.year, m.month, number)]
    if not options:
        return ()
    if forward:
        return (min(day for day in options if day >= today),)
    return (min(options, key=lambda day: (abs((day - today).days), day < today)),)


def _valid_day(year: int, month: int, day: int) -> tuple[date, ...]:
    """The date, or nothing if that month has no such day."""
    try:
        return (date(year, month, day),)
    except ValueError:
        return ()


_NUMERIC_DATE = re.compile(
    r"(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?:(?P=sep)(?P<y>\d{4}|\d{2}))?"
)
_ISO_DATE = re.compile(r"(?P<y>\d{4})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})")


def _numeric_days(
    first: int, second: int, year: int | None, today: date, forward: bool, *, day_first: bool
) -> tuple[date, ...]:
    """Both readings of "12/3" (day first, month first) that are dates, earliest first.

    Dotted dates ("3.12") are written day first where people use them, so they have one reading.
    """
    if year is not None and year < 100:
        year += 2000
    days: set[date] = set()
    orders = ((first, second),) if day_first else ((first, second), (second, first))
    for day, month in orders:
        if not 1 <= month <= 12:
            continue
        if year is not None:
            days.update(_valid_day(year, month, day))
            continue
        chosen = _pick_year(month, day, today, forward)
        if chosen is not None:
            days.add(chosen)
    return tuple(sorted(days))


def _pick_year(month: int, day: int, today: date, forward: bool) -> date | None:
    """A day and month without a year: the nearest one, or for a deadline the next one."""
    options = [
        d for year in range(today.year - 4, today.year + 5) for d in _valid_day(year, month, day)
    ]
    if not options:
        return None
    if forward:
        return _forward_pick(options, today)
    return min(options, key=lambda d: (abs((d - today).days), d < today))


def _forward_pick(options: list[date], today: date) -> date:
    """The recent past one if there is one (the caller says it has passed), else the next one."""
    recent = [d for d in options if today - _RECENT_PAST <= d < today]
    return max(recent) if recent else min(d for d in options if d >= today)


_WEEKDAY_WORD = re.compile(rf"\b{_WEEKDAY}\b")


def _filtered_by_weekday(
    rest: str, zone: ZoneInfo, base: datetime, *, forward: bool, last_workday: int
) -> tuple[date, ...] | None:
    """A weekday with a date ("friday 4/12", "fri the 4th"): the dates that fall on that day."""
    words = _WEEKDAY_WORD.findall(rest)
    if len(words) != 1:
        return None
    remainder = _strip(_WEEKDAY_WORD.sub(" ", rest), _CONNECTORS, _CONNECTORS)
    if not remainder or _WEEKDAY_WORD.search(remainder):
        return None
    found = _named_days(remainder, zone, base, forward=forward, last_workday=last_workday)
    if found is None:
        reading = _read_both(remainder, zone, base)
        if reading is None:
            return ()
        found, relative = _parsed_days(remainder, reading, base.date(), forward=forward)
        if relative:
            return ()
    # A date that is not on the stated weekday is a slip in one of them: ask again.
    return tuple(day for day in found if day.weekday() == _WEEKDAYS[words[0]])


# dateparser, for the calendar words our rules do not cover.


@dataclass(frozen=True)
class _Reading:
    """dateparser's past-preferring and future-preferring readings, as naive local times."""

    past: datetime
    future: datetime
    period: str
    base: datetime


_YEAR = re.compile(r"\b\d{4}\b|'\d{2}\b")
_MONTH_WORD = re.compile(rf"\b{_MONTH}\b")
_COUNTED_WEEKS = re.compile(r"\b(?:in\s+)?(?:\d+|a|an|one|two|three|four)\s+weeks?\b")


def _parsed_days(
    rest: str, reading: _Reading, today: date, *, forward: bool
) -> tuple[tuple[date, ...], bool]:
    """The day dateparser read, if it used every number typed; and whether it counts from today."""
    past, future = reading.past, reading.future
    if _from_now(past) or _from_now(future):
        # "3 days ago", "in 2 weeks"; not "next week" or "next month", which name no one day.
        counted = reading.period == "day" or (
            reading.period == "week" and _COUNTED_WEEKS.search(rest) is not None
        )
        counted = counted and past == future and _points_the_right_way(rest, reading)
        return ((past.date(),) if counted else ()), True
    if reading.period != "day":
        return (), False
    if re.search(r"\d", rest) and not _MONTH_WORD.search(rest):
        return (), False  # "by the 10th": dateparser puts it in this month, past or not
    if _MONTH_WORD.search(rest) and not _YEAR.search(rest):
        chosen = _pick_year(future.month, future.day, today, forward)
    elif past == future:
        chosen = past.date()
    else:
        return (), False
    if chosen is None or not _uses_every_number(rest, chosen):
        return (), False
    return (chosen,), False


def _uses_every_number(rest: str, day: date) -> bool:
    """Whether each number typed is the day or the year: dateparser skips words it can't read."""
    allowed = {day.day, day.year, day.year % 100}
    return all(int(number) in allowed for number in re.findall(r"\d+", rest))


def _read(text: str, zone: ZoneInfo, base: datetime, prefer: str) -> tuple[datetime, str] | None:
    """One dateparser reading as a naive local time and its period; None when it fails."""
    settings = {
        "RETURN_AS_TIMEZONE_AWARE": False,
        "RELATIVE_BASE": base,
        "DATE_ORDER": "DMY",
        "PREFER_DATES_FROM": prefer,
        "RETURN_TIME_AS_PERIOD": True,
    }
    if zone.key:
        settings["TIMEZONE"] = zone.key
    try:
        # English only: trying every language takes over a second on unreadable text.
        data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    except Exception:  # the parser has many failure modes; any of them means "unreadable"
        return None
    found = data.date_obj
    if found is None:
        return None
    if found.tzinfo is not None:
        found = found.astimezone(zone).replace(tzinfo=None)
    return found, data.period or "day"


def _read_both(text: str, zone: ZoneInfo, base: datetime) -> _Reading | None:
    """The past-preferring and future-preferring readings, and the period they describe."""
    past = _read(text, zone, base, "past")
    future = _read(text, zone, base, "future")
    if past is None or future is None:
        return None
    return _Reading(past[0], future[0], past[1], base)


# Clock times and parts of the day.


@dataclass(frozen=True)
class _Split:
    """A text taken apart: the stated clock time and part of day, and the words left for the day."""

    rest: str
    clock: time | None
    part: str | None  # morning, afternoon or evening
    dotted: tuple[int, int] | None  # "10.12" alone: also a day and a month


_PART_OF_DAY = re.compile(
    r"\b(?:(?P<which>this|last|tomorrow|in the|during the|early|late)\s+)?"
    r"(?P<part>morning|afternoon|evening|night|tonight)\b"
)
_CLOCK = re.compile(
    r"(?<![\w/.:-])(?:"
    r"(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<mer>am|pm)"  # 3pm, 3:30pm, 9.30 am
    r"|(?P<hm>\d{3,4})\s*(?P<mer2>am|pm)"  # 930am
    r"|(?P<h24>\d{1,2})(?P<sep>[:.h])(?P<m24>\d{2})"  # 14:00, 9.30, 14h30
    r"|(?P<hh>\d{1,2})h"  # 14h
    r"|(?P<noon>noon)|(?P<midnight>midnight)"
    r")(?![\w/.:])"
)
_AT_HOUR = re.compile(r"(?:\bat|@)\s*(?P<h>\d{1,4})(?![\w/.:])")
_DAY_WORDS = frozenset({"today", "tomorrow", "yesterday", *_WEEKDAYS})


@dataclass(frozen=True)
class _Stated:
    """A clock time as typed: where it is, its digits, and how it was written."""

    start: int
    end: int
    hour: str
    minute: str | None
    meridiem: str | None
    kind: str  # "meridiem", "colon", "dot", "h", "bare", "noon" or "midnight"


def _split(text: str, *, dotted_clock: bool, bare_hours: bool) -> _Split | None:
    """Take the clock time and part of day out of a text; None if they can't be read."""
    taken = _take_part_of_day(text)
    if taken is None:
        return None
    text, part = taken
    found = [s for s in _stated_clocks(text) if dotted_clock or s.kind != "dot"]
    if not found:
        found = _bare_hours(text, anywhere=bare_hours)
    if not found:
        return _Split(" ".join(text.split()), None, part, None)
    if len(found) > 1:
        return None  # "3pm or 4pm"
    stated = found[0]
    clock = _clock(stated, part)
    if clock is None:
        return None
    rest = " ".join((text[: stated.start] + " " + text[stated.end :]).split())
    dotted = None
    said_at = re.search(r"(?:\bat|@)\s*$", text[: stated.start]) is not None
    if stated.kind == "dot" and not said_at and stated.minute and 1 <= int(stated.minute) <= 12:
        dotted = (int(stated.hour), int(stated.minute))
    return _Split(rest, clock, part, dotted)


def _take_part_of_day(text: str) -> tuple[str, str | None] | None:
    """Take out "this morning", "tonight", "friday afternoon": the day stays, the part is noted."""
    found = list(_PART_OF_DAY.finditer(text))
    if not found:
        return text, None
    if len(found) > 1:
        return None
    match = found[0]
    part, which = match["part"], match["which"]
    day = ""
    if part == "tonight" or which == "this":
        day = "today"
    elif which == "last":
        day = "yesterday"
    elif which == "tomorrow":
        day = "tomorrow"
    part = "evening" if part in ("night", "tonight") else part
    return f"{text[: match.start()]} {day} {text[match.end() :]}", part


def _stated_clocks(text: str) -> list[_Stated]:
    """Every clock time written in a way that can only be a time ("3pm", "14:00", "noon")."""
    found = []
    for match in _CLOCK.finditer(text):
        start, end = match.span()
        if match["noon"] or match["midnight"]:
            found.append(
                _Stated(start, end, "", None, None, "noon" if match["noon"] else "midnight")
            )
        elif match["mer"]:
            found.append(_Stated(start, end, match["h"], match["m"], match["mer"], "meridiem"))
        elif match["mer2"]:
            digits = match["hm"]
            found.append(_Stated(start, end, digits[:-2], digits[-2:], match["mer2"], "meridiem"))
        elif match["h24"]:
            kind = {":": "colon", ".": "dot", "h": "h"}[match["sep"]]
            found.append(_Stated(start, end, match["h24"], match["m24"], None, kind))
        elif not (text[:start].endswith("in ") or text[end:].startswith(" ago")):
            # "14h" is a time; "in 2h" and "2h ago" are durations.
            found.append(_Stated(start, end, match["hh"], None, None, "h"))
    return found


def _bare_hours(text: str, *, anywhere: bool) -> list[_Stated]:
    """Numbers that are times by their place: "at 3"; and `anywhere`: "10", "mon 930"."""
    found = [_bare(match.start(), match.end(), match["h"]) for match in _AT_HOUR.finditer(text)]
    if found or not anywhere:
        return found
    tokens = list(re.finditer(r"\S+", text))
    if len(tokens) == 1 and re.fullmatch(r"\d{1,2}", tokens[0][0]):
        return [_bare(tokens[0].start(), tokens[0].end(), tokens[0][0])]
    for index, token in enumerate(tokens):
        if not re.fullmatch(r"\d{1,4}", token[0]):
            continue
        near = {tokens[i][0] for i in (index - 1, index + 1) if 0 <= i < len(tokens)}
        if near & _DAY_WORDS and not near & _MONTHS.keys():
            found.append(_bare(token.start(), token.end(), token[0]))
    return found


def _bare(start: int, end: int, digits: str) -> _Stated:
    """A clock written as digits only: "3" is an hour, "930" and "1400" are hour and minutes."""
    if len(digits) > 2:
        return _Stated(start, end, digits[:-2], digits[-2:], None, "bare")
    return _Stated(start, end, digits, None, None, "bare")


def _clock(stated: _Stated, part: str | None) -> time | None:
    """The time of day a stated clock means, or None if it is not one."""
    if stated.kind == "noon":
        return _NOON
    if stated.kind == "midnight":
        return time(0)
    hour, minute = int(stated.hour), int(stated.minute or 0)
    if minute > 59:
        return None
    if stated.meridiem is not None:
        if not 1 <= hour <= 12:
            return None
        return time(hour % 12 + (12 if stated.meridiem == "pm" else 0), minute)
    if hour > 23:
        return None
    if part in ("afternoon", "evening") and hour < 12:
        hour += 12
    elif part is None and stated.kind != "h" and not stated.hour.startswith("0") and hour <= 6:
        # Interviews are not held at 3 a.m.: a "3" or "3:30" without am/pm is the afternoon.
        hour += 12
    return time(hour, minute)


# Cleaning and rewriting the text.


_CONNECTORS = frozenset({"at", "@", "on", "-", "and"})
# Words that may lead a moment ("it was at 3", "the interview is tomorrow").
_MOMENT_LEAD = frozenset(
    {"it", "it's", "its", "was", "is", "will", "be", "the", "my", "interview", "ended", "finished",
     "started", "starts", "began", "begins", "i", "think", "probably", "maybe", "um", "uh", "erm",
     "hmm", "well", "so", "oh", "ok", "okay"}
)  # fmt: skip
# Words that may lead a deadline ("they said they'll let me know by friday").
_DAY_LEAD = frozenset(
    {"they", "he", "she", "we", "i", "hr", "recruiter", "the", "company", "hiring", "manager",
     "said", "say", "says", "told", "tell", "me", "us", "mentioned", "will", "would", "should",
     "could", "might", "they'll", "they'd", "he'll", "she'll", "it'll", "we'll", "i'll", "let",
     "know", "decide", "decision", "get", "back", "to", "be", "in", "touch", "hear", "from",
     "them", "by", "before", "until", "till", "til", "on", "within", "sometime", "some", "time",
     "probably", "maybe", "hopefully", "possibly", "likely", "apparently", "supposedly",
     "expect", "expected", "expecting", "expects", "hope", "hoping", "hopes", "think", "guess",
     "is", "was", "it", "it's", "its", "that", "have", "having", "reply", "respond", "response",
     "feedback", "news", "come", "call", "email", "over", "during", "for", "at", "so", "ok",
     "okay", "um", "uh", "erm", "hmm", "well", "oh", "promised", "answer", "decided"}
)  # fmt: skip
_DAY_TRAIL = frozenset(
    {"latest", "at", "the", "or", "so", "sooner", "earlier", "hopefully", "probably", "maybe",
     "apparently", "i", "think", "hope", "they", "said", "max", "tops", "by", "on", "ok",
     "sometime", "please", "then"}
)  # fmt: skip
_DAY_PHRASE_FILLERS = re.compile(r"\b(?:a decision|an answer|a response|a reply|an update)\b")
# The end of a working day, said of a deadline ("by eod friday"): the day is what counts.
_END_OF_DAY = re.compile(
    r"\b(?:eod|cob|(?:the )?end of (?:the |to)?day|close of (?:business|play))\b"
)


def _strip(text: str, lead: frozenset[str], trail: frozenset[str] | tuple[()]) -> str:
    """Drop filler words from both ends; "the" stays before a number ("the 10")."""
    tokens = text.split()
    while tokens and tokens[0] in lead:
        if tokens[0] == "the" and len(tokens) > 1 and tokens[1][:1].isdigit():
            break
        tokens.pop(0)
    while tokens and tokens[-1] in trail:
        tokens.pop()
    return " ".join(tokens)


def _clean(text: str) -> str:
    """Lower-case, unify quotes, drop punctuation that carries no date, cut overlong input."""
    text = text[: _MAX_INPUT * 2].casefold().replace("’", "'").replace("‘", "'")
    text = re.sub(r"\b([ap])\.m\b\.?", r"\1m", text)
    text = re.sub(r"[,;!?()\"“”]+", " ", text)
    return " ".join(text.split())[:_MAX_INPUT].strip(" .")


_SPELLINGS = {
    "tomorrow": ("tmrw", "tmr", "tmrow", "tmw", "tomo", "tomoz", "2moro", "2morrow", "tomorow",
                 "tommorow", "tommorrow", "tomorrw", "tomrrow"),
    "yesterday": ("yday", "yest", "ystd", "yesterdy", "yesturday", "yesteday", "yestarday"),
    "wednesday": ("wensday", "wednsday", "wendsday", "wedensday", "wednesdy", "wedneday"),
    "thursday": ("thrusday", "thursdy", "thurday", "thusday"),
    "friday": ("firday", "fryday", "fridy", "frday"),
    "tuesday": ("tuseday", "tusday", "teusday", "tuesdy"),
    "saturday": ("saterday", "satuday", "saturdy"),
    "monday": ("munday", "mondy", "monady"),
    "tonight": ("tonite", "2night"),
}  # fmt: skip
_RESPELL = {wrong: right for right, wrongs in _SPELLINGS.items() for wrong in wrongs}
_MISSPELT = re.compile(rf"\b{_words(_RESPELL)}\b")
_REWRITES: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    (re.compile(r"\bthe day after tomorrow\b"), "day after tomorrow"),
    (re.compile(r"\bthe day before yesterday\b"), "day before yesterday"),
    (
        re.compile(
            r"\b(?:it |the interview |interview )?(?:(?:has |have )?just (?:ended|finished"
            r"|wrapped up|got out|came out|come out|got done)|(?:ended|finished|wrapped up)"
            r" (?:just now|right now|a moment ago|moments ago)|just now|right now"
            r"|a moment ago|moments ago)\b"
        ),
        "now",
    ),
    (re.compile(r"\ba few minutes ago\b"), "5 minutes ago"),
    (re.compile(r"\ban hour and a half\b"), "90 minutes"),
    (re.compile(r"\bhalf an hour\b"), "30 minutes"),
    (re.compile(r"\b(?:a )?couple (?:of )?hours\b"), "2 hours"),
    (re.compile(r"\b(?:earlier|later) (?:on )?today\b"), "today"),
    (re.compile(r"\b(?:12 )?(?:midday|noon)\b"), "noon"),
    (re.compile(r"\b12 midnight\b"), "midnight"),
    (re.compile(r"\b(?:around|about|approx\.?|approximately|roughly|circa)\s+|-?ish\b"), ""),
    (re.compile(r"\s+or so\b"), ""),
    (re.compile(r"\bfrom today\b|\bhence\b"), "from now"),
    (re.compile(r"\bhalf (?:past )?(\d{1,2})\b"), r"\1:30"),
    (re.compile(r"\bquarter past (\d{1,2})\b"), r"\1:15"),
    (re.compile(r"\bquarter to (1[0-2]|[2-9])\b"), lambda m: f"{int(m[1]) - 1}:45"),
    (re.compile(r"\s*o['’]?\s?clock\b"), ""),
]


def _normalise(text: str) -> str:
    """Rewrite misspellings and set phrases into the words our rules and dateparser read."""
    text = _MISSPELT.sub(lambda match: _RESPELL[match[0]], text)
    for pattern, replacement in _REWRITES:
        text = pattern.sub(replacement, text)
    return " ".join(text.split())


# Small calendar helpers.


def _base(zone: ZoneInfo, now: datetime) -> datetime:
    """The user's wall-clock now, naive, stamped so results computed from it can be recognised."""
    return now.astimezone(zone).replace(tzinfo=None, microsecond=_NOW_MARK)


def _from_now(result: datetime) -> bool:
    """Whether dateparser computed this result from the base time rather than from stated parts."""
    return result.microsecond == _NOW_MARK


def _local_noon(day: date, zone: ZoneInfo) -> datetime:
    """Noon on a local date, in UTC; noon is never skipped or repeated by a clock change."""
    return datetime.combine(day, _NOON, tzinfo=zone).astimezone(UTC)


def _add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), on the month's last day when it is shorter."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    first = date(year, month + 1, 1)
    return first.replace(day=min(day.day, _month_end(first).day))


def _month_end(day: date) -> date:
    """The last day of the day's month."""
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def is_far(day: date, today: date) -> bool:
    """Whether a day is far enough from today that the user should confirm it."""
    ahead = _add_months(today, _CONFIRM_MONTHS_AHEAD)
    return day > ahead or day < _add_months(today, -_CONFIRM_MONTHS_BACK)
