"""The user's own data, for /export: everything as JSON, and upcoming nudges as iCalendar."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import date, datetime, timedelta
from enum import Enum
from typing import Any

from icalendar import Calendar, Event

from followup.core.model import Interview, Nudge, NudgeState, UserSettings

PRODUCT_ID = "-//Follow-up Coach//EN"
EVENT_LENGTH = timedelta(minutes=15)


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    raise TypeError(f"cannot export {type(value).__name__}")


def export_json(
    settings: UserSettings | None, interviews: Sequence[Interview], nudges: Sequence[Nudge]
) -> bytes:
    """Every record kept about one user, as readable UTF-8 JSON."""
    document = {
        "settings": asdict(settings) if settings else None,
        "interviews": [asdict(i) for i in interviews],
        "nudges": [asdict(n) for n in nudges],
    }
    return json.dumps(document, default=_json_value, ensure_ascii=False, indent=2).encode()


def export_calendar(
    interviews: Sequence[Interview],
    nudges: Sequence[Nudge],
    describe: Callable[[Nudge, Interview], tuple[str, str]],
    now: datetime,
) -> bytes | None:
    """Upcoming pending nudges as an iCalendar file (UTC times), or None when there are none.

    `describe` gives each event's title and description (what the reminder is for).
    """
    by_id = {i.id: i for i in interviews}
    upcoming = [
        n
        for n in nudges
        if n.state is NudgeState.PENDING and n.due >= now and n.interview_id in by_id
    ]
    if not upcoming:
        return None
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    for nudge in sorted(upcoming, key=lambda n: n.due):
        event = Event()
        event.add("uid", f"{nudge.id}@followup-coach")
        event.add("dtstamp", now)
        event.add("dtstart", nudge.due)
        event.add("dtend", nudge.due + EVENT_LENGTH)
        title, description = describe(nudge, by_id[nudge.interview_id])
        event.add("summary", title)
        event.add("description", description)
        calendar.add_component(event)
    return calendar.to_ical()  # type: ignore[no-any-return]
