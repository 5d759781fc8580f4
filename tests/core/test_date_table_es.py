"""The Spanish phrasings people type for the two date questions, read on every day of a week in
two zones, with English beside them (a Spanish speaker may type either).

Each row's expected answer is worked out from `today` by walking the calendar, with the shared
calendar helpers, never by asking the code under test. The week runs Monday 30 November to Sunday
6 December 2026, crossing the end of a month. Dates are day first: "11/12" is the 11th of
December.
"""

from __future__ import annotations

from datetime import date, timedelta

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

LANGUAGE = "es"
ZONES = ["Europe/Madrid", "America/Mexico_City"]


# Deadlines: (what the user types, the days it means, whether counted from today).
DEADLINES: list[tuple[str, Days, bool]] = [
    ("el viernes", one(lambda t: coming(t, FRI)), False),
    ("Viernes", one(lambda t: coming(t, FRI)), False),
    ("vie", one(lambda t: coming(t, FRI)), False),
    ("antes del viernes", one(lambda t: coming(t, FRI)), False),
    ("Antes del viernes.", one(lambda t: coming(t, FRI)), False),
    ("para el viernes", one(lambda t: coming(t, FRI)), False),
    ("hasta el viernes", one(lambda t: coming(t, FRI)), False),
    ("el viernes a las 17", one(lambda t: coming(t, FRI)), False),
    ("me dijeron que antes del viernes", one(lambda t: coming(t, FRI)), False),
    ("el viernes a más tardar", one(lambda t: coming(t, FRI)), False),
    ("el miércoles", one(lambda t: coming(t, WED)), False),
    ("el miercoles", one(lambda t: coming(t, WED)), False),
    ("el lunes", one(lambda t: coming(t, MON)), False),
    ("este viernes", one(lambda t: coming(t, FRI)), False),
    ("el próximo lunes", one(lambda t: of_next_week(t, MON)), False),
    ("el proximo lunes", one(lambda t: of_next_week(t, MON)), False),
    ("el próximo viernes", either(lambda t: after(t, FRI), lambda t: of_next_week(t, FRI)), False),
    ("el viernes que viene", either(lambda t: after(t, FRI), lambda t: of_next_week(t, FRI)),
     False),
    ("el viernes de la semana que viene", one(lambda t: of_next_week(t, FRI)), False),
    ("el 10", one(lambda t: next_nth(t, 10)), False),
    ("para el 10", one(lambda t: next_nth(t, 10)), False),
    ("el día 10", one(lambda t: next_nth(t, 10)), False),
    ("el primero", one(lambda t: next_nth(t, 1)), False),
    ("el 31", one(lambda t: next_nth(t, 31)), False),
    ("la semana que viene", one(lambda t: of_next_week(t, FRI)), False),
    ("La semana que viene", one(lambda t: of_next_week(t, FRI)), False),
    ("la próxima semana", one(lambda t: of_next_week(t, FRI)), False),
    ("en algún momento de la semana que viene", one(lambda t: of_next_week(t, FRI)), False),
    ("a principios de la semana que viene", one(lambda t: of_next_week(t, MON)), False),
    ("a mediados de la semana que viene", one(lambda t: of_next_week(t, WED)), False),
    ("esta semana", one(end_of_this_week), False),
    ("a finales de esta semana", one(end_of_this_week), False),
    ("antes del fin de semana", one(end_of_this_week), False),
    ("a finales de la semana que viene", end_of_next_week, False),
    ("dentro de dos semanas", one(lambda t: t + timedelta(days=14)), True),
    ("en dos semanas", one(lambda t: t + timedelta(days=14)), True),
    ("en 2 semanas", one(lambda t: t + timedelta(days=14)), True),
    ("dos semanas", one(lambda t: t + timedelta(days=14)), True),
    ("en una semana", one(lambda t: t + timedelta(days=7)), True),
    ("en un par de semanas", one(lambda t: t + timedelta(days=14)), True),
    ("2-3 semanas", one(lambda t: t + timedelta(days=21)), True),
    ("en 2 o 3 semanas", one(lambda t: t + timedelta(days=21)), True),
    ("en 10 días", one(lambda t: t + timedelta(days=10)), True),
    ("en 48 horas", one(lambda t: t + 2 * DAY), True),
    ("5 días hábiles", one(lambda t: workdays_after(t, 5)), True),
    ("en un mes", one(a_month_after), True),
    ("a finales de mes", one(month_end), False),
    ("fin de mes", one(month_end), False),
    ("a finales del mes que viene", one(lambda t: month_end(month_end(t) + DAY)), False),
    ("a finales de diciembre", one(lambda t: date(2026, 12, 31)), False),
    ("hoy", one(same), False),
    ("mañana", one(lambda t: t + DAY), False),
    ("manana", one(lambda t: t + DAY), False),
    ("mañana por la tarde", one(lambda t: t + DAY), False),
    ("pasado mañana", one(lambda t: t + 2 * DAY), False),
    ("el 3 de diciembre", one(lambda t: deadline_year(12, 3, t)), False),
    ("el 11 de diciembre", one(lambda t: deadline_year(12, 11, t)), False),
    ("3 de diciembre de 2026", one(lambda t: date(2026, 12, 3)), False),
    ("el 25 de noviembre", one(lambda t: deadline_year(11, 25, t)), False),
    ("25/12/2026", one(lambda t: date(2026, 12, 25)), False),
    ("11/12", one(lambda t: deadline_year(12, 11, t)), False),
    ("3/12", one(lambda t: deadline_year(12, 3, t)), False),
    ("12/25", one(lambda t: deadline_year(12, 25, t)), False),
    ("25/11", one(lambda t: deadline_year(11, 25, t)), False),
    ("11.12", one(lambda t: deadline_year(12, 11, t)), False),
    # English works too.
    ("by the end of this week", one(end_of_this_week), False),
    ("sometime next week", one(lambda t: of_next_week(t, FRI)), False),
    ("by friday", one(lambda t: coming(t, FRI)), False),
    ("in 2 weeks", one(lambda t: t + timedelta(days=14)), True),
    # Unreadable: no day is named, or no single day can be chosen without guessing.
    ("diciembre", nothing, False),
    ("el mes que viene", nothing, False),
    ("en unos días", nothing, False),
    ("después del viernes", nothing, False),
    ("no antes del viernes", nothing, False),
    ("31/2", nothing, False),
]  # fmt: skip

