"""The machinery of the date tables: the week they are read on, the calendar walks that work out
each row's answer from `today` (never by asking the code under test), the kinds of row, and the
checks every language's table runs on its rows.

The week runs Monday 30 November to Sunday 6 December 2026, so it crosses the end of a month.
"""

from __future__ import annotations

import re
import time as time_module
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TypeVar
from zoneinfo import ZoneInfo

import pytest

from content import _check_message, _flatten, language_dir
from followup.core.language import speaking_in
from followup.core.phrasebook import fold
from followup.core.timeparse import names_a_day, read_day, read_moment
from followup.core.timeparse.translate import DATES_FILE, Dialect, dialect_of, english

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
WEEK = [date(2026, 11, 30) + timedelta(days=n) for n in range(7)]
CLOCK = time(15, 42, 17)  # the user's local time of day when answering
DAY = timedelta(days=1)


# Walking the calendar.


def walk(start: date, step: int, ok: Callable[[date], bool]) -> date:
    """The first day from `start`, going `step` days at a time, for which `ok` holds."""
    day = start
    while not ok(day):
        day += timedelta(days=step)
    return day


def coming(today: date, weekday: int) -> date:
    """That weekday, today or later."""
    return walk(today, 1, lambda d: d.weekday() == weekday)


def after(today: date, weekday: int) -> date:
    """That weekday, after today."""
    return walk(today + DAY, 1, lambda d: d.weekday() == weekday)


def before(today: date, weekday: int) -> date:
    """That weekday, before today."""
    return walk(today - DAY, -1, lambda d: d.weekday() == weekday)


def past_or_coming(today: date, weekday: int) -> tuple[date, ...]:
    """A bare weekday of a moment: today if it is today's, else the last one and the coming one
    (the user is asked which)."""
    if today.weekday() == weekday:
        return (today,)
    return (before(today, weekday), after(today, weekday))


def monday_of(today: date) -> date:
    """The Monday this week began on."""
    return walk(today, -1, lambda d: d.weekday() == MON)


def of_next_week(today: date, weekday: int) -> date:
    """That weekday in the Monday-to-Sunday week after this one."""
    return monday_of(today) + timedelta(days=7 + weekday)


def end_of_this_week(today: date) -> date:
    """This week's Friday, or next week's once this one's has gone."""
    friday = monday_of(today) + timedelta(days=FRI)
    return friday if today <= friday else friday + timedelta(days=7)


def end_of_next_week(today: date) -> tuple[date, ...]:
    """Next week's Friday; at the weekend also the Friday a week later (asked which)."""
    friday = of_next_week(today, FRI)
    return (friday,) if today.weekday() <= FRI else (friday, friday + timedelta(days=7))


def this_week(today: date, weekday: int) -> tuple[date, ...]:
    """That weekday in this Monday-to-Sunday week; at the weekend also the coming one (asked)."""
    mine = monday_of(today) + timedelta(days=weekday)
    return (mine,) if today.weekday() <= FRI else tuple(sorted({mine, coming(today, weekday)}))


def next_nth(today: date, n: int) -> date:
    """The next day numbered n in its month, today included."""
    return walk(today, 1, lambda d: d.day == n)


def nearest_nth(today: date, n: int) -> date:
    """The day numbered n nearest today."""
    ahead, back = walk(today, 1, lambda d: d.day == n), walk(today, -1, lambda d: d.day == n)
    return ahead if ahead - today <= today - back else back


def month_end(today: date) -> date:
    """The last day of today's month."""
    return walk(today, 1, lambda d: (d + DAY).month != d.month)


def workdays_after(today: date, count: int) -> date:
    """The day `count` Monday-to-Friday days after today."""
    day = today
    for _ in range(count):
        day = walk(day + DAY, 1, lambda d: d.weekday() < SAT)
    return day


def a_month_after(today: date) -> date:
    """The same day next month (or its last day when that month is shorter)."""
    day = walk(today, 1, lambda d: d.month != today.month)  # the 1st of next month
    return walk(day, 1, lambda d: d.day == today.day or (d + DAY).month != d.month)


