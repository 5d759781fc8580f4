"""The user's own follow-up tip: asked for by the tip nudge's button, kept with their data."""

from __future__ import annotations

from telegram import Update

from followup.services import settings as user_settings
from handlers.common import Context, deps, reply, settings_for, settle_button
from handlers.dialog import END

ASK_TIP = "outcome:tip"
TIP_LIMIT = 1000


async def start_tip(update: Update, context: Context) -> str | int | None:
    """The tip nudge's "Share a tip" button: the next message is their tip."""
    await settle_button(update)
    await reply(update, deps(context).content.text("outcome.ask_tip"))
    return ASK_TIP


async def save_tip(update: Update, context: Context) -> str | int:
    """Keep the user's own follow-up tip with their data (and say so truthfully)."""
    d = deps(context)
    assert update.message is not None and update.message.text is not None
    tip = update.message.text.strip()
    if not tip or len(tip) > TIP_LIMIT:
        await reply(update, d.content.text("outcome.tip_bad", limit=TIP_LIMIT))
        return ASK_TIP
    settings = await settings_for(context, update)
    await user_settings.add_tip(d.ports, settings, tip)
    await reply(update, d.content.text("outcome.tip_saved"))
    return END


async def reask_tip(update: Update, context: Context) -> None:
    await reply(update, deps(context).content.text("outcome.ask_tip"))
