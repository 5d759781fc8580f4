"""How times and days read to the user: always in their own zone, short and unambiguous."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo


def local_moment(when: datetime, zone: ZoneInfo, now: datetime) -> str:
    """'today 14:00', 'tomorrow 09:30', or 'Fri 27 Nov, 14:00' (with the year when not this one)."""
    local = when.astimezone(zone)
    today = now.astimezone(zone).date()
    clock = local.strftime("%H:%M")
    delta = (local.date() - today).days
    if delta == 0:
        return f"today {clock}"
    if delta == 1:
        return f"tomorrow {clock}"
    if delta == -1:
        return f"yesterday {clock}"
    return f"{local_day(local.date(), today)}, {clock}"


def local_day(day: date, today: date) -> str:
    """'Fri 27 Nov', with the year added when it is not the current one."""
    text = f"{day.strftime('%a')} {day.day} {day.strftime('%b')}"
    return text if day.year == today.year else f"{text} {day.year}"


def clock_time(when: datetime, zone: ZoneInfo) -> str:
    return when.astimezone(zone).strftime("%H:%M")
