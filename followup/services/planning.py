"""After anything about an interview changes: save it, re-plan its nudges, wake the queue."""

from __future__ import annotations

from dataclasses import dataclass, replace
from zoneinfo import ZoneInfo

from followup.core.model import Interview, Nudge, NudgeKind, NudgeState, new_id
from followup.core.planner import Changes, next_pending, reconcile
from followup.services import weekly
from followup.services.ports import Ports


@dataclass(frozen=True)
class Replanned:
    """The interview's nudges after a change: what was folded into the reply, and what is next."""

    records: tuple[Nudge, ...]
    folded: tuple[Nudge, ...]

    @property
    def next(self) -> Nudge | None:
        return next_pending(self.records)

    def next_of(self, *kinds: NudgeKind) -> Nudge | None:
        """The soonest pending nudge of these kinds."""
        return next_pending([n for n in self.records if n.kind in kinds])


async def save_and_replan(
    ports: Ports, interview: Interview, *, fold_due: bool = False
) -> Replanned:
    """Persist the interview and bring its nudges in line with its plan.

    With `fold_due`, nudges already due are recorded as sent: the caller's reply says it instead.
    """
    repo = ports.repo
    await repo.save_interview(interview)
    settings = await repo.settings(interview.user_id)
    chat_id = settings.chat_id if settings else interview.user_id
    place = ports.place(settings)
    records = await repo.nudges(interview.user_id, interview.id)
    now = ports.clock()
    changes = reconcile(
        interview, chat_id, records, place, ports.timing, now, new_id, fold_due=fold_due
    )
    await _apply(ports, changes)
    await weekly.keep_planned(ports, interview.user_id)
    after = await repo.nudges(interview.user_id, interview.id)
    return Replanned(tuple(after), changes.folded)


async def _apply(ports: Ports, changes: Changes) -> None:
    """Store the changes; wake the queue if a nudge is now due sooner than it knew."""
    if changes.all:
        await ports.repo.save_nudges(changes.all)
    for nudge in changes.to_arm:
        ports.waker.poke(nudge.due)


async def replan_user(ports: Ports, user_id: int, old_zone: ZoneInfo | None = None) -> None:
    """Plan every interview afresh (after a time zone or country change).

    Times the user typed as clock times stay what they typed: 14:00 in the old zone becomes
    14:00 in the new one. Times counted from the clock ("it just ended") keep their moment.
    """
    repo = ports.repo
    new_zone = (await ports.place_of(user_id)).zone
    pending = [n for n in await repo.nudges(user_id) if n.state is NudgeState.PENDING]
    await repo.save_nudges(replace(n, state=NudgeState.CANCELLED) for n in pending)
    for interview in await repo.interviews(user_id):
        if old_zone is not None and interview.wall_clock and old_zone != new_zone:
            wall = interview.when.astimezone(old_zone).replace(tzinfo=new_zone)
            interview = replace(interview, when=wall.astimezone(interview.when.tzinfo))
        await save_and_replan(ports, interview)


async def open_interviews(ports: Ports, user_id: int) -> list[Interview]:
    """The user's interviews with no outcome yet, newest first."""
    return [i for i in await ports.repo.interviews(user_id) if i.is_open]


async def pending_nudges(ports: Ports, user_id: int) -> list[Nudge]:
    """The user's nudges waiting to be sent, soonest first."""
    return [n for n in await ports.repo.nudges(user_id) if n.state is NudgeState.PENDING]


async def wake_for_user(ports: Ports, user_id: int) -> None:
    """After /resume or a blocked user's return: their overdue nudges go out now."""
    upcoming = next_pending(await ports.repo.nudges(user_id))
    if upcoming is not None:
        ports.waker.poke(min(upcoming.due, ports.clock()))
