"""How times and days read to the user: in their own zone and language, short and unambiguous.

Babel (CLDR) names the weekdays and months and puts them in each language's order ("Fri 27 Nov",
"vie, 27 nov", "Fr., 27. Nov.", "пт, 27 нояб."); the language is the one being spoken (see
followup/core/language.py) unless a caller names another, as an email in the job's language does.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from babel import localedata
from babel.dates import format_date, format_skeleton

from followup.core.language import ENGLISH, speaking

# English keeps the house style it has always had; the others follow CLDR's own short form.
_SHORT_ENGLISH = "EEE d MMM"
_SHORT_SKELETON = "MMMEd"
# A day written out in an email: the weekday and month in full, in each language's order; and
# with the year, for a day in another year.
_LONG = {"en": "EEEE d MMMM", "es": "EEEE d 'de' MMMM", "de": "EEEE, d. MMMM", "ru": "EEEE, d MMMM"}
_LONG_YEAR = {
    "en": "EEEE d MMMM y", "es": "EEEE d 'de' MMMM 'de' y", "de": "EEEE, d. MMMM y",
    "ru": "EEEE, d MMMM y 'г'.",
}  # fmt: skip


def local_moment(when: datetime, zone: ZoneInfo, now: datetime, language: str | None = None) -> str:
    """'today 14:00', 'tomorrow 09:30', or 'Fri 27 Nov, 14:00' (with the year when not this one)."""
    language = language or speaking()
    local = when.astimezone(zone)
    today = now.astimezone(zone).date()
    clock = local.strftime("%H:%M")
    delta = (local.date() - today).days
    if delta in (-1, 0, 1):
        return f"{relative_day(delta, language)} {clock}"
    return f"{local_day(local.date(), today, language)}, {clock}"


def local_day(day: date, today: date, language: str | None = None) -> str:
    """'Fri 27 Nov', with the year added when it is not the current one."""
    language = language or speaking()
    if language == ENGLISH:
        text = format_date(day, _SHORT_ENGLISH, locale=ENGLISH)
        return text if day.year == today.year else f"{text} {day.year}"
    skeleton = _SHORT_SKELETON if day.year == today.year else f"y{_SHORT_SKELETON}"
    return format_skeleton(skeleton, day, locale=language)


def long_day(day: date, today: date, language: str | None = None) -> str:
    """'Tuesday 24 November' (in the language's own order), with the year when not this one."""
    language = language or speaking()
    patterns = _LONG if day.year == today.year else _LONG_YEAR
    return format_date(day, patterns.get(language, patterns[ENGLISH]), locale=language)


def relative_day(delta: int, language: str | None = None) -> str:
    """CLDR's word for yesterday (-1), today (0) or tomorrow (1) in the language."""
    names = localedata.load(language or speaking())["date_fields"]["day"]["relative"]
    return str(names[delta])


def clock_time(when: datetime, zone: ZoneInfo) -> str:
    return when.astimezone(zone).strftime("%H:%M")
