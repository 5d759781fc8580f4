"""Which single piece of advice fits an interview right now (the words live in content/)."""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

from followup.model import Interview
from followup.timing import Timing


class NextStep(StrEnum):
    FUTURE = "future"
    AGENCY_FRESH = "agency_fresh"
    AGENCY_LATE = "agency_late"
    THANK_YOU = "thank_you"
    WAIT = "wait"


def next_step(interview: Interview, timing: Timing, now: datetime) -> NextStep:
    """The one thing to do now: feedback to the recruiter first, then a thank-you, else wait."""
    if interview.when > now:
        return NextStep.FUTURE
    if interview.via_agency and interview.feedback_given is None:
        fresh = now - interview.when <= timedelta(hours=timing.feedback_window_hours)
        return NextStep.AGENCY_FRESH if fresh else NextStep.AGENCY_LATE
    if (interview.outside_hours or interview.got_contact) and interview.thanked is None:
        return NextStep.THANK_YOU
    return NextStep.WAIT
