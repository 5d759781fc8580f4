"""The date a piece of news states ("sent it yesterday", "moved to wed 12/9 at 9:30am").

The news reader hands the whole message here; this module finds the words that name a day or a
time, and reads them with followup.core.timeparse: backwards for what already happened ("I sent it
friday" is the last Friday), forwards for what is coming ("moved to friday" is the next one).
News in Spanish, German or Russian ("lo movieron al miércoles a las 11") is looked through in
the English timeparse rewrites it into, and the words found are read as typed.
Pure: the clock and zone are passed in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from followup.core import timeparse
from followup.core.language import speaking
from followup.core.timeparse.translate import english, english_with_origin

_DAY = (
    r"(?:the )?day (?:after tomorrow|before yesterday)|"
    r"yesterday|yday|yest|today|tonight|tomorrow|tmrw|tmr|tomoro|tomorow|2moro|"
    r"this (?:morning|afternoon|evening)|last night|"
    r"(?:(?:on|last|this|next) )?(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)"
    r"(?:day|sday|nesday|rsday|urday)?|"
    r"\d{1,2}/\d{1,2}(?:/\d{2,4})?|"
    r"(?:the )?\d{1,2}(?:st|nd|rd|th)?(?: of)? "
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*|"
    r"(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]* \d{1,2}(?:st|nd|rd|th)?|"
    r"the \d{1,2}(?:st|nd|rd|th)(?! (?:round|interview|stage|one))|"
    r"(?:\d+|a|an|two|three) (?:days?|weeks?) ago"
)
_CLOCK = (
    r"(?:at |@ ?)?\d{1,2}(?::\d{2})? ?(?:am|pm)|(?:at |@ ?)?\d{1,2}:\d{2}"
    # "a las 10 de la noche" reads "at 10:00 evening": the part of the day goes with the time.
    r"(?: (?:in the )?(?:morning|afternoon|evening))?|(?:at )?noon"
)
_PIECE = re.compile(rf"\b(?:{_DAY})\b|(?<![\w/]){_CLOCK}\b", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"\d{1,2}\s*[/.-]\s*\d{1,2}")
_JOIN = re.compile(r"^[\s,]*(?:at|on|@|-)?[\s,]*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SaidWhen:
    """What the message says about when: nothing, one day (maybe a time), or several days."""

    stated: bool  # some words name a day or a time
    days: tuple[date, ...] = ()  # () unreadable; two or more: it could mean either
    clock: time | None = None  # the time of day said, if any

    @property
    def day(self) -> date | None:
        return self.days[0] if len(self.days) == 1 else None


def date_words(text: str, *, language: str | None = None) -> str | None:
    """The run of words naming a day and time ("wed 12/9 at 9:30am", "el miércoles a las 11"),
    as typed, or None. `language` is the one the text is in (the user's, by default)."""
    seen, origin = english_with_origin(text, language)
    pieces = list(_PIECE.finditer(seen))
    if not pieces:
        return None
    start, end = pieces[0].start(), pieces[0].end()
    for piece in pieces[1:]:
        if not _JOIN.match(seen[end : piece.start()]):
            break  # a second, separate date: only the first run is the one read
        end = piece.end()
    if origin is None:
        return text[start:end]
    return text[origin[start][0] : origin[end - 1][1]]


def said_when(
    text: str, zone: ZoneInfo, now: datetime, *, ahead: bool, language: str | None = None
) -> SaidWhen:
    """The day (and time) the message states: past for done deeds, future for plans.

    `language` is the one the message is in (the user's, by default); English is read in every
    language.
    """
    language = language or speaking()
    phrase = date_words(text, language=language)
    if phrase is None:
        return SaidWhen(stated=False)
    seen = english(phrase, language)
    today = now.astimezone(zone).date()
    # A weekday is the last one for a deed done, the coming one for a plan; a date in numbers
    # keeps both its readings ("3/12"), to be asked back.
    tense: Literal["past", "future"] | None = "future" if ahead else "past"
    numeric = _NUMERIC_DATE.search(seen) is not None
    moment = timeparse.read_moment(
        phrase, zone, now, tense=None if numeric else tense, language=language
    )
    # The time of day said ("thursday at 2pm"), even while the day itself is still in question.
    times = {c.when.astimezone(zone).time() for c in moment.choices if c.has_time}
    has_time = bool(moment.choices) and all(c.has_time for c in moment.choices)
    clock = times.pop() if has_time and len(times) == 1 else None
    if ahead:
        days = timeparse.read_day(phrase, zone, now, language=language).choices or tuple(
            m.when.astimezone(zone).date() for m in moment.choices
        )
        return SaidWhen(True, tuple(days), clock)
    days = tuple(m.when.astimezone(zone).date() for m in moment.choices)
    # A weekday read as this week's, but the deed is done: last week's.
    days = tuple(d - timedelta(days=7) if d > today and _weekday_only(seen) else d for d in days)
    return SaidWhen(True, tuple(sorted(set(days))), clock)


def _weekday_only(phrase: str) -> bool:
    return not re.search(r"\d|tomorrow|tmrw|tmr|tomoro|tomorow|2moro", phrase, re.IGNORECASE)
