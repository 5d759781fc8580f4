"""The invitation readers on their own: zones, refusals, and what they never do."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from followup.core.invitations import Ask, Refusal, looks_like_invitation, read_document, read_text
from followup.core.invitations.ics_reader import MAX_BYTES
from followup.core.invitations.zones import tz_of, windows_zone, zone_after_clock, zone_named

NOW = datetime(2027, 3, 1, 9, tzinfo=UTC)
LONDON = ZoneInfo("Europe/London")


def test_windows_zone_names_come_from_the_cldr_table() -> None:
    assert windows_zone("Pacific Standard Time") == "America/Los_Angeles"
    assert windows_zone("W. Europe Standard Time") == "Europe/Berlin"
    assert zone_named('"Russian Standard Time"') == "Europe/Moscow"
    assert zone_named("UTC") == "UTC"


def test_abbreviations_after_a_clock_and_the_ambiguous_ones() -> None:
    assert zone_after_clock(" pt on tuesday") == "America/Los_Angeles"
    assert zone_after_clock(" (cet)") == "Europe/Berlin"
    assert zone_after_clock(" мск") == "Europe/Moscow"
    assert zone_after_clock(" cst") == "?"
    assert zone_after_clock(" utc+05:30") == "UTC+05:30"
    assert tz_of("UTC+05:30").utcoffset(None) == timedelta(hours=5, minutes=30)


def test_a_time_without_zone_is_asked_when_the_sender_was_elsewhere() -> None:
    text = (
        "From: Jo <jo@acme.com>\nDate: Mon, 1 Mar 2027 09:00 -0800\nTo: me@example.com\n\n"
        "Hi! We'd like to invite you to an interview at Acme on March 9, 2027 at 10:00."
    )
    reading = read_text(text, NOW)
    assert reading.sender_offset == timedelta(hours=-8)
    assert Ask.ZONE in reading.asks(LONDON)
    assert Ask.ZONE not in reading.asks(ZoneInfo("America/Los_Angeles"))


def test_short_news_is_not_an_invitation() -> None:
    assert not looks_like_invitation("globex moved my interview to wed 9:30am")
    assert looks_like_invitation("globex moved my interview to wed 9:30am", forwarded=True)


def test_files_refused_in_one_word() -> None:
    assert read_document("big.ics", b"BEGIN:VCALENDAR" + b"x" * MAX_BYTES, NOW).refusal == (
        Refusal.TOO_BIG
    )
    assert read_document("cv.pdf", b"%PDF-1.4 ...", NOW).refusal == Refusal.NOT_CALENDAR
    broken = b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2027XX\r\n"
    assert read_document("x.ics", broken, NOW).refusal is not None
    far = (
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:99990101T100000Z\r\n"
        b"SUMMARY:Interview at Acme\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    assert read_document("x.ics", far, NOW).refusal == Refusal.ABSURD_DATE


def test_links_are_only_text() -> None:
    text = (
        "Hi, thanks for applying to Acme! Your interview is on March 9, 2027 at 10:00 GMT. "
        "Join: https://acme.zoom.us/j/1?next=http://evil.example"
    )
    assert read_text(text, NOW).place == "acme.zoom.us"


@pytest.mark.parametrize(
    ("said", "minutes"),
    [
        ("The interview will last 45 minutes.", 45), ("a 60-minute call", 60),
        ("Dauer: 45 Minuten", 45), ("duración: 1 hora", 60), ("Продолжительность — 45 минут", 45),
        ("it takes 1.5 hours", 90),
        # two lengths, or none an interview could last: no length rather than a guess
        ("30 minutes with Ana, then 45 minutes with the team", None),
        ("please reply within 2 days", None), ("a 5 minute walk from the station", None),
    ],
)  # fmt: skip
def test_a_length_said_in_words(said: str, minutes: int | None) -> None:
    text = f"Interview invitation from Acme: Tuesday 15 December 2026 at 14:00. {said}"
    reading = read_text(text, datetime(2026, 12, 7, 9, tzinfo=UTC))
    expected = timedelta(minutes=minutes) if minutes is not None else None
    assert reading.start is not None and reading.duration == expected
