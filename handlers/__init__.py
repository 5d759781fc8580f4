"""Telegram glue: one module per feature, registered here in an order that matters.

Group -2: the allow-list, when one is set: nobody else gets further, and nothing is stored.
Group -1: notice a user who had blocked the bot writing again (their nudges resume).
Group 0, first match wins:
  1. conversations (debrief, time zone, outcome): while one is open it claims the user's
     messages; the outcome one also starts on typed news ("they called");
  2. single-step features (/start, /help, /status, nudge buttons, "should I chase?", /pause);
  3. fallbacks (stale buttons, stickers, edits, stray text): whatever nobody else claimed.
Group 1: after every update, write changed conversation state to disk, so a crash or restart
resumes at the same question.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import Application, TypeHandler

from followup import timeparse, zones
from followup.persistence import flush_changes
from handlers.access import build_access_guard
from handlers.chase import build_chase_handlers
from handlers.common import Context, Deps
from handlers.data import build_data_handlers
from handlers.debrief import build_debrief_conversation
from handlers.errors import report_error
from handlers.fallback import build_fallback_handlers
from handlers.nudges import build_nudge_handlers, send_due_nudge
from handlers.outcome import build_outcome_conversation
from handlers.pause import build_pause_handlers, build_return_handler
from handlers.plan import rearm_everyone
from handlers.start import build_start_handlers, register_menu
from handlers.status import build_status_handlers
from handlers.timezone import build_timezone_conversation

log = logging.getLogger(__name__)
ACCESS = -2
BEFORE_FEATURES = -1
FEATURES = 0
AFTER_EVERY_UPDATE = 1


async def save_conversation_state(update: Update, context: Context) -> None:
    """Flush what this update changed: each touched user's file is written once."""
    await flush_changes(context.application)


async def start_up(application: Application) -> None:  # type: ignore[type-arg]
    """After connecting: publish the command menu, then arm every pending nudge from the store."""
    await register_menu(application)
    armed = rearm_everyone(application.bot_data["deps"])
    log.info("armed %d pending nudges", armed)
    # Before polling starts: done later, this work would stall the first replies (about 1 s
    # to index city names, 0.2 s for dateparser's first parse).
    zones.warm_up()
    timeparse.warm_up()


def register(
    application: Application,  # type: ignore[type-arg]
    deps: Deps,
    allowed_users: frozenset[int] | None = None,
) -> None:
    """Add every handler in the documented order, and the error handler."""
    guard = build_access_guard(allowed_users)
    if guard is not None:
        application.add_handler(guard, ACCESS)
    application.add_handler(build_return_handler(), BEFORE_FEATURES)
    application.add_handler(build_debrief_conversation(), FEATURES)
    application.add_handler(build_timezone_conversation(), FEATURES)
    application.add_handler(build_outcome_conversation(deps.phrases), FEATURES)
    application.add_handlers(build_start_handlers(), FEATURES)
    application.add_handlers(build_status_handlers(), FEATURES)
    application.add_handlers(build_nudge_handlers(), FEATURES)
    application.add_handlers(build_chase_handlers(deps.phrases), FEATURES)
    application.add_handlers(build_pause_handlers(), FEATURES)
    application.add_handlers(build_data_handlers(), FEATURES)
    application.add_handlers(build_fallback_handlers(), FEATURES)
    application.add_handler(TypeHandler(Update, save_conversation_state), AFTER_EVERY_UPDATE)
    application.add_error_handler(report_error)


__all__ = ["register", "send_due_nudge", "start_up"]
