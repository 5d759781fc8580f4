"""When a snoozed nudge comes back: an hour on, or the next morning, out of quiet hours.

Nudges about following up belong on working days, snoozed or not: theirs lands on one (and at
the hour follow-ups are sent), so a Friday snooze "until tomorrow morning" comes back on Monday.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

from followup.core.calendar import ONE_DAY, Place, apply_quiet_hours, settle_on_business_day
from followup.core.model import NudgeKind
from followup.core.timing import Timing

# Nudges about following up belong on working days, snoozed or not.
WORKING_DAY_KINDS = frozenset(
    {NudgeKind.CHASE, NudgeKind.SECOND_CHASE, NudgeKind.FOLLOW_THROUGH, NudgeKind.MOVE_ON,
     NudgeKind.REASSURANCE, NudgeKind.REJECTION_REPLY}
)  # fmt: skip


class Until(StrEnum):
    """How long a snooze lasts; the values are the snooze buttons' own words."""

    HOUR = "hour"
    MORNING = "morning"


def snoozed_due(
    kind: NudgeKind, until: Until, place: Place, timing: Timing, now: datetime
) -> datetime:
    """When a nudge of `kind` snoozed at `now` is due again, in `now`'s zone (UTC)."""
    local_now = now.astimezone(place.zone)
    if until is Until.HOUR:
        due_local = local_now + timedelta(hours=1)
    else:
        clock = timing.chase_at if kind in WORKING_DAY_KINDS else timing.quiet_end
        due_local = place.at(local_now.date() + ONE_DAY, clock)
    if kind in WORKING_DAY_KINDS:
        due_local = settle_on_business_day(due_local, timing, place.calendar)
    else:
        due_local = apply_quiet_hours(due_local, timing)
    return due_local.astimezone(now.tzinfo)
