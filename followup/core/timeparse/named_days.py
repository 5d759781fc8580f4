"""Days named in the text, for both questions: "tomorrow", "next friday", "the 10th", "fri 4/12"."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from followup.core.language import ENGLISH
from followup.core.timeparse.calendar_math import WEEK, add_months, week_start
from followup.core.timeparse.dateparse import parsed_days, read_both
from followup.core.timeparse.normalise import CONNECTORS, strip_fillers
from followup.core.timeparse.numeric import ISO_DATE, NUMERIC_DATE, numeric_days, valid_day
from followup.core.timeparse.vocabulary import WEEKDAY, WEEKDAYS

Tense = Literal["past", "future"]


def named_days(
    rest: str,
    zone: ZoneInfo,
    base: datetime,
    *,
    forward: bool,
    last_workday: int,
    tense: Tense | None = None,
    language: str = ENGLISH,
) -> tuple[date, ...] | None:
    """The days a day expression names by our rules; None when it is none of their shapes.

    `tense` says whether a moment is known to be past or still to come: without it, a bare
    weekday other than today's can be either, and both are returned for the caller to ask.
    `language` is the one the user speaks: outside English, "11/12" is day first.
    """
    today = base.date()
    if rest in _FIXED_DAYS:
        return (today + timedelta(days=_FIXED_DAYS[rest]),)
    weekday = _weekday_days(rest, today, forward, last_workday, tense)
    if weekday is not None:
        return weekday
    found = _ordinal_days(rest, today, forward, last_workday)
    if found is not None:
        return found
    numeric = NUMERIC_DATE.fullmatch(rest)
    if numeric is not None:
        year = numeric["y"]
        return numeric_days(
            int(numeric["a"]), int(numeric["b"]), int(year) if year else None, today, forward,
            day_first=numeric["sep"] == ".", prefer_day_first=language != ENGLISH,
        )  # fmt: skip
    iso = ISO_DATE.fullmatch(rest)
    if iso is not None:
        return (date(int(iso["y"]), int(iso["m"]), int(iso["d"])),)
    return _filtered_by_weekday(
        rest, zone, base, forward=forward, last_workday=last_workday, language=language
    )


_FIXED_DAYS = {
    "today": 0, "tomorrow": 1, "yesterday": -1, "day after tomorrow": 2,
    "day before yesterday": -2,
}  # fmt: skip
_WEEKDAY_PHRASE = re.compile(
    rf"(?:(?P<pre>this coming|coming|this|next|last)\s+)?(?P<day>{WEEKDAY})"
    r"(?:\s+(?:of\s+)?(?P<week>this|next|last)\s+week)?"
    rf"|(?P<week2>this|next|last)\s+week\s+(?P<day2>{WEEKDAY})"
    rf"|a\s+week\s+(?:on|from)\s+(?P<day3>{WEEKDAY})|(?P<day4>{WEEKDAY})\s+week"
)
_WEEK_OFFSETS = {"last": -7, "this": 0, "next": 7}


def _weekday_days(
    rest: str, today: date, forward: bool, last_workday: int, tense: Tense | None
) -> tuple[date, ...] | None:
    """A weekday: the coming one (deadlines), or for moments the past or the coming one, as the
    tense says (both when it is unknown); "next" may mean two."""
    match = _WEEKDAY_PHRASE.fullmatch(rest)
    if match is None:
        return None
    target = WEEKDAYS[match["day"] or match["day2"] or match["day3"] or match["day4"]]
    coming = today + timedelta(days=(target - today.weekday()) % 7)
    if match["day3"] or match["day4"]:
        return (coming + WEEK,)  # "thursday week", "a week on friday": a week after the coming one
    week = match["week"] or match["week2"]
    start = week_start(today, last_workday)
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
    if target == today.weekday():
        # Today's own weekday is today, unless the words put it on the other side of now: the
        # caller keeps the one of these on the side of now they say ("it was monday 10am" said
        # on a Monday at 9 is last week's).
        if tense == "past":
            return (today - WEEK, today)
        if tense == "future":
            return (today, today + WEEK)
        return (today,)
    past = today - timedelta(days=(today.weekday() - target) % 7)
    if tense == "past":
        return (past,)
    if tense == "future":
        return (coming,)
    # "monday" on a Thursday: last Monday or the coming one? Only the user knows.
    return (past, coming)


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
        month = add_months(first, 1 if which == "next" else 0)
        return valid_day(month.year, month.month, number)
    months = [add_months(first, offset) for offset in range(-2, 14)]
    options = [day for m in months for day in valid_day(m.year, m.month, number)]
    if not options:
        return ()
    if forward:
        return (min(day for day in options if day >= today),)
    return (min(options, key=lambda day: (abs((day - today).days), day < today)),)


_WEEKDAY_WORD = re.compile(rf"\b{WEEKDAY}\b")


def _filtered_by_weekday(
    rest: str, zone: ZoneInfo, base: datetime, *, forward: bool, last_workday: int, language: str
) -> tuple[date, ...] | None:
    """A weekday with a date ("friday 4/12", "fri the 4th"): the dates that fall on that day."""
    words = _WEEKDAY_WORD.findall(rest)
    if len(words) != 1:
        return None
    remainder = strip_fillers(_WEEKDAY_WORD.sub(" ", rest), CONNECTORS, CONNECTORS)
    if not remainder or _WEEKDAY_WORD.search(remainder):
        return None
    found = named_days(
        remainder, zone, base, forward=forward, last_workday=last_workday, language=language
    )
    if found is None:
        reading = read_both(remainder, zone, base, language=language)
        if reading is None:
            return ()
        found, relative = parsed_days(remainder, reading, base.date(), forward=forward)
        if relative:
            return ()
    # A date that is not on the stated weekday is a slip in one of them: ask again.
    return tuple(day for day in found if day.weekday() == WEEKDAYS[words[0]])
