"""/export's documents: JSON with every record, and a calendar that a real parser reads back."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import icalendar

from followup.core.export import export_calendar, export_json
from followup.core.model import Interview, Nudge, NudgeKind, NudgeState, Rating, UserSettings

NOW = datetime(2026, 11, 25, 14, tzinfo=UTC)
INTERVIEW = Interview(id="i", user_id=1, company="Acme", when=NOW, created=NOW, rating=Rating.GOOD)
NUDGES = [
    Nudge("a", 1, 1, "i", NudgeKind.CHASE, NOW + timedelta(days=7)),
    Nudge("b", 1, 1, "i", NudgeKind.THANK_YOU, NOW - timedelta(hours=1), NudgeState.SENT),
    Nudge("c", 1, 1, "i", NudgeKind.REASSURANCE, NOW + timedelta(days=2)),
]


def test_json_holds_every_record() -> None:
    settings = UserSettings(user_id=1, chat_id=1, timezone="Europe/London", tips=("be brief",))
    document = json.loads(export_json(settings, [INTERVIEW], NUDGES))
    assert document["settings"]["tips"] == ["be brief"]
    assert document["interviews"][0]["rating"] == 3
    assert document["interviews"][0]["when"] == NOW.isoformat()
    assert [n["state"] for n in document["nudges"]] == ["pending", "sent", "pending"]


def test_calendar_lists_upcoming_pending_nudges_in_order() -> None:
    def describe(nudge: Nudge, interview: Interview) -> tuple[str, str]:
        return f"{nudge.kind.value}: {interview.company}", f"about {interview.company}"

    raw = export_calendar([INTERVIEW], NUDGES, describe, NOW)
    assert raw is not None
    events = list(icalendar.Calendar.from_ical(raw).walk("VEVENT"))
    assert [str(e["summary"]) for e in events] == ["reassurance: Acme", "chase: Acme"]
    assert [str(e["description"]) for e in events] == ["about Acme", "about Acme"]
    assert events[0].decoded("dtstart") == NUDGES[2].due


def test_no_upcoming_nudges_means_no_calendar() -> None:
    sent = [replace(n, state=NudgeState.SENT) for n in NUDGES]
    assert export_calendar([INTERVIEW], sent, lambda n, i: ("x", "y"), NOW) is None
