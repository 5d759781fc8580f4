"""Hearing back: which interview, what they said, and the conversation that asks it.

Opened by /heard, by news typed in free text ("I got the job!" is an offer, no question asked), or
by the "I heard back" button on a nudge or a verdict. "Other" asks what happened
(handlers/outcome_other.py); only "close it" closes the interview, and a closed one can be
reopened. The tip nudge's "Share a tip" (handlers/user_tip.py) and an offer's deadline
(handlers/offer_deadline.py) are questions of this conversation too.
"""

from __future__ import annotations

from collections.abc import Callable

from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters

from followup.core.intent import Phrasebook, Topic, news_outcome, understand
from followup.core.model import Interview, Outcome
from handlers import callback_data as cb
from handlers import routes
from handlers.choose import TextMatches, find_meant, own_interview, what_they_said, which_buttons
from handlers.common import Context, Deps, deps, reply, settings_for, settle_button, user_place
from handlers.dialog import END, Flow
from handlers.fallback import unclaimed_button
from handlers.offer_deadline import (
    ANSWER_BY,
    answer_by_button,
    answered_button,
    reask_answer_by,
    typed_answer_by,
)
from handlers.outcome_other import (
    KEEP_OR_CLOSE,
    NEW_DATE,
    WHAT_HAPPENED,
    ask_what_happened,
    keep_or_close,
    new_date_button,
    reask_date,
    typed_new_date,
    what_button,
)
from handlers.outcome_record import record
from handlers.user_tip import ASK_TIP, reask_tip, save_tip, start_tip

ACTION = routes.OUTCOME
PICK_INTERVIEW, PICK_OUTCOME = "outcome:pick_interview", "outcome:pick_outcome"
CHOICES = (Outcome.OFFER, Outcome.NEXT_ROUND, Outcome.REJECTED, Outcome.WITHDREW, Outcome.OTHER)
SAID = "outcome_said"  # user_data: the outcome their words named, while we ask which interview


async def heard(update: Update, context: Context) -> str | int | None:
    """/heard or typed news: find the interview meant, or ask which."""
    d = deps(context)
    settings = await settings_for(context, update)
    text = what_they_said(update, context)
    said = news_outcome(text, d.phrases)
    found = await find_meant(d, settings.user_id, text)
    interview = found.interview
    if interview is not None and not interview.is_open:
        await _already_closed(update, d, interview)
        return END
    if interview is not None:
        return await _with_interview(update, context, interview, said)
    if not found.open:
        key = "choose.unknown_none" if found.unknown_name else "outcome.none_open"
        await reply(update, d.content.text(key, name=found.unknown_name or ""))
        return END
    assert context.user_data is not None
    context.user_data[SAID] = said.value if said else None
    place = user_place(d, settings)
    buttons = which_buttons(found.open, place.zone, d.clock(), ACTION, "pick")
    key = "choose.unknown" if found.unknown_name else "outcome.which"
    names = ", ".join(i.company for i in found.open[:5])
    await reply(update, d.content.text(key, name=found.unknown_name or "", names=names), buttons)
    return PICK_INTERVIEW


async def _already_closed(update: Update, d: Deps, interview: Interview) -> None:
    outcome = d.content.label(f"outcome_names.{(interview.outcome or Outcome.OTHER).value}")
    reopen = (d.content.label("chase_buttons.reopen"), routes.chase_act("reopen", interview.id))
    text = d.content.text("outcome.already", company=interview.company, outcome=outcome)
    await reply(update, text, [[reopen]])


async def _with_interview(
    update: Update, context: Context, interview: Interview, said: Outcome | None
) -> str | int:
    """The words named the outcome: record it (an offer is congratulated first); else ask."""
    if said is not None and said in CHOICES and said is not Outcome.OTHER:
        return await record(update, context, interview, said)
    return await ask_outcome(update, context, interview)


async def pick_interview(update: Update, context: Context) -> str | int | None:
    """A button naming one of the user's own open interviews."""
    interview = await own_interview(update, context)
    if interview is None or not interview.is_open:
        await unclaimed_button(update, context)
        return None
    await settle_button(update)
    assert context.user_data is not None
    said = context.user_data.pop(SAID, None)
    return await _with_interview(update, context, interview, Outcome(said) if said else None)


async def ask_outcome(update: Update, context: Context, interview: Interview) -> str:
    d = deps(context)
    buttons = [
        [(d.content.label(f"outcome_buttons.{o.value}"), cb.build(ACTION, "set", interview.id, o))]
        for o in CHOICES
    ]
    await reply(update, d.content.text("outcome.ask", company=interview.company), buttons)
    return PICK_OUTCOME


async def outcome_button(update: Update, context: Context) -> str | int | None:
    """One of the outcome buttons, for one of the user's own open interviews."""
    interview = await own_interview(update, context)
    parsed = cb.parse(update.callback_query.data if update.callback_query else None)
    value = parsed.arg(2) if parsed else None
    if interview is None or value not in {o.value for o in CHOICES} or not interview.is_open:
        await unclaimed_button(update, context)
        return None
    await settle_button(update)
    if value == Outcome.OTHER.value:
        return await ask_what_happened(update, context, interview)
    return await record(update, context, interview, Outcome(value))


async def _reask_buttons(update: Update, context: Context) -> None:
    await reply(update, deps(context).content.text("outcome.tap_above"))


def build_outcome_flow(book: Callable[[], Phrasebook]) -> Flow:  # type: ignore[type-arg]
    text = filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND
    news = TextMatches("reports_news", lambda t: understand(t, book()) is Topic.NEWS)
    pick = CallbackQueryHandler(pick_interview, pattern=cb.pattern(ACTION, "pick"))
    return Flow(
        entry_points=[
            CommandHandler("heard", heard),
            pick,
            CallbackQueryHandler(start_tip, pattern=cb.pattern(ACTION, "tip")),
            CallbackQueryHandler(answered_button, pattern=cb.pattern(ACTION, "answered")),
        ],
        idle_only=[MessageHandler(text & news, heard)],
        states={
            PICK_INTERVIEW: [pick],
            PICK_OUTCOME: [CallbackQueryHandler(outcome_button, pattern=cb.pattern(ACTION, "set"))],
            WHAT_HAPPENED: [CallbackQueryHandler(what_button, pattern=cb.pattern(ACTION, "what"))],
            NEW_DATE: [
                MessageHandler(text, typed_new_date),
                CallbackQueryHandler(new_date_button, pattern=cb.pattern(ACTION, "date")),
            ],
            KEEP_OR_CLOSE: [
                CallbackQueryHandler(keep_or_close, pattern=cb.pattern(ACTION, "keep")),
                CallbackQueryHandler(keep_or_close, pattern=cb.pattern(ACTION, "close")),
            ],
            ASK_TIP: [MessageHandler(text, save_tip)],
            ANSWER_BY: [
                MessageHandler(text, typed_answer_by),
                CallbackQueryHandler(answer_by_button, pattern=cb.pattern(ACTION, "due")),
            ],
        },
        reask={
            PICK_INTERVIEW: _reask_buttons,
            PICK_OUTCOME: _reask_buttons,
            WHAT_HAPPENED: _reask_buttons,
            KEEP_OR_CLOSE: _reask_buttons,
            NEW_DATE: reask_date,
            ASK_TIP: reask_tip,
            ANSWER_BY: reask_answer_by,
        },
    )
