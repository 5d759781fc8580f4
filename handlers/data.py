"""The user's data: /export (JSON and a calendar file) and /forget (after a confirmation).

The confirmation is a state of the dialog, so /cancel (or starting anything else) withdraws it:
its button then does nothing.
"""

from __future__ import annotations

from telegram import InputFile, Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from followup.core.export import export_calendar, export_json
from followup.core.model import Interview, Nudge
from handlers import callback_data as cb
from handlers import routes
from handlers.common import Context, deps, reply, settle_button
from handlers.dialog import END, Flow
from handlers.fallback import unclaimed_button

ACTION = routes.FORGET
CONFIRM = "forget:confirm"


async def export(update: Update, context: Context) -> None:
    """/export: send the user's own records as documents."""
    d = deps(context)
    user = update.effective_user
    chat = update.effective_chat
    assert user is not None and chat is not None
    interviews = await d.store.interviews(user.id)
    nudges = await d.store.nudges(user.id)
    data = export_json(await d.store.settings(user.id), interviews, nudges)
    await chat.send_document(
        InputFile(data, filename="follow-up-coach.json"),
        caption=d.content.text("data.export_caption"),
    )

    def describe(nudge: Nudge, interview: Interview) -> tuple[str, str]:
        kind = d.content.label(f"nudge_kinds.{nudge.kind.value}")
        title = d.content.label("data.calendar_title").format(kind=kind, company=interview.company)
        about = d.content.label(f"nudge_about.{nudge.kind.value}").format(company=interview.company)
        return title, about

    calendar = export_calendar(interviews, nudges, describe, d.clock())
    if calendar is None:
        await reply(update, d.content.text("data.calendar_empty"))
        return
    await chat.send_document(
        InputFile(calendar, filename="follow-up-coach.ics"),
        caption=d.content.text("data.calendar_caption"),
    )


async def ask_forget(update: Update, context: Context) -> str:
    """/forget: confirm first, with the choice spelled out."""
    content = deps(context).content
    await reply(
        update,
        content.text("data.forget_confirm"),
        [
            [(content.label("data_buttons.forget_yes"), cb.build(ACTION, "yes"))],
            [(content.label("data_buttons.forget_no"), cb.build(ACTION, "no"))],
        ],
    )
    return CONFIRM


async def confirm_forget(update: Update, context: Context) -> int | None:
    """Delete every record of the pressing user and cancel every job of theirs."""
    d = deps(context)
    query = update.callback_query
    user = update.effective_user
    assert query is not None and user is not None
    parsed = cb.parse(query.data)
    if parsed is None or parsed.arg(0) not in ("yes", "no"):
        await unclaimed_button(update, context)
        return None
    await settle_button(update)
    if parsed.arg(0) != "yes":
        await reply(update, d.content.text("data.forget_kept"))
        return END
    # PTB keeps user_data in memory; drop it and flush first, so nothing writes the file back.
    context.application.drop_user_data(user.id)
    await context.application.update_persistence()
    await d.store.forget_user(user.id)
    await reply(update, d.content.text("data.forget_done"))
    return END


async def _reask(update: Update, context: Context) -> None:
    await reply(update, deps(context).content.text("outcome.tap_above"))


def build_forget_flow() -> Flow:
    return Flow(
        entry_points=[CommandHandler("forget", ask_forget)],
        states={CONFIRM: [CallbackQueryHandler(confirm_forget, pattern=cb.pattern(ACTION))]},
        reask={CONFIRM: _reask},
    )


def build_data_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [CommandHandler("export", export)]
