"""The follow-up rules: when each nudge of an interview is due, and whether to chase yet.

Pure functions of an interview, where the user is (a Place: time zone and working days), the
timing settings and the current time. Every date the bot states about an interview (the summary,
a verdict and its reason, a confirmation, /status, a nudge) comes from these functions, so the
messages cannot disagree. Datetimes are timezone-aware; due times come back in UTC.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum

from followup.core.calendar import ONE_DAY, Place, apply_quiet_hours, settle_on_business_day
from followup.core.model import AFTER_OUTCOME, Interview, NudgeKind, Outcome
from followup.core.timing import Timing

_KIND_ORDER = {kind: position for position, kind in enumerate(NudgeKind)}
# Outcomes that end an interview's story (a next round goes on as a new interview).
_STORY_ENDS = frozenset({Outcome.OFFER, Outcome.REJECTED, Outcome.WITHDREW, Outcome.OTHER})


@dataclass(frozen=True)
class PlannedNudge:
    """A nudge the interview needs, when it is due (UTC), and which round of its kind it is."""

    kind: NudgeKind
    due: datetime
    step: int = 0


class VerdictKind(StrEnum):
    NOT_YET = "not_yet"
    YES = "yes"
    FEEDBACK_FIRST = "feedback_first"
    MOVE_ON = "move_on"
    ALREADY_HEARD = "already_heard"


@dataclass(frozen=True)
class Verdict:
    """The answer to "should I chase them yet?": a kind, the reason that decided it, and dates.

    `changes_on` is the local day the answer changes (None when it won't by itself); `act_on` is
    the working day to act for a yes (today, or the next working day when asked on a day off).
    `facts` holds the values the reason may cite, dates as local ISO dates.
    """

    kind: VerdictKind
    reason: str
    changes_on: date | None = None
    act_on: date | None = None
    facts: dict[str, str | int] = field(default_factory=dict)


# --- Working hours ---------------------------------------------------------------------------


def is_outside_working_hours(when: datetime, place: Place, timing: Timing) -> bool | None:
    """Whether an interview starting at `when` was outside working hours; None if unsure.

    Only the start is known: one that starts inside working hours but would end after them if it
    lasted the assumed length may or may not have run late, so the user is asked.
    """
    start = when.astimezone(place.zone)
    day = start.date()
    if not place.calendar.is_business_day(day):
        return True
    if start < place.at(day, timing.work_start) or start >= place.at(day, timing.work_end):
        return True
    if start + timing.interview_length > place.at(day, timing.work_end):
        return None
    return False


# --- When each nudge is due ------------------------------------------------------------------


def _quiet(due: datetime, place: Place, timing: Timing) -> datetime:
    """A due time moved out of the user's quiet hours, in UTC."""
    return apply_quiet_hours(due.astimezone(place.zone), timing).astimezone(UTC)


def _working_day_at(day: date, clock: time, place: Place, timing: Timing) -> datetime:
    """`clock` on `day` (or the next working day), out of quiet hours, in UTC."""
    local = place.at(place.calendar.next_business_day(day), clock)
    return settle_on_business_day(local, timing, place.calendar).astimezone(UTC)


def _after_breaks(day: date, place: Place) -> date:
    """`day`, or the first working day after the long break it falls in."""
    calendar = place.calendar
    day = calendar.next_business_day(day)
    while (gap := calendar.long_break(day)) is not None:
        day = calendar.next_business_day(gap.end + ONE_DAY)
    return day


def before_due(interview: Interview, place: Place, timing: Timing) -> datetime | None:
    """The tip before an interview logged in advance: the evening before, else that morning."""
    day = place.day_of(interview.when)
    evening = place.at(day - ONE_DAY, timing.before_evening_at).astimezone(UTC)
    if evening > interview.created:
        return _quiet(evening, place, timing)
    morning = place.at(day, timing.before_morning_at).astimezone(UTC)
    if morning > interview.created and interview.when - morning >= timing.before_min_lead:
        return morning
    return None


def check_in_due(interview: Interview, place: Place, timing: Timing) -> datetime:
    """When to ask how the interview went: a little after it is assumed to end."""
    return _quiet(interview.when + timing.check_in_after_start, place, timing)


def recruiter_feedback_due(interview: Interview, place: Place, timing: Timing) -> datetime:
    """When to nudge an agency candidate to call their recruiter."""
    return _quiet(interview.when + timing.recruiter_feedback_after, place, timing)


def thank_you_due(interview: Interview, place: Place, timing: Timing) -> datetime:
    """Within 24 hours: the interview's own day when there is time, else the next morning."""
    day = place.day_of(interview.when)
    soon = (interview.when + timing.thank_you_after).astimezone(place.zone)
    # "Same day" is the interview's own day: a late interview must not win an early nudge by
    # pushing `soon` past midnight.
    if soon.date() == day and soon < place.at(day, timing.thank_you_same_day_before):
        return _quiet(soon, place, timing)
    return _quiet(place.at(day + ONE_DAY, timing.thank_you_next_morning_at), place, timing)


def reassurance_due(interview: Interview, place: Place, timing: Timing) -> datetime:
    """When to reassure the user that a few quiet working days are normal."""
    day = place.calendar.business_days_after(
        place.day_of(interview.when), timing.reassurance_after_business_days
    )
    return _working_day_at(day, timing.reassurance_at, place, timing)


def first_chase_day(interview: Interview, place: Place, timing: Timing) -> date:
    """The first day a follow-up is fine: a working day after their date, else a working week on."""
    return _after_breaks(_first_chase_unbroken(interview, place, timing), place)


def _first_chase_unbroken(interview: Interview, place: Place, timing: Timing) -> date:
    """The first follow-up day before long breaks are taken into account."""
    calendar = place.calendar
    interview_day = place.day_of(interview.when)
    if interview.decision_date is not None:
        # Never on their own date, nor before the interview (a mistyped date edited in).
        start = max(interview.decision_date, interview_day)
        return calendar.business_days_after(start, max(1, timing.after_decision_business_days))
    return calendar.business_days_after(interview_day, timing.after_interview_business_days)


def first_chase_due(interview: Interview, place: Place, timing: Timing) -> datetime:
    """When the first follow-up nudge is due."""
    return _working_day_at(
        first_chase_day(interview, place, timing), timing.chase_at, place, timing
    )


def second_chase_day(interview: Interview, place: Place, timing: Timing) -> date | None:
    """About a week after the first logged follow-up; None until one is logged."""
    day = _second_chase_unbroken(interview, place, timing)
    return _after_breaks(day, place) if day is not None else None


def _second_chase_unbroken(interview: Interview, place: Place, timing: Timing) -> date | None:
    """The second follow-up day before long breaks are taken into account."""
    if not interview.chases:
        return None
    first = place.day_of(min(interview.chases))
    day = place.calendar.business_days_after(first, timing.second_chase_after_business_days)
    # A follow-up sent too early must not pull the next one before their own date allows.
    return max(day, _first_chase_unbroken(interview, place, timing))


def move_on_day(interview: Interview, place: Place, timing: Timing) -> date | None:
    """When two follow-ups without an answer say it is time to move on; None before two."""
    if len(interview.chases) < 2:
        return None
    second = place.day_of(sorted(interview.chases)[1])
    return place.calendar.business_days_after(second, timing.move_on_after_business_days)


def follow_through_due(interview: Interview, place: Place, timing: Timing) -> datetime | None:
    """ "Did you send it?": the working day after a follow-up nudge that got no "I sent it"."""
    prompted = interview.chase_prompted
    if prompted is None or interview.chasing_stopped is not None or len(interview.chases) >= 2:
        return None
    if interview.chases and max(interview.chases) >= prompted:
        return None
    day = place.calendar.business_days_after(place.day_of(prompted), 1)
    return _working_day_at(day, timing.follow_through_at, place, timing)


def rejection_reply_due(interview: Interview, place: Place, timing: Timing) -> datetime | None:
    """The next working day after a rejection: the offer of a gracious reply."""
    if interview.outcome is not Outcome.REJECTED or interview.heard_back is None:
        return None
    day = place.calendar.business_days_after(place.day_of(interview.heard_back), 1)
    return _working_day_at(day, timing.rejection_reply_at, place, timing)


def offer_deadline_day(interview: Interview, place: Place) -> date | None:
    """The last working day before the deadline to answer an offer; None without one."""
    if (
        interview.outcome is not Outcome.OFFER
        or interview.answer_by is None
        or interview.offer_answered is not None
    ):
        return None
    day = interview.answer_by - ONE_DAY
    while not place.calendar.is_business_day(day):
        day -= ONE_DAY
    return day


def offer_deadline_due(interview: Interview, place: Place, timing: Timing) -> datetime | None:
    """The reminder before an offer's deadline; None when it would not come after the news."""
    day = offer_deadline_day(interview, place)
    if day is None or interview.heard_back is None:
        return None
    due = _quiet(place.at(day, timing.offer_deadline_at), place, timing)
    # Told on the reminder's own day (or later), the confirmation already carries the drafts.
    return due if place.day_of(due) > place.day_of(interview.heard_back) else None


def tip_request_due(interview: Interview, place: Place, timing: Timing) -> datetime | None:
    """A day after the story ends (after the reply offer, for a rejection): the user's own tip."""
    if interview.outcome not in _STORY_ENDS or interview.heard_back is None:
        return None
    day = place.day_of(interview.heard_back) + timedelta(days=timing.tip_request_after_days)
    reply = rejection_reply_due(interview, place, timing)
    if reply is not None:
        day = max(day, place.day_of(reply) + ONE_DAY)
    return _quiet(place.at(day, timing.tip_request_at), place, timing)


# --- The plan ----------------------------------------------------------------------------------


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
        due = _working_day_at(day, timing.chase_at, place, timing)
        chain.append(PlannedNudge(NudgeKind.SECOND_CHASE, due))
    else:
        day = move_on_day(interview, place, timing)
        assert day is not None
        chain.append(
            PlannedNudge(NudgeKind.MOVE_ON, _working_day_at(day, timing.chase_at, place, timing))
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


# --- "Should I chase them yet?" ----------------------------------------------------------------


def chase_verdict(interview: Interview, place: Place, timing: Timing, now: datetime) -> Verdict:
    """Whether the user should chase now, why, and when the answer changes.

    A follow-up day counts from its start: the answer turns to yes on the first follow-up day
    itself, the day the nudge arrives. A yes asked on a day off says which working day to act on.
    """
    facts = _facts(interview, place, timing, now)
    if interview.outcome is not None:
        return Verdict(VerdictKind.ALREADY_HEARD, "outcome_recorded", facts=facts)
    today = place.day_of(now)
    first = first_chase_day(interview, place, timing)
    if interview.when > now:
        return Verdict(VerdictKind.NOT_YET, "not_happened_yet", first, facts=facts)
    if (
        interview.via_agency
        and interview.feedback_given is None
        and now < interview.when + timing.feedback_window
    ):
        return Verdict(VerdictKind.FEEDBACK_FIRST, "agency_feedback", facts=facts)
    logged = len(interview.chases)
    if logged >= 2:
        move_on = move_on_day(interview, place, timing)
        assert move_on is not None
        if today < move_on:
            return Verdict(VerdictKind.NOT_YET, "after_two_chases", move_on, facts=facts)
        return Verdict(VerdictKind.MOVE_ON, "two_chases", facts=facts)
    if logged == 1:
        second = second_chase_day(interview, place, timing)
        assert second is not None
        if today < second:
            return Verdict(VerdictKind.NOT_YET, "chased_recently", second, facts=facts)
        return _yes("second_chase_due", today, place, facts)
    if today >= first:
        reason = "decision_passed" if interview.decision_date is not None else "week_passed"
        return _yes(reason, today, place, facts)
    return Verdict(VerdictKind.NOT_YET, _waiting_reason(interview, today), first, facts=facts)


def _yes(reason: str, today: date, place: Place, facts: dict[str, str | int]) -> Verdict:
    """A yes, to act on today, or on the first working day after a day off or a long break."""
    act_on = _after_breaks(today, place)
    if act_on != today:
        gap = place.calendar.long_break(today)
        if gap is not None:
            facts = {**facts, "break_now": gap.name}
        else:
            facts = {**facts, "day_off": place.calendar.holiday(today) or "weekend"}
    return Verdict(VerdictKind.YES, reason, act_on=act_on, facts=facts)


def _waiting_reason(interview: Interview, today: date) -> str:
    """Why it is too early for the first follow-up: their date, or the working week."""
    if interview.decision_date is None:
        return "waiting_week"
    if today <= interview.decision_date:
        return "before_decision_date"
    return "after_decision_date"


def _facts(
    interview: Interview, place: Place, timing: Timing, now: datetime
) -> dict[str, str | int]:
    """Values a reply may cite: dates as local ISO dates, counts as numbers."""
    calendar = place.calendar
    interview_day = place.day_of(interview.when)
    today = place.day_of(now)
    first = first_chase_day(interview, place, timing)
    facts: dict[str, str | int] = {
        "interview_date": interview_day.isoformat(),
        "business_days_since": calendar.business_days_between(interview_day, today),
        "chases": len(interview.chases),
        "first_chase_date": first.isoformat(),
    }
    if interview.decision_date is not None:
        facts["decision_date"] = interview.decision_date.isoformat()
        facts["business_days_past_decision"] = calendar.business_days_between(
            interview.decision_date, today
        )
    if interview.chases:
        facts["last_chase_date"] = place.day_of(max(interview.chases)).isoformat()
    for name, day in (
        ("second_chase_date", second_chase_day(interview, place, timing)),
        ("move_on_date", move_on_day(interview, place, timing)),
    ):
        if day is not None:
            facts[name] = day.isoformat()
    pushed = _break_before(interview, place, timing)
    if pushed is not None:
        facts["break_name"] = pushed
    if interview.outcome is not None:
        facts["outcome"] = interview.outcome.value
    return facts


def _break_before(interview: Interview, place: Place, timing: Timing) -> str | None:
    """The long break that pushed the next follow-up day later, if one did.

    Days of a break are not counted as working days, so a break anywhere between the day the
    count starts and the follow-up day made it later.
    """
    if interview.chases:
        start = place.day_of(min(interview.chases))
        day = second_chase_day(interview, place, timing)
    else:
        start = place.day_of(interview.when)
        day = first_chase_day(interview, place, timing)
    while day is not None and start <= day:
        gap = place.calendar.long_break(start)
        if gap is not None:
            return gap.name
        start += ONE_DAY
    return None


def stated_dates(interview: Interview, place: Place, timing: Timing, now: datetime) -> set[date]:
    """Every local date a message about this interview may state at `now` (for checks)."""
    dates = {place.day_of(interview.when), first_chase_day(interview, place, timing)}
    for day in (
        interview.decision_date,
        interview.answer_by,
        offer_deadline_day(interview, place),
        second_chase_day(interview, place, timing),
        move_on_day(interview, place, timing),
    ):
        if day is not None:
            dates.add(day)
    dates.update(place.day_of(moment) for moment in interview.chases)
    if interview.heard_back is not None:
        dates.add(place.day_of(interview.heard_back))
    dates.update(place.day_of(n.due) for n in plan_nudges(interview, place, timing, now))
    verdict = chase_verdict(interview, place, timing, now)
    dates.update(day for day in (verdict.changes_on, verdict.act_on) if day is not None)
    return dates
