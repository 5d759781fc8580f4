"""The weekly card: when it comes, whether it is worth sending, and its short kind line.

The card belongs to the user, not to one interview, so its record in the nudge queue is a
user-level one: a Nudge of kind WEEKLY whose `interview_id` is empty (`USER_LEVEL`). We chose
that over attaching it to the user's latest open interview because the card outlives any one
interview (it reports the week in which the last one closed, and must not be cancelled with it),
and because one record per user is simple to keep right: there is at most one pending, planned
for the coming week's first working morning whenever an interview is saved, after each card,
and on `/digest on`; `/digest off` cancels it. It rides the queue like every nudge (claims,
leases, quiet hours, paused and blocked users, retries, both stores) without a new table; the
store's per-interview lookups simply never match the empty id, and the /export calendar leaves
it out.

It comes at timing.toml's `weekly_card_at` (09:00) local on the first working day of the user's
week (Monday, or Sunday where the weekend is Friday and Saturday; the next working day when that
one is a holiday), which is after quiet hours. At send time it goes out only when something is
open or happened that week, and never to someone with nothing open for two weeks: then no next
card is planned either, until they log an interview again.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from followup.core.board import Say, WeekCounts, week_start
from followup.core.calendar import Place
from followup.core.due_dates import working_day_at
from followup.core.formatting import local_day
from followup.core.model import Interview, Nudge, NudgeKind, NudgeState
from followup.core.planner import next_pending
from followup.core.timing import Timing

USER_LEVEL = ""  # the interview id of a record that belongs to the user, not to an interview
STALE_AFTER = timedelta(hours=12)  # a card this late (the bot was down) waits for next week
IDLE_AFTER = timedelta(days=14)  # nothing open for this long: no card


def next_card_due(place: Place, timing: Timing, now: datetime) -> datetime:
    """The next card's time: 09:00 on the first working day of this week, or of the next."""
    start = week_start(place.day_of(now), place.calendar)
    due = working_day_at(start, timing.weekly_card_at, place, timing)
    while due <= now:
        start += timedelta(days=7)
        due = working_day_at(start, timing.weekly_card_at, place, timing)
    return due


def is_stale(due: datetime, now: datetime) -> bool:
    return now - due > STALE_AFTER


def last_activity(interview: Interview) -> datetime:
    """The latest moment anything happened about the interview."""
    moments = [interview.when, interview.created, *interview.chases]
    moments += [m for m in (interview.thanked, interview.heard_back) if m is not None]
    return max(moments)


def worth_sending(
    interviews: Sequence[Interview], records: Sequence[Nudge], counts: WeekCounts, now: datetime
) -> bool:
    """Something is open, or happened this week; never when nothing was open for two weeks.

    An interview left open long after its last nudge (the user moved on without saying so)
    does not keep the cards coming: open counts while it still has a nudge to come, or while
    something happened about it in the last two weeks.
    """
    waiting = {r.interview_id for r in records if r.state is NudgeState.PENDING}
    recent = [i for i in interviews if now - last_activity(i) <= IDLE_AFTER]
    if any(i.is_open and (i.id in waiting or i in recent) for i in interviews):
        return True
    return bool(recent) and counts.any


def kind_line(
    counts: WeekCounts,
    interviews: Sequence[Interview],
    records: Sequence[Nudge],
    place: Place,
    now: datetime,
    say: Say,
) -> str:
    """ "3 follow-ups sent, 1 answer; next: Acme on Thu 10 Dec" (or an encouraging word)."""
    done = [say(f"weekly.done_{name}", count=value) for name, value in counts.named()]
    open_ids = {i.id: i for i in interviews if i.is_open}
    upcoming = next_pending(
        [r for r in records if r.interview_id in open_ids and r.state is NudgeState.PENDING]
    )
    parts = [", ".join(done)] if done else [say("weekly.quiet_week")]
    if upcoming is not None:
        day = local_day(place.day_of(max(upcoming.due, now)), place.day_of(now))
        parts.append(say("weekly.next", company=open_ids[upcoming.interview_id].company, day=day))
    return "; ".join(parts)


def is_card(nudge: Nudge) -> bool:
    return nudge.kind is NudgeKind.WEEKLY
