"""Read the moments and days people type ("yesterday 3pm", "friday") in their own time zone.

dateparser does the reading. Around it: a few rewrites for phrasings it misreads, a check that it
did not ignore a time the user stated, and a choice between its past and future readings.
"""

from __future__ import annotations

import re
from collections.abc import Callable
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

_WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tues?|wed|thur?s?|fri|sat|sun)"
)
_DAY_WORD = rf"(?:today|tonight|tomorrow|yesterday|{_WEEKDAY})"
_MERIDIEM = r"(?:am|pm|a\.m\.|p\.m\.)"
# Digits that state a clock time; if the parser's answer ignores them, the answer is wrong.
_STATED_CLOCK = re.compile(
    rf"(?<![\d./])(?:[01]?\d|2[0-3])[:.][0-5]\d(?![\d./])|\d{{1,2}}\s*{_MERIDIEM}"
    r"|\bat\s+\d{1,2}(?![\d./])"
)


@dataclass(frozen=True)
class ParsedMoment:
    """A moment read from text; without a time, only the local date of `when` (noon) counts."""

    when: datetime
    has_time: bool


def parse_moment(text: str, zone: ZoneInfo, now: datetime) -> datetime | None:
    """When an interview is or was, in UTC; None if unreadable or if no time of day was given."""
    moment = parse_moment_detail(text, zone, now)
    return moment.when if moment is not None and moment.has_time else None


def parse_moment_detail(text: str, zone: ZoneInfo, now: datetime) -> ParsedMoment | None:
    """Read a moment, saying whether it had a time of day, so the caller can ask "what time?".

    Readings: a bare time ("2pm", "10") is today; a bare weekday is its nearest occurrence
    (within three days either way; today's own weekday is today); a day and month without a year
    is in the nearest year. Without a time, `when` is noon local on that date (in UTC).
    """
    cleaned = _normalise(_clean(text))
    if not cleaned:
        return None
    try:
        return _moment(cleaned, zone, now)
    except (OverflowError, ValueError):  # a reading at the far ends of the calendar
        return None


def _moment(cleaned: str, zone: ZoneInfo, now: datetime) -> ParsedMoment | None:
    """Read a cleaned, rewritten text as a moment."""
    base = _base(zone, now)
    reading = _read_both(cleaned, zone, base)
    if reading is None:
        return None
    past, future, period = reading
    if period not in ("time", "day", "part_of_day"):
        return None
    chosen = _nearest(past, future, base)
    if _STATED_CLOCK.search(cleaned) and (period != "time" or _from_now(chosen)):
        return None
    if period != "time":
        return ParsedMoment(_local_noon(chosen.date(), zone), has_time=False)
    if _from_now(chosen):
        return ParsedMoment(now.astimezone(UTC) + (chosen - base), has_time=True)
    return ParsedMoment(chosen.replace(tzinfo=zone).astimezone(UTC), has_time=True)


def parse_day(text: str, zone: ZoneInfo, now: datetime) -> date | None:
    """A decision date ("by friday", "next week"), preferring the future; None if unreadable.

    A past date is returned as is, except a day and month without a year more than two months
    back, which means next year. A named weekday that is today means today.
    """
    cleaned = re.sub(r"^(?:by|before|until|on)\s+", "", _normalise(_clean(text)))
    if not cleaned:
        return None
    try:
        return _day(cleaned, zone, now)
    except (OverflowError, ValueError):  # a reading at the far ends of the calendar
        return None


def _day(cleaned: str, zone: ZoneInfo, now: datetime) -> date | None:
    """Read a cleaned, rewritten text as a decision date."""
    base = _base(zone, now)
    today = base.date()
    for pattern, rule in _DAY_PHRASES:
        if pattern.fullmatch(cleaned):
            return rule(today)
    reading = _read_both(cleaned, zone, base)
    if reading is None:
        return None
    past, future, period = reading
    if period == "year":
        return None
    chosen = _future_first(past, future, today)
    if period == "month" and not _from_now(chosen):
        return chosen.date().replace(day=1)
    return chosen.date()


def _clean(text: str) -> str:
    """Lower-case, collapse spaces and cut overlong input."""
    return " ".join(text[: _MAX_INPUT * 2].split())[:_MAX_INPUT].casefold()


def _with_part_of_day(match: re.Match[str]) -> str:
    """Rewrite "this morning at 10" or "10 this morning" as "today 10:00 am", read correctly."""
    parts = match.groupdict()
    hour = int(parts["hour"])
    default = "" if hour > 12 else "am" if parts["part"] == "morning" else "pm"
    if "which" in parts:  # "10 this morning", "3 in the afternoon"
        day = "today" if parts["which"] == "this" else ""
    else:  # "this morning at 10", "friday afternoon at 3"
        day = "today" if parts["day"] in (None, "this") else parts["day"]
    return f"{day} {hour}:{parts['minute'] or '00'} {parts['meridiem'] or default}".strip()


def _bare_hour(match: re.Match[str]) -> str:
    """Rewrite a bare hour ("at 3", "friday 10") as a clock time; 1 to 6 mean the afternoon."""
    prefix, hour = match.group(1), int(match.group(2))
    if hour > 23:
        return match.group(0)
    # Interviews are not held at 3 a.m.: a bare "3" is 15:00.
    return f"{prefix}{hour + 12 if 1 <= hour <= 6 else hour}:00"


