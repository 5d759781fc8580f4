"""After anything about an interview changes: save it, re-plan its nudges, and (dis)arm the jobs."""

from __future__ import annotations

from dataclasses import replace

from followup.model import Interview, Nudge, NudgeState
from followup.planner import next_pending, reconcile
from followup.store import new_id
from handlers.common import Deps, user_zone


def save_and_replan(deps: Deps, interview: Interview) -> Nudge | None:
    """Persist the interview and bring its nudges in line; returns its next pending nudge."""
    deps.store.save_interview(interview)
    settings = deps.store.settings(interview.user_id)
    chat_id = settings.chat_id if settings else interview.user_id
    zone = user_zone(deps, settings)
    records = deps.store.nudges(interview.user_id, interview.id)
    changes = reconcile(interview, chat_id, records, zone, deps.timing, deps.clock(), new_id)
    if changes.all:
        deps.store.save_nudges(changes.all)
    for cancelled in changes.cancel:
        deps.scheduler.disarm(cancelled.id)
    paused = settings is not None and (settings.paused or settings.blocked)
    if not paused:
        for added in changes.add:
            deps.scheduler.arm(added)
    return next_pending(deps.store.nudges(interview.user_id, interview.id))


def replan_user(deps: Deps, user_id: int) -> None:
    """Plan every open interview's pending nudges afresh (after a time zone change)."""
    pending = deps.store.pending_nudges(user_id)
    deps.store.save_nudges(replace(n, state=NudgeState.CANCELLED) for n in pending)
    for nudge in pending:
        deps.scheduler.disarm(nudge.id)
    for interview in deps.store.open_interviews(user_id):
        save_and_replan(deps, interview)


def rearm_user(deps: Deps, user_id: int) -> int:
    """Arm every pending nudge of one user (after /resume, or when a blocked user returns)."""
    return deps.scheduler.arm_all(deps.store.pending_nudges(user_id))


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


__all__ = ["disarm_user", "rearm_everyone", "rearm_user", "save_and_replan"]
