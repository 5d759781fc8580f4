"""What to do about an interview right now, and what comes next (the words live in content/).

Read off the same plan the nudges come from, so a summary never says "today" for something
/status shows on Monday.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from followup.core.calendar import Place
from followup.core.due_dates import first_chase_day
from followup.core.model import Interview, NudgeKind
from followup.core.nudge_plan import PlannedNudge, plan_nudges
from followup.core.timing import Timing


class Action(StrEnum):
    """Something the user can do now; the order is the order of urgency."""

    CALL_RECRUITER = "call_recruiter"
    THANK_YOU = "thank_you"
    FOLLOW_UP = "follow_up"


# The nudge that stands for each action: once it is due, the action is for now.
_ACTION_OF = {
    NudgeKind.RECRUITER_FEEDBACK: Action.CALL_RECRUITER,
    NudgeKind.THANK_YOU: Action.THANK_YOU,
    NudgeKind.CHASE: Action.FOLLOW_UP,
    NudgeKind.SECOND_CHASE: Action.FOLLOW_UP,
}


# The thank-you's own window: within a day of the interview it is on time; after that it is late
# but still worth a short note, so "what now?" and "should I thank them?" both keep saying so.
THANK_YOU_ON_TIME = timedelta(hours=24)


class ThankYou(StrEnum):
    """Where the thank-you stands; the summary and the typed question both read this one rule."""

    EARLY = "early"  # the interview is still to come
    DONE = "done"  # sent already
    ON_TIME = "on_time"  # within a day of the interview
    LATE = "late"  # more than a day on: a brief note still does more good than none


def thank_you_stage(interview: Interview, now: datetime) -> ThankYou:
    """Whether a thank-you is for later, done, on time, or late but still worth sending."""
    if interview.when > now:
        return ThankYou.EARLY
    if interview.thanked is not None:
        return ThankYou.DONE
    return ThankYou.ON_TIME if now - interview.when <= THANK_YOU_ON_TIME else ThankYou.LATE


def thank_you_reason(interview: Interview) -> str | None:
    """Why a thank-you matters more here, as the article's cases: "outside" (met outside working
    hours), "contact" (left with a card or an email address), "both", or None."""
    if interview.outside_hours and interview.got_contact:
        return "both"
    if interview.outside_hours:
        return "outside"
    return "contact" if interview.got_contact else None


@dataclass(frozen=True)
class Advice:
    """The actions due now (most urgent first), the next nudge, and the first follow-up day."""

    now: tuple[Action, ...]
    next: PlannedNudge | None
    follow_up_from: date | None
    upcoming: bool
    thank_you: ThankYou = ThankYou.ON_TIME


def advise(interview: Interview, place: Place, timing: Timing, now: datetime) -> Advice:
    """What the plan says for `now`: due actions, the next planned nudge, when to follow up."""
    plan = plan_nudges(interview, place, timing, now)
    actions: set[Action] = {
        _ACTION_OF[n.kind] for n in plan if n.due <= now and n.kind in _ACTION_OF
    }
    # Fresh feedback is worth most: once the interview is over, the call is for now, ahead of
    # its reminder (which is planned only while the feedback is still fresh enough to give).
    if interview.when <= now and any(n.kind is NudgeKind.RECRUITER_FEEDBACK for n in plan):
        actions.add(Action.CALL_RECRUITER)
    # Past its reminder's time a late thank-you still helps, as the typed answer says: it stays
    # on the list until it is sent or the story ends; once a follow-up is due, a line of thanks
    # goes into that email instead (the summary says so).
    thank_you = thank_you_stage(interview, now)
    if thank_you is ThankYou.LATE and interview.is_open:
        if Action.FOLLOW_UP in actions:
            actions.discard(Action.THANK_YOU)
        else:
            actions.add(Action.THANK_YOU)
    later = [n for n in plan if n.due > now]
    follow_up_from = None
    if not interview.chases and interview.chasing_stopped is None:
        follow_up_from = first_chase_day(interview, place, timing)
    return Advice(
        now=tuple(a for a in Action if a in actions),
        next=later[0] if later else None,
        follow_up_from=follow_up_from,
        upcoming=interview.when > now,
        thank_you=thank_you,
    )
