"""An interview's story: a debrief finished, an outcome heard, a detail corrected, a reopening,
a deletion. Each change is saved and the interview's nudges re-planned from it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from followup.core import debrief
from followup.core.debrief import Step
from followup.core.model import CHASE_KINDS, Interview, Outcome, new_id
from followup.core.rounds import chain_rounds
from followup.services.planning import save_and_replan
from followup.services.ports import Ports


async def find(ports: Ports, user_id: int, interview_id: str) -> Interview | None:
    """The user's own interview by id; None for an unknown id or someone else's."""
    return await ports.repo.interview(user_id, interview_id)


async def finish_debrief(ports: Ports, user_id: int, draft: Mapping[str, Any]) -> Interview:
    """Save the debriefed interview (merged into the one it debriefs, if any) and plan it.

    Nudges already due (a late debrief) are folded into the summary instead of arriving after
    it; when that includes a follow-up, the summary asks for it as the nudge would have.
    """
    now = ports.clock()
    interview_id = draft.get("interview_id") or new_id()
    interview = debrief.to_interview(draft, interview_id, user_id, now)
    existing = await ports.repo.interview(user_id, interview_id)
    if existing is not None:
        interview = debrief.merge_debrief(existing, interview)
    await _earlier_round_led_on(ports, interview)
    replanned = await save_and_replan(ports, interview, fold_due=True)
    if any(n.kind in CHASE_KINDS for n in replanned.folded):
        # The summary says "follow up now", as the nudge would have: ask tomorrow if they did.
        interview = replace(interview, chase_prompted=now)
        await save_and_replan(ports, interview)
    return interview


async def start_next_round(ports: Ports, earlier: Interview) -> dict[str, Any]:
    """They were asked to another round after `earlier`: the debrief draft for it.

    The draft keeps the company, role and route, and links the new round to `earlier`; nothing
    is saved until the debrief is finished (then `earlier`, if still open, is closed as having
    led to a next round, and its follow-ups stop).
    """
    return debrief.next_round_draft(earlier)


async def rounds(ports: Ports, user_id: int) -> list[list[Interview]]:
    """The user's interviews as stories: each list one company's linked rounds, first round
    first; the stories newest first (by their latest round)."""
    return chain_rounds(await ports.repo.interviews(user_id))


async def _earlier_round_led_on(ports: Ports, interview: Interview) -> None:
    """A next round logged: the round before it is no longer waiting for news."""
    if interview.round_of is None:
        return
    earlier = await ports.repo.interview(interview.user_id, interview.round_of)
    if earlier is not None and earlier.is_open:
        await set_outcome(ports, earlier, Outcome.NEXT_ROUND)


async def set_outcome(ports: Ports, interview: Interview, outcome: Outcome) -> Interview:
    """They heard back: the story ends (or goes on), and the follow-ups stop."""
    heard = replace(interview, outcome=outcome, heard_back=ports.clock())
    await save_and_replan(ports, heard)
    return heard


async def reopen(ports: Ports, interview: Interview) -> Interview | None:
    """Take the outcome back; None when the interview is open already."""
    if interview.is_open:
        return None
    reopened = replace(interview, outcome=None, heard_back=None, offer_answered=None)
    await save_and_replan(ports, reopened)
    return reopened


async def set_decision_date(ports: Ports, interview: Interview, day: date) -> Interview:
    """They gave a new date: the follow-ups count from it."""
    moved = replace(interview, decision_date=day)
    await save_and_replan(ports, moved)
    return moved


async def set_answer_by(ports: Ports, interview: Interview, day: date | None) -> Interview:
    """The deadline to answer an offer (None: they gave none); the reminder follows it."""
    dated = replace(interview, answer_by=day)
    await save_and_replan(ports, dated)
    return dated


async def set_draft_language(ports: Ports, interview: Interview, language: str) -> Interview:
    """Emails to this employer are written in `language` from now on (the plan is unchanged)."""
    chosen = replace(interview, draft_language=language)
    await ports.repo.save_interview(chosen)
    return chosen


async def offer_answered(ports: Ports, interview: Interview) -> Interview:
    """The user answered the offer: the reminder before its deadline is no longer wanted."""
    if interview.offer_answered is not None:
        return interview
    answered = replace(interview, offer_answered=ports.clock())
    await save_and_replan(ports, answered)
    return answered


async def edit_field(
    ports: Ports, interview: Interview, step: Step, answered: Mapping[str, Any]
) -> Interview:
    """Put in the re-read answer to `step`'s question (in debrief draft form) and re-plan."""
    edited = with_answer(interview, step, answered)
    await save_and_replan(ports, edited)
    return edited


def with_answer(interview: Interview, step: Step, answered: Mapping[str, Any]) -> Interview:
    """The interview with the answer to `step`'s question put in."""
    if step is Step.COMPANY:
        return replace(interview, company=answered["company"])
    if step is Step.ROLE:
        return replace(interview, role=answered.get("role"))
    if step is Step.WHEN:
        return replace(
            interview,
            when=datetime.fromisoformat(answered["when"]),
            wall_clock=bool(answered.get("wall_clock")),
            outside_hours=answered.get("outside_hours", interview.outside_hours),
        )
    if step is Step.AGENCY:
        return replace(
            interview, via_agency=bool(answered["via_agency"]), recruiter=answered.get("recruiter")
        )
    day = answered.get("decision_date")
    return replace(interview, decision_date=date.fromisoformat(day) if day else None)


async def delete(ports: Ports, interview: Interview) -> None:
    """Remove the interview and every nudge about it."""
    await ports.repo.delete_interview(interview.user_id, interview.id)
