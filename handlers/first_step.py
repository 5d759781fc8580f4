"""The welcome's last step: "Shall we log an interview?", after /start or once the zone is set.

Its own module because both /start and the time zone flow end with it.
"""

from __future__ import annotations

from telegram import Update

from handlers import routes
from handlers.common import Context, deps, reply, settle_button

# In user_data: came from /start, so offer to log an interview once the zone is settled.
THEN_OFFER = "zone_then_offer"


async def offer(update: Update, context: Context) -> None:
    """ "Shall we log an interview?" with the two buttons."""
    content = deps(context).content
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
    """The "Not now" button: leave the door open."""
    await settle_button(update, deps(context).content.label("buttons.not_now"))
    await reply(update, deps(context).content.text("start.later"))
