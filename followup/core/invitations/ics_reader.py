"""Reading a calendar file (.ics): Google, Outlook/Exchange, Apple, Calendly, Zoom.

icalendar parses it; this module picks the one interview event and reads it: its start in the
zone its TZID names (IANA, a Windows name mapped through CLDR, or a VTIMEZONE the file itself
defines), a UTC time ("…Z"), or a floating time (the calendar's X-WR-TIMEZONE, else the user's
own). Summary, description and location are read as an invitation text for company and role;
the organizer is the recruiter, the other attendees of the employer's domain the interviewers.
A file with many events, a repeating event, or more than MAX_BYTES is refused in one line.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from icalendar import Calendar

from followup.core.invitations.fields import Person, Reading, Refusal
from followup.core.invitations.text_reader import MAX_TEXT, read_text
from followup.core.invitations.zones import zone_named

MAX_BYTES = 1_000_000
MAX_EVENTS = 20  # counted before parsing: a file with thousands is refused unread
_FREE_MAIL = frozenset(
    [
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "hotmail.com",
        "yahoo.com",
        "icloud.com",
        "me.com",
        "gmx.de",
        "web.de",
        "yandex.ru",
        "mail.ru",
        "proton.me",
        "protonmail.com",
        "live.com",
        "aol.com",
        "t-online.de",
    ]
)


def looks_like_calendar(data: bytes) -> bool:
    return b"BEGIN:VCALENDAR" in data[:4096].upper()


def read_ics(data: bytes, now: datetime) -> Reading:
    """The interview one calendar file describes (or why it can't be read)."""
    if len(data) > MAX_BYTES:
        return Reading(refusal=Refusal.TOO_BIG)
    if not looks_like_calendar(data):
        return Reading(refusal=Refusal.NOT_CALENDAR)
    if data.upper().count(b"BEGIN:VEVENT") > MAX_EVENTS:
        return Reading(refusal=Refusal.MANY_EVENTS)
    text = _decoded(data)
    try:
        calendar = Calendar.from_ical(text)
        return _read(calendar, now)
    except (ValueError, KeyError, TypeError, IndexError, AttributeError, OverflowError):
        return Reading(refusal=Refusal.BROKEN)
    except Exception:  # icalendar raises many kinds on malformed input; none may escape
        return Reading(refusal=Refusal.BROKEN)


def _decoded(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _read(calendar: Any, now: datetime) -> Reading:
    if isinstance(calendar, list):
        return Reading(refusal=Refusal.MANY_EVENTS)
    events = list(calendar.walk("VEVENT"))
    if not events:
        return Reading(refusal=Refusal.NO_EVENT)
    uids = {str(e.get("UID", "")) for e in events}
    if len(uids) > 1:
        return Reading(refusal=Refusal.MANY_EVENTS)
    if len(events) > 1 or any(e.get(k) is not None for e in events for k in ("RRULE", "RDATE")):
        return Reading(refusal=Refusal.RECURRING)
    event = events[0]
    method = str(calendar.get("METHOD", "")).upper()
    status = str(event.get("STATUS", "")).upper()
    summary = _text(event.get("SUMMARY"))
    description = _text(event.get("DESCRIPTION"))
    location = _text(event.get("LOCATION"))
    organizer = event.get("ORGANIZER")
    organizer_name = _cn(organizer)
    organizer_mail = _mail(organizer)
    body = "\n".join(
        part
        for part in (
            f"Subject: {summary}" if summary else "",
            description,
            f"Location: {location}" if location else "",
            f"Organizer: {organizer_name or ''} <{organizer_mail or ''}>" if organizer else "",
        )
        if part
    )[:MAX_TEXT]
    details = read_text(body, now)
    start, zone, day = _start(event, calendar)
    if start is not None and abs(start.year - now.year) > 3:
        return Reading(refusal=Refusal.ABSURD_DATE)
    duration = _duration(event, start)
    sequence = event.get("SEQUENCE")
    try:
        sequence_number = max(0, min(int(sequence), 1_000_000)) if sequence is not None else 0
    except (TypeError, ValueError):
        sequence_number = 0
    people = _interviewers(event, organizer_mail) or details.interviewers
    uid = str(event.get("UID", "")).strip()[:200] or None
    return replace(
        details,
        start=start,
        zone=zone,
        day=day,
        days=(),
        moments=(),
        duration=duration or details.duration,
        interviewers=people,
        recruiter=organizer_name if _is_person(organizer_name) else details.recruiter,
        uid=uid,
        sequence=sequence_number,
        cancelled=method == "CANCEL" or status == "CANCELLED",
        moved=False,
        refusal=None,
        decision=details.decision,
    )


def _text(value: Any) -> str:
    return str(value)[:MAX_TEXT] if value is not None else ""


def _cn(prop: Any) -> str | None:
    if prop is None or not hasattr(prop, "params"):
        return None
    name = prop.params.get("CN")
    return str(name).strip().strip('"')[:80] or None if name else None


def _mail(prop: Any) -> str | None:
    if prop is None:
        return None
    value = str(prop)
    return value[7:].strip()[:120] if value.lower().startswith("mailto:") else None


def _is_person(name: str | None) -> bool:
    return bool(name) and "@" not in (name or "") and len((name or "").split()) <= 4


def _start(event: Any, calendar: Any) -> tuple[datetime | None, str | None, date | None]:
    """The start as the file's wall clock, its zone's name, or a day with no time."""
    prop = event.get("DTSTART")
    if prop is None:
        return None, None, None
    value = prop.dt
    if not isinstance(value, datetime):
        return None, None, value if isinstance(value, date) else None
    tzid = prop.params.get("TZID") if hasattr(prop, "params") else None
    named = zone_named(str(tzid)) if tzid else None
    if named is not None:
        return value.replace(tzinfo=None), named, None
    if value.tzinfo is not None:
        offset = value.utcoffset()
        if offset == timedelta(0) and not tzid:
            return value.replace(tzinfo=None), "UTC", None
        # A zone the file defines itself (Outlook's "Customized Time Zone"): its moment, in UTC.
        moment = value.astimezone(UTC)
        return moment.replace(tzinfo=None), "UTC", None
    wall = calendar.get("X-WR-TIMEZONE")
    named = zone_named(str(wall)) if wall else None
    return value, named, None


def _duration(event: Any, start: datetime | None) -> timedelta | None:
    try:
        end = event.get("DTEND")
        if end is not None and isinstance(end.dt, datetime):
            begin = event.get("DTSTART").dt
            length = end.dt - begin
        elif event.get("DURATION") is not None:
            length = event.get("DURATION").dt
        else:
            return None
    except (TypeError, AttributeError, ValueError):
        return None
    if isinstance(length, timedelta) and timedelta(0) < length <= timedelta(hours=12):
        return length
    return None


def _interviewers(event: Any, organizer_mail: str | None) -> tuple[Person, ...]:
    attendees = event.get("ATTENDEE")
    if attendees is None:
        return ()
    if not isinstance(attendees, list):
        attendees = [attendees]
    domain = organizer_mail.rsplit("@", 1)[-1].lower() if organizer_mail else None
    people: list[Person] = []
    for attendee in attendees[:50]:
        mail = _mail(attendee) or ""
        their = mail.rsplit("@", 1)[-1].lower()
        if (
            not mail
            or their in _FREE_MAIL
            or (domain and their != domain)
            or mail == organizer_mail
        ):
            continue
        name = _cn(attendee)
        if name and _is_person(name):
            people.append(Person(name))
        elif re.match(r"[a-z]+\.[a-z]+@", mail):
            first, last = mail.split("@")[0].split(".", 1)
            people.append(Person(f"{first.capitalize()} {last.capitalize()}"))
    return tuple(people[:6])
