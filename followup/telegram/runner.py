"""Run the Application until it is told to stop, the way an operator needs it run.

In order: open the /healthz + /metrics listener; with a shared database, wait as a standby until
this replica holds the active lock; reach the Bot API (retrying with backoff while the network is
down, for up to `connect_timeout` seconds), run the start-up work, take updates by long polling or
by webhook, start the scheduler's heartbeat, then wait for SIGINT or SIGTERM (or the terminal
chat's /quit) and stop everything in reverse order. What can go wrong at start (the token
refused, the API unreachable) ends as a StartupError whose message is one line, for bot.py to
print and exit 2 with. An active replica that loses its lock (its database connection died)
stops with LostLeadership, so a standby takes over and a supervisor starts it again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import time
from collections.abc import Iterator
from typing import Any, Protocol

from telegram.error import Conflict, InvalidToken, NetworkError, TelegramError
from telegram.ext import Application, CallbackContext

from followup.ops.health import BOT_DATA_KEY as HEALTH_KEY
from followup.ops.health import SCHEDULER, Health
from followup.ops.logsetup import redact
from followup.ops.metrics import BOT_DATA_KEY as METRICS_KEY
from followup.ops.metrics import Metrics
from followup.ops.monitoring import ROUTES_KEY, MonitoringServer
from followup.ops.settings import Settings
from followup.telegram.webhook import start_webhook

log = logging.getLogger(__name__)
ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]
POLL_TIMEOUT = 10  # seconds a getUpdates waits for news: well inside the health limit
TICK_JOB = "health:tick"
MONITOR_KEY = "monitor"
FIRST_RETRY, LONGEST_RETRY = 1.0, 15.0  # seconds between tries to reach the API at start
BOOTSTRAP_RETRIES = 1  # for deleteWebhook or setWebhook, once the API has answered getMe
ACTIVE_LOCK_KEY = "active_lock"  # bot_data: the lock that makes one replica of several active
STANDBY_CHECK = 2.0  # seconds between a standby's tries for the active lock
ACTIVE_CHECK = 3.0  # seconds between an active replica's checks that it still holds it
App = Application  # type: ignore[type-arg]


class StartupError(Exception):
    """The bot cannot start; the message is one line for the operator, with no secret in it."""


class LostLeadership(Exception):
    """The active replica lost its lock (its database connection died) and stopped serving."""


class ActiveLock(Protocol):
    """What the runner needs of the active lock (the real one: followup/store/postgres/lock.py)."""

    async def try_acquire(self) -> bool: ...

    async def still_held(self) -> bool: ...

    async def release(self) -> None: ...


async def wait_to_lead(lock: ActiveLock, health: Health, stop: asyncio.Event) -> bool:
    """Stand by until this replica holds the active lock (True), or until told to stop (False).

    Meanwhile /healthz answers 503 "standby", so a load balancer sends webhooks elsewhere.
    """
    health.standby = True
    told = False
    while not stop.is_set():
        if await lock.try_acquire():
            health.take_over()
            log.info("this replica is now the active one")
            return True
        if not told:
            log.info("standby: another replica is active; trying every %g s", STANDBY_CHECK)
            told = True
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), STANDBY_CHECK)
    return False


async def _keep_leading(lock: ActiveLock, stop: asyncio.Event, lost: asyncio.Event) -> None:
    """While active, check the lock is still ours; if not, stop serving at once."""
    while not stop.is_set():
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), ACTIVE_CHECK)
        if not stop.is_set() and not await lock.still_held():
            log.error("lost the active lock (the database connection is gone); stopping so "
                      "another replica takes over")  # fmt: skip
            lost.set()
            stop.set()


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
    `application.bot_data[MONITOR_KEY]`. With an active lock in bot_data, the replica first
    stands by until it holds it.
    """
    assert application.updater is not None and application.job_queue is not None
    health: Health = application.bot_data[HEALTH_KEY]
    metrics: Metrics = application.bot_data[METRICS_KEY]
    lock: ActiveLock | None = application.bot_data.get(ACTIVE_LOCK_KEY)
    monitor: MonitoringServer | None = None
    lost = asyncio.Event()
    watch: asyncio.Task[None] | None = None
    try:
        monitor = _start_monitor(health, metrics, settings, application.bot_data.get(ROUTES_KEY))
        application.bot_data[MONITOR_KEY] = monitor
        if lock is not None:
            if not await wait_to_lead(lock, health, stop):
                return
            watch = asyncio.create_task(_keep_leading(lock, stop, lost))
        await connect(application, settings)
        await application.initialize()
        if application.post_init:
            await application.post_init(application)
        every = max(1.0, min(10.0, health.max_age.total_seconds() / 3))
        application.job_queue.run_repeating(_tick, interval=every, first=0, name=TICK_JOB)
        await _start_transport(application, settings, health, every)
        await application.start()
        hook = settings.webhook if not settings.use_console else None
        log.info("running (%s); stop with Ctrl-C or SIGTERM",
                 f"webhook {hook.url}" if hook else "long polling")  # fmt: skip
        if ready is not None:
            ready.set()
        await stop.wait()
        log.info("stopping")
    finally:
        if watch is not None:
            watch.cancel()
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
        if lock is not None:
            with contextlib.suppress(Exception):
                await lock.release()
    if lost.is_set():
        raise LostLeadership("lost the active lock: the database connection is gone")


def _start_monitor(
    health: Health, metrics: Metrics, settings: Settings, routes: list[Any] | None = None
) -> MonitoringServer | None:
    """The /healthz and /metrics listener (and any pages in `routes`), when a port is set;
    StartupError if it can't bind."""
    if settings.http_port is None:
        return None
    monitor = MonitoringServer(
        health, metrics, settings.http_host, settings.http_port, routes or ()
    )
    try:
        monitor.start()
    except OSError as error:
        raise StartupError(
            f"can't serve /healthz on {settings.http_host}:{settings.http_port} "
            f"({error.strerror or error}); check {settings.named('http_port')}"
        ) from None
    log.info("health at %s/healthz, metrics at %s/metrics", monitor.url, monitor.url)
    return monitor
