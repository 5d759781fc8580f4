"""The nudges an interview needs in its current state, and when a fell-due nudge is too late."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from followup.core.calendar import Place
from followup.core.due_dates import (
    before_due,
    check_in_due,
    first_chase_day,
    first_chase_due,
    follow_through_due,
    move_on_day,
    offer_deadline_day,
    offer_deadline_due,
    reassurance_due,
    recruiter_feedback_due,
    rejection_reply_due,
    second_chase_day,
    thank_you_due,
    tip_request_due,
    working_day_at,
)
from followup.core.model import AFTER_OUTCOME, Interview, NudgeKind
from followup.core.timing import Timing
from followup.core.working_hours import is_outside_working_hours

_KIND_ORDER = {kind: position for position, kind in enumerate(NudgeKind)}


@dataclass(frozen=True)
class PlannedNudge:
    """A nudge the interview needs, when it is due (UTC), and which round of its kind it is."""

    kind: NudgeKind
    due: datetime
    step: int = 0


def is_stale(
    nudge: PlannedNudge, interview: Interview, place: Place, timing: Timing, now: datetime
) -> bool:
    """Whether a nudge that fell due is too late to be worth sending at `now`."""
    late = now - nudge.due
    match nudge.kind:
        case NudgeKind.BEFORE:
            return now >= interview.when
        case NudgeKind.CHECK_IN:
            return late > timedelta(hours=timing.check_in_stale_hours)
        case NudgeKind.RECRUITER_FEEDBACK:
            return late > timedelta(hours=timing.feedback_stale_hours)
        case NudgeKind.THANK_YOU:
            return late > timedelta(hours=timing.thank_you_stale_hours)
        case NudgeKind.REASSURANCE:
            # Once chasing is fine, "silence is normal" is no longer the right message.
            return place.day_of(now) >= first_chase_day(interview, place, timing)
        case NudgeKind.FOLLOW_THROUGH:
            return late > timedelta(hours=timing.follow_through_stale_hours)
        case NudgeKind.REJECTION_REPLY | NudgeKind.TIP_REQUEST:
            return late > timedelta(hours=timing.after_outcome_stale_hours)
        case NudgeKind.OFFER_DEADLINE:
            # Answered, no longer an offer, or the deadline has passed: it would only nag.
            unwanted = offer_deadline_day(interview, place) is None
            answer_by = interview.answer_by
            return unwanted or answer_by is None or place.day_of(now) > answer_by
        case _:
            # Follow-ups and moving on stay relevant however late: sent once, when the bot is back.
            return False


def plan_nudges(
    interview: Interview, place: Place, timing: Timing, now: datetime
) -> list[PlannedNudge]:
    """Every nudge the interview needs in its current state, sorted by due time.

    The plan holds each (kind, step) at most once and leaves out stale nudges, so a nudge may be
    due before `now`: the caller sends it at once unless the store says it was already sent.
    Until the debrief, the check-in stands in for the recruiter and thank-you nudges, which
    depend on its answers; once the interview has taken place, the silence nudges (reassurance,
    follow-ups) are planned even without a debrief: an ignored check-in does not end the coaching.
    """
    if interview.outcome is not None:
        plan = _after_outcome(interview, place, timing)
    else:
        plan = _open(interview, place, timing, now)
    fresh = [n for n in plan if not is_stale(n, interview, place, timing, now)]
    return sorted(fresh, key=lambda n: (n.due, _KIND_ORDER[n.kind], n.step))


def _open(interview: Interview, place: Place, timing: Timing, now: datetime) -> list[PlannedNudge]:
    """The nudges of an interview still waiting for an answer."""
    plan: list[PlannedNudge] = []
    if not interview.debriefed:
        before = before_due(interview, place, timing)
        if before is not None:
            plan.append(PlannedNudge(NudgeKind.BEFORE, before))
        plan.append(PlannedNudge(NudgeKind.CHECK_IN, check_in_due(interview, place, timing)))
    else:
        plan.extend(_debrief_nudges(interview, place, timing))
    if interview.debriefed or interview.when <= now:
        reassurance = reassurance_due(interview, place, timing)
        if place.day_of(reassurance) < first_chase_day(interview, place, timing):
            plan.append(PlannedNudge(NudgeKind.REASSURANCE, reassurance))
        plan.extend(_chase_chain(interview, place, timing))
    return plan


def _debrief_nudges(interview: Interview, place: Place, timing: Timing) -> list[PlannedNudge]:
    """The nudges that depend on the debrief's answers: recruiter feedback and thank-you."""
    nudges = []
    if interview.via_agency and interview.feedback_given is None:
        due = recruiter_feedback_due(interview, place, timing)
        nudges.append(PlannedNudge(NudgeKind.RECRUITER_FEEDBACK, due))
    if interview.thanked is None and (
        timing.thank_you_every_interview
        or interview.got_contact
        or interview.outside_hours
        or is_outside_working_hours(interview.when, place, timing)
    ):
        nudges.append(PlannedNudge(NudgeKind.THANK_YOU, thank_you_due(interview, place, timing)))
    return nudges


def _chase_chain(interview: Interview, place: Place, timing: Timing) -> list[PlannedNudge]:
    """The next follow-up nudge from the follow-ups logged so far, and "did you send it?"."""
    if interview.chasing_stopped is not None:
        return []
    logged = len(interview.chases)
    chain: list[PlannedNudge] = []
    if logged == 0:
        chain.append(PlannedNudge(NudgeKind.CHASE, first_chase_due(interview, place, timing)))
    elif logged == 1:
        day = second_chase_day(interview, place, timing)
        assert day is not None
        due = working_day_at(day, timing.chase_at, place, timing)
        chain.append(PlannedNudge(NudgeKind.SECOND_CHASE, due))
    else:
        day = move_on_day(interview, place, timing)
        assert day is not None
        chain.append(
            PlannedNudge(NudgeKind.MOVE_ON, working_day_at(day, timing.chase_at, place, timing))
        )
    asked = follow_through_due(interview, place, timing)
    if asked is not None:
        chain.append(PlannedNudge(NudgeKind.FOLLOW_THROUGH, asked, step=logged))
    return chain


def _after_outcome(interview: Interview, place: Place, timing: Timing) -> list[PlannedNudge]:
    """What still comes once they heard back: the reply offer after a rejection, and the tip."""
    plan = []
    reply = rejection_reply_due(interview, place, timing)
    if reply is not None:
        plan.append(PlannedNudge(NudgeKind.REJECTION_REPLY, reply))
    deadline = offer_deadline_due(interview, place, timing)
    if deadline is not None:
        plan.append(PlannedNudge(NudgeKind.OFFER_DEADLINE, deadline))
    tip = tip_request_due(interview, place, timing)
    if tip is not None:
        plan.append(PlannedNudge(NudgeKind.TIP_REQUEST, tip))
    assert all(n.kind in AFTER_OUTCOME for n in plan)
    return plan
