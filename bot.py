"""Follow-up Coach: start the bot on Telegram, or as a chat in this terminal when there is no token.

This file only wires things together: settings in, resources built once, handlers registered,
then run (followup/runner.py). The rules live in followup/, the words in content/, the Telegram
glue in handlers/. Whatever stops the start (a bad setting, the data folder in use by another
process, the token refused, no network) ends with exit code 2 and one line, never a secret.
"""

from __future__ import annotations

import asyncio
import functools
import os
import socket
import sys
import warnings
from collections.abc import Sequence
from datetime import datetime, timedelta

from telegram import LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.ext import Application, ApplicationBuilder, Defaults
from telegram.warnings import PTBUserWarning

import handlers
from content import ContentError, load_library_kept
from followup.core.timing import load_timing
from followup.core.workdays import user_calendar
from followup.ops.clock import Clock, utc_now
from followup.ops.geo import process_index
from followup.ops.health import BOT_DATA_KEY as HEALTH_KEY
from followup.ops.health import Health
from followup.ops.lock import AlreadyRunning, InstanceLock
from followup.ops.logsetup import configure_logging, install_excepthooks, redact
from followup.ops.metrics import BOT_DATA_KEY as METRICS_KEY
from followup.ops.metrics import Metrics
from followup.ops.settings import Settings, SettingsError, environment, load_settings
from followup.store.persistence import StorePersistence
from followup.store.protocol import Repository
from followup.store.tinydb import TinyRepository
from followup.telegram.apicalls import MeasuredRateLimiter, MeasuredRequest, observe_updates
from followup.telegram.console import CONSOLE_TOKEN, USER_ID, TerminalChat
from followup.telegram.dispatcher import Dispatcher
from followup.telegram.pacer import ChatPacer
from followup.telegram.runner import (
    ACTIVE_LOCK_KEY,
    LostLeadership,
    StartupError,
    serve,
    stop_on_signals,
)
from handlers.common import Deps
from handlers.dialog import NAME as DIALOG

# Conversation state is also flushed after every update (see handlers/); this is the safety net.
PERSISTENCE_INTERVAL_SECONDS = 30
COUNTS_EVERY = timedelta(seconds=30)  # between counts of pending nudges and users, for /metrics
CONSOLE_BANNER = (
    "Follow-up Coach in your terminal: type /start to begin; /quit or Ctrl-D to leave. "
    "To run on Telegram, set TELEGRAM_BOT_TOKEN (from @BotFather) and start again."
)
CONSOLE_LOG = "console.log"  # the terminal chat keeps log lines out of the conversation


def build_application(
    settings: Settings,
    clock: Clock = utc_now,
    console: TerminalChat | None = None,
    chat_pace_seconds: float = 1.0,
) -> Application:  # type: ignore[type-arg]
    """The Application with its store, persistence, words, rules, dispatcher and handlers."""
    library = load_library_kept(settings.cache_dir)
    timing = load_timing()
    store = open_store(settings)
    if settings.cache_dir is not None:
        process_index.use_index_folder(settings.cache_dir)
    metrics = Metrics()
    webhook = settings.webhook is not None and console is None
    health = Health(
        clock,
        timedelta(seconds=settings.health_max_age),
        transport_name="webhook check" if webhook else "getUpdates",
    )
    builder = (
        ApplicationBuilder()
        .base_url(settings.api_base_url)
        # Files users send (calendar invitations) come from the same server: ".../file/bot".
        .base_file_url(settings.api_base_url.removesuffix("bot") + "file/bot")
        .persistence(StorePersistence(store, update_interval=PERSISTENCE_INTERVAL_SECONDS))
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        )
        .rate_limiter(MeasuredRateLimiter(metrics, max_retries=3))
        .post_init(functools.partial(_start_up, console=console))
        .post_shutdown(lambda _app: _close(store))
    )
    if console is not None:
        builder = builder.token(CONSOLE_TOKEN).request(console).get_updates_request(console)
    else:
        assert settings.token
        builder = (
            builder.token(settings.token)
            .request(MeasuredRequest(metrics, connection_pool_size=256))
            .get_updates_request(
                MeasuredRequest(metrics, None if webhook else health, connection_pool_size=1)
            )
        )
    application = builder.build()
    assert application.job_queue is not None
    # Read at each scrape from counts refreshed after a pass of the queue (at most every 30 s:
    # counting a million pending rows takes a tenth of a second).
    counts = {"pending": 0, "users": 0}
    counted_at: list[datetime] = []

    async def refresh_counts() -> None:
        now = clock()
        if not counted_at or now - counted_at[-1] >= COUNTS_EVERY:
            counted_at[:] = [now]
            counts["pending"] = await store.pending_count()
            counts["users"] = await store.user_count()

    metrics.watch(pending=lambda: counts["pending"], users=lambda: counts["users"])
    application.bot_data[METRICS_KEY] = metrics
    application.bot_data[HEALTH_KEY] = health
    if settings.database_url and console is None:
        from followup.store.postgres import ActiveLock

        # Replicas on one database: the one holding this lock polls and sends; others stand by.
        application.bot_data[ACTIVE_LOCK_KEY] = ActiveLock(settings.database_url)
    application.bot_data["deps"] = Deps(
        store=store,
        library=library,
        timing=timing,
        clock=clock,
        default_timezone=settings.timezone,
        dispatcher=Dispatcher(
            application.job_queue,
            store,
            handlers.deliver,
            clock,
            owner=f"{socket.gethostname()}:{os.getpid()}",
            after_pass=refresh_counts,
        ),
        pacer=ChatPacer(chat_pace_seconds),
        default_language=settings.language,
        weekly_cards=settings.weekly_card,
        zones=process_index.zone_resolver(),
        calendar_for=functools.partial(user_calendar, default=settings.country),
        public_url=settings.public_url,
    )
    allowed = settings.allowed_users
    if console is not None and allowed is not None:
        allowed = allowed | {USER_ID}  # the person at the keyboard runs the bot: always let in
    observe_updates(application, metrics, health if webhook else None)
    handlers.register(application, application.bot_data["deps"], allowed)
    return application


