"""What the user did, whichever button said so: thanked them, called the recruiter, followed up.

A nudge's Done button, a verdict's "I sent it", a summary's button and a draft's button all come
here, so one email is one follow-up however it was logged, and every confirmation states the true
count and the next date from the same plan as /status. The recording is in followup.services.acts.
"""

from __future__ import annotations

from followup.core.formatting import local_day
from followup.core.model import Interview, Nudge
from followup.services import acts
from followup.services.acts import ChaseLogged
from handlers import routes
from handlers.common import Button, Deps, user_place


async def thank_you_sent(d: Deps, interview: Interview) -> str:
    """Record the thank-you and confirm it."""
    await acts.thank_you_sent(d.ports, interview)
    return thank_you_done(d, interview)


def thank_you_done(d: Deps, interview: Interview) -> str:
    return d.content.text("acts.thank_you_done", company=interview.company)


async def feedback_given(d: Deps, interview: Interview) -> str:
    """Record the call to the recruiter and confirm it."""
    await acts.feedback_given(d.ports, interview)
    return feedback_done(d, interview)


def feedback_done(d: Deps, interview: Interview) -> str:
    return d.content.text("acts.feedback_done", company=interview.company)


async def logged_today(d: Deps, interview: Interview) -> bool:
    """Whether a follow-up to this interview was already logged today, where the user is."""
    return await acts.logged_today(d.ports, interview)


def same_or_another(d: Deps, interview: Interview) -> tuple[str, list[list[Button]]]:
    """The question for a second log on the same day, with its two buttons."""
    label = d.content.label
    buttons = [
        [(label("acts_buttons.same"), routes.chase_act("same", interview.id))],
        [(label("acts_buttons.another"), routes.chase_act("another", interview.id))],
    ]
    return d.content.text("acts.same_or_another", company=interview.company), buttons


async def chase_sent(d: Deps, interview: Interview) -> str:
    """Record one more follow-up email and say the count and what comes next."""
    return await chase_confirmation(d, await acts.chase_sent(d.ports, interview))


async def chase_unchanged(d: Deps, interview: Interview) -> str:
    """The same email logged twice: nothing changes; say so, and what comes next."""
    kept = await acts.chase_unchanged(d.ports, interview)
    next_step = await _what_next(d, kept.interview, kept.following)
    return f"{d.content.text('acts.same_kept')} {next_step}".strip()


async def chase_confirmation(d: Deps, logged: ChaseLogged) -> str:
    """'Logged your first follow-up… If they're still quiet, I'll check in Thu 10 Dec.'"""
    interview = logged.interview
    count = len(interview.chases)
    key = {1: "acts.logged_1", 2: "acts.logged_2"}.get(count, "acts.logged_more")
    said = d.content.text(key, company=interview.company, count=count)
    return f"{said} {await _what_next(d, interview, logged.following)}".strip()


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
