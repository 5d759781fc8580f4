"""Where the bot under test keeps things: TinyDB files or a PostgreSQL database, and one way in.

Tests read and write stored state only through the Repository: the running bot's own (so a
TinyDB bot's memory and the test agree), or one opened for the moment when no bot runs.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from followup.core.model import Interview, Nudge, NudgeState, UserSettings
from followup.store.protocol import Repository
from followup.store.tinydb import TinyRepository

if TYPE_CHECKING:
    from telegram.ext import Application

TINYDB = "tinydb"
POSTGRESQL = "postgresql"

# On a test that is about TinyDB's files (their layout, a damaged file): run it on TinyDB only.
only_tinydb = pytest.mark.parametrize("backend", [TINYDB], indirect=True)


@dataclass
class Backend:
    """One test's store: the data folder (always there: locks, logs) and, for PostgreSQL, a URL."""

    data_dir: Path
    database_url: str | None = None
    running: Application | None = None  # type: ignore[type-arg]  # the bot started on it

    @property
    def name(self) -> str:
        return POSTGRESQL if self.database_url else TINYDB

    @asynccontextmanager
    async def repository(self) -> AsyncIterator[Repository]:
        """The store as the bot sees it: the running bot's own, else one opened for the moment."""
        if self.running is not None:
            yield self.running.bot_data["deps"].store
            return
        if self.database_url is None:
            # Records need no open(): it only indexes the nudge queue, which a visit never asks,
            # and it would tidy temporary files a bot in another process may be writing.
            files = TinyRepository(self.data_dir)
            try:
                yield files
            finally:
                await files.close()
            return
        from followup.store.postgres import PostgresRepository

        database = PostgresRepository(self.database_url, max_size=2)
        await database.open()
        try:
            yield database
        finally:
            await database.close()


async def save_settings(backend: Backend, settings: UserSettings) -> None:
    async with backend.repository() as store:
        await store.save_settings(settings)


async def stored_settings(backend: Backend, user_id: int) -> UserSettings | None:
    async with backend.repository() as store:
        return await store.settings(user_id)


async def stored_interviews(backend: Backend, user_id: int) -> list[Interview]:
    """The user's interviews, newest first."""
    async with backend.repository() as store:
        return await store.interviews(user_id)


async def open_interviews(backend: Backend, user_id: int) -> list[Interview]:
    """The user's interviews with no outcome yet, newest first."""
    return [i for i in await stored_interviews(backend, user_id) if i.is_open]


async def pending_nudges(backend: Backend, user_id: int) -> list[Nudge]:
    """The user's nudges still waiting to be sent, soonest due first."""
    async with backend.repository() as store:
        return [n for n in await store.nudges(user_id) if n.state is NudgeState.PENDING]
