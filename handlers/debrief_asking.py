"""The debrief's questions: their states and buttons, asking the open one, and finishing.

Which question comes next is decided by followup.core.debrief from the draft, so known answers
are skipped and a restart resumes at the open question. The user's time zone is settled before
the first time question.
"""

from __future__ import annotations

from typing import Any

from telegram import Update

from followup.core import debrief
from followup.core.debrief import Step
from followup.core.model import Rating
from followup.services import interviews
from handlers import callback_data as cb
from handlers import routes, summary, timezone, unfinished
from handlers.common import Button, Context, deps, reply, settings_for, user_place
from handlers.dialog import END

ACTION = routes.DEBRIEF
DRAFT = unfinished.DRAFT
ANSWERED = "answered"  # draft key: message id -> the step it answered (for edited messages)
FLOW = "debrief"

# Button values per question: callback argument -> content key of its label.
CHOICES: dict[Step, dict[str, str]] = {
    Step.ROLE: {"skip": "buttons.skip"},
    Step.WHEN: {"now": "buttons.just_now", "hour": "buttons.hour_ago"},
    Step.AGENCY: {"yes": "buttons.agency_yes", "no": "buttons.agency_no"},
    Step.DECISION: {
        "none": "buttons.decision_none",
        "week": "buttons.decision_week",
        "nextweek": "buttons.decision_next_week",
    },
    Step.EXTRAS: {
        "outside": "buttons.extras_outside",
        "contact": "buttons.extras_contact",
        "both": "buttons.extras_both",
        "neither": "buttons.extras_neither",
    },
    Step.RATING: {str(r.value): f"buttons.rating_{r.value}" for r in Rating},
    Step.NOTES: {"skip": "buttons.skip"},
}
CONTACT_ONLY = {"yes": "buttons.contact_yes", "no": "buttons.contact_no"}

QUESTION_KEYS: dict[Step, str] = {
    Step.COMPANY: "debrief.ask_company",
    Step.ROLE: "debrief.ask_role",
    Step.WHEN: "debrief.ask_when",
    Step.AGENCY: "debrief.ask_agency",
    Step.DECISION: "debrief.ask_decision",
    Step.EXTRAS: "debrief.ask_extras",
    Step.RATING: "debrief.ask_rating",
    Step.NOTES: "debrief.ask_notes",
}


def state_of(step: Step) -> str:
    """The dialog state in which `step`'s question is open."""
    return f"{FLOW}:{step.value}"


def draft_of(context: Context) -> dict[str, Any]:
    """The answers of the interview being told now (an empty draft if none)."""
    assert context.user_data is not None
    return context.user_data.setdefault(DRAFT, {})  # type: ignore[no-any-return]


def choices(step: Step, draft: dict[str, Any]) -> dict[str, str]:
    """The buttons under `step`'s question: callback argument -> content key of its label."""
    if step is Step.EXTRAS and draft.get("outside_hours"):
        return CONTACT_ONLY
    return CHOICES.get(step, {})


def _buttons(context: Context, step: Step, draft: dict[str, Any]) -> list[list[Button]]:
    content = deps(context).content
    items = [(content.label(key), cb.build(ACTION, step, value)) for value, key in
             choices(step, draft).items()]  # fmt: skip
    width = 2 if len(items) == 4 else 1 if step is Step.DECISION else len(items)
    return [items[i : i + width] for i in range(0, len(items), width)] if items else []


async def ask_next(update: Update, context: Context) -> str | int:
    """Ask the first unanswered question, or finish when there is none."""
    d = deps(context)
    draft = draft_of(context)
    step = debrief.next_step(draft, d.clock())
    if step is None:
        return await finish(update, context)
    if step is Step.WHEN and not (await settings_for(context, update)).zone_confirmed:
        # Times are read in the user's zone: settle it before the first one is typed.
        return await timezone.ask_first(update, context, back=state_of(Step.WHEN))
    await ask(update, context, step)
    return state_of(step)


async def ask(update: Update, context: Context, step: Step) -> None:
    """Send the question for `step` with its buttons."""
    d = deps(context)
    draft = draft_of(context)
    key = QUESTION_KEYS[step]
    if step is Step.EXTRAS and draft.get("outside_hours"):
        key = "debrief.ask_contact_only"
    await reply(update, d.content.text(key), _buttons(context, step, draft))


async def finish(update: Update, context: Context) -> int:
    """Save the interview, then show the summary and the one thing to do now."""
    d = deps(context)
    assert context.user_data is not None
    draft = context.user_data.pop(DRAFT, {})
    assert update.effective_user is not None
    interview = await interviews.finish_debrief(d.ports, update.effective_user.id, draft)
    settings = await settings_for(context, update)
    text, buttons = summary.render(d, interview, user_place(d, settings), draft)
    await reply(update, text, buttons)
    return END


async def ask_open_question(update: Update, context: Context) -> None:
    """Ask again whichever question the draft is waiting for.

    Read from the draft rather than from the dialog state: if a reply was lost to a network
    error, the draft moved on while the state did not, and the draft is what the answer fills.
    """
    step = debrief.next_step(draft_of(context), deps(context).clock())
    await ask(update, context, step or Step.COMPANY)
