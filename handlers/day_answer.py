"""A day typed outside the debrief (a new decision date, an offer's answer-by day), read the way
the debrief reads its decision date: two readings are asked back, never guessed."""

from __future__ import annotations

from typing import Any

from telegram import Update

from followup.core import answer_reading, answers
from followup.core.debrief import Step
from followup.core.model import Interview
from handlers.common import Context, deps, settings_for, user_place


async def read_like_decision(
    update: Update,
    context: Context,
    draft: dict[str, Any],
    interview: Interview,
    text: str,
    pick: int | None,
) -> answers.Problem | None:
    """Read `text` (or the reading `pick` offered before) into `draft["decision_date"]`; the
    problem to ask back when there is one (two readings, a day on or before the interview)."""
    d = deps(context)
    draft["when"] = interview.when.isoformat()
    place = user_place(d, await settings_for(context, update))
    reading = answers.Answer(draft, text, place, d.clock(), d.timing, lambda _company: None)
    if pick is None:
        return answer_reading.read(Step.DECISION, reading, typed=True)
    return answer_reading.choose(Step.DECISION, reading, pick)
