"""When the interview is or was: the nearest moment a text can mean, or all of them to ask which."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from followup.core.language import speaking
from followup.core.timeparse.calendar_math import FRIDAY, is_far, local_noon, stamped_now
from followup.core.timeparse.clock import split_clock
from followup.core.timeparse.dateparse import duration_from_now, parsed_days, read_both
from followup.core.timeparse.named_days import Tense, named_days
from followup.core.timeparse.normalise import (
    CONNECTORS,
    MOMENT_LEAD,
    clean,
    normalise,
    strip_fillers,
)
from followup.core.timeparse.numeric import numeric_days
from followup.core.timeparse.translate import english


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


def read_moment(
    text: str,
    zone: ZoneInfo,
    now: datetime,
    *,
    on_day: date | None = None,
    tense: Tense | None = None,
    language: str | None = None,
) -> MomentReading:
    """When an interview is or was: a bare time is today, a date its nearest one.

    `on_day` is a day the user gave in an earlier answer: a bare time ("10am") is on that day.
    A bare weekday is the past one or the coming one: `tense` (or the words typed: "it was",
    "it's on") says which; otherwise both come back, for the caller to ask. `language` is the
    one the text is in (the user's, by default); English is read in every language.
    """
    language = language or speaking()
    cleaned = normalise(clean(english(text, language)))
    if not cleaned:
        return MomentReading(())
    tense = tense or _tense_of(cleaned)
    try:
        choices = _moments(cleaned, zone, now, on_day, tense, language)
    except (OverflowError, ValueError):  # a reading at the far ends of the calendar
        return MomentReading(())
    today = stamped_now(zone, now).date()
    far = len(choices) == 1 and is_far(choices[0].when.astimezone(zone).date(), today)
    return MomentReading(choices, confirm=far)


_PAST_WORDS = frozenset({"was", "were", "had", "did", "ended", "finished", "started", "began"})
_FUTURE_WORDS = frozenset(
    {"is", "it's", "will", "i'll", "starts", "begins", "have", "i've", "got", "upcoming", "coming",
     "i'm", "going"}
)  # fmt: skip


def _tense_of(cleaned: str) -> Tense | None:
    """Whether the words typed put the interview in the past or still to come, if they say."""
    words = set(cleaned.split())
    past, future = bool(words & _PAST_WORDS), bool(words & _FUTURE_WORDS)
    if past == future:
        return None
    return "past" if past else "future"


def _moments(
    cleaned: str,
    zone: ZoneInfo,
    now: datetime,
    on_day: date | None,
    tense: Tense | None,
    language: str,
) -> tuple[ParsedMoment, ...]:
    """Every moment a cleaned text can mean, earliest first."""
    base = stamped_now(zone, now)
    if cleaned == "now":
        return (ParsedMoment(now.astimezone(UTC), has_time=True, wall_clock=False),)
    split = split_clock(strip_fillers(cleaned, MOMENT_LEAD, ()), dotted_clock=True, bare_hours=True)
    if split is None:
        return ()
    rest = strip_fillers(split.rest, CONNECTORS, CONNECTORS)
    if not rest:
        if split.clock is None and split.part is None:
            return ()
        days: tuple[date, ...] = (on_day or base.date(),)
    else:
        found = named_days(
            rest, zone, base, forward=False, last_workday=FRIDAY, tense=tense, language=language
        )
        if found is None:
            reading = read_both(rest, zone, base, language=language)
            if reading is None:
                return ()
            ahead = duration_from_now(rest, reading)
            if ahead is not None:
                if split.clock is not None or split.part is not None:
                    return ()  # "an hour ago at 3pm": which one?
                when = now.astimezone(UTC) + ahead
                return (ParsedMoment(when, has_time=True, wall_clock=False),)
            found, _ = parsed_days(rest, reading, base.date(), forward=False)
        days = found
    readings = {_moment_on(day, split.clock, zone) for day in days}
    if split.dotted is not None and not rest and on_day is None:
        # "10.12" alone is a time or a date: ask which.
        day, month = split.dotted
        dates = numeric_days(day, month, None, base.date(), forward=False, day_first=True)
        readings.update(_moment_on(found_day, None, zone) for found_day in dates)
    readings = _as_said(readings, tense, now, zone)
    return tuple(sorted(readings, key=lambda r: (r.when, r.has_time)))


def _as_said(
    readings: set[ParsedMoment], tense: Tense | None, now: datetime, zone: ZoneInfo
) -> set[ParsedMoment]:
    """Of several readings, those on the side of now the words put the interview.

    Two readings a week apart are one weekday said on that weekday ("monday" on a Monday): the
    nearer on the right side is meant. Other pairs (day and month swapped) stay to be asked.
    """
    if tense is None or len(readings) < 2:
        return readings
    today = now.astimezone(zone).date()

    def on_its_side(reading: ParsedMoment) -> bool:
        if reading.has_time:
            return (reading.when <= now) == (tense == "past")
        day = reading.when.astimezone(zone).date()  # a day alone: today is on either side
        return day <= today if tense == "past" else day >= today

    kept = {r for r in readings if on_its_side(r)} or readings
    ordered = sorted(kept, key=lambda r: r.when)
    if len(ordered) == 2 and ordered[1].when - ordered[0].when == timedelta(days=7):
        return {ordered[-1] if tense == "past" else ordered[0]}
    return kept


def _moment_on(day: date, clock: time | None, zone: ZoneInfo) -> ParsedMoment:
    """The moment at a local clock time on a day, or the day alone (noon) without one."""
    if clock is None:
        return ParsedMoment(local_noon(day, zone), has_time=False, wall_clock=True)
    # A time skipped by a clock change reads as the same number of minutes past the change.
    when = datetime.combine(day, clock, tzinfo=zone).astimezone(UTC)
    return ParsedMoment(when, has_time=True, wall_clock=True)
