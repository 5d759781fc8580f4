"""Recording what they said: the outcome saved, its follow-ups stopped, the advice that fits it."""

from __future__ import annotations

from telegram import Update

from followup.core.model import Interview, Outcome
from followup.services import interviews
from handlers import routes
from handlers.common import Button, Context, deps, reply
from handlers.dialog import END
from handlers.offer_deadline import ask_answer_by


async def record(
    update: Update, context: Context, interview: Interview, outcome: Outcome
) -> str | int:
    """Save what they said, stop the interview's follow-ups, and give the advice for it."""
    d = deps(context)
    await interviews.set_outcome(d.ports, interview, outcome)
    text = d.content.text(f"outcome.{outcome.value}", company=interview.company)
    undo = (d.content.label("outcome_buttons.undo"), routes.chase_act("reopen", interview.id))
    buttons: list[list[Button]] = []
    if outcome is Outcome.NEXT_ROUND:
        label = d.content.label("outcome_buttons.log_round")
        buttons.append([(label, routes.next_round(interview.id))])
    elif outcome is Outcome.OFFER:
        return await ask_answer_by(update, context, interview, text, undo)
    buttons.append([undo])
    await reply(update, text, buttons)
    return END
