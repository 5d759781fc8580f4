"""/timezone: set the user's zone from a zone name, a city, or the time on their clock."""

from __future__ import annotations

from dataclasses import replace
from zoneinfo import ZoneInfo

from telegram import Update
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from followup.formatting import clock_time
from followup.zones import resolve_zone
from handlers import callback_data as cb
from handlers.common import Context, deps, reply, settings_for, settle_button
from handlers.fallback import unclaimed_button
from handlers.plan import replan_user

ASK_ZONE, PICK_ZONE = "ask_zone", "pick_zone"
ACTION = "tz"
CHOICES = "zone_choices"


async def ask_zone(update: Update, context: Context) -> str | int:
    """/timezone [answer]: read the answer if given, else ask where the user is."""
    if context.args:
        return await read_zone(update, context, " ".join(context.args))
    zone = settings_for(context, update).timezone
    await reply(update, deps(context).content.text("timezone.ask", zone=zone))
    return ASK_ZONE


async def typed_zone(update: Update, context: Context) -> str | int:
    """A typed answer to "where are you?"."""
    assert update.message is not None and update.message.text is not None
    return await read_zone(update, context, update.message.text)


async def read_zone(update: Update, context: Context, text: str) -> str | int:
    """Match the answer to zones: save a single match, offer buttons for several."""
    d = deps(context)
    matches = resolve_zone(text, d.clock())
    if not matches:
        await reply(update, d.content.text("timezone.bad", answer=text.strip()))
        return ASK_ZONE
    if len(matches) == 1:
        return await save_zone(update, context, matches[0].name)
    assert context.user_data is not None
    context.user_data[CHOICES] = [m.name for m in matches]
    buttons = [[(m.label, cb.build(ACTION, "pick", i))] for i, m in enumerate(matches)]
    await reply(update, d.content.text("timezone.choose"), buttons)
    return PICK_ZONE


async def pick_zone(update: Update, context: Context) -> str | int:
    """A button from the list of matching zones."""
    assert update.callback_query is not None and context.user_data is not None
    parsed = cb.parse(update.callback_query.data)
    choices: list[str] = context.user_data.get(CHOICES, [])
    index = parsed.arg(1) if parsed else None
    if index is None or not index.isdigit() or int(index) >= len(choices):
        await update.callback_query.answer(deps(context).content.label("fallback.stale_button"))
        return PICK_ZONE
    name = choices[int(index)]
    await settle_button(update, name)
    return await save_zone(update, context, name)


async def save_zone(update: Update, context: Context, name: str) -> int:
    """Store the zone and show it back with the local time, so a wrong pick is obvious."""
    d = deps(context)
    settings = settings_for(context, update)
    d.store.save_settings(replace(settings, timezone=name))
    if name != settings.timezone:
        replan_user(d, settings.user_id)  # "10:00" now means 10:00 where they are
    if context.user_data is not None:
        context.user_data.pop(CHOICES, None)
    local_time = clock_time(d.clock(), ZoneInfo(name))
    await reply(update, d.content.text("timezone.saved", zone=name, local_time=local_time))
    return ConversationHandler.END


async def cancel(update: Update, context: Context) -> int:
    """/cancel while choosing a zone: keep the old one."""
    if context.user_data is not None:
        context.user_data.pop(CHOICES, None)
    await reply(update, deps(context).content.text("debrief.cancelled"))
    return ConversationHandler.END


async def remind(update: Update, context: Context) -> None:
    """Anything else while asking: explain what is expected, keep waiting."""
    zone = settings_for(context, update).timezone
    await reply(update, deps(context).content.text("timezone.ask", zone=zone))


def build_timezone_conversation() -> ConversationHandler:  # type: ignore[type-arg]
    text = filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND
    return ConversationHandler(
        entry_points=[CommandHandler("timezone", ask_zone)],
        states={
            ASK_ZONE: [MessageHandler(text, typed_zone)],
            PICK_ZONE: [
                CallbackQueryHandler(pick_zone, pattern=cb.pattern(ACTION, "pick")),
                MessageHandler(text, typed_zone),
            ],
        },
        fallbacks=[
            CommandHandler("cancel", cancel),
            CallbackQueryHandler(unclaimed_button),
            MessageHandler(filters.UpdateType.MESSAGE, remind),
        ],
        name="timezone",
        persistent=True,
        allow_reentry=True,
    )
