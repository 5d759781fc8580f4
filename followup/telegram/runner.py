"""Run the Application until it is told to stop, the way an operator needs it run.

In order: reach the Bot API (retrying with backoff while the network is down, for up to
`connect_timeout` seconds), run the start-up work, take updates by long polling or by webhook,
start the scheduler's heartbeat and the /healthz + /metrics listener, then wait for SIGINT or
SIGTERM (or the terminal chat's /quit) and stop everything in reverse order. What can go wrong
at start (the token refused, the API unreachable) ends as a StartupError whose message is one
line, for bot.py to print and exit 2 with.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import time
from collections.abc import Iterator
from typing import Any

from telegram.error import Conflict, InvalidToken, NetworkError, TelegramError
from telegram.ext import Application, CallbackContext

from followup.health import BOT_DATA_KEY as HEALTH_KEY
from followup.health import SCHEDULER, Health
from followup.logsetup import redact
from followup.metrics import BOT_DATA_KEY as METRICS_KEY
from followup.metrics import Metrics
from followup.monitoring import MonitoringServer
from followup.settings import Settings
from followup.telegram.webhook import start_webhook

log = logging.getLogger(__name__)
ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]
POLL_TIMEOUT = 10  # seconds a getUpdates waits for news: well inside the health limit
TICK_JOB = "health:tick"
MONITOR_KEY = "monitor"
FIRST_RETRY, LONGEST_RETRY = 1.0, 15.0  # seconds between tries to reach the API at start
BOOTSTRAP_RETRIES = 1  # for deleteWebhook or setWebhook, once the API has answered getMe
App = Application  # type: ignore[type-arg]


class StartupError(Exception):
    """The bot cannot start; the message is one line for the operator, with no secret in it."""


async def connect(application: App, settings: Settings) -> None:
    """getMe until it answers: retry network failures with backoff, give up after the timeout."""
    where = settings.api_base_url
    deadline = time.monotonic() + settings.connect_timeout
    wait, attempt = FIRST_RETRY, 0
    while True:
        attempt += 1
        try:
            await application.bot.initialize()
            return
        except InvalidToken:
            raise StartupError(
                f"the Bot API at {where} refused the token in {settings.named('token')}: check "
                f"it with @BotFather (or {settings.named('api_base_url')} if it is not "
                "Telegram's address)"
            ) from None
        except NetworkError as error:
            reason = _one_line(error, settings)
            left = deadline - time.monotonic()
            if left <= 0:
                raise StartupError(
                    f"could not reach the Bot API at {where} for {settings.connect_timeout:g} s "
                    f"({reason}); check the network or {settings.named('api_base_url')}, or "
                    f"wait longer with {settings.named('connect_timeout')}"
                ) from None
            wait = min(wait, left)
            log.warning("cannot reach the Bot API at %s (try %d: %s); trying again in %.0f s",
                        where, attempt, reason, wait)  # fmt: skip
            await asyncio.sleep(wait)
            wait = min(wait * 2, LONGEST_RETRY)
        except Exception as error:
            raise StartupError(
                f"could not start talking to the Bot API at {where}: {_one_line(error, settings)}"
            ) from None


def _one_line(error: BaseException, settings: Settings) -> str:
    text = str(error).strip().splitlines()
    return redact(text[0] if text else type(error).__name__, settings.secrets)


def _on_poll_error(error: TelegramError) -> None:
    """Polling failed once (python-telegram-bot tries again by itself)."""
    if isinstance(error, Conflict):
        log.error("Telegram refuses this poll: another process is taking updates for this bot "
                  "(a copy on other data, or a webhook): %s", error)  # fmt: skip
    else:
        log.warning("polling failed, trying again: %s", error)


async def _tick(context: CallbackContext[Any, Any, Any, Any]) -> None:
    """The scheduler's heartbeat."""
    context.bot_data[HEALTH_KEY].beat(SCHEDULER)


