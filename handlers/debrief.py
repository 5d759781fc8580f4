"""The "how did it go?" conversation: log an interview one short question at a time.

Each question has inline buttons for the common answers; typed answers always work too. Which
question comes next is decided by followup.debrief from the draft, so known answers are skipped and
a restart resumes at the open question.
"""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from followup import answers, debrief
from followup.debrief import Step
from followup.model import Rating
from followup.store import new_id
from handlers import callback_data as cb
from handlers import summary
from handlers.choose import own_interview
from handlers.common import Button, Context, deps, reply, settle_button, zone_for
from handlers.fallback import unclaimed_button
from handlers.plan import save_and_replan

ACTION = "new"
DRAFT = "debrief"

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


def _draft(context: Context) -> dict[str, Any]:
    assert context.user_data is not None
    return context.user_data.setdefault(DRAFT, {})  # type: ignore[no-any-return]


def _choices(step: Step, draft: dict[str, Any]) -> dict[str, str]:
    if step is Step.EXTRAS and draft.get("outside_hours"):
        return CONTACT_ONLY
    return CHOICES.get(step, {})


def _buttons(context: Context, step: Step, draft: dict[str, Any]) -> list[list[Button]]:
    content = deps(context).content
    items = [(content.label(key), cb.build(ACTION, step, value)) for value, key in
             _choices(step, draft).items()]  # fmt: skip
    width = 2 if len(items) == 4 else 1 if step is Step.DECISION else len(items)
    return [items[i : i + width] for i in range(0, len(items), width)] if items else []


async def start_debrief(update: Update, context: Context) -> str | int:
    """/new, or the button on the welcome: begin a fresh draft."""
    if update.callback_query:
        await settle_button(update)
    assert context.user_data is not None
    context.user_data[DRAFT] = {}
    return await ask_next(update, context)


async def start_check_in(update: Update, context: Context) -> str | int:
    """The check-in nudge's button: debrief that interview, asking only what is missing."""
    d = deps(context)
    query = update.callback_query
    assert query is not None and update.effective_user is not None
    parsed = cb.parse(query.data)
    nudge = d.store.nudge(update.effective_user.id, parsed.arg(1) or "") if parsed else None
    interview = d.store.interview(nudge.user_id, nudge.interview_id) if nudge else None
    if interview is None or interview.debriefed or not interview.is_open:
        await unclaimed_button(update, context)
        return ConversationHandler.END
    await settle_button(update, d.content.label("nudge_buttons.debrief"))
    assert context.user_data is not None
    context.user_data[DRAFT] = debrief.draft_for(interview)
    return await ask_next(update, context)


async def start_next_round(update: Update, context: Context) -> str | int:
    """The "Log the next round" button: same company, role and route; ask only the rest."""
    earlier = own_interview(update, context)
    if earlier is None:
        await unclaimed_button(update, context)
        return ConversationHandler.END
    await settle_button(update)
    assert context.user_data is not None
    context.user_data[DRAFT] = debrief.next_round_draft(earlier)
    return await ask_next(update, context)


async def ask_next(update: Update, context: Context) -> str | int:
    """Ask the first unanswered question, or finish when there is none."""
    d = deps(context)
    draft = _draft(context)
    step = debrief.next_step(draft, d.clock())
    if step is None:
        return await finish(update, context)
    await ask(update, context, step)
    return step


async def ask(update: Update, context: Context, step: Step) -> None:
    """Send the question for `step` with its buttons."""
    d = deps(context)
    draft = _draft(context)
    key = QUESTION_KEYS[step]
    if step is Step.EXTRAS and draft.get("outside_hours"):
        key = "debrief.ask_contact_only"
    await reply(update, d.content.text(key), _buttons(context, step, draft))


async def typed_answer(update: Update, context: Context) -> str | int:
    """A text message while a question is open: read it as the answer to that question."""
    assert update.message is not None and update.message.text is not None
    return await _answer(update, context, update.message.text.strip(), typed=True)


