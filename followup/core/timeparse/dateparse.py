"""dateparser, for the calendar words our rules do not cover; its answers are checked here."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from dateparser.date import DateDataParser

from followup.core.language import ENGLISH, LANGUAGES
from followup.core.timeparse.calendar_math import from_now, stamped_now
from followup.core.timeparse.numeric import pick_year
from followup.core.timeparse.translate import dialect_of
from followup.core.timeparse.vocabulary import MONTH


@dataclass(frozen=True)
class Reading:
    """dateparser's past-preferring and future-preferring readings, as naive local times."""

    past: datetime
    future: datetime
    period: str
    base: datetime


_YEAR = re.compile(r"\b\d{4}\b|'\d{2}\b")
_MONTH_WORD = re.compile(rf"\b{MONTH}\b")
_COUNTED_WEEKS = re.compile(r"\b(?:in\s+)?(?:\d+|a|an|one|two|three|four)\s+weeks?\b")


def warm_up(languages: Sequence[str] = LANGUAGES) -> None:
    """Load these languages' date words and dateparser's data for them now, not on a user's
    first date: dateparser's first parse in a language takes up to a fifth of a second."""
    utc = ZoneInfo("UTC")
    base = stamped_now(utc, datetime(2026, 1, 7, 12, 0, tzinfo=UTC))
    for language in languages:
        for phrase in ("an hour ago", "3 days ago", "3 december"):
            read_both(phrase, utc, base, language=language)
        dialect = dialect_of(language)
        if dialect is not None:
            # A month in the language's own words makes dateparser load that language.
            month = next((form for form, word in dialect.words.items() if word == "december"), "")
            read_both(f"3 {month}", utc, base, language=language)


def read_both(
    text: str, zone: ZoneInfo, base: datetime, *, language: str = ENGLISH
) -> Reading | None:
    """The past-preferring and future-preferring readings, and the period they describe."""
    past = _read(text, zone, base, "past", language)
    future = _read(text, zone, base, "future", language)
    if past is None or future is None:
        return None
    return Reading(past[0], future[0], past[1], base)


def _read(
    text: str, zone: ZoneInfo, base: datetime, prefer: str, language: str
) -> tuple[datetime, str] | None:
    """One dateparser reading as a naive local time and its period; None when it fails.

    The languages are pinned: the user's and English. Letting dateparser guess takes over a
    second on unreadable text and reads English words as other languages' dates ("to" as a
    Finnish Thursday).
    """
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
        data = DateDataParser(languages=_languages(language), settings=settings).get_date_data(text)
    except Exception:  # the parser has many failure modes; any of them means "unreadable"
        return None
    found = data.date_obj
    if found is None:
        return None
    if found.tzinfo is not None:
        found = found.astimezone(zone).replace(tzinfo=None)
    return found, data.period or "day"


def _languages(language: str) -> list[str]:
    """The languages dateparser may read: the user's and English."""
    return [ENGLISH] if language == ENGLISH or language not in LANGUAGES else [language, ENGLISH]


def parsed_days(
    rest: str, reading: Reading, today: date, *, forward: bool
) -> tuple[tuple[date, ...], bool]:
    """The day dateparser read, if it used every number typed; and whether it counts from today."""
    past, future = reading.past, reading.future
    if from_now(past) or from_now(future):
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
        chosen = pick_year(future.month, future.day, today, forward)
    elif past == future:
        chosen = past.date()
    else:
        return (), False
    if chosen is None or not _uses_every_number(rest, chosen):
        return (), False
    return (chosen,), False


def duration_from_now(rest: str, reading: Reading) -> timedelta | None:
    """How far from now a reading like "an hour ago" or "in 2 hours" is; None for other readings."""
    if reading.period != "time" or not from_now(reading.past) or reading.past != reading.future:
        return None
    return reading.past - reading.base if _points_the_right_way(rest, reading) else None


def _points_the_right_way(rest: str, reading: Reading) -> bool:
    """Whether a reading counted from now lies on the side the words say ("ago", "in", "from")."""
    if re.search(r"\bago\b|\bbefore\b|\bearlier\b", rest):
        return reading.past < reading.base
    if re.search(r"\bin\b|\bfrom\b|\blater\b|\bwithin\b|\bafter\b", rest):
        return reading.past > reading.base
    return True


def _uses_every_number(rest: str, day: date) -> bool:
    """Whether each number typed is the day or the year: dateparser skips words it can't read."""
    allowed = {day.day, day.year, day.year % 100}
    return all(int(number) in allowed for number in re.findall(r"\d+", rest))
