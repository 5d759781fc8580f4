"""Telegram glue: one module per feature, registered here in an order that matters.

Group -2: the allow-list, when one is set: nobody else gets further, and nothing is stored.
Group -1: notice a user who had blocked the bot writing again (their nudges resume).
Group 0, first match wins:
  1. the dialog (handlers/dialog.py): one conversation holding every multi-step flow (/start's
     first steps, the debrief, the time zone, hearing back, corrections, /forget, signing drafts).
     While a question is open it claims the user's messages; commands like /help or /status are
     answered and the question asked again, and so is news told in passing (handlers/news.py);
     buttons of other features pass through to them. When idle, it also takes typed news ("I
     got the job!", "sent the follow-up yesterday") and a typed yes to "Shall we log one?";
  2. single-step features (/help, /status, nudge and verdict buttons, typed questions such as
     "should I chase them yet?", /pause, /export);
  3. fallbacks (stale buttons, stickers, edits, stray text): whatever nobody else claimed.
Group 1: after every update, write changed conversation state to disk, so a crash or restart
resumes at the same question.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import Application, TypeHandler

from followup.core import timeparse
from followup.core.language import ENGLISH
from followup.core.phrase_lists import spoken_phrasebook
from followup.ops.monitoring import ROUTES_KEY
from followup.store.persistence import flush_changes
from handlers import debrief_answers, fallback
from handlers.access import build_access_guard
from handlers.board import build_board_handlers, deliver, show_board
from handlers.calendar_feed import build_calendar_handlers, feed_routes, show_calendar
from handlers.chase import build_chase_handlers, chase_question
from handlers.common import Context, Deps
from handlers.data import build_data_handlers, build_forget_flow, export
from handlers.debrief import build_debrief_flow
from handlers.dialog import build_dialog
from handlers.drafting import build_drafting_flow
from handlers.edit import build_edit_flow
from handlers.errors import report_error
from handlers.fallback import build_fallback_handlers, unclaimed_button
from handlers.invitation import build_invitation_flow, build_invitation_handlers
from handlers.language import build_language_handlers, build_language_hook, choose_language
from handlers.news import HOOK as NEWS_HOOK
from handlers.news import build_news_flow, build_news_handlers, mid_question
from handlers.nudges import build_nudge_handlers
from handlers.outcome import build_outcome_flow
from handlers.pause import build_pause_handlers, pause, resume
from handlers.questions import build_question_handlers
from handlers.start import build_start_flow, build_start_handlers, register_menu, show_help
from handlers.status import build_status_handlers, show_status
from handlers.timezone import build_timezone_flow

log = logging.getLogger(__name__)
ACCESS = -2
# The user's settings read once: their language for every later handler (filters too), and a
# user who had blocked the bot welcomed back.
LANGUAGE = -1
FEATURES = 0
AFTER_EVERY_UPDATE = 1


async def save_conversation_state(update: Update, context: Context) -> None:
    """Flush what this update changed: each touched user's file is written once."""
    await flush_changes(context.application)


async def start_up(application: Application) -> None:  # type: ignore[type-arg]
    """After connecting: publish the command menu, then start sending nudges from the queue."""
    await register_menu(application)
    deps: Deps = application.bot_data["deps"]
    # This replica is the only active one now: claims left by one that stopped are ours to send.
    dropped = await deps.store.drop_claims()
    log.info("%d nudges waiting to be sent (%d claims taken over)",
             await deps.store.pending_count(), dropped)  # fmt: skip
    deps.dispatcher.start()
    # Before polling starts: done later, this work would stall the first replies (about 1 s
    # to index city names, 0.2 s for dateparser's first parse).
    deps.zones.warm_up()
    # English and the default language before polling; the others a moment after, one per second,
    # so start-up does not wait for languages no user may write in for a while.
    first = dict.fromkeys((ENGLISH, deps.default_language))
    timeparse.warm_up(tuple(first))
    later = [code for code in deps.library.languages if code not in first]
    if application.job_queue is not None:
        for n, code in enumerate(later, start=1):
            application.job_queue.run_once(_warm_language, n, data=code, name=f"warm:{code}")


async def _warm_language(context: Context) -> None:
    """Load one more language's date reading (about 50 ms), between replies."""
    assert context.job is not None
    timeparse.warm_up((str(context.job.data),))


async def edited_message(update: Update, context: Context) -> None:
    """An edited message mid-question: applied to the debrief answer it changed, if it was one."""
    if not await debrief_answers.edited_answer(update, context):
        await fallback.edited(update, context)


def register(
    application: Application,  # type: ignore[type-arg]
    deps: Deps,
    allowed_users: frozenset[int] | None = None,
) -> None:
    """Add every handler in the documented order, and the error handler."""
    guard = build_access_guard(allowed_users)
    if guard is not None:
        application.add_handler(guard, ACCESS)
    application.add_handler(build_language_hook(), LANGUAGE)
    flows = [
        build_start_flow(),
        build_debrief_flow(spoken_phrasebook),
        build_timezone_flow(),
        build_news_flow(spoken_phrasebook),  # before hearing back's own: news read in full first
        build_outcome_flow(spoken_phrasebook),
        build_edit_flow(),
        build_forget_flow(),
        build_drafting_flow(),
        build_invitation_flow(),
    ]
    asides = {
        "help": show_help,
        "status": show_status,
        "chase": chase_question,
        "pause": pause,
        "resume": resume,
        "export": export,
        "language": choose_language,
        "calendar": show_calendar,
        "board": show_board,
    }
    application.bot_data[NEWS_HOOK] = mid_question
    dialog = build_dialog(flows, asides, edited_message, unclaimed_button, application.bot_data)
    # Invitations pasted or sent as files are read whatever question is open (it stays open).
    application.add_handlers(build_invitation_handlers(application), FEATURES)
    application.add_handler(dialog, FEATURES)
    application.add_handlers(build_start_handlers(), FEATURES)
    application.add_handlers(build_status_handlers(), FEATURES)
    application.add_handlers(build_board_handlers(), FEATURES)
    application.add_handlers(build_nudge_handlers(), FEATURES)
    application.add_handlers(build_chase_handlers(), FEATURES)
    application.add_handlers(build_news_handlers(), FEATURES)
    application.add_handlers(build_question_handlers(spoken_phrasebook), FEATURES)
    application.add_handlers(build_pause_handlers(), FEATURES)
    application.add_handlers(build_language_handlers(), FEATURES)
    application.add_handlers(build_data_handlers(), FEATURES)
    application.add_handlers(build_calendar_handlers(), FEATURES)
    application.bot_data[ROUTES_KEY] = feed_routes(deps)  # served by the HTTP listener
    application.add_handlers(build_fallback_handlers(), FEATURES)
    application.add_handler(TypeHandler(Update, save_conversation_state), AFTER_EVERY_UPDATE)
    application.add_error_handler(report_error)


__all__ = ["deliver", "register", "start_up"]
