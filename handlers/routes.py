"""Where every button goes: each route's name, the module that answers it, and its builders.

A payload is `v1:<route>:<verb>:<args>` (handlers/callback_data.py builds and parses it). Route
names are stored in buttons already sitting in users' chats, so they never change; new names are
free to choose. A button that one feature shows and another answers is built here, by a function
named for what the button does, so "where does this button go?" is answered by reading one file.
"""

from __future__ import annotations

import base64
import binascii
from typing import Literal

from handlers import callback_data as cb

# Route name               answered by
DEBRIEF = "new"  # handlers/debrief.py: log an interview, the check-in after one, the next round
CHASE = "chase"  # handlers/chase.py: the verdict's buttons and every act logged from a button
DRAFT = "draft"  # handlers/drafting.py: an email draft (or call notes) for an interview
SIGN = "sign"  # handlers/signature.py: the signature question's first-name button
OUTCOME = "outcome"  # handlers/outcome.py: hearing back, the new-date question, sharing a tip
EDIT = "edit"  # handlers/edit.py: correcting or deleting an interview
NUDGE = "nudge"  # handlers/nudges.py: the buttons under a nudge (done, snooze, skip)
TIMEZONE = "tz"  # handlers/timezone.py: zone and country choices
FORGET = "forget"  # handlers/data.py: /forget's confirmation
START = "start"  # handlers/start.py: "Not now" under the offer to log an interview
STATUS = "status"  # handlers/status.py: the closed interviews under /status
NEWS = "news"  # handlers/news.py: news told in passing: the readings to tap, and Undo
LANGUAGE = "lang"  # handlers/language.py: the language the bot speaks, and a draft's language
CALENDAR = "cal"  # handlers/calendar_feed.py: /calendar's new link and turning it off
BOARD = "board"  # handlers/board.py: the weekly card switched on or off

DraftKind = Literal[
    "ty", "chase", "notes", "reject", "offer", "accept", "decline", "counter", "time"
]  # fmt: skip
"""Thank-you, follow-up, notes for the recruiter's call, reply to a rejection, the offer in
writing; accepting, declining, a counter-offer, more time to decide."""

ChaseAct = Literal["sent", "remind", "called", "thanked", "same", "another", "reopen"]
"""What a chase-route button records: an email sent, a reminder wanted, the recruiter called,
a thank-you sent, the same email or another one, an interview opened again."""


def log_interview() -> str:
    """ "Log an interview": starts the debrief."""
    return cb.build(DEBRIEF, "start")


# A company name rides in its button as URL-safe base64 (payload parts allow nothing else).
_NAME_BYTES = 30  # 40 characters of base64, the longest payload part


def log_interview_with(company: str) -> str | None:
    """ "Log it": the debrief with the company already filled in; None for a name too long."""
    raw = company.encode()
    if not raw or len(raw) > _NAME_BYTES:
        return None
    return cb.build(DEBRIEF, "named", base64.urlsafe_b64encode(raw).decode().rstrip("="))


def company_of(part: str | None) -> str | None:
    """The company name carried by a "log it" button, or None if it doesn't decode."""
    if not part:
        return None
    try:
        name = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError):
        return None
    return name.strip() or None


def debrief_check_in(nudge_id: str) -> str:
    """The check-in nudge's "Debrief" button: the debrief of the interview that just ended."""
    return cb.build(DEBRIEF, "checkin", nudge_id)


def next_round(interview_id: str) -> str:
    """ "Log the next round": a new interview with the same company."""
    return cb.build(DEBRIEF, "round", interview_id)


def draft(kind: DraftKind, interview_id: str) -> str:
    """An email draft of this kind for the interview."""
    return cb.build(DRAFT, kind, interview_id)


def chase_act(act: ChaseAct, interview_id: str) -> str:
    """Record an act about the interview (see ChaseAct)."""
    return cb.build(CHASE, act, interview_id)


def pick_outcome(interview_id: str) -> str:
    """ "I heard back": which outcome, for this interview."""
    return cb.build(OUTCOME, "pick", interview_id)


def offer_answered(interview_id: str) -> str:
    """ "I've answered the offer": no reminder before its deadline."""
    return cb.build(OUTCOME, "answered", interview_id)


def share_tip(interview_id: str) -> str:
    """After an outcome: the user's own tip for others."""
    return cb.build(OUTCOME, "tip", interview_id)


def open_edit(interview_id: str) -> str:
    """The interview's edit menu."""
    return cb.build(EDIT, "open", interview_id)


def not_now() -> str:
    """ "Not now" under the offer to log an interview."""
    return cb.build(START, "later")


def closed_interviews() -> str:
    """/status's button listing the interviews that are closed."""
    return cb.build(STATUS, "closed")


def news_undo(interview_id: str) -> str:
    """Undo what typed news just changed about this interview."""
    return cb.build(NEWS, "undo", interview_id)


def news_act(event: str, interview_id: str, day: str) -> str:
    """One reading of typed news, tapped: `event` for the interview, on `day` (YYYYMMDD or -)."""
    return cb.build(NEWS, "do", event, interview_id, day)


def speak(language: str) -> str:
    """A language button under /language or the welcome: speak that language from now on."""
    return cb.build(LANGUAGE, "speak", language)


def draft_in(language: str, kind: DraftKind, interview_id: str) -> str:
    """ "Write it in Deutsch": this interview's emails in that language, and this draft again."""
    return cb.build(LANGUAGE, "draft", language, kind, interview_id)


def calendar_new_link(link_id: str) -> str:
    """/calendar's "New link": a new address for the feed, the link `link_id` stops working."""
    return cb.build(CALENDAR, "new", link_id)


def calendar_turn_off(link_id: str) -> str:
    """/calendar's "Turn it off": the link `link_id` stops working and none replaces it."""
    return cb.build(CALENDAR, "off", link_id)


# --- Invitations ----------------------------------------------------------------------------------

INVITATION = "invite"  # handlers/invitation.py: the card of an invitation read, and its questions


def invitation(verb: str, token: str, *args: str) -> str:
    """A button under an invitation's card: `verb` (ok, fix, drop, field, day, moment, zone) for
    the card `token` (a card replaced by a newer one refuses its old buttons)."""
    return cb.build(INVITATION, verb, token, *args)


def digest(choice: Literal["on", "off"]) -> str:
    """The weekly card's button (and /digest's): the card on or off, for the presser."""
    return cb.build(BOARD, "digest", choice)
