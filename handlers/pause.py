"""/pause and /resume all nudges; and a user who blocked the bot (handlers/language.py notices
them come back)."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CommandHandler

from followup.services import settings as user_settings
from handlers.common import Context, Deps, deps, reply, settings_for


async def pause(update: Update, context: Context) -> None:
    """/pause: keep every nudge, send none."""
    d = deps(context)
    settings = await settings_for(context, update)
    if not await user_settings.pause(d.ports, settings):
        await reply(update, d.content.text("nudge_reply.already_paused"))
        return
    await reply(update, d.content.text("nudge_reply.paused"))


async def resume(update: Update, context: Context) -> None:
    """/resume: the kept nudges go out again; overdue ones go through the staleness rule."""
    d = deps(context)
    settings = await settings_for(context, update)
    if not await user_settings.resume(d.ports, settings):
        await reply(update, d.content.text("nudge_reply.not_paused"))
        return
    await reply(update, d.content.text("nudge_reply.resumed"))


async def mark_blocked(d: Deps, user_id: int) -> None:
    """The user blocked the bot: keep their nudges, send none until they write again."""
    await user_settings.mark_blocked(d.ports, user_id)


def build_pause_handlers() -> list[CommandHandler]:  # type: ignore[type-arg]
    return [CommandHandler("pause", pause), CommandHandler("resume", resume)]