# Moments: (what the user types, the moments it means).
MOMENTS: list[tuple[str, Moments]] = [
    ("ahora mismo", since()),
    ("acaba de terminar", since()),
    ("Acaba de terminar", since()),
    ("hace un momento", since()),
    ("hace una hora", since(hours=-1)),
    ("hace media hora", since(minutes=-30)),
    ("hace una hora y media", since(minutes=-90)),
    ("hace 30 minutos", since(minutes=-30)),
    ("dentro de 2 horas", since(hours=2)),
    ("hace una semana", at(lambda t: t - timedelta(days=7))),
    ("hace 3 días", at(lambda t: t - 3 * DAY)),
    ("hoy", at(same)),
    ("esta mañana", at(same)),
    ("ayer", at(lambda t: t - DAY)),
    ("anteayer", at(lambda t: t - 2 * DAY)),
    ("mañana por la mañana", at(lambda t: t + DAY)),
    ("ayer a las 3", at(lambda t: t - DAY, 15)),
    ("ayer 15:30", at(lambda t: t - DAY, 15, 30)),
    ("ayer a las 3 de la tarde", at(lambda t: t - DAY, 15)),
    ("hoy a las 3 de la tarde", at(same, 15)),
    ("hoy a las 10 de la mañana", at(same, 10)),
    ("a las 10 de la mañana", at(same, 10)),
    ("el viernes", lambda t: tuple(Local(day, None) for day in past_or_coming(t, FRI))),
    ("mañana a las 10", at(lambda t: t + DAY, 10)),
    ("mañana a las 9 y media", at(lambda t: t + DAY, 9, 30)),
    ("a las tres y media", at(same, 15, 30)),
    ("a las 12 menos cuarto", at(same, 11, 45)),
    ("a las 10", at(same, 10)),
    ("a las 15 horas", at(same, 15)),
    ("al mediodía", at(same, 12)),
    ("esta tarde a las 5", at(same, 17)),
    ("el viernes a las 10", weekday_at(FRI, 10)),
    ("el lunes a las 9:30", weekday_at(MON, 9, 30)),
    ("el jueves por la tarde a las 4", weekday_at(THU, 16)),
    # The words typed settle it: "fue" is the past one, "es" the coming one.
    ("fue el lunes a las 11:30", at(lambda t: t if t.weekday() == MON else before(t, MON), 11, 30)),
    ("es el lunes a las 11:30", at(lambda t: after(t, MON), 11, 30)),  # today's 11:30 is past
    ("el viernes pasado a las 2 de la tarde", at(lambda t: before(t, FRI), 14)),
    ("este martes", lambda t: tuple(Local(day, None) for day in this_week(t, TUE))),
    ("el lunes de la semana que viene a las 10", at(lambda t: of_next_week(t, MON), 10)),
    ("el próximo martes a las 10",
     on_days(either(lambda t: after(t, TUE), lambda t: of_next_week(t, TUE)), 10)),
    ("el 11 de diciembre a las 10", at(lambda t: nearest_year(12, 11, t), 10)),
    ("11/12 a las 10", at(lambda t: nearest_year(12, 11, t), 10)),
    ("el 25 a las 10", at(lambda t: nearest_nth(t, 25), 10)),
    ("25/11 9:30", at(lambda t: nearest_year(11, 25, t), 9, 30)),
    # English works too.
    ("it just ended", since()),
    ("about an hour ago", since(hours=-1)),
    ("yesterday 3pm", at(lambda t: t - DAY, 15)),
    # Unreadable: too vague for a moment, or not a time at all.
    ("la semana que viene", nothing),
    ("la semana pasada", nothing),
    ("el mes pasado", nothing),
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
        LANGUAGE, ZONES[0], "antes del viernes", "ayer a las 3", "el viernes a las 3"
    )


@pytest.mark.parametrize(
    ("text", "a_day"),
    [("el viernes a las 3", True), ("mañana", True), ("hace una hora", True), ("Madrid", False),
     ("Ciudad de México", False), ("acaba de terminar", True)],
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
    check_far_days_ask_for_confirmation(
        LANGUAGE, ZONES[0], "3 de diciembre de 2028", "el 3 de diciembre de 2028 a las 10"
    )


def test_the_table_is_as_large_as_promised() -> None:
    assert len(DEADLINES) + len(MOMENTS) >= 110
