"""/pause and /resume all nudges; and a user who had blocked the bot coming back."""

from __future__ import annotations

from dataclasses import replace

from telegram import Update
from telegram.ext import CommandHandler, TypeHandler

from handlers.common import Context, Deps, deps, reply, settings_for
from handlers.plan import wake_for_user


async def pause(update: Update, context: Context) -> None:
    """/pause: keep every nudge, send none."""
    d = deps(context)
    settings = await settings_for(context, update)
    if settings.paused:
        await reply(update, d.content.text("nudge_reply.already_paused"))
        return
    # Kept pending: the queue passes over a paused user's nudges until /resume.
    await d.store.save_settings(replace(settings, paused=True))
    await reply(update, d.content.text("nudge_reply.paused"))


async def resume(update: Update, context: Context) -> None:
    """/resume: the kept nudges go out again; overdue ones go through the staleness rule."""
    d = deps(context)
    settings = await settings_for(context, update)
    if not settings.paused:
        await reply(update, d.content.text("nudge_reply.not_paused"))
        return
    await d.store.save_settings(replace(settings, paused=False))
    await wake_for_user(d, settings.user_id)
    await reply(update, d.content.text("nudge_reply.resumed"))


async def notice_return(update: Update, context: Context) -> None:
    """Any update from a user who had blocked the bot: they are back, so are their nudges."""
    user = update.effective_user
    if user is None:
        return
    d = deps(context)
    settings = await d.store.settings(user.id)
    if settings is None or not settings.blocked:
        return
    await d.store.save_settings(replace(settings, blocked=False))
    if not settings.paused:
        await wake_for_user(d, user.id)


async def mark_blocked(d: Deps, user_id: int) -> None:
    """The user blocked the bot: keep their nudges, send none until they write again."""
    settings = await d.store.settings(user_id)
    if settings is not None and not settings.blocked:
        await d.store.save_settings(replace(settings, blocked=True))


def build_pause_handlers() -> list[CommandHandler]:  # type: ignore[type-arg]
    return [CommandHandler("pause", pause), CommandHandler("resume", resume)]


def build_return_handler() -> TypeHandler:  # type: ignore[type-arg]
    return TypeHandler(Update, notice_return)