async def button_answer(update: Update, context: Context) -> str | int:
    """A button of the open question: take its value as the answer."""
    query = update.callback_query
    assert query is not None
    parsed = cb.parse(query.data)
    draft = _draft(context)
    step = debrief.next_step(draft, deps(context).clock())
    value = parsed.arg(1) if parsed else None
    if (
        step is None
        or parsed is None
        or parsed.arg(0) != step
        or value not in _choices(step, draft)
    ):
        await unclaimed_button(update, context)
        return step or ConversationHandler.END  # type: ignore[return-value]
    await settle_button(update, deps(context).content.label(_choices(step, draft)[value]))
    return await _answer(update, context, value, typed=False)


async def _answer(update: Update, context: Context, value: str, *, typed: bool) -> str | int:
    d = deps(context)
    draft = _draft(context)
    now = d.clock()
    step = debrief.next_step(draft, now)
    if step is None:
        return await finish(update, context)
    assert update.effective_user is not None
    user_id = update.effective_user.id
    answer = answers.Answer(
        draft,
        value,
        zone_for(context, update),
        now,
        d.timing,
        lambda company: d.store.latest_with_company(user_id, company),
    )
    problem = answers.read(step, answer, typed=typed)
    if problem:
        await reply(update, d.content.text(problem.key, **problem.values))
        if problem.ask_again:
            await ask(update, context, step)
        return step
    return await ask_next(update, context)


async def finish(update: Update, context: Context) -> int:
    """Save the interview, then show the summary and the one thing to do now."""
    d = deps(context)
    assert context.user_data is not None
    draft = context.user_data.pop(DRAFT, {})
    now = d.clock()
    assert update.effective_user is not None
    user_id = update.effective_user.id
    interview_id = draft.get("interview_id") or new_id()
    interview = debrief.to_interview(draft, interview_id, user_id, now)
    existing = d.store.interview(user_id, interview_id)
    if existing is not None:
        interview = debrief.merge_debrief(existing, interview)
    save_and_replan(d, interview)
    await reply(update, summary.render(d, interview, zone_for(context, update), draft))
    return ConversationHandler.END


async def cancel(update: Update, context: Context) -> int:
    """/cancel: drop the draft and leave the conversation."""
    assert context.user_data is not None
    context.user_data.pop(DRAFT, None)
    await reply(update, deps(context).content.text("debrief.cancelled"))
    return ConversationHandler.END


async def remind_question(update: Update, context: Context) -> str | int:
    """Anything else mid-conversation (a sticker, another command): say so and ask again."""
    d = deps(context)
    step = debrief.next_step(_draft(context), d.clock())
    message = update.effective_message
    key = "debrief.busy" if message and message.text else "debrief.non_text"
    await reply(update, d.content.text(key))
    if step is None:
        return await finish(update, context)  # type: ignore[return-value]
    await ask(update, context, step)
    return step


def build_debrief_conversation() -> ConversationHandler:
    """The /new conversation; persistent, so a restart resumes at the open question."""
    text = filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND
    states = {
        step: [
            MessageHandler(text, typed_answer),
            CallbackQueryHandler(button_answer, pattern=cb.pattern(ACTION, step)),
        ]
        for step in Step
    }
    return ConversationHandler(
        entry_points=[
            CommandHandler("new", start_debrief),
            CallbackQueryHandler(start_debrief, pattern=cb.pattern(ACTION, "start")),
            CallbackQueryHandler(start_check_in, pattern=cb.pattern(ACTION, "checkin")),
            CallbackQueryHandler(start_next_round, pattern=cb.pattern(ACTION, "round")),
        ],
        states=states,  # type: ignore[arg-type]
        fallbacks=[
            CommandHandler("cancel", cancel),
            CallbackQueryHandler(unclaimed_button),
            MessageHandler(filters.UpdateType.MESSAGE, remind_question),
        ],
        name="debrief",
        persistent=True,
        allow_reentry=True,
    )
