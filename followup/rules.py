"""The follow-up rules: which nudges an interview needs and when, and whether to chase yet.

Pure functions of an interview, the user's zone, the timing settings and the current time. All
datetimes are timezone-aware; due times and `changes_at` come back in UTC.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from followup.calendar import MONDAY_TO_FRIDAY, apply_quiet_hours, at_local
from followup.calendar import settle_on_business_day as _settle
from followup.model import Interview, NudgeKind
from followup.timing import Timing

_KIND_ORDER = {kind: position for position, kind in enumerate(NudgeKind)}


@dataclass(frozen=True)
class PlannedNudge:
    """A nudge the interview needs, and when it is due (UTC)."""

    kind: NudgeKind
    due: datetime


class VerdictKind(StrEnum):
    NOT_YET = "not_yet"
    YES = "yes"
    FEEDBACK_FIRST = "feedback_first"
    MOVE_ON = "move_on"
    ALREADY_HEARD = "already_heard"


@dataclass(frozen=True)
class Verdict:
    """The answer to "should I chase them yet?", with a stable reason key and citable facts."""

    kind: VerdictKind
    reason: str
    changes_at: datetime | None = None
    facts: dict[str, str | int] = field(default_factory=dict)


def is_outside_working_hours(when_utc: datetime, zone: ZoneInfo, timing: Timing) -> bool:
    """Whether any part of an interview starting at `when_utc` falls outside working hours."""
    start = when_utc.astimezone(zone)
    end = start + timing.interview_length
    day = start.date()
    return (
        not MONDAY_TO_FRIDAY.is_business_day(day)
        or start < at_local(day, timing.work_start, zone)
        or end > at_local(day, timing.work_end, zone)
    )


def _quiet(due: datetime, zone: ZoneInfo, timing: Timing) -> datetime:
    """A due time (any zone) moved out of the user's quiet hours, in UTC."""
    return apply_quiet_hours(due.astimezone(zone), timing).astimezone(UTC)


def _on_business_day(day: date, clock: time, zone: ZoneInfo, timing: Timing) -> datetime:
    """`clock` on `day` (or the next business day), out of quiet hours, in UTC."""
    local = at_local(MONDAY_TO_FRIDAY.next_business_day(day), clock, zone)
    return _settle(local, timing, MONDAY_TO_FRIDAY).astimezone(UTC)


def _local_day(moment: datetime, zone: ZoneInfo) -> date:
    """The user's calendar date at `moment`."""
    return moment.astimezone(zone).date()


def check_in_due(interview: Interview, zone: ZoneInfo, timing: Timing) -> datetime:
    """When to ask how the interview went: a little after it is assumed to end."""
    return _quiet(interview.when + timing.check_in_after_start, zone, timing)


def recruiter_feedback_due(interview: Interview, zone: ZoneInfo, timing: Timing) -> datetime:
    """When to nudge an agency candidate to call their recruiter."""
    return _quiet(interview.when + timing.recruiter_feedback_after, zone, timing)


def thank_you_due(interview: Interview, zone: ZoneInfo, timing: Timing) -> datetime:
    """When to nudge a thank-you note: the same working day if there is time, else next morning."""
    day = _local_day(interview.when, zone)
    soon = (interview.when + timing.thank_you_after).astimezone(zone)
    # "Same day" is the interview's own day: a late interview must not win an early nudge by
    # pushing `soon` past midnight.
    if MONDAY_TO_FRIDAY.is_business_day(day) and soon < at_local(
        day, timing.thank_you_same_day_before, zone
    ):
        return _settle(soon, timing, MONDAY_TO_FRIDAY).astimezone(UTC)
    morning = MONDAY_TO_FRIDAY.business_days_after(day, 1)
    return _on_business_day(morning, timing.thank_you_next_morning_at, zone, timing)


def reassurance_due(interview: Interview, zone: ZoneInfo, timing: Timing) -> datetime:
    """When to reassure the user that a few days of silence is normal."""
    day = MONDAY_TO_FRIDAY.business_days_after(
        _local_day(interview.when, zone), timing.reassurance_after_business_days
    )
    return _on_business_day(day, timing.reassurance_at, zone, timing)


