"""The error handler: log the failure with its context first, then tell the user in one line."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import Forbidden, NetworkError

from handlers.common import Context, deps
from handlers.pause import mark_blocked

log = logging.getLogger(__name__)


async def report_error(update: object, context: Context) -> None:
    """Log what failed and for whom; tell the user their data is safe, if we can reach them."""
    error = context.error
    user_id = (
        update.effective_user.id if isinstance(update, Update) and update.effective_user else None
    )
    update_id = update.update_id if isinstance(update, Update) else None
    if isinstance(error, Forbidden):
        # They blocked the bot while it was answering: not our fault, and nobody to tell.
        log.info("user %s blocked the bot; pausing their nudges", user_id)
        if user_id is not None:
            await mark_blocked(deps(context), user_id)
        return
    if isinstance(error, NetworkError):
        # Telegram or the network hiccuped; PTB retries polling by itself.
        log.warning("network error (update %s, user %s): %s", update_id, user_id, error)
        return
    log.error("error handling update %s for user %s", update_id, user_id, exc_info=error)
    if isinstance(update, Update) and update.effective_chat:
        try:
            await update.effective_chat.send_message(deps(context).content.text("fallback.error"))
        except Exception:  # the report itself must never raise
            log.warning("could not tell user %s about the error", user_id)
