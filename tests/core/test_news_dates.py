"""The day and time a piece of news states: a time said is never dropped, a weekday follows the
deed (the last one for something done, the coming one for a plan), numbers keep both readings."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from followup.core.news_dates import said_when

CHICAGO = ZoneInfo("America/Chicago")
NOW = datetime(2026, 12, 7, 7, 20, tzinfo=UTC)  # Monday 01:20 in Chicago


@pytest.mark.parametrize(
    ("text", "ahead", "days", "clock"),
    [
        ("initech pushed my 2nd round to thursday at 2pm", True, (date(2026, 12, 10),), time(14)),
        ("moved to wed 12/9 at 9:30am", True, (date(2026, 12, 9),), time(9, 30)),
        ("they moved it to friday", True, (date(2026, 12, 11),), None),
        ("sent it yesterday at 4pm", False, (date(2026, 12, 6),), time(16)),
        ("i sent the follow up on friday", False, (date(2026, 12, 4),), None),
    ],
)
def test_the_day_and_time_said(
    text: str, ahead: bool, days: tuple[date, ...], clock: time | None
) -> None:
    said = said_when(text, CHICAGO, NOW, ahead=ahead)
    assert said.stated and said.days == days and said.clock == clock


def test_a_date_in_numbers_keeps_both_readings_to_be_asked() -> None:
    said = said_when("followed up on 3/12", CHICAGO, NOW, ahead=False)
    assert len(said.days) == 2 and said.day is None


def test_no_date_words_say_nothing_about_when() -> None:
    assert not said_when("acme called", CHICAGO, NOW, ahead=False).stated