def first_chase_day(interview: Interview, zone: ZoneInfo, timing: Timing) -> date:
    """The first day a follow-up is fine: after the decision date and a working week."""
    day = MONDAY_TO_FRIDAY.business_days_after(
        _local_day(interview.when, zone), timing.after_interview_business_days
    )
    if interview.decision_date is not None:
        after_decision = MONDAY_TO_FRIDAY.business_days_after(
            interview.decision_date, timing.after_decision_business_days
        )
        day = max(day, after_decision)
    return MONDAY_TO_FRIDAY.next_business_day(day)


def first_chase_due(interview: Interview, zone: ZoneInfo, timing: Timing) -> datetime:
    """The moment the first chase nudge is due, which is also when the verdict turns to yes."""
    return _on_business_day(first_chase_day(interview, zone, timing), timing.chase_at, zone, timing)


def next_chase(interview: Interview, zone: ZoneInfo, timing: Timing) -> PlannedNudge:
    """The next nudge of the chase chain, from the chases the user has logged.

    A second chase is planned only after a chase has been logged: without one, the user still
    needs the first, which the chase nudge and the verdict keep offering.
    """
    chases = interview.chases
    if not chases:
        return PlannedNudge(NudgeKind.CHASE, first_chase_due(interview, zone, timing))
    if len(chases) == 1:
        kind, gap = NudgeKind.SECOND_CHASE, timing.second_chase_after_business_days
    else:
        kind, gap = NudgeKind.MOVE_ON, timing.move_on_after_business_days
    day = MONDAY_TO_FRIDAY.business_days_after(_local_day(max(chases), zone), gap)
    # A chase logged too early must not pull the next one before the first-chase day.
    day = max(day, first_chase_day(interview, zone, timing))
    return PlannedNudge(kind, _on_business_day(day, timing.chase_at, zone, timing))


def is_stale(
    kind: NudgeKind,
    due: datetime,
    interview: Interview,
    zone: ZoneInfo,
    timing: Timing,
    now: datetime,
) -> bool:
    """Whether a nudge that fell due at `due` is too late to be worth sending at `now`."""
    late = now - due
    match kind:
        case NudgeKind.CHECK_IN:
            return late > timedelta(hours=timing.check_in_stale_hours)
        case NudgeKind.RECRUITER_FEEDBACK:
            return late > timedelta(hours=timing.feedback_stale_hours)
        case NudgeKind.THANK_YOU:
            return late > timedelta(hours=timing.thank_you_stale_hours)
        case NudgeKind.REASSURANCE:
            # Once chasing is fine, "silence is normal" is no longer the right message.
            return _local_day(now, zone) >= first_chase_day(interview, zone, timing)
        case _:
            # Chase-family nudges stay relevant however late: sent once, when the bot is back.
            return False


def plan_nudges(
    interview: Interview, zone: ZoneInfo, timing: Timing, now: datetime
) -> list[PlannedNudge]:
    """Every nudge the interview needs in its current state, sorted by due time.

    The plan holds each kind at most once and leaves out stale nudges (see `is_stale`), so a
    nudge may be due before `now`: the caller sends it at once unless the store says it was
    already sent. Call again whenever the interview changes or one of its nudges is sent.
    Until the debrief, the check-in stands in for the recruiter and thank-you nudges, which
    depend on its answers; once the interview has taken place, the silence nudges (reassurance,
    chases) are planned even without a debrief, so an ignored check-in does not end the coaching.
    """
    if interview.outcome is not None:
        return []
    plan: list[PlannedNudge] = []
    if not interview.debriefed:
        plan.append(PlannedNudge(NudgeKind.CHECK_IN, check_in_due(interview, zone, timing)))
    else:
        plan.extend(_debrief_nudges(interview, zone, timing))
    if interview.debriefed or interview.when <= now:
        plan.append(PlannedNudge(NudgeKind.REASSURANCE, reassurance_due(interview, zone, timing)))
        plan.append(next_chase(interview, zone, timing))
    fresh = [n for n in plan if not is_stale(n.kind, n.due, interview, zone, timing, now)]
    return sorted(fresh, key=lambda n: (n.due, _KIND_ORDER[n.kind]))


