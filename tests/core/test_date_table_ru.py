"""The Russian phrasings people type for the two date questions, read on every day of a week in
two zones, with English beside them (a Russian speaker may type either).

Each row's expected answer is worked out from `today` by walking the calendar, with the shared
calendar helpers, never by asking the code under test. The week runs Monday 30 November to Sunday
6 December 2026, crossing the end of a month. Dates are day first: "11.12" is the 11th of
December (or, for a moment, maybe 11:12: asked); "полдесятого" is half past nine.
"""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tests.core.test_date_table as english_table
from followup.core.timeparse import names_a_day
from tests.support.date_tables import (
    DAY,
    FRI,
    MON,
    THU,
    TUE,
    WED,
    Days,
    Local,
    Moments,
    a_month_after,
    after,
    at,
    before,
    check_a_well_formed_reading_fast,
    check_deadline,
    check_far_days_ask_for_confirmation,
    check_moment,
    check_the_date_words_are_sound,
    check_the_language_spoken_is_the_default,
    coming,
    day_first,
    deadline_year,
    dialect_for,
    either,
    end_of_next_week,
    end_of_this_week,
    every_day,
    month_end,
    nearest_nth,
    nearest_year,
    next_nth,
    nothing,
    of_next_week,
    on_days,
    on_every_day,
    one,
    past_or_coming,
    same,
    since,
    this_week,
    weekday_at,
    workdays_after,
)

LANGUAGE = "ru"
ZONES = ["Europe/Moscow", "Asia/Vladivostok"]


# Deadlines: (what the user types, the days it means, whether counted from today).
DEADLINES: list[tuple[str, Days, bool]] = [
    ("в пятницу", one(lambda t: coming(t, FRI)), False),
    ("Пятница", one(lambda t: coming(t, FRI)), False),
    ("пт", one(lambda t: coming(t, FRI)), False),
    ("до пятницы", one(lambda t: coming(t, FRI)), False),
    ("До пятницы.", one(lambda t: coming(t, FRI)), False),
    ("к пятнице", one(lambda t: coming(t, FRI)), False),
    ("до пятницы 17:00", one(lambda t: coming(t, FRI)), False),
    ("сказали, что до пятницы", one(lambda t: coming(t, FRI)), False),
    ("ответят до пятницы", one(lambda t: coming(t, FRI)), False),
    ("в среду", one(lambda t: coming(t, WED)), False),
    ("в понедельник", one(lambda t: coming(t, MON)), False),
    ("в эту пятницу", one(lambda t: coming(t, FRI)), False),
    ("в ближайшую пятницу", one(lambda t: coming(t, FRI)), False),
    ("в следующий понедельник", one(lambda t: of_next_week(t, MON)), False),
    ("в следующую пятницу", either(lambda t: after(t, FRI), lambda t: of_next_week(t, FRI)),
     False),
    ("в пятницу на следующей неделе", one(lambda t: of_next_week(t, FRI)), False),
    ("в пятницу через неделю", one(lambda t: coming(t, FRI) + timedelta(days=7)), False),
    ("до десятого", one(lambda t: next_nth(t, 10)), False),
    ("к 10-му", one(lambda t: next_nth(t, 10)), False),
    ("до 10 числа", one(lambda t: next_nth(t, 10)), False),
    ("до 10-го числа", one(lambda t: next_nth(t, 10)), False),
    ("до первого", one(lambda t: next_nth(t, 1)), False),
    ("на следующей неделе", one(lambda t: of_next_week(t, FRI)), False),
    ("На следующей неделе", one(lambda t: of_next_week(t, FRI)), False),
    ("где-то на следующей неделе", one(lambda t: of_next_week(t, FRI)), False),
    ("в начале следующей недели", one(lambda t: of_next_week(t, MON)), False),
    ("в середине следующей недели", one(lambda t: of_next_week(t, WED)), False),
    ("на этой неделе", one(end_of_this_week), False),
    ("до конца недели", one(end_of_this_week), False),
    ("к концу недели", one(end_of_this_week), False),
    ("в конце недели", one(end_of_this_week), False),
    ("до выходных", one(end_of_this_week), False),
    ("в конце следующей недели", end_of_next_week, False),
    ("через две недели", one(lambda t: t + timedelta(days=14)), True),
    ("через 2 недели", one(lambda t: t + timedelta(days=14)), True),
    ("две недели", one(lambda t: t + timedelta(days=14)), True),
    ("в течение двух недель", one(lambda t: t + timedelta(days=14)), True),
    ("через пару недель", one(lambda t: t + timedelta(days=14)), True),
    ("через неделю", one(lambda t: t + timedelta(days=7)), True),
    ("через 10 дней", one(lambda t: t + timedelta(days=10)), True),
    ("2-3 недели", one(lambda t: t + timedelta(days=21)), True),
    ("в течение 48 часов", one(lambda t: t + 2 * DAY), True),
    ("через 5 рабочих дней", one(lambda t: workdays_after(t, 5)), True),
    ("через месяц", one(a_month_after), True),
    ("в конце месяца", one(month_end), False),
    ("до конца месяца", one(month_end), False),
    ("в конце следующего месяца", one(lambda t: month_end(month_end(t) + DAY)), False),
    ("в конце декабря", one(lambda t: date(2026, 12, 31)), False),
    ("сегодня", one(same), False),
    ("завтра", one(lambda t: t + DAY), False),
    ("завтра днём", one(lambda t: t + DAY), False),
    ("послезавтра", one(lambda t: t + 2 * DAY), False),
    ("3 декабря", one(lambda t: deadline_year(12, 3, t)), False),
    ("11 декабря", one(lambda t: deadline_year(12, 11, t)), False),
    ("до 3 декабря", one(lambda t: deadline_year(12, 3, t)), False),
    ("3-го декабря", one(lambda t: deadline_year(12, 3, t)), False),
    ("третьего декабря", one(lambda t: deadline_year(12, 3, t)), False),
    ("3 декабря 2026", one(lambda t: date(2026, 12, 3)), False),
    ("25 ноября", one(lambda t: deadline_year(11, 25, t)), False),
    ("11.12", one(lambda t: deadline_year(12, 11, t)), False),
    ("11.12.2026", one(lambda t: date(2026, 12, 11)), False),
    ("11/12", one(lambda t: deadline_year(12, 11, t)), False),
    # English works too.
    ("by the end of this week", one(end_of_this_week), False),
    ("sometime next week", one(lambda t: of_next_week(t, FRI)), False),
    ("by friday", one(lambda t: coming(t, FRI)), False),
    ("in 2 weeks", one(lambda t: t + timedelta(days=14)), True),
    # Unreadable: no day is named, or no single day can be chosen without guessing.
    ("в декабре", nothing, False),
    ("в следующем месяце", nothing, False),
    ("через несколько дней", nothing, False),
    ("не раньше пятницы", nothing, False),
    ("в пятницу 3 декабря", nothing, False),
    ("31.02", nothing, False),
]  # fmt: skip