def open_store(settings: Settings) -> Repository:
    """PostgreSQL when a database URL is set (several replicas may share it), else TinyDB files."""
    if settings.database_url:
        from followup.store.postgres import PostgresRepository  # psycopg only when needed

        return PostgresRepository(settings.database_url)
    return TinyRepository(settings.data_dir)


async def _start_up(application: Application, console: TerminalChat | None) -> None:  # type: ignore[type-arg]
    """The handlers' start-up; in the terminal chat, then the open question again, if any."""
    await handlers.start_up(application)
    if console is not None:
        store: Repository = application.bot_data["deps"].store
        states = await store.conversation_states(DIALOG)
        if any(key[-1] == USER_ID for key in states):  # the key's last element is the user
            console.show_last_message()


async def _close(store: Repository) -> None:
    await store.close()


async def run(application: Application, settings: Settings, console: TerminalChat | None) -> None:  # type: ignore[type-arg]
    """Serve until SIGINT, SIGTERM or (in the terminal chat) /quit."""
    stop = asyncio.Event()
    stop_on_signals(stop)
    if console is not None:
        console.on_quit = stop.set
        print(f"{CONSOLE_BANNER} (Log: {settings.data_dir / CONSOLE_LOG})", flush=True)
    await serve(application, settings, stop)


def main(argv: Sequence[str] | None = None) -> int:
    """Read settings, build the bot, run it until stopped; exit code 2 when it can't start."""
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "migrate-data":  # copy a data folder into PostgreSQL, then exit
        from followup.store.migrate import main as migrate_data

        return migrate_data(argv[1:], environment())
    try:
        settings = load_settings(argv, environment())
    except SettingsError as error:
        return _cannot_start(error, [])
    install_excepthooks(settings.secrets)
    log_file = settings.data_dir / CONSOLE_LOG if settings.use_console else None
    configure_logging(settings.log_level, settings.secrets, settings.log_format, log_file)
    lock = folder_lock(settings)
    try:
        if lock is not None:
            lock.acquire()
        console = TerminalChat(files_dir=settings.data_dir) if settings.use_console else None
        # ValueError: a broken timing.toml; ContentError: broken words.
        application = build_application(settings, console=console)
    except (AlreadyRunning, ContentError, ValueError) as error:
        if lock is not None:
            lock.release()
        return _cannot_start(error, settings.secrets)
    try:
        asyncio.run(run(application, settings, console))
    except StartupError as error:
        return _cannot_start(error, settings.secrets)
    except LostLeadership as error:
        print(f"bot.py: {error}", file=sys.stderr, flush=True)
        return 1  # a supervisor starts it again, as a standby if another replica took over
    finally:
        if lock is not None:
            lock.release()
    return 0


def folder_lock(settings: Settings) -> InstanceLock | None:
    """One bot per data folder when the folder holds the data (or the terminal chat's log).

    With PostgreSQL the active lock keeps two replicas from both sending, and replicas on one
    machine may share the folder: it only caches the city index, which is replaced atomically.
    """
    if settings.database_url and not settings.use_console:
        return None
    return InstanceLock(settings.data_dir)


def _cannot_start(error: Exception, secrets: list[str]) -> int:
    """One line on stderr, exit code 2."""
    line = " ".join(str(error).split())
    print(f"bot.py: {redact(line, secrets)}", file=sys.stderr, flush=True)
    return 2


# ConversationHandler warns that buttons are tracked per chat, not per message: that is intended.
warnings.filterwarnings("ignore", category=PTBUserWarning, message=".*per_message.*")

if __name__ == "__main__":
    sys.exit(main())
