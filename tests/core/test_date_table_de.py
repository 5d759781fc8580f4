"""The German phrasings people type for the two date questions, read on every day of a week in
two zones, with English beside them (a German speaker may type either).

Each row's expected answer is worked out from `today` by walking the calendar, with the shared
calendar helpers, never by asking the code under test. The week runs Monday 30 November to Sunday
6 December 2026, crossing the end of a month. Dates are day first: "11.12." and "11/12" are the
11th of December; "halb drei" is half past two.
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

LANGUAGE = "de"
ZONES = ["Europe/Berlin", "Pacific/Auckland"]


# Deadlines: (what the user types, the days it means, whether counted from today).
DEADLINES: list[tuple[str, Days, bool]] = [
    ("Freitag", one(lambda t: coming(t, FRI)), False),
    ("bis Freitag", one(lambda t: coming(t, FRI)), False),
    ("Bis Freitag.", one(lambda t: coming(t, FRI)), False),
    ("am Freitag", one(lambda t: coming(t, FRI)), False),
    ("Fr", one(lambda t: coming(t, FRI)), False),
    ("bis Freitag 17 Uhr", one(lambda t: coming(t, FRI)), False),
    ("spätestens Freitag", one(lambda t: coming(t, FRI)), False),
    ("Freitag spätestens", one(lambda t: coming(t, FRI)), False),
    ("sie melden sich bis Freitag", one(lambda t: coming(t, FRI)), False),
    ("bis Mittwoch", one(lambda t: coming(t, WED)), False),
    ("Montag", one(lambda t: coming(t, MON)), False),
    ("diesen Freitag", one(lambda t: coming(t, FRI)), False),
    ("kommenden Freitag", one(lambda t: coming(t, FRI)), False),
    ("nächsten Montag", one(lambda t: of_next_week(t, MON)), False),
    ("naechsten Montag", one(lambda t: of_next_week(t, MON)), False),
    ("nächsten Freitag", either(lambda t: after(t, FRI), lambda t: of_next_week(t, FRI)), False),
    ("Freitag nächster Woche", one(lambda t: of_next_week(t, FRI)), False),
    ("Freitag nächste Woche", one(lambda t: of_next_week(t, FRI)), False),
    ("Freitag in einer Woche", one(lambda t: coming(t, FRI) + timedelta(days=7)), False),
    ("heute in einer Woche", one(lambda t: t + timedelta(days=7)), True),
    ("bis zum 10.", one(lambda t: next_nth(t, 10)), False),
    ("am 10.", one(lambda t: next_nth(t, 10)), False),
    ("bis zum 1.", one(lambda t: next_nth(t, 1)), False),
    ("am 31.", one(lambda t: next_nth(t, 31)), False),
    ("nächste Woche", one(lambda t: of_next_week(t, FRI)), False),
    ("Nächste Woche", one(lambda t: of_next_week(t, FRI)), False),
    ("irgendwann nächste Woche", one(lambda t: of_next_week(t, FRI)), False),
    ("nächste Woche irgendwann", one(lambda t: of_next_week(t, FRI)), False),
    ("Anfang nächster Woche", one(lambda t: of_next_week(t, MON)), False),
    ("Mitte nächster Woche", one(lambda t: of_next_week(t, WED)), False),
    ("Ende der Woche", one(end_of_this_week), False),
    ("Ende dieser Woche", one(end_of_this_week), False),
    ("bis Ende der Woche", one(end_of_this_week), False),
    ("diese Woche", one(end_of_this_week), False),
    ("noch diese Woche", one(end_of_this_week), False),
    ("bis zum Wochenende", one(end_of_this_week), False),
    ("Ende nächster Woche", end_of_next_week, False),
    ("übernächste Woche", one(lambda t: of_next_week(t, FRI) + timedelta(days=7)), False),
    ("in zwei Wochen", one(lambda t: t + timedelta(days=14)), True),
    ("in 2 Wochen", one(lambda t: t + timedelta(days=14)), True),
    ("zwei Wochen", one(lambda t: t + timedelta(days=14)), True),
    ("innerhalb von zwei Wochen", one(lambda t: t + timedelta(days=14)), True),
    ("binnen 14 Tagen", one(lambda t: t + timedelta(days=14)), True),
    ("in einer Woche", one(lambda t: t + timedelta(days=7)), True),
    ("in 10 Tagen", one(lambda t: t + timedelta(days=10)), True),
    ("2-3 Wochen", one(lambda t: t + timedelta(days=21)), True),
    ("2 oder 3 Wochen", one(lambda t: t + timedelta(days=21)), True),
    ("innerhalb von 48 Stunden", one(lambda t: t + 2 * DAY), True),
    ("5 Werktage", one(lambda t: workdays_after(t, 5)), True),
    ("in einem Monat", one(a_month_after), True),
    ("Ende des Monats", one(month_end), False),
    ("Monatsende", one(month_end), False),
    ("bis Ende des Monats", one(month_end), False),
    ("Ende nächsten Monats", one(lambda t: month_end(month_end(t) + DAY)), False),
    ("Ende Dezember", one(lambda t: date(2026, 12, 31)), False),
    ("heute", one(same), False),
    ("morgen", one(lambda t: t + DAY), False),
    ("morgen Nachmittag", one(lambda t: t + DAY), False),
    ("übermorgen", one(lambda t: t + 2 * DAY), False),
    ("uebermorgen", one(lambda t: t + 2 * DAY), False),
    ("am 3. Dezember", one(lambda t: deadline_year(12, 3, t)), False),
    ("am 11. Dezember", one(lambda t: deadline_year(12, 11, t)), False),
    ("3. Dezember 2026", one(lambda t: date(2026, 12, 3)), False),
    ("am 25. November", one(lambda t: deadline_year(11, 25, t)), False),
    ("3.12.", one(lambda t: deadline_year(12, 3, t)), False),
    ("11.12.", one(lambda t: deadline_year(12, 11, t)), False),
    ("bis 11.12.", one(lambda t: deadline_year(12, 11, t)), False),
    ("Freitag, den 4.12.", one(lambda t: deadline_year(12, 4, t)), False),
    ("25.12.2026", one(lambda t: date(2026, 12, 25)), False),
    ("11/12", one(lambda t: deadline_year(12, 11, t)), False),
    # English works too.
    ("by the end of this week", one(end_of_this_week), False),
    ("sometime next week", one(lambda t: of_next_week(t, FRI)), False),
    ("by friday", one(lambda t: coming(t, FRI)), False),
    ("in 2 weeks", one(lambda t: t + timedelta(days=14)), True),
    # Unreadable: no day is named, or no single day can be chosen without guessing.
    ("Dezember", nothing, False),
    ("nächsten Monat", nothing, False),
    ("in ein paar Tagen", nothing, False),
    ("nicht vor Freitag", nothing, False),
    ("Freitag, den 3.12.", nothing, False),
    ("31.2.", nothing, False),
]  # fmt: skip

# Moments: (what the user types, the moments it means).
MOMENTS: list[tuple[str, Moments]] = [
    ("gerade eben", since()),
    ("gerade vorbei", since()),
    ("Es ist gerade vorbei", since()),
    ("jetzt", since()),
    ("vor einer Stunde", since(hours=-1)),
    ("vor einer halben Stunde", since(minutes=-30)),
    ("vor 30 Minuten", since(minutes=-30)),
    ("in 2 Stunden", since(hours=2)),
    ("vor einer Woche", at(lambda t: t - timedelta(days=7))),
    ("vor 3 Tagen", at(lambda t: t - 3 * DAY)),
    ("heute", at(same)),
    ("heute Morgen", at(same)),
    ("gestern", at(lambda t: t - DAY)),
    ("vorgestern", at(lambda t: t - 2 * DAY)),
    ("morgen früh", at(lambda t: t + DAY)),
    ("gestern 15:30", at(lambda t: t - DAY, 15, 30)),
    ("gestern um 15 Uhr", at(lambda t: t - DAY, 15)),
    ("gestern um 3", at(lambda t: t - DAY, 15)),
    ("heute um 15 Uhr", at(same, 15)),
    ("morgen um 10", at(lambda t: t + DAY, 10)),
    ("morgen um halb zehn", at(lambda t: t + DAY, 9, 30)),
    ("halb drei", at(same, 14, 30)),
    ("um Viertel nach drei", at(same, 15, 15)),
    ("um Viertel vor elf", at(same, 10, 45)),
    ("um 10 Uhr", at(same, 10)),
    ("14 Uhr", at(same, 14)),
    ("um 9.30 Uhr", at(same, 9, 30)),
    ("heute Nachmittag um 4", at(same, 16)),
    ("heute Abend um 8", at(same, 20)),
    ("um 12 Uhr mittags", at(same, 12)),
    ("Freitag um 10", weekday_at(FRI, 10)),
    ("am Freitag", lambda t: tuple(Local(day, None) for day in past_or_coming(t, FRI))),
    ("Montag um 9:30", weekday_at(MON, 9, 30)),
    ("Montag morgen um 9", weekday_at(MON, 9)),
    ("Donnerstag Nachmittag um 4", weekday_at(THU, 16)),
    # The words typed settle it: "war" is the past one, "ist" the coming one.
    ("es war Montag um 11:30", at(lambda t: t if t.weekday() == MON else before(t, MON), 11, 30)),
    ("es ist am Montag um 11:30", at(lambda t: after(t, MON), 11, 30)),  # today's 11:30 is past
    ("letzten Freitag um 14 Uhr", at(lambda t: before(t, FRI), 14)),
    ("diesen Dienstag", lambda t: tuple(Local(day, None) for day in this_week(t, TUE))),
    ("Dienstag nächste Woche um 10", at(lambda t: of_next_week(t, TUE), 10)),
    ("nächsten Dienstag um 10",
     on_days(either(lambda t: after(t, TUE), lambda t: of_next_week(t, TUE)), 10)),
    ("am 11. Dezember um 10 Uhr", at(lambda t: nearest_year(12, 11, t), 10)),
    ("11.12. um 10", at(lambda t: nearest_year(12, 11, t), 10)),
    ("11.12. 10:00", at(lambda t: nearest_year(12, 11, t), 10)),
    ("am 25. um 10", at(lambda t: nearest_nth(t, 25), 10)),
    ("11.12.", at(lambda t: nearest_year(12, 11, t))),
    # English works too.
    ("it just ended", since()),
    ("about an hour ago", since(hours=-1)),
    ("yesterday 3pm", at(lambda t: t - DAY, 15)),
    ("10 am", at(same, 10)),
    # Unreadable: too vague for a moment, or not a time at all.
    ("nächste Woche", nothing),
    ("letzte Woche", nothing),
    ("um 25 Uhr", nothing),
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
        LANGUAGE, ZONES[0], "bis Freitag", "gestern um 15 Uhr", "Freitag um 15 Uhr"
    )


@pytest.mark.parametrize(
    ("text", "a_day"),
    [("Freitag um 15 Uhr", True), ("morgen", True), ("vor einer Stunde", True),
     ("Berlin", False), ("München", False), ("gerade vorbei", True)],
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
        LANGUAGE, ZONES[0], "3. Dezember 2028", "am 3. Dezember 2028 um 10"
    )


def test_the_table_is_as_large_as_promised() -> None:
    assert len(DEADLINES) + len(MOMENTS) >= 110
