"""Whether an interview fell outside the user's working hours (it decides the thank-you nudge)."""

from __future__ import annotations

from datetime import datetime

from followup.core.calendar import Place
from followup.core.timing import Timing


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
