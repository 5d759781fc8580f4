"""The debrief's questions as data: which one comes next, given what the user already told us.

The draft is a plain dict (it lives in the user's persisted conversation data), so a restart resumes
at exactly the question that was open. A key present in the draft means "answered", even when its
value is None (skipped).
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from dataclasses import replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from followup.core.model import Interview, Rating

COMPANY_LIMIT = 100
ROLE_LIMIT = 120
RECRUITER_LIMIT = 80


class Step(StrEnum):
    COMPANY = "company"
    ROLE = "role"
    WHEN = "when"
    AGENCY = "agency"
    DECISION = "decision"
    EXTRAS = "extras"
    RATING = "rating"
    NOTES = "notes"


# Each step and the draft key that, once present, means it has been answered.
_ORDER: tuple[tuple[Step, str], ...] = (
    (Step.COMPANY, "company"),
    (Step.ROLE, "role"),
    (Step.WHEN, "when"),
    (Step.AGENCY, "via_agency"),
    (Step.DECISION, "decision_date"),
    (Step.EXTRAS, "got_contact"),
    (Step.RATING, "rating"),
    (Step.NOTES, "notes"),
)
# Questions that only make sense once the interview has happened.
_AFTER_ONLY = frozenset({Step.DECISION, Step.EXTRAS, Step.RATING, Step.NOTES})


def next_step(draft: Mapping[str, Any], now: datetime) -> Step | None:
    """The first unanswered question, or None when the draft is complete."""
    upcoming = "when" in draft and when_of(draft) > now
    for step, key in _ORDER:
        if upcoming and step in _AFTER_ONLY:
            return None
        if key not in draft:
            return step
    return None


def when_of(draft: Mapping[str, Any]) -> datetime:
    return datetime.fromisoformat(draft["when"])


def remember_route(draft: MutableMapping[str, Any], earlier: Interview | None) -> bool:
    """Copy the agency route from an earlier interview with the same company; True if copied."""
    if earlier is None:
        return False
    draft["via_agency"] = earlier.via_agency
    draft["recruiter"] = earlier.recruiter
    return True


def draft_for(interview: Interview) -> dict[str, Any]:
    """A draft pre-filled from a logged interview, so the debrief asks only what is missing."""
    draft: dict[str, Any] = {
        "interview_id": interview.id,
        "company": interview.company,
        "role": interview.role,
        "when": interview.when.isoformat(),
        "wall_clock": interview.wall_clock,
        "via_agency": interview.via_agency,
        "recruiter": interview.recruiter,
    }
    if interview.decision_date is not None:
        draft["decision_date"] = interview.decision_date.isoformat()
    return draft


def next_round_draft(earlier: Interview) -> dict[str, Any]:
    """A draft for the next round with the same company: only the new details are asked."""
    return {
        "company": earlier.company,
        "role": earlier.role,
        "via_agency": earlier.via_agency,
        "recruiter": earlier.recruiter,
        "route_remembered": True,
        "round_of": earlier.id,
    }


def merge_debrief(logged: Interview, answered: Interview) -> Interview:
    """A logged (upcoming) interview completed with what its debrief captured."""
    return replace(
        logged,
        decision_date=answered.decision_date,
        outside_hours=answered.outside_hours,
        got_contact=answered.got_contact,
        rating=answered.rating,
        notes=answered.notes,
        debriefed=answered.debriefed,
    )


def to_interview(
    draft: Mapping[str, Any], interview_id: str, user_id: int, now: datetime
) -> Interview:
    """The interview the finished draft describes."""
    decision = draft.get("decision_date")
    rating = draft.get("rating")
    return Interview(
        id=interview_id,
        user_id=user_id,
        company=draft["company"],
        role=draft.get("role"),
        when=when_of(draft),
        created=now,
        wall_clock=bool(draft.get("wall_clock")),
        via_agency=bool(draft.get("via_agency")),
        recruiter=draft.get("recruiter"),
        decision_date=date.fromisoformat(decision) if decision else None,
        outside_hours=draft.get("outside_hours"),
        got_contact=draft.get("got_contact"),
        rating=Rating(rating) if rating else None,
        notes=draft.get("notes"),
        debriefed="rating" in draft,
        round_of=draft.get("round_of"),
    )
