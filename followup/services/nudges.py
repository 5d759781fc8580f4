"""A nudge's life after it is sent: what sending it changes, and its buttons (done, snooze, skip).

Each nudge acts once: once the user pressed its main button, or its interview closed (for the
nudges that only make sense while it is open), its buttons are settled.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from followup.core.calendar import Place
from followup.core.model import AFTER_OUTCOME, CHASE_KINDS, Interview, Nudge, NudgeKind, NudgeState
from followup.core.snooze import Until, snoozed_due
from followup.services import acts
from followup.services.planning import save_and_replan
from followup.services.ports import Ports


@dataclass(frozen=True)
class Pressed:
    """A nudge the user pressed a button on, with its interview."""

    nudge: Nudge
    interview: Interview

    @property
    def settled(self) -> bool:
        """Acted on already, or about an interview that has since closed."""
        closed = not self.interview.is_open and self.nudge.kind not in AFTER_OUTCOME
        return self.nudge.acted_at is not None or closed


@dataclass(frozen=True)
class Done:
    """What the main button recorded: the interview after it, and for a follow-up, the count.

    `already_logged`: a follow-up was logged today already, so nothing was counted; the user
    is asked whether this was the same email or another.
    """

    interview: Interview
    chase: acts.ChaseLogged | None = None
    already_logged: bool = False


async def pressed(ports: Ports, user_id: int, nudge_id: str) -> Pressed | None:
    """The user's own nudge and its interview; None for an unknown id or someone else's."""
    nudge = await ports.repo.nudge(user_id, nudge_id)
    interview = await ports.repo.interview(user_id, nudge.interview_id) if nudge else None
    if nudge is None or interview is None:
        return None
    return Pressed(nudge, interview)


async def after_sending(
    ports: Ports, nudge: Nudge, interview: Interview, sent_at: datetime
) -> None:
    """What a sent nudge changes: a follow-up nudge now awaits "I sent it"; a tip is asked once."""
    if nudge.kind in CHASE_KINDS:
        await save_and_replan(ports, replace(interview, chase_prompted=sent_at))
    elif nudge.kind is NudgeKind.TIP_REQUEST:
        settings = await ports.repo.settings(nudge.user_id)
        if settings is not None:
            await ports.repo.save_settings(replace(settings, tip_asked=True))


async def acted(ports: Ports, nudge: Nudge, now: datetime) -> Nudge:
    """Each nudge acts once: a second press of its button says it is done already."""
    settled = NudgeState.SENT if nudge.state is NudgeState.PENDING else nudge.state
    done = replace(nudge, acted_at=now, state=settled)
    await ports.repo.save_nudges([done])
    return done


async def done(ports: Ports, nudge: Nudge, interview: Interview) -> Done:
    """The nudge's main button: record what the user did, through the shared acts."""
    now = ports.clock()
    if nudge.kind in CHASE_KINDS or nudge.kind is NudgeKind.FOLLOW_THROUGH:
        if await acts.logged_today(ports, interview):
            # Logged already (from a verdict, say): the same email must not count twice.
            await acted(ports, nudge, now)
            return Done(interview, already_logged=True)
        await acted(ports, nudge, now)
        fresh = await ports.repo.interview(interview.user_id, interview.id) or interview
        logged = await acts.chase_sent(ports, fresh)
        return Done(logged.interview, chase=logged)
    await acted(ports, nudge, now)
    if nudge.kind is NudgeKind.RECRUITER_FEEDBACK:
        return Done(await acts.feedback_given(ports, interview))
    if nudge.kind is NudgeKind.THANK_YOU:
        return Done(await acts.thank_you_sent(ports, interview))
    return Done(interview)


async def skip_chasing(ports: Ports, nudge: Nudge, interview: Interview) -> Interview:
    """ "I'll skip it": no more follow-up reminders (asking "should I chase?" still answers)."""
    now = ports.clock()
    await acted(ports, nudge, now)
    stopped = replace(interview, chasing_stopped=now)
    await save_and_replan(ports, stopped)
    return stopped


async def snooze(ports: Ports, nudge: Nudge, until: Until, place: Place, now: datetime) -> Nudge:
    """Move the nudge an hour on, or to tomorrow morning, by the snooze rule.

    The interview is re-planned after: a follow-up put off takes "did you send it?" with it.
    """
    due = snoozed_due(nudge.kind, until, place, ports.timing, now)
    moved = replace(nudge, due=due, state=NudgeState.PENDING, snoozed=True)
    await ports.repo.save_nudges([moved])
    ports.waker.poke(due)
    interview = await ports.repo.interview(nudge.user_id, nudge.interview_id)
    if interview is not None:
        await save_and_replan(ports, interview)
    return moved
