"""Every local date a message about an interview may state, for the checks on what was said."""

from __future__ import annotations

from datetime import date, datetime

from followup.core.calendar import Place
from followup.core.due_dates import (
    first_chase_day,
    move_on_day,
    offer_deadline_day,
    second_chase_day,
)
from followup.core.model import Interview
from followup.core.nudge_plan import plan_nudges
from followup.core.timing import Timing
from followup.core.verdict import chase_verdict


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
