"""Keep an interview's stored nudges in line with its plan, after anything about it changes.

Pure: given the interview, its nudge records and the rules, say which records to add and which
pending ones to cancel. One record per kind per interview: a kind already sent (or skipped) is
not planned again, and a pending one keeps its due time (so a snooze survives re-planning).
Cancelled records don't count, so cancelling an interview's pending nudges and reconciling plans
them anew.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from followup.model import Interview, Nudge, NudgeState
from followup.rules import plan_nudges
from followup.timing import Timing


@dataclass(frozen=True, slots=True)
class Changes:
    add: tuple[Nudge, ...]
    cancel: tuple[Nudge, ...]

    @property
    def all(self) -> tuple[Nudge, ...]:
        return self.add + self.cancel


def reconcile(
    interview: Interview,
    chat_id: int,
    records: Sequence[Nudge],
    zone: ZoneInfo,
    timing: Timing,
    now: datetime,
    new_id: Callable[[], str],
) -> Changes:
    """The records to add and the pending ones to cancel so the store matches the plan."""
    planned = {item.kind: item.due for item in plan_nudges(interview, zone, timing, now)}
    # A cancelled record doesn't count: that kind may be planned afresh (e.g. in a new time zone).
    known = {record.kind for record in records if record.state is not NudgeState.CANCELLED}
    add = tuple(
        Nudge(
            id=new_id(),
            user_id=interview.user_id,
            chat_id=chat_id,
            interview_id=interview.id,
            kind=kind,
            due=due,
        )
        for kind, due in planned.items()
        if kind not in known
    )
    cancel = tuple(
        replace(record, state=NudgeState.CANCELLED)
        for record in records
        if record.state is NudgeState.PENDING and record.kind not in planned
    )
    return Changes(add, cancel)


def next_pending(records: Sequence[Nudge]) -> Nudge | None:
    """The soonest pending nudge among `records`."""
    pending = [r for r in records if r.state is NudgeState.PENDING]
    return min(pending, key=lambda r: r.due) if pending else None
