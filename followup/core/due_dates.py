"""When each nudge of an interview is due, and the follow-up days it counts from.

Pure functions of an interview, where the user is (a Place: time zone and working days) and the
timing settings. Every date the bot states about an interview (the summary, a verdict and its
reason, a confirmation, /status, a nudge) comes from these functions, so the messages cannot
disagree. Datetimes are timezone-aware; due times come back in UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from followup.core.calendar import ONE_DAY, Place, apply_quiet_hours, settle_on_business_day
from followup.core.model import Interview, Outcome
from followup.core.timing import Timing

# Outcomes that end an interview's story (a next round goes on as a new interview).
_STORY_ENDS = frozenset({Outcome.OFFER, Outcome.REJECTED, Outcome.WITHDREW, Outcome.OTHER})


def _quiet(due: datetime, place: Place, timing: Timing) -> datetime:
    """A due time moved out of the user's quiet hours, in UTC."""
    return apply_quiet_hours(due.astimezone(place.zone), timing).astimezone(UTC)


def working_day_at(day: date, clock: time, place: Place, timing: Timing) -> datetime:
    """`clock` on `day` (or the next working day), out of quiet hours, in UTC."""
    local = place.at(place.calendar.next_business_day(day), clock)
    return settle_on_business_day(local, timing, place.calendar).astimezone(UTC)


def after_breaks(day: date, place: Place) -> date:
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
    return working_day_at(day, timing.reassurance_at, place, timing)


def first_chase_day(interview: Interview, place: Place, timing: Timing) -> date:
    """The first day a follow-up is fine: a working day after their date, else a working week on."""
    return after_breaks(_first_chase_unbroken(interview, place, timing), place)


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
    return working_day_at(first_chase_day(interview, place, timing), timing.chase_at, place, timing)


def second_chase_day(interview: Interview, place: Place, timing: Timing) -> date | None:
    """About a week after the first logged follow-up; None until one is logged."""
    day = _second_chase_unbroken(interview, place, timing)
    return after_breaks(day, place) if day is not None else None


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
    return working_day_at(day, timing.follow_through_at, place, timing)


def rejection_reply_due(interview: Interview, place: Place, timing: Timing) -> datetime | None:
    """The next working day after a rejection: the offer of a gracious reply."""
    if interview.outcome is not Outcome.REJECTED or interview.heard_back is None:
        return None
    day = place.calendar.business_days_after(place.day_of(interview.heard_back), 1)
    return working_day_at(day, timing.rejection_reply_at, place, timing)


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