# Moments: (what the user types, the moments it means).
MOMENTS: list[tuple[str, Moments]] = [
    ("только что", since()),
    ("только что закончилось", since()),
    ("Только что закончилось", since()),
    ("сейчас", since()),
    ("час назад", since(hours=-1)),
    ("полчаса назад", since(minutes=-30)),
    ("30 минут назад", since(minutes=-30)),
    ("2 часа назад", since(hours=-2)),
    ("через 2 часа", since(hours=2)),
    ("неделю назад", at(lambda t: t - timedelta(days=7))),
    ("3 дня назад", at(lambda t: t - 3 * DAY)),
    ("сегодня", at(same)),
    ("сегодня утром", at(same)),
    ("вчера", at(lambda t: t - DAY)),
    ("позавчера", at(lambda t: t - 2 * DAY)),
    ("завтра утром", at(lambda t: t + DAY)),
    ("вчера в 15:30", at(lambda t: t - DAY, 15, 30)),
    ("вчера в 3 часа дня", at(lambda t: t - DAY, 15)),
    ("вчера в 3", at(lambda t: t - DAY, 15)),
    ("сегодня в 3 часа дня", at(same, 15)),
    ("завтра в 10", at(lambda t: t + DAY, 10)),
    ("завтра в 10 утра", at(lambda t: t + DAY, 10)),
    ("в 15:30", at(same, 15, 30)),
    ("в полдень", at(same, 12)),
    ("без четверти три", at(same, 14, 45)),
    ("полдесятого", at(same, 9, 30)),
    ("в половине десятого", at(same, 9, 30)),
    ("четверть третьего", at(same, 14, 15)),
    ("в 3 дня", at(same, 15)),
    ("сегодня в 7 вечера", at(same, 19)),
    ("в час дня", at(same, 13)),
    ("в пятницу в 10", weekday_at(FRI, 10)),
    ("в пятницу", lambda t: tuple(Local(day, None) for day in past_or_coming(t, FRI))),
    ("в понедельник в 9:30", weekday_at(MON, 9, 30)),
    ("в четверг в 4 часа дня", weekday_at(THU, 16)),
    # The words typed settle it: "было" is the past one, "будет" the coming one.
    ("это было в понедельник в 11:30",
     at(lambda t: t if t.weekday() == MON else before(t, MON), 11, 30)),
    ("будет в понедельник в 11:30", at(lambda t: after(t, MON), 11, 30)),  # today's 11:30 is past
    ("в прошлую пятницу в 14:00", at(lambda t: before(t, FRI), 14)),
    ("в этот вторник", lambda t: tuple(Local(day, None) for day in this_week(t, TUE))),
    ("во вторник на следующей неделе в 10", at(lambda t: of_next_week(t, TUE), 10)),
    ("в следующий вторник в 10",
     on_days(either(lambda t: after(t, TUE), lambda t: of_next_week(t, TUE)), 10)),
    ("11 декабря в 10", at(lambda t: nearest_year(12, 11, t), 10)),
    ("11.12 в 10", at(lambda t: nearest_year(12, 11, t), 10)),
    ("25-го в 10", at(lambda t: nearest_nth(t, 25), 10)),
    # Alone, "11.12" is a time today or a day: asked.
    ("11.12", lambda t: (Local(t, time(11, 12)), Local(nearest_year(12, 11, t), None))),
    # English works too.
    ("it just ended", since()),
    ("about an hour ago", since(hours=-1)),
    ("yesterday 3pm", at(lambda t: t - DAY, 15)),
    # Unreadable: too vague for a moment, or not a time at all.
    ("на следующей неделе", nothing),
    ("на прошлой неделе", nothing),
    ("в 25:00", nothing),
    ("🙂🎉🙂", nothing),
]  # fmt: skip


