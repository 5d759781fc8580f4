"""Draft buttons: how to sign asked once, then the draft the button names; the drafting flow.

Every draft button (on a verdict, a nudge, a summary or an answer) comes here. The first time,
the user is asked how to sign their emails (handlers/signature.py); each kind of draft is written
in handlers/draft_kinds.py and shown ready to copy by handlers/draft_view.py: subject and body as
separate copy blocks, signed, with the log button under them.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters

from followup.core.model import Interview, Outcome
from handlers import callback_data as cb
from handlers import routes
from handlers.common import Context, Deps, deps, settings_for
from handlers.counter_offer import COUNTER_FIGURE, build_counter_states, reask_figure
from handlers.dialog import Flow, detour_to
from handlers.draft_kinds import SHOW
from handlers.signature import PENDING, SIGN, ask_name, first_name_button, start_name, typed_name

ACTION = routes.DRAFT


async def draft_button(update: Update, context: Context) -> str | int | None:
    """A draft button: ask for the signature once, else show the draft asked for."""
    d = deps(context)
    query = update.callback_query
    assert query is not None and update.effective_user is not None
    parsed = cb.parse(query.data)
    interview = await _own(d, update.effective_user.id, parsed.arg(1) if parsed else None)
    if parsed is None or interview is None or parsed.arg(0) not in SHOW:
        await query.answer(d.content.label("fallback.unknown_button"))
        return None
    await query.answer()
    settings = await settings_for(context, update)
    if settings.sender_name is None and parsed.arg(0) != "notes":
        assert context.user_data is not None
        context.user_data[PENDING] = query.data
        await ask_name(update, context)
        return detour_to(context, SIGN)
    # A draft that needs one more answer (a counter-offer's figure) asks it, then comes back.
    shown = await SHOW[parsed.arg(0) or ""](update, context, interview, parsed.args[2:])
    return detour_to(context, shown) if shown == COUNTER_FIGURE else shown


async def _own(d: Deps, user_id: int, interview_id: str | None) -> Interview | None:
    return await d.store.interview(user_id, interview_id or "")


def draft_callback(kind: str, interview: Interview) -> str:
    """The payload of a button that shows a draft of `kind` for the interview."""
    return cb.build(ACTION, kind, interview.id)


def outcome_draft_kind(outcome: Outcome | None) -> str | None:
    """The draft that fits an outcome, if one does."""
    return {Outcome.REJECTED: "reject", Outcome.OFFER: "offer"}.get(outcome)  # type: ignore[arg-type]


def build_drafting_flow() -> Flow:
    text = filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND
    return Flow(
        entry_points=[
            CallbackQueryHandler(draft_button, pattern=cb.pattern(ACTION)),
            CommandHandler("name", start_name),
        ],
        states={
            SIGN: [
                MessageHandler(text, typed_name),
                CallbackQueryHandler(first_name_button, pattern=cb.pattern(routes.SIGN, "first")),
            ],
            **build_counter_states(),
        },
        reask={SIGN: ask_name, COUNTER_FIGURE: reask_figure},
    )


__all__ = ["build_drafting_flow", "draft_callback"]
