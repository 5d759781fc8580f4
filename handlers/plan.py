"""After anything about an interview changes: save it, re-plan its nudges, and (dis)arm the jobs."""

from __future__ import annotations

from dataclasses import dataclass, replace
from zoneinfo import ZoneInfo

from followup.core.model import Interview, Nudge, NudgeKind, NudgeState
from followup.core.planner import Changes, next_pending, reconcile
from followup.store.tinydb import new_id
from handlers.common import Deps, user_place


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


def save_and_replan(deps: Deps, interview: Interview, *, fold_due: bool = False) -> Replanned:
    """Persist the interview and bring its nudges in line with its plan.

    With `fold_due`, nudges already due are recorded as sent: the caller's reply says it instead.
    """
    deps.store.save_interview(interview)
    settings = deps.store.settings(interview.user_id)
    chat_id = settings.chat_id if settings else interview.user_id
    place = user_place(deps, settings)
    records = deps.store.nudges(interview.user_id, interview.id)
    now = deps.clock()
    changes = reconcile(
        interview, chat_id, records, place, deps.timing, now, new_id, fold_due=fold_due
    )
    _apply(deps, changes, paused=settings is not None and (settings.paused or settings.blocked))
    return Replanned(tuple(deps.store.nudges(interview.user_id, interview.id)), changes.folded)


def _apply(deps: Deps, changes: Changes, *, paused: bool) -> None:
    """Store the changes, then bring the jobs in line with them."""
    if changes.all:
        deps.store.save_nudges(changes.all)
    for cancelled in changes.cancel:
        deps.scheduler.disarm(cancelled.id)
    if not paused:
        for nudge in changes.to_arm:
            deps.scheduler.arm(nudge)


def replan_user(deps: Deps, user_id: int, old_zone: ZoneInfo | None = None) -> None:
    """Plan every open interview afresh (after a time zone or country change).

    Times the user typed as clock times stay what they typed: 14:00 in the old zone becomes
    14:00 in the new one. Times counted from the clock ("it just ended") keep their moment.
    """
    settings = deps.store.settings(user_id)
    new_zone = user_place(deps, settings).zone
    pending = deps.store.pending_nudges(user_id)
    deps.store.save_nudges(replace(n, state=NudgeState.CANCELLED) for n in pending)
    for nudge in pending:
        deps.scheduler.disarm(nudge.id)
    for interview in deps.store.interviews(user_id):
        if old_zone is not None and interview.wall_clock and old_zone != new_zone:
            wall = interview.when.astimezone(old_zone).replace(tzinfo=new_zone)
            interview = replace(interview, when=wall.astimezone(interview.when.tzinfo))
        save_and_replan(deps, interview)


def rearm_user(deps: Deps, user_id: int) -> int:
    """Arm every pending nudge of one user (after /resume, or when a blocked user returns)."""
    return deps.scheduler.arm_all(deps.store.pending_nudges(user_id))


def disarm_interview(deps: Deps, interview: Interview) -> None:
    """Drop the jobs of one interview's pending nudges (before it is deleted)."""
    for nudge in deps.store.nudges(interview.user_id, interview.id):
        if nudge.state is NudgeState.PENDING:
            deps.scheduler.disarm(nudge.id)


def disarm_user(deps: Deps, user_id: int) -> None:
    for nudge in deps.store.pending_nudges(user_id):
        deps.scheduler.disarm(nudge.id)


def rearm_everyone(deps: Deps) -> int:
    """At start: arm every pending nudge of every user who hasn't paused or blocked the bot."""
    snapshot = deps.store.startup_snapshot()
    count = 0
    for nudge in snapshot.pending:
        settings = snapshot.settings.get(nudge.user_id)
        if not (settings and (settings.paused or settings.blocked)):
            deps.scheduler.arm(nudge)
            count += 1
    deps.store.end_startup()
    return count


__all__ = [
    "Replanned",
    "disarm_interview",
    "disarm_user",
    "rearm_everyone",
    "rearm_user",
    "save_and_replan",
]
