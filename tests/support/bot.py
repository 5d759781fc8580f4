"""The one way tests start the real bot: built as bot.py builds it, polling the fake Bot API."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

from telegram.ext import Application

from bot import build_application
from followup.ops.clock import utc_now
from followup.ops.settings import Settings
from tests.support.clock import Clock
from tests.support.fake_telegram import FakeTelegram
from tests.support.stores import Backend

Bot = Application  # type: ignore[type-arg]


def bot_settings(
    fake: FakeTelegram,
    backend: Backend,
    *,
    zone: str = "Europe/London",
    base_url: str | None = None,
    allowed_users: frozenset[int] | None = None,
    log_level: str = "INFO",
    **overrides: Any,
) -> Settings:
    """Settings for the fake's token on the test's store; base_url puts a proxy in between."""
    settings = Settings(
        token=fake.token,
        api_base_url=base_url or fake.base_url,
        data_dir=backend.data_dir,
        timezone=zone,
        console=False,
        log_level=log_level,
        allowed_users=allowed_users,
        database_url=backend.database_url,
        # Tests of other features see no weekly card; tests/e2e/test_board.py turns it on.
        weekly_card=False,
    )
    return dataclasses.replace(settings, **overrides)


@asynccontextmanager
async def running_bot(
    fake: FakeTelegram,
    backend: Backend,
    clock: Callable[[], datetime] = utc_now,
    **options: Any,
) -> AsyncIterator[Bot]:
    """The real Application, started and stopped as run_polling does; options: see bot_settings.

    While it runs, the backend's repository() is this bot's store and clock.go() wakes its
    scheduler.
    """
    application = build_application(
        bot_settings(fake, backend, **options), clock=clock, chat_pace_seconds=0.05
    )
    await application.initialize()
    if application.post_init:
        await application.post_init(application)
    await application.start()
    assert application.updater is not None
    await application.updater.start_polling(poll_interval=0, timeout=1)
    backend.running = application
    if isinstance(clock, Clock):
        clock.bot = application
    try:
        yield application
    finally:
        backend.running = None
        if isinstance(clock, Clock):
            clock.bot = None
        await application.updater.stop()
        await application.stop()
        await application.shutdown()
        if application.post_shutdown:
            await application.post_shutdown(application)


async def sends_settled(application: Bot, within: float = 10.0) -> None:
    """Wait until the bot's pass over due nudges is over and each send is settled in the store.

    A person reads a nudge before answering it; a test that answers at once waits for this first,
    since a store across a network settles a send a little after the message arrives.
    """
    dispatcher = application.bot_data["deps"].dispatcher
    async with asyncio.timeout(within):
        while dispatcher.busy:
            await asyncio.sleep(0.01)
