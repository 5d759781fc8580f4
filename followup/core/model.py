"""Plain data the rest of the program passes around: interviews, nudges, per-user settings.

Times are always timezone-aware and in UTC here; the user's zone is applied only when showing them.
"""

from __future__ import annotations

import re
import secrets
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
    """How an interview's story ended; an interview with no outcome is open."""

    OFFER = "offer"
    NEXT_ROUND = "next_round"
    REJECTED = "rejected"
    WITHDREW = "withdrew"
    OTHER = "other"  # closed by the user for another reason
    HEARD = "heard"  # they heard back, but did not say what yet


class NudgeKind(StrEnum):
    """What a nudge is for; the order is the order they come in an interview's life."""

    BEFORE = "before"  # a tip the evening before (or the morning of) an interview logged ahead
    CHECK_IN = "check_in"
    RECRUITER_FEEDBACK = "recruiter_feedback"
    THANK_YOU = "thank_you"
    REASSURANCE = "reassurance"
    CHASE = "chase"
    SECOND_CHASE = "second_chase"
    FOLLOW_THROUGH = "follow_through"  # "did you send it?" after an unanswered follow-up nudge
    MOVE_ON = "move_on"
    REJECTION_REPLY = "rejection_reply"  # a day after a rejection: a gracious reply, if they like
    OFFER_DEADLINE = "offer_deadline"  # the working day before an offer must be answered
    TIP_REQUEST = "tip_request"  # a day after the story ends: the user's own tip, once
    WEEKLY = "weekly"  # the user's weekly card (a user-level record: see core/weekly.py)


# Nudges that still make sense once an interview has an outcome.
AFTER_OUTCOME = frozenset(
    {NudgeKind.REJECTION_REPLY, NudgeKind.OFFER_DEADLINE, NudgeKind.TIP_REQUEST}
)
# Nudges that ask the user to send a follow-up ("chase") email.
CHASE_KINDS = frozenset({NudgeKind.CHASE, NudgeKind.SECOND_CHASE})
# The follow-up nudges and the "time to move on" that ends them.
CHASE_FAMILY = CHASE_KINDS | {NudgeKind.MOVE_ON}


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
    # The user typed a clock time ("3pm"): it stays 15:00 on their clock if their zone changes.
    # False for moments counted from the clock ("it just ended", "an hour ago").
    wall_clock: bool = False
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
    chases: tuple[datetime, ...] = ()  # one entry per follow-up email, whatever button logged it
    chase_prompted: datetime | None = None  # when the latest follow-up nudge reached the user
    chasing_stopped: datetime | None = None  # the user chose not to follow up (any more)
    outcome: Outcome | None = None
    heard_back: datetime | None = None
    round_of: str | None = None  # the earlier round with the same company this one follows
    answer_by: date | None = None  # an offer: the day they want the user's answer by
    offer_answered: datetime | None = None  # the user told us they answered the offer
    draft_language: str | None = None  # emails to this employer: None = the chat's language
    invite_uid: str | None = None  # the calendar event it was logged from (its UID), if any
    invite_sequence: int = 0  # that event's SEQUENCE when last applied: older copies change nothing

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
    step: int = 0  # which round of a repeating kind (the follow-through after the 1st or 2nd chase)
    snoozed: bool = False  # the user moved it: re-planning keeps their time
    attempts: int = 0  # sends that failed and were put back for later
    sent_at: datetime | None = None
    acted_at: datetime | None = None  # when the user pressed Done on it (each nudge acts once)


@dataclass(frozen=True, slots=True)
class UserSettings:
    """One user's choices, and what the bot needs to reach them."""

    user_id: int
    chat_id: int
    timezone: str
    zone_confirmed: bool = False  # they told us where they are (or chose to keep the default)
    country: str | None = None  # working-day calendar: "GB-ENG", "FR", "none"; None = not chosen
    sender_name: str | None = None  # how their email drafts are signed
    paused: bool = False
    blocked: bool = False
    tips: tuple[str, ...] = field(default=())
    tip_asked: bool = False  # asked once for their own tip; never again
    language: str = "en"  # what the bot speaks to them in (users from before languages: English)
    digest: bool = True  # the weekly card, on the first working morning of the week


def same_company(first: str, second: str) -> bool:
    """Company names compared without case or spacing ("Acme  corp" is "ACME Corp")."""
    return "".join(first.split()).casefold() == "".join(second.split()).casefold()


# Legal forms written one way whatever the user typed ("acme gmbh" is "Acme GmbH").
_LEGAL_FORMS = {
    form.casefold(): form
    for form in ("GmbH", "AG", "SE", "KG", "LLC", "LLP", "Ltd", "Inc", "plc", "SA", "SAS", "SL",
                 "BV", "NV", "AB", "ASA", "Oy", "SpA", "Srl", "Pty", "Co", "Corp", "PLC")
}  # fmt: skip
# Words kept small inside a name ("Bank of America", "Marks and Spencer").
_SMALL_WORDS = frozenset({"of", "and", "the", "for", "de", "la", "le", "du", "von", "van", "der"})


def company_display(typed: str) -> str:
    """A company name as it reads in messages: spacing tidied, and capitalised when the user
    wrote it all in lower case ("acme logistics" is "Acme Logistics"). A name with any capital
    is the user's own form and kept as typed ("IBM", "eBay", "TEKsystems")."""
    words = typed.split()
    if any(ch.isupper() for ch in typed):
        return " ".join(words)
    shown = []
    for index, word in enumerate(words):
        if word.casefold() in _LEGAL_FORMS and index > 0:
            shown.append(_LEGAL_FORMS[word.casefold()])
        elif word in _SMALL_WORDS and 0 < index < len(words) - 1:
            shown.append(word)
        else:
            shown.append(capitalised(word))
    return " ".join(shown)


def capitalised(word: str) -> str:
    """A lower-case word with a capital at the start of each part: "o'brien" is "O'Brien",
    "anna-lena" is "Anna-Lena", "zalando.de" is "Zalando.de". Other words are kept as written."""
    if not word.islower():
        return word
    return re.sub(r"(^|[-'’])([^\W\d_])", lambda m: m.group(1) + m.group(2).upper(), word)


def new_id() -> str:
    """A short random id (10 url-safe characters, 56 bits) for interviews and nudges."""
    return secrets.token_urlsafe(7)
