"""What the user did, whichever button said so: thanked them, called the recruiter, followed up.

One email is one follow-up however it was logged; each act is recorded once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from followup.core.model import Interview, Nudge, NudgeKind
from followup.core.planner import next_pending
from followup.services.planning import save_and_replan
from followup.services.ports import Ports

# What follows a logged follow-up: the second one, or moving on after two.
NEXT_AFTER_CHASE = (NudgeKind.SECOND_CHASE, NudgeKind.MOVE_ON)


@dataclass(frozen=True)
class ChaseLogged:
    """A follow-up counted: the interview with it, and the next check planned (if any)."""

    interview: Interview
    following: Nudge | None


async def thank_you_sent(
    ports: Ports, interview: Interview, at: datetime | None = None
) -> Interview:
    """Record the thank-you (once: a second press changes nothing), when it was sent if said."""
    if interview.thanked is not None:
        return interview
    thanked = replace(interview, thanked=at or ports.clock())
    await save_and_replan(ports, thanked)
    return thanked


async def feedback_given(ports: Ports, interview: Interview) -> Interview:
    """Record the call to the recruiter (once)."""
    if interview.feedback_given is not None:
        return interview
    called = replace(interview, feedback_given=ports.clock())
    await save_and_replan(ports, called)
    return called


async def logged_today(ports: Ports, interview: Interview) -> bool:
    """Whether a follow-up to this interview was already logged today, where the user is."""
    place = await ports.place_of(interview.user_id)
    today = place.day_of(ports.clock())
    return any(place.day_of(moment) == today for moment in interview.chases)


async def chase_sent(ports: Ports, interview: Interview, at: datetime | None = None) -> ChaseLogged:
    """Count one more follow-up email (following up again lifts "I'll skip it").

    `at`: when it was sent, if the user said ("I sent it yesterday"); the next one counts from it.
    """
    sent = at or ports.clock()
    chases = tuple(sorted((*interview.chases, sent)))
    logged = replace(interview, chases=chases, chasing_stopped=None)
    replanned = await save_and_replan(ports, logged)
    return ChaseLogged(logged, replanned.next_of(*NEXT_AFTER_CHASE))


async def chase_unchanged(ports: Ports, interview: Interview) -> ChaseLogged:
    """The same email logged twice: nothing changes; the next check stays as planned."""
    records = await ports.repo.nudges(interview.user_id, interview.id)
    following = next_pending([n for n in records if n.kind in NEXT_AFTER_CHASE])
    return ChaseLogged(interview, following)
