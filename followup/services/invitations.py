"""An invitation confirmed on its card, applied: a new interview, or the one it updates.

Idempotent by the calendar event's UID: the same event again changes nothing, a higher SEQUENCE
moves it, METHOD:CANCEL (or a cancelling text) ends it, an older copy is ignored. A text without
a UID finds its interview by company (and, for a plain copy, by its moment). Everything goes
through the planning every other change uses, so the card, /status and the nudges agree.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, tzinfo
from enum import StrEnum

from followup.core.debrief import COMPANY_LIMIT, RECRUITER_LIMIT, ROLE_LIMIT
from followup.core.invitations import Reading
from followup.core.model import Interview, Outcome, company_display, new_id, same_company
from followup.services.interviews import set_outcome
from followup.services.planning import save_and_replan
from followup.services.ports import Ports


@dataclass(frozen=True)
class Invited:
    """What the user confirmed on the card: `when` is aware (UTC)."""

    company: str
    when: datetime
    role: str | None = None
    via_agency: bool = False
    recruiter: str | None = None
    decision_date: date | None = None
    uid: str | None = None
    sequence: int = 0
    cancelled: bool = False
    moved: bool = False


def confirmed(reading: Reading, zone: tzinfo) -> Invited | None:
    """What a card the user confirmed saves, its fields cut to the debrief's limits; None while
    something on it must still be asked (a day, a zone, the company)."""
    moment = reading.moment(zone)
    if moment is None or not reading.company or reading.asks(zone):
        return None
    return Invited(
        company=reading.company[:COMPANY_LIMIT],
        when=moment.astimezone(UTC),
        role=(reading.role or "")[:ROLE_LIMIT] or None,
        via_agency=reading.via_agency,
        recruiter=(reading.recruiter or "")[:RECRUITER_LIMIT] or None,
        decision_date=reading.decision,
        uid=reading.uid,
        sequence=reading.sequence,
        cancelled=reading.cancelled,
        moved=reading.moved,
    )


class Result(StrEnum):
    CREATED = "created"
    UNCHANGED = "unchanged"
    MOVED = "moved"
    CANCELLED = "cancelled"
    OUTDATED = "outdated"  # an older copy of an event already applied
    NOT_FOUND = "not_found"  # a cancellation or a move of an interview never logged


@dataclass(frozen=True)
class Applied:
    result: Result
    interview: Interview | None = None
    was: datetime | None = None  # the moment before a move


async def apply(ports: Ports, user_id: int, invited: Invited) -> Applied:
    """Create, move or cancel the interview the invitation is about."""
    everything = await ports.repo.interviews(user_id)
    existing = _existing(everything, invited)
    if invited.cancelled:
        return await _cancel(ports, existing, invited)
    if existing is None:
        if invited.moved:
            return Applied(Result.NOT_FOUND)
        return Applied(Result.CREATED, await _create(ports, user_id, invited, everything))
    if invited.uid and invited.sequence < existing.invite_sequence:
        return Applied(Result.OUTDATED, existing)
    if existing.when == invited.when:
        if invited.sequence != existing.invite_sequence:
            await ports.repo.save_interview(replace(existing, invite_sequence=invited.sequence))
        return Applied(Result.UNCHANGED, existing)
    moved = replace(existing, when=invited.when, wall_clock=True, invite_sequence=invited.sequence)
    await save_and_replan(ports, moved)
    return Applied(Result.MOVED, moved, existing.when)


def _existing(everything: list[Interview], invited: Invited) -> Interview | None:
    if invited.uid:
        return next((i for i in everything if i.invite_uid == invited.uid), None)
    same = [i for i in everything if same_company(i.company, invited.company)]
    if invited.moved or invited.cancelled:
        # "moved to Thursday" / "we need to cancel": the open one with that company
        return next((i for i in same if i.is_open), None)
    return next((i for i in same if i.when == invited.when), None)


async def _cancel(ports: Ports, existing: Interview | None, invited: Invited) -> Applied:
    if existing is None:
        return Applied(Result.NOT_FOUND)
    if invited.uid and invited.sequence < existing.invite_sequence:
        return Applied(Result.OUTDATED, existing)
    if not existing.is_open:
        return Applied(Result.UNCHANGED, existing)
    ended = await set_outcome(ports, replace(existing, invite_sequence=invited.sequence),
                              Outcome.OTHER)  # fmt: skip
    return Applied(Result.CANCELLED, ended)


async def _create(
    ports: Ports, user_id: int, invited: Invited, everything: list[Interview]
) -> Interview:
    now = ports.clock()
    same = [i for i in everything if same_company(i.company, invited.company)]
    company = same[0].company if same else company_display(invited.company)
    # A round after one that has already happened continues that company's story.
    earlier = next((i for i in same if i.when < invited.when and i.when <= now), None)
    interview = Interview(
        id=new_id(),
        user_id=user_id,
        company=company,
        when=invited.when,
        created=now,
        wall_clock=True,
        role=invited.role or (earlier.role if earlier else None),
        via_agency=invited.via_agency,
        recruiter=invited.recruiter,
        decision_date=invited.decision_date,
        round_of=earlier.id if earlier else None,
        invite_uid=invited.uid,
        invite_sequence=invited.sequence,
    )
    if earlier is not None and earlier.is_open:
        await set_outcome(ports, earlier, Outcome.NEXT_ROUND)
    if interview.when <= now:
        # Already happened: the debrief that follows plans it (and folds what fell due).
        await ports.repo.save_interview(interview)
    else:
        await save_and_replan(ports, interview)
    return interview