def _debrief_nudges(interview: Interview, zone: ZoneInfo, timing: Timing) -> list[PlannedNudge]:
    """The nudges that depend on the debrief's answers: recruiter feedback and thank-you."""
    nudges = []
    if interview.via_agency and interview.feedback_given is None:
        due = recruiter_feedback_due(interview, zone, timing)
        nudges.append(PlannedNudge(NudgeKind.RECRUITER_FEEDBACK, due))
    outside = interview.outside_hours
    if outside is None:
        outside = is_outside_working_hours(interview.when, zone, timing)
    if interview.thanked is None and (outside or interview.got_contact):
        nudges.append(PlannedNudge(NudgeKind.THANK_YOU, thank_you_due(interview, zone, timing)))
    return nudges


def chase_verdict(interview: Interview, zone: ZoneInfo, timing: Timing, now: datetime) -> Verdict:
    """Whether the user should chase now, why, and when the answer changes.

    "Before the decision date" includes the decision date itself: they may still decide that day.
    Until the first chase, the reason is "too_soon" within the reassurance period (the first
    business days after the interview) and "silence_normal" after it.
    """
    facts = _facts(interview, zone, timing, now)
    if interview.outcome is not None:
        return Verdict(VerdictKind.ALREADY_HEARD, "outcome_recorded", None, facts)
    first_due = first_chase_due(interview, zone, timing)
    if interview.when > now:
        return _verdict(VerdictKind.NOT_YET, "not_happened_yet", first_due, facts, zone)
    window_end = interview.when + timing.feedback_window
    if interview.via_agency and interview.feedback_given is None and now < window_end:
        return _verdict(VerdictKind.FEEDBACK_FIRST, "agency_feedback", window_end, facts, zone)
    chases = len(interview.chases)
    if chases >= 2:
        return Verdict(VerdictKind.MOVE_ON, "two_chases", None, facts)
    if chases == 1:
        second_due = next_chase(interview, zone, timing).due
        if now < second_due:
            return _verdict(VerdictKind.NOT_YET, "chased_recently", second_due, facts, zone)
        return Verdict(VerdictKind.YES, "second_chase_due", None, facts)
    if now >= first_due:
        return Verdict(VerdictKind.YES, "first_chase_due", None, facts)
    reason = _waiting_reason(interview, zone, timing, now)
    return _verdict(VerdictKind.NOT_YET, reason, first_due, facts, zone)


def _waiting_reason(interview: Interview, zone: ZoneInfo, timing: Timing, now: datetime) -> str:
    """Why it is too early for the first chase."""
    today = _local_day(now, zone)
    if interview.decision_date is not None and today <= interview.decision_date:
        return "before_decision_date"
    if now < reassurance_due(interview, zone, timing):
        return "too_soon"
    return "silence_normal"


def _verdict(
    kind: VerdictKind,
    reason: str,
    changes_at: datetime,
    facts: dict[str, str | int],
    zone: ZoneInfo,
) -> Verdict:
    """A verdict that changes at `changes_at`, with that local date among its facts."""
    dated = {**facts, "changes_on": _local_day(changes_at, zone).isoformat()}
    return Verdict(kind, reason, changes_at, dated)


def _facts(
    interview: Interview, zone: ZoneInfo, timing: Timing, now: datetime
) -> dict[str, str | int]:
    """Values a reply may cite: dates as local ISO dates, counts as numbers."""
    interview_day = _local_day(interview.when, zone)
    facts: dict[str, str | int] = {
        "interview_date": interview_day.isoformat(),
        "business_days_since": MONDAY_TO_FRIDAY.business_days_between(
            interview_day, _local_day(now, zone)
        ),
        "chases": len(interview.chases),
        "first_chase_date": _local_day(first_chase_due(interview, zone, timing), zone).isoformat(),
    }
    if interview.decision_date is not None:
        facts["decision_date"] = interview.decision_date.isoformat()
    if interview.chases:
        facts["last_chase_date"] = _local_day(max(interview.chases), zone).isoformat()
    if interview.outcome is not None:
        facts["outcome"] = interview.outcome.value
    return facts
