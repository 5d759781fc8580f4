"""The optional allow-list: only listed Telegram users may use the bot; others get one refusal."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ApplicationHandlerStop, TypeHandler

from handlers.common import Context, deps


def build_access_guard(allowed: frozenset[int] | None) -> TypeHandler | None:  # type: ignore[type-arg]
    """A first-in-line handler that stops updates from users not on the list (None: no list)."""
    if allowed is None:
        return None
    refused: set[int] = set()  # in memory only: nothing is stored about strangers

    async def guard(update: Update, context: Context) -> None:
        """Let listed users through; answer anyone else once, then ignore them."""
        user = update.effective_user
        if user is not None and user.id in allowed:
            return
        if user is not None and user.id not in refused and update.effective_chat is not None:
            refused.add(user.id)
            await update.effective_chat.send_message(deps(context).content.text("fallback.refused"))
        elif update.callback_query is not None:
            await update.callback_query.answer()
        raise ApplicationHandlerStop

    return TypeHandler(Update, guard)
