"""The welcome's last step: "Shall we log an interview?", after /start or once the zone is set.

Its own module because both /start and the time zone flow end with it.
"""

from __future__ import annotations

from telegram import Update

from handlers import routes
from handlers.common import Context, deps, reply, settle_button

# In user_data: came from /start, so offer to log an interview once the zone is settled.
THEN_OFFER = "zone_then_offer"
# In user_data: "Shall we log an interview?" is the last question asked, so "yes" answers it.
OFFERED = "offer_open"


async def offer(update: Update, context: Context) -> None:
    """ "Shall we log an interview?" with the two buttons."""
    content = deps(context).content
    if context.user_data is not None:
        context.user_data[OFFERED] = True
    await reply(
        update,
        content.text("start.offer"),
        [
            [
                (content.label("buttons.log_interview"), routes.log_interview()),
                (content.label("buttons.not_now"), routes.not_now()),
            ]
        ],
    )


async def later(update: Update, context: Context) -> None:
    """The "Not now" button (or a typed no): leave the door open."""
    if context.user_data is not None:
        context.user_data.pop(OFFERED, None)
    await settle_button(update, deps(context).content.label("buttons.not_now"))
    await reply(update, deps(context).content.text("start.later"))