def stop_on_signals(stop: asyncio.Event) -> None:
    """SIGINT and SIGTERM end the run cleanly."""
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)


@contextlib.contextmanager
def _one_line_failures() -> Iterator[None]:
    """PTB logs a traceback when its set-up call (setWebhook, deleteWebhook) finally fails; the
    caller reports that failure in one line instead, so the traceback is held back meanwhile."""
    loop_log = logging.getLogger("telegram.ext")  # where PTB's network loop logs
    level = loop_log.level
    loop_log.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        loop_log.setLevel(level)


async def _start_transport(
    application: App, settings: Settings, health: Health, every: float
) -> None:
    """Long polling, or the webhook server registered with Telegram; StartupError if refused."""
    assert application.updater is not None
    hook = settings.webhook if not settings.use_console else None
    try:
        with _one_line_failures():
            if hook is not None:
                await start_webhook(application, hook, ALLOWED_UPDATES, health, every)
            else:
                await application.updater.start_polling(
                    timeout=POLL_TIMEOUT,
                    allowed_updates=ALLOWED_UPDATES,
                    error_callback=_on_poll_error,
                    bootstrap_retries=BOOTSTRAP_RETRIES,
                )
    except TelegramError as error:
        reason = _one_line(error, settings)
        if hook is None:
            raise StartupError(f"Telegram refused to start polling ({reason})") from None
        raise StartupError(
            f"Telegram refused the webhook {hook.url} ({reason}); "
            f"check {settings.named('webhook_url')}"
        ) from None
    except OSError as error:
        assert hook is not None  # only the webhook server binds a port
        raise StartupError(
            f"can't serve the webhook on {hook.listen_host}:{hook.listen_port} "
            f"({error.strerror or error}); check {settings.named('webhook_listen')}"
        ) from None


async def serve(
    application: App,
    settings: Settings,
    stop: asyncio.Event,
    ready: asyncio.Event | None = None,
) -> None:
    """Connect, start, run until `stop` is set, then shut down; StartupError if it can't start.

    `ready` is set once updates are taken; the /healthz listener, if any, is then in
    `application.bot_data[MONITOR_KEY]`.
    """
    assert application.updater is not None and application.job_queue is not None
    health: Health = application.bot_data[HEALTH_KEY]
    metrics: Metrics = application.bot_data[METRICS_KEY]
    monitor: MonitoringServer | None = None
    try:
        await connect(application, settings)
        await application.initialize()
        if application.post_init:
            await application.post_init(application)
        every = max(1.0, min(10.0, health.max_age.total_seconds() / 3))
        application.job_queue.run_repeating(_tick, interval=every, first=0, name=TICK_JOB)
        await _start_transport(application, settings, health, every)
        await application.start()
        if settings.http_port is not None:
            monitor = MonitoringServer(health, metrics, settings.http_host, settings.http_port)
            try:
                monitor.start()
            except OSError as error:
                monitor = None
                raise StartupError(
                    f"can't serve /healthz on {settings.http_host}:{settings.http_port} "
                    f"({error.strerror or error}); check {settings.named('http_port')}"
                ) from None
            log.info("health at %s/healthz, metrics at %s/metrics", monitor.url, monitor.url)
        application.bot_data[MONITOR_KEY] = monitor
        hook = settings.webhook if not settings.use_console else None
        log.info("running (%s); stop with Ctrl-C or SIGTERM",
                 f"webhook {hook.url}" if hook else "long polling")  # fmt: skip
        if ready is not None:
            ready.set()
        await stop.wait()
        log.info("stopping")
    finally:
        if monitor is not None:
            await monitor.stop()
        if application.updater.running:
            await application.updater.stop()
        if application.running:
            await application.stop()
        await application.shutdown()
        await application.bot.shutdown()  # also when only the connection was set up
        if application.post_shutdown:
            with contextlib.suppress(Exception):
                await application.post_shutdown(application)
