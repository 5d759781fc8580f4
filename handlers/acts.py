"""What the user did, whichever button said so: thanked them, called the recruiter, followed up.

A nudge's Done button, a verdict's "I sent it", a summary's button and a draft's button all come
here, so one email is one follow-up however it was logged, and every confirmation states the true
count and the next date from the same plan as /status.
"""

from __future__ import annotations

from dataclasses import replace

from followup.core.formatting import local_day
from followup.core.model import Interview, Nudge, NudgeKind
from followup.core.planner import next_pending
from handlers import callback_data as cb
from handlers.common import Button, Deps, user_place
from handlers.plan import save_and_replan

ACTION = "chase"


async def thank_you_sent(d: Deps, interview: Interview) -> str:
    """Record the thank-you and confirm it."""
    if interview.thanked is None:
        await save_and_replan(d, replace(interview, thanked=d.clock()))
    return d.content.text("acts.thank_you_done", company=interview.company)


async def feedback_given(d: Deps, interview: Interview) -> str:
    """Record the call to the recruiter and confirm it."""
    if interview.feedback_given is None:
        await save_and_replan(d, replace(interview, feedback_given=d.clock()))
    return d.content.text("acts.feedback_done", company=interview.company)


async def logged_today(d: Deps, interview: Interview) -> bool:
    """Whether a follow-up to this interview was already logged today, where the user is."""
    place = user_place(d, await d.store.settings(interview.user_id))
    today = place.day_of(d.clock())
    return any(place.day_of(moment) == today for moment in interview.chases)


def same_or_another(d: Deps, interview: Interview) -> tuple[str, list[list[Button]]]:
    """The question for a second log on the same day, with its two buttons."""
    label = d.content.label
    buttons = [
        [(label("acts_buttons.same"), cb.build(ACTION, "same", interview.id))],
        [(label("acts_buttons.another"), cb.build(ACTION, "another", interview.id))],
    ]
    return d.content.text("acts.same_or_another", company=interview.company), buttons


async def chase_sent(d: Deps, interview: Interview) -> str:
    """Record one more follow-up email and say the count and what comes next."""
    now = d.clock()
    logged = replace(interview, chases=(*interview.chases, now), chasing_stopped=None)
    replanned = await save_and_replan(d, logged)
    return await _chase_confirmation(d, logged, replanned.next_of(*_NEXT_KINDS))


async def chase_unchanged(d: Deps, interview: Interview) -> str:
    """The same email logged twice: nothing changes; say so, and what comes next."""
    records = await d.store.nudges(interview.user_id, interview.id)
    following = next_pending([n for n in records if n.kind in _NEXT_KINDS])
    kept = d.content.text("acts.same_kept")
    next_step = await _what_next(d, interview, following)
    return f"{kept} {next_step}".strip()


_NEXT_KINDS = (NudgeKind.SECOND_CHASE, NudgeKind.MOVE_ON)


async def _chase_confirmation(d: Deps, interview: Interview, following: Nudge | None) -> str:
    """'Logged your first follow-up… If they're still quiet, I'll check in Thu 10 Dec.'"""
    count = len(interview.chases)
    key = {1: "acts.logged_1", 2: "acts.logged_2"}.get(count, "acts.logged_more")
    logged = d.content.text(key, company=interview.company, count=count)
    return f"{logged} {await _what_next(d, interview, following)}".strip()


async def _what_next(d: Deps, interview: Interview, following: Nudge | None) -> str:
    """When the next check comes, from the planned nudge; nothing promised without one."""
    count = len(interview.chases)
    if count > 2:
        return d.content.text("acts.next_more")
    if following is None:
        return ""  # reminders stopped for it: no date to promise
    place = user_place(d, await d.store.settings(interview.user_id))
    day = local_day(place.day_of(following.due), place.day_of(d.clock()))
    return d.content.text(f"acts.next_{count}", day=day)
