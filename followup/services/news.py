"""News told in passing, acted on: a follow-up or thank-you sent on the day said, an interview
moved, and the Undo that puts the interview back as it was.

The state before each change is kept as a snapshot (the store's own encoding), so Undo restores
exactly what was there and re-plans the nudges from it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from followup.core.model import Interview, Nudge, NudgeKind, NudgeState
from followup.services import acts
from followup.services.nudges import acted
from followup.services.planning import save_and_replan
from followup.services.ports import Ports
from followup.store import codec

ANSWER_WINDOW = timedelta(days=3)  # "did you send it?" still waits for a typed answer this long


@dataclass(frozen=True)
class Applied:
    """A change made from news: the interview before it (for Undo) and after it."""

    before: Interview
    after: Interview
    chase: acts.ChaseLogged | None = None


def snapshot(interview: Interview) -> dict[str, Any]:
    """The interview as plain data, to keep with the Undo button's conversation."""
    return codec.encode(interview)


async def undo(ports: Ports, user_id: int, before: dict[str, Any]) -> Interview | None:
    """Put the interview back as it was before the news; None when it is gone (deleted)."""
    restored = codec.decode(Interview, before)
    if restored.user_id != user_id or await ports.repo.interview(user_id, restored.id) is None:
        return None
    await save_and_replan(ports, restored)
    return restored


async def awaiting_answer(ports: Ports, user_id: int) -> Nudge | None:
    """The "did you send it?" nudge the user was last asked and hasn't answered, if recent."""
    now = ports.clock()
    sent = [
        n
        for n in await ports.repo.nudges(user_id)
        if n.state is NudgeState.SENT and n.sent_at is not None
    ]
    latest = max(sent, key=lambda n: n.sent_at or now, default=None)
    if latest is None or latest.kind is not NudgeKind.FOLLOW_THROUGH or latest.acted_at:
        return None
    return latest if latest.sent_at and now - latest.sent_at <= ANSWER_WINDOW else None


def moment(ports: Ports, day: date | None, zone_now: datetime) -> datetime | None:
    """When a deed said to be done on `day` happened: now if today (or unsaid), else its noon."""
    if day is None or day == zone_now.date():
        return None
    noon = datetime.combine(day, time(12), tzinfo=zone_now.tzinfo)
    return noon.astimezone(ports.clock().tzinfo)


async def follow_up_sent(
    ports: Ports, interview: Interview, at: datetime | None, nudge: Nudge | None = None
) -> Applied:
    """A follow-up sent (on the day said); the "did you send it?" it answers is settled."""
    if nudge is not None:
        await acted(ports, nudge, ports.clock())
    logged = await acts.chase_sent(ports, interview, at)
    return Applied(interview, logged.interview, logged)


async def thank_you_sent(ports: Ports, interview: Interview, at: datetime | None) -> Applied:
    """The thank-you sent (on the day said)."""
    return Applied(interview, await acts.thank_you_sent(ports, interview, at))


async def moved(ports: Ports, interview: Interview, when: datetime) -> Applied:
    """The interview moved to another moment; its nudges follow it."""
    after = replace(interview, when=when, wall_clock=True)
    await save_and_replan(ports, after)
    return Applied(interview, after)