@on_every_day(ZONES)
@pytest.mark.parametrize(("text", "expected", "relative"), DEADLINES, ids=[r[0] for r in DEADLINES])
def test_deadline_table(
    text: str, expected: Days, relative: bool, today: date, zone_name: str
) -> None:
    check_deadline(text, expected, relative, today, zone_name, LANGUAGE)


@on_every_day(ZONES)
@pytest.mark.parametrize(("text", "expected"), MOMENTS, ids=[r[0] for r in MOMENTS])
def test_moment_table(text: str, expected: Moments, today: date, zone_name: str) -> None:
    check_moment(text, expected, today, zone_name, LANGUAGE)


def test_the_language_spoken_is_the_default() -> None:
    check_the_language_spoken_is_the_default(
        LANGUAGE, ZONES[0], "до пятницы", "вчера в 15:00", "в пятницу в 15:00"
    )


@pytest.mark.parametrize(
    ("text", "a_day"),
    [("в пятницу в 15:00", True), ("завтра", True), ("час назад", True), ("Москва", False),
     ("Санкт-Петербург", False), ("только что закончилось", True)],
)  # fmt: skip
def test_an_answer_that_names_a_day_is_told_apart(text: str, a_day: bool) -> None:
    assert names_a_day(text, language=LANGUAGE) == a_day


# English read in this language: every row of the English table but those whose two readings of
# a date in numbers this language settles day first ("3/12").
ENGLISH_DEADLINES = day_first(english_table.DEADLINES)
ENGLISH_MOMENTS = day_first(english_table.MOMENTS)


@every_day
@pytest.mark.parametrize(
    ("text", "expected", "relative"), ENGLISH_DEADLINES, ids=[r[0] for r in ENGLISH_DEADLINES]
)
def test_english_deadlines_read_the_same(
    text: str, expected: Days, relative: bool, today: date
) -> None:
    check_deadline(text, expected, relative, today, english_table.ZONES[0], LANGUAGE)


@every_day
@pytest.mark.parametrize(("text", "expected"), ENGLISH_MOMENTS, ids=[r[0] for r in ENGLISH_MOMENTS])
def test_english_moments_read_the_same(text: str, expected: Moments, today: date) -> None:
    check_moment(text, expected, today, english_table.ZONES[0], LANGUAGE)


def test_the_date_words_are_sound() -> None:
    check_the_date_words_are_sound(LANGUAGE)


WORDS = sorted({*dialect_for(LANGUAGE).words, "10", "3", "15:30", "11.12", "11.12.", "3/12"})


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6))
def test_any_words_give_a_well_formed_reading_fast(words: list[str]) -> None:
    check_a_well_formed_reading_fast(" ".join(words), LANGUAGE, ZONES[0])


def test_far_days_ask_for_confirmation() -> None:
    check_far_days_ask_for_confirmation(LANGUAGE, ZONES[0], "3 декабря 2028", "3 декабря 2028 в 10")


def test_the_table_is_as_large_as_promised() -> None:
    assert len(DEADLINES) + len(MOMENTS) >= 110
