"""End to end: an invitation pasted, forwarded or sent as a calendar file becomes an interview
whose time agrees on the card, in the confirmation, in /status and in the stored plan; the same
event again changes nothing, a reschedule moves it, a cancellation ends it."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from telegram.ext import Application

from followup.core.model import Outcome
from tests.support.clock import Clock
from tests.support.driver import say, tap
from tests.support.fake_telegram import FakeTelegram, FakeUser
from tests.support.stores import Backend, stored_interviews

Bot = Application  # type: ignore[type-arg]

INVITATION = """Hi Ann,

Thank you for your interest in Acme Robotics! We'd like to invite you to a video interview for
the Senior Backend Engineer position.

Date: Tuesday, December 15, 2026
Time: 2:00 PM - 2:45 PM Pacific Time (US & Canada)
Join Zoom Meeting: https://acme.zoom.us/j/123456

You'll meet with: Jane Doe (Engineering Manager)

Best,
Sarah Miller
Recruiting Coordinator, Acme Robotics"""


def _ics(sequence: int, start: str, method: str = "REQUEST") -> bytes:
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:Microsoft Exchange Server 2010",
        f"METHOD:{method}", "BEGIN:VEVENT", "UID:0400000082-globex-1",
        f"SEQUENCE:{sequence}", f"DTSTART;TZID=W. Europe Standard Time:{start}",
        "SUMMARY:Interview: Data Analyst at Globex",
        "ORGANIZER;CN=Marta Ruiz:mailto:marta.ruiz@globex.com",
        "END:VEVENT", "END:VCALENDAR",
    ]  # fmt: skip
    return ("\r\n".join(lines) + "\r\n").encode()


async def test_a_pasted_invitation_becomes_an_interview_once(
    bot: Bot, ann: FakeUser, backend: Backend
) -> None:
    card = await say(ann, INVITATION)
    assert "Acme Robotics" in card.text and "Senior Backend Engineer" in card.text
    assert "Tue 15 Dec, 22:00 your time (14:00 in Los Angeles)" in card.text
    assert "Jane Doe (Engineering Manager)" in card.text and "45 min" in card.text
    assert card.button_texts == ["✅ Looks right", "✏️ Fix something"]
    saved = await tap(ann, "Looks right")
    assert "Logged: Acme Robotics, Tue 15 Dec, 22:00" in saved.text
    status = await say(ann, "/status")
    assert "Acme Robotics" in status.text and "Tue 15 Dec" in status.text and "22:00" in status.text
    [interview] = await stored_interviews(backend, ann.id)
    assert interview.when == datetime(2026, 12, 15, 22, 0, tzinfo=UTC)
    assert interview.role == "Senior Backend Engineer" and interview.recruiter == "Sarah Miller"

    await say(ann, INVITATION)
    again = await tap(ann, "Looks right")
    assert "nothing changed" in again.text
    assert len(await stored_interviews(backend, ann.id)) == 1


async def test_a_forwarded_invitation_without_a_zone_asks_whose_time(
    bot: Bot, ann: FakeUser, backend: Backend, fake: FakeTelegram
) -> None:
    text = (
        "Hi! We'd love to invite you to an interview for the Designer role at Initech "
        "on December 9, 2026 at 10:00."
    )
    await ann.send_forwarded(text, "Katrin Weber", int(time.time()))
    card = await ann.next_message()
    assert "Initech" in card.text and "Wed 9 Dec, 10:00" in card.text
    saved = await tap(ann, "Looks right")
    assert "Logged: Initech, Wed 9 Dec, 10:00" in saved.text
    [interview] = await stored_interviews(backend, ann.id)
    assert interview.when == datetime(2026, 12, 9, 10, 0, tzinfo=UTC)


async def test_a_calendar_file_then_its_reschedule_then_its_cancellation(
    bot: Bot, ann: FakeUser, backend: Backend, fake: FakeTelegram, clock: Clock
) -> None:
    await ann.send_document("invite.ics", _ics(0, "20261208T150000"), "text/calendar")
    card = await ann.next_message()
    assert "Globex" in card.text and "Data Analyst" in card.text
    assert "Tue 8 Dec, 14:00 your time (15:00 in Berlin)" in card.text
    assert fake.downloads, "the file was fetched through getFile"
    saved = await tap(ann, "Looks right")
    assert "Logged: Globex, Tue 8 Dec, 14:00" in saved.text

    await ann.send_document("invite.ics", _ics(0, "20261208T150000"), "text/calendar")
    await ann.next_message()
    assert "nothing changed" in (await tap(ann, "Looks right")).text

    await ann.send_document("update.ics", _ics(1, "20261210T090000"), "text/calendar")
    await ann.next_message()
    moved = await tap(ann, "Looks right")
    assert "Moved: Globex to Thu 10 Dec, 08:00" in moved.text
    [interview] = await stored_interviews(backend, ann.id)
    assert interview.when == datetime(2026, 12, 10, 8, 0, tzinfo=UTC)
    assert "Thu 10 Dec" in (await say(ann, "/status")).text

    await ann.send_document("invite.ics", _ics(0, "20261208T150000"), "text/calendar")
    await ann.next_message()
    assert "older copy" in (await tap(ann, "Looks right")).text

    await ann.send_document("cancel.ics", _ics(2, "20261210T090000", "CANCEL"), "text/calendar")
    card = await ann.next_message()
    assert "This cancels your Globex interview" in card.text
    assert "Cancelled: Globex" in (await tap(ann, "Looks right")).text
    [interview] = await stored_interviews(backend, ann.id)
    assert interview.outcome is Outcome.OTHER


async def test_files_we_cannot_read_get_one_line_and_save_nothing(
    bot: Bot, ann: FakeUser, backend: Backend
) -> None:
    await ann.send_document("cv.pdf", b"%PDF-1.4 not a calendar", "application/pdf")
    answer = await ann.next_message()
    assert answer.text.count("\n") == 0 and "Nothing was saved" in answer.text
    many = b"BEGIN:VCALENDAR\r\n" + b"BEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\n" * 500
    await ann.send_document("many.ics", many + b"END:VCALENDAR\r\n", "text/calendar")
    assert "many events" in (await ann.next_message()).text
    assert await stored_interviews(backend, ann.id) == []
