"""The day and time news in Spanish, German and Russian states, found inside the message: a time
said is kept, a weekday follows the deed (the last one for something done, the coming one for a
plan), and English news reads the same in every language.

Every row is read on Monday 7 December 2026 in the morning, local time; the days are worked out
from that calendar by hand.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from followup.core.language import speaking_in
from followup.core.news_dates import date_words, said_when

NOW = datetime(2026, 12, 7, 7, 20, tzinfo=UTC)  # Monday 7 December: 08:20 in Madrid and Berlin
ZONES = {"es": "Europe/Madrid", "de": "Europe/Berlin", "ru": "Europe/Moscow"}
SUN, FRI, THU, SAT = date(2026, 12, 6), date(2026, 12, 4), date(2026, 12, 3), date(2026, 12, 5)
TUE, WED, THU_NEXT, FRI_NEXT = (date(2026, 12, d) for d in (8, 9, 10, 11))

# (language, the message, whether it tells of a plan, the days it states, the time it states)
ROWS: list[tuple[str, str, bool, tuple[date, ...], time | None]] = [
    ("es", "lo movieron al miércoles a las 11", True, (WED,), time(11)),
    ("es", "me cambiaron la entrevista al jueves", True, (THU_NEXT,), None),
    ("es", "la pasaron para el viernes a las 4 de la tarde", True, (FRI_NEXT,), time(16)),
    ("es", "la segunda ronda es mañana a las 10 de la noche", True, (TUE,), time(22)),
    ("es", "la movieron al 15/12", True, (date(2026, 12, 15),), None),
    ("es", "lo mandé ayer", False, (SUN,), None),
    ("es", "le escribí el viernes", False, (FRI,), None),
    ("es", "mandé el correo de seguimiento anteayer", False, (SAT,), None),
    ("es", "me llamaron hoy a las 9", False, (date(2026, 12, 7),), time(9)),
    ("es", "lo mandé el 3 de diciembre", False, (THU,), None),
    ("de", "sie haben es auf Donnerstag verschoben", True, (THU_NEXT,), None),
    ("de", "verschoben auf Mittwoch um 11 Uhr", True, (WED,), time(11)),
    ("de", "Termin auf übermorgen um 14 Uhr verschoben", True, (WED,), time(14)),
    ("de", "neuer Termin: 15.12. um 10", True, (date(2026, 12, 15),), time(10)),
    ("de", "gestern geschickt", False, (SUN,), None),
    ("de", "ich habe am Freitag nachgefasst", False, (FRI,), None),
    ("de", "am 3.12. geschickt", False, (THU,), None),
    ("de", "vorgestern abgeschickt", False, (SAT,), None),
    ("ru", "перенесли на четверг", True, (THU_NEXT,), None),
    ("ru", "перенесли на среду в 11:00", True, (WED,), time(11)),
    ("ru", "собеседование перенесли на послезавтра в 3 часа дня", True, (WED,), time(15)),
    ("ru", "перенесли на 11 декабря в 15:30", True, (FRI_NEXT,), time(15, 30)),
    ("ru", "отправил вчера", False, (SUN,), None),
    ("ru", "написал им в пятницу", False, (FRI,), None),
    ("ru", "отправил 3 декабря", False, (THU,), None),
    ("ru", "позавчера отправил письмо", False, (SAT,), None),
    # English news reads the same whatever the language.
    ("es", "moved to wednesday at 9:30am", True, (WED,), time(9, 30)),
    ("es", "moved to wed 9/12 at 9:30am", True, (WED,), time(9, 30)),  # day first
    ("de", "sent it yesterday at 4pm", False, (SUN,), time(16)),
    ("ru", "they moved it to friday", True, (FRI_NEXT,), None),
]


@pytest.mark.parametrize(
    ("language", "text", "ahead", "days", "clock"), ROWS, ids=[f"{r[0]}: {r[1]}" for r in ROWS]
)
def test_the_day_and_time_said(
    language: str, text: str, ahead: bool, days: tuple[date, ...], clock: time | None
) -> None:
    said = said_when(text, ZoneInfo(ZONES[language]), NOW, ahead=ahead, language=language)
    assert said.stated and said.days == days and said.clock == clock


@pytest.mark.parametrize(
    ("language", "text", "words"),
    [
        ("es", "lo movieron al miércoles a las 11", "al miércoles a las 11"),
        ("es", "lo mandé ayer", "ayer"),
        ("de", "sie haben es auf Donnerstag verschoben", "Donnerstag"),
        ("de", "Termin auf übermorgen um 14 Uhr verschoben", "übermorgen um 14 Uhr"),
        ("ru", "перенесли на четверг", "четверг"),
        ("ru", "перенесли на 11 декабря в 15:30", "11 декабря в 15:30"),
    ],
)
def test_the_date_words_are_given_as_typed(language: str, text: str, words: str) -> None:
    assert date_words(text, language=language) == words


@pytest.mark.parametrize(
    ("language", "text"),
    [("es", "me rechazaron"), ("de", "sie haben abgesagt"), ("ru", "мне отказали"),
     ("es", "me llamó la reclutadora"), ("de", "ich habe das Angebot bekommen")],
)  # fmt: skip
def test_no_date_words_say_nothing_about_when(language: str, text: str) -> None:
    assert not said_when(
        text, ZoneInfo(ZONES[language]), NOW, ahead=False, language=language
    ).stated


def test_the_language_spoken_is_the_default() -> None:
    zone = ZoneInfo(ZONES["es"])
    with speaking_in("es"):
        assert said_when("lo mandé ayer", zone, NOW, ahead=False).days == (SUN,)
        assert date_words("lo mandé ayer") == "ayer"
    assert not said_when("lo mandé ayer", zone, NOW, ahead=False).stated  # English is spoken


def test_a_day_after_tomorrow_is_not_read_as_tomorrow() -> None:
    zone = ZoneInfo(ZONES["de"])
    said = said_when("moved it to the day after tomorrow", zone, NOW, ahead=True, language="en")
    assert said.days == (WED,)
