"""Replies for what no feature claimed: stickers, edits, old or unknown buttons, stray text."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from handlers import callback_data as cb
from handlers import company_named
from handlers.common import Context, deps, reply


async def edited(update: Update, context: Context) -> None:
    """An edited message: we keep what was first sent, and say so."""
    await reply(update, deps(context).content.text("fallback.edited"))


async def nothing_to_cancel(update: Update, context: Context) -> None:
    """/cancel outside any conversation."""
    await reply(update, deps(context).content.text("debrief.nothing_to_cancel"))


async def not_text(update: Update, context: Context) -> None:
    """Stickers, photos, voice, locations: kindly say only text is understood."""
    await reply(update, deps(context).content.text("fallback.non_text"))


async def unknown_text(update: Update, context: Context) -> None:
    """Text or a command no feature understood: a company's name alone gets what can be done
    about it; anything else, a pointer to what the bot can do."""
    if (
        update.message
        and update.message.text
        and await company_named.company_alone(update, context)
    ):
        return
    await reply(update, deps(context).content.text("fallback.unknown_text"))


async def unclaimed_button(update: Update, context: Context) -> None:
    """A button nothing is waiting for: from an old message, or not one of ours at all."""
    query = update.callback_query
    assert query is not None
    key = "fallback.stale_button" if cb.parse(query.data) else "fallback.unknown_button"
    await query.answer(deps(context).content.label(key))


def build_fallback_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    """Registered last in their group, so every feature gets the first look."""
    return [
        MessageHandler(filters.UpdateType.EDITED, edited),
        CommandHandler("cancel", nothing_to_cancel),
        MessageHandler(filters.UpdateType.MESSAGE & filters.TEXT, unknown_text),
        MessageHandler(filters.UpdateType.MESSAGE, not_text),
        CallbackQueryHandler(unclaimed_button),
    ]