def nearest_year(month: int, day: int, today: date) -> date:
    """That day and month in whichever year puts it nearest today."""
    options = [date(year, month, day) for year in (today.year - 1, today.year, today.year + 1)]
    return min(options, key=lambda d: abs(d - today))


def deadline_year(month: int, day: int, today: date) -> date:
    """That day and month as a deadline: gone within two months, or else the next one."""
    options = [date(year, month, day) for year in (today.year - 1, today.year, today.year + 1)]
    recent = [d for d in options if timedelta(0) < today - d <= timedelta(days=61)]
    return recent[0] if recent else min(d for d in options if d >= today)


# Rows.

Days = Callable[[date], tuple[date, ...]]


@dataclass(frozen=True)
class Local:
    """An expected moment on the user's clock; `clock` None when no time of day was given."""

    day: date
    clock: time | None


@dataclass(frozen=True)
class Since:
    """An expected moment that far from now ("an hour ago")."""

    offset: timedelta


Moment = Local | Since
Moments = Callable[[date], tuple[Moment, ...]]


def one(rule: Callable[[date], date]) -> Days:
    """A row whose answer is one day."""
    return lambda today: (rule(today),)


def either(*rules: Callable[[date], date]) -> Days:
    """A row whose answer is a question between the distinct days given."""
    return lambda today: tuple(sorted({rule(today) for rule in rules}))


def at(rule: Callable[[date], date], hour: int | None = None, minute: int = 0) -> Moments:
    """A row whose answer is a local day, at a clock time when `hour` is given."""
    clock = None if hour is None else time(hour, minute)
    return lambda today: (Local(rule(today), clock),)


def since(**offset: float) -> Moments:
    """A row whose answer is counted from now."""
    return lambda today: (Since(timedelta(**offset)),)


def nothing(today: date) -> tuple[()]:
    """A row that must come back unreadable."""
    return ()


def same(today: date) -> date:
    """Today."""
    return today


def on_days(days: Days, hour: int, minute: int = 0) -> Moments:
    """A row whose answer is each of those days at a clock time (asked which, if two)."""
    return lambda today: tuple(Local(day, time(hour, minute)) for day in days(today))


def weekday_at(weekday: int, hour: int, minute: int = 0) -> Moments:
    """A bare weekday at a time: the past one or the coming one, asked (today if it is today's)."""
    return lambda today: tuple(
        Local(day, time(hour, minute)) for day in past_or_coming(today, weekday)
    )


# Reading the rows.

Test = TypeVar("Test", bound=Callable[..., None])


every_day = pytest.mark.parametrize("today", WEEK, ids=lambda d: d.strftime("%a"))


def on_every_day(zones: list[str]) -> Callable[[Test], Test]:
    """Parametrise a row test over every day of the week in each of the zones."""

    def parametrise(test: Test) -> Test:
        return pytest.mark.parametrize("zone_name", zones)(every_day(test))

    return parametrise


def local_now(today: date, zone: ZoneInfo) -> datetime:
    """The moment the user answers: `today` at CLOCK on their own clock."""
    return datetime.combine(today, CLOCK, tzinfo=zone)


def check_deadline(
    text: str,
    expected: Days,
    relative: bool,
    today: date,
    zone_name: str,
    language: str | None = None,
) -> None:
    """A deadline row read on `today` in that zone gives the days the row expects."""
    zone = ZoneInfo(zone_name)
    reading = read_day(text, zone, local_now(today, zone), language=language)
    assert reading.choices == expected(today)
    assert reading.relative == (relative and bool(reading.choices))
    assert not reading.confirm


def check_moment(
    text: str, expected: Moments, today: date, zone_name: str, language: str | None = None
) -> None:
    """A moment row read on `today` in that zone gives the moments the row expects."""
    zone = ZoneInfo(zone_name)
    now = local_now(today, zone)
    reading = read_moment(text, zone, now, language=language)
    seen: list[Moment] = []
    for choice in reading.choices:
        assert choice.when.utcoffset() == timedelta(0)
        local = choice.when.astimezone(zone)
        if not choice.wall_clock:
            assert choice.has_time
            seen.append(Since(choice.when - now.astimezone(UTC)))
        elif choice.has_time:
            seen.append(Local(local.date(), local.time()))
        else:
            assert local.time() == time(12)  # a day alone is kept as its noon
            seen.append(Local(local.date(), None))
    assert tuple(seen) == expected(today)
    assert not reading.confirm


