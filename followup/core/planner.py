"""Keep an interview's stored nudges in line with its plan, after anything about it changes.

Pure: given the interview, its nudge records and the rules, say which records to add, which
pending ones to move to a new due time, and which to cancel. One record per kind (and step) per
interview: a kind already sent (or skipped) is not planned again; a pending one follows the plan
unless the user snoozed it (their time wins). Cancelled records don't count, so cancelling an
interview's pending nudges and reconciling plans them anew.

A snoozed follow-up nudge holds back "did you send it?": asking whether the email went before the
reminder the user asked for has even arrived would contradict it. The snoozed reminder wins, and
once it is sent the question is planned afresh from that moment.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from followup.core.calendar import Place
from followup.core.model import CHASE_KINDS, Interview, Nudge, NudgeKind, NudgeState
from followup.core.nudge_plan import plan_nudges
from followup.core.timing import Timing

Key = tuple[NudgeKind, int]


@dataclass(frozen=True, slots=True)
class Changes:
    add: tuple[Nudge, ...]
    move: tuple[Nudge, ...]
    cancel: tuple[Nudge, ...]

    @property
    def all(self) -> tuple[Nudge, ...]:
        return self.add + self.move + self.cancel

    @property
    def to_arm(self) -> tuple[Nudge, ...]:
        """New or moved records still waiting to be sent."""
        return tuple(n for n in self.add + self.move if n.state is NudgeState.PENDING)

    @property
    def folded(self) -> tuple[Nudge, ...]:
        """Records that were due already and were said in the reply instead of sent."""
        return tuple(n for n in self.add if n.state is NudgeState.SENT)


def key(nudge: Nudge) -> Key:
    return nudge.kind, nudge.step


def reconcile(
    interview: Interview,
    chat_id: int,
    records: Sequence[Nudge],
    place: Place,
    timing: Timing,
    now: datetime,
    new_id: Callable[[], str],
    *,
    fold_due: bool = False,
) -> Changes:
    """The records to add, move and cancel so the store matches the plan.

    With `fold_due`, nudges already due are recorded as sent at `now`: the reply that caused the
    re-plan (a late debrief's summary) says what they would have said: they are not sent after it.
    """
    planned = {(n.kind, n.step): n.due for n in plan_nudges(interview, place, timing, now)}
    if any(_snoozed_chase(r) for r in records):
        planned = {k: due for k, due in planned.items() if k[0] is not NudgeKind.FOLLOW_THROUGH}
    # A cancelled record doesn't count: that kind may be planned afresh (e.g. in a new time zone).
    live = {key(r): r for r in records if r.state is not NudgeState.CANCELLED}
    add = tuple(
        _new(interview, chat_id, k, due, new_id(), now if fold_due and due <= now else None)
        for k, due in planned.items()
        if k not in live
    )
    move = tuple(
        replace(record, due=planned[k])
        for k, record in live.items()
        if record.state is NudgeState.PENDING
        and k in planned
        and not record.snoozed
        and record.due != planned[k]
    )
    cancel = tuple(
        replace(record, state=NudgeState.CANCELLED)
        for record in records
        if record.state is NudgeState.PENDING and key(record) not in planned
    )
    return Changes(add, move, cancel)


def _snoozed_chase(record: Nudge) -> bool:
    """A follow-up reminder the user put off, still to come."""
    return record.kind in CHASE_KINDS and record.snoozed and record.state is NudgeState.PENDING


def _new(
    interview: Interview,
    chat_id: int,
    planned: Key,
    due: datetime,
    nudge_id: str,
    folded_at: datetime | None,
) -> Nudge:
    """A record for a planned nudge; already sent when its words were folded into a reply."""
    kind, step = planned
    return Nudge(
        id=nudge_id,
        user_id=interview.user_id,
        chat_id=chat_id,
        interview_id=interview.id,
        kind=kind,
        due=due,
        step=step,
        state=NudgeState.SENT if folded_at else NudgeState.PENDING,
        sent_at=folded_at,
    )


def next_pending(records: Sequence[Nudge]) -> Nudge | None:
    """The soonest pending nudge among `records`."""
    pending = [r for r in records if r.state is NudgeState.PENDING]
    return min(pending, key=lambda r: (r.due, r.id)) if pending else None
