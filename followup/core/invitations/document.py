"""A document sent to the chat: a calendar file, an email file, or something we don't read."""

from __future__ import annotations

from datetime import datetime

from followup.core.invitations.eml_reader import looks_like_email, read_eml
from followup.core.invitations.fields import Reading, Refusal
from followup.core.invitations.ics_reader import MAX_BYTES, looks_like_calendar, read_ics


def read_document(name: str, data: bytes, now: datetime) -> Reading:
    """Read by what the file holds (its name only breaks a tie): .ics, .eml, or refused."""
    if len(data) > MAX_BYTES:
        return Reading(refusal=Refusal.TOO_BIG)
    if looks_like_calendar(data):
        return read_ics(data, now)
    if looks_like_email(data) or name.lower().endswith(".eml"):
        return read_eml(data, now)
    return Reading(refusal=Refusal.NOT_CALENDAR)
