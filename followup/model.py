"""Plain data the rest of the program passes around: interviews, nudges, per-user settings.

Times are always timezone-aware and in UTC here; the user's zone is applied only when showing them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import IntEnum, StrEnum


class Rating(IntEnum):
    """How the interview went, on the four-point scale the debrief offers."""

    ROUGH = 1
    MIXED = 2
    GOOD = 3
    GREAT = 4


class Outcome(StrEnum):
    OFFER = "offer"
    NEXT_ROUND = "next_round"
    REJECTED = "rejected"
    WITHDREW = "withdrew"
    OTHER = "other"
    HEARD = "heard"  # they heard back, but did not say what yet


class NudgeKind(StrEnum):
    CHECK_IN = "check_in"
    RECRUITER_FEEDBACK = "recruiter_feedback"
    THANK_YOU = "thank_you"
    REASSURANCE = "reassurance"
    CHASE = "chase"
    SECOND_CHASE = "second_chase"
    MOVE_ON = "move_on"


class NudgeState(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    CANCELLED = "cancelled"
    SKIPPED = "skipped"


@dataclass(frozen=True, slots=True)
class Interview:
    """One interview a user logged, with everything the debrief captured."""

    id: str
    user_id: int
    company: str
    when: datetime
    created: datetime
    role: str | None = None
    via_agency: bool = False
    recruiter: str | None = None
    decision_date: date | None = None
    outside_hours: bool | None = None
    got_contact: bool | None = None
    rating: Rating | None = None
    notes: str | None = None
    debriefed: bool = False
    feedback_given: datetime | None = None
    thanked: datetime | None = None
    chases: tuple[datetime, ...] = ()
    outcome: Outcome | None = None
    heard_back: datetime | None = None

    @property
    def is_open(self) -> bool:
        return self.outcome is None


@dataclass(frozen=True, slots=True)
class Nudge:
    """A message the bot owes a user at a given time; the store's copy is the truth."""

    id: str
    user_id: int
    chat_id: int
    interview_id: str
    kind: NudgeKind
    due: datetime
    state: NudgeState = NudgeState.PENDING
    sent_at: datetime | None = None
    acted_at: datetime | None = None  # when the user pressed Done on it (each nudge acts once)


@dataclass(frozen=True, slots=True)
class UserSettings:
    user_id: int
    chat_id: int
    timezone: str
    paused: bool = False
    blocked: bool = False
    tips: tuple[str, ...] = field(default=())