# What every language's table checks besides its rows.

Row = TypeVar("Row", bound=tuple[object, ...])


def both_orders(text: str) -> bool:
    """Whether the text holds a date in numbers that reads both ways ("3/12")."""
    return any(
        a != b and int(a) <= 12 and int(b) <= 12
        for a, b in re.findall(r"\b(\d{1,2})/(\d{1,2})\b", text)
    )


def day_first(rows: list[Row]) -> list[Row]:
    """The English rows a day-first language reads the same: all but those whose two readings of
    a date in numbers it settles day first."""
    return [row for row in rows if not both_orders(str(row[0]))]


def check_the_language_spoken_is_the_default(
    language: str, zone_name: str, by_friday: str, yesterday_at_3pm: str, friday_at_3pm: str
) -> None:
    """Without `language`, the readers read the language spoken: on a Wednesday, `by_friday` is
    that Friday and `yesterday_at_3pm` Tuesday at 15:00; English speakers get nothing from it."""
    zone = ZoneInfo(zone_name)
    now = local_now(WEEK[2], zone)  # a Wednesday
    with speaking_in(language):
        assert read_day(by_friday, zone, now).choices == (WEEK[4],)
        (moment,) = read_moment(yesterday_at_3pm, zone, now).choices
        assert moment.when == datetime.combine(WEEK[1], time(15), zone)
        assert names_a_day(friday_at_3pm)
    assert read_day(by_friday, zone, now).choices == ()  # English is spoken


def check_the_date_words_are_sound(language: str) -> None:
    """The file loads as words the bot can hold; no template uses a word the words table rewrites
    before the template is tried; the English it writes passes through it unchanged."""
    path = language_dir(language) / DATES_FILE
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert set(data) == {"dates"}
    for key, text in _flatten(data, path.name):
        _check_message(path.name, key, text)
    dialect = dialect_for(language)
    section = data["dates"]
    templates = [*section.get("clock", {}), *section.get("at", []), *section.get("patterns", {})]
    for template in templates:
        for word in re.findall(r"[^\W\d_]+", re.sub(r"Nth|[NTDU]", " ", template)):
            folded = fold(word)
            assert dialect.words.get(folded, folded) == folded, (template, word)
    for english_form in {*dialect.words.values(), *section.get("patterns", {}).values()}:
        plain = re.sub(r"Nth|[NTDU]", "", english_form)
        assert english(plain, language) == " ".join(plain.split()), english_form


def dialect_for(language: str) -> Dialect:
    """The language's date words."""
    dialect = dialect_of(language)
    assert dialect is not None
    return dialect


def check_a_well_formed_reading_fast(text: str, language: str, zone_name: str) -> None:
    """Any text gives readings in UTC, in order, without repeats, within 0.2 s of thread time."""
    zone = ZoneInfo(zone_name)
    now = local_now(WEEK[2], zone)
    started = time_module.thread_time()
    moment = read_moment(text, zone, now, language=language)
    day = read_day(text, zone, now, language=language)
    assert time_module.thread_time() - started < 0.2
    whens = [choice.when for choice in moment.choices]
    assert all(when.utcoffset() == timedelta(0) for when in whens) and whens == sorted(whens)
    assert list(day.choices) == sorted(set(day.choices))


def check_far_days_ask_for_confirmation(
    language: str, zone_name: str, day_text: str, moment_text: str
) -> None:
    """A day in 2028 (`day_text` is 3 December 2028; `moment_text` that day at 10) is read but
    asked about."""
    zone = ZoneInfo(zone_name)
    now = local_now(WEEK[2], zone)
    day = read_day(day_text, zone, now, language=language)
    assert day.choices == (date(2028, 12, 3),) and day.confirm
    moment = read_moment(moment_text, zone, now, language=language)
    assert len(moment.choices) == 1 and moment.confirm