_REWRITES: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    (re.compile(r"\b(?:right|just) now\b|\ba moment ago\b|\bmoments ago\b"), "now"),
    (re.compile(r"\ba few minutes ago\b"), "5 minutes ago"),
    (re.compile(r"\bhalf an hour\b"), "30 minutes"),
    (re.compile(r"\bmidday\b"), "noon"),
    (re.compile(r"\b(?:around|about|approx\.?|approximately|roughly)\s+|-?ish\b"), ""),
    (re.compile(r"\s*o['’]?clock\b"), ""),
    (
        re.compile(
            rf"\b(?:(?P<day>this|today|tomorrow|yesterday|{_WEEKDAY})\s+)?"
            r"(?P<part>morning|afternoon|evening|tonight)\s+(?:at\s+)?"
            rf"(?P<hour>\d{{1,2}})(?:[:.](?P<minute>\d{{2}}))?\s*(?P<meridiem>{_MERIDIEM})?(?!\w)"
        ),
        _with_part_of_day,
    ),
    (
        re.compile(
            rf"\b(?P<hour>\d{{1,2}})(?:[:.](?P<minute>\d{{2}}))?\s*(?P<meridiem>{_MERIDIEM})?"
            r"\s+(?P<which>this|in the)\s+(?P<part>morning|afternoon|evening)\b"
        ),
        _with_part_of_day,
    ),
    # dateparser reads "14h" as fourteen hours from now; here it is a clock time.
    (re.compile(r"(?<!in )\b(\d{1,2})h\b(?!\s*ago)"), r"\1:00"),
    (
        re.compile(
            rf"(^|\bat\s+|\b{_DAY_WORD}\s+(?:at\s+)?)(\d{{1,2}})"
            rf"(?=$|\s+(?:on\s+|this\s+)?{_DAY_WORD}\b)"
        ),
        _bare_hour,
    ),
]


def _normalise(text: str) -> str:
    """Rewrite phrasings dateparser misreads into ones it reads correctly."""
    for pattern, replacement in _REWRITES:
        text = pattern.sub(replacement, text)
    return " ".join(text.split())


def _base(zone: ZoneInfo, now: datetime) -> datetime:
    """The user's wall-clock now, naive, stamped so results computed from it can be recognised."""
    return now.astimezone(zone).replace(tzinfo=None, microsecond=_NOW_MARK)


def _from_now(result: datetime) -> bool:
    """Whether dateparser computed this result from the base time rather than from stated parts."""
    return result.microsecond == _NOW_MARK


def _local_noon(day: date, zone: ZoneInfo) -> datetime:
    """Noon on a local date, in UTC; noon is never skipped or repeated by a clock change."""
    return datetime.combine(day, _NOON, tzinfo=zone).astimezone(UTC)


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


def _read_both(text: str, zone: ZoneInfo, base: datetime) -> tuple[datetime, datetime, str] | None:
    """The past-preferring and future-preferring readings, and the period they describe."""
    past = _read(text, zone, base, "past")
    future = _read(text, zone, base, "future")
    if past is None or future is None:
        return None
    return past[0], future[0], past[1]


def _nearest(past: datetime, future: datetime, base: datetime) -> datetime:
    """Choose between the readings: today's if one is today, else the one nearest now."""
    today = base.date()
    if past == future:
        return past
    for candidate in (past, future):
        if candidate.date() == today:
            return candidate
    if future - past == timedelta(days=14):
        # A named weekday that is today: dateparser answers a week either side.
        return past + timedelta(days=7)
    return min((past, future), key=lambda c: (abs((c.date() - today).days), abs(c - base)))


def _future_first(past: datetime, future: datetime, today: date) -> datetime:
    """Choose between the readings for a deadline: the future one, with two exceptions."""
    if past == future:
        return past
    if future - past == timedelta(days=14):
        return past + timedelta(days=7)
    if future - past > timedelta(days=300) and (today - past.date()).days <= 61:
        # A day and month recently gone are more likely a past deadline than one a year away.
        return past
    return future


def _friday_this_week(today: date) -> date:
    """The coming Friday, today included."""
    return today + timedelta(days=(4 - today.weekday()) % 7)


def _monday_next_week(today: date) -> date:
    """Monday of next week."""
    return today + timedelta(days=7 - today.weekday())


def _end_of_month(today: date) -> date:
    """The last day of this month."""
    next_month = (today.replace(day=28) + timedelta(days=4)).replace(day=1)
    return next_month - timedelta(days=1)


# Deadline phrases dateparser does not read at all.
_DAY_PHRASES: list[tuple[re.Pattern[str], Callable[[date], date]]] = [
    (
        re.compile(r"(?:early |the beginning of |beginning of |start of )?next week"),
        _monday_next_week,
    ),
    (
        re.compile(r"(?:the )?end of (?:the |this )?week|(?:later )?this week|the weekend|weekend"),
        _friday_this_week,
    ),
    (
        re.compile(r"(?:the )?end of next week|late next week"),
        lambda today: _monday_next_week(today) + timedelta(days=4),
    ),
    (re.compile(r"(?:the )?end of (?:the |this )?month"), _end_of_month),
]


def warm_up() -> None:
    """Load dateparser's English data now: its first parse takes a fifth of a second."""
    anchor = datetime(2026, 1, 7, 12, 0, tzinfo=UTC)
    parse_moment("yesterday 3pm", ZoneInfo("UTC"), anchor)
    parse_day("next friday", ZoneInfo("UTC"), anchor)
