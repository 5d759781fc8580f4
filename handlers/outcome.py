"""Hearing back: which interview, what they said, the advice that fits, and the user's own tip.

Opened by /heard, by news typed in free text ("they called", "I got the job"), or by the
"I heard back" button on a nudge or a verdict.
"""

from __future__ import annotations

from dataclasses import replace
from zoneinfo import ZoneInfo

from telegram import Update
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from followup.intent import Phrasebook, reports_news
from followup.model import Interview, Outcome
from handlers import callback_data as cb
from handlers.choose import TextMatches, meant, own_interview, what_they_said, which_buttons
from handlers.common import Context, deps, reply, settings_for, settle_button
from handlers.fallback import unclaimed_button
from handlers.plan import save_and_replan

ACTION = "outcome"
PICK_INTERVIEW, PICK_OUTCOME, ASK_TIP = "pick_interview", "pick_outcome", "ask_tip"
TIP_LIMIT = 1000
CHOICES = (Outcome.OFFER, Outcome.NEXT_ROUND, Outcome.REJECTED, Outcome.WITHDREW, Outcome.OTHER)


async def heard(update: Update, context: Context) -> str | int:
    """/heard or typed news: find the interview meant, or ask which."""
    d = deps(context)
    settings = settings_for(context, update)
    interviews = d.store.open_interviews(settings.user_id)
    if not interviews:
        await reply(update, d.content.text("outcome.none_open"))
        return ConversationHandler.END
    interview = meant(interviews, what_they_said(update, context))
    if interview is not None:
        return await ask_outcome(update, context, interview)
    buttons = which_buttons(interviews, ZoneInfo(settings.timezone), d.clock(), ACTION, "pick")
    await reply(update, d.content.text("outcome.which"), buttons)
    return PICK_INTERVIEW


async def pick_interview(update: Update, context: Context) -> str | int:
    """A button naming one of the user's own open interviews."""
    interview = own_interview(update, context)
    if interview is None or not interview.is_open:
        await unclaimed_button(update, context)
        return ConversationHandler.END
    await settle_button(update)
    return await ask_outcome(update, context, interview)


async def ask_outcome(update: Update, context: Context, interview: Interview) -> str:
    d = deps(context)
    buttons = [
        [(d.content.label(f"outcome_buttons.{o.value}"), cb.build(ACTION, "set", interview.id, o))]
        for o in CHOICES
    ]
    await reply(update, d.content.text("outcome.ask", company=interview.company), buttons)
    return PICK_OUTCOME


async def record_outcome(update: Update, context: Context) -> str | int:
    """Save what they said, stop the interview's nudges, and give the advice for it."""
    d = deps(context)
    interview = own_interview(update, context)
    parsed = cb.parse(update.callback_query.data if update.callback_query else None)
    value = parsed.arg(2) if parsed else None
    if interview is None or value not in {o.value for o in CHOICES} or not interview.is_open:
        await unclaimed_button(update, context)
        return ConversationHandler.END
    await settle_button(update)
    outcome = Outcome(value)
    save_and_replan(d, replace(interview, outcome=outcome, heard_back=d.clock()))
    text = d.content.text(f"outcome.{outcome.value}", company=interview.company)
    if outcome is Outcome.NEXT_ROUND:
        button = (
            d.content.label("outcome_buttons.log_round"),
            cb.build("new", "round", interview.id),
        )
        await reply(update, text, [[button]])
        return ConversationHandler.END
    await reply(update, text)
    skip = (d.content.label("outcome_buttons.skip"), cb.build(ACTION, "tip", "skip"))
    await reply(update, d.content.text("outcome.ask_tip"), [[skip]])
    return ASK_TIP


async def save_tip(update: Update, context: Context) -> str | int:
    """Keep the user's own follow-up tip (the end of an interview's story)."""
    d = deps(context)
    assert update.message is not None and update.message.text is not None
    tip = update.message.text.strip()
    if not tip or len(tip) > TIP_LIMIT:
        await reply(update, d.content.text("outcome.tip_bad", limit=TIP_LIMIT))
        return ASK_TIP
    settings = settings_for(context, update)
    d.store.save_settings(replace(settings, tips=(*settings.tips, tip)))
    await reply(update, d.content.text("outcome.tip_saved"))
    return ConversationHandler.END


async def skip_tip(update: Update, context: Context) -> int:
    await settle_button(update)
    await reply(update, deps(context).content.text("outcome.tip_skipped"))
    return ConversationHandler.END


async def cancel(update: Update, context: Context) -> int:
    await reply(update, deps(context).content.text("outcome.cancelled"))
    return ConversationHandler.END


def build_outcome_conversation(book: Phrasebook) -> ConversationHandler:  # type: ignore[type-arg]
    text = filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND
    pick: BaseHandler = CallbackQueryHandler(pick_interview, pattern=cb.pattern(ACTION, "pick"))  # type: ignore[type-arg]
    return ConversationHandler(
        entry_points=[
            CommandHandler("heard", heard),
            MessageHandler(
                text & TextMatches("reports_news", lambda t: reports_news(t, book)), heard
            ),
            pick,
        ],
        states={
            PICK_INTERVIEW: [pick],
            PICK_OUTCOME: [CallbackQueryHandler(record_outcome, pattern=cb.pattern(ACTION, "set"))],
            ASK_TIP: [
                MessageHandler(text, save_tip),
                CallbackQueryHandler(skip_tip, pattern=cb.pattern(ACTION, "tip", "skip")),
            ],
        },
        fallbacks=[CommandHandler("cancel", cancel), CallbackQueryHandler(unclaimed_button)],
        name="outcome",
        persistent=True,
        allow_reentry=True,
    )
