"""Follow-up Coach: start the bot on Telegram, or as a chat in this terminal when there is no token.

This file only wires things together: settings in, resources built once, handlers registered,
then run. The rules live in followup/, the words in content/, the Telegram glue in handlers/.
"""

from __future__ import annotations

import functools
import sys
import warnings
from collections.abc import Sequence

from telegram import LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.ext import Application, ApplicationBuilder, Defaults
from telegram.warnings import PTBUserWarning

import handlers
from content import ContentError, load_content
from followup.clock import Clock, utc_now
from followup.console import CONSOLE_TOKEN, TerminalChat
from followup.logsetup import configure_logging
from followup.pacer import ChatPacer
from followup.persistence import StorePersistence
from followup.ratelimit import PatientRateLimiter
from followup.scheduler import NudgeScheduler
from followup.settings import Settings, SettingsError, environment, load_settings
from followup.store import Store
from followup.timing import load_timing
from followup.workdays import user_calendar
from handlers.chase import load_phrasebook
from handlers.common import Deps

# Conversation state is also flushed after every update (see handlers/); this is the safety net.
PERSISTENCE_INTERVAL_SECONDS = 30
CONSOLE_BANNER = (
    "Follow-up Coach in your terminal: type /start to begin; /quit or Ctrl-D to leave. "
    "To run on Telegram, set TELEGRAM_BOT_TOKEN (from @BotFather) and start again."
)


def build_application(
    settings: Settings,
    clock: Clock = utc_now,
    console: TerminalChat | None = None,
    chat_pace_seconds: float = 1.0,
) -> Application:  # type: ignore[type-arg]
    """The Application with its store, persistence, words, rules, scheduler and handlers."""
    content = load_content()
    timing = load_timing()
    store = Store(settings.data_dir)
    builder = (
        ApplicationBuilder()
        .base_url(settings.api_base_url)
        .persistence(StorePersistence(store, update_interval=PERSISTENCE_INTERVAL_SECONDS))
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        )
        .rate_limiter(PatientRateLimiter(max_retries=3))
        .post_init(handlers.start_up)
        .post_shutdown(lambda _app: _close(store))
    )
    if console is not None:
        builder = builder.token(CONSOLE_TOKEN).request(console).get_updates_request(console)
    else:
        assert settings.token
        builder = builder.token(settings.token)
    application = builder.build()
    assert application.job_queue is not None
    application.bot_data["deps"] = Deps(
        store=store,
        content=content,
        timing=timing,
        clock=clock,
        default_timezone=settings.timezone,
        scheduler=NudgeScheduler(application.job_queue, handlers.send_due_nudge),
        pacer=ChatPacer(chat_pace_seconds),
        phrases=load_phrasebook(content),
        calendar_for=functools.partial(user_calendar, default=settings.country),
    )
    handlers.register(application, application.bot_data["deps"], settings.allowed_users)
    return application


async def _close(store: Store) -> None:
    store.close()


def main(argv: Sequence[str] | None = None) -> int:
    """Read settings, build the bot, run it until stopped; exit code 2 on bad settings."""
    try:
        settings = load_settings(sys.argv[1:] if argv is None else argv, environment())
        configure_logging(settings.log_level, [settings.token or ""])
        console = TerminalChat(files_dir=settings.data_dir) if settings.use_console else None
        application = build_application(settings, console=console)
    except (SettingsError, ContentError, ValueError) as error:
        print(f"bot.py: {error}", file=sys.stderr)
        return 2
    if console is not None:
        print(CONSOLE_BANNER, flush=True)
        console.on_quit = application.stop_running
    application.run_polling(allowed_updates=["message", "edited_message", "callback_query"])
    return 0


# ConversationHandler warns that buttons are tracked per chat, not per message: that is intended.
warnings.filterwarnings("ignore", category=PTBUserWarning, message=".*per_message.*")

if __name__ == "__main__":
    sys.exit(main())
