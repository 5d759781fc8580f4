"""Telegram glue: one module per feature, registered here in an order that matters.

Group 0, first match wins:
  1. conversations (debrief, time zone): while one is open it claims the user's messages;
  2. commands and buttons of single-step features (/start, /help, /status);
  3. fallbacks (stale buttons, stickers, edits, stray text): whatever nobody else claimed.
Group 1: after every update, write changed conversation state to disk, so a crash or restart
resumes at the same question.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, TypeHandler

from handlers.common import Context
from handlers.debrief import build_debrief_conversation
from handlers.errors import report_error
from handlers.fallback import build_fallback_handlers
from handlers.start import build_start_handlers, register_menu
from handlers.status import build_status_handlers
from handlers.timezone import build_timezone_conversation

FEATURES = 0
AFTER_EVERY_UPDATE = 1


async def save_conversation_state(update: Update, context: Context) -> None:
    """Flush what this update changed (only the touched users are written)."""
    await context.application.update_persistence()


def register(application: Application) -> None:  # type: ignore[type-arg]
    """Add every handler in the documented order, and the error handler."""
    application.add_handler(build_debrief_conversation(), FEATURES)
    application.add_handler(build_timezone_conversation(), FEATURES)
    application.add_handlers(build_start_handlers(), FEATURES)
    application.add_handlers(build_status_handlers(), FEATURES)
    application.add_handlers(build_fallback_handlers(), FEATURES)
    application.add_handler(TypeHandler(Update, save_conversation_state), AFTER_EVERY_UPDATE)
    application.add_error_handler(report_error)


__all__ = ["register", "register_menu"]
