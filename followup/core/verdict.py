"""The answer to "should I chase them yet?": the verdict, its reason and the facts it may cite."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from followup.core.calendar import ONE_DAY, Place
from followup.core.due_dates import after_breaks, first_chase_day, move_on_day, second_chase_day
from followup.core.model import Interview
from followup.core.timing import Timing


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
    act_on = after_breaks(today, place)
    if act_on != today:
        gap = place.calendar.long_break(today)
        if gap is not None:
            facts = {**facts, "break_now": place.calendar.break_name(gap)}
        else:
            facts = {**facts, "day_off": place.calendar.holiday_name(today) or "weekend"}
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
            return place.calendar.break_name(gap)
        start += ONE_DAY
    return None
