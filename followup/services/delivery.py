"""Sending a claimed nudge, around the send itself: is it still wanted, and what came of it.

The record is read afresh before sending (still pending? interview still open? not stale?) and
marked sent only after Telegram took it, so a crash in between can repeat a nudge, never lose one.
A failed send goes back in the queue, backing off; a refused one is skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from followup.core.calendar import Place
from followup.core.model import AFTER_OUTCOME, Interview, Nudge, NudgeKind, NudgeState
from followup.core.nudge_plan import PlannedNudge, is_stale
from followup.services import nudges
from followup.services.ports import Ports
from followup.services.settings import mark_blocked

RETRY_DELAYS = (30, 120, 600, 1800)  # seconds between tries; then every 30 minutes


@dataclass(frozen=True)
class Wanted:
    """A nudge still worth sending, with what its words are made of."""

    nudge: Nudge
    interview: Interview
    place: Place
    language: str = "en"  # the language it is written in: the user's


@dataclass(frozen=True)
class Dropped:
    """A nudge not sent after all (settled as cancelled or skipped), and why, for the metrics."""

    nudge: Nudge
    reason: str


async def still_wanted(ports: Ports, claimed: Nudge) -> Wanted | Dropped | None:
    """The claimed nudge read afresh: send it, or why not (None: it was settled meanwhile)."""
    user_id = claimed.user_id
    nudge = await ports.repo.nudge(user_id, claimed.id)
    if nudge is None or nudge.state is not NudgeState.PENDING:
        return None
    settings = await ports.repo.settings(user_id)
    interview = await ports.repo.interview(user_id, nudge.interview_id)
    now = ports.clock()
    if interview is None or (not interview.is_open and nudge.kind not in AFTER_OUTCOME):
        await ports.repo.mark_nudge(user_id, nudge.id, NudgeState.CANCELLED)
        return Dropped(nudge, "interview closed")
    place = ports.place(settings)
    planned = PlannedNudge(nudge.kind, nudge.due, nudge.step)
    asked_before = (
        nudge.kind is NudgeKind.TIP_REQUEST and settings is not None and settings.tip_asked
    )
    if asked_before or is_stale(planned, interview, place, ports.timing, now):
        await ports.repo.mark_nudge(user_id, nudge.id, NudgeState.SKIPPED)
        return Dropped(nudge, "asked before" if asked_before else "stale")
    return Wanted(nudge, interview, place, settings.language if settings else "en")


async def sent(ports: Ports, wanted: Wanted) -> datetime:
    """Telegram took it: settle it as sent, then what sending it changes. Returns when."""
    nudge = wanted.nudge
    sent_at = ports.clock()
    await ports.repo.mark_nudge(nudge.user_id, nudge.id, NudgeState.SENT, sent_at)
    await nudges.after_sending(ports, nudge, wanted.interview, sent_at)
    return sent_at


async def blocked(ports: Ports, nudge: Nudge) -> None:
    """The user blocked the bot: the nudge waits, and the queue passes over them until they
    write again."""
    await mark_blocked(ports, nudge.user_id)
    await ports.repo.release(nudge.user_id, nudge.id, nudge.due)


async def refused(ports: Ports, nudge: Nudge) -> None:
    """Telegram refused the message itself: trying again would not help."""
    await ports.repo.mark_nudge(nudge.user_id, nudge.id, NudgeState.SKIPPED)


async def retry_later(ports: Ports, nudge: Nudge) -> tuple[datetime, int]:
    """Back in the queue a little later; after the last delay, it keeps trying at that pace.

    The clock is read afresh: a slow failure must not put its retry in the past.
    """
    delay = RETRY_DELAYS[min(nudge.attempts, len(RETRY_DELAYS) - 1)]
    retry_at = ports.clock() + timedelta(seconds=delay)
    await ports.repo.release(nudge.user_id, nudge.id, retry_at)
    ports.waker.poke(retry_at)
    return retry_at, delay
